#include "shared/export/pdf_record.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>
#include <utility>

#include "shared/common/bytes.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/vocabulary_labels.h"
#include "shared/export/image_surface.h"
#include "shared/export/pdf_canvas.h"
#include "shared/common/shanghai_time.h"
#include "shared/export/xml_text.h"

namespace ducha::exporting {
namespace {

const Rgb kFailFill{1.0, 0.91, 0.91};
const Rgb kStepFill{0.89, 0.91, 0.95};
const Rgb kHeadFill{0.95, 0.95, 0.95};
constexpr const char* kRedHex = "#b81c1c";
constexpr const char* kGreenHex = "#1a7333";

constexpr double kPad = 3.5;  // inside table cells
constexpr double kLabelWidth = 122;

std::string esc(std::string_view s) { return xml_escape(s); }
std::string or_dash(std::string_view s) { return s.empty() ? std::string("—") : esc(s); }

std::string fmt(const char* pattern, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, pattern, v);
    return buf;
}

std::string red(std::string_view markup) {
    return std::string("<span foreground=\"") + kRedHex + "\" weight=\"bold\">" + std::string(markup) + "</span>";
}
std::string green(std::string_view markup) {
    return std::string("<span foreground=\"") + kGreenHex + "\">" + std::string(markup) + "</span>";
}

struct DecodedImage {
    Result<CairoSurfacePtr> surface;
    std::string actual_hex;  // SHA-256 of the bytes given, to compare with the claimed one
};

// Pixels of about print resolution (1600 px across 17.6 cm is 230 dpi); a JPEG is embedded whole anyway.
constexpr int kImageMaxSide = 1600;

DecodedImage decode(const PdfImage& img) {
    DecodedImage d{decode_image(img.data, kImageMaxSide),
                   img.data.empty() ? std::string() : hex_encode(crypto::sha256(img.data))};
    // The same photo twice (a retake uploaded again) is stored in the PDF once.
    if (d.surface) {
        auto* id = new std::string(d.actual_hex);
        if (cairo_surface_set_mime_data(
                d.surface->get(), CAIRO_MIME_TYPE_UNIQUE_ID, reinterpret_cast<const unsigned char*>(id->data()),
                id->size(), [](void* p) { delete static_cast<std::string*>(p); }, id) != CAIRO_STATUS_SUCCESS)
            delete id;
    }
    return d;
}

// What every pass needs: the record, its decoded images, and the label language.
struct Doc {
    explicit Doc(const InspectionRecord& rec) : r(rec), en(rec.lang == "en") {}

    const InspectionRecord& r;
    bool en;
    std::vector<DecodedImage> photos;
    std::optional<DecodedImage> signature;
    std::map<std::string, std::size_t> photo_number;  // sha256 hex -> 1-based position in the photo list
    int total_pages = 0;

    // A label in both languages, the record's language first.
    std::string label(std::string_view zh, std::string_view english) const {
        return en ? std::string(english) + " " + std::string(zh) : std::string(zh) + " " + std::string(english);
    }
    std::string label(const domain::Words& w) const { return label(w.zh, w.en); }
    std::string both(std::string_view zh, std::string_view english) const {
        return en ? std::string(english) + " / " + std::string(zh) : std::string(zh) + " / " + std::string(english);
    }
};

// ---- building blocks ----

std::string time_text(std::int64_t ms) { return ms == 0 ? std::string("—") : shanghai_time(ms) + " (UTC+8)"; }

void rule(cairo_t* cr, double x, double y, double w, const Rgb& color, double width = 0.6) {
    cairo_save(cr);
    set_source(cr, color);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + w, y);
    cairo_stroke(cr);
    cairo_restore(cr);
}

void fill_rect(cairo_t* cr, double x, double y, double w, double h, const Rgb& color) {
    cairo_save(cr);
    set_source(cr, color);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
    cairo_restore(cr);
}

void section_heading(PdfCanvas& c, const std::string& text) {
    auto l = c.layout("<b>" + esc(text) + "</b>", TextStyle{.size = 12}, c.width());
    const double h = PdfCanvas::height(l.get()) + 5;
    c.advance(10);
    c.need(h + 40);  // never strand a heading at the foot of a page
    c.block(h, [&](double x, double y) {
        c.draw(l.get(), x, y, kInkText);
        rule(c.cr(), x, y + h - 1.5, c.width(), kInkText, 0.8);
    });
    c.advance(4);
}

