#include <catch2/catch.hpp>

#include <cairo.h>
#include <jpeglib.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "shared/common/bytes.h"
#include "shared/crypto/sha256.h"
#include "shared/export/file_output.h"
#include "shared/export/image_surface.h"
#include "shared/export/pdf_record.h"
#include "shared/support/temp_dir.h"

using namespace ducha;
using namespace ducha::exporting;
namespace fs = std::filesystem;

namespace {

using ducha::test::TempDir;

// A real baseline JPEG of a colour gradient, encoded by libjpeg.
std::string make_jpeg(int w, int h) {
    jpeg_compress_struct cinfo;
    jpeg_error_mgr jerr;
    cinfo.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&cinfo);
    unsigned char* buf = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&cinfo, &buf, &size);
    cinfo.image_width = static_cast<JDIMENSION>(w);
    cinfo.image_height = static_cast<JDIMENSION>(h);
    cinfo.input_components = 3;
    cinfo.in_color_space = JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, 85, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    std::string row(static_cast<std::size_t>(w) * 3, '\0');
    while (cinfo.next_scanline < cinfo.image_height) {
        for (int x = 0; x < w; ++x) {
            row[static_cast<std::size_t>(x) * 3] = static_cast<char>(x * 255 / w);
            row[static_cast<std::size_t>(x) * 3 + 1] = static_cast<char>(cinfo.next_scanline * 255 / cinfo.image_height);
            row[static_cast<std::size_t>(x) * 3 + 2] = static_cast<char>(128);
        }
        JSAMPROW r = reinterpret_cast<JSAMPROW>(row.data());
        jpeg_write_scanlines(&cinfo, &r, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    std::string out(reinterpret_cast<char*>(buf), size);
    std::free(buf);
    return out;
}

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int len) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), len);
    return CAIRO_STATUS_SUCCESS;
}

// A PNG drawn with cairo: a filled rectangle, or (signature) a transparent pad with a stroke.
std::string make_png(int w, int h, bool signature) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* cr = cairo_create(s);
    if (signature) {
        cairo_set_source_rgb(cr, 0.05, 0.05, 0.4);
        cairo_set_line_width(cr, 4);
        cairo_move_to(cr, 10, h * 0.7);
        cairo_curve_to(cr, w * 0.3, 0, w * 0.5, h, w - 10.0, h * 0.3);
        cairo_stroke(cr);
    } else {
        cairo_set_source_rgb(cr, 0.2, 0.6, 0.3);
        cairo_paint(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_rectangle(cr, w / 4.0, h / 4.0, w / 2.0, h / 2.0);
        cairo_fill(cr);
    }
    cairo_destroy(cr);
    std::string out;
    REQUIRE(cairo_surface_write_to_png_stream(s, append_png, &out) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
    return out;
}

PdfImage image(std::string mime, std::string data, std::string caption) {
    PdfImage i;
    i.sha256_hex = hex_encode(crypto::sha256(data));
    i.mime = std::move(mime);
    i.data = std::move(data);
    i.caption = std::move(caption);
    return i;
}

// stdout of a shell command (poppler's tools), or nullopt if it failed.
std::optional<std::string> run(const std::string& cmd) {
    std::unique_ptr<FILE, int (*)(FILE*)> p(::popen(cmd.c_str(), "r"), ::pclose);
    if (!p) return std::nullopt;
    std::string out;
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p.get())) > 0) out.append(buf.data(), n);
    if (::pclose(p.release()) != 0) return std::nullopt;
    return out;
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

