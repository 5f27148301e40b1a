#include "server/service/thread_pool.h"

namespace ducha::server {

ThreadPool::ThreadPool(unsigned threads) {
    if (threads == 0) threads = 1;
    for (unsigned i = 0; i < threads; ++i)
        m_threads.emplace_back([this] {
            for (;;) {
                std::function<void()> f;
                {
                    std::unique_lock lk(m_mu);
                    m_cv.wait(lk, [this] { return m_stop || !m_q.empty(); });
                    if (m_q.empty()) return;
                    f = std::move(m_q.front());
                    m_q.pop_front();
                }
                f();
            }
        });
}

ThreadPool::~ThreadPool() {
    {
        std::lock_guard lk(m_mu);
        m_stop = true;
    }
    m_cv.notify_all();
    for (auto& t : m_threads) t.join();
}

void ThreadPool::post(std::function<void()> f) {
    {
        std::lock_guard lk(m_mu);
        m_q.push_back(std::move(f));
    }
    m_cv.notify_one();
}

std::size_t ThreadPool::queued() const {
    std::lock_guard lk(m_mu);
    return m_q.size();
}

}  // namespace ducha::server
