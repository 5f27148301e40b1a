#pragma once
// PostgreSQL's store::StatementImpl: what a store::Statement made on a PgConnection runs
// (`store::Statement st{pg_connection, sql}`). SQLite-style numbered placeholders (?1 ?2 ...)
// become $1 $2 ...; step() walks the rows, run() runs to completion and resets, col_*() read the
// current row, with store::Statement's meaning.
//
// It runs through the extended protocol (PQexecParams: the values never enter the SQL text),
// text parameters typed by the server from their context, byte strings sent and received as
// binary bytea. Each SQL text is prepared once per session (a named server-side statement, kept by
// the session: pg_session.h), so the writer's hot statements are parsed and planned once. Results
// come back in binary and col_*() convert like SQLite does (a NULL reads as 0 or ""; col_text of a
// number is its decimal text).
//
// Differences from SQLite's statement, on purpose: a bad SQL string is reported by step()/run() as
// an error value (PostgreSQL parses it only then), and the whole result of one execution is read
// at the first step(). A statement must not outlive its connection; moving the connection is fine.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "server/pg/pg_connection.h"
#include "shared/common/result.h"
#include "shared/store/statement_impl.h"

namespace ducha::pg {

class PgStatement final : public store::StatementImpl {
public:
    PgStatement(const PgConnection& db, std::string_view sql);
    PgStatement(PgStatement&&) noexcept;
    PgStatement& operator=(PgStatement&&) = delete;
    PgStatement(const PgStatement&) = delete;
    ~PgStatement() override;

    void bind_int64(int i, std::int64_t v) override;
    void bind_double(int i, double v) override;
    void bind_text(int i, std::string_view text) override;
    void bind_blob(int i, std::string_view bytes) override;
    void bind_null(int i) override;

    // Advances one row: true = a row is ready, false = done (the next step() runs it again).
    Result<bool> step() override;
    // Runs to completion (for INSERT/UPDATE/DELETE) and resets for reuse.
    Status run() override;
    void reset() override;  // clears the cursor, keeps bindings
    void clear_bindings() override;

    std::int64_t col_int(int i) const override;
    double col_double(int i) const override;
    std::string col_text(int i) const override;
    std::string col_blob(int i) const override;
    bool col_null(int i) const override;

    // The SQL as PostgreSQL receives it ($1 $2 ...), and how many parameters it takes.
    const std::string& sql() const { return m_sql; }
    int parameter_count() const { return static_cast<int>(m_params.size()); }

    // ?N outside string literals, quoted identifiers, comments and dollar-quoted bodies becomes $N;
    // every other character is kept (a lone ? is left alone: it is a jsonb operator here). Sets
    // `count` to the highest N.
    static std::string rewrite_placeholders(std::string_view sql, int& count);

private:
    struct Param {
        bool null = true;
        bool binary = false;  // bytea
        std::string value;
    };
    Param* slot(int i);
    // Runs the statement with these parameters: prepared on first use in this session, then
    // executed by name. The caller owns the result (an error result says what went wrong).
    pg_result* execute(const std::vector<unsigned int>& types, const std::vector<const char*>& values,
                       const std::vector<int>& lengths, const std::vector<int>& formats);

    PgConnection::Session* m_session;
    std::string m_sql;
    std::vector<Param> m_params;
    std::string m_bind_error;  // first bad bind, reported by step()/run()
    pg_result* m_result = nullptr;
    int m_row = -1;  // the current row of m_result; -1 before the first step()
    bool m_done = false;
};

}  // namespace ducha::pg
