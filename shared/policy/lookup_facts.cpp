#include "shared/policy/lookup_facts.h"

#include "shared/domain/collections.h"
#include "shared/domain/phone_number.h"

namespace ducha::policy {

using namespace ducha::domain;

template <typename M>
std::optional<M> LookupFacts::live(std::string_view collection, const std::string& id) const {
    if (id.empty()) return std::nullopt;
    auto r = m_get(collection, id);
    if (!r || r->deleted()) return std::nullopt;
    M m;
    if (!m.ParseFromString(r->payload())) return std::nullopt;
    return m;
}

std::optional<pb::Task> LookupFacts::task(const std::string& id) const { return live<pb::Task>(kTask, id); }
std::optional<pb::Report> LookupFacts::report(const std::string& id) const { return live<pb::Report>(kReport, id); }
std::optional<pb::User> LookupFacts::user(const std::string& id) const { return live<pb::User>(kUser, id); }
std::optional<pb::Institution> LookupFacts::institution(const std::string& id) const {
    return live<pb::Institution>(kInstitution, id);
}
std::optional<pb::Zone> LookupFacts::zone(const std::string& id) const { return live<pb::Zone>(kZone, id); }
std::optional<pb::ChecklistTemplate> LookupFacts::checklist(const std::string& id) const {
    return live<pb::ChecklistTemplate>(kChecklistTemplate, id);
}

std::optional<WriteFacts::PhoneHolder> LookupFacts::phone_holder(const std::string& digits,
                                                                 const std::string& except_id) const {
    std::optional<PhoneHolder> out;
    if (digits.empty() || !m_each_user) return out;
    m_each_user([&](const pb::Record& r) {
        pb::User u;
        if (r.deleted() || r.id() == except_id || !u.ParseFromString(r.payload())) return true;
        if (phone_digits(u.phone()) != digits) return true;
        out = PhoneHolder{r.id(), u.name()};
        return false;
    });
    return out;
}

std::optional<std::int64_t> LookupFacts::stored_at_ms(std::string_view collection, const std::string& id) const {
    auto r = m_get(collection, id);
    if (!r || r->updated_at() <= 0) return std::nullopt;
    return r->updated_at();
}

}  // namespace ducha::policy
