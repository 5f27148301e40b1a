#pragma once
// Steps of the integration tests that drive the `ducha` CLI in-process: run a command on a
// profile, require it to succeed, read its --json output, write answers and files.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <google/protobuf/message.h>
#include <nlohmann/json.hpp>

#include "support/test_server.h"

namespace ducha::test {

// Every item code of the default checklist (template v1).
extern const std::vector<std::string> kItems;

std::string describe(const std::vector<std::string>& args, const CliResult& r);
// `ducha --profile PROFILE ARGS...`
CliResult run(const std::filesystem::path& profile, std::vector<std::string> args);
// The same, and the test stops unless it exits 0.
CliResult must(const std::filesystem::path& profile, const std::vector<std::string>& args);
// The same with --json output: the parsed array.
nlohmann::json cli_json(const std::filesystem::path& profile, const std::vector<std::string>& args);

// A volunteer's profile under `dir`, enrolled with the account's code and synced.
std::filesystem::path synced_volunteer(TestServer& srv, const std::filesystem::path& dir, const DemoAccount& a);
// The id of the first task on the profile that is not covert; the test stops if there is none.
std::string first_open_task(const std::filesystem::path& profile);

// The modified client: queues `msg` as record `id` (from `base_version`, 0 = new) straight into the
// profile's outbox, past the device's own rule check, so that only the server judges it. A
// last-writer-wins record (institution, zone) carries the clock and `changed_fields` it names.
void queue_raw(const std::filesystem::path& profile, std::string_view collection, const std::string& id,
               std::int64_t base_version, const google::protobuf::Message& msg,
               std::vector<std::string> changed_fields = {});

std::string trim(std::string s);
// YYYY-MM-DD of a unix time in China (UTC+8), computed with the C library as an independent check
// of what the server and the CLI print.
std::string china_date(std::int64_t unix_s);  // trailing newlines, spaces and CRs
bool contains(const std::string& hay, const std::string& needle);
// The record ids (UUIDs) a command printed, one a line (an import's new people, say), in order.
std::vector<std::string> printed_ids(const std::string& out);
void write_file(const std::filesystem::path& p, std::string_view data);
std::string read_file(const std::filesystem::path& p);
// An answers file under `dir` that passes every item, with `overrides` replacing some.
std::filesystem::path write_answers(const std::filesystem::path& dir,
                                    const nlohmann::json& overrides = nlohmann::json::object());

}  // namespace ducha::test
