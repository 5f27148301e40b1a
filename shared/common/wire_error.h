#pragma once
// The one registry of wire errors, shared by the server and every device (the shape of
// realm-core's error_codes.yml and protocol.hpp): for each error code, the name that travels in
// the JSON body {"error":NAME,"message":WORDS,"message_id":MSG,"args":[...]}, its HTTP status, its default words and what a
// device does with it. The server builds every error reply from it (server/http/json_error.h); a
// device reads every error reply back through it (shared/sync/http_transport.h) into an Error with
// the same Errc. A code never travels inside a message, and nothing reads one out of a message.
// docs/SYNC.md carries the table (registry_markdown(); tests/shared/common/wire_error_test.cpp
// keeps the two the same).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/common/result.h"

namespace ducha::wire {

// What a device does with an error.
enum class Action : std::uint8_t {
    retry_later,    // keeps everything, backs off and tries again
    refresh_token,  // refreshes its tokens (POST /v1/token/refresh) and repeats the request once
    resume_upload,  // continues the upload from the server's Upload-Offset
    set_aside,      // the content is refused for good: sets the change (or photo) aside, goes on with the rest
    stop,           // stops and shows the words; nothing is deleted
};
std::string_view action_name(Action a);

// One row of the registry.
struct Entry {
    Errc code;
    std::string_view name;      // "error" in the JSON body (errc_name(code))
    int http_status;
    Action action;
    int retry_after_s;          // the Retry-After the server adds, in seconds (0: none)
    Msg words;                  // for an error that has no words of its own
    std::string_view meaning;   // when the server answers it (docs/SYNC.md)
};

// Every Errc but ok, in the order docs/SYNC.md shows them. For each HTTP status, the first row
// with it is how a device reads a reply of that status whose code it does not know.
std::span<const Entry> registry();
const Entry& entry(Errc code);  // Errc::ok has no row: internal's
std::optional<Errc> code_named(std::string_view name);
// A reply whose code this device does not know: the first row with its status, else server_error.
Errc code_for_status(long status);
Action action_for(Errc code);
inline std::string_view name_of(Errc code) { return entry(code).name; }
// An Error with the code's default words.
Error error_of(Errc code);

// An error as it travels: the Error, and the typed value one code carries in a header.
struct WireError {
    Error error;
    std::optional<std::uint64_t> upload_offset;  // offset_mismatch: where the upload stands on the server

    WireError() = default;
    WireError(Error e, std::optional<std::uint64_t> offset = std::nullopt)  // NOLINT: an Error is a WireError
        : error(std::move(e)), upload_offset(offset) {}
    Errc code() const { return error.code; }
    Action action() const { return action_for(error.code); }
};

// An HTTP error reply, apart from the server's and the device's HTTP types.
struct Reply {
    int status = 500;
    std::vector<std::pair<std::string, std::string>> headers;  // Retry-After, Upload-Offset
    std::string body;
};
inline constexpr std::string_view kContentType = "application/json; charset=utf-8";
inline constexpr std::string_view kUploadOffset = "Upload-Offset";
// The code again as a header, for a reply without a body (an answer to HEAD).
inline constexpr std::string_view kErrorHeader = "Ducha-Error";

// {"error":code,"message":"中文 / English","message_id":name,"args":[...]}: the words for a reader
// that only shows them, the catalogue's name and arguments for a device that puts them into its
// user's language. Invalid UTF-8 is replaced, never thrown on.
std::string error_body(std::string_view code, const Error& e);
// The server's reply for an error: the row's status, Ducha-Error, Retry-After, Upload-Offset when
// the error carries one, the body (an empty message gets the row's words).
Reply to_reply(const WireError& e);
// A device reads an error reply: the body's code when it knows it, else Ducha-Error's (a HEAD
// reply has no body), else code_for_status(status);
// the body's message_id and args when it knows the message_id, else the body's message verbatim
// (a server of another version), else the known code's words, else "服务器返回 HTTP N / the
// server answered HTTP N"; Upload-Offset when the reply has a valid one. `headers` by lower-case name.
WireError from_reply(long status, std::string_view body, const std::map<std::string, std::string>& headers);

// The registry as the Markdown docs/SYNC.md carries: the codes, then what each action does.
std::string registry_markdown();

}  // namespace ducha::wire
