#include "mobile/app/desk_complaints.h"

#include "mobile/app/desk_support.h"
#include "shared/desk/complaint_ledger.h"
#include "shared/domain/collections.h"

namespace ducha::app {

std::string DeskComplaints::district_for(const QString& institutionId) {
    std::string d = desk_district(session());
    if (!d.empty() || institutionId.isEmpty()) return d;
    auto w = desk_writer(session());
    if (!w) return d;
    auto i = w->load<pb::Institution>(domain::kInstitution, ss(institutionId));
    return i && *i ? (*i)->msg.district_id() : d;
}

QVariantMap DeskComplaints::intake(const QVariantMap& c) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    desk::ComplaintInput in;
    in.institution_id = ss(c.value("institutionId").toString());
    in.district_id = district_for(c.value("institutionId").toString());
    if (c.contains("districtId") && !c.value("districtId").toString().isEmpty()) in.district_id = ss(c.value("districtId").toString());
    in.source = ss(c.value("source", "12345").toString());
    in.text = ss(c.value("text").toString().trimmed());
    in.address = ss(c.value("address").toString().trimmed());
    in.reference = ss(c.value("reference").toString().trimmed());
    in.received_at = desk_seconds(c.value("receivedAt"));
    in.due_at = desk_seconds(c.value("dueAt"));
    auto id = desk::ComplaintLedger(*w).intake(in);
    if (!id) return desk_failed(session(), id.error());
    desk_changed(session());
    return desk_ok({{"id", qs(*id)}});
}

QVariantMap DeskComplaints::importCsv(const QString& fileUrl) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    auto text = desk_read_file(fileUrl);
    if (!text) return desk_failed(session(), text.error());
    auto r = desk::ComplaintLedger(*w).import_csv(*text, desk_district(session()));
    return desk_import_result(session(), r);
}

QVariantMap DeskComplaints::link(const QString& id, const QString& institutionId, const QString& address) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (auto s = desk::ComplaintLedger(*w).link(ss(id), ss(institutionId), ss(address.trimmed())); !s) return desk_failed(session(), s.error());
    desk_changed(session());
    return desk_ok({{"id", id}});
}

QVariantMap DeskComplaints::triage(const QString& id, const QVariantMap& t) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    desk::ComplaintLedger ledger(*w);
    auto c = ledger.view(ss(id));
    if (!c) return desk_failed(session(), c.error());
    desk::TaskSpec spec;
    spec.institution_id = c->institution_id;
    spec.kind = "complaint";
    spec.complaint_id = ss(id);
    spec.assignees = desk_strings(t.value("assignees"));
    spec.covert = t.value("covert").toBool();
    spec.priority = t.value("priority", 2).toInt();
    spec.window_start = desk_seconds(t.value("windowStart"));
    spec.window_end = desk_seconds(t.value("windowEnd"));
    spec.title = ss(t.value("title").toString().trimmed());
    auto task = ledger.triage(ss(id), spec, ss(t.value("note").toString().trimmed()));
    if (!task) return desk_failed(session(), task.error());
    desk_changed(session());
    return desk_ok({{"id", id}, {"taskId", qs(*task)}});
}

namespace {
template <typename F>
QVariantMap step(AppSession* session, const QString& id, F&& f) {
    auto w = desk_writer(session);
    if (!w) return desk_failed(session, desk_not_enrolled());
    desk::ComplaintLedger ledger(*w);
    if (auto s = f(ledger); !s) return desk_failed(session, s.error());
    desk_changed(session);
    return desk_ok({{"id", id}});
}
}  // namespace

QVariantMap DeskComplaints::start(const QString& id) {
    return step(session(), id, [&](desk::ComplaintLedger& l) { return l.start(ss(id)); });
}

QVariantMap DeskComplaints::resolve(const QString& id, const QString& resolution) {
    return step(session(), id, [&](desk::ComplaintLedger& l) { return l.resolve(ss(id), ss(resolution.trimmed())); });
}

QVariantMap DeskComplaints::close(const QString& id) {
    return step(session(), id, [&](desk::ComplaintLedger& l) { return l.close(ss(id)); });
}

QVariantMap DeskComplaints::reopen(const QString& id) {
    return step(session(), id, [&](desk::ComplaintLedger& l) { return l.reopen(ss(id)); });
}

}  // namespace ducha::app
