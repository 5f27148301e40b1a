#pragma once
// TLS material for the server: a self-signed certificate and its public-key pin.
#include <filesystem>
#include <string>

#include "shared/common/result.h"

namespace ducha::crypto {

// Writes a new EC P-256 key (PEM, mode 0600) and a self-signed X.509 certificate valid for
// 10 years with subjectAltName DNS:localhost, IP:127.0.0.1, IP:::1 and the given names.
Status write_self_signed_certificate(const std::filesystem::path& key_pem,
                                     const std::filesystem::path& cert_pem,
                                     const std::string& common_name);

// "sha256//BASE64" of the certificate's SubjectPublicKeyInfo (the form libcurl's
// CURLOPT_PINNEDPUBLICKEY takes).
Result<std::string> public_key_pin_of_certificate(const std::filesystem::path& cert_pem);

}  // namespace ducha::crypto
