#pragma once
// The active volunteers of the district with their 3包 bindings: the zones and the named
// institutions each one covers (what "assign", "move" and the task pickers work from).
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_list_model.h"

namespace ducha::app {

class DeskVolunteerModel : public DeskListModel {
    Q_OBJECT
    QML_ELEMENT
    // Only volunteers bound to this zone (empty: all).
    Q_PROPERTY(QString zoneId READ zoneId WRITE setZoneId NOTIFY zoneIdChanged)

public:
    explicit DeskVolunteerModel(AppSession* session = nullptr, QObject* parent = nullptr);
    QString zoneId() const { return m_zone; }
    void setZoneId(const QString& z);

signals:
    void zoneIdChanged();

protected:
    DeskReadJob readJob() const override;
    bool accept(const QVariantMap& row) const override;

private:
    static Result<DeskRead> build(desk::RecordWriter& w, const DeskReadContext& ctx);
    QString m_zone;
};

}  // namespace ducha::app
