#include "mobile/app/desk_zones.h"

#include <QRegularExpression>

#include "mobile/app/desk_support.h"
#include "shared/desk/zone_planner.h"

namespace ducha::app {

QStringList DeskZones::splitCommunities(const QString& text) {
    static const QRegularExpression sep(QStringLiteral("[\\n,，、;；]+"));
    QStringList out;
    for (const QString& c : text.split(sep, Qt::SkipEmptyParts))
        if (!c.trimmed().isEmpty() && !out.contains(c.trimmed())) out << c.trimmed();
    return out;
}

QVariantMap DeskZones::createZone(const QString& name, const QString& communities) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    auto id = desk::ZonePlanner(*w).create_zone(desk_district(session()), ss(name.trimmed()), desk_strings(splitCommunities(communities)));
    if (!id) return desk_failed(session(), id.error());
    desk_changed(session());
    return desk_ok({{"id", qs(*id)}});
}

QVariantMap DeskZones::editZone(const QString& zoneId, const QString& name, const QString& communities) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (auto s = desk::ZonePlanner(*w).edit_zone(ss(zoneId), ss(name.trimmed()), desk_strings(splitCommunities(communities))); !s)
        return desk_failed(session(), s.error());
    desk_changed(session());
    return desk_ok({{"id", zoneId}});
}

QVariantMap DeskZones::assignZone(const QString& userId, const QString& zoneId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    auto id = desk::ZonePlanner(*w).assign(ss(userId), ss(zoneId), {});
    if (!id) return desk_failed(session(), id.error());
    desk_changed(session());
    return desk_ok({{"id", qs(*id)}});
}

QVariantMap DeskZones::assignInstitution(const QString& userId, const QString& institutionId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    auto id = desk::ZonePlanner(*w).assign(ss(userId), {}, ss(institutionId));
    if (!id) return desk_failed(session(), id.error());
    desk_changed(session());
    return desk_ok({{"id", qs(*id)}});
}

QVariantMap DeskZones::bulkAssign(const QString& userId, const QStringList& institutionIds) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    auto ids = desk::ZonePlanner(*w).bulk_assign(ss(userId), desk_strings(QVariant(institutionIds)));
    if (!ids) return desk_failed(session(), ids.error());
    desk_changed(session());
    return desk_ok({{"ids", desk_strings(*ids)}, {"count", static_cast<int>(ids->size())}});
}

QVariantMap DeskZones::unassign(const QString& assignmentId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (auto s = desk::ZonePlanner(*w).unassign(ss(assignmentId)); !s) return desk_failed(session(), s.error());
    desk_changed(session());
    return desk_ok();
}

QVariantMap DeskZones::moveVolunteer(const QString& userId, const QString& fromZone, const QString& toZone) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (auto s = desk::ZonePlanner(*w).move_volunteer(ss(userId), ss(fromZone), ss(toZone)); !s) return desk_failed(session(), s.error());
    desk_changed(session());
    return desk_ok();
}

}  // namespace ducha::app
