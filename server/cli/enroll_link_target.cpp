#include "server/cli/enroll_link_target.h"

#include "shared/crypto/certificate.h"
#include "shared/common/lang.h"

namespace ducha::server {

Result<EnrollLinkTarget> enroll_link_target(const std::filesystem::path& data_dir, std::string server_url,
                                            const std::optional<std::string>& cert, bool trust_ca) {
    while (server_url.size() > 8 && server_url.back() == '/') server_url.pop_back();
    bool ok = server_url.rfind("https://", 0) == 0 && server_url.size() > 8;
    for (char c : server_url)
        if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) ok = false;
    if (!ok) return fail(Errc::invalid_argument, Msg::server_url_must_be_https, server_url);
    if (trust_ca) return EnrollLinkTarget{std::move(server_url), {}};
    const std::filesystem::path pem = cert ? std::filesystem::path(*cert) : data_dir / "tls" / "cert.pem";
    auto pin = crypto::public_key_pin_of_certificate(pem);
    if (!pin)
        return fail(pin.error().code == Errc::invalid_argument ? Errc::not_found : pin.error().code,
                    Msg::enroll_pin_unavailable, pem.string(), pin.error().text(Lang::zh), pin.error().text(Lang::en));
    return EnrollLinkTarget{std::move(server_url), std::move(*pin)};
}

}  // namespace ducha::server
