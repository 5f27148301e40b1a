#pragma once
// The district's institution registry (两库之一, coordinators): create and edit entries, import a
// CSV file (every row checked first; one bad row and nothing is imported), take a field-reported
// site into the registry or merge it into an entry it duplicates, and read an entry's history.
#include <string>
#include <string_view>
#include <vector>

#include "shared/desk/import_result.h"
#include "shared/desk/record_writer.h"

namespace ducha::desk {

struct HistoryEntry {
    std::int64_t at_s = 0;
    std::string kind;  // task | report | case | complaint
    std::string id;
    std::string status;
    std::string text;  // one line for people
};

class InstitutionRegistry {
public:
    explicit InstitutionRegistry(RecordWriter& w) : m_w(w) {}

    // Checks name, address, district (the coordinator's own), zone (same district), duplicates.
    Result<std::string> create(pb::Institution inst);
    // Changes the named fields (last writer wins; the losing value is kept on the server).
    Status update(const std::string& id, const pb::Institution& next, const std::vector<std::string>& fields);
    // Columns (header names in Chinese or English; order free):
    //   name|名称*, address|地址*, licensed|有证*, academic|学科类, category|类别, community|小区,
    //   zone|片区 (zone name or id), licence_no|许可证号, phone|联系电话, lat|纬度, lon|经度,
    //   key_target|重点对象        (* required)
    Result<ImportResult> import_csv(std::string_view csv_text, const std::string& district_id);
    // `into_id` empty: the field-reported site becomes a registry entry. Otherwise it is marked as
    // merged into that entry, whose history then includes the site's reports.
    Status merge(const std::string& field_id, const std::string& into_id, const std::string& zone_id = {});
    // Newest first; includes records of sites merged into this one.
    Result<std::vector<HistoryEntry>> history(const std::string& id);
    // Field-reported sites not yet taken in or merged.
    Result<std::vector<Loaded<pb::Institution>>> field_reported(const std::string& district_id);

    static Status validate(const pb::Institution& inst);

private:
    RecordWriter& m_w;
};

}  // namespace ducha::desk
