#include "server/service/public_results_labels.h"

#include "shared/domain/vocabulary_labels.h"

namespace ducha::server::public_labels {

// The task kind in the vocabulary's words (shared/domain/vocabulary_labels.h), "中文 / English".
std::string kind_label(const std::string& kind) {
    auto w = domain::task_kind_words(kind);
    return w ? std::string(w->zh) + " / " + std::string(w->en) : kind;
}

const char* status_label(const std::string& status) {
    if (status == "open") return "已立案 / case opened";
    if (status == "rectification") return "整改中 / under rectification";
    if (status == "reinspection") return "待复查 / awaiting re-inspection";
    if (status == "closed") return "已整改销号 / rectified and closed";
    if (status == "no_violation") return "未发现违规 / no violation found";
    return nullptr;
}

const char* tier_en(const std::string& tier) {
    if (tier == "从轻") return "lenient";
    if (tier == "较轻") return "minor";
    if (tier == "一般") return "ordinary";
    if (tier == "较重") return "serious";
    if (tier == "严重") return "severe";
    return "";
}

std::string or_raw(const char* label, const std::string& raw) { return label ? label : raw; }

std::string tier_text(const std::string& tier) {
    std::string en = tier_en(tier);
    return en.empty() ? tier : tier + " / " + en;
}

const char* result_label(const PublicResult& r) { return r.problems.empty() ? "合格 / pass" : "发现问题 / problems found"; }

// A corrected row says so first: its own result is what was first reported, the amendment's stands.
const char* correction_note(const PublicResult& r) {
    if (r.amended_by) return "已更正 / amended";
    if (r.amends) return "更正 / amendment";
    return nullptr;
}

std::string number_or_empty(const std::optional<std::int64_t>& n) { return n ? std::to_string(*n) : std::string(); }

// A public list: cacheable for a minute (a decision or a correction shows within that), and its
// form depends on Accept.
void common_headers(HttpResponse& r) {
    r.headers.emplace_back("Cache-Control", "public, max-age=60");
    r.headers.emplace_back("Vary", "Accept");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("Access-Control-Allow-Origin", "*");
}

}  // namespace ducha::server::public_labels
