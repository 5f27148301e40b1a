#pragma once
// Zones (包地区 + 包小区) of the district: each with its communities, how many institutions it
// holds and the volunteers bound to it.
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_list_model.h"

namespace ducha::app {

class DeskZoneModel : public DeskListModel {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit DeskZoneModel(AppSession* session = nullptr, QObject* parent = nullptr);

protected:
    DeskReadJob readJob() const override;

private:
    static Result<DeskRead> build(desk::RecordWriter& w, const DeskReadContext& ctx);
};

}  // namespace ducha::app
