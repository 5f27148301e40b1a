// Any request to any endpoint, as a stranger or an enrolled device of any role would send it: the
// method, the path (an endpoint's prefix and a fuzzed rest: a blob name, a badge token, junk), the
// query, Content-Range, Accept and the body are the fuzzer's. Whatever comes in, the router answers
// with a real status, and every error it answers in JSON names its code twice, in the body's
// "error" and in Ducha-Error, as the wire-error registry says (docs/SYNC.md "Failures"); the one
// JSON 4xx without a code is the badge check's verdict on an unknown badge.
// First byte: bits 0-2 the method, bits 3-5 the endpoint, bit 6 signed in, bit 7 which role's
// device (with the second byte); then parts: path rest, query, Content-Range, Accept; the rest is
// the body.
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "tests/fuzz/support/fuzz_input.h"
#include "tests/fuzz/support/fuzz_server.h"

using namespace ducha;

namespace {

constexpr const char* kMethods[] = {"GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS", "PATCH", "GET"};
constexpr const char* kPrefixes[] = {"/v1/blobs/", "/v1/public/badge/", "/v1/public/results", "/v1/audit",
                                     "/v1/admin/enrollment-code", "/v1/sync", "/v1/token/", "/"};

std::string header_of(const server::HttpResponse& r, std::string_view name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return {};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::FuzzInput in(data, size);
    auto& server = fuzz::FuzzServer::shared();
    const std::uint8_t how = in.byte();
    const std::uint8_t role = in.byte();
    server::HttpRequest http;
    http.method = kMethods[how & 7];
    http.path = std::string(kPrefixes[(how >> 3) & 7]) + in.part();
    http.query = in.part();
    http.target = http.path + (http.query.empty() ? "" : "?" + http.query);
    if (auto range = in.part(); !range.empty()) http.headers["content-range"] = range;
    if (auto accept = in.part(); !accept.empty()) http.headers["accept"] = accept;
    if (how & 64) http.headers["authorization"] = "Bearer " + server.account(role & 3).access_token;
    http.body = in.rest();
    const bool badge = http.path.starts_with("/v1/public/badge/");
    auto resp = server.handle(std::move(http));
    if (resp.status < 100 || resp.status > 599) std::abort();
    if (resp.status >= 400 && resp.content_type.starts_with("application/json")) {
        auto j = nlohmann::json::parse(resp.body, nullptr, false);
        if (j.is_discarded() || !j.is_object()) std::abort();
        if (j.contains("error")) {
            if (!j["error"].is_string() || header_of(resp, "Ducha-Error") != j["error"].get<std::string>()) std::abort();
        } else if (!(badge && resp.status == 404 && j.contains("valid"))) {
            std::abort();  // only the badge check answers "no such badge" with a verdict of its own
        }
    }
    return 0;
}
