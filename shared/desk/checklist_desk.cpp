#include "shared/desk/checklist_desk.h"

#include <algorithm>

#include <google/protobuf/util/json_util.h>

#include "shared/domain/checklist_template_check.h"
#include "shared/domain/collections.h"
#include "shared/sync/inspection_recorder.h"

namespace ducha::desk {

using namespace ducha::domain;

Result<std::vector<ChecklistVersion>> ChecklistDesk::versions() {
    auto all = m_w.list<pb::ChecklistTemplate>(kChecklistTemplate);
    if (!all) return fail(all.error());
    std::vector<ChecklistVersion> out;
    for (auto& l : *all) out.push_back(ChecklistVersion{l.id, std::move(l.msg), l.seq == 0});
    std::stable_sort(out.begin(), out.end(), [](const ChecklistVersion& a, const ChecklistVersion& b) {
        return a.checklist.template_version() < b.checklist.template_version();
    });
    return out;
}

Result<ChecklistVersion> ChecklistDesk::version(int number) {
    if (number == 0) {  // the newest by the rule new tasks and unlisted visits use
        auto newest = sync::newest_checklist(m_w.store());
        if (!newest) return fail(newest.error());
        auto rec = m_w.load<pb::ChecklistTemplate>(kChecklistTemplate, newest->id);
        const bool queued = rec && *rec && (*rec)->seq == 0;
        return ChecklistVersion{std::move(newest->id), std::move(newest->checklist), queued};
    }
    auto all = versions();
    if (!all) return fail(all.error());
    for (auto& v : *all)
        if (v.checklist.template_version() == number) return std::move(v);
    return fail(Errc::not_found, Msg::checklist_no_such_version, std::to_string(number));
}

Result<std::vector<ChecklistChange>> ChecklistDesk::changes(int older, int newer) {
    auto a = version(older);
    if (!a) return fail(a.error());
    auto b = version(newer);
    if (!b) return fail(b.error());
    return checklist_changes(a->checklist, b->checklist);
}

Result<PublishedChecklist> ChecklistDesk::publish(pb::ChecklistTemplate next, const std::string& note) {
    auto newest = version(0);
    if (!newest) return fail(newest.error());
    const int number = newest->checklist.template_version() + 1;
    next.set_template_version(number);
    next.set_supersedes(newest->id);
    next.clear_published_by();
    next.clear_published_at();
    if (!note.empty()) next.set_note(note);
    if (next.name().empty()) next.set_name(newest->checklist.name());
    if (auto problems = checklist_template_problems(next); !problems.empty()) return fail(one_error_of(problems));
    PublishedChecklist p;
    p.changes = checklist_changes(newest->checklist, next);
    if (p.changes.empty())
        return fail(Errc::invalid_argument, Msg::checklist_same_as_newest,
                    std::to_string(newest->checklist.template_version()));
    auto id = m_w.create(kChecklistTemplate, next, checklist_version_id(number));
    if (!id) return fail(id.error());
    p.id = *id;
    p.version = number;
    p.steps = next.steps_size();
    p.items = next.items_size();
    return p;
}

Result<pb::ChecklistTemplate> ChecklistDesk::parse_json(std::string_view text, const std::string& file_name) {
    pb::ChecklistTemplate t;
    google::protobuf::util::JsonParseOptions opts;
    opts.ignore_unknown_fields = false;
    auto st = google::protobuf::util::JsonStringToMessage(std::string(text), &t, opts);
    if (!st.ok()) return fail(Errc::invalid_argument, Msg::checklist_file_not_json, file_name, std::string(st.message()));
    t.clear_template_version();
    t.clear_supersedes();
    t.clear_published_by();
    t.clear_published_at();
    return t;
}

std::string ChecklistDesk::to_json(const pb::ChecklistTemplate& t) {
    std::string out;
    google::protobuf::util::JsonPrintOptions opts;
    opts.add_whitespace = true;
    opts.preserve_proto_field_names = true;
    opts.always_print_primitive_fields = true;
    (void)google::protobuf::util::MessageToJsonString(t, &out, opts);
    return out;
}

}  // namespace ducha::desk
