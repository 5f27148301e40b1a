#pragma once
// The devices of `ducha-bench photos`: demo volunteers enrolled with their one-time codes, each
// with its tasks pulled, as a phone has them before a day of inspections. (The same set-up as
// `ingest`, kept apart so the two benchmarks can change independently.)
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ducha.pb.h"
#include "shared/sync/device_profile.h"

namespace ducha::bench {

// A task the device may report on, with its institution's location (for a plausible GPS fix).
struct PhotoTarget {
    std::string task_id;
    std::optional<pb::GeoPoint> location;
};

struct PhotoDevice {
    int slot = 0;
    std::filesystem::path dir;
    std::unique_ptr<sync::DeviceProfile> profile;
    sync::Identity id;
    std::vector<PhotoTarget> targets;
    std::string setup_error;
};

struct PhotoDeviceSetup {
    std::string server_url, pin;
    std::filesystem::path codes_csv, work_dir;
};

// Enrolls devices.size() devices (one thread each) and pulls their tasks; volunteers whose codes
// are refused or who have no open task are skipped. False when a device could not start (said on `err`).
bool enroll_photo_devices(std::vector<PhotoDevice>& devices, const PhotoDeviceSetup& setup, std::ostream& err);

}  // namespace ducha::bench
