// ducha-app: the volunteer's phone app. Desktop Linux runs the same build (phone-sized window).
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>

#include "mobile/app/app_session.h"
#include "mobile/shell/app_engine.h"

int main(int argc, char* argv[]) {
    QElapsedTimer clock;
    clock.start();
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
        QObject::connect(poll, &QTimer::timeout, &qapp, [w, first, &clock, poll] {
            if (*first < 0 || !w->property("interactive").toBool()) {
                if (clock.elapsed() > 20000) {
                    std::printf("startup: timeout\n");
                    QCoreApplication::exit(2);
                }
                return;
            }
            poll->stop();
            std::printf("first_frame_ms=%lld interactive_ms=%lld tasks=%d\n", static_cast<long long>(*first),
                        static_cast<long long>(clock.elapsed()), w->property("taskCount").toInt());
            std::fflush(stdout);
            QCoreApplication::quit();
        });
        poll->start();
    }
    return qapp.exec();
}
