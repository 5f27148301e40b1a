// The message catalogue: one row per Msg, words in both languages, and errors that travel as a
// Msg with arguments and are put into words by whoever shows them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "shared/common/message_catalogue.h"
#include "shared/common/result.h"
#include "shared/common/wire_error.h"

using namespace ducha;
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

// The placeholder numbers a template uses ({{ and }} are literal braces).
std::set<int> placeholders(std::string_view tpl) {
    std::set<int> out;
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if ((tpl[i] == '{' || tpl[i] == '}') && i + 1 < tpl.size() && tpl[i + 1] == tpl[i]) {
            ++i;
            continue;
        }
        if (tpl[i] != '{') continue;
        std::size_t j = i + 1;
        int n = 0;
        while (j < tpl.size() && std::isdigit(static_cast<unsigned char>(tpl[j]))) n = n * 10 + (tpl[j++] - '0');
        if (j > i + 1 && j < tpl.size() && tpl[j] == '}') out.insert(n);
    }
    return out;
}

// The names of the enum Msg, in order, as the header spells them.
std::vector<std::string> enum_names() {
    const std::string h = read_text(fs::path(DUCHA_SOURCE_DIR) / "shared/common/message_catalogue.h");
    const auto begin = h.find("enum class Msg");
    const auto open = h.find('{', begin);
    const auto close = h.find("};", open);
    std::vector<std::string> names;
    const std::string body = h.substr(open + 1, close - open - 1);
    static const std::regex item(R"(^\s*([a-z0-9_]+),)", std::regex::multiline);
    for (auto it = std::sregex_iterator(body.begin(), body.end(), item); it != std::sregex_iterator(); ++it)
        names.push_back((*it)[1]);
    return names;
}

wire::WireError round_trip(const Error& e) {
    wire::Reply r = wire::to_reply(e);
    std::map<std::string, std::string> headers;
    for (auto& [k, v] : r.headers) {
        std::string lower = k;
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        headers[lower] = v;
    }
    return wire::from_reply(r.status, r.body, headers);
}

}  // namespace

TEST_CASE("every Msg has one row, in the enum's order, with a unique snake_case name and words in both languages",
          "[common][messages]") {
    const auto rows = message_catalogue();
    const auto names = enum_names();
    REQUIRE(names.size() > 100);
    REQUIRE(rows.size() == names.size());
    std::set<std::string_view> seen;
    static const std::regex snake("[a-z][a-z0-9_]*");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        INFO("row " << i << ": " << r.name);
        CHECK(static_cast<std::size_t>(r.id) == i);
        CHECK(r.name == names[i]);
        CHECK(std::regex_match(std::string(r.name), snake));
        CHECK(seen.insert(r.name).second);
        CHECK(msg_named(r.name) == r.id);
        CHECK(msg_name(r.id) == r.name);
        CHECK_FALSE(r.zh.empty());
        CHECK_FALSE(r.en.empty());
        // Both languages render from one argument list: every argument is used by one of them,
        // none is numbered past the list.
        auto zh = placeholders(r.zh), en = placeholders(r.en);
        std::set<int> all = zh;
        all.insert(en.begin(), en.end());
        if (!all.empty()) CHECK(*all.rbegin() == static_cast<int>(all.size()) - 1);
    }
    CHECK_FALSE(msg_named("no_such_message").has_value());
    CHECK(msg_name(Msg::verbatim) == "verbatim");
}

TEST_CASE("a message renders its arguments in each language", "[common][messages]") {
    const Error e{Errc::not_found, Msg::no_such_user, "u-17"};
    CHECK(e.text(Lang::zh) == "没有这个用户：u-17");
    CHECK(e.text(Lang::en) == "no such user: u-17");
    CHECK(e.message() == "没有这个用户：u-17 / no such user: u-17");
    CHECK(e.to_string() == "not_found: 没有这个用户：u-17 / no such user: u-17");

    const Error two{Errc::invalid_argument, Msg::option_needs_value, "--out"};
    CHECK(two.text(Lang::zh) == "选项 --out 需要一个值");
    CHECK(two.text(Lang::en) == "option --out needs a value");

    // Literal braces stay braces; an argument that is missing reads as nothing.
    CHECK(render(Msg::body_must_user_id, {}, Lang::en) == R"(body must be {"user_id": "..."})");
    CHECK(render_template("{0}-{1}-{{2}}", {"a"}) == "a--{2}");
    // An argument's own braces are not read again.
    CHECK(render(Msg::no_such_user, {"{0}"}, Lang::en) == "no such user: {0}");

    // Words from outside travel verbatim, once.
    const Error sqlite{Errc::storage, Msg::verbatim, "disk I/O error"};
    CHECK(sqlite.message() == "disk I/O error");
    CHECK(sqlite.text(Lang::zh) == "disk I/O error");
    // fail() builds the same Error.
    Status s = fail(Errc::not_found, Msg::no_such_user, std::string_view("u-17"));
    REQUIRE_FALSE(s);
    CHECK(s.error().what == Msg::no_such_user);
    CHECK(s.error().args == std::vector<std::string>{"u-17"});
}

