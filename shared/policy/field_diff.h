#pragma once
// Field-level comparison of two records of one collection, by protobuf reflection: what a change
// touches is judged field by field, so no rule has to list the fields it does not care about.
#include <string>
#include <vector>

#include <google/protobuf/message.h>

#include "shared/common/result.h"

namespace ducha::policy {

// Names of the fields whose values differ between `a` and `b` (same message type), in field order.
std::vector<std::string> changed_fields(const google::protobuf::Message& a, const google::protobuf::Message& b);

// The first field number the schema does not know, anywhere in `m` (0 if none): a record with
// fields nobody can judge is refused rather than stored.
int first_unknown_field(const google::protobuf::Message& m);

// `into` with the named fields taken from `from` (what a last-writer-wins change makes of the
// stored record if every named field wins). Errc::invalid_argument names an unknown field.
Status take_fields(google::protobuf::Message& into, const google::protobuf::Message& from,
                   const std::vector<std::string>& names);

}  // namespace ducha::policy
