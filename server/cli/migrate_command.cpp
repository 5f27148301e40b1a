#include "server/cli/migrate_command.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <set>

#include "server/pg/pg_connection.h"
#include "server/pg/pg_migrations.h"
#include "server/service/blob_store.h"
#include "server/service/server_app.h"
#include "server/storage/data_dir_lock.h"
#include "server/storage/feed_sequencer.h"
#include "server/storage/pg_server_schema.h"
#include "server/storage/record_table.h"
#include "shared/cli/cli_args.h"
#include "shared/common/bytes.h"
#include "shared/common/message_catalogue.h"
#include "shared/crypto/sha256.h"
#include "shared/store/statement.h"
#include "shared/store/transaction.h"

namespace ducha::server {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSetAsideSuffix = ".migrated-to-postgresql";
// PostgreSQL tables the copy does not fill from a SQLite twin: pg_migrations' own version, and the
// feed sequencer, which the copy moves to the highest seq instead.
const std::set<std::string> kPostgresqlOnly{"schema_version", "feed_sequencer"};
// Tables the PostgreSQL schema fills when it is created (the generation and its restore point):
// their rows are replaced by SQLite's, so devices see the same server generation as before.
const std::set<std::string> kSeededBySchema{"meta"};

struct Request {
    fs::path data;
    std::string url;
};

Result<Request> read_request(const std::vector<std::string>& words) {
    const cli::Args a{words};
    auto from = a.get("--from");
    auto to = a.get("--to");
    if (!from || !to) return fail(Errc::invalid_argument, Msg::command_needs_argument, "migrate", "--from DIR --to postgresql://...");
    if (!is_postgresql_url(*to)) return fail(Errc::invalid_argument, Msg::database_url_not_postgresql, *to);
    return Request{*from, *to};
}

std::string sql_identifier(std::string_view identifier) {
    std::string q = "\"";
    for (char c : identifier) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

struct Column {
    std::string name;
    std::string pg_type;  // information_schema's data_type: bigint, integer, text, bytea, ...
    bool identity = false;
};

struct Table {
    std::string name;
    std::vector<Column> columns;  // SQLite's columns, in SQLite's order, with their PostgreSQL types
};

// One value as either side holds it. SQLite may keep text in a BLOB column (and PostgreSQL's meta
// is TEXT where SQLite's is BLOB), so text and bytes are one kind: the bytes are what counts.
struct Value {
    enum class Kind { null, integer, real, bytes } kind = Kind::null;
    std::int64_t integer = 0;
    double real = 0;
    std::string bytes;
};
using Row = std::vector<Value>;

// A value written so that different values never read the same: a kind letter, then the value.
void append_canonical(std::string& out, const Value& v) {
    switch (v.kind) {
        case Value::Kind::null: out += 'N'; break;
        case Value::Kind::integer: out += 'I' + std::to_string(v.integer) + ';'; break;
        case Value::Kind::real: {
            char buf[64];
            auto r = std::to_chars(buf, buf + sizeof buf, v.real);
            out += 'R';
            out.append(buf, r.ptr);
            out += ';';
            break;
        }
        case Value::Kind::bytes: out += 'S' + std::to_string(v.bytes.size()) + ':' + v.bytes; break;
    }
}

// A table's content hash: SHA-256 over its rows' own SHA-256 in sorted order. Sorting the row
// hashes, not the rows in SQL, keeps the two sides comparable whatever their collations, NULL
// ordering or the lack of a primary key (field_history) would do to an ORDER BY.
class TableDigest {
public:
    void add(const Row& row) {
        std::string canonical;
        for (const auto& v : row) append_canonical(canonical, v);
        m_row_hashes.push_back(crypto::sha256(canonical));
    }
    std::int64_t rows() const { return static_cast<std::int64_t>(m_row_hashes.size()); }
    std::string finish() {
        std::sort(m_row_hashes.begin(), m_row_hashes.end());
        crypto::Sha256 h;
        for (const auto& r : m_row_hashes) h.update(r);
        return hex_encode(h.finish());
    }

private:
    std::vector<std::string> m_row_hashes;
};

Result<std::vector<std::string>> text_column(store::Connection& db, std::string_view sql, const std::string& arg = {}) {
    store::Statement st{db, sql};
    if (!arg.empty()) st.bind(1, arg);
    std::vector<std::string> out;
    for (;;) {
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row) break;
        out.push_back(st.col_text(0));
    }
    return out;
}

// The tables to copy: every table of the SQLite schema, each with its PostgreSQL twin's column
// types. A SQLite table or column PostgreSQL lacks stops the migration before anything is copied.
Result<std::vector<Table>> plan_tables(store::Connection& sqlite, pg::PgConnection& pg) {
    auto names = text_column(sqlite,
                             "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                             "ORDER BY name");
    if (!names) return fail(names.error());
    std::vector<Table> tables;
    for (const auto& name : *names) {
        store::Statement pg_cols{pg,
                                 "SELECT column_name::text, data_type::text, is_identity::text FROM information_schema.columns "
                                 "WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position"};
        pg_cols.bind(1, name);
        std::map<std::string, Column> twin;
        for (;;) {
            auto row = pg_cols.step();
            if (!row) return fail(row.error());
            if (!*row) break;
            twin[pg_cols.col_text(0)] = Column{pg_cols.col_text(0), pg_cols.col_text(1), pg_cols.col_text(2) == "YES"};
        }
        if (twin.empty() || kPostgresqlOnly.contains(name))
            return fail(Errc::invalid_argument, Msg::migrate_table_missing_in_postgresql, name);
        auto sqlite_cols = text_column(sqlite, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", name);
        if (!sqlite_cols) return fail(sqlite_cols.error());
        Table t{name, {}};
        for (const auto& c : *sqlite_cols) {
            auto it = twin.find(c);
            if (it == twin.end()) return fail(Errc::invalid_argument, Msg::migrate_column_missing_in_postgresql, name, c);
            t.columns.push_back(it->second);
        }
        tables.push_back(std::move(t));
    }
    return tables;
}

using RowSink = std::function<Status(const Row&)>;

// Every row of `t` in SQLite, each value read as the type SQLite stored it with.
Status each_sqlite_row(store::Connection& db, const Table& t, const RowSink& sink) {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        sql += (i ? ", typeof(" : "typeof(") + sql_identifier(t.columns[i].name) + "), " + sql_identifier(t.columns[i].name);
    sql += " FROM " + sql_identifier(t.name);
    store::Statement st{db, sql};
    Row row(t.columns.size());
    for (;;) {
        auto more = st.step();
        if (!more) return fail(more.error());
        if (!*more) return {};
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            const int at = static_cast<int>(2 * i + 1);
            const std::string type = st.col_text(at - 1);
            Value& v = row[i];
            v = Value{};
            if (type == "integer") {
                v.kind = Value::Kind::integer;
                v.integer = st.col_int(at);
            } else if (type == "real") {
                v.kind = Value::Kind::real;
                v.real = st.col_double(at);
            } else if (type == "text" || type == "blob") {
                v.kind = Value::Kind::bytes;
                v.bytes = st.col_blob(at);
            }
        }
        if (auto s = sink(row); !s) return s;
    }
}

// Every row of `t` in PostgreSQL, each value read as its column's type.
Status each_pg_row(store::Connection& db, const Table& t, const RowSink& sink) {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < t.columns.size(); ++i) sql += (i ? ", " : "") + sql_identifier(t.columns[i].name);
    sql += " FROM " + sql_identifier(t.name);
    store::Statement st{db, sql};
    Row row(t.columns.size());
    for (;;) {
        auto more = st.step();
        if (!more) return fail(more.error());
        if (!*more) return {};
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            const int at = static_cast<int>(i);
            const std::string& type = t.columns[i].pg_type;
            Value& v = row[i];
            v = Value{};
            if (st.col_null(at)) continue;
            if (type == "bigint" || type == "integer" || type == "smallint") {
                v.kind = Value::Kind::integer;
                v.integer = st.col_int(at);
            } else if (type == "double precision" || type == "real") {
                v.kind = Value::Kind::real;
                v.real = st.col_double(at);
            } else {
                v.kind = Value::Kind::bytes;
                v.bytes = st.col_blob(at);
            }
        }
        if (auto s = sink(row); !s) return s;
    }
}

