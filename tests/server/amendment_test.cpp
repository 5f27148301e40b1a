// Amendments (更正) end to end, on a real server on 127.0.0.1 with demo data: a volunteer corrects
// their own report with `ducha inspect --amends`; the device refuses anyone else's amendment and a
// late one in the write rules' words, queuing nothing; the public feed shows both reports, marked.
//
// The server's side of the 7-day window (judged on the server's own receipt time) is the
// "amendments" case of tests/shared/policy/write_rules_test.cpp, with fake facts: a client cannot
// make the server's clock older. Here the device's side is tested: a replica whose receipt says the
// original arrived 8 days ago.
#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "server/service/server_app.h"
#include "server/storage/record_table.h"
#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/policy/write_rules.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/curl_transport.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const json* by_id(const json& arr, const std::string& key, const json& value) {
    for (const auto& r : arr)
        if (r.contains(key) && r[key] == value) return &r;
    return nullptr;
}

// A volunteer with one open task at a registry institution of their district, and the district's
// coordinator (who sees the volunteer's reports), both enrolled and synced.
struct AmendWorld {
    TestServer srv;
    TempDir tmp;
    DemoAccount vol, coord;
    fs::path vprof, cprof;
    std::string task_id, institution_id;

    AmendWorld() {
        vol = srv.account("volunteer");
        coord = srv.account("coordinator", 0, vol.district);
        vprof = tmp / "volunteer";
        cprof = tmp / "coordinator";
        must(vprof, {"enroll", "--server", srv.url(), "--code", vol.code, "--pin", srv.pin()});
        must(cprof, {"enroll", "--server", srv.url(), "--code", coord.code, "--pin", srv.pin()});
        must(vprof, {"sync"});
        must(cprof, {"sync"});
        const std::string district = cli_json(vprof, {"status", "--json"}).at(0)["district_id"];
        institution_id = srv.registry_institution(district);
        REQUIRE_FALSE(institution_id.empty());
        task_id = trim(must(cprof, {"admin", "task", "add", "--institution", institution_id, "--assignee", vol.user_id,
                                    "--kind", "spot_check"}).out);
        must(cprof, {"sync"});
        must(vprof, {"sync"});
    }

    // An inspection arguments list; `fail_l1` fails the critical permit item L1, with its photo.
    std::vector<std::string> visit(std::vector<std::string> args, bool fail_l1) {
        json over = json::object();
        if (fail_l1) {
            over["L1"] = {{"result", "fail"}, {"note", "未见办学许可证 / no permit on display"}};
            auto photo = tmp / ("l1-" + crypto::random_token(4) + ".jpg");
            write_file(photo, crypto::random_bytes(2048));
            args.insert(args.end(), {"--photo", "L1=" + photo.string()});
        }
        args.insert(args.end(), {"--answers", write_answers(tmp.path, over).string(), "--gps", "41.1,122.9"});
        return args;
    }

    // The volunteer's report with a violation, synced: its id.
    std::string violation() {
        auto id = trim(must(vprof, visit({"inspect", "--task", task_id}, true)).out);
        must(vprof, {"sync"});
        return id;
    }

    std::size_t queued(const fs::path& profile) { return cli_json(profile, {"outbox", "--json"}).size(); }

    std::string page(const std::string& query) {
        sync::CurlTransport http{sync::TransportConfig{.base_url = srv.url(), .pin = srv.pin()}};
        auto r = http.request("GET", "/v1/public/results" + query, "");
        REQUIRE(r.has_value());
        INFO(r->body);
        REQUIRE(r->status == 200);
        return r->body;
    }
    json feed() {
        auto j = json::parse(page(""), nullptr, false);
        REQUIRE(j.is_object());
        return j;
    }
};

}  // namespace

