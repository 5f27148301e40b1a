#pragma once
// What a CSV import (institutions, complaints, people) answers: the records it queued, or every
// problem with the line it is on. All rows or none: a result with problems queued nothing.
#include <string>
#include <vector>

#include "shared/common/result.h"

namespace ducha::desk {

struct RowError {
    int line = 0;  // line in the file (1 = the header)
    Error error;   // what is wrong, to be put into the reader's language

    RowError() = default;
    RowError(int l, Error e) : line(l), error(std::move(e)) {}
    // "第 3 行：… / line 3: …"
    std::string message() const;
    // The same in one language.
    std::string text(Lang lang) const;
};

struct ImportResult {
    std::vector<std::string> ids;  // queued records, in file order; empty when errors is not
    std::vector<RowError> errors;
    bool ok() const { return errors.empty(); }
};

}  // namespace ducha::desk
