#include "mobile/app/desk_facade.h"

namespace ducha::app {

void DeskFacade::setSession(AppSession* session) {
    if (session == m_session) return;
    m_session = session;
    emit sessionChanged();
}

}  // namespace ducha::app
