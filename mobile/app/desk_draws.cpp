#include "mobile/app/desk_draws.h"

#include "mobile/app/desk_support.h"
#include "shared/desk/draw_desk.h"

namespace ducha::app {

QVariantMap DeskDraws::commit(const QVariantMap& req) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    desk::DrawRequest r;
    r.district_id = desk_district(session());
    r.k = req.value("k", 5).toInt();
    r.inspectors_per_site = req.value("inspectorsPerSite", 1).toInt();
    r.category = ss(req.value("category").toString().trimmed());
    r.academic_only = req.value("academicOnly").toBool();
    r.key_targets_only = req.value("keyTargetsOnly").toBool();
    r.weight_key_targets = req.value("weightKeyTargets", true).toBool();
    r.exclude_own_zone = req.value("excludeOwnZone", true).toBool();
    r.exclude_recent_days = req.value("excludeRecentDays", 90).toInt();
    r.window_start = desk_seconds(req.value("windowStart"));
    r.window_end = desk_seconds(req.value("windowEnd"));
    r.covert = req.value("covert").toBool();
    r.title = ss(req.value("title").toString().trimmed());
    desk::DrawDesk draws(*w);
    auto id = draws.commit(r);
    if (!id) return desk_failed(session(), id.error());
    QString hash;
    if (auto v = draws.view(*id)) hash = qs(v->seed_hash_hex);
    desk_changed(session());
    return desk_ok({{"id", qs(*id)}, {"seedHash", hash}});
}

QVariantMap DeskDraws::reveal(const QString& drawId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    auto pairs = desk::DrawDesk(*w).reveal(ss(drawId));
    if (!pairs) return desk_failed(session(), pairs.error());
    desk_changed(session());
    return desk_ok({{"id", drawId}, {"pairs", static_cast<int>(pairs->size())}});
}

QVariantMap DeskDraws::verify(const QString& drawId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (auto s = desk::DrawDesk(*w).verify(ss(drawId)); !s) return desk_failed(session(), s.error());
    return desk_ok({{"id", drawId},
                    {"message", desk_pick(session(), "复核一致：种子与承诺相符，重新抽取的结果与记录相同",
                                          "Verified: the seed matches the commitment and re-running the draw gives the recorded pairs")}});
}

}  // namespace ducha::app
