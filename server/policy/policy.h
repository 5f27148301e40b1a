#pragma once
// Every authorisation decision of the server lives here: who may see a record (scope keys) and
// who may write what. A record carries scope keys; a principal holds keys; a record is visible
// to a principal when they share an active key.
//   all           everyone enrolled (districts, checklist templates)
//   d:<district>  a coordinator's district (non-covert records of it)
//   z:<zone>      a volunteer's zone;   i:<institution>  one institution
//   u:<user>      one user (own tasks, reports, devices, assignments; covert tasks)
//   sup           supervisors and admins (cases, all reports, covert tasks)
//   adm           admins only (audit events)
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ducha.pb.h"
#include "shared/common/bytes.h"
#include "shared/common/result.h"
#include "shared/domain/vocabulary.h"
#include "shared/policy/write_rules.h"

namespace ducha::server {

// Who may write what is the core's table (shared/policy/write_rules.h), the same on every device;
// this module decides what a caller may read.
using domain::Role;
using domain::parse_role;
using domain::role_name;

struct Principal {
    std::string user_id;
    std::string device_id;
    Role role = Role::volunteer;
    std::string district_id;        // empty for city-wide staff
    std::vector<std::string> keys;  // sorted, unique
    Bytes scope_digest;             // SHA-256 over keys: changes when the scope changes
};

// Lookups the policy needs about other records; the storage layer provides them.
struct PolicyLookup {
    std::function<std::optional<pb::Task>(const std::string& task_id)> task;
    std::function<std::optional<pb::User>(const std::string& user_id)> user;
    std::function<std::optional<pb::Report>(const std::string& report_id)> report;
    std::function<std::vector<pb::Assignment>(const std::string& user_id)> assignments_of;
    std::function<std::vector<std::string>(const std::string& user_id)> task_institutions_of;
    std::function<std::vector<std::string>()> district_ids;
};

// Keys of the principal `user` acting through `device_id`.
Principal make_principal(const std::string& user_id, const pb::User& user, const std::string& device_id,
                         const PolicyLookup& lookup);

// Scope keys of a record. `payload` is the record's serialized payload.
std::vector<std::string> record_keys(std::string_view collection, const std::string& id, const std::string& payload,
                                     const PolicyLookup& lookup);

// The same for a report already parsed (the sync service parses each report once).
std::vector<std::string> report_keys(const pb::Report& r, const PolicyLookup& lookup);

// The principal as the write rules see it.
policy::Actor actor_of(const Principal& p);

// May `p` read this record (as stored)?
bool may_read(const Principal& p, std::string_view collection, const std::string& id, const std::string& payload,
              const PolicyLookup& lookup);

// May `p` issue an enrollment code for `target`? Admins: anyone; coordinators: volunteers of their district.
Status can_issue_code(const Principal& p, const pb::User& target);

bool shares_key(const std::vector<std::string>& principal_keys, const std::vector<std::string>& record_keys);

}  // namespace ducha::server
