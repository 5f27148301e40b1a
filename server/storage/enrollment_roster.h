#pragma once
// Who may get an enrollment sheet: the server's stored people (live user records) with their
// district's name and whether they hold an enrolled device (a live device record that is not
// revoked), and the districts by id. Reads on whichever connection the caller holds.
#include <map>
#include <string>
#include <vector>

#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

struct RosterPerson {
    std::string user_id, name, role, district_id, district, school, phone;
    bool active = false;
    bool has_device = false;  // an enrolled device that is not revoked
};

struct EnrollmentRoster {
    std::vector<RosterPerson> people;              // every live user record, active or not, in seq order
    std::map<std::string, std::string> districts;  // id -> name
};

class EnrollmentRosterReader {
public:
    explicit EnrollmentRosterReader(store::Connection& db) : m_db(db) {}
    // Users, districts and devices in one read transaction, so they come from one snapshot.
    Result<EnrollmentRoster> read() const;

private:
    store::Connection& m_db;
};

}  // namespace ducha::server