TEST_CASE("a volunteer amends their own report: both stored with receipts, the chain verifies, the feed shows both",
          "[amend][public]") {
    AmendWorld w;
    const std::string original = w.violation();
    REQUIRE(w.srv.count("report") == 1);
    // The coordinator closes the task; a correction comes after that and must not reopen or move it.
    must(w.cprof, {"sync"});
    must(w.cprof, {"task-status", "--task", w.task_id, "--to", "done"});
    must(w.cprof, {"sync"});
    must(w.vprof, {"sync"});
    REQUIRE(server_get<pb::Task>(w.srv.data_dir(), domain::kTask, w.task_id)->status() == "done");

    // --task and --amends together: a usage error, nothing queued.
    auto both = run(w.vprof, w.visit({"inspect", "--task", w.task_id, "--amends", original}, false));
    CHECK(both.rc == 2);
    CHECK(contains(both.err, "--task or --amends"));
    auto unknown = run(w.vprof, w.visit({"inspect", "--amends", "no-such-report"}, false));
    CHECK(unknown.rc == 1);
    CHECK(contains(unknown.err, "no report no-such-report on this device"));
    CHECK(w.queued(w.vprof) == 0);

    // The correction: L1 passes after all (the permit was in the back office). No --task needed.
    const std::string amendment = trim(must(w.vprof, w.visit({"inspect", "--amends", original, "--notes", "许可证在办公室"}, false)).out);
    REQUIRE(amendment != original);
    auto outbox = cli_json(w.vprof, {"outbox", "--json"});
    REQUIRE(outbox.size() == 1);
    CHECK(outbox[0]["id"] == amendment);
    must(w.vprof, {"sync"});

    // Both on the server, each with its receipt; the amendment is a full report of the same visit.
    CHECK(w.srv.count("report") == 2);
    CHECK(w.srv.count("receipt") == 2);
    auto orig = server_get<pb::Report>(w.srv.data_dir(), domain::kReport, original);
    auto amend = server_get<pb::Report>(w.srv.data_dir(), domain::kReport, amendment);
    REQUIRE(orig);
    REQUIRE(amend);
    CHECK(amend->amends() == original);
    CHECK(amend->task_id() == w.task_id);
    CHECK(amend->institution_id() == w.institution_id);
    CHECK(amend->district_id() == orig->district_id());
    CHECK(amend->user_id() == w.vol.user_id);
    CHECK(amend->covert() == false);
    CHECK(amend->answers_size() == orig->answers_size());
    CHECK(amend->chain_index() == orig->chain_index() + 1);
    CHECK(amend->flagged() == false);
    CHECK(orig->flagged() == true);
    CHECK(orig->amends().empty());
    // The task stays where it was.
    CHECK(server_get<pb::Task>(w.srv.data_dir(), domain::kTask, w.task_id)->status() == "done");

    auto reports = cli_json(w.vprof, {"reports", "--json"});
    REQUIRE(reports.size() == 2);
    const json* ro = by_id(reports, "id", original);
    const json* ra = by_id(reports, "id", amendment);
    REQUIRE(ro != nullptr);
    REQUIRE(ra != nullptr);
    CHECK((*ro)["status"] == "received");
    CHECK((*ra)["status"] == "received");
    CHECK((*ro)["receipt"].is_object());
    CHECK((*ra)["receipt"].is_object());
    CHECK((*ro)["amends"].is_null());
    CHECK((*ra)["amends"] == original);
    auto verify = run(w.vprof, {"verify"});
    INFO(verify.out << verify.err);
    CHECK(verify.rc == 0);  // the original, its signature, chain link and receipt, still verify

    // The public feed: both rows, each marked, linked by their public numbers.
    const std::int64_t seq_o = (*ro)["receipt"]["seq"], seq_a = (*ra)["receipt"]["seq"];
    auto j = w.feed();
    REQUIRE(j["total"] == 2);
    const json* po = by_id(j["results"], "id", seq_o);
    const json* pa = by_id(j["results"], "id", seq_a);
    REQUIRE(po != nullptr);
    REQUIRE(pa != nullptr);
    CHECK(j["results"][0]["id"] == seq_a);  // newest first: the correction
    CHECK((*po)["result"] == "problems_found");
    CHECK((*po)["amended_by"] == seq_a);
    CHECK((*po)["amends"].is_null());
    CHECK((*po)["status_note"] == "已更正 / amended");
    CHECK((*pa)["result"] == "pass");
    CHECK((*pa)["amends"] == seq_o);
    CHECK((*pa)["amended_by"].is_null());
    CHECK((*pa)["status_note"] == "更正 / amendment");
    const std::string body = j.dump();
    CHECK_FALSE(contains(body, original));  // report ids are never published
    CHECK_FALSE(contains(body, amendment));
    CHECK_FALSE(contains(body, "许可证在办公室"));
    const std::string html = w.page("?format=html");
    CHECK(contains(html, "已更正 / amended"));
    CHECK(contains(html, "<a href=\"#r" + std::to_string(seq_a) + "\">"));
    CHECK(contains(html, "<tr id=\"r" + std::to_string(seq_o) + "\">"));
    const std::string csv = w.page("?format=csv");
    CHECK(contains(csv, ",更正编号 / Amends No.,被更正为 / Amended by No.\r\n"));
    CHECK(contains(csv, "," + std::to_string(seq_o) + ",\r\n"));  // the amendment's row: amends, not amended
    CHECK(contains(csv, ",," + std::to_string(seq_a) + "\r\n"));   // the original's row: amended by
}

