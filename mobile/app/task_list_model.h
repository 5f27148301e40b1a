#pragma once
// Today: my tasks in the core's order (shared/domain/task_rules.h: overdue first, then priority,
// then due time), overdue ones marked; finished ones (submitted, done, cancelled) when asked for.
#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <chrono>
#include <optional>
#include <vector>

#include "mobile/app/app_session.h"

namespace ducha::app {

class TaskListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    // The session whose replica this lists; empty until one is given.
    Q_PROPERTY(ducha::app::AppSession* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY countChanged)
    Q_PROPERTY(bool showFinished READ showFinished WRITE setShowFinished NOTIFY showFinishedChanged)
    Q_PROPERTY(QString institutionId READ institutionId WRITE setInstitutionId NOTIFY institutionIdChanged)

public:
    enum Role {
        TaskIdRole = Qt::UserRole + 1, TitleRole, InstitutionIdRole, InstitutionNameRole, AddressRole, KindRole,
        KindLabelRole, CovertRole, PriorityRole, StatusRole, StatusLabelRole, DueRole, OverdueRole, HasDraftRole
    };
    struct Row {
        QString id, title, institutionId, institutionName, address, kind, status;
        bool covert = false, overdue = false, hasDraft = false;
        int priority = 3;
        qint64 due = 0;  // unix ms, 0 = none
    };

    explicit TaskListModel(AppSession* session = nullptr, QObject* parent = nullptr);
    AppSession* session() const { return m_session; }
    void setSession(AppSession* session);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_rows.size()); }
    int overdueCount() const;
    bool showFinished() const { return m_showFinished; }
    void setShowFinished(bool v);
    QString institutionId() const { return m_institution; }
    void setInstitutionId(const QString& id);
    const std::vector<Row>& rows() const { return m_rows; }
    // When the rows of an enrolled profile were first in the model; none before.
    std::optional<std::chrono::steady_clock::time_point> firstRowsAt() const { return m_firstRows; }

    Q_INVOKABLE void reload();
    Q_INVOKABLE QVariantMap get(int row) const;

    static QString kindLabel(const QString& kind, bool english);
    static QString statusLabel(const QString& status, bool english);

signals:
    void sessionChanged();
    void countChanged();
    void showFinishedChanged();
    void institutionIdChanged();

private:
    void follow();  // listens to the session's changes

    QPointer<AppSession> m_session;
    QList<QMetaObject::Connection> m_links;
    std::vector<Row> m_rows;
    bool m_showFinished = false;
    QString m_institution;
    std::optional<std::chrono::steady_clock::time_point> m_firstRows;
};

}  // namespace ducha::app