// Rows go to PostgreSQL many to a statement: one round trip per row would make a large
// deployment's move take hours.
class BatchInsert {
public:
    BatchInsert(store::Connection& db, const Table& t) : m_db(db), m_table(t) {
        const std::size_t per_row = std::max<std::size_t>(1, t.columns.size());
        m_batch = std::clamp<std::size_t>(30000 / per_row, 1, 500);  // PostgreSQL takes at most 65535 parameters
    }
    Status add(const Row& row) {
        m_rows.push_back(row);
        ++m_copied;
        return m_rows.size() >= m_batch ? flush() : Status{};
    }
    Status flush() {
        if (m_rows.empty()) return {};
        store::Statement st{m_db, sql(m_rows.size())};
        int p = 1;
        for (const auto& row : m_rows)
            for (std::size_t i = 0; i < row.size(); ++i, ++p) bind(st, p, row[i], m_table.columns[i]);
        m_rows.clear();
        return st.run();
    }
    std::int64_t copied() const { return m_copied; }

private:
    std::string sql(std::size_t rows) const {
        std::string s = "INSERT INTO " + sql_identifier(m_table.name) + "(";
        for (std::size_t i = 0; i < m_table.columns.size(); ++i) s += (i ? ", " : "") + sql_identifier(m_table.columns[i].name);
        s += ") VALUES ";
        int p = 1;
        for (std::size_t r = 0; r < rows; ++r) {
            s += r ? ", (" : "(";
            for (std::size_t i = 0; i < m_table.columns.size(); ++i) s += (i ? ", ?" : "?") + std::to_string(p++);
            s += ")";
        }
        return s;
    }
    static void bind(store::Statement& st, int p, const Value& v, const Column& c) {
        switch (v.kind) {
            case Value::Kind::null: st.bind_null(p); break;
            case Value::Kind::integer: st.bind(p, v.integer); break;
            case Value::Kind::real: st.bind(p, v.real); break;
            case Value::Kind::bytes:
                // bytea travels as bytes; a TEXT column gets them as text (PostgreSQL refuses bytes
                // that are not UTF-8, which then stops the migration).
                if (c.pg_type == "bytea")
                    st.bind_blob(p, v.bytes);
                else
                    st.bind(p, std::string_view{v.bytes});
                break;
        }
    }

