#pragma once
// Small conversions every facade needs: core strings to Qt and back, and a model row as the map
// QML's `get(row)` returns.
#include <QAbstractItemModel>
#include <QString>
#include <QVariantMap>
#include <string>

#include "shared/domain/vocabulary_labels.h"

namespace ducha::app {

inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }

// A vocabulary value's words (shared/domain/vocabulary_labels.h) in the session's language.
inline QString label_text(const domain::Words& w, bool english) {
    const std::string_view v = english ? w.en : w.zh;
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}
// One of two texts of the app's own (not vocabulary) in the session's language.
inline QString pick(bool english, const char* zh, const char* en) {
    return english ? QString::fromUtf8(en) : QString::fromUtf8(zh);
}

// Row `row` of `model` keyed by its role names; empty when out of range.
inline QVariantMap row_as_map(const QAbstractItemModel& model, int row) {
    QVariantMap m;
    if (row < 0 || row >= model.rowCount()) return m;
    const auto names = model.roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        m.insert(QString::fromUtf8(it.value()), model.data(model.index(row, 0), it.key()));
    return m;
}

}  // namespace ducha::app
