#include "mobile/app/desk_planner.h"

#include "mobile/app/desk_support.h"
#include "shared/desk/task_planner.h"

namespace ducha::app {

QVariantMap DeskPlanner::createTask(const QVariantMap& spec) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    desk::TaskSpec t;
    t.institution_id = ss(spec.value("institutionId").toString());
    t.kind = ss(spec.value("kind", "routine").toString());
    t.assignees = desk_strings(spec.value("assignees"));
    t.covert = spec.value("covert").toBool();
    t.priority = spec.value("priority", 3).toInt();
    t.window_start = desk_seconds(spec.value("windowStart"));
    t.window_end = desk_seconds(spec.value("windowEnd"));
    t.title = ss(spec.value("title").toString().trimmed());
    t.campaign_id = ss(spec.value("campaignId").toString());
    auto id = desk::TaskPlanner(*w).create(t);
    if (!id) return desk_failed(session(), id.error());
    desk_changed(session());
    return desk_ok({{"id", qs(*id)}});
}

QVariantMap DeskPlanner::cancelTask(const QString& taskId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (auto s = desk::TaskPlanner(*w).cancel(ss(taskId)); !s) return desk_failed(session(), s.error());
    desk_changed(session());
    return desk_ok({{"id", taskId}});
}

QVariantMap DeskPlanner::createCampaign(const QVariantMap& c) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    pb::Campaign campaign;
    campaign.set_district_id(desk_district(session()));
    campaign.set_name(ss(c.value("name").toString().trimmed()));
    campaign.set_start(desk_seconds(c.value("start")));
    campaign.set_end(desk_seconds(c.value("end")));
    campaign.set_visits_required(c.value("visitsRequired", 1).toInt());
    campaign.set_key_targets_only(c.value("keyTargetsOnly").toBool());
    campaign.set_note(ss(c.value("note").toString().trimmed()));
    auto id = desk::TaskPlanner(*w).create_campaign(std::move(campaign));
    if (!id) return desk_failed(session(), id.error());
    desk_changed(session());
    return desk_ok({{"id", qs(*id)}});
}

QVariantMap DeskPlanner::cancelCampaign(const QString& campaignId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (auto s = desk::TaskPlanner(*w).cancel_campaign(ss(campaignId)); !s) return desk_failed(session(), s.error());
    desk_changed(session());
    return desk_ok({{"id", campaignId}});
}

}  // namespace ducha::app