    store::Connection& m_db;
    const Table& m_table;
    std::size_t m_batch = 1;
    std::vector<Row> m_rows;
    std::int64_t m_copied = 0;
};

Result<std::int64_t> count_rows(store::Connection& db, const std::string& table) {
    store::Statement st{db, "SELECT COUNT(*) FROM " + sql_identifier(table)};
    auto row = st.step();
    if (!row) return fail(row.error());
    return *row ? st.col_int(0) : 0;
}

// The target holds nothing of a deployment: no records (init's check) and no rows in any table to
// copy, apart from what the schema itself put there.
Status require_unused(pg::PgConnection& pg, const std::vector<Table>& tables) {
    const Error used{Errc::already_exists, Msg::postgresql_database_already_used, {pg.database_name()}};
    auto seq = RecordTable{pg}.max_seq();
    if (!seq) return fail(seq.error());
    if (*seq > 0) return fail(used);
    for (const auto& t : tables) {
        auto n = count_rows(pg, t.name);
        if (!n) return fail(n.error());
        if (*n == 0) continue;
        if (!kSeededBySchema.contains(t.name)) return fail(used);
        if (auto r = pg.exec("DELETE FROM " + sql_identifier(t.name)); !r) return r;
    }
    return {};
}

// After rows with explicit ids, an identity column's sequence would hand out those ids again.
Status move_identity_sequences(pg::PgConnection& pg, const std::vector<Table>& tables) {
    for (const auto& t : tables)
        for (const auto& c : t.columns) {
            if (!c.identity) continue;
            store::Statement st{pg, "SELECT setval(pg_get_serial_sequence(?1, ?2), (SELECT COALESCE(MAX(" + sql_identifier(c.name) +
                                        "), 0) + 1 FROM " + sql_identifier(t.name) + "), false)"};
            st.bind(1, sql_identifier(t.name)).bind(2, c.name);
            if (auto r = st.step(); !r) return fail(r.error());
        }
    return {};
}

