#pragma once
// Demo data for `ducha-server init --demo`: Anshan's 8 districts, their zones and communities,
// about 1,500 institutions, 258 volunteers with coordinators, supervisors and an admin, 3包
// assignments, the default checklist, open tasks, complaints and three weeks of done tasks.
// Deterministic: the same seed and clock give byte-identical records, on any standard library.
#include <cstdint>
#include <string>
#include <vector>

namespace ducha::server {

struct SeedRecord {
    std::string collection;  // district, zone, institution, user, assignment, checklist_template, task, complaint
    std::string id;          // UUID-like, derived from the seed
    std::string payload;     // serialized pb message of the collection
};

// Who the demo accounts are, so `init --demo` can print enrollment codes for them.
struct DemoUser {
    std::string user_id, role, name, district_id, district_name;  // district_id empty: whole city
};

struct DemoData {
    std::vector<SeedRecord> records;
    std::vector<DemoUser> users;
};

DemoData make_demo_data(std::uint64_t seed, std::int64_t now_unix_seconds);

}  // namespace ducha::server
