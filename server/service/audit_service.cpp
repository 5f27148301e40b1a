#include "server/service/audit_service.h"

#include <charconv>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "server/policy/policy.h"
#include "shared/common/query_string.h"
#include "shared/common/shanghai_time.h"
#include "shared/common/wire_error.h"

namespace ducha::server {

using nlohmann::json;

namespace {

constexpr int kMaxLimit = 1000;
constexpr std::size_t kMaxValue = 200;


std::optional<std::int64_t> whole_number(std::string_view v, std::size_t max_digits) {
    if (v.empty() || v.size() > max_digits) return std::nullopt;
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc{} || end != v.data() + v.size() || n < 0) return std::nullopt;
    return n;
}

// A time bound: unix milliseconds, or a Shanghai day (its start; `end_of_day` its end).
std::optional<std::int64_t> time_bound(std::string_view v, bool end_of_day) {
    if (auto ms = whole_number(v, 15)) return *ms + (end_of_day ? 1 : 0);
    auto day = parse_shanghai_date(v);
    if (!day) return std::nullopt;
    return (*day + (end_of_day ? kSecondsPerDay : 0)) * 1000;
}

// The filters a read asked for, as the reason of its audit entry.
std::string describe(const AuditQuery& q) {
    std::string out;
    auto add = [&out](std::string_view k, const std::string& v) {
        if (v.empty()) return;
        if (!out.empty()) out += ' ';
        out += std::string(k) + '=' + v;
    };
    add("actor", q.actor);
    add("action", q.action);
    add("collection", q.collection);
    add("record", q.record_id);
    add("outcome", q.outcome);
    add("since", q.since_ms ? std::to_string(q.since_ms) : "");
    add("until", q.until_ms ? std::to_string(q.until_ms) : "");
    add("after", q.newest_first ? "" : std::to_string(q.after_id));
    add("limit", std::to_string(q.limit));
    return out;
}

}  // namespace

AuditEntry audit_entry(const Caller& c, std::string action, std::string_view outcome) {
    AuditEntry e;
    e.actor = c.user_id;
    e.device = c.device_id;
    e.role = c.user.role();
    e.district = c.user.district_id();
    e.action = std::move(action);
    e.outcome = std::string(outcome);
    return e;
}

void submit_audit(ServerContext& ctx, AuditEntry e, std::function<void(Status)> done) {
    ctx.writer->submit(
        [e = std::move(e)](WriteBatch& b) mutable -> Status {
            if (e.at_ms == 0) e.at_ms = b.server_time_ms;
            return append_audit(b.db, e);
        },
        [done = std::move(done)](Status s) {
            if (done) done(std::move(s));
        });
}

Result<AuditQuery> AuditService::parse_query(std::string_view raw) {
    AuditQuery q;
    bool until_given = false;
    auto params = parse_query_string(raw);
    if (!params) return fail(params.error());
    for (const auto& [k, v] : *params) {
        if (v.size() > kMaxValue) return fail(Errc::invalid_argument, Msg::value_too_long, k);
        if (k == "actor") {
            q.actor = v;
        } else if (k == "action") {
            q.action = v;
        } else if (k == "collection") {
            q.collection = v;
        } else if (k == "record") {
            q.record_id = v;
        } else if (k == "outcome") {
            if (!v.empty() && v != kAccepted && v != kRefused && v != kConflict)
                return fail(Errc::invalid_argument, Msg::outcome_must_accepted_refused_or, quoted_value(v));
            q.outcome = v;
        } else if (k == "since" || k == "until") {
            if (v.empty()) continue;
            auto t = time_bound(v, k == "until");
            if (!t)
                return fail(Errc::invalid_argument, Msg::must_unix_milliseconds_or_date, k, quoted_value(v));
            (k == "since" ? q.since_ms : q.until_ms) = *t;
            if (k == "until") until_given = true;
        } else if (k == "after") {
            auto n = whole_number(v, 18);
            if (!n) return fail(Errc::invalid_argument, Msg::after_must_whole_number_0, quoted_value(v));
            q.after_id = *n;
            q.newest_first = false;
        } else if (k == "limit") {
            auto n = whole_number(v, 12);
            if (!n || *n < 1) return fail(Errc::invalid_argument, Msg::limit_must_whole_number_1, quoted_value(v));
            q.limit = static_cast<int>(std::min<std::int64_t>(*n, kMaxLimit));
        } else {
            // A misspelt filter must not widen the answer to everything.
            return fail(Errc::invalid_argument, Msg::unknown_query_parameter_use_actor, quoted_value(k));
        }
    }
    if (until_given && q.until_ms <= q.since_ms)
        return fail(Errc::invalid_argument, Msg::since_after_until);
    return q;
}

void AuditService::read(Caller c, AuditQuery q, std::function<void(Result<AuditPage>)> done) {
    m_ctx.workers->post([this, c = std::move(c), q = std::move(q), done = std::move(done)]() mutable {
        AuditEntry me = audit_entry(c, "audit.read", kAccepted);
        me.reason = describe(q);
        auto refuse = [this, &me, &done](Msg words) {
            Error e{Errc::forbidden, words};
            me.outcome = std::string(kRefused);
            me.code = std::string(wire::name_of(Errc::forbidden));
            me.reason = e.message();
            submit_audit(m_ctx, std::move(me), [done, e](Status) { done(fail(e)); });
        };
        const auto role = parse_role(c.user.role());
        if (role != Role::admin && role != Role::supervisor)
            return refuse(Msg::only_admins_and_supervisors_may);
        if (role == Role::supervisor) {
            if (!q.outcome.empty() && q.outcome != kRefused && q.outcome != kConflict)
                return refuse(Msg::supervisors_may_read_refused_and);
            q.outcome_in = {std::string(kRefused), std::string(kConflict)};
            q.district = c.user.district_id();  // empty for city-wide supervisors: every district
        }
        auto page = std::make_shared<AuditPage>();
        {
            auto lease = m_ctx.readers->acquire();
            if (!lease) return done(fail(lease.error()));
            auto rows = query_audit(lease->db(), q);
            if (!rows) return done(fail(rows.error()));
            page->entries = std::move(*rows);
        }
        page->next_after = q.newest_first ? 0 : q.after_id;
        for (const auto& e : page->entries) page->next_after = std::max(page->next_after, e.id);
        // The answer leaves only once the read is on record.
        submit_audit(m_ctx, std::move(me), [page, done](Status s) {
            if (!s) return done(fail(s.error()));
            done(std::move(*page));
        });
    });
}

HttpResponse AuditService::json_response(const AuditPage& page) {
    json entries = json::array();
    for (const auto& e : page.entries)
        entries.push_back({{"id", e.id},
                           {"at", e.at_ms},
                           {"actor", e.actor},
                           {"device", e.device},
                           {"role", e.role},
                           {"district", e.district},
                           {"action", e.action},
                           {"collection", e.collection},
                           {"record_id", e.record_id},
                           {"outcome", e.outcome},
                           {"code", e.code},
                           {"reason", e.reason}});
    HttpResponse r;
    r.content_type = "application/json; charset=utf-8";
    r.headers.emplace_back("Cache-Control", "no-store");
    // replace, not throw: a reason may quote bytes a client sent
    r.body = json{{"entries", std::move(entries)}, {"next_after", page.next_after}}.dump(
        -1, ' ', false, json::error_handler_t::replace);
    return r;
}

}  // namespace ducha::server
