#pragma once
// The app's one device profile: who this device is, the language, enrollment (code or QR image)
// and the replica-changed signal every model listens to. The composition root (AppEngine) makes
// it and hands it to QML (Main.qml's `app`) and to every model and facade (their `session`).
#include <QObject>
#include <QString>
#include <QVariantMap>
#include <chrono>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <thread>

#include "shared/sync/device_profile.h"

class QTranslator;

namespace ducha::app {

class DeskReader;

class AppSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the app's composition root makes the one AppSession")
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY identityChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY identityChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY identityChanged)
    Q_PROPERTY(QString role READ role NOTIFY identityChanged)
    Q_PROPERTY(QString districtName READ districtName NOTIFY replicaChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY identityChanged)
    Q_PROPERTY(QString deviceId READ deviceId NOTIFY identityChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString badgeUrl READ badgeUrl NOTIFY replicaChanged)
    Q_PROPERTY(QString badgeValidUntil READ badgeValidUntil NOTIFY replicaChanged)
    Q_PROPERTY(bool badgeValid READ badgeValid NOTIFY replicaChanged)
    // The hex SHA-256 of my badge photo once this phone holds it (a sync brings it); empty before.
    Q_PROPERTY(QString badgePhoto READ badgePhoto NOTIFY replicaChanged)
    Q_PROPERTY(QString openInspection READ openInspection WRITE setOpenInspection NOTIFY openInspectionChanged)
    Q_PROPERTY(QString storageError READ storageError NOTIFY storageErrorChanged)

public:
    // The profile lives in `dir` (created if missing). One AppSession per profile at a time.
    explicit AppSession(const QString& dir, QObject* parent = nullptr);
    ~AppSession() override;
    // The words of a core error in the user's language (main thread; a worker passes uiLang()).
    QString errorText(const Error& e) const { return QString::fromStdString(e.text(uiLang())); }
    Lang uiLang() const { return m_language == "en" ? Lang::en : Lang::zh; }

    sync::DeviceProfile* profile() { return m_profile.get(); }
    // The desk lists' reader thread with its own connection (started on first use); see desk_reader.h.
    DeskReader* deskReader();
    QString profileDir() const { return m_dir; }
    // When this session began opening the profile database: the start of the app's load, from
    // which `ducha-app --measure-startup` counts the task list and the sync banner being ready.
    std::chrono::steady_clock::time_point loadStartedAt() const { return m_loadStarted; }

    bool enrolled() const;
    bool busy() const { return m_busy; }
    QString userName() const { return m_ident.value("user_name"); }
    QString userId() const { return m_ident.value("user_id"); }
    QString role() const { return m_ident.value("role"); }
    QString serverUrl() const { return m_ident.value("server_url"); }
    QString deviceId() const { return m_ident.value("device_id"); }
    QString districtId() const { return m_ident.value("district_id"); }
    QString districtName() const;
    QString language() const { return m_language; }
    void setLanguage(const QString& lang);
    QString badgeUrl() const;
    QString badgeValidUntil() const;
    bool badgeValid() const;
    QString badgePhoto() const;
    QString openInspection() const;
    void setOpenInspection(const QString& key);
    QString storageError() const { return m_storageError; }

    // {server, code, pin, host} from a ducha://enroll link, or {error}.
    Q_INVOKABLE QVariantMap parseEnrollLink(const QString& text) const;
    // Decodes the QR in an image file (a path or file:// URL) and parses it as above.
    Q_INVOKABLE QVariantMap readEnrollImage(const QString& fileOrUrl) const;
    // Redeems the code on a worker thread; enrollFinished reports the outcome.
    Q_INVOKABLE void enroll(const QString& server, const QString& code, const QString& pin);
    // Picks the text of the current language: zh by default.
    Q_INVOKABLE QString pick(const QString& zh, const QString& en) const { return m_language == "en" ? en : zh; }
    // Renders a unix-ms time as local "MM-dd HH:mm" (or "yyyy-MM-dd" when far away): TimeFormat's.
    Q_INVOKABLE QString formatTime(qint64 unixMs) const;

    // Models call this after they wrote to the replica; sync calls it after a pull.
    void notifyReplicaChanged();
    // A facade queued a change: every model re-reads, and the sync controller sends it now.
    void notifyChangeQueued();
    void reportStorageError(const QString& message);

signals:
    void identityChanged();
    void busyChanged();
    void languageChanged();
    void replicaChanged();
    void openInspectionChanged();
    void storageErrorChanged();
    void enrollFinished(bool ok, const QString& message);
    void changeQueued();

private:
    void loadIdentity();
    void installTranslator();

    QString m_dir;
    std::chrono::steady_clock::time_point m_loadStarted = std::chrono::steady_clock::now();
    std::unique_ptr<sync::DeviceProfile> m_profile;
    QMap<QString, QString> m_ident;
    QString m_language = "zh";
    QString m_storageError;
    bool m_busy = false;
    std::unique_ptr<QTranslator> m_translator;
    std::thread m_worker;  // enrollment's network call; joined before the next and on exit
    std::unique_ptr<DeskReader> m_deskReader;  // stopped before the profile closes
};

}  // namespace ducha::app
