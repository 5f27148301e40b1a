#include "shared/export/qr_matrix.h"

#include <qrencode.h>

#include <cerrno>
#include <memory>
#include <string>

namespace ducha::exporting {
namespace {

struct QrcodeFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

Result<QrMatrix> qr_matrix(std::string_view text) {
    if (text.empty() || text.find('\0') != std::string_view::npos)
        return fail(Errc::invalid_argument, Msg::qr_text_unencodable);
    const std::string owned(text);  // the C API takes a NUL-terminated string
    errno = 0;
    const std::unique_ptr<QRcode, QrcodeFree> code(QRcode_encodeString8bit(owned.c_str(), 0, QR_ECLEVEL_M));
    if (!code || code->width <= 0)
        return fail(errno == ERANGE ? Errc::too_large : Errc::internal, Msg::qr_text_too_long, std::to_string(text.size()));
    QrMatrix m;
    m.width = code->width;
    m.dark.resize(static_cast<std::size_t>(m.width) * static_cast<std::size_t>(m.width));
    for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;  // bit 0: dark module
    return m;
}

}  // namespace ducha::exporting
