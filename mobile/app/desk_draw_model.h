#pragma once
// The district's random draws (双随机): committed ones (only the seed's hash is known, and whether
// the server has fixed the commitment), and drawn ones with the seed, the pool, the pairs and the
// tasks the server made from them.
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_list_model.h"

namespace ducha::app {

class DeskDrawModel : public DeskListModel {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit DeskDrawModel(AppSession* session = nullptr, QObject* parent = nullptr);

protected:
    DeskReadJob readJob() const override;

private:
    static Result<DeskRead> build(desk::RecordWriter& w, const DeskReadContext& ctx);
};

}  // namespace ducha::app
