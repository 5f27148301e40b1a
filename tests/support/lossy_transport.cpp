#include "support/lossy_transport.h"

namespace ducha::test {

Result<sync::HttpReply> LossyTransport::request(const std::string& method, const std::string& path,
                                                const std::string& body, const std::map<std::string, std::string>& headers) {
    m_plan->requests.push_back(method + " " + path);
    auto r = m_real.request(method, path, body, headers);
    auto it = m_plan->lose.find(path);
    if (!r || it == m_plan->lose.end() || it->second <= 0) return r;
    --it->second;
    m_plan->lost.push_back(std::move(*r));
    return fail(Errc::network, Msg::verbatim, "连接中断 / the connection dropped (a reply lost on purpose by the test)");
}

sync::TransportFactory LossyTransport::factory(std::shared_ptr<LossPlan> plan) {
    return [plan](const sync::TransportConfig& cfg) -> std::unique_ptr<sync::HttpTransport> {
        return std::make_unique<LossyTransport>(cfg, plan);
    };
}

}  // namespace ducha::test
