#include <catch2/catch.hpp>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "shared/common/bytes.h"
#include "shared/crypto/certificate.h"
#include "shared/crypto/random.h"
#include "shared/support/temp_dir.h"

using namespace ducha;
using namespace ducha::crypto;
namespace fs = std::filesystem;

namespace {

using ducha::test::TempDir;

// Runs a shell command and returns its stdout with trailing newlines removed.
std::string run(const std::string& cmd) {
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
    REQUIRE(p);
    std::string out;
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p.get())) out.append(buf.data(), n);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

struct X509Free {
    void operator()(X509* x) const { X509_free(x); }
};

std::unique_ptr<X509, X509Free> load_cert(const fs::path& p) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(p.c_str(), "r"), std::fclose);
    REQUIRE(f);
    return std::unique_ptr<X509, X509Free>(PEM_read_X509(f.get(), nullptr, nullptr, nullptr));
}

}  // namespace

TEST_CASE("self-signed certificate files and pin", "[crypto][certificate]") {
    TempDir dir;
    const auto key = dir.path / "server.key";
    const auto cert = dir.path / "server.crt";
    REQUIRE(write_self_signed_certificate(key, cert, "ducha.example.org").has_value());

    REQUIRE(fs::exists(key));
    REQUIRE(fs::exists(cert));
    CHECK(fs::status(key).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK_FALSE(fs::exists(key.string() + ".tmp"));

    auto pin = public_key_pin_of_certificate(cert);
    REQUIRE(pin.has_value());
    REQUIRE(pin->rfind("sha256//", 0) == 0);
    CHECK(pin->size() == 8 + 44);
    auto digest = base64_decode(pin->substr(8));
    REQUIRE(digest.has_value());
    CHECK(digest->size() == 32);

    // The same pin computed the way curl's documentation does it.
    const std::string cli = run("openssl x509 -in " + quoted(cert) +
                                " -noout -pubkey | openssl pkey -pubin -outform der"
                                " | openssl dgst -sha256 -binary | base64");
    CHECK("sha256//" + cli == *pin);

    // The key file holds the certificate's private key.
    const std::string key_pub = run("openssl pkey -in " + quoted(key) + " -pubout -outform der | openssl dgst -sha256 -binary | base64");
    CHECK("sha256//" + key_pub == *pin);
    CHECK(run("openssl pkey -in " + quoted(key) + " -noout -text 2>/dev/null | grep -c 'NIST CURVE: P-256'") == "1");

    // A client that trusts the certificate itself accepts it for the names it carries.
    for (const char* name : {"localhost", "ducha.example.org"})
        CHECK(run("openssl verify -CAfile " + quoted(cert) + " -verify_hostname " + name + " " + quoted(cert) +
                  " 2>&1") == cert.string() + ": OK");
    for (const char* ip : {"127.0.0.1", "::1"})
        CHECK(run("openssl verify -CAfile " + quoted(cert) + " -verify_ip " + ip + " " + quoted(cert) + " 2>&1") ==
              cert.string() + ": OK");
    CHECK(run("openssl verify -CAfile " + quoted(cert) + " -verify_hostname other.example.org " + quoted(cert) +
              " >/dev/null 2>&1; echo $?") != "0");

    const std::string san = run("openssl x509 -in " + quoted(cert) + " -noout -ext subjectAltName");
    CHECK(san.find("DNS:localhost") != std::string::npos);
    CHECK(san.find("IP Address:127.0.0.1") != std::string::npos);
    CHECK(san.find("IP Address:0:0:0:0:0:0:0:1") != std::string::npos);
    CHECK(san.find("DNS:ducha.example.org") != std::string::npos);

    auto x = load_cert(cert);
    REQUIRE(x);
    CHECK(X509_get_version(x.get()) == X509_VERSION_3);
    int days = 0, secs = 0;
    REQUIRE(ASN1_TIME_diff(&days, &secs, X509_get0_notBefore(x.get()), X509_get0_notAfter(x.get())) == 1);
    CHECK(days >= 3650);
    CHECK(days <= 3654);
    CHECK(X509_cmp_current_time(X509_get0_notBefore(x.get())) < 0);
    CHECK(run("openssl x509 -in " + quoted(cert) + " -noout -subject") .find("CN = ducha.example.org") !=
          std::string::npos);
}

TEST_CASE("certificate with an IP address as its name", "[crypto][certificate]") {
    TempDir dir;
    const auto key = dir.path / "k.pem";
    const auto cert = dir.path / "c.pem";
    REQUIRE(write_self_signed_certificate(key, cert, "192.168.1.20").has_value());
    CHECK(run("openssl verify -CAfile " + quoted(cert) + " -verify_ip 192.168.1.20 " + quoted(cert) + " 2>&1") ==
          cert.string() + ": OK");
}

TEST_CASE("rewriting a certificate replaces key and pin and tightens the key mode", "[crypto][certificate]") {
    TempDir dir;
    const auto key = dir.path / "server.key";
    const auto cert = dir.path / "server.crt";
    {
        std::ofstream(key) << "old";
    }
    fs::permissions(key, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
    REQUIRE(write_self_signed_certificate(key, cert, "localhost").has_value());
    CHECK(fs::status(key).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
    auto first = public_key_pin_of_certificate(cert);
    REQUIRE(first.has_value());

    REQUIRE(write_self_signed_certificate(key, cert, "localhost").has_value());
    auto second = public_key_pin_of_certificate(cert);
    REQUIRE(second.has_value());
    CHECK(*first != *second);
}

TEST_CASE("certificate errors are values", "[crypto][certificate]") {
    TempDir dir;
    auto missing = public_key_pin_of_certificate(dir.path / "nope.pem");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == Errc::not_found);

    const auto junk = dir.path / "junk.pem";
    std::ofstream(junk) << "not a certificate\n";
    auto bad = public_key_pin_of_certificate(junk);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == Errc::malformed);

    auto unwritable = write_self_signed_certificate(dir.path / "no-dir" / "k.pem", dir.path / "c.pem", "localhost");
    REQUIRE_FALSE(unwritable.has_value());
    CHECK(unwritable.error().code == Errc::storage);

    CHECK_FALSE(write_self_signed_certificate(dir.path / "k.pem", dir.path / "c.pem", "").has_value());
    CHECK_FALSE(write_self_signed_certificate(dir.path / "k.pem", dir.path / "c.pem", "a,DNS:evil").has_value());
}
