#include "server/storage/checkpointer.h"

namespace ducha::server {

Checkpointer::Checkpointer(store::Database db, std::chrono::milliseconds interval)
    : m_db(std::move(db)), m_interval(interval), m_thread([this] { loop(); }) {}

Checkpointer::~Checkpointer() {
    {
        std::lock_guard lk(m_mu);
        m_stop = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

std::uint64_t Checkpointer::checkpoints() const {
    std::lock_guard lk(m_mu);
    return m_count;
}

void Checkpointer::checkpoint() {
    // PASSIVE: copies what no reader still needs and never blocks the writer or the readers.
    // A failure (busy, disk full) is retried next round; the WAL keeps every commit meanwhile.
    if (m_db.exec("PRAGMA wal_checkpoint(PASSIVE)")) {
        std::lock_guard lk(m_mu);
        ++m_count;
    }
}

void Checkpointer::loop() {
    std::unique_lock lk(m_mu);
    while (!m_stop) {
        m_cv.wait_for(lk, m_interval, [this] { return m_stop; });
        lk.unlock();
        checkpoint();
        lk.lock();
    }
}

}  // namespace ducha::server
