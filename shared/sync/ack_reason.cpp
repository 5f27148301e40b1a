#include "shared/sync/ack_reason.h"

namespace ducha::sync {

void set_ack_reason(pb::Ack& ack, const Error& why) {
    ack.set_message(why.message());
    ack.set_message_id(std::string(msg_name(why.what)));
    ack.clear_message_args();
    for (const auto& a : why.args) ack.add_message_args(a);
}

Error ack_reason(const pb::Ack& ack) {
    const Errc code = ack.status() == pb::Ack::CONFLICT ? Errc::conflict : Errc::rejected;
    if (!ack.message_id().empty())
        if (auto m = msg_named(ack.message_id()))
            return Error{code, *m, std::vector<std::string>(ack.message_args().begin(), ack.message_args().end())};
    return Error{code, Msg::verbatim, ack.message()};
}

}  // namespace ducha::sync