struct Compared {
    std::string table;
    std::int64_t rows = 0;
    std::string sha256;
};

// Each table's rows and hash on both sides; the first difference is the error.
Result<std::vector<Compared>> compare_tables(store::Connection& sqlite, pg::PgConnection& pg, const std::vector<Table>& tables) {
    std::vector<Compared> out;
    for (const auto& t : tables) {
        TableDigest here, there;
        if (auto s = each_sqlite_row(sqlite, t, [&](const Row& r) { here.add(r); return Status{}; }); !s) return fail(s.error());
        if (auto s = each_pg_row(pg, t, [&](const Row& r) { there.add(r); return Status{}; }); !s) return fail(s.error());
        const auto rows = here.rows(), pg_rows = there.rows();
        const auto hash = here.finish(), pg_hash = there.finish();
        if (rows != pg_rows || hash != pg_hash)
            return fail(Errc::integrity, Msg::migrate_verification_failed, t.name, std::to_string(rows), hash,
                        std::to_string(pg_rows), pg_hash);
        out.push_back({t.name, rows, hash});
    }
    return out;
}

// Copies and compares everything in one transaction: all of it committed, or none.
Result<std::vector<Compared>> copy_all(store::Connection& sqlite, pg::PgConnection& pg, const std::vector<Table>& tables) {
    store::Transaction tx{pg};  // also holds the feed sequencer's row: no writer of this database meanwhile
    if (!tx.begun()) return fail(tx.begun().error());
    if (auto s = require_unused(pg, tables); !s) return fail(s.error());
    for (const auto& t : tables) {
        BatchInsert insert{pg, t};
        if (auto s = each_sqlite_row(sqlite, t, [&](const Row& r) { return insert.add(r); }); !s) return fail(s.error());
        if (auto s = insert.flush(); !s) return fail(s.error());
    }
    if (auto s = move_identity_sequences(pg, tables); !s) return fail(s.error());
    // The change feed continues after the last copied seq, without a gap (docs/SYNC.md).
    auto seq = RecordTable{pg}.max_seq();
    if (!seq) return fail(seq.error());
    if (auto s = FeedSequencer{pg}.advance_to(*seq); !s) return fail(s.error());
    auto compared = compare_tables(sqlite, pg, tables);
    if (!compared) return compared;
    if (auto s = tx.commit(); !s) return fail(s.error());
    return compared;
}

struct EvidenceCheck {
    std::int64_t referenced = 0, missing = 0, damaged = 0;
};

// Every evidence file a record references, looked for in DIR/blobs and hashed.
Result<EvidenceCheck> check_evidence(store::Connection& sqlite, const fs::path& data_dir) {
    auto hashes = text_column(sqlite, "SELECT DISTINCT sha256 FROM blob_ref ORDER BY sha256");
    if (!hashes) return fail(hashes.error());
    EvidenceCheck c;
    for (const auto& hex : *hashes) {
        ++c.referenced;
        if (!BlobStore::valid_name(hex)) {
            ++c.damaged;
            continue;
        }
        const fs::path file = data_dir / "blobs" / hex.substr(0, 2) / hex;
        std::error_code ec;
        if (!fs::exists(file, ec)) {
            ++c.missing;
            continue;
        }
        auto sum = crypto::sha256_file(file);
        if (!sum || hex_encode(*sum) != hex) ++c.damaged;
    }
    return c;
}

