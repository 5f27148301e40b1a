#include "server/service/draw_workflow.h"

#include "server/service/mutation_applier.h"
#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/domain/random_draw.h"
#include "shared/domain/state_machines.h"

namespace ducha::server {

using namespace ducha::domain;

namespace {

Status rejected(std::string msg) { return fail(Errc::rejected, std::move(msg)); }

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
            return rejected("新抽签须先提交种子哈希（状态 committed） / a new draw starts as committed, with its seed's hash only");
        if (!after.seed().empty() || after.pairs_size() > 0)
            return rejected("提交承诺时不能公开种子或结果 / the commitment must not carry the seed or the pairs");
        if (after.seed_hash().size() != 32)
            return rejected("种子哈希须为 32 字节 SHA-256 / the seed hash must be a 32-byte SHA-256");
        if (after.algorithm() != kDrawAlgorithm)
            return rejected("未知的抽签算法 / unknown draw algorithm: " + after.algorithm());
        if (after.pool_size() == 0 || after.pool_size() != after.weights_size() || after.inspectors_size() == 0 ||
            after.k() < 1 || after.inspectors_per_site() < 1)
            return rejected("抽签的对象库、权重、人员或数量无效 / the draw's pool, weights, inspectors or counts are invalid");
        return {};
    }
    if (before->status() == "drawn") return rejected("抽签结果已公布，不能更改 / a finished draw cannot change");
    if (after.status() == "committed")
        return rejected("已提交的抽签承诺不能修改 / a committed draw cannot be edited: reveal its seed");
    if (after.status() != "drawn") return rejected("抽签状态无效 / unknown draw status: " + after.status());
    if (commitment_of(*before) != commitment_of(after))
        return rejected("公布结果时不能改动对象库、权重、人员或排除项 / the reveal may not change the pool, weights, inspectors or exclusions");
    if (after.commit_seq() != before_seq)
        return fail(Errc::integrity, "承诺序号不符 / the commit seq is not the one the server gave the commitment (" +
                                         std::to_string(before_seq) + ")");
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