// A label column and a value column (value is markup).
void kv_row(PdfCanvas& c, const std::string& label, const std::string& value_markup, bool mono = false) {
    auto l = c.layout(esc(label), TextStyle{.size = 8.5, .bold = true, .color = kInkMuted}, kLabelWidth - 6);
    auto v = c.layout(value_markup, TextStyle{.size = mono ? 8 : 9.5, .mono = mono}, c.width() - kLabelWidth);
    const double h = std::max(PdfCanvas::height(l.get()) + 1.2, PdfCanvas::height(v.get())) + 3;
    c.block(h, [&](double x, double y) {
        c.draw(l.get(), x, y + 1.2, kInkMuted);
        c.draw(v.get(), x + kLabelWidth, y, kInkText);
    });
}

void plain(PdfCanvas& c, const std::string& markup, const Rgb& color = kInkText) {
    c.paragraph(markup, TextStyle{.size = 9.5, .color = color});
    c.advance(2);
}

// ---- images ----

void draw_surface(cairo_t* cr, cairo_surface_t* s, double x, double y, double scale) {
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
}

// One photo (or the signature): title line, the image scaled into max_w x max_h, its SHA-256.
// An image that cannot be decoded becomes a box saying so, with its hash.
void image_block(PdfCanvas& c, const Doc& d, const std::string& title_markup, const PdfImage& img,
                 const DecodedImage& dec, double max_w, double max_h) {
    auto title = c.layout(title_markup, TextStyle{.size = 9}, c.width());
    auto hash = c.layout("SHA-256 " + or_dash(img.sha256_hex), TextStyle{.size = 7, .mono = true, .color = kInkMuted},
                         c.width());
    LayoutPtr mismatch;
    if (!dec.actual_hex.empty() && dec.actual_hex != img.sha256_hex)
        mismatch = c.layout(red(esc(d.both("文件哈希不符", "the bytes do not match this hash")) + ": " + dec.actual_hex),
                            TextStyle{.size = 7, .mono = true}, c.width());
    const double title_h = PdfCanvas::height(title.get());
    const double hash_h = PdfCanvas::height(hash.get()) + (mismatch ? PdfCanvas::height(mismatch.get()) : 0);

    if (dec.surface) {
        cairo_surface_t* s = dec.surface->get();
        const double pw = cairo_image_surface_get_width(s);
        const double ph = cairo_image_surface_get_height(s);
        // Fit the box; small pictures grow at most 4x so they stay recognisable but not blurred away.
        const double scale = std::min({max_w / pw, max_h / ph, 4.0});
        const double w = pw * scale, h = ph * scale;
        c.block(title_h + 3 + h + 3 + hash_h + 10, [&](double x, double y) {
            c.draw(title.get(), x, y, kInkText);
            draw_surface(c.cr(), s, x, y + title_h + 3, scale);
            cairo_save(c.cr());
            set_source(c.cr(), kInkRule);
            cairo_set_line_width(c.cr(), 0.5);
            cairo_rectangle(c.cr(), x, y + title_h + 3, w, h);
            cairo_stroke(c.cr());
            cairo_restore(c.cr());
            c.draw(hash.get(), x, y + title_h + 3 + h + 3, kInkMuted);
            if (mismatch) c.draw(mismatch.get(), x, y + title_h + 6 + h + PdfCanvas::height(hash.get()), kInkText);
        });
        return;
    }
    const std::string why = img.data.empty() ? d.both("文件缺失", "no file") : dec.surface.error().message();
    auto msg = c.layout(red(esc(d.both("照片无法显示", "the photo could not be shown"))) + "  " +
                            "<span size=\"small\">" + esc(why) + "</span>",
                        TextStyle{.size = 9}, c.width() - 16);
    const double box_h = 8 + PdfCanvas::height(msg.get()) + 3 + hash_h + 8;
    c.block(title_h + 3 + box_h + 10, [&](double x, double y) {
        c.draw(title.get(), x, y, kInkText);
        const double by = y + title_h + 3;
        cairo_save(c.cr());
        set_source(c.cr(), kInkRed);
        cairo_set_line_width(c.cr(), 0.8);
        const double dash[] = {4, 2};
        cairo_set_dash(c.cr(), dash, 2, 0);
        cairo_rectangle(c.cr(), x, by, c.width(), box_h);
        cairo_stroke(c.cr());
        cairo_restore(c.cr());
        c.draw(msg.get(), x + 8, by + 8, kInkText);
        const double hy = by + 8 + PdfCanvas::height(msg.get()) + 3;
        c.draw(hash.get(), x + 8, hy, kInkMuted);
        if (mismatch) c.draw(mismatch.get(), x + 8, hy + PdfCanvas::height(hash.get()), kInkText);
    });
}

