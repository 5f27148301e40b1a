#pragma once
// The enrollment sheets a coordinator hands out (督查员手机登记单): one A4 page per person with
// who they are, the QR code of their enrollment link, the code to type instead, when it expires
// and how to enroll. Drawn with cairo and Pango like the PDF record (shared/export/pdf_canvas.h).
#include <cairo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shared/common/result.h"
#include "shared/export/qr_matrix.h"

namespace ducha::exporting {

struct EnrollmentSheet {
    std::string user_id, name, role /* wire value: volunteer | coordinator | ... */, district, school, phone;
    std::string code;  // as issued ("3CKV-XH8T-SWY2")
    std::string link;  // ducha://enroll?server=...&code=...&pin=... (shared/sync/enroll_link.h)
    std::int64_t expires_at_s = 0;
};

// The QR symbol's side on paper without its quiet zone: 65 mm, well above the 60 mm a phone
// held at arm's length reads reliably.
inline constexpr double kSheetQrSymbolPoints = 65.0 / 25.4 * 72.0;

// The PDF bytes: page n is sheets[n-1]; every footer says "page n/m", the person's id and
// `issued_at_ms` (Asia/Shanghai, as every time on the sheet). Errc::unavailable when no installed
// font covers Chinese, qr_matrix's error for a link no QR code holds, Errc::invalid_argument for
// no sheets, Errc::internal if a sheet does not fit on its page or cairo fails.
Result<std::string> render_enrollment_sheets(const std::vector<EnrollmentSheet>& sheets, std::int64_t issued_at_ms);

// Draws `m` with its top-left module at (x, y), each module a filled square of `module` points,
// with a white quiet zone of kQrQuietZone modules around it (so the drawing is
// (m.width + 2 * kQrQuietZone) * module wide, starting kQrQuietZone modules before x and y).
void draw_qr(cairo_t* cr, const QrMatrix& m, double x, double y, double module);

// A phone number as printed on a sheet handed around: its digits (no dashes, no +86) with only the
// first 3 and the last 4 shown ("138****5678"); a short one shows only its last 2; none, nothing.
std::string masked_phone(std::string_view phone);

// The code in groups of four for reading aloud ("3CKV XH8T SWY2"); any form typed back is the same code.
std::string code_for_reading(std::string_view code);

}  // namespace ducha::exporting
