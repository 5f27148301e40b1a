#pragma once
// Putting a bureau's people into service without the demo data, and keeping them over the years:
// admins keep the list of districts, and admins (anyone) or coordinators (their own district's
// volunteers) import people from a CSV file, switch them off and on again and renew their badges;
// only admins change a role. Every row of a file is checked first; one bad row and nothing is
// queued; a file without a problem is queued in one transaction. Each change is judged by the
// write rules before it is queued, and the server judges it again when it syncs.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shared/common/clock.h"
#include "shared/desk/import_result.h"
#include "shared/desk/record_writer.h"

namespace ducha::desk {

struct DistrictView {
    std::string id, name, name_en, code;
};

struct PersonView {
    std::string id, name, role, district_id, district_name, phone, school;
    bool active = false;
    std::int64_t badge_valid_until = 0;  // seconds since the epoch; 0: never given a date (not valid)
    int devices = 0;                     // their working (not revoked) devices this replica holds
    std::int64_t last_contact = 0;       // ms since the epoch of their devices' latest sync; 0: never or unknown
    std::string photo_sha256;            // hex SHA-256 of the badge photo; empty: none yet
};

class PeopleDesk {
public:
    // `clock`: when new badges start their year of validity.
    explicit PeopleDesk(RecordWriter& w, const Clock& clock = system_clock()) : m_w(w), m_clock(clock) {}

    // Admins. A name the replica already holds is refused.
    Result<std::string> add_district(const std::string& name, const std::string& code);
    // Districts in this replica, by name.
    Result<std::vector<DistrictView>> districts();

    // Columns (header names in English or Chinese; order free):
    //   name|姓名*, phone|电话*, role|角色* (volunteer|coordinator|supervisor|admin, or 督查员,
    //   协调员, 执法督导, 管理员), district|区县 (name or id; required for volunteers and
    //   coordinators), school|学校          (* required)
    // New people are active, with a badge token valid for one year.
    Result<ImportResult> import_csv(std::string_view csv_text);

    // People in this replica (district empty: all), by district then name.
    Result<std::vector<PersonView>> people(const std::string& district_id);

    // Switching a person off: the server then refuses their devices and tokens and the badge
    // check says "not valid"; switching them on again undoes both. Admins (anyone but themselves),
    // coordinators (their district's volunteers). Refused when already in that state.
    Status deactivate(const std::string& user_id);
    Status reactivate(const std::string& user_id);
    // Admins only, never their own. `role` as import_csv reads it; a volunteer or coordinator
    // needs a district (its name or id), a supervisor or admin may have none (city-wide).
    Status change_role(const std::string& user_id, const std::string& role, const std::string& district);
    // The badge is valid one year from now, with the same token (the printed QR stays good).
    // Admins, coordinators (their district's volunteers). Returns the new end (seconds since the epoch).
    Result<std::int64_t> renew_badge(const std::string& user_id);
    // renew_badge for every active person within the actor's reach (admins: all; coordinators:
    // their district's volunteers) whose badge ends within `within_days` days, expired or undated
    // ones included; all in one transaction. Returns their ids.
    Result<std::vector<std::string>> renew_badges_expiring(int within_days);

    // The photo on the person's badge (domain/badge_photo.h: JPEG or PNG, at most 1 MiB): kept in
    // this device's encrypted evidence store, queued for upload, and named on the person's record
    // in the same transaction. Admins, coordinators (their district's volunteers). Returns the
    // photo's reference.
    Result<pb::BlobRef> set_badge_photo(const std::string& user_id, std::string_view bytes);
    // Takes the photo off the badge (the file stays with the records that named it).
    Status remove_badge_photo(const std::string& user_id);
    // The person's badge photo: from this device, or downloaded from the server (checked against
    // its hash); Errc::not_found when the person has none, or the server does not have it yet.
    Result<std::string> badge_photo(const std::string& user_id);

private:
    Status set_active(const std::string& user_id, bool active);

    RecordWriter& m_w;
    const Clock& m_clock;
};

}  // namespace ducha::desk
