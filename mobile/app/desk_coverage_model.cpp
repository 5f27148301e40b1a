#include "mobile/app/desk_coverage_model.h"

#include "mobile/app/desk_support.h"
#include "shared/desk/coverage_report.h"

namespace ducha::app {

DeskCoverageModel::DeskCoverageModel(AppSession* session, QObject* parent)
    : DeskListModel({"rowId", "level", "name", "districtId", "total", "inspected", "ratio"}, {"name"}, session, parent) {
    reload();
}

DeskReadJob DeskCoverageModel::readJob() const {
    return [from = m_from, to = m_to, campaign = ss(m_campaign)](desk::RecordWriter& w, const DeskReadContext& ctx) {
        return build(w, ctx, from, to, campaign);
    };
}

Result<DeskRead> DeskCoverageModel::build(desk::RecordWriter& w, const DeskReadContext& ctx, qint64 fromMs, qint64 toMs,
                                          const std::string& campaignId) {
    desk::CoverageReport report(w);
    desk::CoverageQuery q;
    q.district_id = ctx.district_id;
    q.from_s = fromMs / 1000;
    q.to_s = toMs / 1000;
    q.campaign_id = campaignId;
    auto r = report.compute(q);
    if (!r) return fail(r.error());
    std::map<std::string, std::string> names;
    if (auto n = report.institution_names()) names = std::move(*n);
    auto name = [&](const std::string& id) { return qs(names.count(id) ? names[id] : id); };
    QVariantList uncovered, volunteers;
    for (const auto& id : r->uncovered) uncovered << QVariantMap{{"institutionId", qs(id)}, {"name", name(id)}};
    for (const auto& v : r->volunteers)
        volunteers << QVariantMap{{"userId", qs(v.user_id)}, {"name", qs(v.name)}, {"districtId", qs(v.district_id)},
                                  {"visits", v.visits}, {"institutions", v.institutions},
                                  {"lastVisit", static_cast<qint64>(v.last_visit_s) * 1000}};
    QVariantMap campaign;
    if (r->campaign) {
        QVariantList missed;
        for (const auto& id : r->campaign->missed_key_targets) missed << QVariantMap{{"institutionId", qs(id)}, {"name", name(id)}};
        campaign = {{"campaignId", qs(r->campaign->id)}, {"name", qs(r->campaign->name)},
                    {"targets", r->campaign->targets}, {"met", r->campaign->met}, {"missedKeyTargets", missed}};
    }
    std::vector<QVariantMap> rows;
    for (const auto& row : r->rows)
        rows.push_back({{"rowId", qs(row.id)}, {"level", qs(row.level)}, {"name", qs(row.name)},
                        {"districtId", qs(row.district_id)}, {"total", row.total}, {"inspected", row.inspected},
                        {"ratio", row.ratio()}});
    QVariantMap extra{{"total", r->total}, {"inspected", r->inspected}, {"uncovered", uncovered},
                      {"volunteers", volunteers}, {"campaign", campaign}};
    return DeskRead{std::move(rows), std::move(extra)};
}

void DeskCoverageModel::takeExtra(std::any& extra) {
    const QVariantMap* found = std::any_cast<QVariantMap>(&extra);
    const QVariantMap result = found ? *found : QVariantMap();
    m_total = result.value("total").toInt();
    m_inspected = result.value("inspected").toInt();
    m_uncovered = result.value("uncovered").toList();
    m_volunteers = result.value("volunteers").toList();
    m_campaignResult = result.value("campaign").toMap();
    emit resultChanged();
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
