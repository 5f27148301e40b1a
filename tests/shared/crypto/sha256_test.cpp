#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "shared/common/bytes.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/support/temp_dir.h"

using namespace ducha;
using namespace ducha::crypto;

namespace {

using ducha::test::TempDir;

}  // namespace

TEST_CASE("sha256 known vectors", "[crypto][sha256]") {
    CHECK(hex_encode(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hex_encode(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hex_encode(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(hex_encode(sha256(std::string(1000000, 'a'))) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("incremental sha256 equals one-shot", "[crypto][sha256]") {
    const std::string data = random_bytes(10000);
    Sha256 h;
    for (std::size_t off = 0; off < data.size(); off += 333) h.update(std::string_view(data).substr(off, 333));
    h.update("");
    const Bytes d = h.finish();
    CHECK(d.size() == 32);
    CHECK(d == sha256(data));
    CHECK_THROWS(h.finish());

    Sha256 a;
    a.update("ab");
    Sha256 b = std::move(a);  // moving keeps the state
    b.update("c");
    CHECK(hex_encode(b.finish()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256_file streams files and reports errors", "[crypto][sha256]") {
    TempDir dir;

    // Larger than a few 64 KiB reads and not a multiple of the chunk.
    const std::string data = random_bytes(3 * 64 * 1024 + 17);
    const auto file = dir.path / "blob.bin";
    {
        std::ofstream out(file, std::ios::binary);
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
    }
    auto h = sha256_file(file);
    REQUIRE(h.has_value());
    CHECK(*h == sha256(data));

    const auto empty = dir.path / "empty.bin";
    std::ofstream(empty).close();
    auto he = sha256_file(empty);
    REQUIRE(he.has_value());
    CHECK(*he == sha256(""));

    auto missing = sha256_file(dir.path / "missing.bin");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == Errc::not_found);

    auto directory = sha256_file(dir.path);
    REQUIRE_FALSE(directory.has_value());
    CHECK(directory.error().code == Errc::storage);
}
