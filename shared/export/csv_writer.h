#pragma once
#include <string>

#include "shared/export/table.h"

namespace ducha::exporting {

// RFC 4180: fields holding , " CR or LF are quoted (inner quotes doubled), lines end in CRLF.
// UTF-8 with a byte-order mark, without which Excel reads Chinese as the local code page.
// Short rows are padded with empty fields to the header's width.
std::string to_csv(const Table& t);

}  // namespace ducha::exporting
