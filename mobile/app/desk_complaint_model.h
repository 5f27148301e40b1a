#pragma once
// The complaint ledger (投诉举报台账): open complaints first, overdue ones first among them, then
// by due date; closed ones only when asked for.
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_list_model.h"

namespace ducha::app {

class DeskComplaintModel : public DeskListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool includeClosed READ includeClosed WRITE setIncludeClosed NOTIFY includeClosedChanged)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY countChanged)

public:
    explicit DeskComplaintModel(AppSession* session = nullptr, QObject* parent = nullptr);
    bool includeClosed() const { return m_closed; }
    void setIncludeClosed(bool v);
    int overdueCount() const;

    static QString statusLabel(const QString& status, bool english);
    static QString sourceLabel(const QString& source, bool english);
    // The sources a complaint can come from, as {key, label} for a picker.
    Q_INVOKABLE QVariantList sources() const;

signals:
    void includeClosedChanged();

protected:
    DeskReadJob readJob() const override;

private:
    static Result<DeskRead> build(desk::RecordWriter& w, const DeskReadContext& ctx, bool includeClosed);
    bool m_closed = false;
};

}  // namespace ducha::app
