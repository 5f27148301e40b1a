#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "shared/crypto/random.h"
#include "shared/sync/ack_reason.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/local_store.h"
#include "shared/support/temp_dir.h"

using namespace ducha;
using namespace ducha::sync;
namespace fs = std::filesystem;

namespace {
using ducha::test::TempDir;
pb::Mutation change(const std::string& collection, const std::string& id, std::int64_t base, const std::string& payload) {
    pb::Mutation m;
    m.set_collection(collection);
    m.set_id(id);
    m.set_base_version(base);
    m.set_payload(payload);
    return m;
}
}  // namespace

TEST_CASE("enqueue writes the local copy and the outbox entry together, seqs never reused", "[sync][local]") {
    TempDir d;
    auto s = LocalStore::open(d.path / "device.db");
    REQUIRE(s);
    auto a = s->enqueue(change("task", "t1", 3, "p1"));
    auto b = s->enqueue(change("task", "t2", 0, "p2"));
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*b > *a);
    auto rec = s->get("task", "t1");
    REQUIRE(*rec);
    CHECK((*rec)->version() == 4);
    CHECK((*rec)->payload() == "p1");
    pb::Ack ack;
    ack.set_client_seq(*b);
    ack.set_version(1);
    ack.set_seq(99);
    REQUIRE(s->acked(*b, ack));
    auto c = s->enqueue(change("task", "t3", 0, "p3"));
    CHECK(*c > *b);  // AUTOINCREMENT: a deleted entry's number is not handed out again
    CHECK(*s->pending_count() == 2);
}

TEST_CASE("a set-aside item keeps its reason and stops counting as pending", "[sync][local]") {
    TempDir d;
    auto s = LocalStore::open(d.path / "device.db");
    auto a = s->enqueue(change("report", "r1", 0, "bad"));
    auto b = s->enqueue(change("task", "t1", 1, "ok"));
    REQUIRE(s->set_aside(*a, "bad_signature", Error{Errc::rejected, Msg::verbatim, "报告签名无效"}));
    auto pending = s->pending(10);
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().client_seq == *b);
    auto all = s->outbox(true);
    REQUIRE(all->size() == 2);
    CHECK(all->front().state == "set_aside");
    CHECK(all->front().error_message == "报告签名无效");
}

TEST_CASE("a set-aside item keeps the server's reason as the catalogue's row and shows it in either language",
          "[sync][local][messages]") {
    TempDir d;
    auto s = LocalStore::open(d.path / "device.db");
    auto a = s->enqueue(change("report", "r1", 0, "bad"));
    // As a server of this version sends it: the row's name and its arguments travel with the words.
    pb::Ack ack;
    ack.set_client_seq(*a);
    ack.set_status(pb::Ack::REJECTED);
    ack.set_code("chain_fork");
    set_ack_reason(ack, Error{Errc::rejected, Msg::chain_position_taken, "7"});
    CHECK(ack.message_id() == "chain_position_taken");
    CHECK(std::vector<std::string>(ack.message_args().begin(), ack.message_args().end()) == std::vector<std::string>{"7"});
    CHECK(ack.message() == "报告链序号 7 已被占用，可能被篡改 / the report's chain position 7 is already taken: possible tampering");
    REQUIRE(s->set_aside(*a, ack.code(), ack_reason(ack)));
    auto all = s->outbox(true);
    REQUIRE(all->size() == 1);
    const OutboxItem& it = all->front();
    CHECK(it.error_message == ack.message());  // what the CLI prints
    CHECK(it.refusal().what == Msg::chain_position_taken);
    CHECK(it.refusal().args == std::vector<std::string>{"7"});
    CHECK(it.refusal().text(Lang::en) == "the report's chain position 7 is already taken: possible tampering");
    CHECK(it.refusal().text(Lang::zh) == "报告链序号 7 已被占用，可能被篡改");
}

TEST_CASE("an ack from an older server, with words only, is shown as it came", "[sync][local][messages]") {
    TempDir d;
    auto s = LocalStore::open(d.path / "device.db");
    auto a = s->enqueue(change("task", "t1", 1, "x"));
    auto b = s->enqueue(change("task", "t2", 1, "y"));
    pb::Ack old;
    old.set_client_seq(*a);
    old.set_status(pb::Ack::REJECTED);
    old.set_code("immutable");
    old.set_message("已提交的记录不可修改 / a submitted record cannot change");
    CHECK(ack_reason(old).what == Msg::verbatim);
    REQUIRE(s->set_aside(*a, old.code(), ack_reason(old)));
    // A newer server's row this device does not know: its words, verbatim.
    pb::Ack newer = old;
    newer.set_client_seq(*b);
    newer.set_message("新的说法 / words of a newer server");
    newer.set_message_id("a_row_of_a_newer_server");
    newer.add_message_args("x");
    REQUIRE(s->set_aside(*b, newer.code(), ack_reason(newer)));
    auto all = s->outbox(true);
    REQUIRE(all->size() == 2);
    for (Lang lang : {Lang::zh, Lang::en}) {
        CHECK(all->at(0).refusal().text(lang) == "已提交的记录不可修改 / a submitted record cannot change");
        CHECK(all->at(1).refusal().text(lang) == "新的说法 / words of a newer server");
    }
    CHECK(all->at(0).error_message == old.message());
}

