#include "shared/desk/complaint_ledger.h"

#include <algorithm>

#include "shared/common/clock.h"
#include "shared/common/shanghai_time.h"
#include "shared/desk/csv_reader.h"
#include "shared/domain/collections.h"
#include "shared/domain/state_machines.h"
#include "shared/store/transaction.h"

namespace ducha::desk {

using namespace ducha::domain;

namespace {

constexpr std::int64_t kDay = kSecondsPerDay;

}  // namespace

Result<std::string> ComplaintLedger::intake(const ComplaintInput& in) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kComplaint, policy::kCreate); !s) return fail(s.error());
    pb::Complaint c;
    std::string district = in.district_id;
    if (!in.institution_id.empty()) {
        auto i = m_w.require<pb::Institution>(kInstitution, in.institution_id, "机构");
        if (!i) return fail(i.error());
        if (district.empty()) district = i->msg.district_id();
        if (district != i->msg.district_id())
            return fail(Errc::invalid_argument, Msg::institution_another_district);
    }
    if (district.empty()) district = who->district_id;
    if (district.empty()) return fail(Errc::invalid_argument, Msg::choose_district);
    if (auto s = require_district(*who, district); !s) return fail(s.error());
    if (is_blank(in.text)) return fail(Errc::invalid_argument, Msg::complaint_text_required);
    if (std::find(kComplaintSources.begin(), kComplaintSources.end(), in.source) == kComplaintSources.end())
        return fail(Errc::invalid_argument, Msg::unknown_complaint_source, in.source);
    if (in.institution_id.empty() && is_blank(in.address))
        return fail(Errc::invalid_argument, Msg::link_institution_or_give_address);
    std::int64_t received = in.received_at ? in.received_at : unix_seconds_now();
    std::int64_t due = in.due_at ? in.due_at : received + 15 * kDay;
    if (due < received) return fail(Errc::invalid_argument, Msg::due_date_before_received_date);
    c.set_district_id(district);
    c.set_source(in.source);
    c.set_text(in.text);
    c.set_institution_id(in.institution_id);
    c.set_address(in.address);
    c.set_reference(in.reference);
    c.set_status(std::string(kComplaintInitial));
    c.set_received_at(received);
    c.set_due_at(due);
    c.set_created_by(who->user_id);
    return m_w.create(kComplaint, c);
}

Result<ImportResult> ComplaintLedger::import_csv(std::string_view csv_text, const std::string& district_id) {
    auto csv = parse_csv(csv_text);
    if (!csv) return fail(csv.error());
    auto c_text = csv->column({"text", "内容", "投诉内容"}), c_src = csv->column({"source", "来源"});
    auto c_ref = csv->column({"reference", "工单号"}), c_inst = csv->column({"institution", "机构"});
    auto c_addr = csv->column({"address", "地址"}), c_recv = csv->column({"received", "受理日期"});
    auto c_due = csv->column({"due", "办结期限"});
    ImportResult res;
    if (!c_text) {
        res.errors.push_back({1, Error{Errc::invalid_argument, Msg::missing_required_columns, "text/内容"}});
        return res;
    }
    auto insts = m_w.list<pb::Institution>(kInstitution);
    if (!insts) return fail(insts.error());
    std::vector<ComplaintInput> rows;
    for (const auto& row : csv->rows) {
        auto cell = [&](const std::optional<std::size_t>& c) -> std::string {
            return c && *c < row.cells.size() ? row.cells[*c] : std::string{};
        };
        std::vector<Error> problems;
        auto problem = [&](Msg m, std::vector<std::string> args = {}) {
            problems.push_back(Error{Errc::invalid_argument, m, std::move(args)});
        };
        ComplaintInput in;
        in.district_id = district_id;
        in.text = cell(c_text);
        in.source = cell(c_src).empty() ? "12345" : cell(c_src);
        in.reference = cell(c_ref);
        in.address = cell(c_addr);
        if (std::string inst = cell(c_inst); !inst.empty()) {
            std::vector<std::string> hits;
            for (const auto& i : *insts)
                if ((i.id == inst || i.msg.name() == inst) && i.msg.merged_into().empty() &&
                    (district_id.empty() || i.msg.district_id() == district_id))
                    hits.push_back(i.id);
            if (hits.size() == 1) in.institution_id = hits.front();
            else if (hits.empty()) problem(Msg::no_such_institution_named, {inst});
            else problem(Msg::institution_name_ambiguous);
        }
        for (auto [col, target, label] : {std::tuple{c_recv, &in.received_at, "received/受理日期"}, std::tuple{c_due, &in.due_at, "due/办结期限"}}) {
            std::string v = cell(col);
            if (v.empty()) continue;
            auto t = parse_shanghai_date(v);
            if (!t) problem(Msg::date_must_be_yyyy_mm_dd, {label, v});
            else *target = *t;
        }
        if (is_blank(in.text)) problem(Msg::complaint_text_required);
        if (std::find(kComplaintSources.begin(), kComplaintSources.end(), in.source) == kComplaintSources.end())
            problem(Msg::unknown_complaint_source, {in.source});
        if (in.institution_id.empty() && is_blank(in.address) && problems.empty())
            problem(Msg::link_institution_or_give_address);
        if (!problems.empty()) res.errors.push_back({row.line, one_error_of(problems)});
        rows.push_back(std::move(in));
    }
    if (rows.empty() && res.errors.empty()) res.errors.push_back({1, Error{Errc::invalid_argument, Msg::file_has_no_data_rows}});
    if (!res.ok()) return res;
    store::Transaction tx{m_w.store().db()};
    if (!tx.begun()) return fail(tx.begun().error());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto id = intake(rows[i]);
        if (!id) {
            // A rule only intake knows (e.g. the district): report it on its row, import nothing.
            res.ids.clear();
            res.errors.push_back({csv->rows[i].line, id.error()});
            return res;
        }
        res.ids.push_back(*id);
    }
    if (auto s = tx.commit(); !s) return fail(s.error());
    return res;
}

