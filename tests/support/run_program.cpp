#include "support/run_program.h"

#include <sys/wait.h>

#include <cstdio>
#include <stdexcept>

namespace ducha::test {

std::pair<int, std::string> run_program(const std::string& bin, const std::string& args) {
    const std::string cmd = "'" + bin + "' " + args + " 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) throw std::runtime_error("cannot start: " + cmd);
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int status = ::pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::pair<int, std::string> run_server_binary(const std::string& args) { return run_program(DUCHA_SERVER_BIN, args); }

}  // namespace ducha::test
