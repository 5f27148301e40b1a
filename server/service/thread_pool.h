#pragma once
// A fixed pool for CPU work (signature checks, pulls) so the I/O threads only move bytes.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ducha::server {

class ThreadPool {
public:
    explicit ThreadPool(unsigned threads);
    ~ThreadPool();  // runs what is queued, then joins
    void post(std::function<void()> f);
    std::size_t queued() const;

private:
    mutable std::mutex m_mu;
    std::condition_variable m_cv;
    std::deque<std::function<void()>> m_q;
    bool m_stop = false;
    std::vector<std::thread> m_threads;
};

}  // namespace ducha::server
