#pragma once
// One inspection being filled in, in the fixed steps of the checklist (S1 check-in … S8 evidence
// and signature, then review). Every change is saved as an encrypted draft at once, so the app can
// be killed at any moment and reopens on the same step with the same answers, photos and signature.
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <map>
#include <optional>

#include <nlohmann/json_fwd.hpp>

#include "ducha.pb.h"
#include "mobile/app/app_session.h"

class QGeoPositionInfoSource;
class QGeoPositionInfo;

namespace ducha::app {

class InspectionSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // The app session whose profile holds the task, the drafts and the outbox; nothing loads
    // before it is given.
    Q_PROPERTY(ducha::app::AppSession* app READ app WRITE setApp NOTIFY appChanged)
    // Set one of the two: a task from Today, or unlisted=true for a site found in the field.
    Q_PROPERTY(QString taskId READ taskId WRITE setTaskId NOTIFY loaded)
    Q_PROPERTY(bool unlisted READ unlisted WRITE setUnlisted NOTIFY loaded)
    Q_PROPERTY(bool ready READ ready NOTIFY loaded)
    Q_PROPERTY(QString loadError READ loadError NOTIFY loaded)
    Q_PROPERTY(QString institutionName READ institutionName NOTIFY loaded)
    Q_PROPERTY(QString institutionAddress READ institutionAddress NOTIFY loaded)
    Q_PROPERTY(QString title READ title NOTIFY loaded)
    Q_PROPERTY(bool covert READ covert NOTIFY loaded)
    Q_PROPERTY(bool academic READ academic NOTIFY changed)
    Q_PROPERTY(QVariantList steps READ steps NOTIFY loaded)
    Q_PROPERTY(int currentStep READ currentStep WRITE setCurrentStep NOTIFY changed)
    // Check-in (S1)
    Q_PROPERTY(bool checkedIn READ checkedIn NOTIFY changed)
    Q_PROPERTY(qint64 checkInTime READ checkInTime NOTIFY changed)
    Q_PROPERTY(QString gpsStatus READ gpsStatus NOTIFY changed)  // none | locating | fixed | unavailable
    Q_PROPERTY(double latitude READ latitude NOTIFY changed)
    Q_PROPERTY(double longitude READ longitude NOTIFY changed)
    Q_PROPERTY(double accuracy READ accuracy NOTIFY changed)
    Q_PROPERTY(qint64 fixAgeMs READ fixAgeMs NOTIFY changed)
    Q_PROPERTY(double distance READ distance NOTIFY changed)  // metres from the site, -1 unknown
    Q_PROPERTY(bool farFromSite READ farFromSite NOTIFY changed)
    Q_PROPERTY(bool mockLocation READ mockLocation NOTIFY changed)
    // Evidence and signature (S8)
    Q_PROPERTY(QVariantList photos READ photos NOTIFY changed)
    Q_PROPERTY(bool hasSignature READ hasSignature NOTIFY changed)
    Q_PROPERTY(QVariantList signatureStrokes READ signatureStrokes NOTIFY changed)
    Q_PROPERTY(QString notes READ notes WRITE setNotes NOTIFY changed)
    // Unlisted site details
    Q_PROPERTY(QVariantMap site READ site WRITE setSite NOTIFY changed)
    // Review
    Q_PROPERTY(int answeredCount READ answeredCount NOTIFY changed)
    Q_PROPERTY(int applicableCount READ applicableCount NOTIFY changed)
    Q_PROPERTY(QStringList problems READ problems NOTIFY changed)
    Q_PROPERTY(bool canSubmit READ canSubmit NOTIFY changed)
    Q_PROPERTY(bool willBeFlagged READ willBeFlagged NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorChanged)
    Q_PROPERTY(QString submittedReportId READ submittedReportId NOTIFY submitted)

public:
    static constexpr double kFarMetres = 300;  // beyond this, check-in warns (it never blocks)

    explicit InspectionSession(AppSession* app = nullptr, QObject* parent = nullptr);
    ~InspectionSession() override;

    AppSession* app() const { return m_app; }
    void setApp(AppSession* app);

