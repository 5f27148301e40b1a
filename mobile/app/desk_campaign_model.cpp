#include "mobile/app/desk_campaign_model.h"

#include <QDateTime>
#include <algorithm>

#include "mobile/app/desk_support.h"
#include "shared/desk/task_planner.h"

namespace ducha::app {

DeskCampaignModel::DeskCampaignModel(AppSession* session, QObject* parent)
    : DeskListModel({"campaignId", "name", "districtId", "start", "end", "visitsRequired", "keyTargetsOnly", "note",
                     "cancelled", "running"},
                    {"name", "note"}, session, parent) {
    reload();
}

DeskReadJob DeskCampaignModel::readJob() const { return &DeskCampaignModel::build; }

Result<DeskRead> DeskCampaignModel::build(desk::RecordWriter& w, const DeskReadContext& ctx) {
    auto cs = desk::TaskPlanner(w).campaigns(ctx.district_id);
    if (!cs) return fail(cs.error());
    std::sort(cs->begin(), cs->end(), [](const auto& a, const auto& b) { return a.msg.start() > b.msg.start(); });
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    std::vector<QVariantMap> rows;
    for (const auto& l : *cs) {
        const auto& c = l.msg;
        rows.push_back({{"campaignId", qs(l.id)},
                        {"name", qs(c.name())},
                        {"districtId", qs(c.district_id())},
                        {"start", static_cast<qint64>(c.start()) * 1000},
                        {"end", static_cast<qint64>(c.end()) * 1000},
                        {"visitsRequired", c.visits_required() > 0 ? c.visits_required() : 1},
                        {"keyTargetsOnly", c.key_targets_only()},
                        {"note", qs(c.note())},
                        {"cancelled", c.cancelled()},
                        {"running", !c.cancelled() && c.start() <= now && now < c.end()}});
    }
    return DeskRead{std::move(rows), {}};
}

}  // namespace ducha::app
