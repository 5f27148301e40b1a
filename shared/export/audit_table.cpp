#include "shared/export/audit_table.h"

#include "shared/common/shanghai_time.h"

namespace ducha::exporting {

Table audit_table(const std::vector<sync::AuditLogEntry>& entries, const std::map<std::string, std::string>& names) {
    Table t;
    t.name = "audit";
    t.headers = {"编号 id",          "时间 at",       "操作人 actor", "姓名 name",       "设备 device",  "角色 role",
                 "区县 district",    "操作 action",   "集合 collection", "记录 record id", "结果 outcome", "代码 code",
                 "原因 reason"};
    for (const auto& e : entries) {
        auto name = names.find(e.actor);
        t.rows.push_back({std::to_string(e.id), shanghai_time(e.at_ms), e.actor, name == names.end() ? std::string() : name->second,
                          e.device, e.role, e.district, e.action, e.collection, e.record_id, e.outcome, e.code, e.reason});
    }
    return t;
}

}  // namespace ducha::exporting
