#include "server/bench/verify.h"

#include <openssl/evp.h>

#include <chrono>
#include <memory>
#include <ostream>
#include <vector>

#include "server/bench/stats.h"
#include "shared/crypto/ed25519.h"
#include "shared/crypto/random.h"

namespace ducha::bench {

namespace {

using Clock = std::chrono::steady_clock;

// OpenSSL 3's EVP one-shot verify, as the server did it before it used libsodium.
bool openssl_verify(const Bytes& pk, const Bytes& msg, const Bytes& sig) {
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(pk.data()),
                                    pk.size()),
        EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    return key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
           EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                            reinterpret_cast<const unsigned char*>(msg.data()), msg.size()) == 1;
}

}  // namespace

int run_verify(const VerifyOptions& o, std::ostream& out, std::ostream& err) {
    const auto key = crypto::Ed25519KeyPair::generate();
    const Bytes msg = crypto::random_bytes(static_cast<std::size_t>(o.message_bytes));
    const Bytes sig = key.sign(msg);
    const Bytes pk = key.public_key();
    // Rounds alternate so that a busy neighbour slows both sides alike; the ratio is what holds.
    std::vector<double> sodium_rates, openssl_rates;
    for (int r = 0; r < o.rounds; ++r) {
        auto t0 = Clock::now();
        for (int i = 0; i < o.per_round; ++i)
            if (!crypto::ed25519_verify(pk, msg, sig)) {
                err << "ducha-bench: the server's Ed25519 verify refused a valid signature\n";
                return 1;
            }
        auto t1 = Clock::now();
        for (int i = 0; i < o.per_round; ++i)
            if (!openssl_verify(pk, msg, sig)) {
                err << "ducha-bench: OpenSSL refused a valid signature\n";
                return 1;
            }
        auto t2 = Clock::now();
        sodium_rates.push_back(o.per_round / std::chrono::duration<double>(t1 - t0).count());
        openssl_rates.push_back(o.per_round / std::chrono::duration<double>(t2 - t1).count());
    }
    const double s = median(sodium_rates), q = median(openssl_rates);
    out << "rounds: " << o.rounds << " x " << o.per_round << " verifications of a " << o.message_bytes
        << "-byte message per library, one thread\n";
    out << "verify: libsodium " << fixed(s, 0) << "/s, OpenSSL " << fixed(q, 0) << "/s, ratio " << fixed(s / q, 2)
        << std::endl;
    return 0;
}

}  // namespace ducha::bench
