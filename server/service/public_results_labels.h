#pragma once
// The bilingual words the public results feed shows for a row's codes (task kind, case status,
// tier, result, correction), shared by its JSON, CSV and HTML answers, and the headers every one
// of those answers carries.
#include <optional>
#include <string>

#include "server/http/http_server.h"
#include "server/storage/public_results_reader.h"

namespace ducha::server::public_labels {

// The task kind's words; the code itself for a kind the vocabulary does not know.
std::string kind_label(const std::string& kind);
// nullptr for a code without a label: or_raw then shows the code itself.
const char* status_label(const std::string& status);
// The tier's English word, "" for an unknown tier.
const char* tier_en(const std::string& tier);
std::string or_raw(const char* label, const std::string& raw);
// "一般 / ordinary", or the tier alone when it has no English word.
std::string tier_text(const std::string& tier);
const char* result_label(const PublicResult& r);
// nullptr when the row is neither amended nor an amendment.
const char* correction_note(const PublicResult& r);
std::string number_or_empty(const std::optional<std::int64_t>& n);

// Cache-Control, Vary, nosniff and CORS: what every public results answer carries.
void common_headers(HttpResponse& r);

}  // namespace ducha::server::public_labels
