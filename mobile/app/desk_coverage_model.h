#pragma once
// Coverage (全覆盖) for a period, or a campaign: one row per district and per zone (total and
// inspected), the institutions not inspected, the key targets a campaign still misses and what
// each volunteer did.
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_list_model.h"

namespace ducha::app {

class DeskCoverageModel : public DeskListModel {
    Q_OBJECT
    QML_ELEMENT
    // The period in ms (0/0: the last 30 days); a campaign brings its own period unless one is set.
    Q_PROPERTY(qint64 fromMs READ fromMs WRITE setFromMs NOTIFY queryChanged)
    Q_PROPERTY(qint64 toMs READ toMs WRITE setToMs NOTIFY queryChanged)
    Q_PROPERTY(QString campaignId READ campaignId WRITE setCampaignId NOTIFY queryChanged)
    Q_PROPERTY(int institutions READ institutions NOTIFY resultChanged)
    Q_PROPERTY(int inspected READ inspected NOTIFY resultChanged)
    Q_PROPERTY(QVariantList uncovered READ uncovered NOTIFY resultChanged)
    Q_PROPERTY(QVariantList volunteers READ volunteers NOTIFY resultChanged)
    Q_PROPERTY(QVariantMap campaign READ campaign NOTIFY resultChanged)

public:
    explicit DeskCoverageModel(AppSession* session = nullptr, QObject* parent = nullptr);
    qint64 fromMs() const { return m_from; }
    void setFromMs(qint64 v);
    qint64 toMs() const { return m_to; }
    void setToMs(qint64 v);
    QString campaignId() const { return m_campaign; }
    void setCampaignId(const QString& v);
    int institutions() const { return m_total; }
    int inspected() const { return m_inspected; }
    QVariantList uncovered() const { return m_uncovered; }
    QVariantList volunteers() const { return m_volunteers; }
    QVariantMap campaign() const { return m_campaignResult; }
    // All three at once, with one re-computation.
    Q_INVOKABLE void setQuery(qint64 fromMs, qint64 toMs, const QString& campaignId);

signals:
    void queryChanged();
    void resultChanged();

protected:
    DeskReadJob readJob() const override;
    void takeExtra(std::any& extra) override;

private:
    // The rows, and as extra a map {total, inspected, uncovered, volunteers, campaign}.
    static Result<DeskRead> build(desk::RecordWriter& w, const DeskReadContext& ctx, qint64 fromMs, qint64 toMs,
                                  const std::string& campaignId);

    qint64 m_from = 0, m_to = 0;
    QString m_campaign;
    int m_total = 0, m_inspected = 0;
    QVariantList m_uncovered, m_volunteers;
    QVariantMap m_campaignResult;
};

}  // namespace ducha::app
