#pragma once
// A device transport that answers from a script instead of a server: each reply in turn, then a
// network failure. A reply is written as text the way an HTTP answer reads:
//   "STATUS\nname: value\n...\n\nBODY"   (no status line: 200; names are lower-cased)
// so the fuzzer controls every status, header and body the sync client reads.
#include <deque>
#include <string>
#include <string_view>

#include "shared/sync/http_transport.h"

namespace ducha::fuzz {

sync::HttpReply parse_scripted_reply(std::string_view text);

class ScriptedTransport final : public sync::HttpTransport {
public:
    ScriptedTransport(std::deque<sync::HttpReply>& replies, sync::TransportConfig cfg)
        : m_replies(replies), m_cfg(std::move(cfg)) {}

    Result<sync::HttpReply> request(const std::string& method, const std::string& path, const std::string& body,
                                    const std::map<std::string, std::string>& headers = {}) override;
    const sync::TransportConfig& config() const override { return m_cfg; }

private:
    std::deque<sync::HttpReply>& m_replies;  // shared by every transport the client makes
    sync::TransportConfig m_cfg;
};

}  // namespace ducha::fuzz
