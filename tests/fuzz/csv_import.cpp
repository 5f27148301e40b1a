// The CSV files a coordinator brings: the institution registry import and the complaint import
// (shared/desk), over the CSV reader they share, on a coordinator's device whose replica holds
// its district, a zone and an institution. Every input meets the same device: what an import
// queues is rolled back.
#include "ducha.pb.h"
#include "shared/desk/complaint_ledger.h"
#include "shared/desk/csv_reader.h"
#include "shared/desk/institution_registry.h"
#include "shared/desk/record_writer.h"
#include "shared/domain/collections.h"
#include "tests/fuzz/support/fuzz_device.h"
#include "tests/fuzz/support/fuzz_input.h"

using namespace ducha;

namespace {

fuzz::FuzzDevice& coordinator_device() {
    static fuzz::FuzzDevice d{"coordinator", "u-coord", "d-tiedong"};
    static const bool filled = [] {
        pb::District district;
        district.set_name("铁东区");
        district.set_name_en("Tiedong");
        d.put(domain::kDistrict, "d-tiedong", district);
        pb::Zone zone;
        zone.set_district_id("d-tiedong");
        zone.set_name("东长甸");
        zone.add_communities("园林小区");
        d.put(domain::kZone, "z-dongchangdian", zone);
        pb::Institution inst;
        inst.set_district_id("d-tiedong");
        inst.set_zone_id("z-dongchangdian");
        inst.set_name("启明星教育");
        inst.set_address("铁东区园林路12号");
        inst.set_licensed(true);
        d.put(domain::kInstitution, "i-qimingxing", inst);
        return true;
    }();
    (void)filled;
    return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::FuzzInput in(data, size);
    const bool complaints = in.byte() & 1;
    const std::string text = in.rest();
    if (auto table = desk::parse_csv(text)) {
        (void)table->column({"name", "名称"});
        for (const auto& row : table->rows)
            for (const auto& cell : row.cells) (void)desk::parse_yes_no(cell);
    }
    auto& device = coordinator_device();
    desk::RecordWriter writer{device.profile()};
    device.rolled_back([&] {
        if (complaints) {
            (void)desk::ComplaintLedger{writer}.import_csv(text, "d-tiedong");  // refused or not, nothing is kept
        } else {
            (void)desk::InstitutionRegistry{writer}.import_csv(text, "d-tiedong");  // refused or not, nothing is kept
        }
    });
    return 0;
}
