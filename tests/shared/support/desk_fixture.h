#pragma once
// A desk device for unit tests of shared/desk/: a real profile directory (sync::DeviceProfile)
// whose meta table holds the identity enrollment leaves, whose replica holds records as the
// server sends them in a pull, and the RecordWriter every desk module acts through. No server:
// what a module queues is read back from the outbox, where DeviceProfile::submit put it after
// judging it by the write rules.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ducha.pb.h"
#include "shared/common/result.h"
#include "shared/desk/record_writer.h"
#include "shared/domain/checklist.h"
#include "shared/domain/collections.h"
#include "shared/sync/device_profile.h"

namespace ducha::test {

// A fresh directory, removed with everything in it.
class TempDir {
public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "ducha-desk-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        m_path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// Who the device belongs to, as enrollment stores it (DeviceProfile::enroll's meta keys).
struct Enrolled {
    std::string user_id, role, district_id;  // district empty: city-wide staff
    std::string device_id = "dev-desk";
    std::string user_name = "测试用户";
};

class DeskDevice {
public:
    // An enrolled device of `who`.
    explicit DeskDevice(const Enrolled& who) : DeskDevice() {
        for (auto [k, v] : {std::pair<std::string_view, std::string>{"server_url", "https://127.0.0.1:8443"},
                            {"pin", "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="},
                            {"device_id", who.device_id},
                            {"user_id", who.user_id},
                            {"role", who.role},
                            {"user_name", who.user_name},
                            {"district_id", who.district_id},
                            {"server_public_key", std::string(32, '\x01')}})
            REQUIRE(store().set_meta(k, v));
    }
    // A profile directory that has not been enrolled.
    DeskDevice() {
        auto p = sync::DeviceProfile::open(m_dir.path() / "profile");
        REQUIRE(p.has_value());
        m_profile.emplace(std::move(*p));
        m_writer.emplace(*m_profile);
    }
    DeskDevice(const DeskDevice&) = delete;
    DeskDevice& operator=(const DeskDevice&) = delete;

    sync::DeviceProfile& profile() { return *m_profile; }
    sync::LocalStore& store() { return m_profile->store(); }
    desk::RecordWriter& writer() { return *m_writer; }

    // A record as the server sends it in a pull: the next server seq, its version, the server time.
    void put(std::string_view collection, const std::string& id, const google::protobuf::Message& msg,
             std::int64_t version = 1, std::int64_t updated_at_ms = 1700000000000) {
        pb::Record r;
        r.set_collection(std::string(collection));
        r.set_id(id);
        r.set_version(version);
        r.set_payload(msg.SerializeAsString());
        r.set_seq(++m_seq);
        r.set_updated_at(updated_at_ms);
        REQUIRE(store().apply_remote(r));
    }

    // What this device has queued, oldest first.
    std::vector<sync::OutboxItem> outbox() {
        auto o = store().outbox();
        REQUIRE(o.has_value());
        return *o;
    }

    // The server accepts everything queued, as a sync would: each change acknowledged with the
    // next server seq and the version it now has.
    void ack_all() {
        for (const auto& it : outbox()) {
            pb::Ack ack;
            ack.set_client_seq(it.client_seq);
            ack.set_status(pb::Ack::APPLIED);
            ack.set_seq(++m_seq);
            ack.set_version(it.mutation.base_version() + 1);
            REQUIRE(store().acked(it.client_seq, ack));
        }
    }

    std::int64_t last_seq() const { return m_seq; }

private:
    TempDir m_dir;
    std::optional<sync::DeviceProfile> m_profile;
    std::optional<desk::RecordWriter> m_writer;
    std::int64_t m_seq = 100;
};

template <typename M>
M parsed(const std::string& payload) {
    M m;
    REQUIRE(m.ParseFromString(payload));
    return m;
}

// The error of a refused action: its code and English words (the message is bilingual).
template <typename T>
Error refusal(const Result<T>& r, Errc code, std::string_view english) {
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().message());
    CHECK(r.error().code == code);
    CHECK(r.error().message().find(english) != std::string::npos);
    CHECK(r.error().message().find(" / ") != std::string::npos);
    return r.error();
}

// ---------------------------------------------------------------- a small city in the replica
// Two districts; zones, institutions and people in each; the checklist. Ids are short and fixed.

inline pb::User person(const std::string& name, const std::string& role, const std::string& district, bool active = true) {
    pb::User u;
    u.set_name(name);
    u.set_role(role);
    u.set_district_id(district);
    u.set_active(active);
    return u;
}

inline pb::Institution institution(const std::string& name, const std::string& district, const std::string& zone) {
    pb::Institution i;
    i.set_name(name);
    i.set_address(name + " 地址");
    i.set_district_id(district);
    i.set_zone_id(zone);
    i.set_licensed(true);
    i.set_category("艺术类");
    return i;
}

inline void put_city(DeskDevice& d) {
    using namespace ducha::domain;
    pb::District da;
    da.set_name("铁东区");
    da.set_name_en("Tiedong");
    d.put(kDistrict, "dA", da);
    pb::District db;
    db.set_name("铁西区");
    db.set_name_en("Tiexi");
    d.put(kDistrict, "dB", db);

    pb::Zone z;
    z.set_district_id("dA");
    z.set_name("胜利片区");
    z.add_communities("胜利小区");
    z.add_communities("园林小区");
    d.put(kZone, "zA1", z);
    z.Clear();
    z.set_district_id("dA");
    z.set_name("站前片区");
    d.put(kZone, "zA2", z);
    z.Clear();
    z.set_district_id("dB");
    z.set_name("兴盛片区");
    d.put(kZone, "zB1", z);

    auto a1 = institution("启航教育", "dA", "zA1");
    a1.set_academic(true);
    a1.set_key_target(true);
    a1.set_complaint_count(2);
    a1.set_past_violations(1);
    a1.set_category("学科类");
    a1.mutable_location()->set_lat(41.11);
    a1.mutable_location()->set_lon(122.99);
    d.put(kInstitution, "iA1", a1);
    d.put(kInstitution, "iA2", institution("星光艺术", "dA", "zA2"));
    auto a3 = institution("明德书院", "dA", "zA1");
    a3.set_licensed(false);
    a3.set_academic(true);
    a3.set_category("学科类");
    d.put(kInstitution, "iA3", a3);
    d.put(kInstitution, "iB1", institution("西城培训", "dB", "zB1"));

    d.put(kUser, "vA1", person("王芳", "volunteer", "dA"));
    d.put(kUser, "vA2", person("李强", "volunteer", "dA"));
    d.put(kUser, "vA3", person("张伟", "volunteer", "dA"));
    d.put(kUser, "vA4", person("赵敏", "volunteer", "dA", false));
    d.put(kUser, "vB1", person("刘洋", "volunteer", "dB"));
    d.put(kUser, "coA", person("陈静", "coordinator", "dA"));
    d.put(kUser, "coA2", person("周丽", "coordinator", "dA"));
    d.put(kUser, "sup", person("孙督导", "supervisor", ""));

    d.put(kChecklistTemplate, "tpl-v1", default_checklist());
}

inline const Enrolled kCoordinatorA{"coA", "coordinator", "dA", "dev-coA", "陈静"};
inline const Enrolled kCoordinatorA2{"coA2", "coordinator", "dA", "dev-coA2", "周丽"};
inline const Enrolled kSupervisor{"sup", "supervisor", "", "dev-sup", "孙督导"};
inline const Enrolled kVolunteerA{"vA1", "volunteer", "dA", "dev-vA1", "王芳"};

}  // namespace ducha::test
