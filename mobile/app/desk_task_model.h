#pragma once
// The district's tasks as the coordinator planned them (and the server made them: draws,
// re-inspections), with who is assigned and where each stands, in the core's order (overdue
// first, then priority, then due time).
#include <QtQml/qqmlregistration.h>
#include <map>
#include <string>

#include "mobile/app/desk_list_model.h"
#include "shared/domain/task_rules.h"

namespace ducha::app {

class DeskTaskModel : public DeskListModel {
    Q_OBJECT
    QML_ELEMENT
    // open (not finished: not submitted, done or cancelled) | all | one task status, e.g.
    // submitted (waiting for review). The rules are the core's: shared/domain/task_rules.h.
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY filterChanged)
    // routine | joint | spot_check | complaint | reinspection; empty: every kind
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY filterChanged)
    Q_PROPERTY(QString drawId READ drawId WRITE setDrawId NOTIFY filterChanged)

public:
    explicit DeskTaskModel(AppSession* session = nullptr, QObject* parent = nullptr);
    QString status() const { return m_status; }
    void setStatus(const QString& s);
    QString kind() const { return m_kind; }
    void setKind(const QString& k);
    QString drawId() const { return m_draw; }
    void setDrawId(const QString& d);

signals:
    void filterChanged();

protected:
    DeskReadJob readJob() const override;
    void takeExtra(std::any& extra) override;
    bool accept(const QVariantMap& row) const override;

private:
    using Summaries = std::map<std::string, domain::TaskSummary>;
    // The rows, and as extra the Summaries accept() filters by.
    static Result<DeskRead> build(desk::RecordWriter& w, const DeskReadContext& ctx);

    QString m_status = "open", m_kind, m_draw;
    std::map<std::string, domain::TaskSummary> m_summaries;  // by id, as the last read made them
};

}  // namespace ducha::app
