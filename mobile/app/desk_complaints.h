#pragma once
// The complaint ledger's actions: intake by hand or from a CSV file (all rows or none), link to an
// institution or an address, triage into a follow-up task for chosen volunteers, start, resolve
// (a resolution is required), close (never without one: 不解决不销号), reopen.
// Every action returns {ok, message, ...}.
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_facade.h"

namespace ducha::app {

class DeskComplaints : public DeskFacade {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit DeskComplaints(AppSession* session = nullptr, QObject* parent = nullptr) : DeskFacade(session, parent) {}

    // c: source, text, institutionId, address, reference, receivedAt / dueAt (ms; 0 = now / +15 days).
    Q_INVOKABLE QVariantMap intake(const QVariantMap& c);
    // {ok, message, imported, errors: [{line, message}]}
    Q_INVOKABLE QVariantMap importCsv(const QString& fileUrl);
    Q_INVOKABLE QVariantMap link(const QString& id, const QString& institutionId, const QString& address);
    // t: assignees (user ids), covert, priority, windowEnd (ms), note. Returns {ok, message, taskId}.
    Q_INVOKABLE QVariantMap triage(const QString& id, const QVariantMap& t);
    Q_INVOKABLE QVariantMap start(const QString& id);
    Q_INVOKABLE QVariantMap resolve(const QString& id, const QString& resolution);
    Q_INVOKABLE QVariantMap close(const QString& id);
    Q_INVOKABLE QVariantMap reopen(const QString& id);

private:
    // The district a new complaint belongs to: mine, or (city-wide staff) the institution's.
    std::string district_for(const QString& institutionId);
};

}  // namespace ducha::app
