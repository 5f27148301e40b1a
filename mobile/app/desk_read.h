#pragma once
// What a desk list's read carries between threads, as plain values: what the GUI thread captured
// for it (DeskReadContext) and what the reader's thread found (DeskRead). Neither holds a QObject.
#include <QString>
#include <QVariantMap>
#include <any>
#include <functional>
#include <string>
#include <vector>

#include "shared/common/lang.h"
#include "shared/common/result.h"
#include "shared/desk/record_writer.h"

namespace ducha::app {

// Captured on the GUI thread when a read starts: the language its words are made in and who reads.
struct DeskReadContext {
    Lang lang = Lang::zh;
    std::string district_id;  // the signed-in user's district ("" for supervisors and admins: the whole city)
    QString user_id, device_id;

    bool english() const { return lang == Lang::en; }
    QString pick(const char* zh, const char* en) const { return QString::fromUtf8(english() ? en : zh); }
};

// A read's outcome: every row in display order and, for a list with more to show than rows (the
// coverage totals, the task summaries its filter needs), whatever else the read found.
struct DeskRead {
    std::vector<QVariantMap> rows;
    std::any extra;
};

// The read a list runs on the reader's thread, over the reader's own connection. It holds by value
// what it needs from its list (the filters that shape the query) and never reaches the list itself.
using DeskReadJob = std::function<Result<DeskRead>(desk::RecordWriter&, const DeskReadContext&)>;

}  // namespace ducha::app
