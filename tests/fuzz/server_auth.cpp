// The requests a device makes before it has a session, and the one JSON body an administrator
// sends: POST /v1/enroll (EnrollRequest), /v1/token/refresh (RefreshRequest), /v1/token/challenge
// (DeviceChallengeRequest), /v1/token/device (DeviceSignInRequest), /v1/admin/enrollment-code
// ({"user_id": ...}, as the admin and as a coordinator), and the Authorization header every
// authenticated endpoint reads. The first byte chooses; the rest is the body (or the header).
// Enrollment and sign-in answers must parse as the device will parse them.
#include <cstdlib>

#include "ducha.pb.h"
#include "tests/fuzz/support/fuzz_input.h"
#include "tests/fuzz/support/fuzz_server.h"

using namespace ducha;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::FuzzInput in(data, size);
    auto& server = fuzz::FuzzServer::shared();
    server::HttpRequest http;
    http.method = "POST";
    const std::size_t endpoint = in.choice(7);
    static constexpr const char* kPaths[] = {"/v1/enroll",           "/v1/token/refresh",
                                             "/v1/token/challenge",  "/v1/token/device",
                                             "/v1/admin/enrollment-code", "/v1/admin/enrollment-code",
                                             "/v1/sync"};
    http.path = http.target = kPaths[endpoint];
    if (endpoint == 4 || endpoint == 5) {
        http.headers["authorization"] = "Bearer " + server.account(endpoint == 4 ? 3 : 1).access_token;
        http.body = in.rest();
    } else if (endpoint == 6) {
        http.headers["authorization"] = in.rest();  // the bearer token reader
    } else {
        http.body = in.rest();
    }
    auto resp = server.handle(std::move(http));
    if (resp.status == 200 && endpoint <= 3) {
        pb::TokenResponse tokens;
        pb::DeviceChallenge challenge;
        if (!(endpoint == 2 ? challenge.ParseFromString(resp.body) : tokens.ParseFromString(resp.body))) std::abort();
    }
    return 0;
}
