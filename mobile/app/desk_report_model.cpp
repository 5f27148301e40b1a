#include "mobile/app/desk_report_model.h"

#include <algorithm>
#include <map>

#include "mobile/app/desk_support.h"
#include "shared/domain/collections.h"

namespace ducha::app {

DeskReportModel::DeskReportModel(AppSession* session, QObject* parent)
    : DeskListModel({"reportId", "institutionId", "institution", "inspector", "time", "flagged", "unlisted", "covert",
                     "failed"},
                    {"institution", "inspector", "reportId"}, session, parent) {
    reload();
}

DeskReadJob DeskReportModel::readJob() const { return &DeskReportModel::build; }

Result<DeskRead> DeskReportModel::build(desk::RecordWriter& w, const DeskReadContext& /*ctx*/) {
    auto reports = w.list<pb::Report>(domain::kReport);
    if (!reports) return fail(reports.error());
    std::map<std::string, std::string> inst_names, user_names;
    if (auto is = w.list<pb::Institution>(domain::kInstitution))
        for (const auto& i : *is) inst_names[i.id] = i.msg.name();
    if (auto us = w.list<pb::User>(domain::kUser))
        for (const auto& u : *us) user_names[u.id] = u.msg.name();
    std::sort(reports->begin(), reports->end(),
              [](const auto& a, const auto& b) { return a.msg.device_time() > b.msg.device_time(); });
    std::vector<QVariantMap> rows;
    rows.reserve(reports->size());
    for (const auto& l : *reports) {
        const auto& r = l.msg;
        const int failed = static_cast<int>(
            std::count_if(r.answers().begin(), r.answers().end(), [](const pb::Answer& a) { return a.result() == "fail"; }));
        const std::string& inst = r.institution_id();
        rows.push_back({{"reportId", qs(l.id)},
                        {"institutionId", qs(inst)},
                        {"institution", qs(inst_names.count(inst) ? inst_names[inst] : inst)},
                        {"inspector", qs(user_names.count(r.user_id()) ? user_names[r.user_id()] : r.user_id())},
                        {"time", static_cast<qint64>(r.device_time())},
                        {"flagged", r.flagged()},
                        {"unlisted", r.unlisted()},
                        {"covert", r.covert()},
                        {"failed", failed}});
    }
    return DeskRead{std::move(rows), {}};
}

}  // namespace ducha::app
