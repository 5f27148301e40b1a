#pragma once
// The printable inspection record (行政执法全过程记录) of one report: an A4 PDF drawn with cairo
// and Pango, Chinese set in a CJK font so that it prints and can be searched and copied.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/common/result.h"

namespace ducha::exporting {

struct PdfImage {
    std::string sha256_hex, mime /* image/jpeg | image/png */, data /* raw file bytes */, caption;
};

struct PdfItem {
    std::string step /* "S3 资质检查" */, code, text, result /* pass|fail|na */, severity, note;
    std::vector<std::string> photo_hex;
};

struct PdfReceipt {
    std::int64_t seq = 0, server_time_ms = 0;
    std::string batch_id, root_hex;
    std::uint32_t leaf_index = 0 /* 0-based */, leaf_count = 0;
};

struct PdfVerification {
    bool signature_ok = false, chain_ok = false, receipt_ok = false, evidence_ok = false;
    std::vector<std::string> messages;
};

struct InspectionRecord {
    std::string report_id, institution, address, district, licence_no, inspector, device_id, task_title,
        visit_kind /* 明查 open | 暗访 covert */, template_name;
    std::int64_t device_time_ms = 0;
    double lat = 0, lon = 0, gps_accuracy_m = -1, distance_m = -1;  // negative: unknown
    bool mock_location = false, flagged = false;
    std::vector<PdfItem> items;
    std::string notes;
    std::vector<PdfImage> photos;
    std::optional<PdfImage> signature;
    std::optional<PdfReceipt> receipt;
    PdfVerification verification;
    std::string case_summary;
    std::int64_t generated_at_ms = 0;
    std::string lang = "zh";  // "zh": labels Chinese first; "en": English first
};

// The PDF bytes, A4 portrait: title, header block, checklist grouped by step (failed items
// marked), notes, photos with caption and SHA-256, the on-site signature, the server receipt,
// verification status, case summary, and a footer on every page (report id, page n/m, generated
// time). Times are Asia/Shanghai. Images are read by their bytes (JPEG or PNG; `mime` is not
// trusted); one that cannot be decoded is drawn as a box naming its hash instead of failing the
// record, and bytes that do not hash to sha256_hex are marked as such. Errc::unavailable when no installed font covers Chinese
// (Debian: fonts-wqy-microhei), Errc::internal if cairo fails.
Result<std::string> render_inspection_pdf(const InspectionRecord& r);

}  // namespace ducha::exporting
