// Catch2 runner for the app tests: one QGuiApplication for the process (offscreen unless the
// caller chose a platform), created before any test so QML and images work.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QGuiApplication>

#include "mobile/shell/app_engine.h"

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    ducha::app::AppEngine::prepareProcess();
    int qargc = 1;
    QGuiApplication app(qargc, argv);
    return Catch::Session().run(argc, argv);
}
