// What reaches a phone from the server: every reply of a sync pass (SyncResponse acks and pulled
// records applied to the replica, the token answers after a 401, blob upload offsets, error
// bodies) read by the one sync client (shared/sync/sync_client.cpp) over a scripted transport.
// The device is a volunteer with two changes in its outbox and one evidence file to upload; every
// input meets it the same (what a pass writes is rolled back). The first byte picks the push batch
// (one change per request, or all); the replies follow in turn, separated, each written as
// "STATUS\nname: value\n\nBODY" (see scripted_transport.h).
#include <deque>

#include "ducha.pb.h"
#include "shared/domain/collections.h"
#include "shared/sync/sync_client.h"
#include "tests/fuzz/support/fuzz_device.h"
#include "tests/fuzz/support/fuzz_input.h"
#include "tests/fuzz/support/scripted_transport.h"

using namespace ducha;

namespace {

void require(bool ok) {
    if (!ok) std::abort();
}

fuzz::FuzzDevice& volunteer_device() {
    static fuzz::FuzzDevice d{"volunteer", "u-vol", "d-tiedong"};
    static const bool filled = [] {
        pb::District district;
        district.set_name("铁东区");
        d.put(domain::kDistrict, "d-tiedong", district);
        pb::Institution inst;
        inst.set_district_id("d-tiedong");
        inst.set_name("启明星教育");
        inst.set_address("铁东区园林路12号");
        d.put(domain::kInstitution, "i-qimingxing", inst);
        pb::Task task;
        task.set_institution_id("i-qimingxing");
        task.set_district_id("d-tiedong");
        task.set_kind("routine");
        task.add_assignees("u-vol");
        task.set_status("open");
        d.put(domain::kTask, "t-1", task);
        // Two queued changes: the task started, and a report (its bytes are the server's concern).
        task.set_status("in_progress");
        pb::Mutation start;
        start.set_collection(std::string(domain::kTask));
        start.set_id("t-1");
        start.set_base_version(1);
        start.set_payload(task.SerializeAsString());
        require(d.store().enqueue(start).has_value());
        pb::Report report;
        report.set_task_id("t-1");
        report.set_institution_id("i-qimingxing");
        report.set_chain_index(1);
        pb::Mutation submit;
        submit.set_collection(std::string(domain::kReport));
        submit.set_id("r-1");
        submit.set_payload(report.SerializeAsString());
        require(d.store().enqueue(submit).has_value());
        auto hex = d.profile().save_blob("a photo of the classroom");
        require(hex.has_value());
        sync::BlobItem blob;
        blob.sha256_hex = *hex;
        blob.size = 24;
        blob.mime = "image/jpeg";
        blob.report_id = "r-1";
        require(d.store().add_blob(blob).has_value());
        return true;
    }();
    (void)filled;
    return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::FuzzInput in(data, size);
    auto& device = volunteer_device();
    sync::SyncClient::Config cfg;
    cfg.push_batch = in.byte() & 1 ? 1 : 200;
    cfg.blob_chunk = 8;
    cfg.sleep = [](std::chrono::milliseconds) {};
    std::deque<sync::HttpReply> replies;
    while (!in.empty()) replies.push_back(fuzz::parse_scripted_reply(in.part()));
    cfg.transport = [&replies](const sync::TransportConfig& tc) {
        return std::make_unique<fuzz::ScriptedTransport>(replies, tc);
    };
    device.rolled_back([&] {
        sync::SyncClient client{device.profile(), cfg};
        auto r = client.sync_once();
        if (!r) (void)r.error().message();
    });
    return 0;
}
