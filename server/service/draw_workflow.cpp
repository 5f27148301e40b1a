#include "server/service/draw_workflow.h"

#include "server/service/mutation_applier.h"
#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/domain/random_draw.h"
#include "shared/domain/state_machines.h"

namespace ducha::server {

using namespace ducha::domain;

namespace {

// The commitment: everything that decides the outcome except the seed itself.
std::string commitment_of(pb::Draw d) {
    d.clear_seed();
    d.clear_pairs();
    d.clear_status();
    d.clear_commit_seq();
    d.clear_drawn_at();
    d.clear_task_ids();
    return d.SerializeAsString();
}

}  // namespace

Status DrawWorkflow::prepare_change(const std::optional<pb::Draw>& before, std::int64_t before_seq,
                                    const std::string& draw_id, pb::Draw& after) {
    if (!before) {
        if (after.status() != "committed")
            return fail(Errc::rejected, Msg::new_draw_starts_as_committed);
        if (!after.seed().empty() || after.pairs_size() > 0)
            return fail(Errc::rejected, Msg::commitment_must_not_carry_seed);
        if (after.seed_hash().size() != 32)
            return fail(Errc::rejected, Msg::seed_hash_must_32_byte);
        if (after.algorithm() != kDrawAlgorithm)
            return fail(Errc::rejected, Msg::unknown_draw_algorithm, after.algorithm());
        if (after.pool_size() == 0 || after.pool_size() != after.weights_size() || after.inspectors_size() == 0 ||
            after.k() < 1 || after.inspectors_per_site() < 1)
            return fail(Errc::rejected, Msg::draw_pool_weights_inspectors_or);
        return {};
    }
    if (before->status() == "drawn") return fail(Errc::rejected, Msg::finished_draw_cannot_change);
    if (after.status() == "committed")
        return fail(Errc::rejected, Msg::committed_draw_cannot_edited_reveal);
    if (after.status() != "drawn") return fail(Errc::rejected, Msg::unknown_draw_status, after.status());
    if (commitment_of(*before) != commitment_of(after))
        return fail(Errc::rejected, Msg::reveal_may_not_change_pool);
    if (after.commit_seq() != before_seq)
        return fail(Errc::integrity, Msg::commit_seq_not_one_server, std::to_string(before_seq));
    if (auto v = verify_draw(after); !v) return v;
    after.set_drawn_at(m_now_ms / 1000);
    return make_tasks(draw_id, after);
}

Status DrawWorkflow::make_tasks(const std::string& draw_id, pb::Draw& d) {
    auto pairs = run_draw(draw_input(d));
    if (!pairs) return fail(pairs.error());
    d.clear_task_ids();
    for (const auto& p : *pairs) {
        pb::Task t;
        t.set_institution_id(p.institution_id);
        t.set_district_id(d.district_id());
        t.set_kind(p.inspectors.size() > 1 ? "joint" : "spot_check");
        t.set_covert(d.covert());
        for (const auto& u : p.inspectors) t.add_assignees(u);
        t.set_created_by(d.created_by());
        t.set_window_start(d.window_start());
        t.set_window_end(d.window_end());
        t.set_priority(2);
        t.set_status(std::string(kTaskInitial));
        t.set_template_id(d.template_id());
        t.set_draw_id(draw_id);
        t.set_title(d.title().empty() ? "随机抽检 / Random spot check" : d.title());
        std::string id = crypto::new_uuid();
        auto w = m_applier.write(kTask, id, 1, t.SerializeAsString(), false);
        if (!w) return fail(w.error());
        d.add_task_ids(id);
    }
    return {};
}

}  // namespace ducha::server
