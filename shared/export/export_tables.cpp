#include "shared/export/export_tables.h"

#include <algorithm>
#include <map>

#include "shared/common/clock.h"
#include "shared/crypto/sha256.h"
#include "shared/desk/complaint_ledger.h"
#include "shared/desk/review_desk.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"
#include "shared/common/shanghai_time.h"
#include "shared/sync/blob_fetcher.h"

namespace ducha::exporting {

using namespace ducha::domain;
using desk::Loaded;

namespace {

std::string when(std::int64_t ms) { return ms > 0 ? shanghai_time(ms) : ""; }
std::string yes(bool b) { return b ? "是 yes" : "否 no"; }

template <typename M>
std::map<std::string, M> names_of(std::vector<Loaded<M>> v) {
    std::map<std::string, M> m;
    for (auto& l : v) m.emplace(l.id, std::move(l.msg));
    return m;
}

}  // namespace

Result<Table> ExportTables::reports(std::int64_t from_s, std::int64_t to_s) {
    auto reports = m_w.list<pb::Report>(kReport);
    if (!reports) return fail(reports.error());
    auto insts = m_w.list<pb::Institution>(kInstitution);
    auto users = m_w.list<pb::User>(kUser);
    auto districts = m_w.list<pb::District>(kDistrict);
    auto tasks = m_w.list<pb::Task>(kTask);
    auto cases = m_w.list<pb::Case>(kCase);
    auto receipts = m_w.list<pb::Receipt>(kReceipt);
    if (!insts || !users || !districts || !tasks || !cases || !receipts)
        return fail(Errc::storage, Msg::cannot_read_device_database);
    auto inst = names_of(std::move(*insts));
    auto user = names_of(std::move(*users));
    auto dist = names_of(std::move(*districts));
    auto task = names_of(std::move(*tasks));
    auto receipt = names_of(std::move(*receipts));
    std::map<std::string, pb::Case> case_of;
    for (const auto& c : *cases) case_of[c.msg.report_id()] = c.msg;
    Table t;
    t.name = "reports";
    t.headers = {"报告编号 report id", "回执序号 receipt seq", "检查时间 inspected at", "接收时间 received at", "区县 district",
                 "机构 institution", "任务类型 task kind", "暗访 covert", "督查员 inspector", "需复核 flagged",
                 "未登记 unlisted", "不合格项 failed items", "距离(米) distance m", "模拟定位 mock location",
                 "案件状态 case status", "裁量等级 tier"};
    std::vector<const Loaded<pb::Report>*> rows;
    for (const auto& r : *reports) {
        std::int64_t at = r.msg.device_time() / 1000;
        if ((from_s && at < from_s) || (to_s && at >= to_s)) continue;
        rows.push_back(&r);
    }
    std::sort(rows.begin(), rows.end(), [](auto a, auto b) { return a->msg.device_time() > b->msg.device_time(); });
    for (const auto* r : rows) {
        const auto& m = r->msg;
        std::string failed;
        for (const auto& a : m.answers())
            if (a.result() == "fail") failed += (failed.empty() ? "" : " ") + a.code();
        auto c = case_of.find(r->id);
        auto rc = receipt.find(r->id);
        t.rows.push_back({r->id, rc == receipt.end() ? "" : std::to_string(rc->second.seq()), when(m.device_time()),
                          when(r->updated_at), dist.contains(m.district_id()) ? dist[m.district_id()].name() : m.district_id(),
                          inst.contains(m.institution_id()) ? inst[m.institution_id()].name() : m.institution_id(),
                          task.contains(m.task_id()) ? task[m.task_id()].kind() : "", yes(m.covert()),
                          user.contains(m.user_id()) ? user[m.user_id()].name() : m.user_id(), yes(m.flagged()),
                          yes(m.unlisted()), failed, m.distance_m() >= 0 ? std::to_string(static_cast<int>(m.distance_m())) : "",
                          yes(m.mock_location()), c == case_of.end() ? "" : c->second.status(),
                          c == case_of.end() ? "" : c->second.tier()});
    }
    return t;
}

Result<Table> ExportTables::cases() {
    desk::ReviewDesk review{m_w};
    auto cs = review.cases();
    if (!cs) return fail(cs.error());
    Table t;
    t.name = "cases";
    t.headers = {"案件编号 case id", "报告编号 report id", "机构 institution", "状态 status", "裁量等级 tier",
                 "整改要求 order", "整改期限 deadline", "决定时间 decided at", "升级次数 escalations",
                 "复查任务状态 re-inspection status", "销号依据报告 closed by report"};
    for (const auto& c : *cs)
        t.rows.push_back({c.id, c.report_id, c.institution, c.status, c.tier, c.order, when(c.deadline * 1000),
                          when(c.decided_at * 1000), std::to_string(c.escalations), c.reinspection_task_status,
                          c.closed_by_report_id});
    return t;
}

Result<Table> ExportTables::complaints() {
    desk::ComplaintLedger ledger{m_w};
    auto cs = ledger.ledger(true);
    if (!cs) return fail(cs.error());
    Table t;
    t.name = "complaints";
    t.headers = {"投诉编号 complaint id", "来源 source", "工单号 reference", "内容 text", "机构 institution", "地址 address",
                 "状态 status", "受理时间 received", "办结期限 due", "逾期 overdue", "核查任务状态 task status",
                 "处理结果 resolution", "办结时间 resolved at"};
    for (const auto& c : *cs)
        t.rows.push_back({c.id, c.source, c.reference, c.text, c.institution, c.address, c.status, when(c.received_at * 1000),
                          when(c.due_at * 1000), yes(c.overdue), c.task_status, c.resolution, when(c.resolved_at * 1000)});
    return t;
}

Result<Table> ExportTables::coverage(const desk::CoverageQuery& q) {
    desk::CoverageReport report{m_w};
    auto r = report.compute(q);
    if (!r) return fail(r.error());
    Table t;
    t.name = "coverage";
    t.headers = {"层级 level", "编号 id", "名称 name", "机构总数 institutions", "已检查 inspected", "覆盖率 coverage %"};
    for (const auto& row : r->rows) {
        char pct[16];
        std::snprintf(pct, sizeof pct, "%.1f", row.ratio() * 100.0);
        t.rows.push_back({row.level == "district" ? "区县 district" : "片区 zone", row.id, row.name,
                          std::to_string(row.total), std::to_string(row.inspected), pct});
    }
    return t;
}

namespace {

// Evidence: each file checked against the hash the signed report carries. False when one is
// missing or damaged (said in the record's verification).
bool attach_evidence(desk::RecordWriter& w, const std::vector<pb::BlobRef>& blobs, InspectionRecord& out) {
    sync::BlobFetcher fetcher{w.profile()};
    bool evidence_ok = true;
    for (const auto& b : blobs) {
        std::string hex = hex_encode(b.sha256());
        PdfImage img{hex, b.mime(), {}, b.kind()};
        auto data = fetcher.get(hex);
        if (data && hex_encode(crypto::sha256(*data)) == hex) {
            img.data = std::move(*data);
        } else {
            evidence_ok = false;
            out.verification.messages.push_back("证据文件 " + hex.substr(0, 12) + " 无法取得或已损坏 / file " + hex.substr(0, 12) +
                                                " missing or damaged: " + (data ? "hash mismatch" : data.error().message()));
        }
        if (b.kind() == "signature") out.signature = std::move(img);
        else out.photos.push_back(std::move(img));
    }
    return evidence_ok;
}

// The chain link: the device's previous report, when this device holds it.
Result<bool> chain_link_ok(desk::RecordWriter& w, const pb::Report& r, InspectionRecord& out) {
    bool chain_ok = false;
    if (r.chain_index() == 1) {
        chain_ok = r.prev_hash() == zero_hash();
    } else {
        auto all = w.list<pb::Report>(kReport);
        if (!all) return fail(all.error());
        bool found = false;
        for (const auto& p : *all)
            if (p.msg.device_id() == r.device_id() && p.msg.chain_index() + 1 == r.chain_index()) {
                found = true;
                chain_ok = report_hash(p.id, p.msg) == r.prev_hash();
            }
        if (!found) out.verification.messages.push_back("前一份报告不在本机，链接未核验 / the device's previous report is not on this device: chain link not checked");
    }
    return chain_ok;
}

}  // namespace

Result<InspectionRecord> ExportTables::inspection_record(const std::string& report_id) {
    desk::ReviewDesk review{m_w};
    auto v = review.open(report_id);
    if (!v) return fail(v.error());
    const pb::Report& r = v->report;
    InspectionRecord out;
    out.report_id = report_id;
    out.institution = v->item.institution;
    if (auto i = m_w.load<pb::Institution>(kInstitution, r.institution_id()); i && *i) {
        out.address = (*i)->msg.address();
        out.licence_no = (*i)->msg.licence_no();
        out.institution = (*i)->msg.name();
    }
    if (auto d = m_w.load<pb::District>(kDistrict, r.district_id()); d && *d) out.district = (*d)->msg.name();
    out.inspector = v->item.inspector;
    if (out.inspector.empty())
        if (auto u = m_w.load<pb::User>(kUser, r.user_id()); u && *u) out.inspector = (*u)->msg.name();
    out.device_id = r.device_id();
    if (auto t = m_w.load<pb::Task>(kTask, r.task_id()); t && *t) out.task_title = (*t)->msg.title();
    out.visit_kind = r.covert() ? "暗访 covert" : "明查 open";
    // The version the answers were given on: item codes and wording differ between versions.
    out.template_name = v->template_name + " · v" + std::to_string(v->template_version);
    out.device_time_ms = r.device_time();
    out.lat = r.gps().lat();
    out.lon = r.gps().lon();
    out.gps_accuracy_m = r.gps_accuracy_m() > 0 ? r.gps_accuracy_m() : -1;
    out.distance_m = r.distance_m();
    out.mock_location = r.mock_location();
    out.flagged = r.flagged();
    out.notes = r.notes();
    for (const auto& a : v->answers)
        out.items.push_back({a.step, a.code, a.text, a.result, a.severity, a.note, a.photo_hex});
    const bool evidence_ok = attach_evidence(m_w, v->blobs, out);
    auto chain_ok = chain_link_ok(m_w, r, out);
    if (!chain_ok) return fail(chain_ok.error());
    out.verification.signature_ok = v->signature_ok;
    out.verification.receipt_ok = v->receipt_ok;
    out.verification.chain_ok = *chain_ok;
    out.verification.evidence_ok = evidence_ok;
    out.verification.messages.insert(out.verification.messages.begin(), v->verification);
    if (v->receipt) {
        const auto& rc = *v->receipt;
        out.receipt = PdfReceipt{rc.seq(), rc.server_time(), rc.batch_id(), hex_encode(rc.batch_root()), rc.leaf_index(), rc.leaf_count()};
    }
    if (!v->item.case_id.empty()) {
        auto c = review.case_view(v->item.case_id);
        if (c)
            out.case_summary = "案件 " + c->id + "：" + c->status + (c->tier.empty() ? "" : " · " + c->tier) +
                               (c->order.empty() ? "" : " · " + c->order) +
                               (c->deadline ? " · 期限 deadline " + shanghai_time(c->deadline * 1000) : "");
    }
    out.generated_at_ms = unix_ms_now();
    return out;
}

Status ExportTables::record_export(const std::string& what, const std::string& format, std::int64_t rows,
                                   const std::string& subject) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    pb::AuditEvent e;
    e.set_actor(who->user_id);
    e.set_device_id(who->device_id);
    e.set_action("export." + what);
    e.set_target(subject);
    e.set_detail(format + ", " + std::to_string(rows) + " rows");
    e.set_at(unix_ms_now());  // the device's clock; the server stamps its own
    auto id = m_w.create(domain::kAuditEvent, e);
    if (!id) return fail(id.error());
    return {};
}

}  // namespace ducha::exporting
