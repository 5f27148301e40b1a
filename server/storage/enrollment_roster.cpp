#include "server/storage/enrollment_roster.h"

#include <set>

#include "ducha.pb.h"
#include "server/storage/record_table.h"
#include "shared/domain/collections.h"
#include "shared/store/transaction.h"

namespace ducha::server {

Result<EnrollmentRoster> EnrollmentRosterReader::read() const {
    store::Transaction tx(m_db, store::Transaction::Deferred);
    if (!tx.begun()) return fail(tx.begun().error());
    RecordTable table{m_db};
    EnrollmentRoster roster;
    std::optional<Error> bad;  // a stored payload that does not parse stops the read
    auto unparsable = [&bad](const pb::Record& r) {
        bad = Error{Errc::integrity, Msg::collection_record_unparsable, r.collection() + " " + r.id()};
        return false;
    };

    if (auto r = table.for_each_live(domain::kDistrict, [&](const pb::Record& rec) {
            pb::District d;
            if (!d.ParseFromString(rec.payload())) return unparsable(rec);
            roster.districts.emplace(rec.id(), d.name());
            return true;
        });
        !r)
        return fail(r.error());
    if (bad) return fail(*bad);

    std::set<std::string> enrolled;  // user ids with a device that is not revoked
    if (auto r = table.for_each_live(domain::kDevice, [&](const pb::Record& rec) {
            pb::Device d;
            if (!d.ParseFromString(rec.payload())) return unparsable(rec);
            if (!d.revoked()) enrolled.insert(d.user_id());
            return true;
        });
        !r)
        return fail(r.error());
    if (bad) return fail(*bad);

    if (auto r = table.for_each_live(domain::kUser, [&](const pb::Record& rec) {
            pb::User u;
            if (!u.ParseFromString(rec.payload())) return unparsable(rec);
            RosterPerson p;
            p.user_id = rec.id();
            p.name = u.name();
            p.role = u.role();
            p.district_id = u.district_id();
            if (auto d = roster.districts.find(u.district_id()); d != roster.districts.end()) p.district = d->second;
            p.school = u.school();
            p.phone = u.phone();
            p.active = u.active();
            p.has_device = enrolled.count(rec.id()) > 0;
            roster.people.push_back(std::move(p));
            return true;
        });
        !r)
        return fail(r.error());
    if (bad) return fail(*bad);
    return roster;
}

}  // namespace ducha::server
