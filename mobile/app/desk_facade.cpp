#include "mobile/app/desk_facade.h"

#include "mobile/app/desk_support.h"

namespace ducha::app {

void DeskFacade::setSession(AppSession* session) {
    if (session == m_session) return;
    m_session = session;
    emit sessionChanged();
}

bool DeskFacade::readOff(Answer answer, std::function<void(QVariantMap)> done) {
    AppSession* app = m_session;
    if (!app || !app->enrolled()) return false;
    DeskReadJob job = [answer = std::move(answer)](desk::RecordWriter& w, const DeskReadContext& c) -> Result<DeskRead> {
        DeskRead read;
        read.extra = answer(w, c);
        return read;
    };
    (void)app->deskReader()->read(this, desk_read_context(*app), std::move(job),
                                  [this, done = std::move(done)](Result<DeskRead> read) {
                                      if (!read) return done(desk_failed(m_session, read.error()));
                                      done(std::any_cast<QVariantMap>(std::move(read->extra)));
                                  });
    return true;
}

}  // namespace ducha::app
