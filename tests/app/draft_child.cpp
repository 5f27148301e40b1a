#include "app/draft_child.h"

#include <QCoreApplication>
#include <QThread>
#include <cstdio>

#include "mobile/app/app_session.h"
#include "mobile/app/inspection_session.h"

namespace ducha::test {

int run_draft_child(const char* profile_dir, const char* task_id) {
    app::AppSession session(QString::fromLocal8Bit(profile_dir));
    app::InspectionSession inspection(&session);
    inspection.setTaskId(QString::fromLocal8Bit(task_id));
    if (!inspection.ready()) {
        std::fprintf(stderr, "draft child: %s\n", qPrintable(inspection.loadError()));
        return 1;
    }
    inspection.setCurrentStep(2);
    inspection.setAnswer("L1", "fail");
    inspection.setItemNote("L1", QString::fromUtf8(kDraftChildNote));
    for (const char* code : {"L2", "L3", "L4"}) inspection.setAnswer(code, "pass");
    inspection.setNotes("before the kill");
    std::printf("filled\n");
    std::fflush(stdout);
    for (;;) QThread::sleep(1);  // the parent ends this with SIGKILL
}

}  // namespace ducha::test
