#include "shared/store/connection.h"

#include "shared/store/statement.h"

namespace ducha::store {

Connection::Connection() : m_cache(std::make_unique<std::unordered_map<std::string, std::unique_ptr<Statement>>>()) {}
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;
Connection::~Connection() = default;

void Connection::drop_cached_statements() {
    if (m_cache) m_cache->clear();
}

Statement& Connection::cached(std::string_view sql) {
    std::string key{sql};
    auto it = m_cache->find(key);
    if (it == m_cache->end()) it = m_cache->emplace(key, std::make_unique<Statement>(*this, sql)).first;
    it->second->reset();
    it->second->clear_bindings();
    return *it->second;
}

}  // namespace ducha::store
