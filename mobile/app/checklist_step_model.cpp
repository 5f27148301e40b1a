#include "mobile/app/checklist_step_model.h"
#include "shared/domain/vocabulary_labels.h"
#include "mobile/app/model_support.h"

#include "mobile/app/app_session.h"

namespace ducha::app {

ChecklistStepModel::ChecklistStepModel(QObject* parent) : QAbstractListModel(parent) {}

void ChecklistStepModel::setSession(InspectionSession* s) {
    if (s == m_session) return;
    if (m_session) disconnect(m_session, nullptr, this, nullptr);
    m_session = s;
    if (s) {
        connect(s, &InspectionSession::loaded, this, &ChecklistStepModel::rebuild);
        connect(s, &InspectionSession::answersChanged, this, &ChecklistStepModel::refreshAnswers);
    }
    emit sessionChanged();
    rebuild();
}

void ChecklistStepModel::setStep(const QString& s) {
    if (s == m_step) return;
    m_step = s;
    emit stepChanged();
    rebuild();
}

void ChecklistStepModel::rebuild() {
    beginResetModel();
    m_items.clear();
    if (m_session)
        for (const auto& i : m_session->checklist().items())
            if (qs(i.step()) == m_step && m_session->applies(i)) m_items.push_back(i);
    endResetModel();
    emit countChanged();
}

void ChecklistStepModel::refreshAnswers() {
    // Items that apply can change (an unlisted site marked academic); otherwise only answers moved.
    std::size_t n = 0;
    if (m_session)
        for (const auto& i : m_session->checklist().items()) n += qs(i.step()) == m_step && m_session->applies(i);
    if (n != m_items.size()) return rebuild();
    if (!m_items.empty()) emit dataChanged(index(0), index(count() - 1));
    emit countChanged();
}

int ChecklistStepModel::answered() const {
    int n = 0;
    for (const auto& i : m_items) n += m_session && !m_session->answer(qs(i.code())).isEmpty();
    return n;
}

int ChecklistStepModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant ChecklistStepModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count() || !m_session) return {};
    const auto& i = m_items[static_cast<std::size_t>(index.row())];
    const QString code = qs(i.code());
    const bool en = m_session->app() && m_session->app()->language() == "en";
    switch (role) {
        case CodeRole: return code;
        case TextRole: return qs(en ? i.text_en() : i.text_zh());
        case GlossRole: return qs(en ? i.text_zh() : i.text_en());
        case SeverityRole: return qs(i.severity());
        case SeverityLabelRole:
            return label_text(domain::severity_words(i.severity()).value_or(domain::words(domain::Severity::minor)), en);
        case PhotoOnFailRole: return i.photo_on_fail();
        case ResultRole: return m_session->answer(code);
        case NoteRole: return m_session->itemNote(code);
        case PhotoCountRole: return m_session->photoCount(code);
        case ProblemRole: {
            const QString a = m_session->answer(code);
            if (a == "na" && m_session->itemNote(code).trimmed().isEmpty())
                return pick(en, "请说明不适用的理由", "say why it does not apply");
            if (a != "fail") return QString();
            if (m_session->itemNote(code).trimmed().isEmpty()) return pick(en, "请说明不合格情况", "describe what failed");
            if (i.photo_on_fail() && m_session->photoCount(code) + m_session->photoCount("") == 0)
                return pick(en, "需要拍照取证", "a photo is required");
            return QString();
        }
        default: return {};
    }
}

QHash<int, QByteArray> ChecklistStepModel::roleNames() const {
    return {{CodeRole, "code"},         {TextRole, "text"},       {GlossRole, "gloss"},
            {SeverityRole, "severity"}, {SeverityLabelRole, "severityLabel"}, {PhotoOnFailRole, "photoOnFail"},
            {ResultRole, "result"},     {NoteRole, "note"},       {PhotoCountRole, "photoCount"},
            {ProblemRole, "problem"}};
}

}  // namespace ducha::app
