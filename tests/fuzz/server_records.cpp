// Each collection's record payload through everything the server does with a change before and
// while it applies it: decoding, unknown fields, the write rules on (actor, stored, next), the
// conflict rule (compare-and-set versions, per-field last-writer-wins), the state machines and the
// workflows. The input names the change and the payload is the fuzzer's:
//   byte 0  who (volunteer, coordinator, supervisor, admin)
//   byte 1  the collection
//   byte 2  the kind of change: a new record, an update of a demo record from its stored version,
//           the same from a stale version, a delete, or a last-writer-wins update of named fields
//   byte 3  which demo record
//   then    the payload, a separator, and (for the last kind) the changed field names, one per line
// Reports are signed by the device and linked to its chain, so the rules past the signature see them.
#include <cstdlib>
#include <sstream>

#include "ducha.pb.h"
#include "shared/domain/collections.h"
#include "tests/fuzz/support/fuzz_input.h"
#include "tests/fuzz/support/fuzz_server.h"

using namespace ducha;

namespace {

constexpr std::string_view kCollections[] = {
    domain::kDistrict, domain::kZone,     domain::kInstitution, domain::kUser,      domain::kDevice,
    domain::kAssignment, domain::kChecklistTemplate, domain::kTask, domain::kReport, domain::kReceipt,
    domain::kEvidence, domain::kComplaint, domain::kCase,        domain::kDraw,      domain::kAuditEvent,
    domain::kCampaign,
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static std::uint64_t client_seq = 1u << 30;
    static std::uint64_t fresh_ids = 0;
    fuzz::FuzzInput in(data, size);
    auto& server = fuzz::FuzzServer::shared();
    const auto& who = server.account(in.byte());
    const std::string_view collection = kCollections[in.choice(std::size(kCollections))];
    const std::size_t kind = in.choice(5);
    const std::size_t which = in.byte();

    pb::SyncRequest req;
    pb::Mutation& m = *req.add_mutations();
    m.set_client_seq(++client_seq);
    m.set_collection(std::string(collection));
    m.set_payload(in.part());
    std::string existing = server.some_id(collection, which);
    if (kind == 0 || existing.empty()) {
        m.set_id("fz-" + std::to_string(++fresh_ids));
    } else {
        m.set_id(existing);
        const std::int64_t version = server.version_of(collection, existing);
        m.set_base_version(kind == 2 ? version - 1 : version);
        m.set_deleted(kind == 3);
        if (kind == 4) {
            std::istringstream names(in.rest());
            for (std::string name; std::getline(names, name);) m.add_changed_fields(name);
            m.set_hlc(client_seq);
        }
    }
    server.sign_reports(who, req);

    server::HttpRequest http;
    http.method = "POST";
    http.path = http.target = "/v1/sync";
    http.headers["authorization"] = "Bearer " + who.access_token;
    http.body = req.SerializeAsString();
    auto resp = server.handle(std::move(http));
    pb::SyncResponse out;
    if (resp.status == 200 && (!out.ParseFromString(resp.body) || out.acks_size() != 1)) std::abort();  // one ack per change
    return 0;
}