void print_table(std::ostream& out, const std::vector<Compared>& compared) {
    std::size_t width = 5;
    for (const auto& c : compared) width = std::max(width, c.table.size());
    auto pad = [](std::string s, std::size_t w, bool right) {
        const std::string fill(w > s.size() ? w - s.size() : 0, ' ');
        return right ? fill + s : s + fill;
    };
    out << pad("table", width, false) << "  " << pad("rows", 10, true) << "  sha256 (same on both sides)\n";
    std::int64_t total = 0;
    for (const auto& c : compared) {
        out << pad(c.table, width, false) << "  " << pad(std::to_string(c.rows), 10, true) << "  " << c.sha256 << "\n";
        total += c.rows;
    }
    out << "copied and verified " << compared.size() << " tables, " << total << " rows\n";
}

// The SQLite file and its WAL companions, renamed so nothing serves them by mistake and nothing is lost.
Status set_aside_sqlite(const fs::path& db, const fs::path& kept) {
    for (const std::string suffix : {"", "-wal", "-shm"}) {
        const fs::path from = db.string() + suffix;
        std::error_code ec;
        if (!fs::exists(from, ec)) continue;
        fs::rename(from, kept.string() + suffix, ec);
        if (ec) return fail(Errc::storage, Msg::verbatim, "rename " + from.string() + ": " + ec.message());
    }
    return {};
}

int failed(std::ostream& err, const Error& e) {
    err << "ducha-server migrate: " << e.message() << "\n";
    return 1;
}

}  // namespace

Result<int> run_migrate(const std::vector<std::string>& words, std::ostream& out, std::ostream& err) {
    auto q = read_request(words);
    if (!q) return fail(q.error());
    const fs::path db_file = sqlite_database_path(q->data);
    const fs::path kept = db_file.string() + std::string(kSetAsideSuffix);
    if (records_in_postgresql(q->data)) return failed(err, Error{Errc::invalid_argument, Msg::migrate_already_in_postgresql, {q->data.string()}});
    std::error_code ec;
    if (!fs::exists(db_file, ec))
        return failed(err, Error{Errc::not_found, Msg::migrate_no_sqlite_database, {q->data.string(), db_file.string()}});
    if (fs::exists(kept, ec)) return failed(err, Error{Errc::already_exists, Msg::migrate_set_aside_exists, {kept.string()}});
    // Held to the end: no server starts on DIR meanwhile, and a running one makes this refuse.
    auto lock = DataDirLock::acquire(q->data);
    if (!lock) return failed(err, lock.error());

    std::string target;
    {
        auto sqlite = open_server_db(q->data);
        if (!sqlite) return failed(err, sqlite.error());
        auto pg = pg::PgConnection::open(q->url);
        if (!pg) return failed(err, pg.error());
        target = pg->database_name();
        if (auto r = pg::apply_pg_migrations(*pg, pg_server_migrations()); !r) return failed(err, r.error());
        auto tables = plan_tables(*sqlite, *pg);
        if (!tables) return failed(err, tables.error());
        if (auto s = require_unused(*pg, {}); !s) return failed(err, s.error());  // before any copying
        out << "copying " << db_file.string() << " to " << target << "\n";
        auto compared = copy_all(*sqlite, *pg, *tables);
        if (!compared) return failed(err, compared.error());
        print_table(out, *compared);
        auto evidence = check_evidence(*sqlite, q->data);
        if (!evidence) return failed(err, evidence.error());
        if (evidence->missing > 0 || evidence->damaged > 0)
            err << "ducha-server migrate: "
                << render_bilingual(Msg::migrate_evidence_files_not_intact,
                                    {std::to_string(evidence->referenced), std::to_string(evidence->missing),
                                     (q->data / "blobs").string(), std::to_string(evidence->damaged)})
                << "\n";
        else
            out << "evidence files: " << evidence->referenced << " referenced, all present with their SHA-256\n";
    }  // SQLite closes here (its WAL folded back into the file) before the file moves

    auto marked = mark_records_in_postgresql(q->data);
    if (marked) marked = set_aside_sqlite(db_file, kept);
    if (!marked)
        return failed(err, Error{Errc::storage, Msg::migrate_not_marked, {q->data.string(), marked.error().message()}});
    out << render_bilingual(Msg::migrate_done, {target, kept.string()}) << "\n"
        << "  ducha-server serve --data '" << q->data.string() << "' --database '" << q->url << "'\n";
    return 0;
}

}  // namespace ducha::server