TEST_CASE("remote records do not overwrite a change still queued - a resync drops what did not come back",
          "[sync][local]") {
    TempDir d;
    auto s = LocalStore::open(d.path / "device.db");
    pb::Record r;
    r.set_collection("institution");
    r.set_id("i1");
    r.set_version(1);
    r.set_payload("server");
    REQUIRE(s->apply_remote(r));
    REQUIRE(s->enqueue(change("institution", "i1", 1, "mine")));
    r.set_version(2);
    r.set_payload("server2");
    REQUIRE(s->apply_remote(r));
    CHECK((*s->get("institution", "i1"))->payload() == "mine");

    pb::Record gone = r;
    gone.set_id("i2");
    REQUIRE(s->apply_remote(gone));
    pb::Record kept = r;
    kept.set_id("i3");
    REQUIRE(s->apply_remote(kept));
    REQUIRE(s->begin_resync());
    REQUIRE(s->mark_seen(kept));
    auto removed = s->finish_resync();
    REQUIRE(removed);
    CHECK(*removed == 1);
    CHECK_FALSE(*s->get("institution", "i2"));
    CHECK(*s->get("institution", "i3"));
    CHECK(*s->get("institution", "i1"));  // queued change protects it
    CHECK(**s->meta("cursor") == "0");
}

TEST_CASE("the digest depends on content, not on the order records arrived", "[sync][local]") {
    TempDir d1, d2;
    auto s1 = LocalStore::open(d1.path / "device.db");
    auto s2 = LocalStore::open(d2.path / "device.db");
    std::vector<pb::Record> recs;
    for (int i = 0; i < 5; ++i) {
        pb::Record r;
        r.set_collection(i % 2 ? "task" : "zone");
        r.set_id("id" + std::to_string(i));
        r.set_version(i + 1);
        r.set_payload("p" + std::to_string(i));
        recs.push_back(r);
    }
    for (auto& r : recs) REQUIRE(s1->apply_remote(r));
    for (auto it = recs.rbegin(); it != recs.rend(); ++it) REQUIRE(s2->apply_remote(*it));
    CHECK(*s1->digest() == *s2->digest());
    recs[2].set_payload("changed");
    REQUIRE(s2->apply_remote(recs[2]));
    CHECK(*s1->digest() != *s2->digest());
}

TEST_CASE("evidence is encrypted at rest and a changed file is detected", "[sync][local]") {
    TempDir d;
    auto p = DeviceProfile::open(d.path);
    REQUIRE(p);
    CHECK((fs::status(d.path / "keystore.key").permissions() & fs::perms::group_all) == fs::perms::none);
    std::string photo(10000, 'x');
    auto hex = p->save_blob(photo);
    REQUIRE(hex);
    auto sealed = p->blob_path(*hex);
    std::ifstream in(sealed, std::ios::binary);
    std::string raw((std::istreambuf_iterator<char>(in)), {});
    CHECK(raw.find(std::string(100, 'x')) == std::string::npos);
    CHECK(*p->read_blob(*hex) == photo);
    {
        std::fstream f(sealed, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(20);
        f.put('\x42');
    }
    auto bad = p->read_blob(*hex);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == Errc::integrity);
}

TEST_CASE("an ack does not take the replica back while a later change of the same record is queued", "[sync][local]") {
    TempDir d;
    auto s = LocalStore::open(d.path / "device.db");
    REQUIRE(s);
    // Two changes of one complaint: the second made while the first was in flight.
    auto first = s->enqueue(change("complaint", "c1", 1, "triaged"));
    auto second = s->enqueue(change("complaint", "c1", 2, "in_progress"));
    REQUIRE(first);
    REQUIRE(second);
    pb::Ack ack;
    ack.set_client_seq(*first);
    ack.set_version(2);
    ack.set_seq(50);
    SECTION("a plain ack") {}
    SECTION("an ack carrying the server's completed record") {
        ack.mutable_current()->set_collection("complaint");
        ack.mutable_current()->set_id("c1");
        ack.mutable_current()->set_version(2);
        ack.mutable_current()->set_payload("triaged+server");
    }
    REQUIRE(s->acked(*first, ack));
    auto rec = s->get("complaint", "c1");
    REQUIRE(*rec);
    CHECK((*rec)->version() == 3);  // the queued change's version: a third change starts from 3
    CHECK((*rec)->payload() == "in_progress");
    // Once the last change is acknowledged, the server's record is taken as it is.
    pb::Ack last;
    last.set_client_seq(*second);
    last.set_version(3);
    last.set_seq(51);
    *last.mutable_current() = ack.current();
    last.mutable_current()->set_collection("complaint");
    last.mutable_current()->set_id("c1");
    last.mutable_current()->set_version(3);
    last.mutable_current()->set_payload("in_progress+server");
    REQUIRE(s->acked(*second, last));
    rec = s->get("complaint", "c1");
    CHECK((*rec)->version() == 3);
    CHECK((*rec)->payload() == "in_progress+server");
}

