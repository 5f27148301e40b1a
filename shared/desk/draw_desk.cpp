#include "shared/desk/draw_desk.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "shared/common/clock.h"
#include "shared/crypto/random.h"
#include "shared/common/shanghai_time.h"
#include "shared/domain/collections.h"
#include "shared/store/transaction.h"
#include "shared/sync/inspection_recorder.h"

namespace ducha::desk {

using namespace ducha::domain;

namespace {
constexpr std::int64_t kDay = kSecondsPerDay;
std::string seed_key(const std::string& draw_id) { return "draw_seed:" + draw_id; }
}  // namespace

namespace {

// A site of the pool: its id and registry record.
using PoolSite = std::pair<std::string, const pb::Institution*>;

// The sites the filters leave in the district, in canonical order, added to the draw with their
// weights.
Result<std::vector<PoolSite>> add_pool(const DrawRequest& req, const std::string& district,
                                       const std::vector<Loaded<pb::Institution>>& insts, pb::Draw& d) {
    std::vector<PoolSite> pool;
    for (const auto& i : insts) {
        const auto& m = i.msg;
        if (m.district_id() != district || m.field_reported() || !m.merged_into().empty()) continue;
        if (!req.category.empty() && m.category() != req.category) continue;
        if (req.academic_only && !m.academic()) continue;
        if (req.key_targets_only && !m.key_target()) continue;
        pool.emplace_back(i.id, &m);
    }
    // Canonical order: by id, so the same registry gives the same pool on every device.
    std::sort(pool.begin(), pool.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (pool.empty()) return fail(Errc::invalid_argument, Msg::no_institution_matches_filters);
    for (const auto& [id, m] : pool) {
        d.add_pool(id);
        d.add_weights(site_weight(*m, req.weight_key_targets));
    }
    return pool;
}

// The district's active volunteers, sorted (the draw's canonical order), added to the draw.
Result<std::vector<std::string>> add_inspectors(RecordWriter& w, const std::string& district, pb::Draw& d) {
    auto users = w.list<pb::User>(kUser);
    if (!users) return fail(users.error());
    std::vector<std::string> inspectors;
    for (const auto& u : *users)
        if (u.msg.role() == "volunteer" && u.msg.active() && u.msg.district_id() == district) inspectors.push_back(u.id);
    std::sort(inspectors.begin(), inspectors.end());
    if (inspectors.empty()) return fail(Errc::invalid_argument, Msg::district_no_active_volunteers);
    for (const auto& u : inspectors) d.add_inspectors(u);
    return inspectors;
}

// Conflicts of interest: a volunteer's own 3包 zone and institutions, and recent visits.
Status add_excluded_pairs(RecordWriter& w, const DrawRequest& req, const std::vector<PoolSite>& pool,
                          const std::vector<std::string>& inspectors, pb::Draw& d) {
    std::set<std::string> excluded;
    std::map<std::string, std::string> zone_of;
    for (const auto& [id, m] : pool) zone_of[id] = m->zone_id();
    if (req.exclude_own_zone) {
        auto as = w.list<pb::Assignment>(kAssignment);
        if (!as) return fail(as.error());
        for (const auto& a : *as)
            for (const auto& [id, zone] : zone_of)
                if ((!a.msg.zone_id().empty() && a.msg.zone_id() == zone) || a.msg.institution_id() == id)
                    excluded.insert(id + ":" + a.msg.user_id());
    }
    if (req.exclude_recent_days > 0) {
        std::int64_t since = unix_seconds_now() - req.exclude_recent_days * kDay;
        auto tasks = w.list<pb::Task>(kTask);
        if (!tasks) return fail(tasks.error());
        for (const auto& t : *tasks)
            if (zone_of.contains(t.msg.institution_id()) && t.msg.window_start() >= since && t.msg.status() != "cancelled")
                for (const auto& a : t.msg.assignees()) excluded.insert(t.msg.institution_id() + ":" + a);
        auto reports = w.list<pb::Report>(kReport);
        if (!reports) return fail(reports.error());
        for (const auto& r : *reports)
            if (zone_of.contains(r.msg.institution_id()) && r.msg.device_time() / 1000 >= since)
                excluded.insert(r.msg.institution_id() + ":" + r.msg.user_id());
    }
    std::set<std::string> inspector_set(inspectors.begin(), inspectors.end());
    for (const auto& e : excluded)
        if (inspector_set.contains(e.substr(e.find(':') + 1))) d.add_excluded_pairs(e);
    return {};
}

// The rest of the commitment: who, when, the window the tasks will have, the checklist, the
// filters as recorded, and the seed's hash (the seed itself stays secret until the reveal).
void describe_draw(const DrawRequest& req, const sync::Identity& who, const std::string& district, std::int64_t start,
                   std::int64_t end, const std::string& template_id, const Bytes& seed, pb::Draw& d) {
    d.set_district_id(district);
    d.set_seed_hash(draw_seed_hash(seed));
    d.set_k(req.k);
    d.set_inspectors_per_site(req.inspectors_per_site);
    d.set_created_by(who.user_id);
    d.set_status("committed");
    d.set_algorithm(std::string(kDrawAlgorithm));
    d.set_window_start(start);
    d.set_window_end(end);
    d.set_covert(req.covert);
    d.set_title(req.title.empty() ? "双随机抽检 / Random spot check" : req.title);
    d.set_template_id(template_id);
    d.set_filters(nlohmann::json{{"category", req.category},
                                 {"academic_only", req.academic_only},
                                 {"key_targets_only", req.key_targets_only},
                                 {"weight_key_targets", req.weight_key_targets},
                                 {"exclude_own_zone", req.exclude_own_zone},
                                 {"exclude_recent_days", req.exclude_recent_days}}
                      .dump());
}

}  // namespace

// Checks the request, builds the draw from the replica (pool, inspectors, conflicts), runs it once
// with the new seed to fail early, then stores the seed and queues the commitment together.
Result<std::string> DrawDesk::commit(const DrawRequest& req) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kDraw, policy::kCreate); !s) return fail(s.error());
    std::string district = req.district_id.empty() ? who->district_id : req.district_id;
    if (auto s = require_district(*who, district); !s) return fail(s.error());
    if (district.empty()) return fail(Errc::invalid_argument, Msg::choose_district_to_draw);
    if (req.k < 1) return fail(Errc::invalid_argument, Msg::draw_at_least_one_institution);
    if (req.inspectors_per_site < 1 || req.inspectors_per_site > 5)
        return fail(Errc::invalid_argument, Msg::inspectors_per_site_must_1);

    auto insts = m_w.list<pb::Institution>(kInstitution);
    if (!insts) return fail(insts.error());
    pb::Draw d;
    auto pool = add_pool(req, district, *insts, d);
    if (!pool) return fail(pool.error());
    auto inspectors = add_inspectors(m_w, district, d);
    if (!inspectors) return fail(inspectors.error());
    if (auto s = add_excluded_pairs(m_w, req, *pool, *inspectors, d); !s) return fail(s.error());

    std::int64_t start = req.window_start ? req.window_start : unix_seconds_now();
    std::int64_t end = req.window_end ? req.window_end : start + 7 * kDay;
    if (end <= start) return fail(Errc::invalid_argument, Msg::window_must_end_after_starts);
    auto tpl = sync::newest_checklist(m_w.store());
    if (!tpl) return fail(tpl.error());
    Bytes seed = crypto::random_bytes(kDrawSeedSize);
    describe_draw(req, *who, district, start, end, tpl->id, seed, d);
    // Fail early with the same rule the draw will apply, before anything is committed.
    DrawInput probe = draw_input(d);
    probe.seed = seed;
    if (auto r = run_draw(probe); !r) return fail(r.error());

    std::string id = crypto::new_uuid();
    store::Transaction tx{m_w.store().db()};
    if (!tx.begun()) return fail(tx.begun().error());
    // The seed stays on this device until the commitment is on the server.
    if (auto s = m_w.store().set_meta(seed_key(id), hex_encode(seed)); !s) return fail(s.error());
    if (auto c = m_w.create(kDraw, d, id); !c) return fail(c.error());
    if (auto s = tx.commit(); !s) return fail(s.error());
    return id;
}

