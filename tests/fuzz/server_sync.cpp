// The server side of POST /v1/sync, as an enrolled device of each role sends it: the SyncRequest
// parsed, each report's signature checked, each change judged and applied (the write rules, the
// collection's conflict rule, the workflows), then the pull. The first byte says who sends it and
// how: bits 0-1 the role (volunteer, coordinator, supervisor, admin), bit 2 signs the reports as
// the device would (with the next links of its chain), bit 3 numbers the changes afresh (so the
// server's exactly-once log does not answer them from an earlier input).
#include <atomic>
#include <cstdlib>

#include "ducha.pb.h"
#include "tests/fuzz/support/fuzz_input.h"
#include "tests/fuzz/support/fuzz_server.h"

using namespace ducha;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static std::uint64_t epoch = 0;
    fuzz::FuzzInput in(data, size);
    auto& server = fuzz::FuzzServer::shared();
    const std::uint8_t how = in.byte();
    const auto& who = server.account(how & 3);
    std::string body = in.rest();
    pb::SyncRequest req;
    if ((how & 12) && req.ParseFromString(body)) {
        if (how & 8) {
            epoch += 1u << 20;
            for (auto& m : *req.mutable_mutations()) m.set_client_seq(m.client_seq() + epoch);
        }
        if (how & 4) server.sign_reports(who, req);
        body = req.SerializeAsString();
    }
    server::HttpRequest http;
    http.method = "POST";
    http.path = http.target = "/v1/sync";
    http.headers["authorization"] = "Bearer " + who.access_token;
    http.headers["content-type"] = "application/x-protobuf";
    http.body = std::move(body);
    auto resp = server.handle(std::move(http));
    pb::SyncResponse out;
    if (resp.status == 200 && !out.ParseFromString(resp.body)) std::abort();  // the server's answer must parse
    return 0;
}
