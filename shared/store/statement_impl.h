#pragma once
// What a backend provides for one prepared statement. Statement wraps it; code outside shared/store
// and the backends uses Statement. Indexes are 1-based for binds and 0-based for columns, as in SQL.
// A failed bind is kept and reported by the next step().
#include <cstdint>
#include <string>
#include <string_view>

#include "shared/common/result.h"

namespace ducha::store {

class StatementImpl {
public:
    virtual ~StatementImpl() = default;

    virtual void bind_int64(int i, std::int64_t v) = 0;
    virtual void bind_double(int i, double v) = 0;
    virtual void bind_text(int i, std::string_view text) = 0;   // an empty view is '', never NULL
    virtual void bind_blob(int i, std::string_view bytes) = 0;  // zero bytes are a blob, never NULL
    virtual void bind_null(int i) = 0;

    // Advances one row: true = a row is ready, false = done. A failure resets the cursor.
    virtual Result<bool> step() = 0;
    // Runs to completion (for INSERT/UPDATE/DELETE) and resets for reuse.
    virtual Status run() = 0;
    virtual void reset() = 0;  // clears the cursor, keeps bindings
    virtual void clear_bindings() = 0;

    virtual std::int64_t col_int(int i) const = 0;
    virtual double col_double(int i) const = 0;
    virtual std::string col_text(int i) const = 0;
    virtual std::string col_blob(int i) const = 0;
    virtual bool col_null(int i) const = 0;
};

}  // namespace ducha::store
