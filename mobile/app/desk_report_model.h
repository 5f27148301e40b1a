#pragma once
// Every report on this device (the district's, or the city's for a supervisor), newest first:
// what the exports screen offers as printable PDF records.
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_list_model.h"

namespace ducha::app {

class DeskReportModel : public DeskListModel {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit DeskReportModel(AppSession* session = nullptr, QObject* parent = nullptr);

protected:
    DeskReadJob readJob() const override;

private:
    static Result<DeskRead> build(desk::RecordWriter& w, const DeskReadContext& ctx);
};

}  // namespace ducha::app
