#pragma once
// Errors at boundaries are values: Result<T> is std::expected<T, Error>, and [[nodiscard]].
// Every error code lives in the one enum below; every error's words live in the message catalogue
// (shared/common/message_catalogue.h): an Error carries a code, a Msg and the Msg's arguments, and is
// put into words only where it is shown.
#include <concepts>
#include <expected>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/common/expected_fallback.h"
#include "shared/common/message_catalogue.h"

namespace ducha {

// What each code means on the wire between server and device (its HTTP status, and what a device
// does with it) is the one registry in shared/common/wire_error.h.
enum class Errc {
    ok = 0,
    invalid_argument,   // bad input from a user or a caller
    not_found,
    already_exists,
    conflict,           // compare-and-set lost
    rejected,           // refused for good (policy, validation)
    unauthorized,       // missing or bad token, unknown or used enrollment code
    token_expired,      // the access token expired: refresh it
    code_expired,       // the enrollment code expired
    forbidden,          // authenticated but out of scope
    device_revoked,     // the device was revoked
    malformed,          // cannot parse (protobuf, JSON)
    method_not_allowed, // an endpoint asked with a method it does not take
    too_large,
    upload_limit,       // a device's unfinished uploads are at their limit (files or bytes)
    integrity,          // hash or signature mismatch
    offset_mismatch,    // an upload chunk that does not start where the server's copy stands
    storage,            // SQLite or disk error
    disk_full,
    network,            // transient transport failure
    timeout,
    server_error,       // 5xx
    unavailable,        // server draining / overloaded
    rate_limited,       // too many attempts from one address: wait, then try again
    internal,
};

// The code's name, as it travels in a JSON error body ("ok" for Errc::ok).
std::string_view errc_name(Errc e);

struct Error {
    Errc code = Errc::internal;
    Msg what = Msg::verbatim;
    std::vector<std::string> args;  // the Msg's {0}, {1}, ...

    Error() = default;
    Error(Errc c, Msg m, std::vector<std::string> a) : code(c), what(m), args(std::move(a)) {}
    template <typename... A>
        requires(std::constructible_from<std::string, A> && ...)
    Error(Errc c, Msg m, A&&... a) : code(c), what(m), args{std::string(std::forward<A>(a))...} {}

    // The words in one language (the app shows the user's).
    std::string text(Lang lang) const { return render(what, args, lang); }
    // "中文 / English": what the CLI and the logs print.
    std::string message() const { return render_bilingual(what, args); }
    std::string to_string() const;

    // The same code, message and arguments: the same error, whatever language it is shown in.
    bool operator==(const Error&) const = default;
};

// Several problems found at once as one error: the only one as it is, else Msg::problem_list with
// each language's words joined by "; " (the first one's code). `problems` must not be empty.
Error one_error_of(const std::vector<Error>& problems);

// A Result must be looked at: dropping one drops an error. Where dropping it is right, the caller
// says why and writes (void) or std::ignore.
template <typename T>
class [[nodiscard]] Result : public std::expected<T, Error> {
public:
    using std::expected<T, Error>::expected;
    using std::expected<T, Error>::operator=;
    Result(std::expected<T, Error> e) : std::expected<T, Error>(std::move(e)) {}  // NOLINT: from and_then, transform
};
using Status = Result<void>;

template <typename... A>
std::unexpected<Error> fail(Errc c, Msg m, A&&... a) {
    return std::unexpected(Error(c, m, std::forward<A>(a)...));
}
inline std::unexpected<Error> fail(Error e) { return std::unexpected(std::move(e)); }

}  // namespace ducha
