#pragma once
// Flowing layout on A4 pages for the PDF record: text through Pango, a cursor that breaks pages,
// a footer per page. The record is laid out twice with identical metrics: once with drawing off
// to count the pages, once for real, so every footer can say "page n/m".
#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <string_view>

namespace ducha::exporting {

struct Rgb {
    double r = 0.1, g = 0.1, b = 0.1;
};

// The ink every document shares (the inspection record, the enrollment sheets), so they read as
// one product.
inline constexpr Rgb kInkText{0.10, 0.10, 0.10};
inline constexpr Rgb kInkMuted{0.42, 0.42, 0.42};
inline constexpr Rgb kInkRule{0.78, 0.78, 0.78};
inline constexpr Rgb kInkRed{0.72, 0.11, 0.11};

struct TextStyle {
    double size = 9.5;  // points
    bool bold = false;
    bool mono = false;
    Rgb color{};
    PangoAlignment align = PANGO_ALIGN_LEFT;
};

struct GObjectUnref {
    void operator()(void* p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;

class PdfCanvas {
public:
    static constexpr double kPageWidth = 595.2756;   // A4 in points
    static constexpr double kPageHeight = 841.8898;
    static constexpr double kMarginX = 48;
    static constexpr double kMarginTop = 46;
    static constexpr double kMarginBottom = 62;      // the footer lives here

    // With `draw` off nothing is painted and no page is emitted; the layout is the same.
    PdfCanvas(cairo_t* cr, bool draw);
    ~PdfCanvas();
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;

    // `footer(canvas, page)` draws a page's footer; `page_start(canvas, page)` runs at the top of
    // every page after the first (a running head, a repeated table header).
    void set_footer(std::function<void(PdfCanvas&, int page)> footer) { m_footer = std::move(footer); }
    void set_page_start(std::function<void(PdfCanvas&, int page)> f) { m_page_start = std::move(f); }

    bool drawing() const { return m_draw; }
    cairo_t* cr() const { return m_cr; }
    PangoContext* pango() const { return m_pango; }
    double left() const { return kMarginX; }
    double width() const { return kPageWidth - 2 * kMarginX; }
    double y() const { return m_y; }
    double bottom() const { return kPageHeight - kMarginBottom; }
    double body_height() const { return bottom() - kMarginTop; }
    int page() const { return m_page; }

    // True when some font the layouts will use has a glyph for `c` (here: a Chinese character).
    bool covers(gunichar c) const;

    // A layout of Pango markup (user text already escaped) wrapped at `width` points.
    LayoutPtr layout(std::string_view markup, const TextStyle& style, double width) const;
    static double height(PangoLayout* l);
    // Draws at (x, y) page coordinates when drawing is on.
    void draw(PangoLayout* l, double x, double y, const Rgb& color) const;

    // Starts a new page unless `h` points fit below the cursor (or could fit on no page).
    void need(double h);
    void advance(double h) { m_y += h; }
    // Keeps `h` points together: breaks the page if needed, calls `paint(x, y)` when drawing, advances.
    void block(double h, const std::function<void(double x, double y)>& paint);
    // Text that may run across pages, broken between lines; `indent` from the left margin.
    void paragraph(std::string_view markup, const TextStyle& style, double indent = 0);

    void new_page();
    void finish();  // ends the last page

private:
    cairo_t* m_cr;
    bool m_draw;
    PangoContext* m_pango = nullptr;
    double m_y = kMarginTop;
    int m_page = 1;
    bool m_in_page_start = false;
    std::function<void(PdfCanvas&, int)> m_footer;
    std::function<void(PdfCanvas&, int)> m_page_start;
};

void set_source(cairo_t* cr, const Rgb& c);

}  // namespace ducha::exporting
