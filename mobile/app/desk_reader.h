#pragma once
// The desk lists' reader: one thread with its own connection to the device database, so a list
// over 50,000 records never blocks the GUI thread. The GUI thread's connection stays on the GUI
// thread (SQLite connections are never shared between threads); the database is in WAL mode, so
// this connection reads the last committed state while the GUI thread writes.
//
// Reads run one at a time, in the order asked. Each answer comes back on the GUI thread (queued)
// to whoever asked, unless the asker is gone by then. The thread starts with the first read, the
// connection opens with the first read on it; closeConnection() drops it (a new enrollment), and
// the destructor stops the thread and drops the reads still waiting.
//
// Only reads come here: the desk lists' reads and the facades' longer ones (DeskFacade::readOff:
// an export made and its file written, a history, a draw's re-run, a report in full). Every write
// to the database (an action of a list or a facade, an export's audit entry) stays on the GUI
// thread's connection, one short transaction whose {ok, message} QML needs at once.
#include <QObject>
#include <QPointer>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "mobile/app/desk_read.h"

namespace ducha::app {

class DeskReader : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(Result<DeskRead>)>;
    // A read not started yet can be called off (its asker asked again): it is then skipped.
    using Ticket = std::shared_ptr<std::atomic<bool>>;

    // `profileDir`: the profile the session opened; this reader opens the same database.
    explicit DeskReader(QString profileDir, QObject* parent = nullptr);
    ~DeskReader() override;

    // Runs `job` on the reader's thread with `context`; then `done` on this object's thread, unless
    // `asker` was destroyed meanwhile or the read was called off. GUI thread only.
    Ticket read(QObject* asker, DeskReadContext context, DeskReadJob job, Done done);
    static void callOff(const Ticket& ticket) {
        if (ticket) ticket->store(true);
    }
    // The next read opens a new connection (the profile was enrolled again).
    void closeConnection();

    // Tests: runs on the reader's thread before each read (to see which thread reads, or to hold
    // a read back). Set it before the read it should see.
    void setJobHook(std::function<void()> hook);

private:
    struct Job {
        std::uint64_t id = 0;
        DeskReadContext context;
        DeskReadJob run;
        Ticket calledOff;
    };
    struct Waiting {
        QPointer<QObject> asker;
        Done done;
    };
    void loop();
    void finish(std::uint64_t id, std::optional<Result<DeskRead>> result);

    const QString m_dir;
    std::map<std::uint64_t, Waiting> m_waiting;  // GUI thread only
    std::uint64_t m_nextId = 0;

    std::mutex m_mutex;  // guards what follows
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stop = false, m_reopen = false;
    std::function<void()> m_hook;

    std::thread m_thread;  // started by the first read
};

}  // namespace ducha::app
