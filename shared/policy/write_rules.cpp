#include "shared/policy/write_rules.h"

#include <algorithm>
#include <memory>
#include <sstream>

#include "shared/domain/badge_photo.h"
#include "shared/domain/checklist_template_check.h"
#include "shared/domain/collections.h"
#include "shared/domain/phone_number.h"
#include "shared/domain/state_machines.h"
#include "shared/policy/field_diff.h"

namespace ducha::policy {

using namespace ducha::domain;
namespace gpb = google::protobuf;

// ---------------------------------------------------------------- the table

namespace {

// Every move of the task machine but into "submitted": only an inspector's own report submits a task.
constexpr std::string_view kStaffTaskMoves =
    "open>in_progress open>cancelled in_progress>open in_progress>cancelled submitted>done submitted>open";
constexpr std::string_view kVolunteerTaskMoves = "open>in_progress in_progress>open open>submitted in_progress>submitted";

}  // namespace

const std::vector<Grant>& write_grants() {
    static const std::vector<Grant> grants{
        // collection          roles           relations                ops                          fields   moves   why
        {kDistrict, kAdmins, kAnywhere, kCreate | kUpdate | kDelete, "*", "", "admins keep the list of districts"},
        {kChecklistTemplate, kAdmins, kAnywhere, kCreate, "", "",
         "admins publish a new checklist version, numbered after the one it supersedes; a published version never changes (drafts and reports on it keep its words)"},
        {kDevice, kAdmins, kAnywhere, kUpdate, "name revoked", "", "admins rename and revoke devices; enrollment creates them"},
        {kUser, kAdmins, kAnywhere, kCreate | kUpdate, "*", "", "admins manage every account, roles included"},
        {kUser, kCoordinators, kVolunteerOfDistrict, kCreate | kUpdate,
         "name phone active school badge_token badge_valid_until badge_photo", "",
         "coordinators add their own district's volunteers, switch them off and on again, renew their badges and put the photo on them; never a role (only admins change one) or another district"},
        {kZone, kAdmins, kAnywhere, kCreate | kUpdate | kDelete, "*", "", "admins: any zone"},
        {kZone, kCoordinators, kInDistrict, kCreate | kUpdate | kDelete, "*", "", "coordinators keep their district's zones (包地区、包小区)"},
        {kInstitution, kAdmins, kAnywhere, kCreate | kUpdate | kDelete, "*", "", "admins: any institution"},
        {kInstitution, kCoordinators, kInDistrict, kCreate | kUpdate | kDelete, "*", "", "coordinators keep their district's registry"},
        {kInstitution, kVolunteers, kInDistrict, kCreate, "", "",
         "a volunteer reports an unlisted site found in their district (field_reported, no risk fields)"},
        {kAssignment, kAdmins, kAnywhere, kCreate | kUpdate | kDelete, "*", "", "admins: any 3包 assignment"},
        {kAssignment, kCoordinators, kInDistrict, kCreate | kUpdate | kDelete, "*", "",
         "coordinators bind their district's volunteers to its zones and institutions (3包)"},
        {kTask, kAdmins, kAnywhere, kCreate | kUpdate, "*", kStaffTaskMoves, "admins: any task"},
        {kTask, kSupervisors, kInDistrict, kCreate | kUpdate, "*", kStaffTaskMoves,
         "supervisors plan, review and cancel tasks in their jurisdiction, covert ones included"},
        {kTask, kCoordinators, kInDistrict | kCreator, kCreate | kUpdate, "*", kStaffTaskMoves,
         "coordinators plan, review and cancel their district's open tasks and the covert tasks they made"},
        {kTask, kVolunteers, kAssignee, kUpdate, "status report_id", kVolunteerTaskMoves,
         "an assignee starts their task and submits it with their own report; nothing else"},
        {kReport, kEveryone, kAuthor, kCreate, "", "",
         "the author, from their own device, on their own task or one in their district, for the task's own "
         "institution; an amendment only by the same author, for the same task and institution, within 7 days"},
        {kEvidence, kEveryone, kAuthor, kCreate, "", "", "the report author's device, for a file the report names"},
        {kComplaint, kAdmins, kAnywhere, kCreate | kUpdate, "*", "*", "admins: any complaint"},
        {kComplaint, kSupervisors, kInDistrict, kCreate | kUpdate, "*", "*", "supervisors: complaints in their jurisdiction"},
        {kComplaint, kCoordinators, kInDistrict, kCreate | kUpdate, "*", "*", "coordinators: their district's complaint ledger"},
        {kCase, kAdmins, kAnywhere, kCreate | kUpdate,
         "status tier deadline decision_note rectification_order rectification_days reinspection_assignees", "*",
         "admins: any case"},
        {kCase, kSupervisors, kInDistrict, kCreate | kUpdate,
         "status tier deadline decision_note rectification_order rectification_days reinspection_assignees", "*",
         "supervisors decide flagged reports in their jurisdiction: no violation, or a tier and a rectification"},
        {kDraw, kAdmins, kAnywhere, kCreate | kUpdate, "*", "", "admins: any draw"},
        {kDraw, kCoordinators, kInDistrict, kCreate, "*", "", "coordinators commit their district's random draws"},
        {kDraw, kCoordinators, kCreator, kUpdate, "*", "", "only the coordinator who committed a draw reveals it"},
        {kCampaign, kAdmins, kAnywhere, kCreate | kUpdate, "*", "", "admins: any campaign"},
        {kCampaign, kCoordinators, kInDistrict, kCreate | kUpdate, "*", "", "coordinators plan their district's campaigns"},
        {kAuditEvent, kEveryone, kAuthor, kCreate, "", "", "a device reports its own exports (action export.*)"},
    };
    return grants;
}

const std::vector<ServerField>& server_fields() {
    static const std::vector<ServerField> fields{
        {kTask, "created_by", FieldOwner::actor_on_create},
        {kTask, "report_id", FieldOwner::server},
        {kTask, "case_id", FieldOwner::server},
        {kTask, "draw_id", FieldOwner::server},
        {kCase, "report_id", FieldOwner::fixed},
        {kCase, "institution_id", FieldOwner::fixed},
        {kCase, "district_id", FieldOwner::fixed},
        {kCase, "reinspection_task_id", FieldOwner::server},
        {kCase, "decided_by", FieldOwner::stamped},
        {kCase, "decided_at", FieldOwner::stamped},
        {kCase, "escalations", FieldOwner::server},
        {kCase, "last_reinspection_report_id", FieldOwner::server},
        {kCase, "closed_by_report_id", FieldOwner::server},
        {kInstitution, "complaint_count", FieldOwner::server},
        {kInstitution, "past_violations", FieldOwner::server},
        {kComplaint, "created_by", FieldOwner::actor_on_create},
        {kComplaint, "resolved_by", FieldOwner::stamped},
        {kComplaint, "resolved_at", FieldOwner::stamped},
        {kDraw, "created_by", FieldOwner::actor_on_create},
        {kCampaign, "created_by", FieldOwner::actor_on_create},
        {kDevice, "user_id", FieldOwner::fixed},
        {kDevice, "public_key", FieldOwner::fixed},
        {kDevice, "enrolled_at", FieldOwner::fixed},
        {kDevice, "outbox_depth", FieldOwner::server},
        {kDevice, "last_contact", FieldOwner::server},
        {kDevice, "blobs_pending", FieldOwner::server},
        {kDevice, "app_version", FieldOwner::server},
        {kAuditEvent, "at", FieldOwner::stamped},
        {kChecklistTemplate, "published_by", FieldOwner::actor_on_create},
        {kChecklistTemplate, "published_at", FieldOwner::stamped},
    };
    return fields;
}

namespace {

// ---------------------------------------------------------------- words

Error malformed(std::string_view collection) {
    return Error{Errc::malformed, Msg::collection_record_unparsable, collection};
}
Error outside_district() { return Error{Errc::forbidden, Msg::not_allowed_outside_your_district}; }

std::string_view role_zh(Role r) {
    switch (r) {
        case Role::volunteer: return "督查员";
        case Role::coordinator: return "协调员";
        case Role::supervisor: return "执法督导";
        case Role::admin: return "管理员";
    }
    return "";
}

std::string_view op_en(unsigned op) { return op == kCreate ? "create" : op == kUpdate ? "change" : "delete"; }
std::string_view op_zh(unsigned op) { return op == kCreate ? "创建" : op == kUpdate ? "修改" : "删除"; }

// ---------------------------------------------------------------- parsing

}  // namespace

std::unique_ptr<gpb::Message> new_record_message(std::string_view c) {
    if (c == kDistrict) return std::make_unique<pb::District>();
    if (c == kZone) return std::make_unique<pb::Zone>();
    if (c == kInstitution) return std::make_unique<pb::Institution>();
    if (c == kUser) return std::make_unique<pb::User>();
    if (c == kDevice) return std::make_unique<pb::Device>();
    if (c == kAssignment) return std::make_unique<pb::Assignment>();
    if (c == kChecklistTemplate) return std::make_unique<pb::ChecklistTemplate>();
    if (c == kTask) return std::make_unique<pb::Task>();
    if (c == kReport) return std::make_unique<pb::Report>();
    if (c == kReceipt) return std::make_unique<pb::Receipt>();
    if (c == kEvidence) return std::make_unique<pb::Evidence>();
    if (c == kComplaint) return std::make_unique<pb::Complaint>();
    if (c == kCase) return std::make_unique<pb::Case>();
    if (c == kDraw) return std::make_unique<pb::Draw>();
    if (c == kCampaign) return std::make_unique<pb::Campaign>();
    if (c == kAuditEvent) return std::make_unique<pb::AuditEvent>();
    return nullptr;
}

Result<std::string> with_fields_taken(std::string_view collection, std::string_view stored, std::string_view incoming,
                                      const std::vector<std::string>& fields) {
    auto merged = new_record_message(collection);
    auto in = new_record_message(collection);
    if (!merged || !merged->ParseFromString(std::string(stored)) || !in->ParseFromString(std::string(incoming)))
        return fail(Errc::malformed, Msg::record_unparsable);
    if (auto s = take_fields(*merged, *in, fields); !s) return fail(s.error());
    return merged->SerializeAsString();
}

namespace {

// The stored and the new record, parsed.
struct Parsed {
    std::unique_ptr<gpb::Message> stored;  // null for a new record
    std::unique_ptr<gpb::Message> owned;   // `next` when this parse made it
    const gpb::Message* next = nullptr;
    unsigned op = kCreate;
};

Result<Parsed> parse(const RecordChange& c, bool mutable_next = false) {
    Parsed p;
    if (c.parsed_next && !mutable_next) {
        p.next = c.parsed_next;
    } else {
        p.owned = new_record_message(c.collection);
        if (!p.owned) return fail(Errc::malformed, Msg::unknown_collection, c.collection);
        if (!p.owned->ParseFromString(std::string(c.next))) return fail(malformed(c.collection));
        p.next = p.owned.get();
    }
    if (int n = first_unknown_field(*p.next))
        return fail(Errc::malformed, Msg::record_carries_unknown_field_number, std::to_string(n), c.collection);
    if (c.stored) {
        p.stored = new_record_message(c.collection);
        if (!p.stored->ParseFromString(std::string(*c.stored))) return fail(malformed(c.collection));
    }
    p.op = c.deleting ? kDelete : c.stored ? kUpdate : kCreate;
    return p;
}

template <typename M>
const M& as(const gpb::Message& m) {
    return static_cast<const M&>(m);
}

// ---------------------------------------------------------------- relations

bool in_area(const Actor& a, const std::string& district) {
    switch (a.role) {
        case Role::admin: return true;
        case Role::supervisor: return a.district_id.empty() || a.district_id == district;
        case Role::coordinator:
        case Role::volunteer: return !a.district_id.empty() && a.district_id == district;
    }
    return false;
}

// The district a record belongs to, or nullopt for collections without one.
std::optional<std::string> district_of(std::string_view c, const gpb::Message& m, const WriteFacts& facts) {
    if (c == kZone) return as<pb::Zone>(m).district_id();
    if (c == kInstitution) return as<pb::Institution>(m).district_id();
    if (c == kAssignment) return as<pb::Assignment>(m).district_id();
    if (c == kTask) return as<pb::Task>(m).district_id();
    if (c == kComplaint) return as<pb::Complaint>(m).district_id();
    if (c == kDraw) return as<pb::Draw>(m).district_id();
    if (c == kCampaign) return as<pb::Campaign>(m).district_id();
    if (c == kUser) return as<pb::User>(m).district_id();
    if (c == kCase) {
        const auto& cs = as<pb::Case>(m);
        if (!cs.district_id().empty()) return cs.district_id();
        // A new case may leave its district to the server, which takes its report's.
        if (auto r = facts.report(cs.report_id())) return r->district_id();
        return cs.district_id();
    }
    if (c == kDevice) {
        if (auto u = facts.user(as<pb::Device>(m).user_id())) return u->district_id();
        return std::string();
    }
    return std::nullopt;
}

std::string creator_of(std::string_view c, const gpb::Message& m) {
    if (c == kTask) return as<pb::Task>(m).created_by();
    if (c == kDraw) return as<pb::Draw>(m).created_by();
    if (c == kCampaign) return as<pb::Campaign>(m).created_by();
    if (c == kComplaint) return as<pb::Complaint>(m).created_by();
    return {};
}

// Covert records are hidden from coordinators who did not make them (通风报信).
bool covert(std::string_view c, const gpb::Message& m) {
    if (c == kTask) return as<pb::Task>(m).covert();
    if (c == kDraw) return as<pb::Draw>(m).covert();
    return false;
}

bool is_volunteer(const pb::User& u) { return parse_role(u.role()) == Role::volunteer; }
bool is_task(std::string_view status, TaskStatus s) { return parse_task_status(status) == s; }
bool is_complaint(std::string_view status, ComplaintStatus s) { return parse_complaint_status(status) == s; }
bool is_case(std::string_view status, CaseStatus s) { return parse_case_status(status) == s; }

bool contains(const gpb::RepeatedPtrField<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

unsigned relations_of(const Actor& a, std::string_view c, const Parsed& p, const WriteFacts& facts) {
    unsigned rel = 0;
    if (a.role == Role::admin) rel |= kAnywhere;
    const gpb::Message* before = p.stored.get();
    const gpb::Message& after = *p.next;

    if (auto d_after = district_of(c, after, facts)) {
        bool area = in_area(a, *d_after);
        if (before) area = area && in_area(a, *district_of(c, *before, facts));
        const std::string creator = creator_of(c, before ? *before : after);
        const bool made_it = !creator.empty() && creator == a.user_id;
        // A coordinator reaches a covert record only as its creator; supervisors and admins always.
        bool hidden = a.role == Role::coordinator && !made_it &&
                      (covert(c, after) || (before && covert(c, *before)));
        if (c == kUser) {
            // Coordinators hold users only as volunteers of their district; staff accounts are the admins'.
            const auto& u_after = as<pb::User>(after);
            bool volunteer = is_volunteer(u_after);
            if (before) volunteer = volunteer && is_volunteer(as<pb::User>(*before));
            if (area && volunteer && a.role == Role::coordinator) rel |= kVolunteerOfDistrict;
        } else {
            if (area && !hidden) rel |= kInDistrict;
            if (area && made_it) rel |= kCreator;
        }
    }
    if (c == kTask && before && contains(as<pb::Task>(*before).assignees(), a.user_id)) rel |= kAssignee;
    if (c == kReport) {
        const auto& r = as<pb::Report>(after);
        if (r.user_id() == a.user_id && r.device_id() == a.device_id) rel |= kAuthor;
    } else if (c == kEvidence) {
        if (auto r = facts.report(as<pb::Evidence>(after).report_id())) {
            if (r->user_id() == a.user_id && r->device_id() == a.device_id) rel |= kAuthor;
        } else if (!facts.authoritative()) {
            rel |= kAuthor;  // a device's own report may not be in its replica yet: the server decides
        }
    } else if (c == kAuditEvent) {
        const auto& e = as<pb::AuditEvent>(after);
        if (e.actor() == a.user_id && e.device_id() == a.device_id) rel |= kAuthor;
    }
    return rel;
}

// Why a relation the grants ask for does not hold, in the words a person needs.
Error relation_refusal(std::string_view c, unsigned wanted, const Actor& a, const Parsed& p, const WriteFacts& facts) {
    if (wanted & kAuthor) {
        if (c == kEvidence)
            return Error{Errc::forbidden, Msg::not_allowed_evidence_comes_only};
        if (c == kAuditEvent)
            return Error{Errc::forbidden, Msg::not_allowed_audit_event_names};
        return Error{Errc::forbidden, Msg::not_allowed_report_must_come};
    }
    if (wanted & kAssignee) return Error{Errc::forbidden, Msg::not_allowed_not_assignee_task};
    if (wanted & kVolunteerOfDistrict)
        return Error{Errc::forbidden, Msg::not_allowed_coordinators_manage_their};
    if (auto d = district_of(c, *p.next, facts); d && !in_area(a, *d)) return outside_district();
    if (p.stored)
        if (auto d = district_of(c, *p.stored, facts); d && !in_area(a, *d)) return outside_district();
    if ((wanted & (kInDistrict | kCreator)) && a.role == Role::coordinator &&
        (covert(c, *p.next) || (p.stored && covert(c, *p.stored))))
        return Error{Errc::forbidden, Msg::not_allowed_covert_record_for};
    if (wanted == kCreator) return Error{Errc::forbidden, Msg::not_allowed_only_person_who};
    return outside_district();
}

// ---------------------------------------------------------------- fields and moves

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        auto sp = s.find(' ');
        auto w = s.substr(0, sp);
        if (!w.empty()) out.push_back(w);
        s = sp == std::string_view::npos ? std::string_view{} : s.substr(sp + 1);
    }
    return out;
}

std::optional<FieldOwner> owner_of(std::string_view c, std::string_view field) {
    for (const auto& f : server_fields())
        if (f.collection == c && f.field == field) return f.owner;
    return std::nullopt;
}

bool listed(std::string_view list, std::string_view word) {
    if (list == "*") return true;
    auto ws = words(list);
    return std::find(ws.begin(), ws.end(), word) != ws.end();
}

std::string status_of(std::string_view c, const gpb::Message& m) {
    if (c == kTask) return as<pb::Task>(m).status();
    if (c == kCase) return as<pb::Case>(m).status();
    if (c == kComplaint) return as<pb::Complaint>(m).status();
    return {};
}

Status machine_move(std::string_view c, const std::string& from, const std::string& to) {
    if (c == kTask) return check_task_transition(from, to);
    if (c == kCase) return check_case_transition(from, to);
    if (c == kComplaint) return check_complaint_transition(from, to);
    return {};
}

// Is `from`→`to` one of the grant's moves ("*" = any move the state machine allows)?
bool move_granted(std::string_view moves, const std::string& from, const std::string& to) {
    if (moves == "*") return true;
    const std::string edge = from + ">" + to;
    for (auto w : words(moves))
        if (w == edge) return true;
    return false;
}

std::string moves_in_words(std::string_view moves) {
    std::string out;
    for (auto w : words(moves)) {
        if (!out.empty()) out += ", ";
        auto gt = w.find('>');
        out += std::string(w.substr(0, gt)) + " → " + std::string(w.substr(gt + 1));
    }
    return out;
}

// The fields set to a non-default value in `m`.
std::vector<std::string> set_fields(const gpb::Message& m) {
    std::unique_ptr<gpb::Message> empty(m.New());
    return changed_fields(*empty, m);
}

// Server-held fields on create: a client leaves them empty (or names itself as the creator).
Status check_created_server_fields(const Actor& a, std::string_view c, const gpb::Message& next) {
    const auto& all = server_fields();
    if (std::none_of(all.begin(), all.end(), [&](const ServerField& f) { return f.collection == c; })) return {};
    const auto* desc = next.GetDescriptor();
    for (const auto& name : set_fields(next)) {
        auto owner = owner_of(c, name);
        if (!owner || *owner == FieldOwner::fixed || *owner == FieldOwner::stamped) continue;
        if (*owner == FieldOwner::actor_on_create) {
            const auto* f = desc->FindFieldByName(name);
            if (next.GetReflection()->GetString(next, f) == a.user_id) continue;
            return fail(Error{Errc::forbidden, Msg::not_allowed_creator_record_person, name});
        }
        return fail(Error{Errc::forbidden, Msg::not_allowed_filled_by_server, name});
    }
    return {};
}

// ---------------------------------------------------------------- named rules

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// A person: a known role (only admins change one), a phone number well written and nobody
// else's, a badge photo reference that names a picture. Phone and photo are judged when they
// change, so a record stored before these rules stays editable.
Status check_user(const Actor& a, const std::string& id, const Parsed& p, const WriteFacts& facts) {
    const auto& u = as<pb::User>(*p.next);
    const auto* before = p.stored ? &as<pb::User>(*p.stored) : nullptr;
    if (!parse_role(u.role())) return fail(Errc::malformed, Msg::unknown_role, u.role());
    if (before && a.role != Role::admin && before->role() != u.role())
        return fail(Error{Errc::forbidden, Msg::not_allowed_only_admin_changes});
    if (!u.phone().empty() && (!before || before->phone() != u.phone())) {
        if (!phone_well_formed(u.phone())) return fail(Error{Errc::invalid_argument, Msg::phone_malformed, u.phone()});
        if (auto holder = facts.phone_holder(phone_digits(u.phone()), id))
            return fail(Error{Errc::already_exists, Msg::phone_belongs_to_user, u.phone(), holder->name, holder->id});
    }
    if (u.has_badge_photo() && (!before || before->badge_photo().SerializeAsString() != u.badge_photo().SerializeAsString()))
        if (auto s = check_badge_photo_ref(u.badge_photo()); !s) return s;
    return {};
}

Status check_field_report(const Parsed& p) {
    const auto& i = as<pb::Institution>(*p.next);
    if (!i.field_reported() || i.licensed())
        return fail(Error{Errc::forbidden, Msg::not_allowed_volunteers_may_only});
    static const std::vector<std::string_view> allowed{"district_id", "zone_id", "name",     "address",       "community",
                                                       "category",    "academic", "location", "field_reported"};
    for (const auto& f : set_fields(i))
        if (std::find(allowed.begin(), allowed.end(), f) == allowed.end())
            return fail(Error{Errc::forbidden, Msg::not_allowed_field_report_cannot, f});
    return {};
}

Status check_assignment(const Parsed& p, const WriteFacts& facts) {
    if (p.op == kDelete) return {};
    const auto& as_ = as<pb::Assignment>(*p.next);
    if (as_.zone_id().empty() == as_.institution_id().empty())
        return fail(Errc::malformed, Msg::assignment_names_exactly_one_zone);
    if (auto u = facts.user(as_.user_id())) {
        if (!is_volunteer(*u) || u->district_id() != as_.district_id())
            return fail(Error{Errc::forbidden, Msg::not_allowed_only_volunteer_assignment});
    } else if (facts.authoritative()) {
        return fail(Error{Errc::forbidden, Msg::not_allowed_no_such_volunteer, as_.user_id()});
    }
    if (!as_.zone_id().empty()) {
        if (auto z = facts.zone(as_.zone_id()); z && z->district_id() != as_.district_id()) return fail(outside_district());
        else if (!z && facts.authoritative()) return fail(Error{Errc::forbidden, Msg::not_allowed_no_such_zone, as_.zone_id()});
    }
    if (!as_.institution_id().empty()) {
        if (auto i = facts.institution(as_.institution_id()); i && i->district_id() != as_.district_id())
            return fail(outside_district());
        else if (!i && facts.authoritative()) return fail(Error{Errc::forbidden, Msg::not_allowed_no_such_institution, as_.institution_id()});
    }
    return {};
}

// Who a task sends and where: every assignee a volunteer, the institution in the task's district.
Status check_task_targets(const Parsed& p, const WriteFacts& facts) {
    const auto& t = as<pb::Task>(*p.next);
    const pb::Task* old = p.stored ? &as<pb::Task>(*p.stored) : nullptr;
    if (!t.kind().empty() && !parse_task_kind(t.kind()))
        return fail(Errc::malformed, Msg::unknown_task_kind, t.kind());
    if (!old || old->institution_id() != t.institution_id() || old->district_id() != t.district_id()) {
        if (auto i = facts.institution(t.institution_id())) {
            if (i->district_id() != t.district_id())
                return fail(Error{Errc::forbidden, Msg::not_allowed_task_institution_another});
        } else if (facts.authoritative()) {
            return fail(Error{Errc::forbidden, Msg::not_allowed_no_such_institution, t.institution_id()});
        }
    }
    for (const auto& who : t.assignees()) {
        if (old && contains(old->assignees(), who)) continue;
        if (auto u = facts.user(who)) {
            if (!is_volunteer(*u) || !u->active())
                return fail(Error{Errc::forbidden, Msg::not_allowed_only_active_volunteer, who});
        } else if (facts.authoritative()) {
            return fail(Error{Errc::forbidden, Msg::not_allowed_no_such_volunteer, who});
        }
    }
    return {};
}

// A task becomes "submitted" only through its assignee's own report on it.
Status check_task_submit(const Actor& a, const Parsed& p, const WriteFacts& facts, std::string_view task_id) {
    const auto& t = as<pb::Task>(*p.next);
    const auto& old = as<pb::Task>(*p.stored);
    bool to_submitted = is_task(t.status(), TaskStatus::submitted) && !is_task(old.status(), TaskStatus::submitted);
    if (t.report_id() != old.report_id() && !to_submitted)
        return fail(Error{Errc::forbidden, Msg::not_allowed_task_report_recorded});
    if (!to_submitted) return {};
    auto r = facts.report(t.report_id());
    if (!r) {
        if (!facts.authoritative() && !t.report_id().empty()) return {};
        return fail(Error{Errc::forbidden, Msg::not_allowed_task_submitted_only});
    }
    if (r->user_id() != a.user_id || r->task_id() != task_id)
        return fail(Error{Errc::forbidden, Msg::not_allowed_task_submitted_only});
    return {};
}

Status check_report(const Actor& a, const Parsed& p, const WriteFacts& facts) {
    const auto& r = as<pb::Report>(*p.next);
    if (!r.task_id().empty()) {
        auto t = facts.task(r.task_id());
        if (!t) {
            if (facts.authoritative()) return fail(Error{Errc::forbidden, Msg::not_allowed_report_names_task});
        } else {
            if (t->institution_id() != r.institution_id() || t->district_id() != r.district_id())
                return fail(Error{Errc::forbidden, Msg::not_allowed_report_institution_or});
            if (t->covert() && !r.covert())
                return fail(Error{Errc::forbidden, Msg::not_allowed_report_covert_task});
            // Inspectors report on their own tasks; one reassigned while offline still reports on a
            // task of their district (kept as evidence; only an assignee's report moves the task).
            if (!contains(t->assignees(), a.user_id) && !in_area(a, t->district_id()))
                return fail(Error{Errc::forbidden, Msg::not_allowed_report_for_one});
        }
    } else {
        if (!r.unlisted())
            return fail(Error{Errc::forbidden, Msg::not_allowed_report_without_task});
        if (auto i = facts.institution(r.institution_id())) {
            if (i->district_id() != r.district_id())
                return fail(Error{Errc::forbidden, Msg::not_allowed_report_district_differs});
        } else if (facts.authoritative()) {
            return fail(Error{Errc::forbidden, Msg::not_allowed_report_names_institution});
        }
    }
    if (!r.amends().empty()) {
        auto orig = facts.report(r.amends());
        if (!orig) {
            if (facts.authoritative()) return fail(Error{Errc::forbidden, Msg::not_allowed_amended_report_does});
            return {};
        }
        if (orig->user_id() != r.user_id())
            return fail(Error{Errc::forbidden, Msg::not_allowed_only_author_report});
        if (orig->task_id() != r.task_id() || orig->institution_id() != r.institution_id())
            return fail(Error{Errc::forbidden, Msg::not_allowed_amendment_for_same});
        if (auto at = facts.stored_at_ms(kReport, r.amends()); at && facts.now_ms() - *at > kAmendWindowMs)
            return fail(Error{Errc::forbidden, Msg::not_allowed_7_day_window});
    }
    return {};
}

Status check_evidence(const Parsed& p, const WriteFacts& facts) {
    const auto& e = as<pb::Evidence>(*p.next);
    auto r = facts.report(e.report_id());
    if (!r) return {};  // a device's own report not yet in its replica; the server has it (or refused the relation)
    for (const auto& b : r->blobs())
        if (b.sha256() == e.blob().sha256()) return {};
    return fail(Error{Errc::forbidden, Msg::not_allowed_evidence_file_not});
}

Status check_case(const Parsed& p, const WriteFacts& facts) {
    const auto& cs = as<pb::Case>(*p.next);
    if (p.op != kCreate) return {};
    if (cs.status() != kCaseInitial) return fail(Errc::rejected, Msg::new_case_starts_open);
    auto r = facts.report(cs.report_id());
    if (!r) {
        if (facts.authoritative()) return fail(Error{Errc::forbidden, Msg::not_allowed_case_names_report});
        return {};
    }
    if ((!cs.institution_id().empty() && cs.institution_id() != r->institution_id()) ||
        (!cs.district_id().empty() && cs.district_id() != r->district_id()))
        return fail(Error{Errc::forbidden, Msg::not_allowed_case_institution_or});
    return {};
}

Status check_complaint(const Parsed& p) {
    const auto& cm = as<pb::Complaint>(*p.next);
    if (p.op == kCreate && cm.status() != kComplaintInitial)
        return fail(Errc::rejected, Msg::new_complaint_starts_open);
    const std::string before = p.stored ? as<pb::Complaint>(*p.stored).status() : std::string();
    if (is_complaint(cm.status(), ComplaintStatus::resolved) && !is_complaint(before, ComplaintStatus::resolved) &&
        blank(cm.resolution()))
        return fail(Errc::rejected, Msg::record_resolution_resolve_complaint);
    if (is_complaint(cm.status(), ComplaintStatus::closed) && !is_complaint(before, ComplaintStatus::closed))
        return check_complaint_close(cm);
    return {};
}

Status check_task_create(const Parsed& p) {
    if (p.op == kCreate && as<pb::Task>(*p.next).status() != kTaskInitial)
        return fail(Errc::rejected, Msg::new_task_starts_open);
    return {};
}

// A draw's pool and inspectors come from its own district: a draw cannot send anyone elsewhere.
Status check_draw(const Parsed& p, const WriteFacts& facts) {
    if (p.op != kCreate) return {};
    const auto& d = as<pb::Draw>(*p.next);
    for (const auto& id : d.pool()) {
        auto i = facts.institution(id);
        if (i ? i->district_id() != d.district_id() : facts.authoritative())
            return fail(Error{Errc::forbidden, Msg::not_allowed_every_institution_draw, id});
    }
    for (const auto& id : d.inspectors()) {
        auto u = facts.user(id);
        if (u ? (!is_volunteer(*u) || u->district_id() != d.district_id()) : facts.authoritative())
            return fail(Error{Errc::forbidden, Msg::not_allowed_every_inspector_draw, id});
    }
    return {};
}

Status check_audit_event(const Parsed& p) {
    const auto& e = as<pb::AuditEvent>(*p.next);
    if (e.action().rfind("export.", 0) != 0)
        return fail(Error{Errc::forbidden, Msg::not_allowed_device_records_only});
    return {};
}

// A new checklist version: publishable content, numbered after the version it supersedes.
Status check_checklist(const std::string& id, const Parsed& p, const WriteFacts& facts) {
    const auto& t = as<pb::ChecklistTemplate>(*p.next);
    if (auto problems = checklist_template_problems(t); !problems.empty()) return fail(one_error_of(problems));
    std::optional<pb::ChecklistTemplate> previous;
    if (!t.supersedes().empty()) {
        previous = facts.checklist(t.supersedes());
        if (!previous && !facts.authoritative()) return {};  // not in this replica: the server decides
    }
    return check_checklist_succession(id, t, previous ? &*previous : nullptr);
}

// A report is judged against a checklist the server holds, at that checklist's version; a task's
// report against the task's own checklist (the one its draft was started on).
Status check_report_checklist(const pb::Report& r, const std::optional<pb::Task>& task, const WriteFacts& facts) {
    if (task && !task->template_id().empty() && task->template_id() != r.template_id())
        return fail(Error{Errc::forbidden, Msg::report_checklist_not_tasks, task->template_id()});
    auto tpl = facts.checklist(r.template_id());
    if (!tpl) {
        if (facts.authoritative()) return fail(Error{Errc::forbidden, Msg::report_checklist_unknown, r.template_id()});
        return {};
    }
    if (tpl->template_version() != r.template_version())
        return fail(Error{Errc::forbidden, Msg::report_checklist_version_differs, std::to_string(r.template_version()),
                          std::to_string(tpl->template_version())});
    return {};
}

Status named_rules(const Actor& a, const RecordChange& c, const Parsed& p, const WriteFacts& facts) {
    const auto coll = c.collection;
    if (coll == kUser) return check_user(a, std::string(c.id), p, facts);
    if (coll == kInstitution && a.role == Role::volunteer) return check_field_report(p);
    if (coll == kAssignment) return check_assignment(p, facts);
    if (coll == kTask) {
        if (auto s = check_task_create(p); !s) return s;
        if (auto s = check_task_targets(p, facts); !s) return s;
        if (p.stored) return check_task_submit(a, p, facts, c.id);
        return {};
    }
    if (coll == kReport) {
        if (auto s = check_report(a, p, facts); !s) return s;
        const auto& r = as<pb::Report>(*p.next);
        return check_report_checklist(r, r.task_id().empty() ? std::nullopt : facts.task(r.task_id()), facts);
    }
    if (coll == kEvidence) return check_evidence(p, facts);
    if (coll == kCase) return check_case(p, facts);
    if (coll == kComplaint) return check_complaint(p);
    if (coll == kDraw) return check_draw(p, facts);
    if (coll == kAuditEvent) return check_audit_event(p);
    if (coll == kChecklistTemplate) return check_checklist(std::string(c.id), p, facts);
    return {};
}

// Why no grant gives this role this operation on this collection.
Error no_grant_refusal(Role role, std::string_view c, unsigned op) {
    if (c == kChecklistTemplate && op != kCreate) return Error{Errc::forbidden, Msg::not_allowed_published_checklist};
    if (c == kReport || c == kEvidence || c == kReceipt || c == kAuditEvent) {
        if (op == kDelete) return Error{Errc::forbidden, Msg::not_allowed_evidence_and_records};
        if (op == kUpdate) return Error{Errc::forbidden, Msg::not_allowed_submitted_record_cannot};
        return Error{Errc::forbidden, Msg::not_allowed_receipts_are_issued};
    }
    return Error{Errc::forbidden, Msg::not_allowed_may_not_records, std::string(role_zh(role)), std::string(op_zh(op)), c, std::string(role_name(role)), std::string(op_en(op))};
}

// The grants of this role for this collection and operation.
std::vector<const Grant*> grants_for(std::string_view c, Role role, unsigned op) {
    std::vector<const Grant*> out;
    for (const auto& g : write_grants())
        if (g.collection == c && (g.roles & role_bit(role)) && (g.ops & op)) out.push_back(&g);
    return out;
}

Result<std::vector<const Grant*>> matching_grants(const Actor& a, const RecordChange& c, const Parsed& p,
                                                  const WriteFacts& facts) {
    auto gs = grants_for(c.collection, a.role, p.op);
    if (gs.empty()) return fail(no_grant_refusal(a.role, c.collection, p.op));
    const unsigned rel = relations_of(a, c.collection, p, facts);
    std::vector<const Grant*> ok;
    unsigned wanted = 0;
    for (const auto* g : gs) {
        wanted |= g->relations;
        if (g->relations & rel) ok.push_back(g);
    }
    if (ok.empty()) return fail(relation_refusal(c.collection, wanted, a, p, facts));
    return ok;
}

}  // namespace