Result<std::vector<DrawPair>> DrawDesk::reveal(const std::string& draw_id) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kDraw, policy::kUpdate); !s) return fail(s.error());
    auto d = m_w.require<pb::Draw>(kDraw, draw_id, "抽签");
    if (!d) return fail(d.error());
    if (d->msg.status() != "committed") return fail(Errc::invalid_argument, Msg::draw_already_drawn);
    auto out = m_w.store().outbox(false);
    if (!out) return fail(out.error());
    bool queued = std::any_of(out->begin(), out->end(), [&](const auto& o) { return o.mutation.id() == draw_id; });
    if (queued || d->seq <= 0)
        return fail(Errc::unavailable, Msg::commitment_not_reached_server_yet);
    auto seed_hex = m_w.store().meta(seed_key(draw_id));
    if (!seed_hex) return fail(seed_hex.error());
    if (!*seed_hex) return fail(Errc::not_found, Msg::device_does_not_hold_draw);
    auto seed = hex_decode(**seed_hex);
    if (!seed) return fail(Errc::integrity, Msg::stored_seed_damaged);
    pb::Draw next = d->msg;
    next.set_seed(*seed);
    next.set_commit_seq(d->seq);
    auto pairs = run_draw(draw_input(next));
    if (!pairs) return fail(pairs.error());
    for (const auto& p : pair_strings(*pairs)) next.add_pairs(p);
    next.set_status("drawn");
    if (auto s = m_w.update(kDraw, draw_id, d->version, next); !s) return fail(s.error());
    return *pairs;
}

