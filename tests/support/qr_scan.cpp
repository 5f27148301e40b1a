#include "support/qr_scan.h"

#include <zbar.h>  // in C++ its C API lives in namespace zbar

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "shared/support/temp_dir.h"

namespace ducha::test {

std::vector<ScannedQr> scan_qr(const std::vector<unsigned char>& grey, int w, int h) {
    std::unique_ptr<zbar::zbar_image_scanner_t, void (*)(zbar::zbar_image_scanner_t*)> scanner(
        zbar::zbar_image_scanner_create(), zbar::zbar_image_scanner_destroy);
    std::unique_ptr<zbar::zbar_image_t, void (*)(zbar::zbar_image_t*)> image(zbar::zbar_image_create(),
                                                                            zbar::zbar_image_destroy);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_BINARY, 1);
    zbar::zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(image.get(), static_cast<unsigned>(w), static_cast<unsigned>(h));
    zbar::zbar_image_set_data(image.get(), grey.data(), grey.size(), nullptr);
    std::vector<ScannedQr> found;
    if (zbar::zbar_scan_image(scanner.get(), image.get()) <= 0) return found;
    for (const zbar::zbar_symbol_t* s = zbar::zbar_image_first_symbol(image.get()); s; s = zbar::zbar_symbol_next(s)) {
        if (zbar::zbar_symbol_get_type(s) != zbar::ZBAR_QRCODE) continue;
        ScannedQr q;
        q.text.assign(zbar::zbar_symbol_get_data(s), zbar::zbar_symbol_get_data_length(s));
        int lo = w, hi = 0;
        for (unsigned i = 0; i < zbar::zbar_symbol_get_loc_size(s); ++i) {
            lo = std::min(lo, zbar::zbar_symbol_get_loc_x(s, i));
            hi = std::max(hi, zbar::zbar_symbol_get_loc_x(s, i));
        }
        q.width_px = hi - lo;
        found.push_back(std::move(q));
    }
    return found;
}

std::vector<ScannedQr> scan_qr_in_pdf(const std::filesystem::path& pdf, int page, int dpi) {
    TempDir tmp;
    const std::string p = std::to_string(page);
    const std::string cmd = "pdftoppm -gray -singlefile -r " + std::to_string(dpi) + " -f " + p + " -l " + p + " '" +
                            pdf.string() + "' '" + (tmp / "page").string() + "'";
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("pdftoppm failed: " + cmd);
    // A binary PGM: "P5", width, height, maxval (255), one whitespace, then the pixels.
    std::ifstream in(tmp / "page.pgm", std::ios::binary);
    std::string magic;
    int w = 0, h = 0, maxval = 0;
    in >> magic >> w >> h >> maxval;
    in.get();
    if (magic != "P5" || w <= 0 || h <= 0 || maxval != 255) throw std::runtime_error("pdftoppm wrote no 8-bit PGM");
    std::vector<unsigned char> grey(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    in.read(reinterpret_cast<char*>(grey.data()), static_cast<std::streamsize>(grey.size()));
    if (in.gcount() != static_cast<std::streamsize>(grey.size())) throw std::runtime_error("short PGM");
    return scan_qr(grey, w, h);
}

}  // namespace ducha::test
