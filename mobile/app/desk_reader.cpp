#include "mobile/app/desk_reader.h"

#include "shared/sync/device_profile.h"

namespace ducha::app {

DeskReader::DeskReader(QString profileDir, QObject* parent) : QObject(parent), m_dir(std::move(profileDir)) {}

DeskReader::~DeskReader() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_jobs.clear();
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
    // Answers already posted to this object are dropped with it.
}

DeskReader::Ticket DeskReader::read(QObject* asker, DeskReadContext context, DeskReadJob job, Done done) {
    Ticket ticket = std::make_shared<std::atomic<bool>>(false);
    const std::uint64_t id = ++m_nextId;
    m_waiting.emplace(id, Waiting{QPointer<QObject>(asker), std::move(done)});
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(Job{id, std::move(context), std::move(job), ticket});
        if (!m_thread.joinable()) m_thread = std::thread([this] { loop(); });
    }
    m_wake.notify_one();
    return ticket;
}

void DeskReader::closeConnection() {
    std::lock_guard lock(m_mutex);
    m_reopen = true;
}

void DeskReader::setJobHook(std::function<void()> hook) {
    std::lock_guard lock(m_mutex);
    m_hook = std::move(hook);
}

void DeskReader::loop() {
    // The reader's own connection: opened, used and closed on this thread only.
    std::optional<sync::DeviceProfile> profile;
    for (;;) {
        Job job;
        std::function<void()> hook;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
            if (m_stop) return;
            if (m_reopen) profile.reset();
            m_reopen = false;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            hook = m_hook;
        }
        auto result = std::make_shared<std::optional<Result<DeskRead>>>();
        if (!job.calledOff->load()) {
            if (hook) hook();
            if (!profile) {
                if (auto opened = sync::DeviceProfile::open(m_dir.toStdString()); opened)
                    profile.emplace(std::move(*opened));
                else
                    result->emplace(fail(opened.error()));
            }
            if (profile) {
                desk::RecordWriter writer(*profile);
                result->emplace(job.run(writer, job.context));
            }
        }
        QMetaObject::invokeMethod(this, [this, id = job.id, result] { finish(id, std::move(*result)); }, Qt::QueuedConnection);
    }
}

void DeskReader::finish(std::uint64_t id, std::optional<Result<DeskRead>> result) {
    auto it = m_waiting.find(id);
    if (it == m_waiting.end()) return;
    Waiting waiting = std::move(it->second);
    m_waiting.erase(it);
    if (!result || !waiting.asker) return;  // called off, or nobody left to tell
    waiting.done(std::move(*result));
}

}  // namespace ducha::app
