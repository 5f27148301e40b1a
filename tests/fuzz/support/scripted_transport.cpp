#include "tests/fuzz/support/scripted_transport.h"

#include <cctype>
#include <charconv>

namespace ducha::fuzz {

namespace {

std::string_view take_line(std::string_view& text) {
    auto nl = text.find('\n');
    auto line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    return line;
}

}  // namespace

sync::HttpReply parse_scripted_reply(std::string_view text) {
    sync::HttpReply r;
    r.status = 200;
    auto first = text.substr(0, text.find('\n'));
    long status = 0;
    auto [end, ec] = std::from_chars(first.data(), first.data() + first.size(), status);
    if (ec != std::errc{} || end != first.data() + first.size()) {
        r.body = std::string(text);  // no status line: the whole text is a 200's body
        return r;
    }
    r.status = status;
    take_line(text);
    while (!text.empty()) {
        auto line = take_line(text);
        if (line.empty()) break;
        auto colon = line.find(':');
        std::string name(line.substr(0, colon));
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string_view value = colon == std::string_view::npos ? std::string_view{} : line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        r.headers[name] = std::string(value);
    }
    r.body = std::string(text);
    return r;
}

Result<sync::HttpReply> ScriptedTransport::request(const std::string&, const std::string&, const std::string&,
                                                   const std::map<std::string, std::string>&) {
    if (m_replies.empty()) return fail(Errc::network, Msg::verbatim, "the script has no more replies");
    auto r = std::move(m_replies.front());
    m_replies.pop_front();
    return r;
}

}  // namespace ducha::fuzz
