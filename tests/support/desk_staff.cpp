#include "support/desk_staff.h"

#include "support/cli_steps.h"

namespace ducha::test {

DeskStaff::DeskStaff() {
    coord = srv.account("coordinator", 0, "铁东区");
    sup = srv.account("supervisor");
    cprof = tmp / "coordinator";
    sprof = tmp / "supervisor";
    must(cprof, {"enroll", "--server", srv.url(), "--code", coord.code, "--pin", srv.pin()});
    must(sprof, {"enroll", "--server", srv.url(), "--code", sup.code, "--pin", srv.pin()});
    must(cprof, {"sync"});
    must(sprof, {"sync"});
    district = cli_json(cprof, {"status", "--json"}).at(0)["district_id"];
}

}  // namespace ducha::test