// ---- sections ----

void running_head(PdfCanvas& c, const Doc& d) {
    auto l = c.layout(esc(d.both("校外培训机构检查记录", "Inspection record")) + " · " + or_dash(d.r.institution),
                      TextStyle{.size = 7.5, .color = kInkMuted}, c.width());
    const double h = PdfCanvas::height(l.get());
    c.block(h + 10, [&](double x, double y) {
        c.draw(l.get(), x, y, kInkMuted);
        rule(c.cr(), x, y + h + 3, c.width(), kInkRule, 0.5);
    });
}

void footer(PdfCanvas& c, const Doc& d, int page) {
    if (!c.drawing()) return;
    const double y = PdfCanvas::kPageHeight - PdfCanvas::kMarginBottom + 18;
    rule(c.cr(), c.left(), y - 5, c.width(), kInkRule, 0.5);
    const TextStyle small{.size = 7.5, .color = kInkMuted};
    const double third = c.width() / 3;
    auto left = c.layout(esc(d.label("报告", "Report")) + " " + or_dash(d.r.report_id), small, third * 1.2);
    const std::string n = std::to_string(page) + "/" + std::to_string(d.total_pages);
    TextStyle centre = small;
    centre.align = PANGO_ALIGN_CENTER;
    auto mid = c.layout(d.en ? "Page " + n + " 页" : "第 " + n + " 页 Page", centre, third * 0.6);
    TextStyle right = small;
    right.align = PANGO_ALIGN_RIGHT;
    auto gen = c.layout(esc(d.label("生成于", "Generated")) + " " + time_text(d.r.generated_at_ms),
                        right, third * 1.2);
    c.draw(left.get(), c.left(), y, kInkMuted);
    c.draw(mid.get(), c.left() + third * 1.2, y, kInkMuted);
    c.draw(gen.get(), c.left() + third * 1.8, y, kInkMuted);
}

void title_block(PdfCanvas& c, const Doc& d) {
    TextStyle big{.size = 17, .bold = true, .align = PANGO_ALIGN_CENTER};
    auto title = c.layout("校外培训机构检查记录 / Inspection record", big, c.width());
    TextStyle sub{.size = 9, .color = kInkMuted, .align = PANGO_ALIGN_CENTER};
    auto subtitle = c.layout(esc(d.both("行政执法全过程记录", "full-process record of an inspection")), sub, c.width());
    const double th = PdfCanvas::height(title.get()), sh = PdfCanvas::height(subtitle.get());
    c.block(th + 2 + sh + 8, [&](double x, double y) {
        c.draw(title.get(), x, y, kInkText);
        c.draw(subtitle.get(), x, y + th + 2, kInkMuted);
    });
    if (d.r.flagged) {
        auto flag = c.layout("<b>" + esc(d.both("【已标记，待复核】", "[FLAGGED for review]")) + "</b>",
                             TextStyle{.size = 10, .align = PANGO_ALIGN_CENTER}, c.width() - 12);
        const double h = PdfCanvas::height(flag.get()) + 8;
        c.block(h + 6, [&](double x, double y) {
            fill_rect(c.cr(), x, y, c.width(), h, kFailFill);
            c.draw(flag.get(), x + 6, y + 4, kInkRed);
        });
    }
}

std::string visit_kind_text(const Doc& d) {
    const std::string& k = d.r.visit_kind;
    if (k == "open" || k == "明查") return esc(d.label("明查", "open"));
    if (k == "covert" || k == "暗访") return esc(d.label("暗访", "covert"));
    return or_dash(k);
}


