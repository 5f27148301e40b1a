#pragma once
// A prepared statement: move-only, finalizes itself. bind() chains; run()/step() report errors as values.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/common/result.h"
#include "shared/store/database.h"

struct sqlite3_stmt;

namespace ducha::store {

class Statement {
public:
    Statement(const Database& db, std::string_view sql);  // a bad SQL string is a programmer error: throws
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement();

    Statement& bind(int i, std::int64_t v);
    Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, std::uint64_t v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, bool v) { return bind(i, static_cast<std::int64_t>(v ? 1 : 0)); }
    Statement& bind(int i, double v);
    Statement& bind(int i, std::string_view text);
    Statement& bind(int i, const char* text) { return bind(i, std::string_view{text}); }
    Statement& bind(int i, const std::string& text) { return bind(i, std::string_view{text}); }
    Statement& bind_blob(int i, std::string_view bytes);
    Statement& bind_null(int i);

    // Advances one row: true = a row is ready, false = done.
    Result<bool> step();
    // Runs to completion (for INSERT/UPDATE/DELETE) and resets for reuse.
    Status run();
    void reset();  // clears the cursor, keeps bindings
    void clear_bindings();

    std::int64_t col_int(int i) const;
    double col_double(int i) const;
    std::string col_text(int i) const;
    std::string col_blob(int i) const;
    bool col_null(int i) const;

private:
    sqlite3* m_handle;
    sqlite3_stmt* m_stmt = nullptr;
    int m_bind_rc = 0;  // first bind error, reported by step()/run()
};

}  // namespace ducha::store