    QString taskId() const { return m_taskId; }
    void setTaskId(const QString& id);
    bool unlisted() const { return m_unlisted; }
    void setUnlisted(bool v);
    bool ready() const { return m_ready; }
    QString loadError() const { return m_loadError; }
    QString institutionName() const;
    QString institutionAddress() const;
    QString title() const { return m_title; }
    bool covert() const { return m_task.covert(); }
    bool academic() const;
    QVariantList steps() const;
    int currentStep() const { return m_step; }
    void setCurrentStep(int s);
    bool checkedIn() const { return m_checkInTime > 0; }
    qint64 checkInTime() const { return m_checkInTime; }
    QString gpsStatus() const { return m_gpsStatus; }
    double latitude() const { return m_lat; }
    double longitude() const { return m_lon; }
    double accuracy() const { return m_acc; }
    qint64 fixAgeMs() const { return m_fixAge; }
    double distance() const;
    bool farFromSite() const { return distance() > kFarMetres; }
    bool mockLocation() const { return m_mock; }
    QVariantList photos() const;
    bool hasSignature() const;
    QVariantList signatureStrokes() const { return m_strokes; }
    QString notes() const { return m_notes; }
    void setNotes(const QString& n);
    QVariantMap site() const { return m_site; }
    void setSite(const QVariantMap& s);
    int answeredCount() const;
    int applicableCount() const;
    QStringList problems() const;
    bool canSubmit() const { return m_ready && problems().isEmpty(); }
    bool willBeFlagged() const;
    QString lastError() const { return m_error; }
    QString submittedReportId() const { return m_reportId; }

    // The checklist (for ChecklistStepModel)
    const pb::ChecklistTemplate& checklist() const { return m_tpl; }
    bool applies(const pb::ChecklistItem& item) const;
    bool stepApplies(const QString& step) const;

    Q_INVOKABLE QString answer(const QString& code) const;
    Q_INVOKABLE QString itemNote(const QString& code) const;
    Q_INVOKABLE int photoCount(const QString& code) const;
    Q_INVOKABLE void setAnswer(const QString& code, const QString& result);  // pass | fail | na | "" (clear)
    Q_INVOKABLE void setItemNote(const QString& code, const QString& note);
    // A photo from a file (path or file:// URL), for one item or ("") for the visit.
    Q_INVOKABLE bool addPhoto(const QString& fileOrUrl, const QString& itemCode);
    Q_INVOKABLE void removePhoto(const QString& sha256);
    // Takes a position fix (or records the time alone when there is none) and moves on.
    Q_INVOKABLE void checkIn();
    Q_INVOKABLE void setSignature(const QVariantList& strokes, double width, double height);
    Q_INVOKABLE void clearSignature();
    Q_INVOKABLE bool submit();
    Q_INVOKABLE void discard();
    Q_INVOKABLE QString stepTitle(int index) const;
    // The step (index into steps) where problem `index` is fixed; -1 if none.
    Q_INVOKABLE int problemStep(int index) const;

signals:
    void appChanged();
    void loaded();
    void changed();
    void answersChanged();
    void errorChanged();
    void submitted(const QString& reportId);

private:
    QString tr2(const char* zh, const char* en) const;  // the text in the session's language

    QPointer<AppSession> m_app;
    struct ItemAnswer {
        QString result, note;
    };
    struct Photo {
        QString hex, item, mime;
        qint64 size = 0;
    };
    std::vector<std::pair<QString, QString>> missing() const;
    void load();
    void restoreDraft();
    void restoreFrom(const nlohmann::json& draft);
    void save();  // the draft, now
    void setError(const QString& e);
    QString draftKey() const;
    void onPosition(const QGeoPositionInfo& info);
    void finishCheckIn();

    QString m_taskId;
    bool m_unlisted = false, m_ready = false, m_loading = false;
    QString m_loadError, m_title, m_error, m_reportId, m_notes, m_gpsStatus = "none";
    pb::Task m_task;
    pb::Institution m_inst;
    pb::ChecklistTemplate m_tpl;
    std::string m_tplId;  // the checklist version this visit is answered on
    std::map<QString, ItemAnswer> m_answers;
    std::vector<Photo> m_photos;
    QVariantList m_strokes;
    double m_sigW = 0, m_sigH = 0;
    QVariantMap m_site;
    int m_step = 0;
    qint64 m_checkInTime = 0, m_fixAge = -1;
    double m_lat = 0, m_lon = 0, m_acc = -1;
    bool m_hasFix = false, m_mock = false;
    QGeoPositionInfoSource* m_gps = nullptr;
};

}  // namespace ducha::app
