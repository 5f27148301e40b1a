#include "server/storage/public_results_reader.h"

#include <algorithm>
#include <memory>
#include <tuple>

#include "shared/common/shanghai_time.h"
#include "shared/domain/collections.h"

namespace ducha::server {

using namespace ducha::domain;

namespace {

template <typename M>
std::optional<M> parse_payload(const std::string& payload) {
    M m;
    if (!m.ParseFromString(payload)) return std::nullopt;
    return m;
}

// A record's parsed payload, read once per build however many reports point at it.
template <typename M>
Result<const std::optional<M>*> memo_get(std::unordered_map<std::string, std::optional<M>>& memo, const RecordTable& table,
                                         std::string_view collection, const std::string& id, bool live_only) {
    auto it = memo.find(id);
    if (it != memo.end()) return &it->second;
    std::optional<M> value;
    if (!id.empty()) {
        auto rec = table.get(collection, id);
        if (!rec) return fail(rec.error());
        if (*rec && !(live_only && (*rec)->deleted())) value = parse_payload<M>((*rec)->payload());
    }
    return &memo.emplace(id, std::move(value)).first->second;
}

// Newest first: by when the server received the report, then by its number.
bool newer(const PublicResult& a, const PublicResult& b) {
    return a.received_ms != b.received_ms ? a.received_ms > b.received_ms : a.id > b.id;
}

}  // namespace

const std::vector<std::string_view>& PublicResultsReader::collections_read() {
    static const std::vector<std::string_view> kRead{kReport, kReceipt, kTask, kInstitution, kDistrict, kChecklistTemplate, kCase};
    return kRead;
}

// The rows newest first: districts and cases first (each a scan), then the one scan of the reports
// with indexed look-ups of what they name, then the links between corrections.
Result<PublishedResults> PublicResultsReader::read() {
    PublishedResults snap;
    if (auto s = read_districts(snap); !s) return fail(s.error());
    if (auto s = read_decisions(); !s) return fail(s.error());
    auto found = read_reports();
    if (!found) return fail(found.error());
    link_corrections(*found);
    for (auto& c : *found) snap.rows.push_back(std::move(c.row));
    std::sort(snap.rows.begin(), snap.rows.end(), newer);
    return snap;
}

// District names: what a row shows and what the page names its filter by.
Status PublicResultsReader::read_districts(PublishedResults& out) {
    auto districts = m_table.for_each_live(kDistrict, [&](const pb::Record& r) {
        if (auto d = parse_payload<pb::District>(r.payload())) {
            m_district_names[r.id()] = d->name();
            out.districts.emplace_back(r.id(), d->name());
        }
        return true;
    });
    if (!districts) return fail(districts.error());
    return {};
}

// Cases by the report they were opened on; in seq order, so the newest case of a report wins.
Status PublicResultsReader::read_decisions() {
    auto cases = m_table.for_each_live(kCase, [&](const pb::Record& r) {
        auto c = parse_payload<pb::Case>(r.payload());
        if (!c || c->report_id().empty()) return true;
        PublicDecision d;
        d.status = c->status();
        // The tier is a decision: an open case has none yet, a case without violation needs none.
        if (c->status() != "open" && c->status() != "no_violation") d.tier = c->tier();
        if ((c->status() == "rectification" || c->status() == "reinspection") && c->deadline() > 0)
            d.deadline = shanghai_date(c->deadline());
        m_decisions[c->report_id()] = std::move(d);
        return true;
    });
    if (!cases) return fail(cases.error());
    return {};
}

// The one scan of the report collection, with each report's receipt joined in.
Result<std::vector<PublicResultsReader::Candidate>> PublicResultsReader::read_reports() {
    std::vector<Candidate> found;
    Status failed;
    auto scan = m_table.for_each_report([&](const pb::Record& rec, const std::optional<std::string>& receipt_payload) {
        auto row = published_row(rec, receipt_payload);
        if (!row) {
            failed = fail(row.error());
            return false;
        }
        if (*row) found.push_back(std::move(**row));
        return true;
    });
    if (!scan) return fail(scan.error());
    if (!failed) return fail(failed.error());
    return found;
}

// The report as a public row, or nullopt when it is not published (the rules are in the header).
Result<std::optional<PublicResultsReader::Candidate>> PublicResultsReader::published_row(
    const pb::Record& rec, const std::optional<std::string>& receipt_payload) {
    const std::optional<Candidate> unpublished;
    auto report = parse_payload<pb::Report>(rec.payload());
    if (!report || report->covert() || report->unlisted()) return unpublished;
    // A deleted task keeps its payload, so its covert flag can still be read. A report whose task
    // cannot be read is left out: nothing could show it was not covert.
    auto task = memo_get(m_tasks, m_table, kTask, report->task_id(), false);
    if (!task) return fail(task.error());
    if (!**task || (**task)->covert()) return unpublished;
    // The public sees the official inspection: a report by one of the task's inspectors, not
    // evidence someone else filed on the task (an inspector reassigned while offline).
    const auto& assignees = (**task)->assignees();
    if (std::find(assignees.begin(), assignees.end(), report->user_id()) == assignees.end()) return unpublished;
    auto inst = memo_get(m_institutions, m_table, kInstitution, report->institution_id(), true);
    if (!inst) return fail(inst.error());
    if (!**inst || (**inst)->field_reported()) return unpublished;  // only sites of the registry
    const pb::Institution& in = ***inst;

    PublicResult r;
    r.id = rec.seq();
    if (receipt_payload)
        if (auto receipt = parse_payload<pb::Receipt>(*receipt_payload); receipt && receipt->seq() > 0) r.id = receipt->seq();
    r.received_ms = rec.updated_at();
    r.date = shanghai_date(r.received_ms / 1000);
    r.district_id = in.district_id().empty() ? report->district_id() : in.district_id();
    if (auto d = m_district_names.find(r.district_id); d != m_district_names.end()) r.district = d->second;
    r.institution = in.name();
    r.address = in.address();
    r.licensed = in.licensed();
    r.category = in.category();
    r.task_kind = (**task)->kind();

    auto texts = item_texts(report->template_id());
    if (!texts) return fail(texts.error());
    for (const auto& a : report->answers()) {
        if (a.result() != "fail") continue;
        PublicProblem p{a.code(), "", ""};
        if (auto t = (*texts)->find(a.code()); t != (*texts)->end()) std::tie(p.text_zh, p.text_en) = t->second;
        r.problems.push_back(std::move(p));
    }
    const std::string& id = rec.id();
    if (auto d = m_decisions.find(id); d != m_decisions.end()) r.decision = d->second;
    return std::optional<Candidate>(Candidate{id, report->task_id(), report->amends(), std::move(r)});
}

// The texts of a checklist's items, read once per template however many reports name it.
Result<const PublicResultsReader::ItemTexts*> PublicResultsReader::item_texts(const std::string& template_id) {
    auto tpl = m_templates.find(template_id);
    if (tpl == m_templates.end()) {
        ItemTexts texts;
        auto tpl_rec = m_table.get(kChecklistTemplate, template_id);
        if (!tpl_rec) return fail(tpl_rec.error());
        if (*tpl_rec)
            if (auto t = parse_payload<pb::ChecklistTemplate>((*tpl_rec)->payload()))
                for (const auto& item : t->items()) texts[item.code()] = {item.text_zh(), item.text_en()};
        tpl = m_templates.emplace(template_id, std::move(texts)).first;
    }
    return &tpl->second;
}

// An amendment and the report it corrects are both published (what was first reported stays
// on record) and point at each other by number. Only a published original is named: an
// amendment of anything else shows no link, so it cannot hint at a report that is not public.
// A report amended more than once points at its newest amendment, whose result stands.
void PublicResultsReader::link_corrections(std::vector<Candidate>& found) {
    std::unordered_map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < found.size(); ++i) by_id.emplace(found[i].report_id, i);
    std::unordered_map<std::size_t, std::size_t> newest_amendment;  // original -> amendment, as indexes of found
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (found[i].amends.empty()) continue;
        auto o = by_id.find(found[i].amends);
        if (o == by_id.end() || o->second == i || found[o->second].task_id != found[i].task_id) continue;
        found[i].row.amends = found[o->second].row.id;
        auto [it, fresh] = newest_amendment.emplace(o->second, i);
        if (!fresh && newer(found[i].row, found[it->second].row)) it->second = i;
    }
    for (auto [orig, amendment] : newest_amendment) found[orig].row.amended_by = found[amendment].row.id;
}

}  // namespace ducha::server
