#pragma once
// A device for the fuzz targets that read what reaches a phone: a real profile directory in a
// scratch place, enrolled as the given person (the meta keys enrollment leaves), with a replica the
// target fills. Each input runs inside a transaction that is rolled back afterwards, so every input
// meets the same device.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include <google/protobuf/message.h>

#include "shared/sync/device_profile.h"

namespace ducha::fuzz {

class FuzzDevice {
public:
    FuzzDevice(const std::string& role, const std::string& user_id, const std::string& district_id);
    ~FuzzDevice();
    FuzzDevice(const FuzzDevice&) = delete;
    FuzzDevice& operator=(const FuzzDevice&) = delete;

    sync::DeviceProfile& profile() { return *m_profile; }
    sync::LocalStore& store() { return m_profile->store(); }

    // A record as a pull delivers it.
    void put(std::string_view collection, const std::string& id, const google::protobuf::Message& msg,
             std::int64_t version = 1);
    // Runs `input` and then undoes everything it wrote to the database.
    void rolled_back(const std::function<void()>& input);

private:
    std::filesystem::path m_dir;
    std::optional<sync::DeviceProfile> m_profile;
    std::int64_t m_seq = 100;
};

}  // namespace ducha::fuzz
