#pragma once
// Why the server refused a change (an Ack that is REJECTED or CONFLICT), as it travels: `message`
// in both languages for a device of any version, `message_id` and `message_args` (the catalogue's
// row and its arguments) for a device that puts it into its user's language.
#include "shared/common/result.h"
#include "ducha.pb.h"

namespace ducha::sync {

// The server writes the reason into the ack.
void set_ack_reason(pb::Ack& ack, const Error& why);
// A device reads it back: the catalogue's row when it knows message_id, else `message` verbatim
// (a newer server's row, or an older server that sends words only).
Error ack_reason(const pb::Ack& ack);

}  // namespace ducha::sync
