#include "shared/sync/enroll_link.h"

#include <cctype>
#include <optional>

#include "shared/common/query_string.h"
#include "shared/common/text.h"

namespace ducha::sync {

namespace {
constexpr std::string_view kPrefix = "ducha://enroll?";
}  // namespace

Result<EnrollLink> parse_enroll_link(const std::string& raw) {
    const std::string text = trimmed(raw);
    const auto bad = [](std::string why) {
        return fail(Errc::invalid_argument, Msg::not_ducha_enrollment_code, why);
    };
    if (text.rfind(kPrefix, 0) != 0) return bad("expected ducha://enroll?...");
    EnrollLink link;
    std::string_view q = std::string_view(text).substr(kPrefix.size());
    while (!q.empty()) {
        auto amp = q.find('&');
        std::string_view pair = q.substr(0, amp);
        q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
        auto eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        auto value = percent_decode(pair.substr(eq + 1));
        if (!value) return bad("broken %-escape");
        std::string_view key = pair.substr(0, eq);
        if (key == "server") link.server_url = *value;
        else if (key == "code") link.code = *value;
        else if (key == "pin") link.pin = *value;
    }
    if (link.server_url.rfind("https://", 0) != 0) return bad("no https server address");
    if (link.code.empty()) return bad("no code");
    if (!link.pin.empty() && link.pin.rfind("sha256//", 0) != 0) return bad("the pin must start with sha256//");
    return link;
}

std::string make_enroll_link(const EnrollLink& l) {
    std::string s(kPrefix);
    s += "server=" + percent_encode(l.server_url) + "&code=" + percent_encode(l.code);
    if (!l.pin.empty()) s += "&pin=" + percent_encode(l.pin);
    return s;
}

}  // namespace ducha::sync