InspectionRecord sample_record() {
    InspectionRecord r;
    r.report_id = "rep-7f3a9c";
    r.institution = "鞍山市培优教育培训学校";
    r.address = "铁东区胜利南路 21 号 3 楼";
    r.district = "铁东区";
    r.licence_no = "教民 121030270000123 号";
    r.inspector = "王丽";
    r.device_id = "dev-0042";
    r.task_title = "2025 春季学期专项检查";
    r.visit_kind = "covert";
    r.template_name = "学科类机构检查表 v3";
    r.device_time_ms = 1'741'093'805'000;
    r.lat = 41.108512;
    r.lon = 122.994211;
    r.gps_accuracy_m = 12;
    r.distance_m = 35;
    r.mock_location = true;
    r.flagged = true;
    const char* steps[] = {"S3 资质检查", "S4 收费检查", "S5 场地安全"};
    for (int i = 0; i < 21; ++i) {
        PdfItem it;
        it.step = steps[i / 7];
        it.code = "T" + std::to_string(i + 1);
        it.text = "检查项 " + std::to_string(i + 1) + "：机构是否在显著位置公示办学许可证、收费标准及退费办法";
        it.result = i == 4 ? "fail" : (i == 9 ? "na" : "pass");
        it.severity = i % 3 == 0 ? "critical" : "minor";
        if (i == 4) it.note = "21:10 仍在上课，超出规定时间";
        r.items.push_back(it);
    }
    r.notes = "现场有学生 12 名。";
    r.photos.push_back(image("image/jpeg", make_jpeg(64, 48), "教室全景"));
    r.photos.push_back(image("image/png", make_png(80, 60, false), "收费公示栏"));
    PdfImage corrupt = image("image/jpeg", std::string("\xFF\xD8\xFF\xE0not really a jpeg at all", 27), "损坏的照片");
    r.photos.push_back(corrupt);
    r.items[4].photo_hex = {r.photos[0].sha256_hex};
    r.signature = image("image/png", make_png(300, 100, true), "督查员签名");
    r.receipt = PdfReceipt{4711, 1'741'094'000'000, "batch-2025-0304-01",
                           "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 2, 8};
    r.verification.signature_ok = true;
    r.verification.chain_ok = true;
    r.verification.receipt_ok = true;
    r.verification.evidence_ok = false;
    r.verification.messages = {"照片 3 的文件无法解码"};
    r.case_summary = "该机构在规定时间外组织学科类培训，建议责令整改。";
    r.generated_at_ms = 1'741'100'000'000;
    return r;
}

}  // namespace

TEST_CASE("decode_image reads JPEG and PNG by their bytes and refuses the rest", "[export][pdf]") {
    const std::string jpeg = make_jpeg(33, 17);
    auto j = decode_image(jpeg);
    REQUIRE(j);
    CHECK(cairo_image_surface_get_width(j->get()) == 33);
    CHECK(cairo_image_surface_get_height(j->get()) == 17);
    const unsigned char* mime = nullptr;
    unsigned long mime_len = 0;
    cairo_surface_get_mime_data(j->get(), CAIRO_MIME_TYPE_JPEG, &mime, &mime_len);
    REQUIRE(mime != nullptr);
    CHECK(std::string(reinterpret_cast<const char*>(mime), mime_len) == jpeg);  // the evidence, unchanged

    // Pixels decoded smaller (libjpeg's M/8 scaling), the original file still attached whole.
    const std::string big = make_jpeg(2000, 1000);
    auto small = decode_image(big, 500);
    REQUIRE(small);
    CHECK(cairo_image_surface_get_width(small->get()) == 500);
    CHECK(cairo_image_surface_get_height(small->get()) == 250);
    cairo_surface_get_mime_data(small->get(), CAIRO_MIME_TYPE_JPEG, &mime, &mime_len);
    CHECK(std::string(reinterpret_cast<const char*>(mime), mime_len) == big);

    auto p = decode_image(make_png(20, 10, false));
    REQUIRE(p);
    CHECK(cairo_image_surface_get_width(p->get()) == 20);

    for (const std::string& bad : {std::string(), std::string("GIF89a...."), std::string("\xFF\xD8\xFF\xE0garbage", 11),
                                   jpeg.substr(0, jpeg.size() / 2), make_png(20, 10, false).substr(0, 40)}) {
        auto r = decode_image(bad);
        CHECK_FALSE(r);
        if (!r) CHECK(r.error().code == Errc::malformed);
    }
}

