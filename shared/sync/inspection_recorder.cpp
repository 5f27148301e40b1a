#include "shared/sync/inspection_recorder.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "shared/common/clock.h"
#include "shared/common/shanghai_time.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"
#include "shared/policy/write_rules.h"
#include "shared/store/transaction.h"

namespace ducha::sync {

using namespace ducha::domain;

double distance_m(const pb::GeoPoint& a, const pb::GeoPoint& b) {
    constexpr double kR = 6371000.0, kDeg = M_PI / 180.0;
    double dlat = (b.lat() - a.lat()) * kDeg, dlon = (b.lon() - a.lon()) * kDeg;
    double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
               std::cos(a.lat() * kDeg) * std::cos(b.lat() * kDeg) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kR * std::asin(std::min(1.0, std::sqrt(h)));
}

namespace {
template <typename M>
Result<M> load(LocalStore& s, std::string_view collection, const std::string& id, Msg what) {
    auto r = s.get(collection, id);
    if (!r) return fail(r.error());
    M m;
    if (!*r || (*r)->deleted() || !m.ParseFromString((*r)->payload()))
        return fail(Errc::not_found, Msg::no_such_thing_sync_first, render(what, {}, Lang::zh), render(what, {}, Lang::en), id);
    return m;
}
}  // namespace

Result<DeviceChecklist> newest_checklist(LocalStore& store) {
    auto records = store.list(kChecklistTemplate);
    if (!records) return fail(records.error());
    std::optional<DeviceChecklist> best;
    for (const auto& r : *records) {
        pb::ChecklistTemplate t;
        if (t.ParseFromString(r.payload()) && (!best || t.template_version() >= best->checklist.template_version()))
            best = DeviceChecklist{r.id(), std::move(t)};
    }
    if (!best) return fail(Errc::not_found, Msg::no_checklist_device_sync_first);
    return std::move(*best);
}

namespace {

// The report an amendment corrects, as this device holds it.
Result<pb::Report> amended_original(LocalStore& store, const std::string& id) {
    auto rec = store.get(kReport, id);
    if (!rec) return fail(rec.error());
    pb::Report orig;
    if (!*rec || (*rec)->deleted() || !orig.ParseFromString((*rec)->payload()))
        return fail(Errc::not_found, Msg::no_report_device_amend, id);
    return orig;
}

// When the server received the original, from its signed receipt: the server's clock, not this
// device's, decides the 7-day window. nullopt while no receipt has arrived.
std::optional<std::int64_t> received_ms(LocalStore& store, const std::string& report_id) {
    auto rec = store.get(kReceipt, report_id);
    pb::Receipt receipt;
    if (!rec || !*rec || (*rec)->deleted() || !receipt.ParseFromString((*rec)->payload()) || receipt.server_time() <= 0)
        return std::nullopt;
    return receipt.server_time();
}

}  // namespace

namespace {

// What a report is about: the task (none for an unlisted site or an amendment), the original an
// amendment corrects, the site, and the checklist the answers are judged against.
struct Subject {
    std::optional<pb::Task> task;
    std::optional<pb::Report> original;  // set for an amendment
    pb::Institution site;
    std::string institution_id, template_id;
    pb::ChecklistTemplate checklist;
};

// An evidence file saved (encrypted) on the device, before the report that names it exists.
struct Stored {
    std::string hex, item, mime, kind;
    std::int64_t size;
};

// A site found in the field: a new field-reported institution, checked with the newest checklist.
Result<Subject> unlisted_site_subject(LocalStore& store, const InspectionInput& in, const Identity& ident) {
    Subject s;
    pb::Institution& site = s.site;
    const auto& u = *in.unlisted_site;
    if (!in.amends.empty())
            return fail(Errc::invalid_argument, Msg::amendment_takes_original_site_give);
    if (!in.task_id.empty())
            return fail(Errc::invalid_argument, Msg::unlisted_site_reported_without_task);
    if (u.name.empty() || u.address.empty())
        return fail(Errc::invalid_argument, Msg::give_site_name_and_address);
    site.set_district_id(ident.district_id);
    site.set_zone_id(u.zone_id);
    site.set_name(u.name);
    site.set_address(u.address);
    site.set_community(u.community);
    site.set_category(u.category);
    site.set_academic(u.academic);
    site.set_licensed(false);
    site.set_field_reported(true);
    if (in.gps) *site.mutable_location() = *in.gps;
    s.institution_id = crypto::new_uuid();
    if (!in.template_id.empty()) {
        auto tpl = load<pb::ChecklistTemplate>(store, kChecklistTemplate, in.template_id, Msg::thing_checklist);
        if (!tpl) return fail(tpl.error());
        s.template_id = in.template_id;
        s.checklist = std::move(*tpl);
        return s;
    }
    auto newest = newest_checklist(store);
    if (!newest) return fail(newest.error());
    s.template_id = std::move(newest->id);
    s.checklist = std::move(newest->checklist);
    return s;
}

// A correction: refused here, before anything is stored, when the rules would refuse it when
// queued; it takes the original's site and checklist.
Result<Subject> amendment_subject(DeviceProfile& profile, const InspectionInput& in, const Identity& ident) {
    auto& store = profile.store();
    Subject s;
    if (!in.task_id.empty())
            return fail(Errc::invalid_argument, Msg::amendment_takes_original_task_give);
    auto orig = amended_original(store, in.amends);
    if (!orig) return fail(orig.error());
    s.original = std::move(*orig);
    const auto& original = s.original;
    // Judged before anything is stored: not the author, another task, or too late, in the
    // rules' own words (the same judgement runs again when the report is queued).
    pb::Report probe;
    probe.set_task_id(original->task_id());
    probe.set_institution_id(original->institution_id());
    probe.set_district_id(original->district_id());
    probe.set_device_id(ident.device_id);
    probe.set_user_id(ident.user_id);
    probe.set_covert(original->covert());
    probe.set_unlisted(original->unlisted());
    probe.set_amends(in.amends);
    probe.set_template_id(original->template_id());
    probe.set_template_version(original->template_version());
    pb::Mutation pm;
    pm.set_collection(std::string(kReport));
    pm.set_id(crypto::new_uuid());
    pm.set_payload(probe.SerializeAsString());
    if (auto st = profile.check_write(pm); !st) return fail(st.error());
    if (auto at = received_ms(store, in.amends); at && unix_ms_now() - *at > policy::kAmendWindowMs)
            return fail(Errc::forbidden, Msg::amend_window_passed, shanghai_minute(*at));
    // No task is loaded: it may be finished or gone from this replica, the original names all
    // the amendment needs, and a correction does not move the task's status again.
    auto inst = load<pb::Institution>(store, kInstitution, original->institution_id(), Msg::thing_institution);
    if (!inst) return fail(inst.error());
    auto tpl = load<pb::ChecklistTemplate>(store, kChecklistTemplate, original->template_id(), Msg::thing_checklist);
    if (!tpl) return fail(tpl.error());
    s.site = std::move(*inst);
    s.checklist = std::move(*tpl);
    s.institution_id = original->institution_id();
    s.template_id = original->template_id();
    return s;
}

// A visit of a task: the task must still be open; its site and checklist must be on the device.
Result<Subject> task_subject(LocalStore& store, const InspectionInput& in) {
    Subject s;
    auto t = load<pb::Task>(store, kTask, in.task_id, Msg::thing_task);
    if (!t) return fail(t.error());
    if (t->status() == "done" || t->status() == "cancelled")
            return fail(Errc::invalid_argument, Msg::task_finished, t->status());
    auto inst = load<pb::Institution>(store, kInstitution, t->institution_id(), Msg::thing_institution);
    if (!inst) return fail(inst.error());
    auto tpl = load<pb::ChecklistTemplate>(store, kChecklistTemplate, t->template_id(), Msg::thing_checklist);
    if (!tpl) return fail(tpl.error());
    s.task = std::move(*t);
    s.site = std::move(*inst);
    s.checklist = std::move(*tpl);
    s.institution_id = s.task->institution_id();
    s.template_id = s.task->template_id();
    return s;
}

// The answers as the checklist accepts them, each counting the photos that back it.
Result<std::vector<pb::Answer>> checked_answers(const InspectionInput& in, const Subject& s, bool covert, bool unlisted) {
    // Photos not tied to an item also serve as the evidence of failed items that demand one.
    std::map<std::string, int> per_item;
    int general = 0;
    for (const auto& p : in.photos) (p.item_code.empty() ? general : per_item[p.item_code])++;
    std::vector<AnswerInput> answers = in.answers;
    for (auto& a : answers) a.photo_count = per_item[a.code] + general;
    InspectionContext ctx{s.site.academic(), covert, unlisted};
    return validate_answers(s.checklist, ctx, answers);
}

// Store the evidence files first (encrypted); nothing references them until the report commits.
Result<std::vector<Stored>> store_evidence_files(DeviceProfile& profile, const InspectionInput& in) {
    std::vector<Stored> files;
    for (const auto& p : in.photos) {
        if (p.data.empty()) return fail(Errc::invalid_argument, Msg::photo_file_empty);
        auto hex = profile.save_blob(p.data);
        if (!hex) return fail(hex.error());
        files.push_back({*hex, p.item_code, p.mime, "photo", static_cast<std::int64_t>(p.data.size())});
    }
    if (!in.signature_png.empty()) {
        auto hex = profile.save_blob(in.signature_png);
        if (!hex) return fail(hex.error());
        files.push_back({*hex, "", "image/png", "signature", static_cast<std::int64_t>(in.signature_png.size())});
    }
    return files;
}

// The same file attached twice (to two items, say) is one blob, stored and uploaded once.
std::vector<const Stored*> unique_files(const std::vector<Stored>& files) {
    std::vector<const Stored*> unique;
    for (const auto& f : files)
        if (std::none_of(unique.begin(), unique.end(), [&](const Stored* u) { return u->hex == f.hex; }))
            unique.push_back(&f);
    return unique;
}

// The report as it will be signed, all but its place in the device's chain: who, where, the
// answers with their photos' hashes, the files, the GPS and the flag a supervisor sees.
pb::Report assemble_report(const InspectionInput& in, const Identity& ident, const Subject& s, bool covert, bool unlisted,
                           std::vector<pb::Answer> validated, const std::vector<Stored>& files,
                           const std::vector<const Stored*>& unique) {
    const auto& original = s.original;
    const auto& task = s.task;
    const auto& site = s.site;
    const auto& checklist = s.checklist;
    pb::Report r;
    r.set_task_id(original ? original->task_id() : in.task_id);
    r.set_institution_id(s.institution_id);
    r.set_district_id(original ? original->district_id() : task ? task->district_id() : ident.district_id);
    r.set_template_id(s.template_id);
    r.set_template_version(checklist.template_version());
    r.set_device_id(ident.device_id);
    r.set_user_id(ident.user_id);
    for (auto& a : validated) {
        for (const auto& f : files)
            if (f.kind == "photo" && (f.item == a.code() || (f.item.empty() && a.result() == "fail"))) a.add_photo_sha256(*hex_decode(f.hex));
        *r.add_answers() = std::move(a);
    }
    for (const Stored* fp : unique) {
        const Stored& f = *fp;
        auto* b = r.add_blobs();
        b->set_sha256(*hex_decode(f.hex));
        b->set_size(f.size);
        b->set_mime(f.mime);
        b->set_kind(f.kind);
    }
    r.set_device_time(in.device_time_ms.value_or(unix_ms_now()));
    if (in.gps) {
        *r.mutable_gps() = *in.gps;
        r.set_distance_m(site.has_location() ? distance_m(*in.gps, site.location()) : -1);
    } else {
        r.set_distance_m(-1);
    }
    r.set_gps_accuracy_m(in.gps_accuracy_m);
    r.set_gps_fix_age_ms(in.gps_fix_age_ms);
    r.set_mock_location(in.mock_location);
    r.set_covert(covert);
    r.set_unlisted(unlisted);
    r.set_notes(in.notes);
    r.set_amends(in.amends);
    r.set_flagged(is_flagged(checklist, {r.answers().begin(), r.answers().end()}, r.unlisted(),
                             site.past_violations() > 0));
    return r;
}

// Chains the report after this device's previous one and signs it (invariant 5). Inside the
// transaction that queues it, so two reports never take the same place in the chain.
Status chain_and_sign(LocalStore& store, const std::string& report_id, pb::Report& r, const crypto::Ed25519KeyPair& key) {
    auto idx = store.meta("chain_index");
    auto head = store.meta("chain_head");
    if (!idx || !head) return fail(Errc::storage, Msg::cannot_read_report_chain);
    r.set_chain_index((*idx ? std::stoull(**idx) : 0) + 1);
    r.set_prev_hash(*head ? **head : zero_hash());
    sign_report(report_id, r, key);
    return {};
}

// The new institution of an unlisted site, queued before the report that refers to it.
Status queue_unlisted_site(DeviceProfile& profile, const Subject& s) {
    pb::Mutation im;
    im.set_collection(std::string(kInstitution));
    im.set_id(s.institution_id);
    im.set_payload(s.site.SerializeAsString());
    auto hlc = profile.next_hlc();
    if (!hlc) return fail(hlc.error());
    im.set_hlc(*hlc);
    for (const char* f : {"district_id", "zone_id", "name", "address", "community", "category", "academic",
                          "licensed", "field_reported", "location"})
        im.add_changed_fields(f);
    if (auto q = profile.submit(im); !q) return fail(q.error());
    return {};
}

// The report, then one evidence record per file, each file put on the upload list.
Status queue_report_with_evidence(DeviceProfile& profile, const std::string& report_id, const pb::Report& r,
                                  const std::vector<const Stored*>& unique) {
    auto& store = profile.store();
    pb::Mutation m;
    m.set_collection(std::string(kReport));
    m.set_id(report_id);
    m.set_payload(r.SerializeAsString());
    if (auto q = profile.submit(m); !q) return fail(q.error());
    for (std::size_t i = 0; i < unique.size(); ++i) {
        const Stored& f = *unique[i];
        pb::Evidence e;
        e.set_report_id(report_id);
        *e.mutable_blob() = r.blobs(static_cast<int>(i));
        e.set_captured_at(r.device_time());
        pb::Mutation em;
        em.set_collection(std::string(kEvidence));
        em.set_id(crypto::new_uuid());
        em.set_payload(e.SerializeAsString());
        if (auto q = profile.submit(em); !q) return fail(q.error());
        BlobItem bi;
        bi.sha256_hex = f.hex;
        bi.size = f.size;
        bi.mime = f.mime;
        bi.report_id = report_id;
        if (auto s = store.add_blob(bi); !s) return fail(s.error());
    }
    return {};
}

// The report is now the head of this device's chain: the next one links to it.
Status advance_chain(LocalStore& store, const std::string& report_id, const pb::Report& r) {
    if (auto s = store.set_meta("chain_index", std::to_string(r.chain_index())); !s) return fail(s.error());
    if (auto s = store.set_meta("chain_head", report_hash(report_id, r)); !s) return fail(s.error());
    return {};
}

// Shown as submitted at once; the server's own change to the task follows on the next pull.
Status show_task_submitted(LocalStore& store, const InspectionInput& in, const std::optional<pb::Task>& task,
                           const std::string& report_id) {
    auto cur = task ? store.get(kTask, in.task_id) : Result<std::optional<pb::Record>>{std::nullopt};
    if (cur && *cur) {
        pb::Task t = *task;
        t.set_status("submitted");
        t.set_report_id(report_id);
        pb::Record tr = **cur;
        tr.set_payload(t.SerializeAsString());
        if (auto s = store.apply_remote(tr); !s) return fail(s.error());
    }
    return {};
}

}  // namespace

// Everything is judged before anything is written; the files are saved next, then the report,
// its evidence and the chain's new head are queued in one transaction.
Result<std::string> InspectionRecorder::record(const InspectionInput& in) {
    auto& store = m_profile.store();
    auto ident = m_profile.identity();
    if (!ident) return fail(ident.error());
    auto subject = in.unlisted_site     ? unlisted_site_subject(store, in, *ident)
                   : !in.amends.empty() ? amendment_subject(m_profile, in, *ident)
                                        : task_subject(store, in);
    if (!subject) return fail(subject.error());
    const auto& original = subject->original;
    const auto& task = subject->task;
    // An amendment keeps what the original was: covert or open, registry or unlisted site.
    const bool covert = original ? original->covert() : task && task->covert();
    const bool unlisted = original ? original->unlisted() : in.unlisted_site.has_value();
    if (covert && !in.signature_png.empty())
        return fail(Errc::invalid_argument, Msg::covert_visit_takes_no_site);
    auto validated = checked_answers(in, *subject, covert, unlisted);
    if (!validated) return fail(validated.error());

    auto key = m_profile.device_key();
    if (!key) return fail(key.error());
    auto files = store_evidence_files(m_profile, in);
    if (!files) return fail(files.error());

    std::string report_id = crypto::new_uuid();
    const auto unique = unique_files(*files);
    pb::Report r = assemble_report(in, *ident, *subject, covert, unlisted, std::move(*validated), *files, unique);

    store::Transaction tx{store.db()};
    if (!tx.begun()) return fail(tx.begun().error());
    if (auto s = chain_and_sign(store, report_id, r, *key); !s) return fail(s.error());
    if (in.unlisted_site) {  // the site first: the report refers to it
        if (auto s = queue_unlisted_site(m_profile, *subject); !s) return fail(s.error());
    }
    if (auto s = queue_report_with_evidence(m_profile, report_id, r, unique); !s) return fail(s.error());
    if (auto s = advance_chain(store, report_id, r); !s) return fail(s.error());
    if (auto s = show_task_submitted(store, in, task, report_id); !s) return fail(s.error());
    if (auto s = tx.commit(); !s) return fail(s.error());
    return report_id;
}

}  // namespace ducha::sync
