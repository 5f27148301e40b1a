#include "mobile/app/inspection_session.h"
#include "mobile/app/model_support.h"

#include <cmath>

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QGeoPositionInfoSource>
#include <QImageReader>
#include <QMimeDatabase>
#include <QNmeaPositionInfoSource>
#include <QUrl>
#include <nlohmann/json.hpp>

#include "mobile/app/app_session.h"
#include "mobile/support/signature_renderer.h"
#include "shared/domain/checklist.h"
#include "shared/domain/collections.h"
#include "shared/sync/inspection_recorder.h"

namespace ducha::app {

using nlohmann::json;

namespace {
constexpr qint64 kMaxPhotoBytes = 25 * 1024 * 1024;

template <typename M>
bool load_record(AppSession* app, std::string_view collection, const std::string& id, M& out) {
    auto r = app->profile()->store().get(collection, id);
    return r && *r && !(*r)->deleted() && out.ParseFromString((*r)->payload());
}
}  // namespace

InspectionSession::InspectionSession(AppSession* app, QObject* parent) : QObject(parent), m_app(app) {}

void InspectionSession::setApp(AppSession* app) {
    if (app == m_app) return;
    m_app = app;
    emit appChanged();
    if (m_unlisted || !m_taskId.isEmpty()) load();
}

QString InspectionSession::tr2(const char* zh, const char* en) const {
    return m_app ? m_app->pick(QString::fromUtf8(zh), en) : QString::fromUtf8(zh);
}

InspectionSession::~InspectionSession() = default;

void InspectionSession::setTaskId(const QString& id) {
    if (id == m_taskId) return;
    m_taskId = id;
    m_unlisted = false;
    load();
}

void InspectionSession::setUnlisted(bool v) {
    if (v == m_unlisted) return;
    m_unlisted = v;
    if (v) m_taskId.clear();
    load();
}

QString InspectionSession::draftKey() const { return m_unlisted ? "unlisted" : "task:" + m_taskId; }

void InspectionSession::load() {
    m_ready = false;
    m_loadError.clear();
    m_answers.clear();
    m_photos.clear();
    m_strokes.clear();
    m_notes.clear();
    m_site.clear();
    m_step = 0;
    m_checkInTime = 0;
    m_hasFix = false;
    m_gpsStatus = "none";
    m_task = {};
    m_inst = {};
    m_tpl = {};
    m_tplId.clear();
    if (!app()) {
        // Nothing to load from yet: the session is handed over after the task (QML sets both).
    } else if (!app()->profile() || !app()->enrolled()) {
        m_loadError = tr2("本机尚未注册", "this device is not enrolled");
    } else if (m_unlisted) {
        if (auto newest = sync::newest_checklist(app()->profile()->store())) {
            m_tpl = std::move(newest->checklist);
            m_tplId = std::move(newest->id);
        } else
            m_loadError = app()->errorText(newest.error());
        m_title = tr2("上报未登记机构", "Report an unlisted institution");
    } else if (!m_taskId.isEmpty()) {
        if (!load_record(app(), domain::kTask, ss(m_taskId), m_task))
            m_loadError = tr2("本机没有这个任务，请先同步", "this task is not on this device: sync first");
        else if (!load_record(app(), domain::kInstitution, m_task.institution_id(), m_inst))
            m_loadError = tr2("本机没有这个机构，请先同步", "this institution is not on this device: sync first");
        else if (!load_record(app(), domain::kChecklistTemplate, m_task.template_id(), m_tpl))
            m_loadError = tr2("本机没有检查清单，请先同步", "no checklist on this device: sync first");
        else
            m_tplId = m_task.template_id();
        m_title = qs(m_task.title().empty() ? m_inst.name() : m_task.title());
    }
    if (app() && m_loadError.isEmpty() && (m_unlisted || !m_taskId.isEmpty())) {
        m_ready = true;
        m_loading = true;
        restoreDraft();
        m_loading = false;
        app()->setOpenInspection(draftKey());
    }
    emit loaded();
    emit answersChanged();
    emit changed();
}

void InspectionSession::restoreDraft() {
    auto d = app()->profile()->drafts().load(ss(draftKey()));
    if (!d) {
        setError(app()->errorText(d.error()));
        return;
    }
    if (!*d) return;
    json j = json::parse(**d, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        setError(tr2("草稿已损坏，无法恢复", "the saved draft is damaged and cannot be restored"));
        return;
    }
    try {
        restoreFrom(j);
    } catch (const json::exception&) {
        // A draft of an unexpected shape must not take the app down; the user starts the step again.
        setError(tr2("草稿已损坏，部分内容无法恢复", "the saved draft is damaged: part of it could not be restored"));
    }
}

void InspectionSession::restoreFrom(const nlohmann::json& j) {
    m_step = j.value("step", 0);
    // An unlisted site's draft finishes on the checklist version it was started on, even when a
    // newer one arrived since (a task's draft always has its task's).
    if (const std::string id = j.value("template_id", ""); m_unlisted && !id.empty() && id != m_tplId) {
        pb::ChecklistTemplate started_on;
        if (load_record(app(), domain::kChecklistTemplate, id, started_on)) {
            m_tpl = std::move(started_on);
            m_tplId = id;
        }
    }
    // Named copies: a range-for over .items() of a temporary would read freed memory.
    const json answers = j.value("answers", json::object());
    for (auto& [code, a] : answers.items())
        m_answers[qs(code)] = {qs(a.value("result", "")), qs(a.value("note", ""))};
    for (const auto& p : j.value("photos", json::array()))
        m_photos.push_back({qs(p.value("hex", "")), qs(p.value("item", "")), qs(p.value("mime", "")), p.value("size", 0LL)});
    m_notes = qs(j.value("notes", ""));
    if (auto c = j.value("checkin", json::object()); !c.empty()) {
        m_checkInTime = c.value("time", 0LL);
        m_hasFix = c.value("fix", false);
        m_lat = c.value("lat", 0.0);
        m_lon = c.value("lon", 0.0);
        m_acc = c.value("acc", -1.0);
        m_fixAge = c.value("age", -1LL);
        m_mock = c.value("mock", false);
        m_gpsStatus = m_hasFix ? "fixed" : (m_checkInTime ? "unavailable" : "none");
    }
    if (auto s = j.value("signature", json::object()); !s.empty()) {
        m_sigW = s.value("w", 0.0);
        m_sigH = s.value("h", 0.0);
        for (const auto& stroke : s.value("strokes", json::array())) {
            QVariantList pts;
            for (std::size_t i = 0; i + 1 < stroke.size(); i += 2)
                pts << QVariantMap{{"x", stroke[i].get<double>()}, {"y", stroke[i + 1].get<double>()}};
            m_strokes << QVariant(pts);
        }
    }
    const json site = j.value("site", json::object());
    for (auto& [k, v] : site.items())
        m_site[qs(k)] = v.is_boolean() ? QVariant(v.get<bool>()) : QVariant(qs(v.is_string() ? v.get<std::string>() : ""));
}

void InspectionSession::save() {
    if (m_loading || !m_ready || !m_reportId.isEmpty()) return;
    json j{{"v", 1}, {"step", m_step}, {"notes", ss(m_notes)}, {"template_id", m_tplId}};
    json answers = json::object();
    for (const auto& [code, a] : m_answers) answers[ss(code)] = {{"result", ss(a.result)}, {"note", ss(a.note)}};
    j["answers"] = answers;
    json photos = json::array();
    for (const auto& p : m_photos) photos.push_back({{"hex", ss(p.hex)}, {"item", ss(p.item)}, {"mime", ss(p.mime)}, {"size", p.size}});
    j["photos"] = photos;
    if (m_checkInTime)
        j["checkin"] = {{"time", m_checkInTime}, {"fix", m_hasFix}, {"lat", m_lat}, {"lon", m_lon},
                        {"acc", m_acc},          {"age", m_fixAge}, {"mock", m_mock}};
    if (!m_strokes.isEmpty()) {
        json strokes = json::array();
        for (const auto& stroke : SignatureRenderer::fromVariant(m_strokes)) {
            json pts = json::array();
            for (const auto& p : stroke) {
                pts.push_back(p.x());
                pts.push_back(p.y());
            }
            strokes.push_back(pts);
        }
        j["signature"] = {{"w", m_sigW}, {"h", m_sigH}, {"strokes", strokes}};
    }
    json site = json::object();
    for (auto it = m_site.begin(); it != m_site.end(); ++it)
        site[ss(it.key())] = it.value().typeId() == QMetaType::Bool ? json(it.value().toBool()) : json(ss(it.value().toString()));
    j["site"] = site;
    if (auto s = app()->profile()->drafts().save(ss(draftKey()), j.dump()); !s) setError(app()->errorText(s.error()));
}

void InspectionSession::setError(const QString& e) {
    m_error = e;
    emit errorChanged();
}

QString InspectionSession::institutionName() const {
    return m_unlisted ? m_site.value("name").toString() : qs(m_inst.name());
}
QString InspectionSession::institutionAddress() const {
    return m_unlisted ? m_site.value("address").toString() : qs(m_inst.address());
}
bool InspectionSession::academic() const { return m_unlisted ? m_site.value("academic").toBool() : m_inst.academic(); }

bool InspectionSession::applies(const pb::ChecklistItem& item) const {
    const pb::ChecklistStep* step = nullptr;
    for (const auto& s : m_tpl.steps())
        if (s.code() == item.step()) step = &s;
    return domain::item_applies(item, step, {academic(), covert(), m_unlisted});
}

bool InspectionSession::stepApplies(const QString& code) const {
    for (const auto& s : m_tpl.steps())
        if (qs(s.code()) == code) return !(s.open_only() && covert());
    return false;
}

QVariantList InspectionSession::steps() const {
    QVariantList out;
    const bool en = app() && app()->language() == "en";
    if (m_unlisted)
        out << QVariantMap{{"code", "site"}, {"title", tr2("机构信息", "Site details")}, {"subtitle", ""}, {"items", 0}};
    for (const auto& s : m_tpl.steps()) {
        if (s.open_only() && covert()) continue;  // 暗访: no badge, no signature step content
        int items = 0;
        for (const auto& i : m_tpl.items())
            if (i.step() == s.code() && applies(i)) ++items;
        out << QVariantMap{{"code", qs(s.code())}, {"title", qs(en ? s.text_en() : s.text_zh())},
                           {"subtitle", qs(en ? s.text_zh() : s.text_en())}, {"items", items}};
    }
    out << QVariantMap{{"code", "review"}, {"title", tr2("核对并提交", "Review and submit")}, {"subtitle", ""}, {"items", 0}};
    return out;
}

QString InspectionSession::stepTitle(int index) const {
    auto s = steps();
    return index >= 0 && index < s.size() ? s[index].toMap().value("title").toString() : QString();
}

void InspectionSession::setCurrentStep(int s) {
    s = std::clamp(s, 0, static_cast<int>(steps().size()) - 1);
    if (s == m_step) return;
    m_step = s;
    save();
    emit changed();
}

double InspectionSession::distance() const {
    if (!m_hasFix || !m_inst.has_location()) return -1;
    pb::GeoPoint here;
    here.set_lat(m_lat);
    here.set_lon(m_lon);
    return sync::distance_m(here, m_inst.location());
}

QVariantList InspectionSession::photos() const {
    QVariantList out;
    for (const auto& p : m_photos)
        out << QVariantMap{{"sha256", p.hex}, {"itemCode", p.item}, {"mime", p.mime}, {"size", p.size},
                           {"source", "image://ducha/blob/" + p.hex}};
    return out;
}

bool InspectionSession::hasSignature() const { return SignatureRenderer::isMeaningful(SignatureRenderer::fromVariant(m_strokes)); }

void InspectionSession::setNotes(const QString& n) {
    if (n == m_notes) return;
    m_notes = n;
    save();
    emit changed();
}

void InspectionSession::setSite(const QVariantMap& s) {
    if (s == m_site) return;
    m_site = s;
    save();
    emit loaded();  // the name and address shown in the header
    emit answersChanged();  // academic decides which items apply
    emit changed();
}

QString InspectionSession::answer(const QString& code) const {
    auto it = m_answers.find(code);
    return it == m_answers.end() ? QString() : it->second.result;
}

QString InspectionSession::itemNote(const QString& code) const {
    auto it = m_answers.find(code);
    return it == m_answers.end() ? QString() : it->second.note;
}

int InspectionSession::photoCount(const QString& code) const {
    int n = 0;
    for (const auto& p : m_photos) n += p.item == code;
    return n;
}

void InspectionSession::setAnswer(const QString& code, const QString& result) {
    if (result != "pass" && result != "fail" && result != "na" && !result.isEmpty()) return;
    if (answer(code) == result) return;
    m_answers[code].result = result;
    save();
    emit answersChanged();
    emit changed();
}

void InspectionSession::setItemNote(const QString& code, const QString& note) {
    if (itemNote(code) == note) return;
    m_answers[code].note = note;
    save();
    emit answersChanged();
    emit changed();
}

bool InspectionSession::addPhoto(const QString& fileOrUrl, const QString& itemCode) {
    QUrl url(fileOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : fileOrUrl;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        setError(tr2("无法打开照片文件", "cannot open the photo file") + ": " + QFileInfo(path).fileName());
        return false;
    }
    if (f.size() > kMaxPhotoBytes) {
        setError(tr2("照片太大（超过 25 MB）", "the photo is larger than 25 MB"));
        return false;
    }
    QByteArray data = f.readAll();
    QImageReader reader(path);
    if (!reader.canRead()) {
        setError(tr2("这个文件不是图片", "this file is not an image") + ": " + QFileInfo(path).fileName());
        return false;
    }
    // Saved encrypted at once: the draft refers to it by hash, so a killed app loses nothing.
    auto hex = app()->profile()->save_blob(std::string_view(data.constData(), static_cast<std::size_t>(data.size())));
    if (!hex) {
        setError(app()->errorText(hex.error()));
        return false;
    }
    for (const auto& p : m_photos)
        if (p.hex == qs(*hex) && p.item == itemCode) return true;  // the same photo twice is one photo
    m_photos.push_back({qs(*hex), itemCode, QMimeDatabase().mimeTypeForData(data).name(), data.size()});
    setError({});
    save();
    emit answersChanged();
    emit changed();
    return true;
}

void InspectionSession::removePhoto(const QString& sha256) {
    auto n = std::erase_if(m_photos, [&](const Photo& p) { return p.hex == sha256; });
    if (!n) return;
    save();
    emit answersChanged();
    emit changed();
}

void InspectionSession::checkIn() {
    m_checkInTime = QDateTime::currentMSecsSinceEpoch();
    m_gpsStatus = "locating";
    emit changed();
    if (!m_gps) {
        // A recorded NMEA log stands in for the GPS receiver (desktop and tests); such a fix is
        // reported as a mock location, exactly as a phone's developer-mode mock would be.
        const QString nmea = qEnvironmentVariable("DUCHA_NMEA_FILE");
        if (!nmea.isEmpty()) {
            auto* src = new QNmeaPositionInfoSource(QNmeaPositionInfoSource::SimulationMode, this);
            auto* file = new QFile(nmea, src);
            if (file->open(QIODevice::ReadOnly)) src->setDevice(file);
            src->setUpdateInterval(100);
            m_gps = src;
            m_mock = true;
        } else {
            m_gps = QGeoPositionInfoSource::createDefaultSource(this);
            m_mock = false;
        }
        if (m_gps) {
            connect(m_gps, &QGeoPositionInfoSource::positionUpdated, this, &InspectionSession::onPosition);
            connect(m_gps, &QGeoPositionInfoSource::errorOccurred, this, [this] {
                m_gpsStatus = "unavailable";
                finishCheckIn();
            });
        }
    }
    if (!m_gps) {
        m_gpsStatus = "unavailable";
        finishCheckIn();
        return;
    }
    m_gps->requestUpdate(15000);
}

void InspectionSession::onPosition(const QGeoPositionInfo& info) {
    if (!info.isValid()) return;
    m_hasFix = true;
    m_lat = info.coordinate().latitude();
    m_lon = info.coordinate().longitude();
    // Sources without an error estimate report NaN: recorded as unknown (-1), never as NaN.
    const double acc = info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy) ? info.attribute(QGeoPositionInfo::HorizontalAccuracy) : -1;
    m_acc = std::isfinite(acc) && acc >= 0 ? acc : -1;
    const auto ts = info.timestamp();
    // A simulated log carries old timestamps: its fix age is counted from when it was read.
    m_fixAge = ts.isValid() && !m_mock ? std::max<qint64>(0, ts.msecsTo(QDateTime::currentDateTimeUtc())) : 0;
    m_gpsStatus = "fixed";
    finishCheckIn();
}

