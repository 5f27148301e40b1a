#include "mobile/app/desk_people.h"

#include "mobile/app/desk_support.h"
#include "mobile/support/badge_picture.h"
#include "shared/common/bytes.h"
#include "shared/common/message_catalogue.h"
#include "shared/desk/people_desk.h"
#include "shared/domain/collections.h"

namespace ducha::app {

namespace {

// The queued change's answer: what follows it, in the session's language.
QVariantMap queued(AppSession* session, Msg m, const std::vector<std::string>& args = {}) {
    desk_changed(session);
    return desk_ok({{"message", qs(render(m, args, session->uiLang()))}});
}

}  // namespace

QVariantMap DeskPeople::deactivate(const QString& userId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (auto s = desk::PeopleDesk(*w).deactivate(ss(userId)); !s) return desk_failed(session(), s.error());
    return queued(session(), Msg::user_deactivated_queued);
}

QVariantMap DeskPeople::reactivate(const QString& userId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (auto s = desk::PeopleDesk(*w).reactivate(ss(userId)); !s) return desk_failed(session(), s.error());
    return queued(session(), Msg::user_reactivated_queued);
}

QVariantMap DeskPeople::renewBadge(const QString& userId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    auto until = desk::PeopleDesk(*w).renew_badge(ss(userId));
    if (!until) return desk_failed(session(), until.error());
    const QString date = QDateTime::fromSecsSinceEpoch(*until).toString("yyyy-MM-dd");
    QVariantMap out = queued(session(), Msg::badge_renewed_queued, {ss(date)});
    out.insert("validUntil", static_cast<qint64>(*until) * 1000);
    return out;
}

QVariantMap DeskPeople::changeRole(const QString& userId, const QString& role, const QString& districtId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (auto s = desk::PeopleDesk(*w).change_role(ss(userId), ss(role), ss(districtId)); !s)
        return desk_failed(session(), s.error());
    return queued(session(), Msg::user_role_changed_queued);
}

QVariantMap DeskPeople::setBadgePhoto(const QString& userId, const QString& fileUrl) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    auto picture = badge_picture_from_file(desk_local_path(fileUrl));
    if (!picture) return desk_failed(session(), picture.error());
    desk::PeopleDesk desk(*w);
    auto ref = desk.set_badge_photo(ss(userId), *picture);
    if (!ref) return desk_failed(session(), ref.error());
    auto person = w->load<pb::User>(domain::kUser, ss(userId));
    const std::string name = person && *person ? (*person)->msg.name() : ss(userId);
    QVariantMap out = queued(session(), Msg::badge_photo_set, {name, std::to_string(ref->size())});
    out.insert("photo", qs(hex_encode(ref->sha256())));
    return out;
}

QVariantMap DeskPeople::removeBadgePhoto(const QString& userId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    auto person = w->load<pb::User>(domain::kUser, ss(userId));
    const std::string name = person && *person ? (*person)->msg.name() : ss(userId);
    if (auto s = desk::PeopleDesk(*w).remove_badge_photo(ss(userId)); !s) return desk_failed(session(), s.error());
    return queued(session(), Msg::badge_photo_removed, {name});
}

QVariantMap DeskPeople::importCsv(const QString& fileUrl) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    auto text = desk_read_file(fileUrl);
    if (!text) return desk_failed(session(), text.error());
    return desk_import_result(session(), desk::PeopleDesk(*w).import_csv(*text));
}

}  // namespace ducha::app
