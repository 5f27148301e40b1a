#pragma once
// What the integration tests read straight from a device profile (who it is, its token) and
// from a server's database (a stored record), without going through the API under test.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "ducha.pb.h"
#include "shared/sync/device_profile.h"

namespace ducha::test {

sync::Identity identity_of(const std::filesystem::path& profile);
std::string access_token_of(const std::filesystem::path& profile);

// The stored payload of a live record in the server's database under `data_dir`, or nullopt.
std::optional<std::string> server_payload(const std::filesystem::path& data_dir, std::string_view collection,
                                          const std::string& id);

template <typename M>
std::optional<M> server_get(const std::filesystem::path& data_dir, std::string_view collection, const std::string& id) {
    auto payload = server_payload(data_dir, collection, id);
    if (!payload) return std::nullopt;
    M m;
    REQUIRE(m.ParseFromString(*payload));
    return m;
}

}  // namespace ducha::test
