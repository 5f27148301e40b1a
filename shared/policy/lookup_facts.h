#pragma once
// The write rules' facts (WriteFacts) from any store that fetches a record by collection and id:
// the server's database (authoritative: a missing fact refuses) or a device's replica (not: the
// replica holds only its scope, so a missing fact lets the change through and the server decides).
#include <functional>

#include "shared/policy/write_rules.h"

namespace ducha::policy {

class LookupFacts final : public WriteFacts {
public:
    // The stored record, or nullopt (also when it cannot be read: the rule then sees no fact).
    using Get = std::function<std::optional<pb::Record>(std::string_view collection, const std::string& id)>;
    // Calls `each` with every stored user record until it returns false (for phone_holder). Without
    // it no phone number is found in use.
    using EachUser = std::function<void(const std::function<bool(const pb::Record&)>& each)>;
    LookupFacts(Get get, std::int64_t now_ms, bool authoritative, EachUser each_user = {})
        : m_get(std::move(get)), m_each_user(std::move(each_user)), m_now_ms(now_ms), m_authoritative(authoritative) {}

    std::optional<pb::Task> task(const std::string& id) const override;
    std::optional<pb::Report> report(const std::string& id) const override;
    std::optional<pb::User> user(const std::string& id) const override;
    std::optional<pb::Institution> institution(const std::string& id) const override;
    std::optional<pb::Zone> zone(const std::string& id) const override;
    std::optional<pb::ChecklistTemplate> checklist(const std::string& id) const override;
    std::optional<PhoneHolder> phone_holder(const std::string& digits, const std::string& except_id) const override;
    // The record's server time; unknown for a change only queued on a device (no server time yet).
    std::optional<std::int64_t> stored_at_ms(std::string_view collection, const std::string& id) const override;
    std::int64_t now_ms() const override { return m_now_ms; }
    bool authoritative() const override { return m_authoritative; }

private:
    template <typename M>
    std::optional<M> live(std::string_view collection, const std::string& id) const;

    Get m_get;
    EachUser m_each_user;
    std::int64_t m_now_ms;
    bool m_authoritative;
};

}  // namespace ducha::policy
