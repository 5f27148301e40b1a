#pragma once
// HTTPS to the Ducha server over libcurl: TLS 1.2+, the server's public key pinned, one reused
// connection (keep-alive). Not thread-safe: one transport per sync client.
#include "shared/sync/http_transport.h"

namespace ducha::sync {

class CurlTransport final : public HttpTransport {
public:
    explicit CurlTransport(TransportConfig cfg);
    ~CurlTransport() override;
    CurlTransport(CurlTransport&&) noexcept;
    CurlTransport& operator=(CurlTransport&&) noexcept;

    Result<HttpReply> request(const std::string& method, const std::string& path, const std::string& body,
                              const std::map<std::string, std::string>& headers = {}) override;
    const TransportConfig& config() const override { return m_cfg; }

    // The default TransportFactory.
    static std::unique_ptr<HttpTransport> make(const TransportConfig& cfg);

private:
    TransportConfig m_cfg;
    void* m_curl = nullptr;
};

}  // namespace ducha::sync
