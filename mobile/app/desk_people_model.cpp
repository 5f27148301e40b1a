#include "mobile/app/desk_people_model.h"

#include <QDateTime>

#include "mobile/app/desk_support.h"
#include "shared/desk/people_desk.h"
#include "shared/domain/vocabulary_labels.h"

namespace ducha::app {

DeskPeopleModel::DeskPeopleModel(AppSession* session, QObject* parent)
    : DeskListModel({"userId", "name", "role", "roleLabel", "districtId", "districtName", "phone", "school", "active",
                     "badgeValidUntil", "badgeDaysLeft", "badgeSoon", "devices", "lastContact", "mine", "photo"},
                    {"name", "phone", "school", "districtName"}, session, parent) {
    reload();
}

DeskReadJob DeskPeopleModel::readJob() const { return &DeskPeopleModel::build; }

Result<DeskRead> DeskPeopleModel::build(desk::RecordWriter& w, const DeskReadContext& ctx) {
    desk::PeopleDesk desk(w);
    auto people = desk.people("");
    if (!people) return fail(people.error());
    auto districts = desk.districts();
    if (!districts) return fail(districts.error());
    const qint64 now_s = QDateTime::currentSecsSinceEpoch();
    std::vector<QVariantMap> rows;
    rows.reserve(people->size());
    for (const auto& p : *people) {
        const auto words = domain::role_words(p.role);
        // Whole days left, rounded down; an ended or undated badge has none (negative).
        const qint64 left_s = p.badge_valid_until - now_s;
        const qint64 days_left = left_s < 0 ? -1 : left_s / (24 * 3600);
        rows.push_back({{"userId", qs(p.id)},
                        {"name", qs(p.name)},
                        {"role", qs(p.role)},
                        {"roleLabel", words ? qs(std::string(words->in(ctx.lang))) : qs(p.role)},
                        {"districtId", qs(p.district_id)},
                        {"districtName", qs(p.district_name)},
                        {"phone", qs(p.phone)},
                        {"school", qs(p.school)},
                        {"active", p.active},
                        {"badgeValidUntil", static_cast<qint64>(p.badge_valid_until) * 1000},  // ms, as TimeFormat takes
                        {"badgeDaysLeft", days_left},
                        {"badgeSoon", days_left < kSoonDays},
                        {"devices", p.devices},
                        {"lastContact", static_cast<qint64>(p.last_contact)},
                        {"mine", qs(p.id) == ctx.user_id},
                        {"photo", qs(p.photo_sha256)}});
    }
    QVariantList ds;
    for (const auto& d : *districts) ds << QVariantMap{{"id", qs(d.id)}, {"name", qs(d.name)}};
    return DeskRead{std::move(rows), std::any(std::move(ds))};
}

void DeskPeopleModel::takeExtra(std::any& extra) {
    auto* ds = std::any_cast<QVariantList>(&extra);
    QVariantList next = ds ? *ds : QVariantList{};
    if (next == m_districts) return;
    m_districts = std::move(next);
    emit districtsChanged();
}

bool DeskPeopleModel::accept(const QVariantMap& r) const {
    if (!m_district.isEmpty() && r.value("districtId").toString() != m_district) return false;
    if (m_status == "active") return r.value("active").toBool();
    if (m_status == "inactive") return !r.value("active").toBool();
    return true;
}

void DeskPeopleModel::setDistrictId(const QString& d) {
    if (d == m_district) return;
    m_district = d;
    emit filterChanged();
    refilter();
}

void DeskPeopleModel::setStatus(const QString& s) {
    const QString v = s.isEmpty() ? "all" : s;
    if (v == m_status) return;
    m_status = v;
    emit filterChanged();
    refilter();
}

}  // namespace ducha::app
