#pragma once
// What the coordinator and supervisor facades share: the core's RecordWriter over the app's
// profile, the {ok, message, ...} maps QML shows after every action, and what follows a queued
// change (every list reloads, the sync controller sends it). Each takes the session the facade
// or model was given; without one (not handed over yet) there is nothing to read or write.
#include <QDateTime>
#include <QFile>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mobile/app/app_session.h"
#include "mobile/app/desk_read.h"
#include "mobile/app/model_support.h"
#include "shared/common/result.h"
#include "shared/desk/institution_registry.h"
#include "shared/desk/record_writer.h"

namespace ducha::app {

inline bool desk_english(const AppSession* app) { return app && app->language() == "en"; }
inline Lang desk_lang(const AppSession* app) { return desk_english(app) ? Lang::en : Lang::zh; }
inline QString desk_pick(const AppSession* app, const char* zh, const char* en) {
    return desk_english(app) ? QString::fromUtf8(en) : QString::fromUtf8(zh);
}

// The writer over the enrolled profile; nothing before enrollment.
inline std::optional<desk::RecordWriter> desk_writer(AppSession* app) {
    if (!app || !app->profile() || !app->enrolled()) return std::nullopt;
    return desk::RecordWriter(*app->profile());
}
inline Error desk_not_enrolled() { return Error(Errc::unauthorized, Msg::device_not_enrolled); }

// The signed-in user's district ("" for supervisors and admins: the whole city).
inline std::string desk_district(AppSession* app) {
    auto w = desk_writer(app);
    if (!w) return {};
    auto id = w->identity();
    return id ? id->district_id : std::string();
}

inline QVariantMap desk_ok(QVariantMap extra = {}) {
    extra.insert("ok", true);
    if (!extra.contains("message")) extra.insert("message", QString());
    return extra;
}
// A core error in the user's language (both languages when there is no session).
inline QString desk_error_text(const AppSession* app, const Error& e) {
    return app ? app->errorText(e) : QString::fromStdString(e.message());
}
inline QVariantMap desk_failed(const AppSession* app, const Error& e) {
    return {{"ok", false}, {"message", desk_error_text(app, e)}};
}
inline QVariantMap desk_failed(const QString& message) { return {{"ok", false}, {"message", message}}; }
// The same on a reader's thread, which has the language it captured instead of the session.
inline QVariantMap desk_failed(const DeskReadContext& context, const Error& e) {
    return desk_failed(QString::fromStdString(e.text(context.lang)));
}

// What a read on the desk reader's thread needs from the session, captured on the GUI thread.
inline DeskReadContext desk_read_context(AppSession& app) {
    DeskReadContext context;
    context.lang = app.uiLang();
    context.district_id = ss(app.districtId());
    context.user_id = app.userId();
    context.device_id = app.deviceId();
    return context;
}

// After a change was queued: every model re-reads the replica, and the change is sent now (it
// waits in the outbox when there is no signal).
inline void desk_changed(AppSession* app) {
    if (app) app->notifyChangeQueued();
}

// A CSV import's outcome for QML: every row's error with its line, or how many rows were queued.
inline QVariantMap desk_import_result(AppSession* app, const Result<desk::ImportResult>& r) {
    if (!r) return desk_failed(app, r.error());
    QVariantList errors;
    for (const auto& e : r->errors) errors << QVariantMap{{"line", e.line}, {"message", qs(e.error.text(desk_lang(app)))}};
    if (!r->ok()) {
        QVariantMap out = desk_failed(desk_english(app) ? QString("%1 row(s) have errors: nothing was imported").arg(errors.size())
                                                     : QString("%1 行有错误，未导入任何数据").arg(errors.size()));
        out.insert("errors", errors);
        out.insert("imported", 0);
        return out;
    }
    desk_changed(app);
    return desk_ok({{"imported", static_cast<int>(r->ids.size())}, {"errors", errors}});
}

// A local file from a file:// URL or a plain path.
inline QString desk_local_path(const QString& fileOrUrl) {
    const QUrl url(fileOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : fileOrUrl;
}

// The whole of a text file a user chose (CSV imports), or why it cannot be read.
inline Result<std::string> desk_read_file(const QString& fileOrUrl) {
    constexpr qint64 kMax = 32 * 1024 * 1024;
    QFile f(desk_local_path(fileOrUrl));
    if (!f.open(QIODevice::ReadOnly))
        return fail(Errc::not_found, Msg::cannot_open_file, ss(f.fileName()), ss(f.errorString()));
    if (f.size() > kMax) return fail(Errc::too_large, Msg::file_larger_than_32_mb);
    const QByteArray data = f.readAll();
    return std::string(data.constData(), static_cast<std::size_t>(data.size()));
}

inline QStringList desk_strings(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v) out << qs(s);
    return out;
}
inline std::vector<std::string> desk_strings(const QVariant& v) {
    std::vector<std::string> out;
    for (const auto& s : v.toStringList())
        if (!s.trimmed().isEmpty()) out.push_back(ss(s.trimmed()));
    return out;
}

// Unix seconds from the milliseconds QML's Date gives (0 stays 0: "the default").
inline std::int64_t desk_seconds(const QVariant& ms) { return ms.toLongLong() > 0 ? ms.toLongLong() / 1000 : 0; }

// The newest refusal the server sent for each record of a collection: what the user asked for
// and did not get (a case the server would not close). The models show it while it still matters.
// In the user's language when the server named the catalogue's row, else as the server wrote it.
inline std::map<std::string, std::string> desk_refusals(sync::LocalStore& store, std::string_view collection, Lang lang) {
    std::map<std::string, std::string> out;
    auto items = store.outbox(true);
    if (!items) return out;
    for (const auto& o : *items)
        if (o.state == "set_aside" && o.mutation.collection() == collection) out[o.mutation.id()] = o.refusal().text(lang);
    return out;
}

}  // namespace ducha::app
