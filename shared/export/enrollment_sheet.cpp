#include "shared/export/enrollment_sheet.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <memory>

#include "shared/common/shanghai_time.h"
#include "shared/domain/enrollment_code.h"
#include "shared/domain/vocabulary_labels.h"
#include "shared/export/image_surface.h"
#include "shared/export/pdf_canvas.h"
#include "shared/export/xml_text.h"

namespace ducha::exporting {
namespace {

constexpr double kLabelWidth = 110;

std::string esc(std::string_view s) { return xml_escape(s); }
std::string or_dash(std::string_view s) { return s.empty() ? std::string("—") : esc(s); }

TextStyle style(double size, bool bold, bool mono, const Rgb& color, PangoAlignment align) {
    TextStyle s;
    s.size = size;
    s.bold = bold;
    s.mono = mono;
    s.color = color;
    s.align = align;
    return s;
}

void rule(PdfCanvas& c, double gap) {
    c.advance(gap);
    c.block(1, [&](double x, double y) {
        cairo_save(c.cr());
        set_source(c.cr(), kInkRule);
        cairo_set_line_width(c.cr(), 0.6);
        cairo_move_to(c.cr(), x, y);
        cairo_line_to(c.cr(), x + c.width(), y);
        cairo_stroke(c.cr());
        cairo_restore(c.cr());
    });
    c.advance(gap);
}

// A line (or lines) of markup across the page, aligned as its style says.
void text_line(PdfCanvas& c, const std::string& markup, const TextStyle& s, double after) {
    auto l = c.layout(markup, s, c.width());
    c.block(PdfCanvas::height(l.get()), [&](double x, double y) { c.draw(l.get(), x, y, s.color); });
    c.advance(after);
}

// A label column and a value column.
void row(PdfCanvas& c, std::string_view zh, std::string_view en, const std::string& value_markup, double value_size) {
    auto l = c.layout(esc(zh) + " <span size=\"small\">" + esc(en) + "</span>",
                      style(10.5, false, false, kInkMuted, PANGO_ALIGN_LEFT), kLabelWidth - 6);
    auto v = c.layout(value_markup, style(value_size, false, false, kInkText, PANGO_ALIGN_LEFT), c.width() - kLabelWidth);
    const double lh = PdfCanvas::height(l.get()), vh = PdfCanvas::height(v.get());
    c.block(std::max(lh, vh) + 5, [&](double x, double y) {
        c.draw(l.get(), x, y + std::max(0.0, (vh - lh) / 2), kInkMuted);
        c.draw(v.get(), x + kLabelWidth, y, kInkText);
    });
}

void footer(PdfCanvas& c, const std::vector<EnrollmentSheet>& sheets, std::int64_t issued_at_ms, int page) {
    if (!c.drawing()) return;
    const double y = PdfCanvas::kPageHeight - PdfCanvas::kMarginBottom + 18;
    cairo_save(c.cr());
    set_source(c.cr(), kInkRule);
    cairo_set_line_width(c.cr(), 0.5);
    cairo_move_to(c.cr(), c.left(), y - 5);
    cairo_line_to(c.cr(), c.left() + c.width(), y - 5);
    cairo_stroke(c.cr());
    cairo_restore(c.cr());
    const double third = c.width() / 3;
    const std::size_t index = static_cast<std::size_t>(page - 1);
    const std::string who = index < sheets.size() ? sheets[index].user_id : std::string();
    auto left = c.layout("用户 User " + or_dash(who), style(7, false, true, kInkMuted, PANGO_ALIGN_LEFT), third * 1.2);
    const std::string n = std::to_string(page) + "/" + std::to_string(sheets.size());
    auto mid = c.layout("第 " + n + " 页 Page", style(7.5, false, false, kInkMuted, PANGO_ALIGN_CENTER), third * 0.6);
    auto right = c.layout("签发 Issued " + esc(shanghai_minute(issued_at_ms)) + " (UTC+8)",
                          style(7.5, false, false, kInkMuted, PANGO_ALIGN_RIGHT), third * 1.2);
    c.draw(left.get(), c.left(), y, kInkMuted);
    c.draw(mid.get(), c.left() + third * 1.2, y, kInkMuted);
    c.draw(right.get(), c.left() + third * 1.8, y, kInkMuted);
}

void qr_block(PdfCanvas& c, const QrMatrix& m) {
    const double module = kSheetQrSymbolPoints / m.width;
    const double side = (m.width + 2 * kQrQuietZone) * module;
    c.block(side, [&](double x, double y) {
        const double left = x + (c.width() - side) / 2;
        draw_qr(c.cr(), m, left + kQrQuietZone * module, y + kQrQuietZone * module, module);
    });
}

void instructions(PdfCanvas& c) {
    text_line(c, "<b>登记步骤</b>  <span size=\"small\">How to enroll</span>",
            style(12, false, false, kInkText, PANGO_ALIGN_LEFT), 4);
    const char* steps[] = {
        "1. 在手机上安装“双减督查”App（安装包向协调员索取）。",
        "2. 打开 App，点“扫码登记”，扫描上方二维码；无法扫码时，输入上面的登记码。",
        "3. 登记后请妥善保管这部手机，不要借给他人；手机丢失请立即告诉协调员。",
        "4. 登记码只能使用一次，过期作废；请勿拍照或转给他人。",
    };
    for (const char* s : steps) {
        c.paragraph(esc(s), style(11, false, false, kInkText, PANGO_ALIGN_LEFT), 8);
        c.advance(3);
    }
    c.advance(3);
    c.paragraph(esc("Install the Ducha app, open it, tap 扫码登记 (scan to enroll) and scan the code above, or type "
                    "the enrollment code. Keep the phone; tell your coordinator if it is lost. The code works once "
                    "and expires at the time shown."),
                style(8.5, false, false, kInkMuted, PANGO_ALIGN_LEFT), 8);
}

void lay_out_sheet(PdfCanvas& c, const EnrollmentSheet& s, const QrMatrix& qr) {
    text_line(c, esc("双减督查 · 督查员手机登记单"), style(20, true, false, kInkText, PANGO_ALIGN_CENTER), 2);
    text_line(c, "Ducha — enrolling your phone", style(9.5, false, false, kInkMuted, PANGO_ALIGN_CENTER), 0);
    rule(c, 8);

    const auto role = domain::role_words(s.role);
    row(c, "姓名", "Name", "<b>" + or_dash(s.name) + "</b>", 15);
    row(c, "角色", "Role", role ? esc(role->both()) : or_dash(s.role), 11.5);
    row(c, "区县", "District", or_dash(s.district), 11.5);
    row(c, "学校", "School", or_dash(s.school), 11.5);
    row(c, "手机", "Phone", s.phone.empty() ? std::string("—") : esc(masked_phone(s.phone)), 11.5);
    rule(c, 6);

    qr_block(c, qr);
    text_line(c, esc("用 App 的“扫码登记”扫描  Scan with 扫码登记 in the app"),
            style(8.5, false, false, kInkMuted, PANGO_ALIGN_CENTER), 8);
    text_line(c, esc("登记码") + " <span size=\"small\">Enrollment code</span>",
            style(10.5, false, false, kInkMuted, PANGO_ALIGN_CENTER), 2);
    // Letter-spaced so that each character can be read out and typed back unambiguously.
    text_line(c, "<span letter_spacing=\"4096\">" + esc(code_for_reading(s.code)) + "</span>",
            style(28, true, true, kInkText, PANGO_ALIGN_CENTER), 6);
    const std::string until = shanghai_minute(s.expires_at_s * 1000);
    text_line(c, "有效期至 " + esc(until) + "（北京时间）  <span size=\"small\">valid until " + esc(until) +
                   " (UTC+8)</span>",
            style(12, true, false, kInkRed, PANGO_ALIGN_CENTER), 0);
    rule(c, 8);
    instructions(c);
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct CairoDestroy {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

}  // namespace

void draw_qr(cairo_t* cr, const QrMatrix& m, double x, double y, double module) {
    cairo_save(cr);
    const double quiet = kQrQuietZone * module;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, x - quiet, y - quiet, m.width * module + 2 * quiet, m.width * module + 2 * quiet);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    // Neighbouring modules are one path filled at once: no hairline seams between them in a viewer.
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    for (int row = 0; row < m.width; ++row)
        for (int col = 0; col < m.width; ++col)
            if (m.is_dark(col, row)) cairo_rectangle(cr, x + col * module, y + row * module, module, module);
    cairo_fill(cr);
    cairo_restore(cr);
}

std::string masked_phone(std::string_view phone) {
    // Digits only ("138-0000-5678" as people write it), without China's +86 in front.
    std::string d;
    for (char c : phone)
        if (c >= '0' && c <= '9') d += c;
    if (d.size() > 11 && d.rfind("86", 0) == 0 && phone.find('+') != std::string_view::npos) d.erase(0, 2);
    const std::size_t n = d.size();
    if (n == 0) return {};
    if (n < 8) return std::string(n > 2 ? n - 2 : 0, '*') + d.substr(n > 2 ? n - 2 : 0);
    return d.substr(0, 3) + std::string(n - 7, '*') + d.substr(n - 4);
}

std::string code_for_reading(std::string_view code) {
    const std::string plain = domain::normalize_enrollment_code(code);
    std::string out;
    for (std::size_t i = 0; i < plain.size(); ++i) {
        if (i && i % 4 == 0) out.push_back(' ');
        out.push_back(plain[i]);
    }
    return out;
}

Result<std::string> render_enrollment_sheets(const std::vector<EnrollmentSheet>& sheets, std::int64_t issued_at_ms) {
    if (sheets.empty()) return fail(Errc::invalid_argument, Msg::nobody_to_enroll);
    std::vector<QrMatrix> codes;
    codes.reserve(sheets.size());
    for (const auto& s : sheets) {
        auto m = qr_matrix(s.link);
        if (!m) return fail(m.error());
        codes.push_back(std::move(*m));
    }
    std::string out;
    CairoSurfacePtr surface(
        cairo_pdf_surface_create_for_stream(append_bytes, &out, PdfCanvas::kPageWidth, PdfCanvas::kPageHeight));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "督查员手机登记单 Enrollment sheets");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Ducha");
    const std::string created = shanghai_time_iso(issued_at_ms);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
    {
        std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
        PdfCanvas canvas(cr.get(), true);
        if (!canvas.covers(U'登')) return fail(Errc::unavailable, Msg::no_installed_font_covers_chinese);
        canvas.set_footer([&](PdfCanvas& c, int page) { footer(c, sheets, issued_at_ms, page); });
        for (std::size_t i = 0; i < sheets.size(); ++i) {
            if (i > 0) canvas.new_page();
            lay_out_sheet(canvas, sheets[i], codes[i]);
            // One page per person: a sheet that spilled over would put the next person's page number on it.
            if (canvas.page() != static_cast<int>(i + 1))
                return fail(Errc::internal, Msg::enrollment_sheet_overflow, sheets[i].user_id);
        }
        canvas.finish();
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            return fail(Errc::internal, Msg::cairo_failed, cairo_status_to_string(cairo_status(cr.get())));
    }
    cairo_surface_finish(surface.get());
    if (const cairo_status_t st = cairo_surface_status(surface.get()); st != CAIRO_STATUS_SUCCESS)
        return fail(Errc::internal, Msg::cairo_failed, cairo_status_to_string(st));
    return out;
}

}  // namespace ducha::exporting
