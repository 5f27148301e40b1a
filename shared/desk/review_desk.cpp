#include "shared/desk/review_desk.h"

#include <algorithm>
#include <map>

#include "shared/domain/checklist.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"
#include "shared/store/transaction.h"
#include "shared/sync/inspection_recorder.h"

namespace ducha::desk {

using namespace ducha::domain;

namespace {

template <typename M>
std::map<std::string, Loaded<M>> by_id(std::vector<Loaded<M>> v) {
    std::map<std::string, Loaded<M>> m;
    for (auto& l : v) m.emplace(l.id, std::move(l));
    return m;
}

// The report's checklist against the newest (when the report's is older) or against the version it
// superseded: the reviewer sees which questions the volunteer was, or was not, asked.
void compare_versions(RecordWriter& w, ReportView& v, const pb::ChecklistTemplate& tpl) {
    auto newest = sync::newest_checklist(w.store());
    if (!newest) return;
    v.newest_template_version = newest->checklist.template_version();
    std::optional<pb::ChecklistTemplate> other;
    if (v.newest_template_version > v.template_version) {
        other = std::move(newest->checklist);
    } else if (!tpl.supersedes().empty()) {
        if (auto prev = w.load<pb::ChecklistTemplate>(kChecklistTemplate, tpl.supersedes()); prev && *prev)
            other = std::move((*prev)->msg);
    }
    if (!other) return;
    v.compared_version = other->template_version();
    v.checklist_changes = other->template_version() > v.template_version ? checklist_changes(tpl, *other)
                                                                          : checklist_changes(*other, tpl);
}

}  // namespace

Result<std::vector<ReviewItem>> ReviewDesk::queue(bool include_decided) {
    auto reports = m_w.list<pb::Report>(kReport);
    if (!reports) return fail(reports.error());
    auto cases = m_w.list<pb::Case>(kCase);
    if (!cases) return fail(cases.error());
    std::map<std::string, const Loaded<pb::Case>*> case_of;
    for (const auto& c : *cases) case_of[c.msg.report_id()] = &c;
    auto tasks = m_w.list<pb::Task>(kTask);
    if (!tasks) return fail(tasks.error());
    auto task = by_id(std::move(*tasks));
    auto insts = m_w.list<pb::Institution>(kInstitution);
    if (!insts) return fail(insts.error());
    auto inst = by_id(std::move(*insts));
    auto users = m_w.list<pb::User>(kUser);
    if (!users) return fail(users.error());
    auto user = by_id(std::move(*users));
    auto tpls = m_w.list<pb::ChecklistTemplate>(kChecklistTemplate);
    if (!tpls) return fail(tpls.error());
    auto tpl = by_id(std::move(*tpls));

    std::vector<ReviewItem> out;
    for (const auto& r : *reports) {
        const auto& m = r.msg;
        if (!m.flagged() && !m.unlisted()) continue;
        auto c = case_of.find(r.id);
        if (c != case_of.end() && !include_decided) continue;
        ReviewItem it;
        it.report_id = r.id;
        it.institution_id = m.institution_id();
        it.institution = inst.contains(m.institution_id()) ? inst.at(m.institution_id()).msg.name() : m.institution_id();
        it.district_id = m.district_id();
        it.inspector = user.contains(m.user_id()) ? user.at(m.user_id()).msg.name() : m.user_id();
        it.task_id = m.task_id();
        if (task.contains(m.task_id())) it.task_kind = task.at(m.task_id()).msg.kind();
        it.device_time_ms = m.device_time();
        it.received_ms = r.updated_at;
        it.flagged = m.flagged();
        it.unlisted = m.unlisted();
        it.covert = m.covert();
        const pb::ChecklistTemplate* t = tpl.contains(m.template_id()) ? &tpl.at(m.template_id()).msg : nullptr;
        for (const auto& a : m.answers()) {
            if (a.result() != "fail") continue;
            it.failed++;
            if (t)
                for (const auto& item : t->items())
                    if (item.code() == a.code() && item.severity() == "critical") it.failed_critical++;
        }
        if (c != case_of.end()) {
            it.case_id = c->second->id;
            it.case_status = c->second->msg.status();
            it.case_tier = c->second->msg.tier();
        }
        out.push_back(std::move(it));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.device_time_ms > b.device_time_ms; });
    return out;
}