namespace {

// Everything SQLite keeps on disk for a database: the file and its write-ahead log.
std::string raw_bytes(const fs::path& db) {
    std::string all;
    for (const auto& p : {db, fs::path(db.string() + "-wal")}) {
        std::ifstream in(p, std::ios::binary);
        all.append(std::istreambuf_iterator<char>(in), {});
    }
    return all;
}

std::string user_payload(const std::string& phone) {
    pb::User u;
    u.set_name("志愿者");
    u.set_role("volunteer");
    u.set_phone(phone);
    return u.SerializeAsString();
}

std::string report_payload(const std::string& notes) {
    pb::Report r;
    r.set_task_id("t1");
    r.set_covert(true);
    r.set_notes(notes);
    return r.SerializeAsString();
}

}  // namespace

TEST_CASE("reports' notes and users' phone numbers are sealed at rest, in the replica and the queues",
          "[sync][local][seal]") {
    TempDir d;
    const auto path = d.path / "device.db";
    const std::string phone = "13800001234", notes = "暗访：后门有学生进出 covert-note-7f3a";
    const Bytes key = crypto::random_bytes(32);
    std::string digest_plain;
    {
        // A profile from before sealing: plain rows in the replica, the outbox and the acknowledged log.
        auto s = LocalStore::open(path);
        REQUIRE(s);
        pb::Record u;
        u.set_collection("user");
        u.set_id("u1");
        u.set_version(1);
        u.set_payload(user_payload(phone));
        REQUIRE(s->apply_remote(u));
        auto acked = s->enqueue(change("report", "r1", 0, report_payload(notes)));
        REQUIRE(acked);
        pb::Ack ack;
        ack.set_client_seq(*acked);
        ack.set_seq(10);
        ack.set_version(1);
        REQUIRE(s->acked(*acked, ack));
        REQUIRE(s->enqueue(change("report", "r2", 0, report_payload(notes + "-2"))));
        REQUIRE(s->enqueue(change("task", "t1", 0, "task words stay plain")));
        digest_plain = *s->digest();
    }
    CHECK(raw_bytes(path).find(phone) != std::string::npos);  // the check below can see them

    auto s = LocalStore::open(path);
    REQUIRE(s);
    REQUIRE(s->seal_sensitive_payloads(key));
    // Nothing personal is left in the files, yet everything reads back as it was.
    pb::Record more;
    more.set_collection("user");
    more.set_id("u2");
    more.set_version(1);
    more.set_payload(user_payload("13900005678"));
    REQUIRE(s->apply_remote(more));
    const std::string raw = raw_bytes(path);
    CHECK(raw.find(phone) == std::string::npos);
    CHECK(raw.find("13900005678") == std::string::npos);
    CHECK(raw.find("covert-note-7f3a") == std::string::npos);
    CHECK(raw.find("task words stay plain") != std::string::npos);
    pb::User u;
    REQUIRE(u.ParseFromString((*s->get("user", "u1"))->payload()));
    CHECK(u.phone() == phone);
    auto queued = s->outbox();
    REQUIRE(queued);
    REQUIRE(queued->size() == 2);
    pb::Report r;
    REQUIRE(r.ParseFromString(queued->at(0).mutation.payload()));
    CHECK(r.notes() == notes + "-2");
    REQUIRE(s->remove("user", "u2"));
    CHECK(*s->digest() == digest_plain);  // the digest is of the content, sealed or not

    // The acknowledged report comes back into the outbox readable after a restore.
    auto requeued = s->recover_after_restore("g2", 5);
    REQUIRE(requeued);
    CHECK(*requeued == 1);
    auto back = s->outbox();
    REQUIRE(back);
    REQUIRE(r.ParseFromString(back->at(0).mutation.payload()));
    CHECK(r.notes() == notes);

    // A sealed payload copied onto another record does not open there.
    REQUIRE(s->db().exec("UPDATE record SET payload=(SELECT payload FROM record WHERE id='u1') WHERE id='r2'"));
    auto moved = s->get("report", "r2");
    REQUIRE_FALSE(moved);
    CHECK(moved.error().code == Errc::integrity);
}
