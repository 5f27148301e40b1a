#include "server/pg/pg_statement.h"

#include <arpa/inet.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdlib>
#include <cstring>

#include "server/pg/pg_session.h"

namespace ducha::pg {

namespace {

// Type OIDs of the built-in types a result column may have (fixed in PostgreSQL's catalogue).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700,
              kFloat8 = 701, kNumeric = 1700, kJsonb = 3802, kXid8 = 5069;

bool is_ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Where a literal, identifier, comment or dollar-quoted body that starts at `i` ends (one past it),
// or `i` when none starts there.
std::size_t skip_quoted(std::string_view s, std::size_t i) {
    const std::size_t n = s.size();
    char c = s[i];
    auto next = [&](std::size_t k) { return k + 1 < n ? s[k + 1] : '\0'; };
    if (c == '\'' || c == '"') {
        // E'...' takes backslash escapes; '' (and "") is the quote itself.
        bool escapes = c == '\'' && i > 0 && (s[i - 1] == 'E' || s[i - 1] == 'e') && (i < 2 || !is_ident_char(s[i - 2]));
        std::size_t j = i + 1;
        while (j < n) {
            if (escapes && s[j] == '\\') { j += 2; continue; }
            if (s[j] == c) {
                if (next(j) == c) { j += 2; continue; }
                return j + 1;
            }
            ++j;
        }
        return n;
    }
    if (c == '-' && next(i) == '-') {
        std::size_t j = s.find('\n', i);
        return j == std::string_view::npos ? n : j + 1;
    }
    if (c == '/' && next(i) == '*') {  // block comments nest in PostgreSQL
        int depth = 0;
        std::size_t j = i;
        while (j < n) {
            if (s[j] == '/' && next(j) == '*') { ++depth; j += 2; continue; }
            if (s[j] == '*' && next(j) == '/') {
                j += 2;
                if (--depth == 0) return j;
                continue;
            }
            ++j;
        }
        return n;
    }
    if (c == '$' && (i == 0 || !is_ident_char(s[i - 1]))) {  // $tag$ ... $tag$ (a function body)
        std::size_t j = i + 1;
        if (j < n && is_digit(s[j])) return i;  // $1: a parameter, not a tag
        while (j < n && is_ident_char(s[j])) ++j;
        if (j >= n || s[j] != '$') return i;
        std::string_view tag = s.substr(i, j - i + 1);
        std::size_t end = s.find(tag, j + 1);
        return end == std::string_view::npos ? n : end + tag.size();
    }
    return i;
}

template <typename T>
T read_be(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    if constexpr (std::endian::native == std::endian::little) v = std::byteswap(v);
    return v;
}

// PostgreSQL's binary numeric: ndigits, weight, sign, dscale, then base-10000 digits.
std::string numeric_text(const char* p, int len) {
    if (len < 8) return "0";
    int ndigits = read_be<std::int16_t>(p);
    int weight = read_be<std::int16_t>(p + 2);
    std::uint16_t sign = read_be<std::uint16_t>(p + 4);
    int dscale = read_be<std::int16_t>(p + 6);
    if (sign == 0xC000) return "NaN";
    if (sign == 0xD000) return "Infinity";
    if (sign == 0xF000) return "-Infinity";
    auto digit = [&](int k) -> int {
        return (k >= 0 && k < ndigits && 8 + 2 * k + 2 <= len) ? read_be<std::int16_t>(p + 8 + 2 * k) : 0;
    };
    auto four = [](int d) {
        std::string s = std::to_string(d);
        return std::string(4 - s.size(), '0') + s;
    };
    std::string out = sign == 0x4000 ? "-" : "";
    if (weight < 0) {
        out += "0";
    } else {
        for (int k = 0; k <= weight; ++k) out += k == 0 ? std::to_string(digit(k)) : four(digit(k));
    }
    if (dscale > 0) {
        std::string frac;
        for (int k = weight + 1; static_cast<int>(frac.size()) < dscale; ++k) frac += four(digit(k));
        out += "." + frac.substr(0, static_cast<std::size_t>(dscale));
    }
    return out;
}

std::string what_of(const std::string& sql) {
    constexpr std::size_t kMax = 160;
    return sql.size() <= kMax ? sql : sql.substr(0, kMax) + "...";
}

bool changes_rows(const char* command_status) {
    std::string_view s = command_status ? command_status : "";
    return s.starts_with("INSERT") || s.starts_with("UPDATE") || s.starts_with("DELETE") || s.starts_with("MERGE");
}

}  // namespace

std::string PgStatement::rewrite_placeholders(std::string_view sql, int& count) {
    std::string out;
    out.reserve(sql.size() + 8);
    count = 0;
    std::size_t i = 0;
    while (i < sql.size()) {
        std::size_t end = skip_quoted(sql, i);
        if (end != i) {
            out.append(sql.substr(i, end - i));
            i = end;
            continue;
        }
        char c = sql[i];
        bool numbered = (c == '?' || (c == '$' && (i == 0 || !is_ident_char(sql[i - 1])))) && i + 1 < sql.size() &&
                        is_digit(sql[i + 1]);
        if (numbered) {
            std::size_t j = i + 1;
            while (j < sql.size() && is_digit(sql[j])) ++j;
            int n = 0;
            std::from_chars(sql.data() + i + 1, sql.data() + j, n);
            count = std::max(count, n);
            out += '$';
            out.append(sql.substr(i + 1, j - i - 1));
            i = j;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

PgStatement::PgStatement(const PgConnection& db, std::string_view sql) : m_session(db.m_session.get()) {
    int count = 0;
    m_sql = rewrite_placeholders(sql, count);
    m_params.resize(static_cast<std::size_t>(count));
}

PgStatement::PgStatement(PgStatement&& o) noexcept
    : m_session(o.m_session), m_sql(std::move(o.m_sql)), m_params(std::move(o.m_params)),
      m_bind_error(std::move(o.m_bind_error)), m_result(o.m_result), m_row(o.m_row), m_done(o.m_done) {
    o.m_result = nullptr;
}

PgStatement::~PgStatement() { PQclear(m_result); }

PgStatement::Param* PgStatement::slot(int i) {
    if (i < 1 || i > static_cast<int>(m_params.size())) {
        if (m_bind_error.empty())
            m_bind_error = "parameter ?" + std::to_string(i) + " is not in the statement (it takes " +
                           std::to_string(m_params.size()) + ")";
        return nullptr;
    }
    return &m_params[static_cast<std::size_t>(i - 1)];
}

void PgStatement::bind_int64(int i, std::int64_t v) {
    if (auto* p = slot(i)) *p = Param{false, false, std::to_string(v)};
}

void PgStatement::bind_double(int i, double v) {
    if (auto* p = slot(i)) {
        char buf[64];
        auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest text that reads back the same
        *p = Param{false, false, std::string(buf, r.ptr)};
    }
}

void PgStatement::bind_text(int i, std::string_view text) {
    if (auto* p = slot(i)) *p = Param{false, false, std::string(text)};
}

void PgStatement::bind_blob(int i, std::string_view bytes) {
    if (auto* p = slot(i)) *p = Param{false, true, std::string(bytes)};
}

void PgStatement::bind_null(int i) {
    if (auto* p = slot(i)) *p = Param{};
}

pg_result* PgStatement::execute(const std::vector<Oid>& types, const std::vector<const char*>& values,
                                 const std::vector<int>& lengths, const std::vector<int>& formats) {
    const int n = static_cast<int>(types.size());
    PGconn* conn = m_session->conn;
    std::string key = m_sql;
    key.push_back('\0');
    for (Oid t : types) key += t == kBytea ? 'b' : '-';
    auto& prepared = m_session->prepared;
    auto it = prepared.find(key);
    if (it == prepared.end()) {
        if (prepared.size() >= PgConnection::Session::kMaxPrepared)
            return PQexecParams(conn, m_sql.c_str(), n, types.data(), values.data(), lengths.data(), formats.data(), 1);
        std::string name = "s" + std::to_string(prepared.size() + 1);
        PGresult* made = PQprepare(conn, name.c_str(), m_sql.c_str(), n, types.data());
        if (!made || PQresultStatus(made) != PGRES_COMMAND_OK) return made;  // its error is the statement's
        PQclear(made);
        it = prepared.emplace(std::move(key), std::move(name)).first;
    }
    return PQexecPrepared(conn, it->second.c_str(), n, values.data(), lengths.data(), formats.data(), 1);
}

Result<bool> PgStatement::step() {
    if (!m_bind_error.empty()) {
        std::string e = std::move(m_bind_error);
        m_bind_error.clear();
        return fail(Errc::storage, Msg::database_error, "bind: " + e);
    }
    if (!m_session) return fail(Errc::storage, Msg::database_error, "step on a closed connection");
    if (m_done) reset();  // like SQLite: a step after the end runs the statement again
    if (!m_result) {
        const std::size_t n = m_params.size();
        std::vector<Oid> types(n, 0);  // 0: the server infers the type from the context
        std::vector<const char*> values(n, nullptr);
        std::vector<int> lengths(n, 0), formats(n, 0);
        for (std::size_t k = 0; k < n; ++k) {
            const Param& p = m_params[k];
            if (p.null) continue;
            values[k] = p.value.data();
            lengths[k] = static_cast<int>(p.value.size());
            if (p.binary) {
                types[k] = kBytea;
                formats[k] = 1;
            }
        }
        PGresult* res = execute(types, values, lengths, formats);
        ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
        if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
            Error e = PgConnection::error_of(m_session->conn, res, what_of(m_sql));
            PQclear(res);
            return fail(std::move(e));
        }
        if (changes_rows(PQcmdStatus(res))) m_session->changes = std::atoi(PQcmdTuples(res));
        m_result = res;
        m_row = -1;
    }
    if (++m_row < PQntuples(m_result)) return true;
    m_done = true;
    return false;
}

Status PgStatement::run() {
    auto r = step();
    while (r && *r) r = step();
    reset();
    if (!r) return fail(r.error());
    return {};
}

void PgStatement::reset() {
    PQclear(m_result);
    m_result = nullptr;
    m_row = -1;
    m_done = false;
}

void PgStatement::clear_bindings() {
    for (auto& p : m_params) p = Param{};
    m_bind_error.clear();
}

bool PgStatement::col_null(int i) const {
    return !m_result || m_row < 0 || m_row >= PQntuples(m_result) || i < 0 || i >= PQnfields(m_result) ||
           PQgetisnull(m_result, m_row, i);
}

std::int64_t PgStatement::col_int(int i) const {
    if (col_null(i)) return 0;
    const char* p = PQgetvalue(m_result, m_row, i);
    int len = PQgetlength(m_result, m_row, i);
    switch (PQftype(m_result, i)) {
        case kBool: return len >= 1 && p[0] != 0 ? 1 : 0;
        case kInt2: return read_be<std::int16_t>(p);
        case kInt4: return read_be<std::int32_t>(p);
        case kOid: return read_be<std::uint32_t>(p);
        case kInt8:
        case kXid8: return read_be<std::int64_t>(p);
        case kFloat4:
        case kFloat8: return static_cast<std::int64_t>(col_double(i));
        default: return std::strtoll(col_text(i).c_str(), nullptr, 10);  // text, numeric: SQLite's reading
    }
}

double PgStatement::col_double(int i) const {
    if (col_null(i)) return 0.0;
    const char* p = PQgetvalue(m_result, m_row, i);
    switch (PQftype(m_result, i)) {
        case kFloat4: return std::bit_cast<float>(read_be<std::uint32_t>(p));
        case kFloat8: return std::bit_cast<double>(read_be<std::uint64_t>(p));
        case kBool:
        case kInt2:
        case kInt4:
        case kOid:
        case kInt8:
        case kXid8: return static_cast<double>(col_int(i));
        default: return std::strtod(col_text(i).c_str(), nullptr);
    }
}

std::string PgStatement::col_text(int i) const {
    if (col_null(i)) return {};
    const char* p = PQgetvalue(m_result, m_row, i);
    auto len = static_cast<std::size_t>(PQgetlength(m_result, m_row, i));
    switch (PQftype(m_result, i)) {
        case kBool:
        case kInt2:
        case kInt4:
        case kOid:
        case kInt8:
        case kXid8: return std::to_string(col_int(i));
        case kFloat4:
        case kFloat8: {
            char buf[64];
            auto r = std::to_chars(buf, buf + sizeof buf, col_double(i));
            return std::string(buf, r.ptr);
        }
        case kNumeric: return numeric_text(p, static_cast<int>(len));
        case kJsonb: return len > 0 ? std::string(p + 1, len - 1) : std::string{};  // a version byte, then text
        default: return std::string(p, len);  // text, varchar, name, bytea: the bytes themselves
    }
}

std::string PgStatement::col_blob(int i) const {
    if (col_null(i)) return {};
    if (PQftype(m_result, i) == kBytea)
        return std::string(PQgetvalue(m_result, m_row, i), static_cast<std::size_t>(PQgetlength(m_result, m_row, i)));
    return col_text(i);
}

}  // namespace ducha::pg
