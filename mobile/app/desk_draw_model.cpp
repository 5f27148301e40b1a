#include "mobile/app/desk_draw_model.h"

#include <algorithm>
#include <map>

#include "mobile/app/desk_support.h"
#include "shared/desk/draw_desk.h"
#include "shared/domain/collections.h"

namespace ducha::app {

DeskDrawModel::DeskDrawModel(AppSession* session, QObject* parent)
    : DeskListModel({"drawId", "title", "status", "statusLabel", "algorithm", "k", "inspectorsPerSite", "poolSize",
                     "inspectors", "excluded", "seedHash", "seed", "commitSeq", "drawnAt", "acknowledged", "canReveal",
                     "pairs", "pairCount", "taskIds", "taskCount", "refusal"},
                    {"title", "seedHash"}, session, parent) {
    reload();
}

DeskReadJob DeskDrawModel::readJob() const { return &DeskDrawModel::build; }

Result<DeskRead> DeskDrawModel::build(desk::RecordWriter& w, const DeskReadContext& ctx) {
    auto draws = desk::DrawDesk(w).draws(ctx.district_id);
    if (!draws) return fail(draws.error());
    std::map<std::string, std::string> inst_names, user_names;
    if (auto is = w.list<pb::Institution>(domain::kInstitution))
        for (const auto& i : *is) inst_names[i.id] = i.msg.name();
    if (auto us = w.list<pb::User>(domain::kUser))
        for (const auto& u : *us) user_names[u.id] = u.msg.name();
    auto refusals = desk_refusals(w.store(), domain::kDraw, ctx.lang);
    auto name = [](std::map<std::string, std::string>& m, const std::string& id) { return qs(m.count(id) ? m[id] : id); };
    // Newest first: committed ones (no draw time yet) on top, then by draw time.
    std::stable_sort(draws->begin(), draws->end(), [](const desk::DrawView& a, const desk::DrawView& b) {
        if ((a.status == "drawn") != (b.status == "drawn")) return a.status != "drawn";
        if (a.drawn_at != b.drawn_at) return a.drawn_at > b.drawn_at;
        return a.commit_seq > b.commit_seq;
    });
    std::vector<QVariantMap> rows;
    for (const auto& d : *draws) {
        QVariantList pairs;
        for (const auto& p : d.pairs) {
            QStringList names;
            for (const auto& u : p.inspectors) names << name(user_names, u);
            pairs << QVariantMap{{"institutionId", qs(p.institution_id)},
                                 {"institution", name(inst_names, p.institution_id)},
                                 {"inspectors", desk_strings(p.inspectors)},
                                 {"inspectorNames", names}};
        }
        const bool drawn = d.status == "drawn";
        rows.push_back({{"drawId", qs(d.id)},
                        {"title", qs(d.title)},
                        {"status", qs(d.status)},
                        {"statusLabel", drawn ? ctx.pick("已抽取", "Drawn")
                                              : d.acknowledged ? ctx.pick("已承诺，可揭晓", "Committed, ready to reveal")
                                                               : ctx.pick("已承诺，待同步", "Committed, waiting to sync")},
                        {"algorithm", qs(d.algorithm)},
                        {"k", d.k},
                        {"inspectorsPerSite", d.inspectors_per_site},
                        {"poolSize", d.pool_size},
                        {"inspectors", d.inspectors},
                        {"excluded", d.excluded},
                        {"seedHash", qs(d.seed_hash_hex)},
                        {"seed", qs(d.seed_hex)},
                        {"commitSeq", static_cast<qint64>(d.commit_seq)},
                        {"drawnAt", static_cast<qint64>(d.drawn_at)},
                        {"acknowledged", d.acknowledged},
                        {"canReveal", !drawn && d.acknowledged},
                        {"pairs", pairs},
                        {"pairCount", static_cast<int>(d.pairs.size())},
                        {"taskIds", desk_strings(d.task_ids)},
                        {"taskCount", static_cast<int>(d.task_ids.size())},
                        {"refusal", qs(refusals.count(d.id) ? refusals[d.id] : std::string())}});
    }
    return DeskRead{std::move(rows), {}};
}

}  // namespace ducha::app
