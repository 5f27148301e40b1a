#include "shared/export/pdf_canvas.h"

namespace ducha::exporting {
namespace {

// WenQuanYi Micro Hei (Debian fonts-wqy-microhei) first; Noto CJK if that is what is installed.
constexpr const char* kSans = "WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif";
constexpr const char* kMono = "WenQuanYi Micro Hei Mono, DejaVu Sans Mono, monospace";

}  // namespace

void set_source(cairo_t* cr, const Rgb& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

PdfCanvas::PdfCanvas(cairo_t* cr, bool draw) : m_cr(cr), m_draw(draw) {
    m_pango = pango_cairo_create_context(cr);
    // Simplified-Chinese glyph forms for Han characters shared with Japanese.
    pango_context_set_language(m_pango, pango_language_from_string("zh-cn"));
    // Unhinted metrics: the same line breaks on every machine and in both passes.
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(m_pango, fo);
    cairo_font_options_destroy(fo);
}

PdfCanvas::~PdfCanvas() { g_object_unref(m_pango); }

bool PdfCanvas::covers(gunichar c) const {
    PangoFontDescription* desc = pango_font_description_from_string(kSans);
    pango_font_description_set_absolute_size(desc, 10 * PANGO_SCALE);
    PangoFontset* set = pango_context_load_fontset(m_pango, desc, pango_language_from_string("zh-cn"));
    pango_font_description_free(desc);
    if (!set) return false;
    PangoFont* font = pango_fontset_get_font(set, c);
    const bool ok = font && pango_font_has_char(font, c);
    if (font) g_object_unref(font);
    g_object_unref(set);
    return ok;
}

LayoutPtr PdfCanvas::layout(std::string_view markup, const TextStyle& style, double width) const {
    LayoutPtr l(pango_layout_new(m_pango));
    PangoFontDescription* desc = pango_font_description_from_string(style.mono ? kMono : kSans);
    pango_font_description_set_absolute_size(desc, style.size * PANGO_SCALE);
    if (style.bold) pango_font_description_set_weight(desc, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l.get(), desc);
    pango_font_description_free(desc);
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    // Hashes and ids have no spaces: break them anywhere rather than overflow the column.
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l.get(), style.align);
    pango_layout_set_markup(l.get(), markup.data(), static_cast<int>(markup.size()));
    return l;
}

double PdfCanvas::height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

void PdfCanvas::draw(PangoLayout* l, double x, double y, const Rgb& color) const {
    if (!m_draw) return;
    cairo_save(m_cr);
    set_source(m_cr, color);
    cairo_move_to(m_cr, x, y);
    pango_cairo_show_layout(m_cr, l);
    cairo_restore(m_cr);
}

void PdfCanvas::need(double h) {
    // Something taller than a page gets a fresh page and overflows it, rather than looping.
    if (m_y + h > bottom() && m_y > kMarginTop + 0.5) new_page();
}

void PdfCanvas::block(double h, const std::function<void(double x, double y)>& paint) {
    need(h);
    if (m_draw) paint(left(), m_y);
    m_y += h;
}

void PdfCanvas::paragraph(std::string_view markup, const TextStyle& style, double indent) {
    LayoutPtr l = layout(markup, style, width() - indent);
    PangoLayoutIter* it = pango_layout_get_iter(l.get());
    double origin = m_y;  // page y of the layout's top edge; moves back at each page break
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        const double top = static_cast<double>(logical.y) / PANGO_SCALE;
        const double h = static_cast<double>(logical.height) / PANGO_SCALE;
        if (origin + top + h > bottom() && origin + top > kMarginTop + 0.5) {
            new_page();
            origin = m_y - top;
        }
        if (m_draw) {
            cairo_save(m_cr);
            set_source(m_cr, style.color);
            cairo_move_to(m_cr, left() + indent + static_cast<double>(logical.x) / PANGO_SCALE,
                          origin + static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE);
            pango_cairo_show_layout_line(m_cr, pango_layout_iter_get_line_readonly(it));
            cairo_restore(m_cr);
        }
        m_y = origin + top + h;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

void PdfCanvas::new_page() {
    if (m_in_page_start) return;  // a running head never breaks its own page
    if (m_footer) m_footer(*this, m_page);
    if (m_draw) cairo_show_page(m_cr);
    ++m_page;
    m_y = kMarginTop;
    if (m_page_start) {
        m_in_page_start = true;
        m_page_start(*this, m_page);
        m_in_page_start = false;
    }
}

void PdfCanvas::finish() {
    if (m_footer) m_footer(*this, m_page);
    if (m_draw) cairo_show_page(m_cr);
}

}  // namespace ducha::exporting
