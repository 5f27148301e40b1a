#pragma once
// The actions of the People screen (shared/desk/people_desk.h): switch a person off or on again,
// renew a badge, put a photo on it, change a role (admins), import people from a CSV file. Each returns
// {ok, message}: what happens next, or why it was refused; an import also {imported, errors}.
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_facade.h"

namespace ducha::app {

class DeskPeople : public DeskFacade {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit DeskPeople(AppSession* session = nullptr, QObject* parent = nullptr) : DeskFacade(session, parent) {}

    Q_INVOKABLE QVariantMap deactivate(const QString& userId);
    Q_INVOKABLE QVariantMap reactivate(const QString& userId);
    // {ok, message, validUntil (ms)}
    Q_INVOKABLE QVariantMap renewBadge(const QString& userId);
    Q_INVOKABLE QVariantMap changeRole(const QString& userId, const QString& role, const QString& districtId);
    // The photo on a person's badge from a picture file (made upright, at most 600 × 800, a JPEG
    // under 1 MiB: mobile/support/badge_picture.h): {ok, message, photo (hex)}.
    Q_INVOKABLE QVariantMap setBadgePhoto(const QString& userId, const QString& fileUrl);
    Q_INVOKABLE QVariantMap removeBadgePhoto(const QString& userId);
    // {ok, message, imported, errors: [{line, message}]}; with any error nothing is imported.
    Q_INVOKABLE QVariantMap importCsv(const QString& fileUrl);
};

}  // namespace ducha::app