Status ComplaintLedger::move(const std::string& id, const std::string& to, const std::function<void(pb::Complaint&)>& edit) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kComplaint, policy::kUpdate); !s) return s;
    auto c = m_w.require<pb::Complaint>(kComplaint, id, "投诉");
    if (!c) return fail(c.error());
    if (auto s = require_district(*who, c->msg.district_id()); !s) return s;
    pb::Complaint next = c->msg;
    if (edit) edit(next);
    if (!to.empty() && to != next.status()) {
        if (auto s = check_complaint_transition(c->msg.status(), to); !s) return s;
        next.set_status(to);
    }
    if (next.status() == "closed")
        if (auto s = check_complaint_close(next); !s) return s;
    return m_w.update(kComplaint, id, c->version, next);
}

Status ComplaintLedger::link(const std::string& id, const std::string& institution_id, const std::string& address) {
    if (institution_id.empty() && is_blank(address))
        return fail(Errc::invalid_argument, Msg::link_institution_or_give_address);
    if (!institution_id.empty()) {
        auto c = m_w.require<pb::Complaint>(kComplaint, id, "投诉");
        if (!c) return fail(c.error());
        auto i = m_w.require<pb::Institution>(kInstitution, institution_id, "机构");
        if (!i) return fail(i.error());
        if (i->msg.district_id() != c->msg.district_id())
            return fail(Errc::invalid_argument, Msg::institution_outside_complaint_district);
    }
    return move(id, {}, [&](pb::Complaint& c) {
        if (!institution_id.empty()) c.set_institution_id(institution_id);
        if (!is_blank(address)) c.set_address(address);
    });
}

Result<std::string> ComplaintLedger::triage(const std::string& id, TaskSpec task, const std::string& note) {
    auto c = m_w.require<pb::Complaint>(kComplaint, id, "投诉");
    if (!c) return fail(c.error());
    if (c->msg.institution_id().empty() && task.institution_id.empty())
        return fail(Errc::invalid_argument, Msg::link_complaint_institution_before_sending);
    if (task.institution_id.empty()) task.institution_id = c->msg.institution_id();
    task.kind = "complaint";
    task.complaint_id = id;
    if (task.title.empty()) task.title = "投诉核查 / Complaint check";
    TaskPlanner planner{m_w};
    auto t = planner.build(task);
    if (!t) return fail(t.error());
    store::Transaction tx{m_w.store().db()};
    if (!tx.begun()) return fail(tx.begun().error());
    auto task_id = m_w.create(kTask, *t);
    if (!task_id) return fail(task_id.error());
    if (auto s = move(id, "triaged", [&](pb::Complaint& cm) {
            cm.set_task_id(*task_id);
            if (cm.institution_id().empty()) cm.set_institution_id(task.institution_id);
            cm.set_triage_note(note);
        });
        !s)
        return fail(s.error());
    if (auto s = tx.commit(); !s) return fail(s.error());
    return *task_id;
}

Status ComplaintLedger::start(const std::string& id) { return move(id, "in_progress"); }

Status ComplaintLedger::resolve(const std::string& id, const std::string& resolution) {
    if (is_blank(resolution)) return fail(Errc::invalid_argument, Msg::record_resolution_resolve_complaint);
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    return move(id, "resolved", [&](pb::Complaint& c) {
        c.set_resolution(resolution);
        c.set_resolved_by(who->user_id);
        c.set_resolved_at(unix_seconds_now());
    });
}

Status ComplaintLedger::close(const std::string& id) { return move(id, "closed"); }
Status ComplaintLedger::reopen(const std::string& id) { return move(id, "in_progress"); }

Result<ComplaintView> ComplaintLedger::view(const std::string& id) {
    auto c = m_w.require<pb::Complaint>(kComplaint, id, "投诉");
    if (!c) return fail(c.error());
    const auto& m = c->msg;
    ComplaintView v{id, m.district_id(), m.source(), m.text(), m.institution_id(), {}, m.address(), m.reference(), m.status(),
                    m.task_id(), {}, m.resolution(), m.triage_note(), m.received_at(), m.due_at(), m.resolved_at(), c->version,
                    false};
    if (!m.institution_id().empty())
        if (auto i = m_w.load<pb::Institution>(kInstitution, m.institution_id()); i && *i) v.institution = (*i)->msg.name();
    if (!m.task_id().empty())
        if (auto t = m_w.load<pb::Task>(kTask, m.task_id()); t && *t) v.task_status = (*t)->msg.status();
    v.overdue = m.status() != "resolved" && m.status() != "closed" && m.due_at() > 0 && m.due_at() < unix_seconds_now();
    return v;
}

Result<std::vector<ComplaintView>> ComplaintLedger::ledger(bool include_closed) {
    auto all = m_w.list<pb::Complaint>(kComplaint);
    if (!all) return fail(all.error());
    std::vector<ComplaintView> out;
    for (const auto& c : *all) {
        if (!include_closed && c.msg.status() == "closed") continue;
        auto v = view(c.id);
        if (!v) return fail(v.error());
        out.push_back(std::move(*v));
    }
    auto rank = [](const ComplaintView& v) { return v.overdue ? 0 : v.status == "closed" ? 3 : v.status == "resolved" ? 2 : 1; };
    std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        return a.due_at < b.due_at;
    });
    return out;
}

}  // namespace ducha::desk