Result<ReportView> ReviewDesk::open(const std::string& report_id) {
    auto r = m_w.require<pb::Report>(kReport, report_id, "报告");
    if (!r) return fail(r.error());
    ReportView v;
    v.report = r->msg;
    auto items = queue(true);
    if (!items) return fail(items.error());
    auto it = std::find_if(items->begin(), items->end(), [&](const auto& i) { return i.report_id == report_id; });
    if (it != items->end()) {
        v.item = *it;
    } else {
        v.item.report_id = report_id;
        v.item.institution_id = r->msg.institution_id();
        if (auto i = m_w.load<pb::Institution>(kInstitution, r->msg.institution_id()); i && *i) v.item.institution = (*i)->msg.name();
        v.item.device_time_ms = r->msg.device_time();
        v.item.received_ms = r->updated_at;
    }
    auto t = m_w.load<pb::ChecklistTemplate>(kChecklistTemplate, r->msg.template_id());
    if (!t) return fail(t.error());
    pb::ChecklistTemplate tpl = *t ? (*t)->msg : default_checklist();
    v.template_name = tpl.name();
    v.template_version = r->msg.template_version();
    compare_versions(m_w, v, tpl);
    for (const auto& a : r->msg.answers()) {
        AnswerView av{a.code(), {}, a.code(), {}, a.result(), a.note(), {}};
        for (const auto& item : tpl.items())
            if (item.code() == a.code()) {
                av.step = item.step();
                av.text = item.text_zh() + " / " + item.text_en();
                av.severity = item.severity();
            }
        for (const auto& p : a.photo_sha256()) av.photo_hex.push_back(hex_encode(p));
        v.answers.push_back(std::move(av));
    }
    v.blobs.assign(r->msg.blobs().begin(), r->msg.blobs().end());
    // The evidence checks a supervisor relies on: the device's signature and the server's receipt.
    auto dev = m_w.load<pb::Device>(kDevice, r->msg.device_id());
    if (!dev) return fail(dev.error());
    std::string lines;
    if (*dev) {
        v.device_known = true;
        v.signature_ok = verify_report_signature(report_id, r->msg, (*dev)->msg.public_key());
        lines += render_bilingual(v.signature_ok ? Msg::device_signature_valid : Msg::device_signature_invalid, {});
    } else {
        lines += render_bilingual(Msg::device_key_not_here_signature_unchecked, {});
    }
    auto rc = m_w.load<pb::Receipt>(kReceipt, report_id);
    if (!rc) return fail(rc.error());
    if (*rc) {
        v.receipt = (*rc)->msg;
        auto id = m_w.identity();
        if (id) {
            auto s = verify_receipt(report_id, r->msg, (*rc)->msg, id->server_public_key);
            v.receipt_ok = static_cast<bool>(s);
            lines += "; " + (v.receipt_ok ? render_bilingual(Msg::server_receipt_valid, {})
                                          : render_bilingual(Msg::server_receipt_invalid, {s.error().message()}));
        }
    } else {
        lines += "; " + render_bilingual(Msg::no_server_receipt_yet, {});
    }
    v.verification = lines;
    return v;
}

