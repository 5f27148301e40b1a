#include "server/service/writer.h"

#include <algorithm>
#include <chrono>
#include <future>

#include "server/storage/feed_sequencer.h"
#include "server/storage/record_table.h"
#include "shared/crypto/merkle.h"
#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"
#include "shared/store/statement.h"

namespace ducha::server {

using Step = store::TransactionStep;

void WriteBatch::on_leaf(Bytes report_hash, std::function<Status(pb::Receipt&)> signed_receipt) {
    m_leaves.push_back({std::move(report_hash), std::move(signed_receipt)});
}

Writer::Writer(std::unique_ptr<store::Connection> db, crypto::Ed25519KeyPair server_key, std::int64_t last_seq,
               Config cfg)
    : m_owned_db(std::move(db)), m_db(m_owned_db.get()), m_key(std::move(server_key)), m_cfg(cfg), m_seq(last_seq) {
    m_stats.last_seq = last_seq;
    m_thread = std::thread([this] { loop(); });
}

Writer::~Writer() {
    {
        std::lock_guard lk(m_mu);
        m_stopping = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void Writer::submit(Work work, Done done) {
    {
        std::lock_guard lk(m_mu);
        if (m_stopping) {
            done(fail(Errc::unavailable, Msg::server_shutting_down));
            return;
        }
        m_queue.push_back({std::move(work), std::move(done)});
    }
    m_cv.notify_one();
}

Status Writer::run_sync(Work work) {
    std::promise<Status> p;
    auto f = p.get_future();
    submit(std::move(work), [&p](Status s) { p.set_value(std::move(s)); });
    return f.get();
}

Writer::Stats Writer::stats() const {
    std::lock_guard lk(m_mu);
    Stats s = m_stats;
    s.queued = m_queue.size();
    return s;
}

void Writer::loop() {
    for (;;) {
        std::vector<Job> jobs;
        {
            std::unique_lock lk(m_mu);
            m_cv.wait(lk, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() && m_stopping) return;
            // Everything that queued while the last commit was syncing joins this batch.
            while (!m_queue.empty() && jobs.size() < m_cfg.max_jobs_per_batch) {
                jobs.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        run_batch(jobs);
    }
}

// Transaction control runs a few times per job: on SQLite it is prepared once and reused (parsing
// "SAVEPOINT job" anew for each of thousands of jobs a second showed in profiles). PostgreSQL's
// extended protocol does not prepare these words, so they go as plain statements there.
Status Writer::control(std::string_view sql) {
    if (m_db->dialect() != store::Dialect::sqlite) return m_db->exec(sql);
    return m_db->cached(sql).run();
}

Status Writer::ensure_connection() {
    if (!m_cfg.reopen || m_db->usable()) return {};
    auto db = m_cfg.reopen();
    if (!db) return fail(db.error());
    m_owned_db = std::move(*db);
    m_db = m_owned_db.get();
    return {};
}

void Writer::run_batch(std::vector<Job>& jobs) {
    const std::int64_t start_seq = m_seq;
    std::vector<Status> results(jobs.size());

    if (auto r = ensure_connection(); !r) {
        for (auto& j : jobs) j.done(fail(r.error()));
        return;
    }

    if (auto r = control(m_db->transaction_sql(Step::begin_immediate)); !r) {
        for (auto& j : jobs) j.done(fail(r.error()));
        return;
    }
    // Another process (`ducha-server enrollment-code` beside a running server) may have written
    // since our last batch; the write lock is ours now, so the file's highest seq is final.
    {
        auto last = RecordTable{*m_db}.max_seq();
        if (!last) {
            (void)m_db->exec(m_db->transaction_sql(Step::rollback));  // the commit's own error is what the jobs get
            for (auto& j : jobs) j.done(fail(last.error()));
            return;
        }
        m_seq = std::max(m_seq, *last);
        // PostgreSQL: another server instance may have written since; the sequencer row (locked
        // by our BEGIN) knows its last seq, also one whose record a later write replaced.
        if (m_db->dialect() == store::Dialect::postgresql) {
            auto handed_out = FeedSequencer{*m_db}.last_seq();
            if (!handed_out) {
                (void)m_db->exec(m_db->transaction_sql(Step::rollback));  // the read's error is what the jobs get
                for (auto& j : jobs) j.done(fail(handed_out.error()));
                return;
            }
            m_seq = std::max(m_seq, *handed_out);
        }
    }
    const std::int64_t locked_seq = m_seq;
    WriteBatch batch{*m_db, m_seq};
    batch.server_time_ms = m_cfg.clock->now_ms();
    batch.batch_id = crypto::new_uuid();

    auto abort_all = [&](const Error& e) {
        (void)m_db->exec(m_db->transaction_sql(Step::rollback));  // `e` is what the jobs get
        m_seq = start_seq;
        {
            std::lock_guard lk(m_mu);
            ++m_stats.failed_batches;
        }
        for (auto& j : jobs) j.done(fail(e));
    };

    for (std::size_t i = 0; i < jobs.size(); ++i)
        if (auto r = run_job(batch, jobs[i], results[i]); !r) return abort_all(r.error());
    if (auto r = sign_receipts(batch); !r) return abort_all(r.error());
    for (auto& f : batch.m_finally)
        if (auto r = f(); !r) return abort_all(r.error());

    if (m_db->dialect() == store::Dialect::postgresql && batch.m_seq > locked_seq)
        if (auto r = FeedSequencer{*m_db}.advance_to(batch.m_seq); !r) return abort_all(r.error());
    if (auto r = control(m_db->transaction_sql(Step::commit)); !r) return abort_all(r.error());
    m_seq = batch.m_seq;
    {
        std::lock_guard lk(m_mu);
        ++m_stats.batches;
        m_stats.jobs += jobs.size();
        m_stats.last_seq = m_seq;
    }
    for (std::size_t i = 0; i < jobs.size(); ++i) jobs[i].done(std::move(results[i]));
}

// One job inside its own savepoint: a refused job is undone alone and the batch goes on; an error
// of the database itself (disk full, storage) is returned and ends the batch. `result` is the job's answer.
// The savepoint has its own name, apart from the jobs' nested Transactions; SAVEPOINT, RELEASE and
// ROLLBACK TO are the same words on both backends.
Status Writer::run_job(WriteBatch& batch, Job& job, Status& result) {
        auto leaves_before = batch.m_leaves.size();
        auto finally_before = batch.m_finally.size();
    if (auto r = control("SAVEPOINT job"); !r) return fail(r.error());
        Status st;
        try {
        st = job.work(batch);
        } catch (const std::exception& e) {
            st = fail(Errc::internal, Msg::internal_error, e.what());
        }
        if (st) {
        if (auto r = control("RELEASE job"); !r) return fail(r.error());
        } else {
            // Undo this job only; its seqs may stay unused (seq stays strictly increasing).
            (void)m_db->exec("ROLLBACK TO job");
            (void)control("RELEASE job");
            batch.m_leaves.resize(leaves_before);
            batch.m_finally.resize(finally_before);
        if (st.error().code == Errc::disk_full || st.error().code == Errc::storage) return fail(st.error());
    }
    result = std::move(st);
    return {};
}

// One signature per commit (invariant 5): the batch's report hashes are the leaves of a Merkle
// tree whose root the server signs once; each report's receipt carries its path to that root.
Status Writer::sign_receipts(WriteBatch& batch) {
    if (batch.m_leaves.empty()) return {};
        std::vector<Bytes> leaves;
        leaves.reserve(batch.m_leaves.size());
        for (const auto& l : batch.m_leaves) leaves.push_back(l.hash);
        const crypto::MerkleTree tree(leaves);
        const Bytes& root = tree.root();
        auto count = static_cast<std::uint32_t>(leaves.size());
        Bytes sig = m_key.sign(domain::receipt_signing_bytes(batch.batch_id, root, batch.server_time_ms, count));
        for (std::uint32_t i = 0; i < count; ++i) {
            pb::Receipt rc;
            rc.set_report_hash(leaves[i]);
            rc.set_server_time(batch.server_time_ms);
            rc.set_batch_id(batch.batch_id);
            rc.set_batch_root(root);
            rc.set_leaf_index(i);
            rc.set_leaf_count(count);
            for (auto& p : tree.path(i)) rc.add_path(std::move(p));
            rc.set_server_signature(sig);
        if (auto r = batch.m_leaves[i].cb(rc); !r) return fail(r.error());
        }
    return {};
}

}  // namespace ducha::server
