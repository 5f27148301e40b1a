#pragma once
// One report in full for the supervisor: who, where and when, every answer with the checklist's
// words, the photos (image://ducha/blob/HEX; another person's photos are downloaded from the
// server on a worker thread, checked against their hashes and kept encrypted here), the signature
// check and the server's receipt; then the decision (no violation, or a violation with a
// discretion tier and a rectification order), which opens the case.
//
// The report is read on the session's desk reader thread: reload() (also on a new reportId or a
// replica change) sets `loading`, and `loaded` says the answer is in place. While the same report
// is read again its last answer stays shown; a new reportId empties the view first.
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <thread>

#include "mobile/app/desk_facade.h"

namespace ducha::app {

class DeskReportDetail : public DeskFacade {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString reportId READ reportId WRITE setReportId NOTIFY contentChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY contentChanged)
    Q_PROPERTY(QString error READ error NOTIFY contentChanged)
    Q_PROPERTY(QVariantMap report READ report NOTIFY contentChanged)
    Q_PROPERTY(QVariantList answers READ answers NOTIFY contentChanged)
    Q_PROPERTY(QVariantList blobs READ blobs NOTIFY contentChanged)
    // A read of the report is on its way.
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    // The five discretion tiers (从轻 较轻 一般 较重 严重) as the core spells them.
    Q_PROPERTY(QStringList tiers READ tiers CONSTANT)
    // Photos being downloaded; why the last download failed (empty when it did not).
    Q_PROPERTY(bool fetching READ fetching NOTIFY fetchChanged)
    Q_PROPERTY(QString fetchError READ fetchError NOTIFY fetchChanged)

public:
    explicit DeskReportDetail(AppSession* session = nullptr, QObject* parent = nullptr);
    ~DeskReportDetail() override;
    QString reportId() const { return m_id; }
    void setReportId(const QString& id);
    bool ready() const { return m_ready; }
    QString error() const { return m_error; }
    QVariantMap report() const { return m_report; }
    QVariantList answers() const { return m_answers; }
    QVariantList blobs() const { return m_blobs; }
    QStringList tiers() const;
    bool fetching() const { return m_fetching; }
    QString fetchError() const { return m_fetchError; }
    bool loading() const { return m_loading; }

    Q_INVOKABLE void reload();
    // d: violation (bool), tier, rectificationDays, order, note, reinspectors (user ids; empty:
    // the report's author). Returns {ok, message, caseId}.
    Q_INVOKABLE QVariantMap decide(const QVariantMap& d);
    // Downloads the photos this device does not hold yet (also started by loading a report).
    Q_INVOKABLE void fetchPhotos();

signals:
    // The answer of the latest reload() is in place (the report, or why it could not be read).
    void loaded();
    // What the properties show changed (an answer landed, or a new reportId emptied the view).
    void contentChanged();
    void loadingChanged();
    void fetchChanged();

private:
    void fetchDone(const QString& error);
    void apply(QVariantMap answer);
    void clear();
    void setLoading(bool loading);
    void follow();  // re-reads on the session's replica changes (and now)

    QMetaObject::Connection m_replicaLink;

    std::thread m_worker;
    bool m_fetching = false;
    QString m_fetchError;
    QStringList m_missing;
    QString m_id, m_error;
    bool m_ready = false, m_loading = false;
    bool m_fetchAfterLoad = false;  // download the missing photos once this report's answer lands
    std::uint64_t m_asked = 0;      // numbers reload() calls: only the latest answer is applied
    QVariantMap m_report;
    QVariantList m_answers, m_blobs;
};

}  // namespace ducha::app
