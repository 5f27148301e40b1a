#pragma once
// GET /v1/public/inspectors[?district=ID]: the public list of inspectors whose badge is valid now
// (执法公示): name, role, district and the badge's end, so anyone can see who may knock on their
// door. Follows the same rule as the badge check (BadgeService::badge_status) at the same moment:
// switching someone off, a role change or an expired badge takes them off the list at once.
// Never a phone number, school, badge token (it would let anyone print a genuine-looking badge)
// or user id. Public, read-only, JSON or (Accept: text/html) a page.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "server/http/http_server.h"
#include "server/service/server_context.h"

namespace ducha::server {

struct PublicInspector {
    std::string name, role, district;  // district: its (Chinese) name; empty for city-wide staff
    std::int64_t valid_until = 0;      // unix seconds
};

struct InspectorRoster {
    std::vector<PublicInspector> inspectors;  // by district name, then role, then name
    std::string district_filter;              // the district asked for (its id), empty: all
    std::int64_t checked_at = 0;              // unix seconds
};

class InspectorRosterService {
public:
    explicit InspectorRosterService(ServerContext& ctx) : m_ctx(ctx) {}

    // `district` empty or a district id ([A-Za-z0-9-]{1,64}); an unknown id lists nobody.
    void list(std::string district, std::function<void(Result<InspectorRoster>)> done);
    Result<InspectorRoster> list_now(const std::string& district);

    static HttpResponse json_response(const InspectorRoster& r);
    static HttpResponse html_response(const InspectorRoster& r);

private:
    ServerContext& m_ctx;
};

}  // namespace ducha::server
