#pragma once
// Campaigns (专项行动) of the district: their period, how many visits each institution needs,
// whether only key targets count, and whether one is running now.
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_list_model.h"

namespace ducha::app {

class DeskCampaignModel : public DeskListModel {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit DeskCampaignModel(AppSession* session = nullptr, QObject* parent = nullptr);

protected:
    DeskReadJob readJob() const override;

private:
    static Result<DeskRead> build(desk::RecordWriter& w, const DeskReadContext& ctx);
};

}  // namespace ducha::app
