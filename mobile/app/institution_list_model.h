#pragma once
// My zones (3包): the institutions in my scope, with search and filters, and each one's last visit.
#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "mobile/app/app_session.h"

namespace ducha::app {

class InstitutionListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    // The session whose replica this lists; empty until one is given.
    Q_PROPERTY(ducha::app::AppSession* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int total READ total NOTIFY countChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filterChanged)
    // all | licensed | unlicensed | key_target | never_inspected | field_reported
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(QString zoneId READ zoneId WRITE setZoneId NOTIFY filterChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1, NameRole, AddressRole, CommunityRole, ZoneIdRole, ZoneNameRole, CategoryRole,
        LicensedRole, AcademicRole, KeyTargetRole, ComplaintsRole, PastViolationsRole, FieldReportedRole,
        LastInspectedRole, LicenceNoRole
    };
    struct Row {
        QString id, name, address, community, zoneId, zoneName, category, licenceNo;
        bool licensed = false, academic = false, keyTarget = false, fieldReported = false;
        int complaints = 0, pastViolations = 0;
        qint64 lastInspected = 0;  // unix ms of my newest report there, 0 = never
    };

    explicit InstitutionListModel(AppSession* session = nullptr, QObject* parent = nullptr);
    AppSession* session() const { return m_session; }
    void setSession(AppSession* session);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_rows.size()); }
    int total() const { return static_cast<int>(m_all.size()); }
    QString search() const { return m_search; }
    void setSearch(const QString& s);
    QString filter() const { return m_filter; }
    void setFilter(const QString& f);
    QString zoneId() const { return m_zone; }
    void setZoneId(const QString& z);
    const std::vector<Row>& rows() const { return m_rows; }

    Q_INVOKABLE void reload();
    // One institution by id (also ones filtered out), as a map of the role names.
    Q_INVOKABLE QVariantMap byId(const QString& id) const;

signals:
    void sessionChanged();
    void countChanged();
    void filterChanged();

private:
    void follow();  // listens to the session's changes

    QPointer<AppSession> m_session;
    QList<QMetaObject::Connection> m_links;
    void applyFilter();
    QVariantMap toMap(const Row& r) const;

    std::vector<Row> m_all, m_rows;
    QString m_search, m_filter = "all", m_zone;
};

}  // namespace ducha::app
