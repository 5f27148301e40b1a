#pragma once
// The registry as the coordinator sees it: every institution of the district on this device
// (field-reported sites too, until taken in or merged), with search and filters.
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_list_model.h"

namespace ducha::app {

class DeskInstitutionModel : public DeskListModel {
    Q_OBJECT
    QML_ELEMENT
    // all | licensed | unlicensed | academic | key_target | field_reported | unassigned
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(QString zoneId READ zoneId WRITE setZoneId NOTIFY filterChanged)

public:
    explicit DeskInstitutionModel(AppSession* session = nullptr, QObject* parent = nullptr);
    QString filter() const { return m_filter; }
    void setFilter(const QString& f);
    QString zoneId() const { return m_zone; }
    void setZoneId(const QString& z);

signals:
    void filterChanged();

protected:
    DeskReadJob readJob() const override;
    bool accept(const QVariantMap& row) const override;

private:
    static Result<DeskRead> build(desk::RecordWriter& w, const DeskReadContext& ctx);
    QString m_filter = "all", m_zone;
};

}  // namespace ducha::app
