// Catch2 runner for the app tests: one QGuiApplication for the process (offscreen unless the
// caller chose a platform), created before any test so QML and images work.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QGuiApplication>
#include <string_view>

#include "app/draft_child.h"
#include "mobile/shell/app_engine.h"

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    ducha::app::AppEngine::prepareProcess();
    int qargc = 1;
    QGuiApplication app(qargc, argv);
    // The process a test kills mid-inspection (tests/app/draft_kill_test.cpp) is this program.
    if (argc == 4 && std::string_view(argv[1]) == ducha::test::kDraftChildFlag)
        return ducha::test::run_draft_child(argv[2], argv[3]);
    return Catch::Session().run(argc, argv);
}