void InspectionSession::finishCheckIn() {
    save();
    emit changed();
}

void InspectionSession::setSignature(const QVariantList& strokes, double width, double height) {
    m_strokes = strokes;
    m_sigW = width;
    m_sigH = height;
    save();
    emit changed();
}

void InspectionSession::clearSignature() { setSignature({}, m_sigW, m_sigH); }

int InspectionSession::applicableCount() const {
    int n = 0;
    for (const auto& i : m_tpl.items()) n += applies(i);
    return n;
}

int InspectionSession::answeredCount() const {
    int n = 0;
    for (const auto& i : m_tpl.items())
        if (applies(i) && !answer(qs(i.code())).isEmpty()) ++n;
    return n;
}

std::vector<std::pair<QString, QString>> InspectionSession::missing() const {
    std::vector<std::pair<QString, QString>> out;  // (what is missing, the step to fix it on)
    if (!m_ready) return {{m_loadError, QString()}};
    if (m_unlisted && (m_site.value("name").toString().trimmed().isEmpty() || m_site.value("address").toString().trimmed().isEmpty()))
        out.emplace_back(tr2("请填写机构名称和地址", "give the site's name and address"), "site");
    if (!checkedIn()) out.emplace_back(tr2("尚未到达签到（第1步）", "not checked in yet (step 1)"), "S1");
    // The checklist's problems are the core's (the rules submit() meets again in validate_answers),
    // put into the screen's words; only the first of each item: the one to fix next. The visit's
    // photos count for every item, as the report's recorder counts them.
    const bool en = app() && app()->language() == "en";
    const int general = photoCount("");
    std::vector<domain::AnswerInput> given;
    for (const auto& i : m_tpl.items()) {
        const QString code = qs(i.code());
        if (!answer(code).isEmpty())
            given.push_back({i.code(), ss(answer(code)), ss(itemNote(code)), photoCount(code) + general});
    }
    auto words = [&](const domain::ChecklistProblem& p) -> QString {
        QString item = qs(p.code);
        for (const auto& i : m_tpl.items())
            if (i.code() == p.code) item += " " + qs(en ? i.text_en() : i.text_zh());
        switch (p.what) {
            case domain::AnswerProblem::not_answered: return tr2("未作答：", "not answered: ") + item;
            case domain::AnswerProblem::fail_needs_note: return tr2("不合格项需要说明：", "a failed item needs a note: ") + item;
            case domain::AnswerProblem::fail_needs_photo: return tr2("不合格项需要照片：", "a failed item needs a photo: ") + item;
            case domain::AnswerProblem::na_needs_reason: return tr2("“不适用”需要说明理由：", "say why it does not apply: ") + item;
            default: return qs(p.words.text(en ? Lang::en : Lang::zh));  // unknown, twice answered or invalid: this screen gives none of these
        }
    };
    std::string last;
    for (const auto& p : domain::checklist_problems(m_tpl, {academic(), covert(), m_unlisted}, given)) {
        if (p.code == last) continue;
        last = p.code;
        out.emplace_back(words(p), qs(p.step));
    }
    if (!covert() && !hasSignature()) out.emplace_back(tr2("缺少现场签字（第8步）", "the on-site signature is missing (step 8)"), "S8");
    return out;
}

