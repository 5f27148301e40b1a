// A device reads a server's error reply (status, Ducha-Error, Upload-Offset, the JSON body) into
// an Error: shared/common/wire_error.cpp, which the sync client and enrollment use for every reply
// that is not a success. What it read must travel back unchanged: the server's reply for that
// error, read again, has the same code and upload offset.
#include <cctype>
#include <cstdlib>

#include "shared/common/wire_error.h"
#include "shared/sync/http_transport.h"
#include "tests/fuzz/support/scripted_transport.h"

using namespace ducha;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto reply = fuzz::parse_scripted_reply(std::string_view(reinterpret_cast<const char*>(data), size));
    const wire::WireError read = wire::from_reply(reply.status, reply.body, reply.headers);
    (void)read.error.message();
    (void)read.error.text(Lang::en);
    (void)sync::parse_server_error(reply);

    const wire::Reply sent = wire::to_reply(read);
    std::map<std::string, std::string> headers;
    for (const auto& [name, value] : sent.headers) {
        std::string lower = name;
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        headers[lower] = value;
    }
    const wire::WireError again = wire::from_reply(sent.status, sent.body, headers);
    if (again.code() != read.code() || again.upload_offset != read.upload_offset) std::abort();
    return 0;
}