TEST_CASE("the inspection record PDF has every part, Chinese text and page n/m", "[export][pdf]") {
    if (std::system("command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1") != 0)
        FAIL("pdftotext and pdfinfo (Debian poppler-utils, in deploy/setup-debian.sh) are needed");

    const InspectionRecord r = sample_record();
    auto pdf = render_inspection_pdf(r);
    REQUIRE(pdf);
    REQUIRE(pdf->substr(0, 5) == "%PDF-");
    // The JPEG is embedded as the very file the phone took, not a re-encoding.
    CHECK(has(*pdf, r.photos[0].data));

    TempDir dir;
    const fs::path file = dir.path / "record.pdf";
    REQUIRE(write_file_atomically(file, *pdf));

    auto info = run("pdfinfo '" + file.string() + "'");
    REQUIRE(info);
    const auto at = info->find("Pages:");
    REQUIRE(at != std::string::npos);
    const int pages = std::atoi(info->c_str() + at + 6);
    CHECK(pages >= 2);
    CHECK(has(*info, "595.276 x 841.89 pts (A4)"));

    auto text = run("pdftotext -enc UTF-8 '" + file.string() + "' -");
    REQUIRE(text);
    INFO(*text);
    CHECK(has(*text, "校外培训机构检查记录 / Inspection record"));
    CHECK(has(*text, r.institution));
    CHECK(has(*text, "铁东区胜利南路"));
    CHECK(has(*text, "暗访 covert"));
    CHECK(has(*text, "2025-03-04 21:10:05"));
    CHECK(has(*text, "模拟定位"));
    CHECK(has(*text, "±12 m"));
    CHECK(has(*text, "机构是否在显著位置公示办学许可证"));
    CHECK(has(*text, "检查项 21"));  // the last item made it, past the page break
    CHECK(has(*text, "S5 场地安全"));
    CHECK(has(*text, "不合格 FAIL"));
    CHECK(has(*text, "21:10 仍在上课"));
    CHECK(has(*text, "不适用"));
    CHECK(has(*text, "教室全景"));
    CHECK(has(*text, r.photos[1].sha256_hex.substr(0, 32)));
    CHECK(has(*text, "照片无法显示"));
    CHECK(has(*text, r.photos[2].sha256_hex.substr(0, 32)));
    CHECK(has(*text, "督查员签名"));
    CHECK(has(*text, "4711"));
    CHECK(has(*text, "batch-2025-0304-01"));
    CHECK(has(*text, "第 3 个，共 8 个"));
    CHECK(has(*text, "通过 pass"));
    CHECK(has(*text, "未通过 FAILED"));
    CHECK(has(*text, "照片 3 的文件无法解码"));
    CHECK(has(*text, "建议责令整改"));
    CHECK(has(*text, "rep-7f3a9c"));
    CHECK(has(*text, "2025-03-04 22:53:20"));  // generated_at in the footer
    CHECK(has(*text, "1/" + std::to_string(pages)));
    CHECK(has(*text, std::to_string(pages) + "/" + std::to_string(pages)));
}

TEST_CASE("a bare record renders on one page, English first", "[export][pdf]") {
    InspectionRecord r;
    r.report_id = "rep-empty";
    r.lang = "en";
    r.verification.chain_ok = true;
    auto pdf = render_inspection_pdf(r);
    REQUIRE(pdf);
    TempDir dir;
    REQUIRE(write_file_atomically(dir.path / "r.pdf", *pdf));
    auto text = run("pdftotext -enc UTF-8 '" + (dir.path / "r.pdf").string() + "' -");
    REQUIRE(text);
    INFO(*text);
    CHECK(has(*text, "Page 1/1"));
    CHECK(has(*text, "no server receipt yet"));
    CHECK(has(*text, "FAILED 未通过"));
    CHECK(has(*text, "pass 通过"));
    CHECK(has(*text, "no signature"));
}

TEST_CASE("a large JPEG goes into the PDF as the original file, once", "[export][pdf]") {
    InspectionRecord r;
    r.report_id = "rep-big";
    const PdfImage big = image("image/jpeg", make_jpeg(2400, 1600), "大图");
    r.photos = {big, big};  // the same photo twice is stored once
    auto pdf = render_inspection_pdf(r);
    REQUIRE(pdf);
    const auto first = pdf->find(big.data);
    REQUIRE(first != std::string::npos);
    CHECK(pdf->find(big.data, first + 1) == std::string::npos);
    CHECK(pdf->size() < big.data.size() + 200'000);
}
