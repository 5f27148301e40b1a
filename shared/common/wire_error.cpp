#include "shared/common/wire_error.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <sstream>

namespace ducha::wire {

namespace {

using A = Action;

// The registry. Names and statuses are what deployed devices speak: change a row's name or
// status only together with every device (wire_error_test.cpp pins them).
constexpr Entry kRegistry[] = {
    {Errc::malformed, "malformed", 400, A::set_aside, 0,
     Msg::default_malformed,
     "the body is not a valid protobuf message, JSON body or HTTP request"},
    {Errc::invalid_argument, "invalid_argument", 400, A::set_aside, 0,
     Msg::default_invalid_argument,
     "a value is not acceptable: a blob name, a `Content-Range`, a query parameter, a key"},
    {Errc::unauthorized, "unauthorized", 401, A::refresh_token, 0,
     Msg::default_unauthorized,
     "no access token, or an unknown or revoked one; an unknown or used enrollment code; an unknown, "
     "expired, revoked or reused refresh token; a device sign-in whose challenge or signature does not hold"},
    {Errc::token_expired, "token_expired", 401, A::refresh_token, 0,
     Msg::default_token_expired,
     "the access token expired"},
    {Errc::code_expired, "code_expired", 401, A::stop, 0,
     Msg::default_code_expired,
     "the enrollment code expired"},
    {Errc::forbidden, "forbidden", 403, A::stop, 0,
     Msg::default_forbidden,
     "not allowed for this person (the audit log, an enrollment code), or the account is disabled"},
    {Errc::device_revoked, "device_revoked", 403, A::stop, 0,
     Msg::default_device_revoked,
     "the device was revoked"},
    {Errc::not_found, "not_found", 404, A::stop, 0,
     Msg::default_not_found,
     "no such endpoint, user or file (a file out of the caller's scope reads the same)"},
    {Errc::method_not_allowed, "method_not_allowed", 405, A::stop, 0,
     Msg::default_method_not_allowed,
     "the endpoint takes another method"},
    {Errc::conflict, "conflict", 409, A::set_aside, 0,
     Msg::default_conflict,
     "compare-and-set lost"},
    {Errc::already_exists, "already_exists", 409, A::set_aside, 0,
     Msg::default_already_exists,
     "it already exists"},
    {Errc::offset_mismatch, "offset_mismatch", 409, A::resume_upload, 0,
     Msg::default_offset_mismatch,
     "an upload chunk that does not start where the device's upload stands on the server; "
     "`Upload-Offset` says where"},
    {Errc::too_large, "too_large", 413, A::set_aside, 0,
     Msg::default_too_large,
     "a body, chunk or file over its limit"},
    // 413 like too_large, so a device that does not know this code does what it should: it keeps
    // the file, goes on with its other files (which finishes its unfinished uploads) and tries
    // this one again in its next pass.
    {Errc::upload_limit, "upload_limit", 413, A::set_aside, 0,
     Msg::default_upload_limit,
     "a new upload while the device's unfinished uploads are at their limit (`serve --max-uploads-per-device`, "
     "`--max-upload-mib-per-device`); the file stays on the device and is sent once those are done"},
    {Errc::integrity, "integrity", 422, A::set_aside, 0,
     Msg::default_integrity,
     "an uploaded file's SHA-256 is not its name (the partial file is discarded)"},
    {Errc::rejected, "rejected", 422, A::set_aside, 0,
     Msg::default_rejected,
     "refused for good (policy, validation)"},
    {Errc::rate_limited, "rate_limited", 429, A::retry_later, 30,
     Msg::default_rate_limited,
     "too many attempts from one network address at the endpoints without a token (enrollment, "
     "refresh, device sign-in; `serve --max-sign-ins-per-minute`)"},
    {Errc::unavailable, "unavailable", 503, A::retry_later, 5,
     Msg::default_unavailable,
     "the server is restarting (draining) or overloaded"},
    {Errc::storage, "storage", 503, A::retry_later, 5,
     Msg::default_storage,
     "the server's database failed"},
    {Errc::timeout, "timeout", 503, A::retry_later, 0,
     Msg::default_timeout,
     "the server timed out"},
    {Errc::disk_full, "disk_full", 507, A::retry_later, 0,
     Msg::default_disk_full,
     "the server's disk is full"},
    {Errc::server_error, "server_error", 500, A::retry_later, 0,
     Msg::default_server_error,
     "the server failed"},
    {Errc::internal, "internal", 500, A::retry_later, 0,
     Msg::default_internal,
     "the server failed (its own words stay inside)"},
    {Errc::network, "network", 500, A::retry_later, 0,
     Msg::default_network,
     "a network failure"},
};

std::string action_words(Action a) {
    switch (a) {
        case A::retry_later:
            return "keeps everything and retries with exponential backoff and full jitter (0.5 s doubling to 60 s); "
                   "the CLI gives up after `--retries` passes (exit 1, or 4 when the last pass ran but changes still "
                   "wait), the app never does";
        case A::refresh_token:
            return "gets new tokens and repeats the request once: it refreshes (`POST /v1/token/refresh`, which "
                   "rotates both; the same refresh again within 5 minutes gets the same answer), and if the refresh "
                   "is refused it signs in with its device key (`POST /v1/token/challenge`, then `/v1/token/device`); "
                   "a refusal of those stops the pass (enrollment itself is never repeated)";
        case A::resume_upload:
            return "continues the upload from the reply's `Upload-Offset`";
        case A::set_aside:
            return "a request refused as a whole is halved until the offending change is alone; that change is set "
                   "aside with the server's words (`ducha outbox`) and never blocks the changes behind it; a photo "
                   "keeps the words and the other photos go on";
        case A::stop:
            return "stops the pass and shows the words; nothing is deleted";
    }
    return "";
}

}  // namespace

std::string_view action_name(Action a) {
    switch (a) {
        case A::retry_later: return "retry_later";
        case A::refresh_token: return "refresh_token";
        case A::resume_upload: return "resume_upload";
        case A::set_aside: return "set_aside";
        case A::stop: return "stop";
    }
    return "stop";
}

std::span<const Entry> registry() { return kRegistry; }

const Entry& entry(Errc code) {
    for (const auto& e : kRegistry)
        if (e.code == code) return e;
    return entry(Errc::internal);
}

std::optional<Errc> code_named(std::string_view name) {
    for (const auto& e : kRegistry)
        if (e.name == name) return e.code;
    return std::nullopt;
}

Errc code_for_status(long status) {
    for (const auto& e : kRegistry)
        if (e.http_status == status) return e.code;
    return Errc::server_error;
}

Action action_for(Errc code) { return entry(code).action; }

Error error_of(Errc code) { return Error{code, entry(code).words}; }

std::string error_body(std::string_view code, const Error& e) {
    nlohmann::ordered_json j;  // "error" first, as every reply has had it
    j["error"] = std::string(code);
    j["message"] = e.message();
    j["message_id"] = std::string(msg_name(e.what));
    j["args"] = e.args;
    // replace, not throw: a message may quote bytes from a malformed request
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Reply to_reply(const WireError& e) {
    const Entry& row = entry(e.error.code);
    Reply r;
    r.status = row.http_status;
    r.headers.emplace_back(std::string(kErrorHeader), std::string(row.name));
    if (row.retry_after_s > 0) r.headers.emplace_back("Retry-After", std::to_string(row.retry_after_s));
    if (e.upload_offset) r.headers.emplace_back(std::string(kUploadOffset), std::to_string(*e.upload_offset));
    const bool wordless = e.error.what == Msg::verbatim && (e.error.args.empty() || e.error.args[0].empty());
    r.body = error_body(row.name, wordless ? Error{e.error.code, row.words} : e.error);
    return r;
}

namespace {

// The words of a reply: its Msg and arguments when this device knows the Msg (then they become
// this device's words in any language), else the reply's own words, verbatim.
std::optional<Error> words_of(const nlohmann::json& j, Errc code) {
    std::vector<std::string> args;
    bool readable = true;  // arguments that are not all strings: take the words instead
    if (auto it = j.find("args"); it != j.end() && it->is_array()) {
        for (const auto& a : *it) {
            if (a.is_string()) args.push_back(a.get<std::string>());
            else readable = false;
        }
    }
    if (auto it = j.find("message_id"); readable && it != j.end() && it->is_string())
        if (auto id = msg_named(it->get<std::string>())) return Error{code, *id, std::move(args)};
    if (auto it = j.find("message"); it != j.end() && it->is_string() && !it->get<std::string>().empty())
        return Error{code, Msg::verbatim, it->get<std::string>()};
    return std::nullopt;
}

}  // namespace

WireError from_reply(long status, std::string_view body, const std::map<std::string, std::string>& headers) {
    std::optional<Errc> known;
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_object())
        if (auto it = j.find("error"); it != j.end() && it->is_string()) known = code_named(it->get<std::string>());
    if (auto it = headers.find("ducha-error"); !known && it != headers.end()) known = code_named(it->second);
    const Errc code = known.value_or(code_for_status(status));
    std::optional<Error> words = j.is_object() ? words_of(j, code) : std::nullopt;
    if (!words && known) words = error_of(code);
    if (!words) words = Error{code, Msg::server_answered_http, std::to_string(status)};
    WireError out{std::move(*words)};
    if (auto it = headers.find("upload-offset"); it != headers.end()) {
        const std::string& v = it->second;
        std::uint64_t n = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (!v.empty() && ec == std::errc{} && end == v.data() + v.size()) out.upload_offset = n;
    }
    return out;
}

std::string registry_markdown() {
    std::ostringstream o;
    o << "| `error` | HTTP | when | the device | words when the error has none of its own |\n";
    o << "|---|---|---|---|---|\n";
    for (const auto& e : kRegistry) {
        o << "| `" << e.name << "` | " << e.http_status;
        if (e.retry_after_s > 0) o << " (`Retry-After: " << e.retry_after_s << "`)";
        o << " | " << e.meaning << " | " << action_name(e.action) << " | " << render_bilingual(e.words, {}) << " |\n";
    }
    o << "\n| the device's action | what it does |\n|---|---|\n";
    for (Action a : {A::retry_later, A::refresh_token, A::resume_upload, A::set_aside, A::stop})
        o << "| " << action_name(a) << " | " << action_words(a) << " |\n";
    return o.str();
}

}  // namespace ducha::wire
