#pragma once
// What makes a checklist version publishable, judged the same way by the admin's device before it
// queues a version and by the server before it stores one: a published version never changes, so
// a broken one would stay in every draft and report made on it.
#include <string>
#include <vector>

#include "ducha.pb.h"
#include "shared/common/result.h"

namespace ducha::domain {

// The record id of version `version`: "checklist.v3". One id per version number, so two admins
// publishing "the next version" at once cannot both succeed (the second finds the id taken).
std::string checklist_version_id(int version);

// Every problem of the template's content, in the template's order (name and version, then steps,
// then items): an empty list means it can be published. Does not look at other versions.
std::vector<Error> checklist_template_problems(const pb::ChecklistTemplate& tpl);

// How a new version must follow the one it supersedes: `previous` is that version (nullptr when it
// names none or the store does not hold it). Checks the record id, the number and the chain.
Status check_checklist_succession(const std::string& id, const pb::ChecklistTemplate& next,
                                  const pb::ChecklistTemplate* previous);

}  // namespace ducha::domain
