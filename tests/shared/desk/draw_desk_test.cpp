// The random draw (双随机) on a coordinator's device: commit queues the pool, weights, inspectors
// and conflicts with only the seed's hash; reveal, once the server holds the commitment, queues the
// seed and the pairs; verify re-runs a drawn record.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "shared/common/clock.h"
#include "shared/crypto/sha256.h"
#include "shared/desk/draw_desk.h"
#include "shared/store/statement.h"
#include "shared/support/desk_fixture.h"

using namespace ducha;
using namespace ducha::desk;
using namespace ducha::domain;
using namespace ducha::test;

namespace {

constexpr std::int64_t kDay = 24 * 3600;

// vA1 is bound to zone zA1 (iA1, iA3); vA2 was sent to iA2 ten days ago, vA3 reported on iA1 five
// days ago; vA3's visit to iA2 long ago no longer counts.
void put_history(DeskDevice& dev) {
    pb::Assignment a;
    a.set_user_id("vA1");
    a.set_district_id("dA");
    a.set_zone_id("zA1");
    dev.put(kAssignment, "as-1", a);
    const auto now = unix_seconds_now();
    pb::Task recent;
    recent.set_institution_id("iA2");
    recent.set_district_id("dA");
    recent.add_assignees("vA2");
    recent.set_status("open");
    recent.set_window_start(now - 10 * kDay);
    dev.put(kTask, "t-recent", recent);
    pb::Task old = recent;
    old.set_assignees(0, "vA3");
    old.set_window_start(now - 200 * kDay);
    dev.put(kTask, "t-old", old);
    pb::Task cancelled = recent;
    cancelled.set_assignees(0, "vA3");
    cancelled.set_status("cancelled");
    dev.put(kTask, "t-cancelled", cancelled);
    pb::Report r;
    r.set_institution_id("iA1");
    r.set_district_id("dA");
    r.set_user_id("vA3");
    r.set_device_time((now - 5 * kDay) * 1000);
    dev.put(kReport, "r-recent", r);
    // Not in the pool: a field-reported site, and one merged into the registry.
    auto field = institution("无名班", "dA", "zA2");
    field.set_field_reported(true);
    dev.put(kInstitution, "iA8", field);
    auto merged = institution("重复登记", "dA", "zA2");
    merged.set_merged_into("iA2");
    dev.put(kInstitution, "iA9", merged);
}

pb::Draw queued_draw(DeskDevice& dev, std::size_t index) {
    const auto out = dev.outbox();
    REQUIRE(out.size() > index);
    REQUIRE(out[index].mutation.collection() == "draw");
    return parsed<pb::Draw>(out[index].mutation.payload());
}

DrawRequest request(int k, const std::function<void(DrawRequest&)>& edit = {}) {
    DrawRequest r;
    r.k = k;
    if (edit) edit(r);
    return r;
}

std::vector<std::string> strings(const google::protobuf::RepeatedPtrField<std::string>& v) { return {v.begin(), v.end()}; }

}  // namespace

TEST_CASE("draw: commit queues the pool, weights, inspectors and conflicts, and keeps the seed here", "[desk][draw-desk]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    put_history(dev);
    DrawDesk desk{dev.writer()};

    auto id = desk.commit(request(2, [](DrawRequest& r) { r.title = "三月双随机"; }));
    REQUIRE(id.has_value());
    const auto out = dev.outbox();
    REQUIRE(out.size() == 1);
    CHECK(out[0].mutation.id() == *id);
    CHECK(out[0].mutation.base_version() == 0);
    const auto d = queued_draw(dev, 0);
    CHECK(d.district_id() == "dA");
    CHECK(d.status() == "committed");
    CHECK(d.algorithm() == "ducha-draw-v1");
    CHECK(d.created_by() == "coA");
    CHECK(d.k() == 2);
    CHECK(d.inspectors_per_site() == 1);
    CHECK(d.title() == "三月双随机");
    CHECK(d.template_id() == "tpl-v1");
    CHECK(d.window_end() == d.window_start() + 7 * kDay);
    CHECK(strings(d.pool()) == std::vector<std::string>{"iA1", "iA2", "iA3"});  // by id; no field-reported or merged site
    CHECK(std::vector<double>(d.weights().begin(), d.weights().end()) == std::vector<double>{7, 1, 1});  // 1 + 2 + 2 + 2*1
    CHECK(strings(d.inspectors()) == std::vector<std::string>{"vA1", "vA2", "vA3"});  // active volunteers only
    CHECK(strings(d.excluded_pairs()) == std::vector<std::string>{"iA1:vA1", "iA1:vA3", "iA2:vA2", "iA3:vA1"});
    CHECK(d.pairs_size() == 0);
    CHECK(d.commit_seq() == 0);
    const auto filters = nlohmann::json::parse(d.filters());
    CHECK(filters.at("exclude_recent_days") == 90);
    CHECK(filters.at("weight_key_targets") == true);

    // The seed never travels with the commitment; this device keeps it until the reveal.
    CHECK(d.seed().empty());
    auto seed_hex = dev.store().meta("draw_seed:" + *id);
    REQUIRE(seed_hex.has_value());
    REQUIRE(seed_hex->has_value());
    auto seed = hex_decode(**seed_hex);
    REQUIRE(seed.has_value());
    CHECK(seed->size() == kDrawSeedSize);
    CHECK(d.seed_hash() == crypto::sha256(*seed));
}