TEST_CASE("two errors are the same when their code, Msg and arguments are", "[common][messages]") {
    const Error a{Errc::unauthorized, Msg::no_such_device_enroll_again};
    CHECK(a == Error{Errc::unauthorized, Msg::no_such_device_enroll_again});
    // The same words under another code, or a verbatim copy of the words, are another error.
    CHECK(a != Error{Errc::forbidden, Msg::no_such_device_enroll_again});
    CHECK(a != Error{Errc::unauthorized, Msg::verbatim, a.message()});
    CHECK(a.message() == Error(Errc::unauthorized, Msg::verbatim, a.message()).message());
    CHECK(Error{Errc::not_found, Msg::no_such_user, "u-1"} != Error{Errc::not_found, Msg::no_such_user, "u-2"});
}

TEST_CASE("an error travels as its Msg and arguments: server body -> device Error -> words in each language",
          "[common][messages][wire]") {
    const Error sent{Errc::invalid_argument, Msg::bad_content_range, "bytes 9-2/10"};
    const wire::Reply reply = wire::to_reply(sent);
    const auto body = nlohmann::json::parse(reply.body);
    CHECK(body["error"] == "invalid_argument");
    CHECK(body["message"] == "Content-Range 无效：bytes 9-2/10 / bad Content-Range: bytes 9-2/10");
    CHECK(body["message_id"] == "bad_content_range");
    CHECK(body["args"] == nlohmann::json::array({"bytes 9-2/10"}));

    const auto got = round_trip(sent);
    CHECK(got.code() == Errc::invalid_argument);
    CHECK(got.error.what == Msg::bad_content_range);
    CHECK(got.error.args == sent.args);
    CHECK(got.error.text(Lang::zh) == "Content-Range 无效：bytes 9-2/10");
    CHECK(got.error.text(Lang::en) == "bad Content-Range: bytes 9-2/10");

    // The registry's default words travel the same way.
    const auto revoked = round_trip(wire::error_of(Errc::device_revoked));
    CHECK(revoked.error.what == Msg::default_device_revoked);
    CHECK(revoked.error.text(Lang::en) == "this device was revoked: contact your coordinator");
}

TEST_CASE("a message_id this device does not know arrives as the server's words, with its code", "[common][messages][wire]") {
    // A newer server: a message this build has no row for.
    const auto newer = wire::from_reply(
        422, R"({"error":"rejected","message":"新的原因 / a new reason","message_id":"some_future_message","args":["x"]})", {});
    CHECK(newer.code() == Errc::rejected);
    CHECK(newer.error.what == Msg::verbatim);
    CHECK(newer.error.message() == "新的原因 / a new reason");
    CHECK(newer.error.text(Lang::en) == "新的原因 / a new reason");

    // An older server: words only.
    const auto older = wire::from_reply(404, R"({"error":"not_found","message":"没有 / none"})", {});
    CHECK(older.code() == Errc::not_found);
    CHECK(older.error.what == Msg::verbatim);
    CHECK(older.error.message() == "没有 / none");

    // Arguments that are not strings: the words, not a half-read message.
    const auto odd = wire::from_reply(
        404, R"({"error":"not_found","message":"没有 / none","message_id":"no_such_user","args":[17]})", {});
    CHECK(odd.error.what == Msg::verbatim);
    CHECK(odd.error.message() == "没有 / none");
}

TEST_CASE("no bilingual error sentence is written into a fail() or an Error outside the catalogue",
          "[common][messages]") {
    // The words of an error belong in shared/common/message_catalogue.cpp; a call site passes a Msg
    // and its arguments. A string literal with " / " in it (中文 / English) inside fail(...),
    // Error{...} or Error(...) is a sentence written past the catalogue.
    static const std::regex call(R"(\b(fail|Error|json_error|send_error)\s*[({])");
    static const std::regex bilingual(R"re("[^"\n]* / [^"\n]*")re");
    std::vector<std::string> found;
    std::size_t scanned = 0;
    for (const char* dir : {"shared", "server", "mobile"}) {
        for (const auto& f : fs::recursive_directory_iterator(fs::path(DUCHA_SOURCE_DIR) / dir)) {
            const auto ext = f.path().extension();
            if (ext != ".cpp" && ext != ".h") continue;
            if (f.path().filename() == "message_catalogue.cpp") continue;
            ++scanned;
            const std::string src = read_text(f.path());
            for (auto it = std::sregex_iterator(src.begin(), src.end(), call); it != std::sregex_iterator(); ++it) {
                const auto start = static_cast<std::size_t>(it->position());
                const auto end = src.find(';', start);
                const std::string stmt = src.substr(start, end == std::string::npos ? std::string::npos : end - start);
                if (std::regex_search(stmt, bilingual))
                    found.push_back(fs::relative(f.path(), DUCHA_SOURCE_DIR).string() + ": " + stmt.substr(0, 120));
            }
        }
    }
    CHECK(scanned > 100);
    for (const auto& f : found) UNSCOPED_INFO(f);
    CHECK(found.empty());
}

TEST_CASE("several problems found at once are one error in each language", "[common][messages]") {
    const Error one{Errc::invalid_argument, Msg::item_not_answered, "L1"};
    CHECK(one_error_of({one}) == one);
    const Error both = one_error_of({one, Error{Errc::invalid_argument, Msg::item_failed_needs_note, "X2"}});
    CHECK(both.code == Errc::invalid_argument);
    CHECK(both.what == Msg::problem_list);
    CHECK(both.text(Lang::zh) == "检查项 L1 未作答; 检查项 X2 不合格，须填写说明");
    CHECK(both.text(Lang::en) == "item L1 not answered; item X2 failed: a note is required");
    CHECK(both.message() == both.text(Lang::zh) + " / " + both.text(Lang::en));
}
