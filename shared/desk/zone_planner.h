#pragma once
// Zones and 3包 assignments (包地区、包小区、包机构): a coordinator binds volunteers of the district
// to zones (an area and its communities) and to named institutions.
#include <string>
#include <vector>

#include "shared/desk/record_writer.h"

namespace ducha::desk {

struct ZoneSummary {
    std::string id, district_id, name;
    std::vector<std::string> communities;
    int institutions = 0;
    std::vector<std::string> volunteer_ids, volunteer_names;
};

struct AssignmentView {
    std::string id, user_id, user_name, zone_id, zone_name, institution_id, institution_name;
};

class ZonePlanner {
public:
    explicit ZonePlanner(RecordWriter& w) : m_w(w) {}

    Result<std::string> create_zone(const std::string& district_id, const std::string& name,
                                    const std::vector<std::string>& communities);
    Status edit_zone(const std::string& zone_id, const std::string& name, const std::vector<std::string>& communities);
    // Exactly one of zone_id / institution_id. Refuses a user who is not an active volunteer of
    // the district, and a binding that already exists.
    Result<std::string> assign(const std::string& user_id, const std::string& zone_id, const std::string& institution_id);
    // Several institutions to one volunteer, all or nothing.
    Result<std::vector<std::string>> bulk_assign(const std::string& user_id, const std::vector<std::string>& institution_ids);
    Status unassign(const std::string& assignment_id);
    // Moves a volunteer's zone binding from one zone to another (e.g. they moved house).
    Status move_volunteer(const std::string& user_id, const std::string& from_zone, const std::string& to_zone);

    Result<std::vector<ZoneSummary>> zones(const std::string& district_id);
    Result<std::vector<AssignmentView>> assignments(const std::string& district_id, const std::string& user_id = {});
    // Registry institutions no volunteer covers: no binding to their zone, none to them.
    Result<std::vector<Loaded<pb::Institution>>> unassigned(const std::string& district_id);
    // Active volunteers of a district (empty: all in scope), by name.
    Result<std::vector<Loaded<pb::User>>> volunteers(const std::string& district_id);

private:
    RecordWriter& m_w;
};

}  // namespace ducha::desk
