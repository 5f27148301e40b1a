#pragma once
// Who may write what: every change to a record is judged on (actor, stored record, new record),
// never on the new payload alone. The same rules run on the server (authoritative, over its
// database) and on a device before a change is queued (over its replica), so a person is told
// "no" at once, in the same words the server would use.
//
// The rules are a table (write_grants): for each collection, which roles, standing in which
// relation to the record (its district, its creator, an assignee, its author), may create, update
// or delete it, which fields an update may change and which status moves it may make. Fields the
// server holds the facts for (server_fields) are never taken from a client. A few rules that a
// table cannot say (an amendment's author and window, a report that matches its task, evidence
// from its report's device) are named checks beside it. docs/SECURITY.md carries the table in words.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <google/protobuf/message.h>

#include "ducha.pb.h"
#include "shared/common/result.h"
#include "shared/domain/vocabulary.h"

namespace ducha::policy {

struct Actor {
    std::string user_id;
    std::string device_id;
    domain::Role role = domain::Role::volunteer;
    std::string district_id;  // empty: city-wide (supervisors and admins only)
};

// Facts about other records that some rules need. The server reads its database; a device reads
// its replica, which may not hold a fact (authoritative() is false): then the device lets the
// change through and the server decides.
class WriteFacts {
public:
    virtual ~WriteFacts() = default;
    virtual std::optional<pb::Task> task(const std::string& id) const = 0;
    virtual std::optional<pb::Report> report(const std::string& id) const = 0;
    virtual std::optional<pb::User> user(const std::string& id) const = 0;
    virtual std::optional<pb::Institution> institution(const std::string& id) const = 0;
    virtual std::optional<pb::Zone> zone(const std::string& id) const = 0;
    virtual std::optional<pb::ChecklistTemplate> checklist(const std::string& id) const = 0;
    // A live person other than `except_id` whose phone number has these digits
    // (domain::phone_digits): a phone number names one person.
    struct PhoneHolder {
        std::string id, name;
    };
    virtual std::optional<PhoneHolder> phone_holder(const std::string& digits, const std::string& except_id) const = 0;
    // Server time (ms) when the record was stored, if known.
    virtual std::optional<std::int64_t> stored_at_ms(std::string_view collection, const std::string& id) const = 0;
    virtual std::int64_t now_ms() const = 0;
    virtual bool authoritative() const = 0;
};

// One change as it would be stored. For a delete, `next` is the stored payload.
struct RecordChange {
    std::string_view collection;
    std::string_view id;
    std::optional<std::string_view> stored;  // nullopt: a new record
    std::string_view next;
    bool deleting = false;
    // `next` already parsed, when the caller has it (the ingest path parses each report once).
    const google::protobuf::Message* parsed_next = nullptr;
};

// ---------------------------------------------------------------- the table

enum Op : unsigned { kCreate = 1u, kUpdate = 2u, kDelete = 4u };

// How an actor stands to a record, judged on the stored record and on what it would become.
enum Relation : unsigned {
    kAnywhere = 1u << 0,           // an admin: every record
    kInDistrict = 1u << 1,           // the record's district, before and after, is the actor's (a supervisor's
                                   // jurisdiction; covert tasks and draws only for their creator or supervisors)
    kCreator = 1u << 2,            // created it, and it is still in the actor's district
    kAssignee = 1u << 3,           // a task's assignee (as stored)
    kAuthor = 1u << 4,             // a report from the actor's own device; evidence of such a report; one's own audit event
    kVolunteerOfDistrict = 1u << 5,  // a user record that is, before and after, a volunteer of the actor's district
};

inline constexpr unsigned role_bit(domain::Role r) { return 1u << static_cast<unsigned>(r); }
inline constexpr unsigned kVolunteers = role_bit(domain::Role::volunteer);
inline constexpr unsigned kCoordinators = role_bit(domain::Role::coordinator);
inline constexpr unsigned kSupervisors = role_bit(domain::Role::supervisor);
inline constexpr unsigned kAdmins = role_bit(domain::Role::admin);
inline constexpr unsigned kEveryone = kVolunteers | kCoordinators | kSupervisors | kAdmins;

struct Grant {
    std::string_view collection;
    unsigned roles;      // role bits
    unsigned relations;  // any one of these relations suffices
    unsigned ops;        // Op bits
    std::string_view fields;       // an update may change: "*" = every field a client owns; else names
    std::string_view transitions;  // status moves: "*" = every move of the state machine; "a>b c>d"; "" none
    std::string_view why;          // plain words, for docs
};
const std::vector<Grant>& write_grants();

// Fields whose value the server holds or sets, never a client.
enum class FieldOwner {
    actor_on_create,  // who made the record: empty or the actor on create (the server writes the actor), then fixed
    fixed,            // set on create, never changed after
    server,           // only the server writes it (a client leaves it empty / as stored)
    stamped,          // the server overwrites it with the acting user or its own clock on the move it records
};
struct ServerField {
    std::string_view collection;
    std::string_view field;
    FieldOwner owner;
};
const std::vector<ServerField>& server_fields();

// How long the author may amend a report after the server received it.
inline constexpr std::int64_t kAmendWindowMs = 7LL * 24 * 3600 * 1000;

// ---------------------------------------------------------------- judging

// May the actor write this record at all (role and relation, on the stored and the new record)?
// Errc::forbidden says why; Errc::malformed for a payload that cannot be judged.
[[nodiscard]] Status judge_access(const Actor& a, const RecordChange& c, const WriteFacts& facts);
// Given access: may this change be made (fields, status moves, the named rules)? Errc::forbidden
// for a field or move the actor may not make, Errc::rejected for a move no one may make.
[[nodiscard]] Status judge_change(const Actor& a, const RecordChange& c, const WriteFacts& facts);
// Both.
[[nodiscard]] Status judge_write(const Actor& a, const RecordChange& c, const WriteFacts& facts);

// Whether any grant gives `role` this operation on the collection at all, before a record is
// looked at: what a command or a screen checks first, refused in the words judge_write uses.
[[nodiscard]] Status role_may(domain::Role role, std::string_view collection, Op op);
// The refusal for a record outside the actor's district, in the rules' words.
Error outside_district_refusal();

// An empty record of the collection's message type (nullptr for an unknown collection).
std::unique_ptr<google::protobuf::Message> new_record_message(std::string_view collection);

// What a last-writer-wins change (institution, zone) makes of the stored record if each field it
// names wins: the record the rules judge. Errc::malformed for an unreadable payload,
// Errc::invalid_argument for a field the record does not have.
[[nodiscard]] Result<std::string> with_fields_taken(std::string_view collection, std::string_view stored,
                                                    std::string_view incoming, const std::vector<std::string>& fields);

// The server's own fields in `next`: who made it (on create), who decided or resolved and when
// (on that move). Returns the payload to store. The server calls this after judging.
[[nodiscard]] Result<std::string> stamp_server_fields(const Actor& a, const RecordChange& c, std::int64_t now_ms);

// The table and the server's fields in words (Markdown), as docs/SECURITY.md shows them.
std::string rules_markdown();

}  // namespace ducha::policy
