#pragma once
// Brings evidence files of other people's reports (a supervisor reviewing a volunteer's photos)
// from the server into this device's encrypted evidence store, checking each file's SHA-256.
#include <string>
#include <vector>

#include "shared/common/result.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/http_transport.h"

namespace ducha::sync {

class BlobFetcher {
public:
    explicit BlobFetcher(DeviceProfile& profile) : m_p(profile) {}
    // The file's bytes: from this device if it holds them, else downloaded, verified and kept.
    // Errc::integrity when the server's bytes do not hash to `hex`; Errc::not_found when the
    // server does not have the file (yet).
    Result<std::string> get(const std::string& hex);
    // The same over a transport the caller holds (a sync pass's own connection).
    Result<std::string> get(const std::string& hex, HttpTransport& http);
    // Whether this device already holds the file.
    bool has(const std::string& hex) const;

private:
    DeviceProfile& m_p;
};

}  // namespace ducha::sync
