#pragma once
// The checklist items of one step of an inspection, with the answers given so far.
#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/inspection_session.h"

namespace ducha::app {

class ChecklistStepModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ducha::app::InspectionSession* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString step READ step WRITE setStep NOTIFY stepChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int answered READ answered NOTIFY countChanged)

public:
    enum Role {
        CodeRole = Qt::UserRole + 1, TextRole, GlossRole, SeverityRole, SeverityLabelRole, PhotoOnFailRole, ResultRole,
        NoteRole, PhotoCountRole, ProblemRole
    };

    explicit ChecklistStepModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    InspectionSession* session() const { return m_session; }
    void setSession(InspectionSession* s);
    QString step() const { return m_step; }
    void setStep(const QString& s);
    int count() const { return static_cast<int>(m_items.size()); }
    int answered() const;

signals:
    void sessionChanged();
    void stepChanged();
    void countChanged();

private:
    void rebuild();
    void refreshAnswers();

    QPointer<InspectionSession> m_session;
    QString m_step;
    std::vector<pb::ChecklistItem> m_items;
};

}  // namespace ducha::app
