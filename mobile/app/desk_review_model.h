#pragma once
// The supervisor's review queue: flagged reports and reports of unlisted sites, newest first, with
// the case a decision opened on each (decided ones only when asked for).
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_list_model.h"

namespace ducha::app {

class DeskReviewModel : public DeskListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool includeDecided READ includeDecided WRITE setIncludeDecided NOTIFY includeDecidedChanged)

public:
    explicit DeskReviewModel(AppSession* session = nullptr, QObject* parent = nullptr);
    bool includeDecided() const { return m_decided; }
    void setIncludeDecided(bool v);

signals:
    void includeDecidedChanged();

protected:
    DeskReadJob readJob() const override;

private:
    static Result<DeskRead> build(desk::RecordWriter& w, const DeskReadContext& ctx, bool decided);
    bool m_decided = false;
};

}  // namespace ducha::app
