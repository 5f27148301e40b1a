#pragma once
// What every coordinator and supervisor action does in the end: read records from the device's
// replica and queue changes in its outbox, by each collection's conflict rule (new record,
// compare-and-set from the version seen, or chosen fields last-writer-wins). Works offline; the
// server checks every change again (policy, state machines, draws) when it syncs.
#include <optional>
#include <string>
#include <vector>

#include <google/protobuf/message.h>

#include "ducha.pb.h"
#include "shared/common/result.h"
#include "shared/policy/write_rules.h"
#include "shared/sync/device_profile.h"

namespace ducha::desk {

template <typename M>
struct Loaded {
    std::string id;
    std::int64_t version = 0;
    std::int64_t seq = 0;
    std::int64_t updated_at = 0;  // server time, ms
    M msg;
};

class RecordWriter {
public:
    explicit RecordWriter(sync::DeviceProfile& profile) : m_p(profile) {}

    sync::DeviceProfile& profile() { return m_p; }
    sync::LocalStore& store() { return m_p.store(); }
    // Who acts: the enrolled identity (user id, role, district).
    Result<sync::Identity> identity() { return m_p.identity(); }

    template <typename M>
    Result<std::optional<Loaded<M>>> load(std::string_view collection, const std::string& id) {
        auto r = store().get(collection, id);
        if (!r) return fail(r.error());
        if (!*r || (*r)->deleted()) return std::optional<Loaded<M>>{};
        Loaded<M> l{(*r)->id(), (*r)->version(), (*r)->seq(), (*r)->updated_at(), {}};
        if (!l.msg.ParseFromString((*r)->payload())) return std::optional<Loaded<M>>{};
        return std::optional<Loaded<M>>{std::move(l)};
    }
    // Like load, with Errc::not_found naming what is missing.
    template <typename M>
    Result<Loaded<M>> require(std::string_view collection, const std::string& id, std::string_view what_zh) {
        auto l = load<M>(collection, id);
        if (!l) return fail(l.error());
        if (!*l)
            return fail(Errc::not_found, Msg::no_such_record_named, what_zh, collection, id);
        return std::move(**l);
    }
    template <typename M>
    Result<std::vector<Loaded<M>>> list(std::string_view collection) {
        auto rs = store().list(collection);
        if (!rs) return fail(rs.error());
        std::vector<Loaded<M>> out;
        out.reserve(rs->size());
        for (const auto& r : *rs) {
            Loaded<M> l{r.id(), r.version(), r.seq(), r.updated_at(), {}};
            if (l.msg.ParseFromString(r.payload())) out.push_back(std::move(l));
        }
        return out;
    }

    // A new record with a fresh UUID (or `id`); returns the id.
    Result<std::string> create(std::string_view collection, const google::protobuf::Message& msg, std::string id = {});
    // A compare-and-set change from the version this device holds.
    Status update(std::string_view collection, const std::string& id, std::int64_t base_version,
                  const google::protobuf::Message& msg);
    // Last-writer-wins change of the named fields (institution, zone).
    Status edit_fields(std::string_view collection, const std::string& id, std::int64_t base_version,
                       const google::protobuf::Message& msg, const std::vector<std::string>& fields);
    Status remove(std::string_view collection, const std::string& id, std::int64_t base_version,
                  const google::protobuf::Message& last);

private:
    sync::DeviceProfile& m_p;
};

// Whether a text a person typed is empty or only spaces.
inline bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// What a desk command checks before it builds anything: that the write rules give this person's
// role the operation at all, and that a record is in their district, refused in the rules' words
// (the full judgement of the change follows when it is queued, and again on the server).
Status require_grant(const sync::Identity& who, std::string_view collection, policy::Op op);
Status require_district(const sync::Identity& who, const std::string& district_id);

}  // namespace ducha::desk