QStringList InspectionSession::problems() const {
    QStringList out;
    for (const auto& [text, step] : missing()) out << text;
    return out;
}

int InspectionSession::problemStep(int index) const {
    const auto m = missing();
    if (index < 0 || index >= static_cast<int>(m.size())) return -1;
    const auto all = steps();
    for (int i = 0; i < all.size(); ++i)
        if (all[i].toMap().value("code").toString() == m[static_cast<std::size_t>(index)].second) return i;
    return -1;
}

bool InspectionSession::willBeFlagged() const {
    if (m_unlisted) return true;
    std::vector<domain::AnswerInput> in;
    for (const auto& [code, a] : m_answers)
        if (!a.result.isEmpty()) in.push_back({ss(code), ss(a.result), ss(a.note.trimmed().isEmpty() ? "-" : a.note), 1});
    auto v = domain::validate_answers(m_tpl, {academic(), covert(), m_unlisted}, in);
    return v && domain::is_flagged(m_tpl, *v, m_unlisted, m_inst.past_violations() > 0);
}

bool InspectionSession::submit() {
    if (!canSubmit()) {
        setError(problems().value(0));
        return false;
    }
    auto* profile = app()->profile();
    sync::InspectionInput in;
    in.task_id = ss(m_taskId);
    if (m_unlisted) {
        sync::UnlistedSite s;
        s.name = ss(m_site.value("name").toString().trimmed());
        s.address = ss(m_site.value("address").toString().trimmed());
        s.community = ss(m_site.value("community").toString());
        s.category = ss(m_site.value("category").toString());
        s.zone_id = ss(m_site.value("zoneId").toString());
        s.academic = m_site.value("academic").toBool();
        in.unlisted_site = s;
        in.template_id = m_tplId;
    }
    for (const auto& i : m_tpl.items()) {
        if (!applies(i)) continue;
        const QString code = qs(i.code());
        in.answers.push_back({i.code(), ss(answer(code)), ss(itemNote(code)), 0});
    }
    for (const auto& p : m_photos) {
        auto data = profile->read_blob(ss(p.hex));
        if (!data) {
            setError(app()->errorText(data.error()));
            return false;
        }
        in.photos.push_back({ss(p.item), std::move(*data), ss(p.mime)});
    }
    if (m_hasFix) {
        pb::GeoPoint g;
        g.set_lat(m_lat);
        g.set_lon(m_lon);
        in.gps = g;
        in.gps_accuracy_m = m_acc;
        in.gps_fix_age_ms = m_fixAge;
    }
    in.mock_location = m_mock;
    in.notes = ss(m_notes);
    in.device_time_ms = m_checkInTime;
    if (!covert()) {
        QByteArray png = SignatureRenderer::toPng(SignatureRenderer::fromVariant(m_strokes), QSizeF(m_sigW, m_sigH));
        in.signature_png.assign(png.constData(), static_cast<std::size_t>(png.size()));
    }
    auto id = sync::InspectionRecorder(*profile).record(in);
    if (!id) {
        setError(app()->errorText(id.error()));
        return false;
    }
    m_reportId = qs(*id);
    (void)profile->drafts().remove(ss(draftKey()));
    app()->setOpenInspection({});
    setError({});
    app()->notifyChangeQueued();  // the lists re-read; the sync controller sends it now
    emit submitted(m_reportId);
    return true;
}

void InspectionSession::discard() {
    if (app() && app()->profile()) (void)app()->profile()->drafts().remove(ss(draftKey()));
    if (app()) app()->setOpenInspection({});
    m_ready = false;
    emit loaded();
}

}  // namespace ducha::app
