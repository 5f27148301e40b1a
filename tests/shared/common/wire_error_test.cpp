// The wire-error registry: every code the server answers with round-trips to a device with the
// same code and action; the names and statuses deployed devices speak stay as they are; nothing
// travels inside the words; docs/SYNC.md shows the table the code has.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "shared/common/wire_error.h"

using namespace ducha;
using wire::Action;

namespace {

// What a device's HTTP layer hands over: header names in lower case.
std::map<std::string, std::string> lower_headers(const wire::Reply& r) {
    std::map<std::string, std::string> out;
    for (auto [k, v] : r.headers) {
        for (auto& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out[k] = v;
    }
    return out;
}

wire::WireError round_trip(const wire::WireError& e) {
    auto reply = wire::to_reply(e);
    return wire::from_reply(reply.status, reply.body, lower_headers(reply));
}

// Every Errc there is (ok..internal).
std::vector<Errc> all_codes() {
    std::vector<Errc> out;
    for (int i = static_cast<int>(Errc::ok) + 1; i <= static_cast<int>(Errc::internal); ++i)
        out.push_back(static_cast<Errc>(i));
    return out;
}

}  // namespace

TEST_CASE("every error code has one row, with a name of its own", "[common][wire]") {
    std::set<std::string_view> names;
    for (Errc c : all_codes()) {
        INFO("Errc #" << static_cast<int>(c));
        const auto& row = wire::entry(c);
        CHECK(row.code == c);
        CHECK(errc_name(c) == row.name);
        CHECK(names.insert(row.name).second);
        CHECK(wire::code_named(row.name) == c);
        CHECK(row.http_status >= 400);
        CHECK(row.http_status <= 599);
        CHECK(render_bilingual(row.words, {}).find(" / ") != std::string::npos);  // 中文 / English
        CHECK_FALSE(row.meaning.empty());
    }
    CHECK(wire::registry().size() == all_codes().size());
    CHECK(errc_name(Errc::ok) == "ok");
    CHECK_FALSE(wire::code_named("ok").has_value());
    CHECK_FALSE(wire::code_named("no_such_code").has_value());
}

TEST_CASE("every code round-trips: server Error -> HTTP reply -> device Error, same code and action", "[common][wire]") {
    for (const auto& row : wire::registry()) {
        INFO(row.name);
        const Error sent{row.code, Msg::verbatim, "某个原因 / some reason \"quoted\""};
        auto reply = wire::to_reply(sent);
        CHECK(reply.status == row.http_status);
        auto body = nlohmann::json::parse(reply.body);
        CHECK(body["error"] == std::string(row.name));
        CHECK(body["message"] == sent.message());

        auto got = round_trip(sent);
        CHECK(got.code() == row.code);
        CHECK(got.error.message() == sent.message());
        CHECK(got.action() == row.action);
        CHECK(wire::action_for(got.code()) == wire::action_for(sent.code));
        CHECK_FALSE(got.upload_offset.has_value());
    }
}

TEST_CASE("an answer to HEAD, which has no body, keeps its code", "[common][wire]") {
    for (const auto& row : wire::registry()) {
        INFO(row.name);
        auto reply = wire::to_reply(Error{row.code, Msg::verbatim, "x"});
        auto got = wire::from_reply(reply.status, "", lower_headers(reply));
        CHECK(got.code() == row.code);
        CHECK(got.action() == row.action);
        CHECK(got.error.message() == render_bilingual(row.words, {}));
    }
    // An unknown code in the header: the status decides.
    CHECK(wire::from_reply(401, "", {{"ducha-error", "some_new_code"}}).code() == Errc::unauthorized);
    // The body wins over the header.
    CHECK(wire::from_reply(401, R"({"error":"token_expired","message":"m"})", {{"ducha-error", "unauthorized"}}).code() ==
          Errc::token_expired);
}

TEST_CASE("a refused chunk's offset travels as Upload-Offset, never in the words", "[common][wire]") {
    const wire::WireError sent{wire::error_of(Errc::offset_mismatch), 262144};
    auto reply = wire::to_reply(sent);
    CHECK(reply.status == 409);
    CHECK(std::find(reply.headers.begin(), reply.headers.end(), std::pair<std::string, std::string>{"Upload-Offset", "262144"}) !=
          reply.headers.end());
    CHECK(reply.body.find("262144") == std::string::npos);
    CHECK(nlohmann::json::parse(reply.body)["message"] == "上传位置不符，请从服务器位置继续 / resume from the server's offset");

    auto got = round_trip(sent);
    CHECK(got.code() == Errc::offset_mismatch);
    CHECK(got.action() == Action::resume_upload);
    REQUIRE(got.upload_offset.has_value());
    CHECK(*got.upload_offset == 262144);

    // A header that is not a whole number is no offset.
    for (std::string bad : {"", "-1", "12x", "abc", "99999999999999999999999"}) {
        auto e = wire::from_reply(409, reply.body, {{"upload-offset", bad}});
        CHECK_FALSE(e.upload_offset.has_value());
    }
}

TEST_CASE("the names and statuses deployed devices speak do not change", "[common][wire]") {
    // Changing one of these breaks every device in the field: do it only with a new endpoint.
    const std::pair<std::string_view, int> kSpoken[] = {
        {"malformed", 400},      {"invalid_argument", 400}, {"unauthorized", 401},       {"token_expired", 401},
        {"code_expired", 401},   {"forbidden", 403},        {"device_revoked", 403},     {"not_found", 404},
        {"method_not_allowed", 405}, {"conflict", 409},     {"already_exists", 409},     {"offset_mismatch", 409},
        {"too_large", 413},      {"integrity", 422},        {"rejected", 422},           {"unavailable", 503},
        {"storage", 503},        {"timeout", 503},          {"disk_full", 507},          {"server_error", 500},
        {"internal", 500},       {"network", 500},          {"rate_limited", 429},
    };
    for (auto [name, status] : kSpoken) {
        INFO(name);
        auto code = wire::code_named(name);
        REQUIRE(code.has_value());
        CHECK(wire::entry(*code).http_status == status);
    }
    // Busy servers say when to come back.
    CHECK(lower_headers(wire::to_reply(Error{Errc::unavailable, Msg::verbatim, "x"}))["retry-after"] == "5");
    CHECK(lower_headers(wire::to_reply(Error{Errc::storage, Msg::verbatim, "x"}))["retry-after"] == "5");
    CHECK(lower_headers(wire::to_reply(Error{Errc::rejected, Msg::verbatim, "x"})).count("retry-after") == 0);
}

TEST_CASE("what a device does with each code", "[common][wire]") {
    CHECK(wire::action_for(Errc::token_expired) == Action::refresh_token);
    // A revoked or unknown token is not the end: the device renews its tokens (refresh, then its key).
    CHECK(wire::action_for(Errc::unauthorized) == Action::refresh_token);
    CHECK(wire::action_for(Errc::offset_mismatch) == Action::resume_upload);
    for (Errc c : {Errc::code_expired, Errc::forbidden, Errc::device_revoked, Errc::not_found,
                   Errc::method_not_allowed})
        CHECK(wire::action_for(c) == Action::stop);
    for (Errc c : {Errc::malformed, Errc::invalid_argument, Errc::too_large, Errc::integrity, Errc::rejected,
                   Errc::conflict, Errc::already_exists})
        CHECK(wire::action_for(c) == Action::set_aside);
    for (Errc c : {Errc::unavailable, Errc::storage, Errc::timeout, Errc::disk_full, Errc::server_error,
                   Errc::internal, Errc::network})
        CHECK(wire::action_for(c) == Action::retry_later);
    CHECK(wire::action_name(Action::refresh_token) == "refresh_token");
}

TEST_CASE("a reply a device does not fully understand is read by its status", "[common][wire]") {
    SECTION("an unknown code: the status's first row") {
        auto e = wire::from_reply(401, R"({"error":"some_new_code","message":"新的 / new"})", {});
        CHECK(e.code() == Errc::unauthorized);
        CHECK(e.error.message() == "新的 / new");
        CHECK(wire::from_reply(400, R"({"error":"x"})", {}).code() == Errc::malformed);
        CHECK(wire::from_reply(403, "", {}).code() == Errc::forbidden);
        CHECK(wire::from_reply(409, "", {}).code() == Errc::conflict);
        CHECK(wire::from_reply(422, "", {}).code() == Errc::integrity);
        CHECK(wire::from_reply(503, "", {}).code() == Errc::unavailable);
        CHECK(wire::from_reply(507, "", {}).code() == Errc::disk_full);
        CHECK(wire::from_reply(429, "<html>slow down</html>", {}).code() == Errc::rate_limited);
        CHECK(wire::from_reply(429, "", {}).action() == Action::retry_later);
    }
    SECTION("a status no row has: the server failed, retry later") {
        for (long status : {431L, 502L, 504L, 418L}) {
            auto e = wire::from_reply(status, "<html>busy</html>", {});
            CHECK(e.code() == Errc::server_error);
            CHECK(e.action() == Action::retry_later);
        }
    }
    SECTION("no words: the known code's, else the status in words") {
        CHECK(wire::from_reply(401, R"({"error":"token_expired"})", {}).error.message() ==
              "访问令牌已过期，请刷新 / the access token expired: refresh it");
        CHECK(wire::from_reply(502, "<html>bad gateway</html>", {}).error.message() ==
              "服务器返回 HTTP 502 / the server answered HTTP 502");
        CHECK(wire::from_reply(500, R"({"error":42,"message":["not","words"]})", {}).error.message() ==
              "服务器返回 HTTP 500 / the server answered HTTP 500");
    }
    SECTION("a code of the wrong status still names the code") {
        CHECK(wire::from_reply(400, R"({"error":"device_revoked","message":"m"})", {}).code() == Errc::device_revoked);
    }
}

TEST_CASE("the server's words: an error without its own gets the registry's, bad bytes never throw", "[common][wire]") {
    auto reply = wire::to_reply(Error{Errc::device_revoked, Msg::verbatim, ""});
    CHECK(reply.status == 403);
    CHECK(nlohmann::json::parse(reply.body)["message"] ==
          "此设备已被停用，请联系协调员 / this device was revoked: contact your coordinator");
    CHECK(wire::error_of(Errc::internal).message() == "服务器内部错误 / internal server error");

    auto odd = wire::to_reply(Error{Errc::malformed, Msg::verbatim, std::string("\xff\xfe quote \" end", 15)});
    CHECK_NOTHROW(nlohmann::json::parse(odd.body));
    CHECK(wire::error_body("bad_input", Error{Errc::invalid_argument, Msg::verbatim, "x"}) ==
          R"({"error":"bad_input","message":"x","message_id":"verbatim","args":["x"]})");
    // Errc::ok is no error: it answers as internal rather than as a success.
    CHECK(wire::to_reply(Error{Errc::ok, Msg::verbatim, ""}).status == 500);
}

TEST_CASE("docs/SYNC.md carries the wire-error table exactly as the code has it", "[common][wire][docs]") {
    std::ifstream in(std::string(DUCHA_SOURCE_DIR) + "/docs/SYNC.md");
    REQUIRE(in);
    std::string doc((std::istreambuf_iterator<char>(in)), {});
    const std::string table = wire::registry_markdown();
    INFO("paste this table into docs/SYNC.md (\"Failures\"):\n" << table);
    CHECK(doc.find(table) != std::string::npos);
}
