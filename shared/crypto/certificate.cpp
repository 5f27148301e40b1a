#include "shared/crypto/certificate.h"

#include <fcntl.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <system_error>

#include "shared/common/bytes.h"
#include "shared/common/durable_file.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"

namespace ducha::crypto {

namespace {

template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T* p) const { Free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;

constexpr long kValidDays = 3653;  // 10 years, leap days included

std::unexpected<Error> openssl_fail(const std::string& what) {
    ERR_clear_error();  // leave no stale entries for unrelated later calls on this thread
    return fail(Errc::internal, Msg::verbatim, what);  // OpenSSL's own failure, in English
}

// Contents of a memory BIO as a string.
std::string bio_contents(BIO* bio) {
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return len > 0 ? std::string(data, static_cast<std::size_t>(len)) : std::string();
}

bool add_extension(X509* cert, X509V3_CTX* ctx, int nid, const std::string& value) {
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, ctx, nid, value.c_str()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

// The name as a SAN entry: an IP literal must be IP:, anything else DNS:.
std::string san_entry(const std::string& name) {
    ASN1_OCTET_STRING* ip = a2i_IPADDRESS(name.c_str());
    if (ip) {
        ASN1_OCTET_STRING_free(ip);
        return "IP:" + name;
    }
    ERR_clear_error();
    return "DNS:" + name;
}

}  // namespace

Status write_self_signed_certificate(const std::filesystem::path& key_pem, const std::filesystem::path& cert_pem,
                                     const std::string& common_name) {
    if (common_name.empty()) return fail(Errc::invalid_argument, Msg::certificate_needs_host_name);
    // The name goes into a comma-separated SAN list and an X.509 name; keep it to host-name characters.
    for (char c : common_name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '-' || c == '_' || c == ':' || c == '*';
        if (!ok) return fail(Errc::invalid_argument, Msg::host_name_invalid_characters, common_name);
    }

    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key) return openssl_fail("Could not generate the EC P-256 key.");

    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1) return openssl_fail("Could not create the certificate.");

    // 16 random bytes with the top bit clear: a positive serial, unique in practice.
    Bytes serial = random_bytes(16);
    serial[0] = static_cast<char>(static_cast<unsigned char>(serial[0]) & 0x7f);
    BnPtr bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(serial.data()), static_cast<int>(serial.size()), nullptr));
    if (!bn || !BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get())))
        return openssl_fail("Could not set the certificate serial number.");

    // Backdate an hour so a client whose clock is slightly behind still accepts it.
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) ||
        !X509_time_adj_ex(X509_getm_notAfter(cert.get()), kValidDays, 0, nullptr))
        return openssl_fail("Could not set the certificate validity.");

    NamePtr name(X509_NAME_new());
    if (!name ||
        X509_NAME_add_entry_by_txt(name.get(), "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Ducha"), -1,
                                   -1, 0) != 1 ||
        X509_NAME_add_entry_by_txt(name.get(), "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0) != 1 ||
        X509_set_subject_name(cert.get(), name.get()) != 1 || X509_set_issuer_name(cert.get(), name.get()) != 1)
        return openssl_fail("Could not set the certificate name.");

    if (X509_set_pubkey(cert.get(), key.get()) != 1) return openssl_fail("Could not set the certificate key.");

    std::string san = "DNS:localhost,IP:127.0.0.1,IP:::1";
    if (common_name != "localhost" && common_name != "127.0.0.1" && common_name != "::1")
        san += "," + san_entry(common_name);

    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    // A leaf for TLS servers; clients trust it by pin or by listing it as its own anchor.
    if (!add_extension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:FALSE") ||
        !add_extension(cert.get(), &ctx, NID_key_usage, "critical,digitalSignature") ||
        !add_extension(cert.get(), &ctx, NID_ext_key_usage, "serverAuth") ||
        !add_extension(cert.get(), &ctx, NID_subject_key_identifier, "hash") ||
        !add_extension(cert.get(), &ctx, NID_authority_key_identifier, "keyid:always") ||
        !add_extension(cert.get(), &ctx, NID_subject_alt_name, san))
        return openssl_fail("Could not add the certificate extensions.");

    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) return openssl_fail("Could not sign the certificate.");

    BioPtr key_bio(BIO_new(BIO_s_mem()));
    BioPtr cert_bio(BIO_new(BIO_s_mem()));
    if (!key_bio || !cert_bio ||
        PEM_write_bio_PrivateKey(key_bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
        PEM_write_bio_X509(cert_bio.get(), cert.get()) != 1)
        return openssl_fail("Could not encode the key or certificate as PEM.");

    std::string key_text = bio_contents(key_bio.get());
    Status st = write_file_durably(key_pem, key_text, 0600);
    OPENSSL_cleanse(key_text.data(), key_text.size());
    if (!st) return st;
    return write_file_durably(cert_pem, bio_contents(cert_bio.get()), 0644);
}

Result<std::string> public_key_pin_of_certificate(const std::filesystem::path& cert_pem) {
    std::error_code ec;
    if (!std::filesystem::exists(cert_pem, ec))
        return fail(Errc::not_found, Msg::certificate_file_not_found, cert_pem.string());
    BioPtr bio(BIO_new_file(cert_pem.c_str(), "r"));
    if (!bio) {
        ERR_clear_error();
        return fail(Errc::storage, Msg::cannot_open_certificate_file, cert_pem.string());
    }
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert) {
        ERR_clear_error();
        return fail(Errc::malformed, Msg::file_does_not_hold_pem, cert_pem.string());
    }
    // DER of the SubjectPublicKeyInfo, exactly what libcurl hashes for CURLOPT_PINNEDPUBLICKEY.
    unsigned char* der = nullptr;
    const int len = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert.get()), &der);
    if (len <= 0) return openssl_fail("Could not encode the certificate's public key.");
    const std::string spki(reinterpret_cast<const char*>(der), static_cast<std::size_t>(len));
    OPENSSL_free(der);
    return "sha256//" + base64_encode(sha256(spki));
}

}  // namespace ducha::crypto
