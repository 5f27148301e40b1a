#include "mobile/app/report_list_model.h"
#include "shared/domain/vocabulary_labels.h"
#include "mobile/app/model_support.h"

#include <QDateTime>
#include <algorithm>
#include <map>

#include "mobile/app/app_session.h"
#include "shared/domain/collections.h"

namespace ducha::app {

ReportListModel::ReportListModel(AppSession* session, QObject* parent) : QAbstractListModel(parent), m_session(session) {
    follow();
    reload();
}

void ReportListModel::setSession(AppSession* session) {
    if (session == m_session) return;
    m_session = session;
    follow();
    emit sessionChanged();
    reload();
}

void ReportListModel::follow() {
    for (const auto& link : m_links) disconnect(link);
    m_links.clear();
    if (!m_session) return;
    m_links << connect(m_session, &AppSession::replicaChanged, this, &ReportListModel::reload)
            << connect(m_session, &AppSession::languageChanged, this, &ReportListModel::reload);
}

QString ReportListModel::stageLabel(const QString& s, bool en) {
    // Stages after the server took the report follow its case: the case status words.
    if (s == "rectification" || s == "reinspection" || s == "closed" || s == "no_violation")
        return label_text(*domain::case_status_words(ss(s)), en);
    // The phone's own stages of a report (not vocabulary: nothing else shows them).
    if (s == "queued") return pick(en, "待上传", "Waiting to send");
    if (s == "set_aside") return pick(en, "服务器拒收", "Refused by the server");
    if (s == "flagged") return pick(en, "已标记待审核", "Flagged for review");
    if (s == "case_open") return pick(en, "已立案", "Case opened");
    return pick(en, "已送达", "Received");
}

void ReportListModel::reload() {
    AppSession* app = m_session;
    std::vector<Row> rows;
    if (app && app->profile() && app->enrolled()) {
        auto& store = app->profile()->store();
        const std::string me = app->userId().toStdString();
        const bool en = app->language() == "en";
        std::map<std::string, const sync::OutboxItem*> queued;
        auto outbox = store.outbox(true);
        if (outbox)
            for (const auto& o : *outbox)
                if (o.mutation.collection() == domain::kReport) queued[o.mutation.id()] = &o;
        std::map<std::string, int> pending_photos;
        if (auto bs = store.blobs(true))
            for (const auto& b : *bs) pending_photos[b.report_id]++;
        std::map<std::string, pb::Case> cases;  // by report id
        if (auto cs = store.list(domain::kCase))
            for (const auto& c : *cs) {
                pb::Case k;
                if (k.ParseFromString(c.payload())) cases[k.report_id()] = k;
            }
        std::map<std::string, pb::Report> reports;
        if (auto rs = store.list(domain::kReport))
            for (const auto& r : *rs) reports[r.id()].ParseFromString(r.payload());
        if (outbox)  // a refused report is no longer in the replica; its outbox entry still holds it
            for (const auto& o : *outbox)
                if (o.mutation.collection() == domain::kReport && !reports.count(o.mutation.id()))
                    reports[o.mutation.id()].ParseFromString(o.mutation.payload());
        for (const auto& [id, rep] : reports) {
            if (rep.user_id() != me) continue;
            Row r;
            r.id = qs(id);
            r.time = rep.device_time();
            r.flagged = rep.flagged();
            r.covert = rep.covert();
            r.unlisted = rep.unlisted();
            r.pendingPhotos = pending_photos[id];
            for (const auto& b : rep.blobs()) r.photos += b.kind() == "photo";
            for (const auto& a : rep.answers()) r.failed += a.result() == "fail";
            if (auto i = store.get(domain::kInstitution, rep.institution_id()); i && *i) {
                pb::Institution inst;
                if (inst.ParseFromString((*i)->payload())) r.institutionName = qs(inst.name());
            }
            if (auto rc = store.get(domain::kReceipt, id); rc && *rc) {
                pb::Receipt receipt;
                if (receipt.ParseFromString((*rc)->payload())) {
                    r.receiptSeq = receipt.seq();
                    r.receiptTime = receipt.server_time();
                }
            }
            if (auto q = queued.find(id); q != queued.end()) {
                r.stage = q->second->state == "pending" ? "queued" : "set_aside";
                if (r.stage == "set_aside") r.detail = qs(q->second->refusal().text(en ? Lang::en : Lang::zh));
            } else if (auto c = cases.find(id); c != cases.end()) {
                const auto& k = c->second;
                r.stage = k.status() == "open" ? "case_open" : qs(k.status());
                if (!k.tier().empty()) r.detail = qs(k.tier());
                if (k.deadline() > 0 && (k.status() == "rectification" || k.status() == "open"))
                    r.detail += (r.detail.isEmpty() ? "" : " · ") + pick(en, "期限 ", "due ") +
                                QDateTime::fromSecsSinceEpoch(k.deadline()).toString("yyyy-MM-dd");
            } else {
                r.stage = r.flagged ? "flagged" : "received";
            }
            rows.push_back(std::move(r));
        }
        std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.time > b.time; });
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

int ReportListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant ReportListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    const bool en = m_session && m_session->language() == "en";
    switch (role) {
        case ReportIdRole: return r.id;
        case InstitutionNameRole: return r.institutionName;
        case TimeRole: return r.time;
        case StageRole: return r.stage;
        case StageLabelRole: return stageLabel(r.stage, en);
        case DetailRole: return r.detail;
        case ReceiptSeqRole: return r.receiptSeq;
        case ReceiptTimeRole: return r.receiptTime;
        case PendingPhotosRole: return r.pendingPhotos;
        case PhotoCountRole: return r.photos;
        case FlaggedRole: return r.flagged;
        case CovertRole: return r.covert;
        case UnlistedRole: return r.unlisted;
        case FailedItemsRole: return r.failed;
        default: return {};
    }
}

QHash<int, QByteArray> ReportListModel::roleNames() const {
    return {{ReportIdRole, "reportId"}, {InstitutionNameRole, "institutionName"}, {TimeRole, "time"},
            {StageRole, "stage"},       {StageLabelRole, "stageLabel"},         {DetailRole, "detail"},
            {ReceiptSeqRole, "receiptSeq"}, {ReceiptTimeRole, "receiptTime"}, {PendingPhotosRole, "pendingPhotos"},
            {PhotoCountRole, "photoCount"}, {FlaggedRole, "flagged"}, {CovertRole, "covert"},
            {UnlistedRole, "unlisted"}, {FailedItemsRole, "failedItems"}};
}

QVariantMap ReportListModel::get(int row) const { return row_as_map(*this, row); }

}  // namespace ducha::app