TEST_CASE("an amendment by anyone but the author is refused on the device in the rule's words", "[amend]") {
    AmendWorld w;
    const std::string original = w.violation();
    must(w.cprof, {"sync"});
    // The coordinator holds the report (their district's, not covert) but did not write it.
    auto held = cli_json(w.cprof, {"reports", "--json"});
    REQUIRE(by_id(held, "id", original) != nullptr);
    auto r = run(w.cprof, w.visit({"inspect", "--amends", original}, true));
    INFO(r.err);
    CHECK(r.rc == 1);
    CHECK(contains(r.err, "只有原报告的作者可以更正"));
    CHECK(contains(r.err, "only the author of a report may amend it"));
    CHECK(w.queued(w.cprof) == 0);
    auto status = cli_json(w.cprof, {"status", "--json"});
    CHECK(status.at(0)["outbox_pending"] == 0);
    CHECK(status.at(0)["photos_pending"] == 0);  // the photo given was not kept for upload either
    CHECK(w.srv.count("report") == 1);
}

TEST_CASE("an amendment more than 7 days after the server received the original is refused on the device", "[amend]") {
    AmendWorld w;
    const std::string original = w.violation();
    // The device knows when the server received the original from its receipt. Make this replica's
    // receipt say 8 days ago (the server's own clock cannot be moved back from a client).
    {
        auto p = sync::DeviceProfile::open(w.vprof);
        REQUIRE(p.has_value());
        auto rec = p->store().get(domain::kReceipt, original);
        REQUIRE(rec.has_value());
        REQUIRE(rec->has_value());
        pb::Receipt receipt;
        REQUIRE(receipt.ParseFromString((*rec)->payload()));
        receipt.set_server_time(receipt.server_time() - policy::kAmendWindowMs - 24 * 3600 * 1000LL);
        pb::Record forged = **rec;
        forged.set_payload(receipt.SerializeAsString());
        REQUIRE(p->store().apply_remote(forged).has_value());
    }
    auto r = run(w.vprof, w.visit({"inspect", "--amends", original}, false));
    INFO(r.err);
    CHECK(r.rc == 1);
    CHECK(contains(r.err, "已超过 7 天更正期限"));
    CHECK(contains(r.err, "the 7-day window to amend this report has passed"));
    CHECK(w.queued(w.vprof) == 0);
    CHECK(cli_json(w.vprof, {"reports", "--json"}).size() == 1);
}