std::string gps_text(const Doc& d) {
    const InspectionRecord& r = d.r;
    std::string s;
    if (r.lat == 0 && r.lon == 0 && r.gps_accuracy_m < 0) {
        s = esc(d.both("无定位", "no location fix"));
    } else {
        s = fmt("%.6f", r.lat) + ", " + fmt("%.6f", r.lon);
        s += "；" + esc(d.label("精度", "accuracy")) + " " +
             (r.gps_accuracy_m < 0 ? std::string("—") : "±" + fmt("%.0f", r.gps_accuracy_m) + " m");
        s += "；" + esc(d.label("距机构", "distance to the site")) + " " +
             (r.distance_m < 0 ? std::string("—") : fmt("%.0f", r.distance_m) + " m");
    }
    if (r.mock_location) s += "\n" + red(esc(d.both("模拟定位：位置可能是伪造的", "MOCK LOCATION: the position may be faked")));
    return s;
}

void header_block(PdfCanvas& c, const Doc& d) {
    const InspectionRecord& r = d.r;
    c.advance(4);
    kv_row(c, d.label("报告编号", "Report ID"), or_dash(r.report_id), true);
    kv_row(c, d.label("机构", "Institution"), "<b>" + or_dash(r.institution) + "</b>");
    kv_row(c, d.label("地址", "Address"), or_dash(r.address));
    kv_row(c, d.label("所属区", "District"), or_dash(r.district));
    kv_row(c, d.label("办学许可证", "Licence no."), or_dash(r.licence_no));
    kv_row(c, d.label("督查员", "Inspector"), or_dash(r.inspector));
    kv_row(c, d.label("设备", "Device"), or_dash(r.device_id), true);
    kv_row(c, d.label("检查方式", "Visit"), visit_kind_text(d));
    kv_row(c, d.label("检查时间", "Time"), time_text(r.device_time_ms) + "  <span size=\"small\">" +
                                                esc(d.both("设备时钟", "device clock")) + "</span>");
    kv_row(c, d.label("定位", "GPS"), gps_text(d));
    kv_row(c, d.label("任务", "Task"), or_dash(r.task_title));
    kv_row(c, d.label("检查表", "Template"), or_dash(r.template_name));
}

struct ResultText {
    std::string markup;
    bool failed = false;
};

ResultText result_text(const Doc& d, const std::string& result) {
    using domain::Answer;
    if (result == "pass") return {green(esc(d.label(domain::words(Answer::pass)))), false};
    if (result == "fail") return {red(esc(d.label(domain::words(Answer::fail)))), true};
    if (result == "na") return {"<span foreground=\"#6b6b6b\">" + esc(d.label(domain::words(Answer::na))) + "</span>", false};
    if (result.empty()) return {esc(d.label("未填", "no answer")), false};
    return {esc(result), false};
}

std::string severity_text(const Doc& d, const std::string& s) {
    if (auto w = domain::severity_words(s)) return esc(d.label(*w));
    return or_dash(s);
}

struct Columns {
    double code, text, result, severity;
};

Columns columns(const PdfCanvas& c) {
    Columns k{50, 0, 84, 64};
    k.text = c.width() - k.code - k.result - k.severity;
    return k;
}

void table_header(PdfCanvas& c, const Doc& d) {
    const Columns k = columns(c);
    const TextStyle st{.size = 8, .bold = true, .color = kInkMuted};
    auto a = c.layout(esc(d.label("编号", "Code")), st, k.code - 2 * kPad);
    auto b = c.layout(esc(d.label("检查内容", "Item")), st, k.text - 2 * kPad);
    auto e = c.layout(esc(d.label("结果", "Result")), st, k.result - 2 * kPad);
    auto f = c.layout(esc(d.label("严重程度", "Severity")), st, k.severity - 2 * kPad);
    const double h = std::max({PdfCanvas::height(a.get()), PdfCanvas::height(b.get()), PdfCanvas::height(e.get()),
                               PdfCanvas::height(f.get())}) +
                     2 * kPad;
    c.block(h, [&](double x, double y) {
        fill_rect(c.cr(), x, y, c.width(), h, kHeadFill);
        c.draw(a.get(), x + kPad, y + kPad, kInkMuted);
        c.draw(b.get(), x + k.code + kPad, y + kPad, kInkMuted);
        c.draw(e.get(), x + k.code + k.text + kPad, y + kPad, kInkMuted);
        c.draw(f.get(), x + k.code + k.text + k.result + kPad, y + kPad, kInkMuted);
    });
}

