#include "shared/desk/record_writer.h"

#include <algorithm>

#include "shared/crypto/random.h"

namespace ducha::desk {

Result<std::string> RecordWriter::create(std::string_view collection, const google::protobuf::Message& msg,
                                         std::string id) {
    pb::Mutation m;
    m.set_collection(std::string(collection));
    m.set_id(id.empty() ? crypto::new_uuid() : std::move(id));
    m.set_payload(msg.SerializeAsString());
    if (collection == "institution" || collection == "zone") {
        auto hlc = m_p.next_hlc();
        if (!hlc) return fail(hlc.error());
        m.set_hlc(*hlc);
    }
    auto q = m_p.submit(m);
    if (!q) return fail(q.error());
    return m.id();
}

Status RecordWriter::update(std::string_view collection, const std::string& id, std::int64_t base_version,
                            const google::protobuf::Message& msg) {
    pb::Mutation m;
    m.set_collection(std::string(collection));
    m.set_id(id);
    m.set_base_version(base_version);
    m.set_payload(msg.SerializeAsString());
    auto q = m_p.submit(m);
    if (!q) return fail(q.error());
    return {};
}

Status RecordWriter::edit_fields(std::string_view collection, const std::string& id, std::int64_t base_version,
                                 const google::protobuf::Message& msg, const std::vector<std::string>& fields) {
    auto hlc = m_p.next_hlc();
    if (!hlc) return fail(hlc.error());
    pb::Mutation m;
    m.set_collection(std::string(collection));
    m.set_id(id);
    m.set_base_version(base_version);
    m.set_payload(msg.SerializeAsString());
    m.set_hlc(*hlc);
    for (const auto& f : fields) m.add_changed_fields(f);
    auto q = m_p.submit(m);
    if (!q) return fail(q.error());
    return {};
}

Status RecordWriter::remove(std::string_view collection, const std::string& id, std::int64_t base_version,
                            const google::protobuf::Message& last) {
    pb::Mutation m;
    m.set_collection(std::string(collection));
    m.set_id(id);
    m.set_base_version(base_version);
    m.set_payload(last.SerializeAsString());
    m.set_deleted(true);
    auto q = m_p.submit(m);
    if (!q) return fail(q.error());
    return {};
}

Status require_grant(const sync::Identity& who, std::string_view collection, policy::Op op) {
    auto role = domain::parse_role(who.role);
    if (!role) return fail(Errc::forbidden, Msg::device_role_unknown_enroll_again);
    return policy::role_may(*role, collection, op);
}

Status require_district(const sync::Identity& who, const std::string& district_id) {
    if (who.district_id.empty() || who.district_id == district_id) return {};
    return fail(policy::outside_district_refusal());
}

}  // namespace ducha::desk
