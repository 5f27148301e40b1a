#pragma once
// A prepared statement on any Connection: move-only, finalizes itself. bind() chains; run()/step()
// report errors as values. The backend's work is in a StatementImpl.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "shared/common/result.h"
#include "shared/store/connection.h"
#include "shared/store/statement_impl.h"

namespace ducha::store {

class Statement {
public:
    Statement(const Connection& db, std::string_view sql) : m_impl(db.prepare(sql)) {}  // bad SQL: throws
    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement() = default;

    Statement& bind(int i, std::int64_t v) {
        m_impl->bind_int64(i, v);
        return *this;
    }
    Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, std::uint64_t v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, bool v) { return bind(i, static_cast<std::int64_t>(v ? 1 : 0)); }
    Statement& bind(int i, double v) {
        m_impl->bind_double(i, v);
        return *this;
    }
    Statement& bind(int i, std::string_view text) {
        m_impl->bind_text(i, text);
        return *this;
    }
    Statement& bind(int i, const char* text) { return bind(i, std::string_view{text}); }
    Statement& bind(int i, const std::string& text) { return bind(i, std::string_view{text}); }
    Statement& bind_blob(int i, std::string_view bytes) {
        m_impl->bind_blob(i, bytes);
        return *this;
    }
    Statement& bind_null(int i) {
        m_impl->bind_null(i);
        return *this;
    }

    // Advances one row: true = a row is ready, false = done.
    Result<bool> step() { return m_impl->step(); }
    // Runs to completion (for INSERT/UPDATE/DELETE) and resets for reuse.
    Status run() { return m_impl->run(); }
    void reset() { m_impl->reset(); }  // clears the cursor, keeps bindings
    void clear_bindings() { m_impl->clear_bindings(); }

    std::int64_t col_int(int i) const { return m_impl->col_int(i); }
    double col_double(int i) const { return m_impl->col_double(i); }
    std::string col_text(int i) const { return m_impl->col_text(i); }
    std::string col_blob(int i) const { return m_impl->col_blob(i); }
    bool col_null(int i) const { return m_impl->col_null(i); }

private:
    std::unique_ptr<StatementImpl> m_impl;
};

}  // namespace ducha::store
