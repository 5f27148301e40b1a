#pragma once
// The tables coordinators and supervisors export (CSV / XLSX) and the content of the PDF record of
// one inspection, built from the device's replica. Writing the files is shared/export's job.
#include <string>

#include "shared/desk/coverage_report.h"
#include "shared/desk/record_writer.h"
#include "shared/export/pdf_record.h"
#include "shared/export/table.h"

namespace ducha::exporting {

class ExportTables {
public:
    explicit ExportTables(desk::RecordWriter& w) : m_w(w) {}
    Result<Table> reports(std::int64_t from_s = 0, std::int64_t to_s = 0);
    Result<Table> cases();
    Result<Table> complaints();
    Result<Table> coverage(const desk::CoverageQuery& q);
    // Everything the printable record shows, with the photos read from this device's evidence store
    // (downloaded from the server and checked against their hashes when missing), and the
    // signature, chain link and receipt checked here.
    Result<InspectionRecord> inspection_record(const std::string& report_id);
    // Records that this device exported `what` (reports, cases, complaints, coverage, record) as
    // `format` with `rows` rows: an audit_event queued for the server's audit log (action
    // export.WHAT). Call it after the file is written.
    Status record_export(const std::string& what, const std::string& format, std::int64_t rows,
                         const std::string& subject = {});

private:
    desk::RecordWriter& m_w;
};

}  // namespace ducha::exporting