// ---------------------------------------------------------------- judging

namespace {

Status change_rules(const Actor& a, const RecordChange& c, const Parsed* p, const std::vector<const Grant*>* gs,
                    const WriteFacts& facts) {
    if (p->op == kCreate) {
        if (auto s = check_created_server_fields(a, c.collection, *p->next); !s) return s;
    } else if (p->op == kUpdate) {
        const bool volunteer_submit = c.collection == kTask && a.role == Role::volunteer;
        for (const auto& f : changed_fields(*p->stored, *p->next)) {
            if (auto owner = owner_of(c.collection, f)) {
                if (*owner == FieldOwner::stamped) continue;  // the server writes its own value
                if (!(volunteer_submit && f == "report_id"))
                    return fail(Error{Errc::forbidden, Msg::not_allowed_kept_by_server, f});
            }
            bool granted = std::any_of(gs->begin(), gs->end(), [&](const Grant* g) { return listed(g->fields, f); });
            if (!granted && f != "status")
                return fail(Error{Errc::forbidden, Msg::not_allowed_may_not_change, std::string(role_zh(a.role)), f, std::string(role_name(a.role)), c.collection});
        }
        const std::string from = status_of(c.collection, *p->stored), to = status_of(c.collection, *p->next);
        if (from != to) {
            if (auto s = machine_move(c.collection, from, to); !s) return s;
            bool granted = std::any_of(gs->begin(), gs->end(), [&](const Grant* g) { return move_granted(g->transitions, from, to); });
            if (!granted) {
                std::string allowed;
                for (const auto* g : *gs) allowed += moves_in_words(g->transitions);
                return fail(Error{Errc::forbidden, Msg::not_allowed_may_not_move, std::string(role_zh(a.role)), from, to, std::string(role_name(a.role)), c.collection, (allowed.empty() ? std::string() : " (allowed: " + allowed + ")")});
            }
        }
    }
    return named_rules(a, c, *p, facts);
}

}  // namespace

