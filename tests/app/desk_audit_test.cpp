// The audit screen's model and facade against a real in-process ducha-server with the demo data on
// 127.0.0.1: a modified volunteer client's write is refused by the server; an admin's app reads
// the audit log (every entry, that refusal among them), narrows it with each filter and exports
// what it shows as CSV, an export that is itself recorded; a coordinator's app is refused by the
// server and says so; with the server gone the screen says it needs a connection.
#include <catch2/catch.hpp>

#include <QDateTime>
#include <QSignalSpy>
#include <QUrl>

#include <filesystem>
#include <string>

#include "mobile/app/app_session.h"
#include "mobile/app/desk_audit.h"
#include "mobile/app/desk_audit_model.h"
#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/sync/device_profile.h"
#include "support/cli_steps.h"
#include "support/test_server.h"
#include "app/desk_sync_steps.h"

using namespace ducha;
using namespace ducha::app;
using test::answerOf;
using test::q;
namespace fs = std::filesystem;

namespace {

fs::path enrolled_desk(const test::TestServer& server, const test::TempDir& tmp, const test::DemoAccount& who,
                       const std::string& name) {
    const fs::path dir = tmp / name;
    test::must(dir, {"enroll", "--server", server.url(), "--code", who.code, "--pin", server.pin(), "--name", name});
    test::must(dir, {"sync"});
    return dir;
}

// The answer of the model's read in flight (it reads from the server on its worker thread).
DeskAuditModel& read(DeskAuditModel& audit) {
    if (audit.loading()) {
        QSignalSpy done(&audit, &DeskAuditModel::reloaded);
        if (!done.wait(test::kDeskNetMs)) throw std::runtime_error("the audit log's read did not finish in time");
    }
    return audit;
}

QVariantMap entryFor(const DeskAuditModel& audit, const QString& recordId) {
    for (int i = 0; i < audit.count(); ++i)
        if (audit.get(i).value("recordId").toString() == recordId) return audit.get(i);
    return {};
}

}  // namespace