TEST_CASE("draw: the filters choose the pool, the conflict rules can be switched off", "[desk][draw-desk]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    put_history(dev);
    DrawDesk desk{dev.writer()};

    auto arts = request(1);
    arts.category = "艺术类";
    auto academic_unweighted = request(1);
    academic_unweighted.academic_only = true;
    academic_unweighted.weight_key_targets = false;
    auto key_targets = request(1);
    key_targets.key_targets_only = true;
    auto no_conflicts = request(1);
    no_conflicts.exclude_own_zone = false;
    no_conflicts.exclude_recent_days = 0;
    for (const auto& r : {arts, academic_unweighted, key_targets, no_conflicts}) REQUIRE(desk.commit(r).has_value());
    CHECK(strings(queued_draw(dev, 0).pool()) == std::vector<std::string>{"iA2"});
    const auto academic = queued_draw(dev, 1);
    CHECK(strings(academic.pool()) == std::vector<std::string>{"iA1", "iA3"});
    CHECK(std::vector<double>(academic.weights().begin(), academic.weights().end()) == std::vector<double>{1, 1});
    CHECK(strings(queued_draw(dev, 2).pool()) == std::vector<std::string>{"iA1"});
    CHECK(queued_draw(dev, 3).excluded_pairs_size() == 0);
}

TEST_CASE("draw: what commit refuses, nothing queued and no seed kept", "[desk][draw-desk]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    put_history(dev);
    DrawDesk desk{dev.writer()};

    refusal(desk.commit(request(0)), Errc::invalid_argument, "draw at least one institution");
    refusal(desk.commit(request(1, [](DrawRequest& r) { r.inspectors_per_site = 6; })), Errc::invalid_argument,
            "inspectors per site must be 1 to 5");
    refusal(desk.commit(request(1, [](DrawRequest& r) { r.category = "体育类"; })), Errc::invalid_argument,
            "no institution matches the filters");
    refusal(desk.commit(request(1, [](DrawRequest& r) { r.district_id = "dB"; })), Errc::forbidden, "outside your district");
    refusal(desk.commit(request(4)), Errc::invalid_argument, "only 3 institutions are eligible");
    // Two inspectors per site: iA1 has only vA2 left (vA1 own zone, vA3 recent), so it drops out.
    refusal(desk.commit(request(3, [](DrawRequest& r) { r.inspectors_per_site = 2; })), Errc::invalid_argument,
            "only 2 institutions are eligible");
    auto backwards = request(1);
    backwards.window_start = 1800000000;
    backwards.window_end = 1700000000;
    refusal(desk.commit(backwards), Errc::invalid_argument, "the window must end after it starts");
    CHECK(dev.outbox().empty());
    CHECK(dev.writer().list<pb::Draw>(kDraw)->empty());
    store::Statement seeds{dev.store().db(), "SELECT COUNT(*) FROM meta WHERE key LIKE 'draw_seed:%'"};
    auto row = seeds.step();
    REQUIRE(row.has_value());
    REQUIRE(*row);
    CHECK(seeds.col_int(0) == 0);  // no seed kept for a draw that was never queued

    DeskDevice vol{kVolunteerA};
    put_city(vol);
    DrawDesk theirs{vol.writer()};
    refusal(theirs.commit(request(1)), Errc::forbidden, "volunteers may not create draw records");
    CHECK(vol.outbox().empty());
}

