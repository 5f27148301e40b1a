#pragma once
// The people in scope (shared/desk/people_desk.h) for the People screen: each person's role,
// district, whether they are active, when their badge ends and in how many days, their working
// devices and last contact. Filtered by district and by active / inactive, searched by name,
// phone, school or district. The districts of the replica come with the rows (`districts`).
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_list_model.h"

namespace ducha::app {

class DeskPeopleModel : public DeskListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString districtId READ districtId WRITE setDistrictId NOTIFY filterChanged)
    // all | active | inactive
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY filterChanged)
    // [{id, name}] by name, from the latest read
    Q_PROPERTY(QVariantList districts READ districts NOTIFY districtsChanged)

public:
    explicit DeskPeopleModel(AppSession* session = nullptr, QObject* parent = nullptr);
    QString districtId() const { return m_district; }
    void setDistrictId(const QString& d);
    QString status() const { return m_status; }
    void setStatus(const QString& s);
    QVariantList districts() const { return m_districts; }

    // A badge ending within this many days is shown as ending soon.
    static constexpr int kSoonDays = 30;

signals:
    void filterChanged();
    void districtsChanged();

protected:
    DeskReadJob readJob() const override;
    void takeExtra(std::any& extra) override;
    bool accept(const QVariantMap& row) const override;

private:
    static Result<DeskRead> build(desk::RecordWriter& w, const DeskReadContext& ctx);
    QString m_district, m_status = "all";
    QVariantList m_districts;
};

}  // namespace ducha::app