Status role_may(Role role, std::string_view collection, Op op) {
    if (grants_for(collection, role, op).empty()) return fail(no_grant_refusal(role, collection, op));
    return {};
}

Error outside_district_refusal() { return outside_district(); }

Status judge_access(const Actor& a, const RecordChange& c, const WriteFacts& facts) {
    auto p = parse(c);
    if (!p) return fail(p.error());
    auto gs = matching_grants(a, c, *p, facts);
    if (!gs) return fail(gs.error());
    return {};
}

Status judge_change(const Actor& a, const RecordChange& c, const WriteFacts& facts) {
    return judge_write(a, c, facts);  // the change rules stand on the access rules: judged together
}

Status judge_write(const Actor& a, const RecordChange& c, const WriteFacts& facts) {
    auto p = parse(c);
    if (!p) return fail(p.error());
    auto gs = matching_grants(a, c, *p, facts);
    if (!gs) return fail(gs.error());
    return change_rules(a, c, &*p, &*gs, facts);
}

Result<std::string> stamp_server_fields(const Actor& a, const RecordChange& c, std::int64_t now_ms) {
    auto p = parse(c, /*mutable_next=*/true);
    if (!p) return fail(p.error());
    if (p->op == kDelete) return std::string(c.next);
    gpb::Message& next = *p->owned;
    const gpb::Message* stored = p->stored.get();
    const auto* refl = next.GetReflection();
    const auto* desc = next.GetDescriptor();
    const std::int64_t now_s = now_ms / 1000;
    const std::string from = stored ? status_of(c.collection, *stored) : std::string(), to = status_of(c.collection, next);
    for (const auto& sf : server_fields()) {
        if (sf.collection != c.collection) continue;
        const auto* f = desc->FindFieldByName(std::string(sf.field));
        if (sf.owner == FieldOwner::actor_on_create && !stored) refl->SetString(&next, f, a.user_id);
        if (sf.owner != FieldOwner::stamped) continue;
        // Stamped fields: the server's value on the move they record, else what was stored.
        bool stamp = false;
        if (c.collection == kCase)
            stamp = !stored || (from != to && (is_case(to, CaseStatus::no_violation) || is_case(to, CaseStatus::rectification)));
        if (c.collection == kComplaint) stamp = from != to && is_complaint(to, ComplaintStatus::resolved);
        if (c.collection == kAuditEvent) stamp = true;
        if (c.collection == kChecklistTemplate) stamp = !stored;
        if (stamp) {
            if (f->cpp_type() == gpb::FieldDescriptor::CPPTYPE_STRING) refl->SetString(&next, f, a.user_id);
            else if (c.collection == kAuditEvent) refl->SetInt64(&next, f, now_ms);
            else refl->SetInt64(&next, f, now_s);
        } else if (stored) {
            if (f->cpp_type() == gpb::FieldDescriptor::CPPTYPE_STRING) refl->SetString(&next, f, stored->GetReflection()->GetString(*stored, f));
            else refl->SetInt64(&next, f, stored->GetReflection()->GetInt64(*stored, f));
        } else {
            refl->ClearField(&next, f);
        }
    }
    return next.SerializeAsString();
}