LayoutPtr step_layout(PdfCanvas& c, const std::string& markup) {
    return c.layout("<b>" + markup + "</b>", TextStyle{.size = 9.5}, c.width() - 2 * kPad);
}

void step_bar(PdfCanvas& c, PangoLayout* l) {
    const double h = PdfCanvas::height(l) + 2 * kPad;
    c.block(h, [&](double x, double y) {
        fill_rect(c.cr(), x, y, c.width(), h, kStepFill);
        c.draw(l, x + kPad, y + kPad, kInkText);
    });
}

// An item row, laid out but not placed: its height decides where it goes.
struct ItemRow {
    LayoutPtr code, text, note, photos, result, severity;
    bool failed = false;
    double height = 0;
};

ItemRow item_row(PdfCanvas& c, const Doc& d, const PdfItem& item) {
    const Columns k = columns(c);
    ItemRow row;
    const ResultText rt = result_text(d, item.result);
    row.failed = rt.failed;
    row.code = c.layout(or_dash(item.code), TextStyle{.size = 8, .mono = true}, k.code - 2 * kPad);
    row.text = c.layout(or_dash(item.text), TextStyle{.size = 9.5}, k.text - 2 * kPad);
    double text_h = PdfCanvas::height(row.text.get());
    if (!item.note.empty()) {
        row.note = c.layout("<b>" + esc(d.label("备注", "Note")) + "：</b>" + esc(item.note),
                            TextStyle{.size = 8.5, .color = rt.failed ? kInkRed : kInkText}, k.text - 2 * kPad);
        text_h += 2 + PdfCanvas::height(row.note.get());
    }
    if (!item.photo_hex.empty()) {
        std::string refs = esc(d.label("照片", "Photos")) + "：";
        for (std::size_t i = 0; i < item.photo_hex.size(); ++i) {
            const std::string& h = item.photo_hex[i];
            if (i > 0) refs += ", ";
            if (auto it = d.photo_number.find(h); it != d.photo_number.end()) refs += "#" + std::to_string(it->second) + " ";
            refs += esc(h.substr(0, 12));
        }
        row.photos = c.layout(refs, TextStyle{.size = 7.5, .mono = true, .color = kInkMuted}, k.text - 2 * kPad);
        text_h += 2 + PdfCanvas::height(row.photos.get());
    }
    row.result = c.layout(rt.markup, TextStyle{.size = 9, .bold = rt.failed}, k.result - 2 * kPad);
    row.severity = c.layout(severity_text(d, item.severity), TextStyle{.size = 8.5}, k.severity - 2 * kPad);
    row.height = std::max({PdfCanvas::height(row.code.get()), text_h, PdfCanvas::height(row.result.get()),
                           PdfCanvas::height(row.severity.get())}) +
                 2 * kPad;
    return row;
}

void place_item(PdfCanvas& c, const ItemRow& row) {
    const Columns k = columns(c);
    c.block(row.height, [&](double x, double y) {
        if (row.failed) {
            fill_rect(c.cr(), x, y, c.width(), row.height, kFailFill);
            fill_rect(c.cr(), x, y, 3, row.height, kInkRed);
        }
        c.draw(row.code.get(), x + kPad + (row.failed ? 1.5 : 0), y + kPad, kInkText);
        double ty = y + kPad;
        c.draw(row.text.get(), x + k.code + kPad, ty, kInkText);
        ty += PdfCanvas::height(row.text.get());
        if (row.note) {
            c.draw(row.note.get(), x + k.code + kPad, ty + 2, kInkText);
            ty += 2 + PdfCanvas::height(row.note.get());
        }
        if (row.photos) c.draw(row.photos.get(), x + k.code + kPad, ty + 2, kInkMuted);
        c.draw(row.result.get(), x + k.code + k.text + kPad, y + kPad, kInkText);
        c.draw(row.severity.get(), x + k.code + k.text + k.result + kPad, y + kPad, kInkText);
        rule(c.cr(), x, y + row.height, c.width(), kInkRule, 0.4);
    });
}

