#pragma once
// My areas (包片): the zones assigned to me, their communities and how many institutions each has.
#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "mobile/app/app_session.h"

namespace ducha::app {

class ZoneListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    // The session whose replica this lists; empty until one is given.
    Q_PROPERTY(ducha::app::AppSession* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { ZoneIdRole = Qt::UserRole + 1, NameRole, CommunitiesRole, InstitutionCountRole, AssignedRole };
    struct Row {
        QString id, name;
        QStringList communities;
        int institutions = 0;
        bool assigned = false;  // bound to me by an assignment (else only seen through an institution)
    };

    explicit ZoneListModel(AppSession* session = nullptr, QObject* parent = nullptr);
    AppSession* session() const { return m_session; }
    void setSession(AppSession* session);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_rows.size()); }
    const std::vector<Row>& rows() const { return m_rows; }
    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void countChanged();

private:
    void follow();  // listens to the session's changes

    QPointer<AppSession> m_session;
    QList<QMetaObject::Connection> m_links;
    std::vector<Row> m_rows;
};

}  // namespace ducha::app
