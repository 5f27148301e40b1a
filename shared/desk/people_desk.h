#pragma once
// Putting a bureau's people into service without the demo data: admins keep the list of districts,
// and admins (anyone) or coordinators (their own district's volunteers) import people from a CSV
// file. Every row is checked first; one bad row and nothing is queued; a file without a problem
// is queued in one transaction. The server judges every change again when it syncs.
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

    // 7 to 15 digits, an optional leading '+', spaces or '-' between digits.
    static bool phone_well_formed(std::string_view phone);
    // The digits of a phone number: two spellings of one number compare equal.
    static std::string phone_digits(std::string_view phone);

private:
    RecordWriter& m_w;
    const Clock& m_clock;
};

}  // namespace ducha::desk
