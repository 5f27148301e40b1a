#include "shared/crypto/random.h"

#include <openssl/rand.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <climits>
#include <cstdio>
#include <cstdlib>

namespace ducha::crypto {

Bytes random_bytes(std::size_t n) {
    Bytes out(n, '\0');
    std::size_t done = 0;
    while (done < n) {
        // RAND_bytes takes an int length; chunk so huge requests stay correct.
        const std::size_t chunk = std::min<std::size_t>(n - done, INT_MAX);
        if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data() + done), static_cast<int>(chunk)) != 1) {
            // Without a working CSPRNG every key, nonce and token would be unsafe.
            std::fputs("ducha: RAND_bytes failed, aborting\n", stderr);
            std::abort();
        }
        done += chunk;
    }
    return out;
}

std::string random_token(std::size_t bytes) { return base64url_encode(random_bytes(bytes)); }

std::string new_uuid() {
    // Version 7: the first 48 bits are the Unix time in milliseconds, so ids made one after another
    // sort together and a new record's id lands on the last pages of every id index instead of a
    // random page of a tree that grows with the store (at a million records that is the difference
    // between appending and reading cold pages back). The other 74 bits are random.
    Bytes b = random_bytes(16);
    const auto ms = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
    for (int i = 0; i < 6; ++i) b[static_cast<std::size_t>(i)] = static_cast<char>((ms >> (8 * (5 - i))) & 0xff);
    b[6] = static_cast<char>((static_cast<unsigned char>(b[6]) & 0x0f) | 0x70);  // version 7
    b[8] = static_cast<char>((static_cast<unsigned char>(b[8]) & 0x3f) | 0x80);  // RFC 9562 variant
    const std::string h = hex_encode(b);
    return h.substr(0, 8) + '-' + h.substr(8, 4) + '-' + h.substr(12, 4) + '-' + h.substr(16, 4) + '-' +
           h.substr(20, 12);
}

}  // namespace ducha::crypto
