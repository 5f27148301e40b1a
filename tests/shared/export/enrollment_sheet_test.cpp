// The printed enrollment sheet: the QR code it draws reads back (zbar) as the exact link, at least
// 60 mm wide on paper; one page per person with the words a volunteer needs and a masked phone.
#include <catch2/catch.hpp>

#include <cairo.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>

#include "shared/export/enrollment_sheet.h"
#include "shared/export/qr_matrix.h"
#include "shared/support/temp_dir.h"
#include "support/qr_scan.h"

using namespace ducha;
using namespace ducha::exporting;

namespace {

const std::string kLink =
    "ducha://enroll?server=https%3A%2F%2Fducha.anshan.example%3A8443&code=3CKV-XH8T-SWY2"
    "&pin=sha256%2F%2FYhKJKSzoTt2b5FP18fvpHo7fJYqQCjAa3HWY3tvRMwE%3D";

// `draw_qr` onto grey pixels, `module` pixels a module, quiet zone included.
std::vector<unsigned char> draw_to_pixels(const QrMatrix& m, int module, int& side) {
    side = (m.width + 2 * kQrQuietZone) * module;
    std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side), cairo_surface_destroy);
    std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr(cairo_create(surface.get()), cairo_destroy);
    cairo_set_source_rgb(cr.get(), 0.5, 0.5, 0.5);  // not white: the quiet zone must be drawn by draw_qr
    cairo_paint(cr.get());
    draw_qr(cr.get(), m, kQrQuietZone * module, kQrQuietZone * module, module);
    cairo_surface_flush(surface.get());
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    std::vector<unsigned char> grey(static_cast<std::size_t>(side) * static_cast<std::size_t>(side));
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const auto* px = data + y * stride + x * 4;  // B G R x
            grey[static_cast<std::size_t>(y * side + x)] = static_cast<unsigned char>((px[0] + px[1] + px[2]) / 3);
        }
    return grey;
}

std::optional<std::string> shell(const std::string& cmd) {
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return std::nullopt;
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    if (::pclose(p) != 0) return std::nullopt;
    return out;
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

EnrollmentSheet sheet(std::string id, std::string name, std::string phone, std::string code, std::string link) {
    EnrollmentSheet s;
    s.user_id = std::move(id);
    s.name = std::move(name);
    s.role = "volunteer";
    s.district = "铁东区";
    s.school = "第一中学";
    s.phone = std::move(phone);
    s.code = std::move(code);
    s.link = std::move(link);
    s.expires_at_s = 1764900000;  // 2025-12-05 10:00 in Shanghai
    return s;
}

}  // namespace

TEST_CASE("the QR matrix the sheet draws decodes back to the exact enrollment link", "[export][qr]") {
    auto m = qr_matrix(kLink);
    REQUIRE(m.has_value());
    CHECK(m->width >= 21);
    CHECK((m->width - 17) % 4 == 0);  // a real QR version: 21, 25, 29, ... modules
    int side = 0;
    const auto grey = draw_to_pixels(*m, 4, side);
    const auto found = test::scan_qr(grey, side, side);
    REQUIRE(found.size() == 1);
    CHECK(found[0].text == kLink);

    // Text a QR code cannot carry is an error, not a code of something else.
    CHECK(qr_matrix("").error().code == Errc::invalid_argument);
    CHECK(qr_matrix(std::string("ab\0cd", 5)).error().code == Errc::invalid_argument);
    CHECK(qr_matrix(std::string(5000, 'x')).error().code == Errc::too_large);
}

TEST_CASE("a phone on a sheet shows its first 3 and last 4 digits, a code reads in groups of four", "[export]") {
    CHECK(masked_phone("13812345678") == "138****5678");
    CHECK(masked_phone("+86 138-1234-5678") == "138****5678");
    CHECK(masked_phone("0412-5123456") == "041****3456");
    CHECK(masked_phone("12345") == "***45");
    CHECK(masked_phone("") == "");
    CHECK(code_for_reading("3ckv-xh8t swy2") == "3CKV XH8T SWY2");
}

TEST_CASE("enrollment sheets: one page per person, the link's QR code at least 60 mm wide, the code and "
          "instructions in words", "[export][pdf]") {
    if (std::system("command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1") != 0)
        FAIL("pdftotext and pdftoppm (Debian poppler-utils, in deploy/setup-debian.sh) are needed");
    const std::string link2 = "ducha://enroll?server=https%3A%2F%2F127.0.0.1%3A8443&code=ABCD-EFGH-JKMN&pin=sha256%2F%2Fx";
    const std::vector<EnrollmentSheet> sheets{
        sheet("u-1", "王芳", "13812345678", "3CKV-XH8T-SWY2", kLink),
        sheet("u-2", "李强", "13900001111", "ABCD-EFGH-JKMN", link2),
    };
    auto pdf = render_enrollment_sheets(sheets, 1764295200000);  // 2025-11-28 10:00 Shanghai
    REQUIRE(pdf.has_value());
    test::TempDir tmp;
    const auto file = tmp / "sheets.pdf";
    std::ofstream(file, std::ios::binary) << *pdf;

    auto info = shell("pdfinfo '" + file.string() + "'");
    REQUIRE(info.has_value());
    const auto at = info->find("Pages:");
    REQUIRE(at != std::string::npos);
    CHECK(std::stoi(info->substr(at + 6)) == 2);
    CHECK(has(*info, "A4"));

    auto page1 = shell("pdftotext -f 1 -l 1 '" + file.string() + "' -");
    REQUIRE(page1.has_value());
    for (const std::string want : {"双减督查 · 督查员手机登记单", "王芳", "督查员", "铁东区", "第一中学", "138****5678",
                                   "3CKV XH8T SWY2", "2025-12-05 10:00", "扫码登记", "只能使用一次", "1/2", "u-1",
                                   "2025-11-28 10:00", "The code works once"})
    {
        INFO(want);
        CHECK(has(*page1, want));
    }
    CHECK_FALSE(has(*page1, "13812345678"));  // never the whole number
    CHECK_FALSE(has(*page1, "李强"));
    auto page2 = shell("pdftotext -f 2 -l 2 '" + file.string() + "' -");
    REQUIRE(page2.has_value());
    CHECK(has(*page2, "李强"));
    CHECK(has(*page2, "139****1111"));
    CHECK(has(*page2, "2/2"));

    // Printed at 150 dpi and scanned: each page's code is its own person's link, 60 mm or more.
    for (int page = 1; page <= 2; ++page) {
        const auto found = test::scan_qr_in_pdf(file, page, 150);
        REQUIRE(found.size() == 1);
        CHECK(found[0].text == sheets[static_cast<std::size_t>(page - 1)].link);
        const double mm = found[0].width_px / 150.0 * 25.4;
        INFO("QR code " << mm << " mm wide");
        CHECK(mm >= 60);
    }

    CHECK(render_enrollment_sheets({}, 0).error().code == Errc::invalid_argument);
}
