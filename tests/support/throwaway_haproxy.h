#pragma once
// A throwaway HAProxy for tests: the deployment's own configuration (deploy/haproxy/ducha.cfg) with
// its `bind` moved to a free 127.0.0.1 port and its `server` lines replaced by the given
// instances, run in the foreground (`haproxy -db`) with its output in DIR/haproxy.log, and
// stopped in the destructor. Without the haproxy program (deploy/setup-debian.sh installs it) the
// constructor throws, saying so: the test fails, never skips.
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ducha::test {

class ThrowawayHaproxy {
public:
    // `config`: the configuration to start from; `backends`: "127.0.0.1:PORT" of each instance.
    ThrowawayHaproxy(const std::filesystem::path& dir, const std::filesystem::path& config,
                     const std::vector<std::string>& backends);
    ~ThrowawayHaproxy();
    ThrowawayHaproxy(const ThrowawayHaproxy&) = delete;
    ThrowawayHaproxy& operator=(const ThrowawayHaproxy&) = delete;

    std::uint16_t port() const { return m_port; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port); }
    const std::filesystem::path& log() const { return m_log; }

private:
    pid_t m_pid = -1;
    std::uint16_t m_port = 0;
    std::filesystem::path m_log;
};

}  // namespace ducha::test
