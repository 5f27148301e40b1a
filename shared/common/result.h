#pragma once
// Errors at boundaries are values: Result<T> is std::expected<T, Error>.
// Every error code lives in the one enum below.
#include <expected>
#include <string>
#include <string_view>

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
    integrity,          // hash or signature mismatch
    offset_mismatch,    // an upload chunk that does not start where the server's copy stands
    storage,            // SQLite or disk error
    disk_full,
    network,            // transient transport failure
    timeout,
    server_error,       // 5xx
    unavailable,        // server draining / overloaded
    internal,
};

// The code's name, as it travels in a JSON error body ("ok" for Errc::ok).
std::string_view errc_name(Errc e);

struct Error {
    Errc code = Errc::internal;
    std::string message;  // for the user: plain words, says what to do when it can

    Error() = default;
    Error(Errc c, std::string m) : code(c), message(std::move(m)) {}
    std::string to_string() const;
};

template <typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(Errc c, std::string m) { return std::unexpected(Error{c, std::move(m)}); }
inline std::unexpected<Error> fail(Error e) { return std::unexpected(std::move(e)); }

}  // namespace ducha