void checklist(PdfCanvas& c, const Doc& d) {
    const InspectionRecord& r = d.r;
    section_heading(c, d.both("检查项目", "Checklist"));
    int pass = 0, failed = 0, na = 0;
    for (const auto& it : r.items) {
        pass += it.result == "pass";
        failed += it.result == "fail";
        na += it.result == "na";
    }
    const std::string counts = esc(d.label("合格", "pass")) + " " + std::to_string(pass) + " · " +
                               (failed > 0 ? red(esc(d.label("不合格", "FAIL")) + " " + std::to_string(failed))
                                           : esc(d.label("不合格", "FAIL")) + " 0") +
                               " · " + esc(d.label("不适用", "n.a.")) + " " + std::to_string(na) + " · " +
                               esc(d.label("共", "total")) + " " + std::to_string(r.items.size());
    plain(c, counts);
    if (r.items.empty()) return;

    // Steps in the order they first appear; items keep their order inside a step.
    std::vector<std::pair<std::string, std::vector<const PdfItem*>>> steps;
    for (const auto& it : r.items) {
        auto s = std::find_if(steps.begin(), steps.end(), [&](const auto& p) { return p.first == it.step; });
        if (s == steps.end()) steps.emplace_back(it.step, std::vector<const PdfItem*>{&it});
        else s->second.push_back(&it);
    }

    c.advance(2);
    table_header(c, d);
    for (const auto& [step, items] : steps) {
        const std::string step_markup = step.empty() ? esc(d.both("未分步骤", "no step")) : esc(step);
        auto bar = step_layout(c, step_markup);
        // A page that starts inside this step repeats the table header and names the step.
        const std::string cont =
            step_markup + " <span weight=\"normal\" size=\"small\">（" + esc(d.label("续", "cont.")) + "）</span>";
        c.set_page_start([&d, cont](PdfCanvas& pc, int) {
            running_head(pc, d);
            table_header(pc, d);
            auto l = step_layout(pc, cont);
            step_bar(pc, l.get());
        });
        ItemRow first = item_row(c, d, *items.front());
        c.need(PdfCanvas::height(bar.get()) + 2 * kPad + first.height);  // a step bar keeps its first item
        step_bar(c, bar.get());
        place_item(c, first);
        for (std::size_t i = 1; i < items.size(); ++i) place_item(c, item_row(c, d, *items[i]));
    }
    c.set_page_start([&d](PdfCanvas& pc, int) { running_head(pc, d); });
}

void notes(PdfCanvas& c, const Doc& d) {
    if (d.r.notes.empty()) return;
    section_heading(c, d.both("备注", "Notes"));
    plain(c, esc(d.r.notes));
}

void photos(PdfCanvas& c, const Doc& d) {
    section_heading(c, d.both("现场照片", "Photos") + " (" + std::to_string(d.r.photos.size()) + ")");
    if (d.r.photos.empty()) {
        plain(c, esc(d.both("无", "none")), kInkMuted);
        return;
    }
    for (std::size_t i = 0; i < d.r.photos.size(); ++i) {
        const PdfImage& p = d.r.photos[i];
        std::string title = "<b>#" + std::to_string(i + 1) + "</b>";
        if (!p.caption.empty()) title += "  " + esc(p.caption);
        image_block(c, d, title, p, d.photos[i], c.width(), 300);
    }
}

void signature(PdfCanvas& c, const Doc& d) {
    section_heading(c, d.both("现场签名", "On-site signature"));
    if (!d.r.signature) {
        plain(c, esc(d.both("无签名", "no signature")), kInkMuted);
        return;
    }
    const PdfImage& s = *d.r.signature;
    image_block(c, d, s.caption.empty() ? esc(d.label("签名", "Signature")) : esc(s.caption), s, *d.signature, 240, 100);
}

void receipt(PdfCanvas& c, const Doc& d) {
    section_heading(c, d.both("服务器回执", "Server receipt"));
    if (!d.r.receipt) {
        plain(c, esc(d.both("尚未收到服务器回执（报告未同步）", "no server receipt yet: the report has not synced")),
              kInkMuted);
        return;
    }
    const PdfReceipt& rc = *d.r.receipt;
    kv_row(c, d.label("序号", "Seq"), std::to_string(rc.seq));
    kv_row(c, d.label("服务器时间", "Server time"), time_text(rc.server_time_ms));
    kv_row(c, d.label("批次", "Batch"), or_dash(rc.batch_id), true);
    kv_row(c, d.label("默克尔根", "Merkle root"), or_dash(rc.root_hex), true);
    const std::string leaf = d.en ? "leaf " + std::to_string(rc.leaf_index + 1) + " of " + std::to_string(rc.leaf_count)
                                  : "第 " + std::to_string(rc.leaf_index + 1) + " 个，共 " +
                                        std::to_string(rc.leaf_count) + " 个";
    kv_row(c, d.label("叶节点", "Leaf"), leaf + " (index " + std::to_string(rc.leaf_index) + ")");
}

