#pragma once
// `ducha-bench verify`: Ed25519 verifications per second, the server's own verify (libsodium)
// beside OpenSSL's EVP verify, on the same report-sized message, in one sitting.
#include <iosfwd>

namespace ducha::bench {

struct VerifyOptions {
    int rounds = 20;        // alternating rounds of each library
    int per_round = 500;    // verifications per library and round
    int message_bytes = 1100;  // about one signed report's canonical bytes
};

// Prints per-library rates and, as the last line,
//   verify: libsodium X/s, OpenSSL Y/s, ratio R
// Returns 0, or 1 when a valid signature failed to verify (a broken build).
int run_verify(const VerifyOptions& o, std::ostream& out, std::ostream& err);

}  // namespace ducha::bench
