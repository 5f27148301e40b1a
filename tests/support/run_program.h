#pragma once
// A program run as a child process through the shell, the way an operator runs it: its exit code and
// everything it printed (stdout and stderr together, in order).
#include <string>
#include <utility>

namespace ducha::test {

// Runs `'BIN' ARGS 2>&1`; `args` is shell text (quote paths). The exit code is -1 when the program
// did not exit normally (a signal). Throws std::runtime_error when the shell cannot be started.
std::pair<int, std::string> run_program(const std::string& bin, const std::string& args);

// The same for the ducha-server binary the tests were built with.
std::pair<int, std::string> run_server_binary(const std::string& args);

}  // namespace ducha::test