void verification(PdfCanvas& c, const Doc& d) {
    section_heading(c, d.both("核验结果", "Verification"));
    auto status = [&](bool ok) {
        return ok ? green(esc(d.label("通过", "pass"))) : red(esc(d.label("未通过", "FAILED")));
    };
    const PdfVerification& v = d.r.verification;
    kv_row(c, d.label("签名", "Signature"), status(v.signature_ok));
    kv_row(c, d.label("哈希链", "Hash chain"), status(v.chain_ok));
    kv_row(c, d.label("回执", "Receipt"), status(v.receipt_ok));
    kv_row(c, d.label("证据照片", "Evidence"), status(v.evidence_ok));
    for (const auto& m : v.messages) {
        c.paragraph("• " + esc(m), TextStyle{.size = 8.5}, 8);
        c.advance(1);
    }
}

void case_summary(PdfCanvas& c, const Doc& d) {
    section_heading(c, d.both("案件摘要", "Case summary"));
    plain(c, or_dash(d.r.case_summary));
}

void lay_out(PdfCanvas& c, const Doc& d) {
    c.set_footer([&d](PdfCanvas& pc, int page) { footer(pc, d, page); });
    c.set_page_start([&d](PdfCanvas& pc, int) { running_head(pc, d); });
    title_block(c, d);
    header_block(c, d);
    checklist(c, d);
    notes(c, d);
    photos(c, d);
    signature(c, d);
    receipt(c, d);
    verification(c, d);
    case_summary(c, d);
    c.finish();
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

cairo_status_t discard_bytes(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

struct CairoDestroy {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

}  // namespace

Result<std::string> render_inspection_pdf(const InspectionRecord& r) {
    Doc d(r);
    d.photos.reserve(r.photos.size());
    for (std::size_t i = 0; i < r.photos.size(); ++i) {
        d.photos.push_back(decode(r.photos[i]));
        d.photo_number.emplace(r.photos[i].sha256_hex, i + 1);
    }
    if (r.signature) d.signature = decode(*r.signature);

    // Pass 1 counts the pages; its output goes nowhere.
    {
        CairoSurfacePtr surface(cairo_pdf_surface_create_for_stream(discard_bytes, nullptr, PdfCanvas::kPageWidth,
                                                                    PdfCanvas::kPageHeight));
        std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
        PdfCanvas canvas(cr.get(), false);
        if (!canvas.covers(U'检'))
            return fail(Errc::unavailable, Msg::no_installed_font_covers_chinese);
        lay_out(canvas, d);
        d.total_pages = canvas.page();
    }

    std::string out;
    CairoSurfacePtr surface(
        cairo_pdf_surface_create_for_stream(append_bytes, &out, PdfCanvas::kPageWidth, PdfCanvas::kPageHeight));
    const std::string title = "校外培训机构检查记录 " + valid_utf8(r.report_id);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Ducha");
    // The document's own date, not the machine's clock: the same record renders the same.
    const std::string created = shanghai_time_iso(r.generated_at_ms);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
    int pages = 0;
    {
        std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
        PdfCanvas canvas(cr.get(), true);
        lay_out(canvas, d);
        pages = canvas.page();
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            return fail(Errc::internal, Msg::cairo_failed, cairo_status_to_string(cairo_status(cr.get())));
    }
    cairo_surface_finish(surface.get());
    if (const cairo_status_t st = cairo_surface_status(surface.get()); st != CAIRO_STATUS_SUCCESS)
        return fail(Errc::internal, Msg::cairo_failed, cairo_status_to_string(st));
    if (pages != d.total_pages)
        return fail(Errc::internal, Msg::two_layout_passes_disagree_page);
    return out;
}

}  // namespace ducha::exporting