std::string rules_markdown() {
    auto roles = [](unsigned bits) {
        if (bits == kEveryone) return std::string("anyone enrolled");
        std::string out;
        for (Role r : {Role::volunteer, Role::coordinator, Role::supervisor, Role::admin})
            if (bits & role_bit(r)) out += (out.empty() ? "" : ", ") + std::string(role_name(r));
        return out;
    };
    auto rels = [](unsigned bits) {
        std::string out;
        auto add = [&](unsigned b, std::string_view w) {
            if (bits & b) out += (out.empty() ? "" : " or ") + std::string(w);
        };
        add(kAnywhere, "any record");
        add(kInDistrict, "in their district");
        add(kCreator, "its creator");
        add(kAssignee, "an assignee");
        add(kAuthor, "its author's device");
        add(kVolunteerOfDistrict, "a volunteer of their district");
        return out;
    };
    auto ops = [](unsigned bits) {
        std::string out;
        for (unsigned o : {kCreate, kUpdate, kDelete})
            if (bits & o) out += (out.empty() ? "" : ", ") + std::string(op_en(o));
        return out;
    };
    std::ostringstream o;
    o << "| record | who | standing | may | fields they may change | status moves | in words |\n";
    o << "|---|---|---|---|---|---|---|\n";
    for (const auto& g : write_grants()) {
        std::string fields = g.fields == "*" ? "all but the server's" : g.fields.empty() ? "—" : std::string(g.fields);
        std::string moves = g.transitions == "*" ? "every move of its state machine"
                            : g.transitions.empty() ? "—"
                                                    : moves_in_words(g.transitions);
        o << "| " << g.collection << " | " << roles(g.roles) << " | " << rels(g.relations) << " | " << ops(g.ops) << " | "
          << fields << " | " << moves << " | " << g.why << " |\n";
    }
    o << "\nFields the server holds (a device never sets or changes them):\n\n";
    o << "| record | field | rule |\n|---|---|---|\n";
    for (const auto& f : server_fields()) {
        std::string_view rule = f.owner == FieldOwner::actor_on_create ? "the person who creates it, then fixed"
                                : f.owner == FieldOwner::fixed        ? "set when created, never changed"
                                : f.owner == FieldOwner::server       ? "written by the server only"
                                                                      : "stamped by the server on the move it records";
        o << "| " << f.collection << " | " << f.field << " | " << rule << " |\n";
    }
    return o.str();
}

}  // namespace ducha::policy
