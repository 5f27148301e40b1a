#include "mobile/app/desk_registry.h"

#include "mobile/app/desk_support.h"
#include "shared/desk/institution_registry.h"
#include "shared/domain/collections.h"

namespace ducha::app {

namespace {

// The form's keys and the proto fields they set (the names a last-writer-wins edit carries).
void apply_fields(const QVariantMap& f, pb::Institution& i, std::vector<std::string>* changed) {
    auto text = [&](const char* key, const char* field, const std::string& cur, auto set) {
        if (!f.contains(key)) return;
        const std::string v = ss(f.value(key).toString().trimmed());
        if (v == cur) return;
        set(v);
        if (changed) changed->push_back(field);
    };
    auto flag = [&](const char* key, const char* field, bool cur, auto set) {
        if (!f.contains(key)) return;
        const bool v = f.value(key).toBool();
        if (v == cur) return;
        set(v);
        if (changed) changed->push_back(field);
    };
    text("name", "name", i.name(), [&](const std::string& v) { i.set_name(v); });
    text("address", "address", i.address(), [&](const std::string& v) { i.set_address(v); });
    text("category", "category", i.category(), [&](const std::string& v) { i.set_category(v); });
    text("community", "community", i.community(), [&](const std::string& v) { i.set_community(v); });
    text("zoneId", "zone_id", i.zone_id(), [&](const std::string& v) { i.set_zone_id(v); });
    text("licenceNo", "licence_no", i.licence_no(), [&](const std::string& v) { i.set_licence_no(v); });
    text("phone", "contact_phone", i.contact_phone(), [&](const std::string& v) { i.set_contact_phone(v); });
    flag("licensed", "licensed", i.licensed(), [&](bool v) { i.set_licensed(v); });
    flag("academic", "academic", i.academic(), [&](bool v) { i.set_academic(v); });
    flag("keyTarget", "key_target", i.key_target(), [&](bool v) { i.set_key_target(v); });
    // Coordinates come as a pair; an empty field leaves them as they were.
    bool okLat = false, okLon = false;
    const double lat = f.value("lat").toString().toDouble(&okLat), lon = f.value("lon").toString().toDouble(&okLon);
    if (okLat && okLon && (!i.has_location() || i.location().lat() != lat || i.location().lon() != lon)) {
        i.mutable_location()->set_lat(lat);
        i.mutable_location()->set_lon(lon);
        if (changed) changed->push_back("location");
    }
}

// Reader's thread: the words come from the language the read captured.
QString kind_label(const DeskReadContext& c, const std::string& kind) {
    if (kind == "task") return c.pick("任务", "Task");
    if (kind == "report") return c.pick("检查报告", "Report");
    if (kind == "case") return c.pick("案件", "Case");
    if (kind == "complaint") return c.pick("投诉", "Complaint");
    return qs(kind);
}

}  // namespace

QVariantMap DeskRegistry::create(const QVariantMap& fields) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    pb::Institution i;
    i.set_district_id(desk_district(session()));
    apply_fields(fields, i, nullptr);
    auto id = desk::InstitutionRegistry(*w).create(std::move(i));
    if (!id) return desk_failed(session(), id.error());
    desk_changed(session());
    return desk_ok({{"id", qs(*id)}});
}

QVariantMap DeskRegistry::update(const QString& id, const QVariantMap& fields) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    auto cur = w->require<pb::Institution>(domain::kInstitution, ss(id), "机构");
    if (!cur) return desk_failed(session(), cur.error());
    pb::Institution next = cur->msg;
    std::vector<std::string> changed;
    apply_fields(fields, next, &changed);
    if (changed.empty()) return desk_ok({{"id", id}, {"unchanged", true}});
    if (auto s = desk::InstitutionRegistry(*w).update(ss(id), next, changed); !s) return desk_failed(session(), s.error());
    desk_changed(session());
    return desk_ok({{"id", id}});
}

QVariantMap DeskRegistry::setFlag(const QString& id, const QString& which, bool value) {
    if (which != "licensed" && which != "academic" && which != "keyTarget")
        return desk_failed(QStringLiteral("未知的标志 / unknown flag: %1").arg(which));
    return update(id, {{which, value}});
}

QVariantMap DeskRegistry::importCsv(const QString& fileUrl) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    auto text = desk_read_file(fileUrl);
    if (!text) return desk_failed(session(), text.error());
    auto r = desk::InstitutionRegistry(*w).import_csv(*text, desk_district(session()));
    return desk_import_result(session(), r);
}

QVariantMap DeskRegistry::takeIn(const QString& fieldId, const QString& zoneId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (auto s = desk::InstitutionRegistry(*w).merge(ss(fieldId), {}, ss(zoneId)); !s) return desk_failed(session(), s.error());
    desk_changed(session());
    return desk_ok({{"id", fieldId}});
}

QVariantMap DeskRegistry::mergeInto(const QString& fieldId, const QString& intoId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (intoId.isEmpty()) return desk_failed(desk_pick(session(), "请选择要合并到的机构", "choose the entry to merge into"));
    if (auto s = desk::InstitutionRegistry(*w).merge(ss(fieldId), ss(intoId)); !s) return desk_failed(session(), s.error());
    desk_changed(session());
    return desk_ok({{"id", intoId}});
}

void DeskRegistry::readHistory(const QString& id) {
    const std::uint64_t asked = ++m_historyAsked;
    m_history = desk_ok({{"id", id}, {"entries", QVariantList()}});
    auto land = [this, asked](QVariantMap answer) {
        if (asked != m_historyAsked) return;  // a newer history was asked for
        m_history = std::move(answer);
        setHistoryLoading(false);
        emit historyRead();
    };
    if (id.isEmpty()) return land(m_history);
    setHistoryLoading(true);
    const bool started = readOff([id](desk::RecordWriter& w, const DeskReadContext& c) {
        auto h = desk::InstitutionRegistry(w).history(ss(id));
        if (!h) return desk_failed(c, h.error());
        QVariantList entries;
        for (const auto& e : *h)
            entries << QVariantMap{{"at", static_cast<qint64>(e.at_s) * 1000}, {"kind", qs(e.kind)}, {"kindLabel", kind_label(c, e.kind)},
                                   {"id", qs(e.id)}, {"status", qs(e.status)}, {"text", qs(e.text)}};
        return desk_ok({{"id", id}, {"entries", entries}});
    }, land);
    if (!started) land(desk_failed(session(), desk_not_enrolled()));
}

void DeskRegistry::setHistoryLoading(bool loading) {
    if (loading == m_historyLoading) return;
    m_historyLoading = loading;
    emit historyLoadingChanged();
}

}  // namespace ducha::app
