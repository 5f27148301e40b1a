#pragma once
// A prepared sqlite3_stmt: the StatementImpl of a Database. sqlite3.h stays out of headers.
#include "shared/store/statement_impl.h"

struct sqlite3;
struct sqlite3_stmt;

namespace ducha::store {

class SqliteStatement final : public StatementImpl {
public:
    SqliteStatement(sqlite3* db, std::string_view sql);  // a bad SQL string is a programmer error: throws
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement() override;

    void bind_int64(int i, std::int64_t v) override;
    void bind_double(int i, double v) override;
    void bind_text(int i, std::string_view text) override;
    void bind_blob(int i, std::string_view bytes) override;
    void bind_null(int i) override;

    Result<bool> step() override;
    Status run() override;
    void reset() override;
    void clear_bindings() override;

    std::int64_t col_int(int i) const override;
    double col_double(int i) const override;
    std::string col_text(int i) const override;
    std::string col_blob(int i) const override;
    bool col_null(int i) const override;

private:
    void note(int rc);

    sqlite3* m_handle;
    sqlite3_stmt* m_stmt = nullptr;
    int m_bind_rc = 0;  // first bind error, reported by step()/run()
};

}  // namespace ducha::store
