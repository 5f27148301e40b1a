#pragma once
// A real server with demo data and two desk profiles of the `ducha` CLI, enrolled and synced: a
// coordinator of 铁东区 and a supervisor. What the desk tests over the wire start from.
#include <filesystem>
#include <string>

#include "support/test_server.h"

namespace ducha::test {

struct DeskStaff {
    TestServer srv;
    TempDir tmp;
    DemoAccount coord, sup;
    std::filesystem::path cprof, sprof;
    std::string district;  // the coordinator's district id

    DeskStaff();
};

}  // namespace ducha::test
