#include "mobile/app/app_session.h"
#include "mobile/app/desk_reader.h"
#include "mobile/app/model_support.h"
#include "mobile/app/time_format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QSysInfo>
#include <QTranslator>
#include <QUrl>
#include <thread>

#include "mobile/support/qr_decoder.h"
#include "shared/domain/collections.h"
#include "shared/sync/blob_fetcher.h"
#include "shared/sync/enroll_link.h"

namespace ducha::app {

AppSession::AppSession(const QString& dir, QObject* parent) : QObject(parent), m_dir(dir) {
    QDir().mkpath(dir);
    auto p = sync::DeviceProfile::open(dir.toStdString());
    if (!p) {
        m_storageError = errorText(p.error());
    } else {
        m_profile = std::make_unique<sync::DeviceProfile>(std::move(*p));
        auto lang = m_profile->store().meta("ui.language");
        if (lang && *lang && (**lang == "en" || **lang == "zh")) m_language = qs(**lang);
    }
    loadIdentity();
    installTranslator();
}

AppSession::~AppSession() {
    m_deskReader.reset();
    if (m_worker.joinable()) m_worker.join();
    if (m_translator) QCoreApplication::removeTranslator(m_translator.get());
}

void AppSession::loadIdentity() {
    m_ident.clear();
    if (!m_profile || !m_profile->enrolled()) return;
    auto id = m_profile->identity();
    if (!id) {
        reportStorageError(errorText(id.error()));
        return;
    }
    m_ident = {{"server_url", qs(id->server_url)}, {"device_id", qs(id->device_id)}, {"user_id", qs(id->user_id)},
               {"role", qs(id->role)},             {"user_name", qs(id->user_name)}, {"district_id", qs(id->district_id)}};
}

bool AppSession::enrolled() const { return !m_ident.isEmpty(); }

DeskReader* AppSession::deskReader() {
    if (!m_deskReader) m_deskReader = std::make_unique<DeskReader>(m_dir);
    return m_deskReader.get();
}

QString AppSession::districtName() const {
    if (!m_profile) return {};
    auto r = m_profile->store().get(domain::kDistrict, m_ident.value("district_id").toStdString());
    pb::District d;
    if (!r || !*r || !d.ParseFromString((*r)->payload())) return m_ident.value("district_id");
    return m_language == "en" && !d.name_en().empty() ? qs(d.name_en()) : qs(d.name());
}

void AppSession::setLanguage(const QString& lang) {
    if (lang == m_language || (lang != "zh" && lang != "en")) return;
    m_language = lang;
    if (m_profile) (void)m_profile->store().set_meta("ui.language", lang.toStdString());
    installTranslator();
    emit languageChanged();
    emit replicaChanged();  // models hold texts in the old language
}

void AppSession::installTranslator() {
    if (m_translator) QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::make_unique<QTranslator>();
    // Source texts are English; Chinese comes from the compiled zh_CN catalogue.
    // Views re-read their texts on languageChanged (the engine retranslates).
    if (m_language == "zh" && m_translator->load(":/i18n/ducha_zh_CN.qm")) QCoreApplication::installTranslator(m_translator.get());
}

namespace {
pb::User own_user(sync::DeviceProfile* p, const QString& user_id) {
    pb::User u;
    if (!p) return u;
    auto r = p->store().get(domain::kUser, user_id.toStdString());
    if (r && *r) u.ParseFromString((*r)->payload());
    return u;
}
}  // namespace

QString AppSession::badgeUrl() const {
    pb::User u = own_user(m_profile.get(), userId());
    if (u.badge_token().empty()) return {};
    QString base = serverUrl();
    while (base.endsWith('/')) base.chop(1);
    // The phone showing the badge goes with it: once this phone is revoked (lost), the check says
    // so whatever token it shows.
    QString url = base + "/v1/public/badge/" + qs(u.badge_token());
    if (!deviceId().isEmpty()) url += "?device=" + deviceId();
    return url;
}

QString AppSession::badgeValidUntil() const {
    pb::User u = own_user(m_profile.get(), userId());
    if (u.badge_valid_until() <= 0) return {};
    return QDateTime::fromSecsSinceEpoch(u.badge_valid_until()).toString("yyyy-MM-dd");
}

bool AppSession::badgeValid() const {
    pb::User u = own_user(m_profile.get(), userId());
    return u.active() && u.badge_valid_until() > QDateTime::currentSecsSinceEpoch();
}

QString AppSession::badgePhoto() const {
    pb::User u = own_user(m_profile.get(), userId());
    if (u.badge_photo().sha256().size() != 32) return {};
    const std::string hex = hex_encode(u.badge_photo().sha256());
    return sync::BlobFetcher{*m_profile}.has(hex) ? qs(hex) : QString();
}

QString AppSession::openInspection() const {
    if (!m_profile) return {};
    auto v = m_profile->store().meta("ui.open_inspection");
    return v && *v ? qs(**v) : QString();
}

void AppSession::setOpenInspection(const QString& key) {
    if (!m_profile || key == openInspection()) return;
    if (auto s = m_profile->store().set_meta("ui.open_inspection", key.toStdString()); !s)
        reportStorageError(errorText(s.error()));
    emit openInspectionChanged();
}

QVariantMap AppSession::parseEnrollLink(const QString& text) const {
    auto l = sync::parse_enroll_link(text.toStdString());
    if (!l) return {{"error", errorText(l.error())}};
    return {{"server", qs(l->server_url)}, {"code", qs(l->code)}, {"pin", qs(l->pin)},
            {"host", QUrl(qs(l->server_url)).host()}};
}

QVariantMap AppSession::readEnrollImage(const QString& fileOrUrl) const {
    QUrl url(fileOrUrl);
    QString path = url.isLocalFile() ? url.toLocalFile() : fileOrUrl;
    auto decoded = QrDecoder::decodeFile(path);
    if (!decoded.ok()) return {{"error", decoded.message}};
    return parseEnrollLink(*decoded.text);
}

void AppSession::enroll(const QString& server, const QString& code, const QString& pin) {
    if (m_busy || !m_profile) return;
    m_busy = true;
    emit busyChanged();
    // The profile's connection stays on this thread; the worker opens its own for the network call.
    if (m_worker.joinable()) m_worker.join();
    m_worker = std::thread([this, dir = m_dir.toStdString(), s = server.trimmed().toStdString(), c = code.trimmed().toStdString(),
                 p = pin.trimmed().toStdString(), lang = uiLang()] {
        std::string message;
        bool ok = false;
        if (auto prof = sync::DeviceProfile::open(dir); !prof) {
            message = prof.error().text(lang);
        } else if (auto id = prof->enroll(s, c, p, QSysInfo::machineHostName().toStdString()); !id) {
            message = id.error().text(lang);
        } else {
            ok = true;
        }
        QMetaObject::invokeMethod(this, [this, ok, message] {
            m_busy = false;
            if (ok) loadIdentity();
            // The reader's connection was opened before this enrollment; the next read opens anew.
            if (ok && m_deskReader) m_deskReader->closeConnection();
            emit busyChanged();
            emit identityChanged();
            emit replicaChanged();
            emit enrollFinished(ok, qs(message));
        }, Qt::QueuedConnection);
    });
}

QString AppSession::formatTime(qint64 unixMs) const { return TimeFormat::display(unixMs); }

void AppSession::notifyReplicaChanged() { emit replicaChanged(); }

void AppSession::notifyChangeQueued() {
    emit replicaChanged();
    emit changeQueued();
}

void AppSession::reportStorageError(const QString& message) {
    m_storageError = message;
    emit storageErrorChanged();
}

}  // namespace ducha::app
