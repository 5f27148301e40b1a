#pragma once
// Copies the WAL back into the database file on its own thread and connection, so the writer's
// commits never pay for a checkpoint (SQLite's automatic one runs inside the committing thread).
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "shared/store/database.h"

namespace ducha::server {

class Checkpointer {
public:
    // `db` is a connection of its own to the server database (SQLite only: the WAL is SQLite's).
    Checkpointer(store::Database db, std::chrono::milliseconds interval);
    ~Checkpointer();  // one last checkpoint, then the thread stops
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    std::uint64_t checkpoints() const;

private:
    void loop();
    void checkpoint();

    store::Database m_db;
    std::chrono::milliseconds m_interval;
    mutable std::mutex m_mu;
    std::condition_variable m_cv;
    bool m_stop = false;
    std::uint64_t m_count = 0;
    std::thread m_thread;
};

}  // namespace ducha::server
