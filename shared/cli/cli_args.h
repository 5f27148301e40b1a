#pragma once
// Argument and output helpers shared by the `ducha` command groups.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "shared/common/result.h"

namespace ducha::cli {

struct Args {
    std::vector<std::string> v;
    std::optional<std::string> get(std::string_view f) const {
        for (std::size_t i = 0; i + 1 < v.size(); ++i)
            if (v[i] == f) return v[i + 1];
        return std::nullopt;
    }
    std::vector<std::string> all(std::string_view f) const {
        std::vector<std::string> out;
        for (std::size_t i = 0; i + 1 < v.size(); ++i)
            if (v[i] == f) out.push_back(v[i + 1]);
        return out;
    }
    bool has(std::string_view f) const { return std::find(v.begin(), v.end(), f) != v.end(); }
};

inline std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

inline int failed(std::ostream& err, const Error& e) {
    err << "ducha: " << e.message() << "\n";
    return 1;
}

// "a,b,c" -> {"a","b","c"} (empty parts dropped).
inline std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= s.size()) {
        auto c = s.find(',', pos);
        if (c == std::string::npos) c = s.size();
        if (c > pos) out.push_back(s.substr(pos, c - pos));
        pos = c + 1;
    }
    return out;
}

}  // namespace ducha::cli
