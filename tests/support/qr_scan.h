#pragma once
// Reading QR codes back in tests with zbar, as a phone's scanner would: from 8-bit grey pixels
// or from a page of a PDF rasterised by poppler's pdftoppm (poppler-utils).
#include <filesystem>
#include <string>
#include <vector>

namespace ducha::test {

struct ScannedQr {
    std::string text;
    int width_px = 0;  // across the symbol's corners as zbar located them (quiet zone not included)
};

// Every QR code zbar finds in a w x h image of 8-bit grey pixels (row by row, no padding).
std::vector<ScannedQr> scan_qr(const std::vector<unsigned char>& grey, int w, int h);

// The same for page `page` (1-based) of a PDF, rendered at `dpi` through `pdftoppm -gray`.
std::vector<ScannedQr> scan_qr_in_pdf(const std::filesystem::path& pdf, int page, int dpi);

}  // namespace ducha::test
