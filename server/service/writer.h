#pragma once
// The one writer: jobs submitted from any thread run on the writer thread inside a shared
// transaction (group commit). Each job runs in its own savepoint, so one job's failure does not
// undo the others; every job's `done` runs only after the batch's COMMIT returned (durable), or
// with the error that stopped the batch. Reports applied in a batch get one server signature over
// the batch's Merkle root (see on_leaf).
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "ducha.pb.h"
#include "shared/common/bytes.h"
#include "shared/common/clock.h"
#include "shared/common/result.h"
#include "shared/crypto/ed25519.h"
#include "shared/store/connection.h"
#include "shared/store/database.h"

namespace ducha::server {

class WriteBatch {
public:
    store::Connection& db;
    std::int64_t server_time_ms = 0;
    std::string batch_id;

    std::int64_t next_seq() { return ++m_seq; }
    // Registers a report hash as a Merkle leaf of this batch. `signed_receipt` runs inside the
    // transaction once the root is signed, with the receipt filled in except for its seq.
    void on_leaf(Bytes report_hash, std::function<Status(pb::Receipt&)> signed_receipt);
    // Runs inside the transaction after receipts exist (e.g. store the acks that carry them).
    void finally(std::function<Status()> f) { m_finally.push_back(std::move(f)); }

private:
    friend class Writer;
    WriteBatch(store::Connection& d, std::int64_t seq) : db(d), m_seq(seq) {}
    std::int64_t m_seq;
    struct Leaf {
        Bytes hash;
        std::function<Status(pb::Receipt&)> cb;
    };
    std::vector<Leaf> m_leaves;
    std::vector<std::function<Status()>> m_finally;
};

class Writer {
public:
    using Work = std::function<Status(WriteBatch&)>;
    using Done = std::function<void(Status)>;

    struct Config {
        std::size_t max_jobs_per_batch = 256;
        const Clock* clock = &system_clock();  // stamps each batch's server_time_ms
        // Opens a new connection when the database closed the writer's (PostgreSQL restarted):
        // the batch that met the closed connection fails (its devices send again), the next one
        // runs on a new connection. Unset: the connection is the writer's for good (SQLite).
        std::function<Result<std::unique_ptr<store::Connection>>()> reopen;
    };

    // The writer owns its connection, of either backend.
    Writer(std::unique_ptr<store::Connection> db, crypto::Ed25519KeyPair server_key, std::int64_t last_seq, Config cfg);
    Writer(store::Database db, crypto::Ed25519KeyPair server_key, std::int64_t last_seq, Config cfg)
        : Writer(std::make_unique<store::Database>(std::move(db)), std::move(server_key), last_seq, cfg) {}
    Writer(store::Database db, crypto::Ed25519KeyPair server_key, std::int64_t last_seq)
        : Writer(std::move(db), std::move(server_key), last_seq, Config{}) {}
    ~Writer();  // finishes queued jobs, then stops

    void submit(Work work, Done done);
    // Runs `work` in its own batch and waits (for set-up, CLI-side admin and tests).
    Status run_sync(Work work);

    struct Stats {
        std::uint64_t batches = 0, jobs = 0, failed_batches = 0;
        std::int64_t last_seq = 0;
        std::size_t queued = 0;
    };
    Stats stats() const;

private:
    struct Job {
        Work work;
        Done done;
    };
    void loop();
    void run_batch(std::vector<Job>& jobs);
    Status run_job(WriteBatch& batch, Job& job, Status& result);
    Status sign_receipts(WriteBatch& batch);

    // BEGIN, COMMIT, SAVEPOINT and RELEASE (see writer.cpp).
    Status control(std::string_view sql);
    // Before a batch: a new connection when the database closed ours and the config can reopen.
    Status ensure_connection();

    std::unique_ptr<store::Connection> m_owned_db;
    store::Connection* m_db;
    crypto::Ed25519KeyPair m_key;
    Config m_cfg;
    mutable std::mutex m_mu;
    std::condition_variable m_cv;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    std::int64_t m_seq;
    Stats m_stats;
    std::thread m_thread;
};

}  // namespace ducha::server
