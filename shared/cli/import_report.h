#pragma once
// How the CLI reports a CSV import (institutions, complaints, people): every problem with its
// line and exit 1, or the queued ids, one per line, then how many and that `ducha sync` sends them.
#include <ostream>

#include "shared/common/message_catalogue.h"
#include "shared/desk/import_result.h"

namespace ducha::cli {

// `imported`: the success line, with the count as {0} (rows, people).
int report_import(const Result<desk::ImportResult>& r, Msg imported, std::ostream& out, std::ostream& err);

}  // namespace ducha::cli
