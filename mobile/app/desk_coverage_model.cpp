#include "mobile/app/desk_coverage_model.h"

#include "mobile/app/desk_support.h"
#include "shared/desk/coverage_report.h"

namespace ducha::app {

DeskCoverageModel::DeskCoverageModel(AppSession* session, QObject* parent)
    : DeskListModel({"rowId", "level", "name", "districtId", "total", "inspected", "ratio"}, {"name"}, session, parent) {
    reload();
}

Result<std::vector<QVariantMap>> DeskCoverageModel::build() {
    m_total = m_inspected = 0;
    m_uncovered.clear();
    m_volunteers.clear();
    m_campaignResult.clear();
    auto w = desk_writer(session());
    if (!w) {
        emit resultChanged();
        return fail(desk_not_enrolled());
    }
    desk::CoverageReport report(*w);
    desk::CoverageQuery q;
    q.district_id = desk_district(session());
    q.from_s = m_from / 1000;
    q.to_s = m_to / 1000;
    q.campaign_id = ss(m_campaign);
    auto r = report.compute(q);
    if (!r) {
        emit resultChanged();
        return fail(r.error());
    }
    std::map<std::string, std::string> names;
    if (auto n = report.institution_names()) names = std::move(*n);
    auto name = [&](const std::string& id) { return qs(names.count(id) ? names[id] : id); };
    m_total = r->total;
    m_inspected = r->inspected;
    for (const auto& id : r->uncovered) m_uncovered << QVariantMap{{"institutionId", qs(id)}, {"name", name(id)}};
    for (const auto& v : r->volunteers)
        m_volunteers << QVariantMap{{"userId", qs(v.user_id)}, {"name", qs(v.name)}, {"districtId", qs(v.district_id)},
                                    {"visits", v.visits}, {"institutions", v.institutions},
                                    {"lastVisit", static_cast<qint64>(v.last_visit_s) * 1000}};
    if (r->campaign) {
        QVariantList missed;
        for (const auto& id : r->campaign->missed_key_targets) missed << QVariantMap{{"institutionId", qs(id)}, {"name", name(id)}};
        m_campaignResult = {{"campaignId", qs(r->campaign->id)}, {"name", qs(r->campaign->name)},
                            {"targets", r->campaign->targets}, {"met", r->campaign->met}, {"missedKeyTargets", missed}};
    }
    std::vector<QVariantMap> rows;
    for (const auto& row : r->rows)
        rows.push_back({{"rowId", qs(row.id)}, {"level", qs(row.level)}, {"name", qs(row.name)},
                        {"districtId", qs(row.district_id)}, {"total", row.total}, {"inspected", row.inspected},
                        {"ratio", row.ratio()}});
    emit resultChanged();
    return rows;
}

void DeskCoverageModel::setQuery(qint64 fromMs, qint64 toMs, const QString& campaignId) {
    if (fromMs == m_from && toMs == m_to && campaignId == m_campaign) return;
    m_from = fromMs;
    m_to = toMs;
    m_campaign = campaignId;
    emit queryChanged();
    reload();
}

void DeskCoverageModel::setFromMs(qint64 v) {
    if (v == m_from) return;
    m_from = v;
    emit queryChanged();
    reload();
}

void DeskCoverageModel::setToMs(qint64 v) {
    if (v == m_to) return;
    m_to = v;
    emit queryChanged();
    reload();
}

void DeskCoverageModel::setCampaignId(const QString& v) {
    if (v == m_campaign) return;
    m_campaign = v;
    emit queryChanged();
    reload();
}

}  // namespace ducha::app
