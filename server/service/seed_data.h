#pragma once
// Records a new data directory starts with beyond the admin and the checklist (`init --demo`
// passes Anshan's demo data, from the separate ducha_demo library): the production server
// library holds no demo content.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ducha::server {

struct SeedRecord {
    std::string collection;  // district, zone, institution, user, assignment, checklist_template, task, complaint, campaign, case
    std::string id;
    std::string payload;     // serialized pb message of the collection
};

// Who the seeded accounts are, so `init` can print enrollment codes for them.
struct SeedUser {
    std::string user_id, role, name, district_id, district_name;  // district_id empty: whole city
};

struct SeedData {
    std::vector<SeedRecord> records;
    std::vector<SeedUser> users;
};

// Makes the seed for a directory initialised at `now_unix_seconds`.
using SeedSource = std::function<SeedData(std::int64_t now_unix_seconds)>;

}  // namespace ducha::server