TEST_CASE("draw: reveal waits for the server's commitment, then queues the seed and the pairs", "[desk][draw-desk]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    put_history(dev);
    DrawDesk desk{dev.writer()};
    auto id = desk.commit(request(2));
    REQUIRE(id.has_value());

    refusal(desk.reveal(*id), Errc::unavailable, "the commitment has not reached the server yet: sync first");
    auto v = desk.view(*id);
    REQUIRE(v.has_value());
    CHECK_FALSE(v->acknowledged);
    CHECK(dev.outbox().size() == 1);

    dev.ack_all();  // the server stored the commitment at this seq
    const std::int64_t commit_seq = dev.last_seq();
    v = desk.view(*id);
    REQUIRE(v.has_value());
    CHECK(v->acknowledged);
    CHECK(v->status == "committed");
    CHECK(v->pool_size == 3);
    CHECK(v->inspectors == 3);
    CHECK(v->excluded == 4);
    CHECK(v->seed_hex.empty());

    auto pairs = desk.reveal(*id);
    REQUIRE(pairs.has_value());
    REQUIRE(pairs->size() == 2);
    const auto out = dev.outbox();
    REQUIRE(out.size() == 1);
    CHECK(out[0].mutation.base_version() == 1);
    const auto d = queued_draw(dev, 0);
    CHECK(d.status() == "drawn");
    CHECK(d.commit_seq() == commit_seq);
    CHECK(crypto::sha256(d.seed()) == d.seed_hash());
    CHECK(strings(d.pairs()) == pair_strings(*pairs));
    CHECK(verify_draw(d).has_value());  // anyone holding the record gets the same pairs
    for (const auto& p : strings(d.pairs())) {
        INFO(p);
        CHECK(std::find(d.excluded_pairs().begin(), d.excluded_pairs().end(), p) == d.excluded_pairs().end());
    }

    v = desk.view(*id);
    REQUIRE(v.has_value());
    CHECK(v->status == "drawn");
    CHECK(v->commit_seq == commit_seq);
    CHECK(v->seed_hex == hex_encode(d.seed()));
    REQUIRE(v->pairs.size() == 2);
    CHECK(v->pairs[0].institution_id == pairs->at(0).institution_id);
    CHECK(v->pairs[0].inspectors == pairs->at(0).inspectors);
    CHECK(desk.verify(*id).has_value());

    refusal(desk.reveal(*id), Errc::invalid_argument, "this draw is already drawn");
    CHECK(dev.outbox().size() == 1);
}

TEST_CASE("draw: only the device and the coordinator that committed a draw reveal it", "[desk][draw-desk]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    DrawDesk desk{dev.writer()};
    auto committed = [](const std::string& creator) {
        pb::Draw d;
        d.set_district_id("dA");
        d.set_seed_hash(crypto::sha256(std::string(32, '\x07')));
        d.set_k(1);
        d.add_pool("iA1");
        d.add_weights(1);
        d.add_inspectors("vA2");
        d.set_inspectors_per_site(1);
        d.set_created_by(creator);
        d.set_status("committed");
        d.set_algorithm("ducha-draw-v1");
        return d;
    };
    dev.put(kDraw, "draw-elsewhere", committed("coA"));
    refusal(desk.reveal("draw-elsewhere"), Errc::not_found, "this device does not hold the draw's seed");

    // Another coordinator's draw, with a seed somehow on this device: the write rules refuse it.
    dev.put(kDraw, "draw-theirs", committed("coA2"));
    REQUIRE(dev.store().set_meta("draw_seed:draw-theirs", hex_encode(std::string(32, '\x07'))));
    refusal(desk.reveal("draw-theirs"), Errc::forbidden, "only the person who created it may change it");
    refusal(desk.reveal("draw-none"), Errc::not_found, "no such draw on this device: draw-none");
    CHECK(dev.outbox().empty());
}

TEST_CASE("draw: verify re-runs a drawn record and names a tampered pair, and draws are listed newest first", "[desk][draw-desk]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    DrawDesk desk{dev.writer()};
    pb::Draw d;
    d.set_district_id("dA");
    const Bytes seed(32, '\x2a');
    d.set_seed(seed);
    d.set_seed_hash(draw_seed_hash(seed));
    d.set_commit_seq(4242);
    d.set_k(2);
    d.set_inspectors_per_site(1);
    for (const auto* i : {"iA1", "iA2", "iA3"}) {
        d.add_pool(i);
        d.add_weights(1);
    }
    for (const auto* u : {"vA1", "vA2", "vA3"}) d.add_inspectors(u);
    d.set_algorithm("ducha-draw-v1");
    d.set_status("drawn");
    d.set_window_start(1700000000);
    auto pairs = run_draw(draw_input(d));
    REQUIRE(pairs.has_value());
    for (const auto& p : pair_strings(*pairs)) d.add_pairs(p);
    dev.put(kDraw, "draw-ok", d);
    auto forged = d;
    forged.set_pairs(0, forged.pairs(0).substr(0, forged.pairs(0).find(':')) + ":v-forged");
    forged.set_window_start(1700500000);
    dev.put(kDraw, "draw-forged", forged);
    pb::Draw west = d;
    west.set_district_id("dB");
    dev.put(kDraw, "draw-west", west);

    CHECK(desk.verify("draw-ok").has_value());
    refusal(desk.verify("draw-forged"), Errc::integrity, "pair 1 does not match");
    refusal(desk.verify("draw-none"), Errc::not_found, "no such draw on this device: draw-none");

    auto list = desk.draws("dA");
    REQUIRE(list.has_value());
    REQUIRE(list->size() == 2);
    CHECK(list->at(0).id == "draw-forged");
    CHECK(list->at(1).id == "draw-ok");
    CHECK(list->at(1).acknowledged);
    CHECK(desk.draws("")->size() == 3);
    CHECK(dev.outbox().empty());
}
