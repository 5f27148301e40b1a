#pragma once
// A transport for tests that loses replies on their way back: the request reaches the real server
// (over CurlTransport, real TLS) and the server acts on it, but the device gets a network error
// instead of the answer, as when a phone loses signal between sending and receiving. The lost
// replies are kept, so a test can play someone who read them off the wire.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "shared/sync/curl_transport.h"

namespace ducha::test {

struct LossPlan {
    std::map<std::string, int> lose;          // path → how many of its next replies to lose
    std::vector<sync::HttpReply> lost;        // the replies lost so far, in order
    std::vector<std::string> requests;        // "METHOD PATH" of every request sent, in order
};

class LossyTransport final : public sync::HttpTransport {
public:
    LossyTransport(const sync::TransportConfig& cfg, std::shared_ptr<LossPlan> plan)
        : m_real(cfg), m_plan(std::move(plan)) {}

    Result<sync::HttpReply> request(const std::string& method, const std::string& path, const std::string& body,
                                    const std::map<std::string, std::string>& headers = {}) override;
    const sync::TransportConfig& config() const override { return m_real.config(); }

    // A TransportFactory for SyncClient::Config::transport that shares one plan.
    static sync::TransportFactory factory(std::shared_ptr<LossPlan> plan);

private:
    sync::CurlTransport m_real;
    std::shared_ptr<LossPlan> m_plan;
};

}  // namespace ducha::test
