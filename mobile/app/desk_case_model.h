#pragma once
// Cases after a supervisor's decision, by status: the tier, the rectification deadline, how often
// it was escalated (failed re-inspections) and where the re-inspection task stands; closing one
// asks the server, which refuses unless a re-inspection passed (不解决不销号).
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_list_model.h"

namespace ducha::app {

class DeskCaseModel : public DeskListModel {
    Q_OBJECT
    QML_ELEMENT
    // open | rectification | reinspection | closed | no_violation; empty: every case
    Q_PROPERTY(QString statusFilter READ statusFilter WRITE setStatusFilter NOTIFY statusFilterChanged)

public:
    explicit DeskCaseModel(AppSession* session = nullptr, QObject* parent = nullptr);
    QString statusFilter() const { return m_status; }
    void setStatusFilter(const QString& s);

    // {ok, message}: the request is queued; the server's refusal comes back as the row's `refusal`.
    Q_INVOKABLE QVariantMap close(const QString& caseId);
    static QString statusLabel(const QString& status, bool english);

signals:
    void statusFilterChanged();

protected:
    DeskReadJob readJob() const override;
    bool accept(const QVariantMap& row) const override;

private:
    static Result<DeskRead> build(desk::RecordWriter& w, const DeskReadContext& ctx);
    QString m_status;
};

}  // namespace ducha::app
