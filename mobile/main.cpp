// ducha-app: the volunteer's phone app. Desktop Linux runs the same build (phone-sized window).
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <unistd.h>

namespace {
// Milliseconds from the process's exec to now (Linux, 10 ms resolution): what loading the
// libraries cost before main() ran. -1 where /proc does not tell.
long long ms_since_exec() {
    std::ifstream stat("/proc/self/stat"), up("/proc/uptime");
    std::string text((std::istreambuf_iterator<char>(stat)), {});
    auto close = text.rfind(')');
    double uptime = 0;
    if (close == std::string::npos || !(up >> uptime)) return -1;
    std::istringstream rest(text.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 22 && rest >> field; ++i) {}
    const long ticks = sysconf(_SC_CLK_TCK);
    return static_cast<long long>(uptime * 1000 - std::stod(field) * 1000 / ticks);
}
}  // namespace

#include "mobile/app/app_session.h"
#include "mobile/app/sync_controller.h"
#include "mobile/app/task_list_model.h"
#include "mobile/shell/app_engine.h"

namespace {
// Milliseconds from the start of the load (the session opening the profile database) to `at`;
// -1 when it never came.
double ms_after_load(const ducha::app::AppSession& s, std::optional<std::chrono::steady_clock::time_point> at) {
    if (!at) return -1;
    return std::chrono::duration<double, std::milli>(*at - s.loadStartedAt()).count();
}

// The Today list's model, wherever QML put it in the window's object tree.
const ducha::app::TaskListModel* today_model(QQuickWindow* w) {
    if (auto* m = w->findChild<ducha::app::TaskListModel*>("taskModel")) return m;
    return w->contentItem()->findChild<ducha::app::TaskListModel*>("taskModel");
}
}  // namespace

int main(int argc, char* argv[]) {
    QElapsedTimer clock;
    clock.start();
    const long long before_main = ms_since_exec();
    ducha::app::AppEngine::prepareProcess();
    QGuiApplication qapp(argc, argv);

    QCommandLineParser cli;
    cli.setApplicationDescription("ducha-app — 双减督查 (volunteer app)");
    cli.addHelpOption();
    QCommandLineOption profile("profile", "Profile directory (default: DUCHA_PROFILE or the app-data folder).", "DIR");
    QCommandLineOption lang("lang", "Interface language: zh (default) or en.", "zh|en");
    QCommandLineOption startup("measure-startup",
                               "Print ms to the first frame and to an interactive task list, then quit.");
    cli.addOptions({profile, lang, startup});
    cli.process(qapp);

    ducha::app::AppEngine app(cli.isSet(profile) ? cli.value(profile) : ducha::app::AppEngine::defaultProfileDir());
    if (cli.isSet(lang)) app.session().setLanguage(cli.value(lang));
    if (!app.load()) return 1;

    if (cli.isSet(startup)) {
        // First frame: the window swapped its first buffer. Interactive: the task list has its rows.
        QQuickWindow* w = app.window();
        auto first = std::make_shared<qint64>(-1);
        QObject::connect(w, &QQuickWindow::frameSwapped, &qapp, [first, &clock] {
            if (*first < 0) *first = clock.elapsed();
        });
        auto* poll = new QTimer(&qapp);
        poll->setInterval(1);
        QObject::connect(poll, &QTimer::timeout, &qapp, [w, first, &clock, poll, before_main, &app] {
            if (*first < 0 || !w->property("interactive").toBool()) {
                if (clock.elapsed() > 20000) {
                    std::printf("startup: timeout\n");
                    QCoreApplication::exit(2);
                }
                return;
            }
            poll->stop();
            // The load: from the profile database being opened to the Today list's rows and the
            // banner's counts (see docs/BENCHMARKS.md, "App load with a big profile").
            const ducha::app::TaskListModel* today = today_model(w);
            std::printf("load_task_list_ms=%.2f load_banner_ms=%.2f pending=%d photos=%d set_aside=%d rows=%d\n",
                        ms_after_load(app.session(), today ? today->firstRowsAt() : std::nullopt),
                        ms_after_load(app.session(), app.sync().firstCountedAt()), app.sync().pendingChanges(),
                        app.sync().pendingPhotos(), app.sync().setAside(), today ? today->count() : -1);
            // Counted from main(); exec_to_main_ms is what came before it (library loading).
            std::printf("first_frame_ms=%lld interactive_ms=%lld tasks=%d exec_to_main_ms=%lld\n",
                        static_cast<long long>(*first), static_cast<long long>(clock.elapsed()),
                        w->property("taskCount").toInt(), before_main);
            std::fflush(stdout);
            QCoreApplication::quit();
        });
        poll->start();
    }
    return qapp.exec();
}