Result<std::string> ReviewDesk::decide(const std::string& report_id, const Decision& d) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kCase, policy::kCreate); !s) return fail(s.error());
    auto r = m_w.require<pb::Report>(kReport, report_id, "报告");
    if (!r) return fail(r.error());
    if (auto s = require_district(*who, r->msg.district_id()); !s) return fail(s.error());
    auto cases = m_w.list<pb::Case>(kCase);
    if (!cases) return fail(cases.error());
    for (const auto& c : *cases)
        if (c.msg.report_id() == report_id)
            return fail(Errc::already_exists, Msg::report_already_decided_case, c.id);
    if (d.violation) {
        if (std::find(kTiers.begin(), kTiers.end(), d.tier) == kTiers.end())
            return fail(Errc::invalid_argument, Msg::choose_discretion_tier_or);
        if (d.rectification_days < 1 || d.rectification_days > 365)
            return fail(Errc::invalid_argument, Msg::rectification_period_must_1_365);
        if (d.order.find_first_not_of(" \t\r\n") == std::string::npos)
            return fail(Errc::invalid_argument, Msg::write_rectification_order);
    }
    pb::Case c;
    c.set_report_id(report_id);
    c.set_institution_id(r->msg.institution_id());
    c.set_district_id(r->msg.district_id());
    c.set_status("open");
    c.set_decided_by(who->user_id);
    store::Transaction tx{m_w.store().db()};
    if (!tx.begun()) return fail(tx.begun().error());
    auto id = m_w.create(kCase, c);
    if (!id) return fail(id.error());
    // The decision is the case's first transition, queued right behind its creation.
    c.set_status(d.violation ? "rectification" : "no_violation");
    c.set_decision_note(d.note);
    if (d.violation) {
        c.set_tier(d.tier);
        c.set_rectification_days(d.rectification_days);
        c.set_rectification_order(d.order);
        for (const auto& u : d.reinspectors) c.add_reinspection_assignees(u);
    }
    if (auto s = m_w.update(kCase, *id, 1, c); !s) return fail(s.error());
    if (auto s = tx.commit(); !s) return fail(s.error());
    return *id;
}

Result<std::vector<CaseView>> ReviewDesk::cases(const std::string& status_filter) {
    auto all = m_w.list<pb::Case>(kCase);
    if (!all) return fail(all.error());
    std::vector<CaseView> out;
    for (const auto& c : *all) {
        if (!status_filter.empty() && c.msg.status() != status_filter) continue;
        auto v = case_view(c.id);
        if (!v) return fail(v.error());
        out.push_back(std::move(*v));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.decided_at > b.decided_at; });
    return out;
}

Result<CaseView> ReviewDesk::case_view(const std::string& case_id) {
    auto c = m_w.require<pb::Case>(kCase, case_id, "案件");
    if (!c) return fail(c.error());
    const auto& m = c->msg;
    CaseView v{case_id, m.report_id(), m.institution_id(), {}, m.district_id(), m.status(), m.tier(),
               m.rectification_order(), m.decision_note(), m.deadline(), m.decided_at(), m.escalations(),
               m.reinspection_task_id(), {}, m.closed_by_report_id(), c->version};
    if (auto i = m_w.load<pb::Institution>(kInstitution, m.institution_id()); i && *i) v.institution = (*i)->msg.name();
    if (!m.reinspection_task_id().empty())
        if (auto t = m_w.load<pb::Task>(kTask, m.reinspection_task_id()); t && *t) v.reinspection_task_status = (*t)->msg.status();
    return v;
}

Status ReviewDesk::close_case(const std::string& case_id) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kCase, policy::kUpdate); !s) return s;
    auto c = m_w.require<pb::Case>(kCase, case_id, "案件");
    if (!c) return fail(c.error());
    if (c->msg.status() == "closed") return fail(Errc::invalid_argument, Msg::case_already_closed);
    pb::Case next = c->msg;
    // Closing goes through re-inspection; the server closes it only if that re-inspection passed.
    if (next.status() == "rectification") {
        store::Transaction tx{m_w.store().db()};
        if (!tx.begun()) return tx.begun();
        next.set_status("reinspection");
        if (auto s = m_w.update(kCase, case_id, c->version, next); !s) return s;
        next.set_status("closed");
        if (auto s = m_w.update(kCase, case_id, c->version + 1, next); !s) return s;
        return tx.commit();
    }
    next.set_status("closed");
    return m_w.update(kCase, case_id, c->version, next);
}

}  // namespace ducha::desk
