#include "mobile/app/task_list_model.h"
#include "shared/domain/vocabulary_labels.h"
#include "mobile/app/model_support.h"

#include <algorithm>
#include <set>

#include "mobile/app/app_session.h"
#include "shared/common/clock.h"
#include "shared/domain/collections.h"
#include "shared/domain/task_rules.h"

namespace ducha::app {

namespace {
QString word(std::string_view v) { return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size())); }
}  // namespace

TaskListModel::TaskListModel(AppSession* session, QObject* parent) : QAbstractListModel(parent), m_session(session) {
    follow();
    reload();
}

void TaskListModel::setSession(AppSession* session) {
    if (session == m_session) return;
    m_session = session;
    follow();
    emit sessionChanged();
    reload();
}

void TaskListModel::follow() {
    for (const auto& link : m_links) disconnect(link);
    m_links.clear();
    if (!m_session) return;
    m_links << connect(m_session, &AppSession::replicaChanged, this, &TaskListModel::reload)
            << connect(m_session, &AppSession::languageChanged, this, &TaskListModel::reload);
}

QString TaskListModel::kindLabel(const QString& kind, bool en) {
    // An unknown kind reads as routine, as the core's summary treats it.
    return label_text(domain::task_kind_words(ss(kind)).value_or(domain::words(domain::TaskKind::routine)), en);
}

QString TaskListModel::statusLabel(const QString& s, bool en) {
    return label_text(domain::task_status_words(ss(s)).value_or(domain::words(domain::TaskStatus::open)), en);
}

// The rows, their filter and their order are the core's (shared/domain/task_rules.h); this adds
// what only the phone knows: the institution's name and address, and whether a draft is saved.
void TaskListModel::reload() {
    AppSession* app = m_session;
    std::vector<Row> rows;
    if (app && app->profile() && app->enrolled()) {
        auto& store = app->profile()->store();
        std::set<std::string> drafts;
        if (auto d = app->profile()->drafts().list())
            for (const auto& x : *d) drafts.insert(x.key);
        const std::int64_t now = unix_seconds_now();
        auto tasks = store.list(domain::kTask);
        if (!tasks) app->reportStorageError(app->errorText(tasks.error()));
        std::vector<domain::TaskSummary> found;
        for (const auto& rec : tasks ? *tasks : std::vector<pb::Record>{}) {
            pb::Task t;
            if (t.ParseFromString(rec.payload())) found.push_back(domain::summarize_task(rec.id(), t, now));
        }
        domain::TaskFilter filter;
        filter.assignee = app->userId().toStdString();  // only mine, even where the replica holds others'
        filter.include_finished = m_showFinished;
        filter.institution_id = ss(m_institution);
        for (const auto& t : domain::select_tasks(std::move(found), filter)) {
            Row r;
            r.id = qs(t.id);
            r.title = qs(t.title);
            r.institutionId = qs(t.institution_id);
            r.kind = word(domain::task_kind_name(t.kind));
            r.status = word(domain::task_status_name(t.status));
            r.covert = t.covert;
            r.priority = t.priority;
            r.due = t.window_end * 1000;
            r.overdue = t.overdue;
            r.hasDraft = drafts.count("task:" + t.id) > 0;
            if (auto i = store.get(domain::kInstitution, t.institution_id); i && *i) {
                pb::Institution inst;
                if (inst.ParseFromString((*i)->payload())) {
                    r.institutionName = qs(inst.name());
                    r.address = qs(inst.address());
                }
            }
            if (r.title.isEmpty()) r.title = r.institutionName;
            rows.push_back(std::move(r));
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (!m_firstRows && app && app->enrolled()) m_firstRows = std::chrono::steady_clock::now();
    emit countChanged();
}

int TaskListModel::overdueCount() const {
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [](const Row& r) { return r.overdue; }));
}

void TaskListModel::setShowFinished(bool v) {
    if (v == m_showFinished) return;
    m_showFinished = v;
    emit showFinishedChanged();
    reload();
}

void TaskListModel::setInstitutionId(const QString& id) {
    if (id == m_institution) return;
    m_institution = id;
    emit institutionIdChanged();
    reload();
}

int TaskListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant TaskListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    const bool en = m_session && m_session->language() == "en";
    switch (role) {
        case TaskIdRole: return r.id;
        case TitleRole: return r.title;
        case InstitutionIdRole: return r.institutionId;
        case InstitutionNameRole: return r.institutionName;
        case AddressRole: return r.address;
        case KindRole: return r.kind;
        case KindLabelRole: return kindLabel(r.kind, en);
        case CovertRole: return r.covert;
        case PriorityRole: return r.priority;
        case StatusRole: return r.status;
        case StatusLabelRole: return statusLabel(r.status, en);
        case DueRole: return r.due;
        case OverdueRole: return r.overdue;
        case HasDraftRole: return r.hasDraft;
        default: return {};
    }
}

QHash<int, QByteArray> TaskListModel::roleNames() const {
    return {{TaskIdRole, "taskId"},     {TitleRole, "title"},       {InstitutionIdRole, "institutionId"},
            {InstitutionNameRole, "institutionName"}, {AddressRole, "address"}, {KindRole, "kind"},
            {KindLabelRole, "kindLabel"}, {CovertRole, "covert"},   {PriorityRole, "priority"},
            {StatusRole, "status"},     {StatusLabelRole, "statusLabel"}, {DueRole, "due"},
            {OverdueRole, "overdue"},   {HasDraftRole, "hasDraft"}};
}

QVariantMap TaskListModel::get(int row) const { return row_as_map(*this, row); }

}  // namespace ducha::app
