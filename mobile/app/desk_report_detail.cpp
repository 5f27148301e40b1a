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
    reload();
    fetchPhotos();
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
    reload();
    fetchPhotos();
}

void DeskReportDetail::reload() {
    m_ready = false;
    m_error.clear();
    m_report.clear();
    m_answers.clear();
    m_blobs.clear();
    m_missing.clear();
    auto w = desk_writer(session());
    if (m_id.isEmpty()) {
        emit loaded();
        return;
    }
    if (!w) {
        m_error = desk_error_text(session(), desk_not_enrolled());
        emit loaded();
        return;
    }
    auto v = desk::ReviewDesk(*w).open(ss(m_id));
    if (!v) {
        m_error = desk_error_text(session(), v.error());
        emit loaded();
        return;
    }
    const auto& i = v->item;
    const auto& r = v->report;
    auto on_device = [&](const std::string& hex) {
        std::error_code ec;
        const bool here = std::filesystem::exists(w->profile().blob_path(hex), ec);
        if (!here && !m_missing.contains(qs(hex))) m_missing << qs(hex);
        return here;
    };
    m_report = {{"reportId", qs(i.report_id)},
                {"institutionId", qs(i.institution_id)},
                {"institution", qs(i.institution)},
                {"districtId", qs(i.district_id)},
                {"inspector", qs(i.inspector)},
                {"taskId", qs(i.task_id)},
                {"taskKindLabel", i.task_kind.empty() ? QString() : TaskListModel::kindLabel(qs(i.task_kind), desk_english(session()))},
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
                {"checklistChanges", checklist_change_lines(*v, desk_english(session()))},
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
    for (const auto& a : v->answers) {
        QVariantList photos;
        for (const auto& hex : a.photo_hex) photos << QVariantMap{{"hex", qs(hex)}, {"onDevice", on_device(hex)}};
        m_answers << QVariantMap{{"code", qs(a.code)},     {"step", qs(a.step)},         {"text", qs(a.text)},
                                 {"severity", qs(a.severity)}, {"result", qs(a.result)}, {"note", qs(a.note)},
                                 {"photos", photos}};
    }
    for (const auto& b : v->blobs) {
        const std::string hex = hex_encode(b.sha256());
        m_blobs << QVariantMap{{"hex", qs(hex)}, {"kind", qs(b.kind())}, {"mime", qs(b.mime())},
                               {"size", static_cast<qint64>(b.size())}, {"onDevice", on_device(hex)}};
    }
    m_ready = true;
    emit loaded();
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
