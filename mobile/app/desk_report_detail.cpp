#include "mobile/app/desk_report_detail.h"

#include <filesystem>

#include "mobile/app/desk_support.h"
#include "mobile/app/task_list_model.h"
#include "shared/common/bytes.h"
#include "shared/desk/review_desk.h"
#include "shared/sync/blob_fetcher.h"

namespace ducha::app {

DeskReportDetail::DeskReportDetail(AppSession* session, QObject* parent) : DeskFacade(session, parent) {
    connect(this, &DeskFacade::sessionChanged, this, &DeskReportDetail::follow);
    if (session) m_replicaLink = connect(session, &AppSession::replicaChanged, this, &DeskReportDetail::reload);
}

namespace {

// The checklist's changes between the report's version and the one it is compared with, one line each.
QStringList checklist_change_lines(const desk::ReportView& v, bool english) {
    QStringList out;
    for (const auto& c : v.checklist_changes) out << qs(c.words().text(english ? Lang::en : Lang::zh));
    return out;
}

}  // namespace

void DeskReportDetail::follow() {
    disconnect(m_replicaLink);
    if (session()) m_replicaLink = connect(session(), &AppSession::replicaChanged, this, &DeskReportDetail::reload);
    m_fetchAfterLoad = true;
    reload();
}

DeskReportDetail::~DeskReportDetail() {
    if (m_worker.joinable()) m_worker.join();
}

void DeskReportDetail::fetchPhotos() {
    AppSession* app = session();
    if (m_fetching || m_missing.isEmpty() || !app || !app->enrolled()) return;
    if (m_worker.joinable()) m_worker.join();
    m_fetching = true;
    m_fetchError.clear();
    emit fetchChanged();
    // The network call runs on its own connection to the profile, like a sync pass.
    std::vector<std::string> hexes;
    for (const auto& h : m_missing) hexes.push_back(ss(h));
    m_worker = std::thread([this, dir = app->profileDir().toStdString(), hexes, lang = app->uiLang()] {
        std::string error;
        if (auto prof = sync::DeviceProfile::open(dir); !prof) {
            error = prof.error().text(lang);
        } else {
            sync::BlobFetcher fetcher(*prof);
            for (const auto& hex : hexes)
                if (auto data = fetcher.get(hex); !data && error.empty()) error = data.error().text(lang);
        }
        QMetaObject::invokeMethod(this, [this, e = qs(error)] { fetchDone(e); }, Qt::QueuedConnection);
    });
}

void DeskReportDetail::fetchDone(const QString& error) {
    m_fetching = false;
    m_fetchError = error;
    // What came is shown; a failed download is tried again only when the report is opened again.
    reload();
    emit fetchChanged();
}

QStringList DeskReportDetail::tiers() const {
    QStringList out;
    for (auto t : desk::kTiers) out << QString::fromUtf8(t.data(), static_cast<qsizetype>(t.size()));
    return out;
}

void DeskReportDetail::setReportId(const QString& id) {
    if (id == m_id) return;
    m_id = id;
    m_fetchError.clear();
    clear();
    emit contentChanged();
    m_fetchAfterLoad = true;
    reload();
}

void DeskReportDetail::clear() {
    m_ready = false;
    m_error.clear();
    m_report.clear();
    m_answers.clear();
    m_blobs.clear();
    m_missing.clear();
}

void DeskReportDetail::setLoading(bool loading) {
    if (loading == m_loading) return;
    m_loading = loading;
    emit loadingChanged();
}

void DeskReportDetail::reload() {
    const std::uint64_t asked = ++m_asked;
    auto land = [this, asked](QVariantMap answer) {
        if (asked == m_asked) apply(std::move(answer));  // else a newer read's answer is on its way
    };
    if (m_id.isEmpty()) return land(desk_ok());
    setLoading(true);
    // Reader's thread: the report as QML shows it, and the photos this device does not hold.
    const bool started = readOff([id = ss(m_id)](desk::RecordWriter& w, const DeskReadContext& c) {
        auto v = desk::ReviewDesk(w).open(id);
        if (!v) return desk_failed(c, v.error());
        const auto& i = v->item;
        const auto& r = v->report;
        QStringList missing;
        auto on_device = [&](const std::string& hex) {
            std::error_code ec;
            const bool here = std::filesystem::exists(w.profile().blob_path(hex), ec);
            if (!here && !missing.contains(qs(hex))) missing << qs(hex);
            return here;
        };
        QVariantMap report{{"reportId", qs(i.report_id)},
                {"institutionId", qs(i.institution_id)},
                {"institution", qs(i.institution)},
                {"districtId", qs(i.district_id)},
                {"inspector", qs(i.inspector)},
                {"taskId", qs(i.task_id)},
                {"taskKindLabel", i.task_kind.empty() ? QString() : TaskListModel::kindLabel(qs(i.task_kind), c.english())},
                {"time", static_cast<qint64>(i.device_time_ms)},
                {"received", static_cast<qint64>(i.received_ms)},
                {"flagged", i.flagged},
                {"unlisted", i.unlisted},
                {"covert", i.covert},
                {"failed", i.failed},
                {"failedCritical", i.failed_critical},
                {"caseId", qs(i.case_id)},
                {"caseStatus", qs(i.case_status)},
                {"caseTier", qs(i.case_tier)},
                {"decided", !i.case_id.empty()},
                {"templateName", qs(v->template_name)},
                {"templateVersion", v->template_version},
                {"newestTemplateVersion", v->newest_template_version},
                {"comparedVersion", v->compared_version},
                {"checklistChanges", checklist_change_lines(*v, c.english())},
                {"notes", qs(r.notes())},
                {"hasGps", r.has_gps()},
                {"lat", r.gps().lat()},
                {"lon", r.gps().lon()},
                {"accuracy", r.gps_accuracy_m()},
                {"distance", r.distance_m()},
                {"mockLocation", r.mock_location()},
                {"deviceKnown", v->device_known},
                {"signatureOk", v->signature_ok},
                {"receiptOk", v->receipt_ok},
                {"verification", qs(v->verification)},
                {"hasReceipt", v->receipt.has_value()},
                {"receiptSeq", v->receipt ? static_cast<qint64>(v->receipt->seq()) : 0},
                {"receiptTime", v->receipt ? static_cast<qint64>(v->receipt->server_time()) : 0},
                {"receiptBatch", v->receipt ? qs(v->receipt->batch_id()) : QString()},
                {"chainIndex", static_cast<qint64>(r.chain_index())}};
        QVariantList answers, blobs;
        for (const auto& a : v->answers) {
            QVariantList photos;
            for (const auto& hex : a.photo_hex) photos << QVariantMap{{"hex", qs(hex)}, {"onDevice", on_device(hex)}};
            answers << QVariantMap{{"code", qs(a.code)},     {"step", qs(a.step)},         {"text", qs(a.text)},
                                   {"severity", qs(a.severity)}, {"result", qs(a.result)}, {"note", qs(a.note)},
                                   {"photos", photos}};
        }
        for (const auto& b : v->blobs) {
            const std::string hex = hex_encode(b.sha256());
            blobs << QVariantMap{{"hex", qs(hex)}, {"kind", qs(b.kind())}, {"mime", qs(b.mime())},
                                 {"size", static_cast<qint64>(b.size())}, {"onDevice", on_device(hex)}};
        }
        return desk_ok({{"report", report}, {"answers", answers}, {"blobs", blobs}, {"missing", missing}});
    }, land);
    if (!started) land(desk_failed(session(), desk_not_enrolled()));
}

void DeskReportDetail::apply(QVariantMap answer) {
    clear();
    if (!m_id.isEmpty()) {
        if (!answer.value("ok").toBool()) {
            m_error = answer.value("message").toString();
        } else {
            m_report = answer.value("report").toMap();
            m_answers = answer.value("answers").toList();
            m_blobs = answer.value("blobs").toList();
            m_missing = answer.value("missing").toStringList();
            m_ready = true;
        }
    }
    setLoading(false);
    emit contentChanged();
    emit loaded();
    if (m_fetchAfterLoad && m_ready) {
        m_fetchAfterLoad = false;
        fetchPhotos();
    }
}

QVariantMap DeskReportDetail::decide(const QVariantMap& in) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    desk::Decision d;
    d.violation = in.value("violation").toBool();
    d.tier = ss(in.value("tier").toString());
    d.rectification_days = in.value("rectificationDays", 15).toInt();
    d.order = ss(in.value("order").toString().trimmed());
    d.note = ss(in.value("note").toString().trimmed());
    d.reinspectors = desk_strings(in.value("reinspectors"));
    auto id = desk::ReviewDesk(*w).decide(ss(m_id), d);
    if (!id) return desk_failed(session(), id.error());
    desk_changed(session());
    return desk_ok({{"caseId", qs(*id)}});
}

}  // namespace ducha::app
