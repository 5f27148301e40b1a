#include "shared/sync/audit_reader.h"

#include "shared/sync/curl_transport.h"
#include "shared/sync/sync_client.h"

namespace ducha::sync {

using nlohmann::json;

Result<json> fetch_audit_json(DeviceProfile& profile, const std::string& query) {
    auto id = profile.identity();
    if (!id) return fail(id.error());
    TransportConfig config;
    config.base_url = id->server_url;
    config.pin = id->pin;
    CurlTransport transport{config};
    auto r = authorized_request(profile, transport, "GET", "/v1/audit" + query, "");
    if (!r) return fail(r.error());
    if (r->status != 200) return fail(reply_error(*r).error);
    auto body = json::parse(r->body, nullptr, false);
    if (!body.is_object() || !body.contains("entries") || !body["entries"].is_array())
        return fail(Errc::malformed, Msg::server_reply_cannot_parsed);
    return body["entries"];
}

Result<std::vector<AuditLogEntry>> fetch_audit(DeviceProfile& profile, const std::string& query) {
    auto entries = fetch_audit_json(profile, query);
    if (!entries) return fail(entries.error());
    auto text = [](const json& e, const char* k) { return e.contains(k) && e[k].is_string() ? e[k].get<std::string>() : std::string(); };
    auto number = [](const json& e, const char* k) {
        return e.contains(k) && e[k].is_number_integer() ? e[k].get<std::int64_t>() : std::int64_t{0};
    };
    std::vector<AuditLogEntry> out;
    out.reserve(entries->size());
    for (const auto& e : *entries) {
        if (!e.is_object()) continue;
        AuditLogEntry a;
        a.id = number(e, "id");
        a.at_ms = number(e, "at");
        a.actor = text(e, "actor");
        a.device = text(e, "device");
        a.role = text(e, "role");
        a.district = text(e, "district");
        a.action = text(e, "action");
        a.collection = text(e, "collection");
        a.record_id = text(e, "record_id");
        a.outcome = text(e, "outcome");
        a.code = text(e, "code");
        a.reason = text(e, "reason");
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace ducha::sync
