#pragma once
// `ducha-server enrollment-sheets`: one printed A4 enrollment sheet per person who needs a phone
// enrolled, each with a fresh one-time code and its QR link, in one PDF.
#include <iosfwd>
#include <string>
#include <vector>

#include "shared/common/result.h"

namespace ducha::server {

// `words` are the command's arguments after its name, already checked against its option table.
// Selects the active people of --district, or the --user ids, or everyone active; without --all
// only those with no enrolled device. Everything is checked before a code is issued. The codes
// are issued in one transaction, and the PDF (rendered from them) is written while it is still
// open: a PDF that cannot be written rolls every code back, so there are sheets and codes or
// neither. Prints "USER_ID<TAB>NAME<TAB>CODE" per person and the file on `out`.
// Returns the exit code (0, or 1 with the reason on `err`); a usage mistake is the Error
// (the caller prints it with the usage, exit 2).
Result<int> run_enrollment_sheets(const std::vector<std::string>& words, std::ostream& out, std::ostream& err);

}  // namespace ducha::server
