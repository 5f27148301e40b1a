#pragma once
// History: my reports, newest first, each with where it stands: waiting on this phone, refused,
// received (with the server's receipt), flagged, and the case a supervisor opened on it.
#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "mobile/app/app_session.h"

namespace ducha::app {

class ReportListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    // The session whose replica this lists; empty until one is given.
    Q_PROPERTY(ducha::app::AppSession* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        ReportIdRole = Qt::UserRole + 1, InstitutionNameRole, TimeRole, StageRole, StageLabelRole, DetailRole,
        ReceiptSeqRole, ReceiptTimeRole, PendingPhotosRole, PhotoCountRole, FlaggedRole, CovertRole, UnlistedRole,
        FailedItemsRole
    };
    struct Row {
        QString id, institutionName;
        qint64 time = 0, receiptTime = 0, receiptSeq = 0;
        // queued | set_aside | received | flagged | case_open | rectification | reinspection | closed | no_violation
        QString stage, detail;
        int pendingPhotos = 0, photos = 0, failed = 0;
        bool flagged = false, covert = false, unlisted = false;
    };

    explicit ReportListModel(AppSession* session = nullptr, QObject* parent = nullptr);
    AppSession* session() const { return m_session; }
    void setSession(AppSession* session);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_rows.size()); }
    const std::vector<Row>& rows() const { return m_rows; }
    Q_INVOKABLE void reload();
    Q_INVOKABLE QVariantMap get(int row) const;
    static QString stageLabel(const QString& stage, bool english);

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
