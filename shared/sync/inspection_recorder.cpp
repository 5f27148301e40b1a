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
Result<M> load(LocalStore& s, std::string_view collection, const std::string& id, std::string_view what) {
    auto r = s.get(collection, id);
    if (!r) return fail(r.error());
    M m;
    if (!*r || (*r)->deleted() || !m.ParseFromString((*r)->payload()))
        return fail(Errc::not_found, Msg::no_such_thing_sync_first, what, id);
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

Result<std::string> InspectionRecorder::record(const InspectionInput& in) {
    auto& store = m_profile.store();
    auto ident = m_profile.identity();
    if (!ident) return fail(ident.error());
    std::optional<pb::Task> task;
    std::optional<pb::Report> original;  // set for an amendment
    pb::Institution site;
    std::string institution_id, template_id;
    pb::ChecklistTemplate checklist;
    if (in.unlisted_site) {
        const auto& u = *in.unlisted_site;
        if (!in.amends.empty())
            return fail(Errc::invalid_argument, Msg::amendment_takes_original_site_give);
        if (!in.task_id.empty())
            return fail(Errc::invalid_argument, Msg::unlisted_site_reported_without_task);
        if (u.name.empty() || u.address.empty())
            return fail(Errc::invalid_argument, Msg::give_site_name_and_address);
        site.set_district_id(ident->district_id);
        site.set_zone_id(u.zone_id);
        site.set_name(u.name);
        site.set_address(u.address);
        site.set_community(u.community);
        site.set_category(u.category);
        site.set_academic(u.academic);
        site.set_licensed(false);
        site.set_field_reported(true);
        if (in.gps) *site.mutable_location() = *in.gps;
        institution_id = crypto::new_uuid();
        auto newest = newest_checklist(store);
        if (!newest) return fail(newest.error());
        template_id = std::move(newest->id);
        checklist = std::move(newest->checklist);
    } else if (!in.amends.empty()) {
        if (!in.task_id.empty())
            return fail(Errc::invalid_argument, Msg::amendment_takes_original_task_give);
        auto orig = amended_original(store, in.amends);
        if (!orig) return fail(orig.error());
        original = std::move(*orig);
        // Judged before anything is stored: not the author, another task, or too late, in the
        // rules' own words (the same judgement runs again when the report is queued).
        pb::Report probe;
        probe.set_task_id(original->task_id());
        probe.set_institution_id(original->institution_id());
        probe.set_district_id(original->district_id());
        probe.set_device_id(ident->device_id);
        probe.set_user_id(ident->user_id);
        probe.set_covert(original->covert());
        probe.set_unlisted(original->unlisted());
        probe.set_amends(in.amends);
        pb::Mutation pm;
        pm.set_collection(std::string(kReport));
        pm.set_id(crypto::new_uuid());
        pm.set_payload(probe.SerializeAsString());
        if (auto s = m_profile.check_write(pm); !s) return fail(s.error());
        if (auto at = received_ms(store, in.amends); at && unix_ms_now() - *at > policy::kAmendWindowMs)
            return fail(Errc::forbidden, Msg::amend_window_passed, shanghai_minute(*at));
        // No task is loaded: it may be finished or gone from this replica, the original names all
        // the amendment needs, and a correction does not move the task's status again.
        auto inst = load<pb::Institution>(store, kInstitution, original->institution_id(), "机构 / institution");
        if (!inst) return fail(inst.error());
        auto tpl = load<pb::ChecklistTemplate>(store, kChecklistTemplate, original->template_id(), "检查清单 / checklist");
        if (!tpl) return fail(tpl.error());
        site = std::move(*inst);
        checklist = std::move(*tpl);
        institution_id = original->institution_id();
        template_id = original->template_id();
    } else {
        auto t = load<pb::Task>(store, kTask, in.task_id, "任务 / task");
        if (!t) return fail(t.error());
        if (t->status() == "done" || t->status() == "cancelled")
            return fail(Errc::invalid_argument, Msg::task_finished, t->status());
        auto inst = load<pb::Institution>(store, kInstitution, t->institution_id(), "机构 / institution");
        if (!inst) return fail(inst.error());
        auto tpl = load<pb::ChecklistTemplate>(store, kChecklistTemplate, t->template_id(), "检查清单 / checklist");
        if (!tpl) return fail(tpl.error());
        task = std::move(*t);
        site = std::move(*inst);
        checklist = std::move(*tpl);
        institution_id = task->institution_id();
        template_id = task->template_id();
    }
    // An amendment keeps what the original was: covert or open, registry or unlisted site.
    const bool covert = original ? original->covert() : task && task->covert();
    const bool unlisted = original ? original->unlisted() : in.unlisted_site.has_value();
    if (covert && !in.signature_png.empty())
        return fail(Errc::invalid_argument, Msg::covert_visit_takes_no_site);

    // Photos not tied to an item also serve as the evidence of failed items that demand one.
    std::map<std::string, int> per_item;
    int general = 0;
    for (const auto& p : in.photos) (p.item_code.empty() ? general : per_item[p.item_code])++;
    std::vector<AnswerInput> answers = in.answers;
    for (auto& a : answers) a.photo_count = per_item[a.code] + general;
    InspectionContext ctx{site.academic(), covert, unlisted};
    auto validated = validate_answers(checklist, ctx, answers);
    if (!validated) return fail(validated.error());

    auto key = m_profile.device_key();
    if (!key) return fail(key.error());

    // Store the evidence files first (encrypted); nothing references them until the report commits.
    struct Stored {
        std::string hex, item, mime, kind;
        std::int64_t size;
    };
    std::vector<Stored> files;
    for (const auto& p : in.photos) {
        if (p.data.empty()) return fail(Errc::invalid_argument, Msg::photo_file_empty);
        auto hex = m_profile.save_blob(p.data);
        if (!hex) return fail(hex.error());
        files.push_back({*hex, p.item_code, p.mime, "photo", static_cast<std::int64_t>(p.data.size())});
    }
    if (!in.signature_png.empty()) {
        auto hex = m_profile.save_blob(in.signature_png);
        if (!hex) return fail(hex.error());
        files.push_back({*hex, "", "image/png", "signature", static_cast<std::int64_t>(in.signature_png.size())});
    }

    std::string report_id = crypto::new_uuid();
    pb::Report r;
    r.set_task_id(original ? original->task_id() : in.task_id);
    r.set_institution_id(institution_id);
    r.set_district_id(original ? original->district_id() : task ? task->district_id() : ident->district_id);
    r.set_template_id(template_id);
    r.set_template_version(checklist.template_version());
    r.set_device_id(ident->device_id);
    r.set_user_id(ident->user_id);
    for (auto& a : *validated) {
        for (const auto& f : files)
            if (f.kind == "photo" && (f.item == a.code() || (f.item.empty() && a.result() == "fail"))) a.add_photo_sha256(*hex_decode(f.hex));
        *r.add_answers() = std::move(a);
    }
    // The same file attached twice (to two items, say) is one blob, stored and uploaded once.
    std::vector<const Stored*> unique;
    for (const auto& f : files)
        if (std::none_of(unique.begin(), unique.end(), [&](const Stored* u) { return u->hex == f.hex; }))
            unique.push_back(&f);
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

    store::Transaction tx{store.db()};
    if (!tx.begun()) return fail(tx.begun().error());
    auto idx = store.meta("chain_index");
    auto head = store.meta("chain_head");
    if (!idx || !head) return fail(Errc::storage, Msg::cannot_read_report_chain);
    r.set_chain_index((*idx ? std::stoull(**idx) : 0) + 1);
    r.set_prev_hash(*head ? **head : zero_hash());
    sign_report(report_id, r, *key);

    if (in.unlisted_site) {  // the site first: the report refers to it
        pb::Mutation im;
        im.set_collection(std::string(kInstitution));
        im.set_id(institution_id);
        im.set_payload(site.SerializeAsString());
        auto hlc = m_profile.next_hlc();
        if (!hlc) return fail(hlc.error());
        im.set_hlc(*hlc);
        for (const char* f : {"district_id", "zone_id", "name", "address", "community", "category", "academic",
                              "licensed", "field_reported", "location"})
            im.add_changed_fields(f);
        if (auto q = m_profile.submit(im); !q) return fail(q.error());
    }

    pb::Mutation m;
    m.set_collection(std::string(kReport));
    m.set_id(report_id);
    m.set_payload(r.SerializeAsString());
    if (auto q = m_profile.submit(m); !q) return fail(q.error());
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
        if (auto q = m_profile.submit(em); !q) return fail(q.error());
        BlobItem bi;
        bi.sha256_hex = f.hex;
        bi.size = f.size;
        bi.mime = f.mime;
        bi.report_id = report_id;
        if (auto s = store.add_blob(bi); !s) return fail(s.error());
    }
    if (auto s = store.set_meta("chain_index", std::to_string(r.chain_index())); !s) return fail(s.error());
    if (auto s = store.set_meta("chain_head", report_hash(report_id, r)); !s) return fail(s.error());
    // Shown as submitted at once; the server's own change to the task follows on the next pull.
    auto cur = task ? store.get(kTask, in.task_id) : Result<std::optional<pb::Record>>{std::nullopt};
    if (cur && *cur) {
        pb::Task t = *task;
        t.set_status("submitted");
        t.set_report_id(report_id);
        pb::Record tr = **cur;
        tr.set_payload(t.SerializeAsString());
        if (auto s = store.apply_remote(tr); !s) return fail(s.error());
    }
    if (auto s = tx.commit(); !s) return fail(s.error());
    return report_id;
}

}  // namespace ducha::sync