Status DrawDesk::verify(const std::string& draw_id) {
    auto d = m_w.require<pb::Draw>(kDraw, draw_id, "抽签");
    if (!d) return fail(d.error());
    return verify_draw(d->msg);
}

Result<DrawView> DrawDesk::view(const std::string& draw_id) {
    auto d = m_w.require<pb::Draw>(kDraw, draw_id, "抽签");
    if (!d) return fail(d.error());
    const auto& m = d->msg;
    DrawView v;
    v.id = draw_id;
    v.district_id = m.district_id();
    v.status = m.status();
    v.title = m.title();
    v.algorithm = m.algorithm();
    v.seed_hash_hex = hex_encode(m.seed_hash());
    v.seed_hex = m.seed().empty() ? "" : hex_encode(m.seed());
    v.k = m.k();
    v.inspectors_per_site = m.inspectors_per_site();
    v.pool_size = m.pool_size();
    v.inspectors = m.inspectors_size();
    v.excluded = m.excluded_pairs_size();
    v.commit_seq = m.commit_seq();
    v.drawn_at = m.drawn_at();
    v.task_ids.assign(m.task_ids().begin(), m.task_ids().end());
    for (const auto& p : m.pairs()) {
        auto colon = p.find(':');
        std::string inst = p.substr(0, colon), user = colon == std::string::npos ? "" : p.substr(colon + 1);
        if (v.pairs.empty() || v.pairs.back().institution_id != inst) v.pairs.push_back({inst, {}});
        v.pairs.back().inspectors.push_back(user);
    }
    auto out = m_w.store().outbox(false);
    if (!out) return fail(out.error());
    bool queued = std::any_of(out->begin(), out->end(), [&](const auto& o) { return o.mutation.id() == draw_id; });
    v.acknowledged = !queued && d->seq > 0;
    return v;
}

Result<std::vector<DrawView>> DrawDesk::draws(const std::string& district_id) {
    auto all = m_w.list<pb::Draw>(kDraw);
    if (!all) return fail(all.error());
    std::vector<std::pair<std::int64_t, std::string>> ids;
    for (const auto& d : *all)
        if (district_id.empty() || d.msg.district_id() == district_id) ids.emplace_back(d.msg.window_start(), d.id);
    std::sort(ids.rbegin(), ids.rend());
    std::vector<DrawView> out;
    for (const auto& [_, id] : ids) {
        auto v = view(id);
        if (!v) return fail(v.error());
        out.push_back(std::move(*v));
    }
    return out;
}

}  // namespace ducha::desk
