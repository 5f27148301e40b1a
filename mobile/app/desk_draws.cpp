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

void DeskDraws::verify(const QString& drawId) {
    ++m_verifying;
    if (m_verifying == 1) emit verifyingChanged();
    auto land = [this, drawId](QVariantMap answer) {
        answer.insert("id", drawId);  // also on a failure: the page shows it under that draw
        --m_verifying;
        if (m_verifying == 0) emit verifyingChanged();
        emit verified(answer);
    };
    const bool started = readOff([drawId](desk::RecordWriter& w, const DeskReadContext& c) {
        if (auto s = desk::DrawDesk(w).verify(ss(drawId)); !s) return desk_failed(c, s.error());
        return desk_ok({{"id", drawId},
                        {"message", c.pick("复核一致：种子与承诺相符，重新抽取的结果与记录相同",
                                           "Verified: the seed matches the commitment and re-running the draw gives the recorded pairs")}});
    }, land);
    // Not enrolled: answered queued like a read, after this call returns.
    if (!started)
        QMetaObject::invokeMethod(this, [land, r = desk_failed(session(), desk_not_enrolled())] { land(r); }, Qt::QueuedConnection);
}

}  // namespace ducha::app