TEST_CASE("Desk audit: an admin sees a refused write, narrows the log with each filter, exports what it shows, and a coordinator is refused", "[app][desk]") {
    test::TestServer server;
    test::TempDir tmp;

    // A modified volunteer client queues a complaint (the desk's job, not a volunteer's); the server refuses it.
    const auto& vol = server.account("volunteer", 0, "铁东区");
    const fs::path vprof = enrolled_desk(server, tmp, vol, "volunteer");
    const std::string forged = crypto::new_uuid();
    pb::Complaint c;
    {
        auto p = sync::DeviceProfile::open(vprof);
        REQUIRE(p.has_value());
        c.set_district_id(p->identity()->district_id);
    }
    c.set_source("12345");
    c.set_text("伪造的投诉 / a forged complaint");
    c.set_status("open");
    test::queue_raw(vprof, domain::kComplaint, forged, 0, c);
    const qint64 before = QDateTime::currentMSecsSinceEpoch() - 1000;
    test::must(vprof, {"sync"});

    // The admin's app: every entry, the refusal among them.
    AppSession admin(q(enrolled_desk(server, tmp, server.account("admin"), "admin-desk").string()));
    REQUIRE(admin.role() == "admin");
    DeskAuditModel audit(&admin);
    INFO(read(audit).error().toStdString());
    REQUIRE(read(audit).error().isEmpty());
    CHECK_FALSE(audit.offline());
    const int total = audit.total();
    const QVariantMap refused = entryFor(audit, q(forged));
    REQUIRE_FALSE(refused.isEmpty());
    CHECK(refused.value("action").toString() == "write");
    CHECK(refused.value("collection").toString() == q(std::string(domain::kComplaint)));
    CHECK(refused.value("outcome").toString() == "refused");
    CHECK(refused.value("actor").toString() == q(vol.user_id));
    CHECK_FALSE(refused.value("code").toString().isEmpty());
    CHECK_FALSE(refused.value("reason").toString().isEmpty());
    CHECK(refused.value("at").toLongLong() >= before);
    bool accepted = false;  // an admin sees what was accepted too
    for (int i = 0; i < audit.count(); ++i) accepted = accepted || audit.get(i).value("outcome").toString() == "accepted";
    CHECK(accepted);
    CHECK(audit.actions().contains("write"));

    // Each filter narrows what is shown; the entries read stay.
    audit.setOutcome("refused");
    CHECK(audit.count() < total);
    CHECK(audit.total() == total);
    for (int i = 0; i < audit.count(); ++i) CHECK(audit.get(i).value("outcome").toString() == "refused");
    CHECK_FALSE(entryFor(audit, q(forged)).isEmpty());
    audit.setAction("enroll*");
    CHECK(entryFor(audit, q(forged)).isEmpty());
    audit.setAction("write");
    CHECK_FALSE(entryFor(audit, q(forged)).isEmpty());
    for (int i = 0; i < audit.count(); ++i) CHECK(audit.get(i).value("action").toString() == "write");
    audit.setActor(q(vol.name));
    CHECK_FALSE(entryFor(audit, q(forged)).isEmpty());
    for (int i = 0; i < audit.count(); ++i) CHECK(audit.get(i).value("actor").toString() == q(vol.user_id));
    audit.setActor("no-such-person");
    CHECK(audit.count() == 0);
    audit.setActor("");
    audit.setToMs(refused.value("at").toLongLong() - 1);
    CHECK(entryFor(audit, q(forged)).isEmpty());
    audit.setToMs(0);
    audit.setFromMs(refused.value("at").toLongLong() + 1);
    CHECK(entryFor(audit, q(forged)).isEmpty());
    audit.setFromMs(before);
    audit.setSearch(q(forged.substr(0, 13)));
    REQUIRE(audit.count() == 1);
    CHECK(audit.get(0).value("recordId").toString() == q(forged));

    // Export what is shown: one row, written off the GUI thread, and the export is on record.
    DeskAudit desk(&admin);
    const fs::path csv = tmp / "audit.csv";
    auto e = answerOf(desk, &DeskAudit::exported, [&] { desk.exportCsv(&audit, QUrl::fromLocalFile(q(csv.string())).toString()); });
    INFO(e.value("message").toString().toStdString());
    REQUIRE(e.value("ok").toBool());
    CHECK(e.value("rows").toInt() == 1);
    CHECK_FALSE(desk.busy());
    const std::string text = test::read_file(csv);
    CHECK(text.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(text.find("操作 action") != std::string::npos);
    CHECK(text.find(forged) != std::string::npos);
    CHECK(text.find("refused") != std::string::npos);
    CHECK(text.find(vol.name) != std::string::npos);
    int lines = 0;
    for (char ch : text) lines += ch == '\n';
    CHECK(lines == 2);  // the header and the one entry
    bool recorded = false;
    auto outbox = admin.profile()->store().outbox(false);
    REQUIRE(outbox.has_value());
    for (const auto& o : *outbox) {
        if (o.mutation.collection() != domain::kAuditEvent) continue;
        pb::AuditEvent ev;
        REQUIRE(ev.ParseFromString(o.mutation.payload()));
        recorded = recorded || (ev.action() == "export.audit" && ev.detail() == "csv, 1 rows");
    }
    CHECK(recorded);

    // A coordinator's app: the server refuses, and the model says why; nothing is shown.
    AppSession coordinator(q(enrolled_desk(server, tmp, server.account("coordinator", 0, "铁东区"), "coordinator-desk").string()));
    DeskAuditModel denied(&coordinator);
    CHECK(read(denied).count() == 0);
    CHECK_FALSE(denied.error().isEmpty());
    CHECK_FALSE(denied.offline());

    // The server gone: the log cannot be read, and the model says it needs a connection.
    server.stop();
    audit.reload();
    CHECK(audit.loading());
    CHECK(read(audit).offline());
    CHECK_FALSE(audit.error().isEmpty());
    CHECK(audit.total() == 0);
}
