#include "shared/common/query_string.h"

#include <cctype>

namespace ducha {

std::optional<std::string> percent_decode(std::string_view s) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%') {
            if (i + 2 >= s.size()) return std::nullopt;
            int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string percent_encode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

Result<std::vector<std::pair<std::string, std::string>>> parse_query_string(std::string_view raw) {
    std::vector<std::pair<std::string, std::string>> out;
    while (!raw.empty()) {
        auto amp = raw.find('&');
        std::string_view param = raw.substr(0, amp);
        raw = amp == std::string_view::npos ? std::string_view{} : raw.substr(amp + 1);
        if (param.empty()) continue;
        auto eq = param.find('=');
        auto key = percent_decode(param.substr(0, eq));
        auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : param.substr(eq + 1));
        if (!key || !value)
            return fail(Errc::invalid_argument, Msg::malformed_percent_encoding_query, quoted_value(param));
        out.emplace_back(std::move(*key), std::move(*value));
    }
    return out;
}

std::string quoted_value(std::string_view v) {
    constexpr std::size_t kMax = 40;
    return "'" + std::string(v.substr(0, kMax)) + (v.size() > kMax ? "...'" : "'");
}

}  // namespace ducha
