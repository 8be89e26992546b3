// The catalog's repositories (procedure versions, workflows, search), written once for both back
// ends. The only dialect difference is the substring test of the search prefilter: instr() in
// SQLite, strpos() in PostgreSQL, both 1-based and both > 0 for the empty needle, so an unused
// word slot ('') matches everything on both.
#include <algorithm>

#include "calendar/civil_time.h"
#include "catalog/rank.h"
#include "storage/sql/catalog_codec.h"
#include "storage/sql/sql_tx.h"

namespace motcua::storage::sql {
namespace {

using app::ProcedureSummary;
using app::StoredProcedureVersion;

#define MOTCUA_VERSION_COLUMNS                                                        \
  "code, number, state, published_number, published_date, ended_number, ended_date, " \
  "replaced_by, expires, procedure, import_notes, row_version, edited_at"
inline constexpr Statement kFindVersion{"procedure_version_find",
                                        "SELECT " MOTCUA_VERSION_COLUMNS
                                        " FROM procedure_versions WHERE code = $1 AND number = $2"};
inline constexpr Statement kListVersions{
    "procedure_version_list",
    "SELECT " MOTCUA_VERSION_COLUMNS " FROM procedure_versions WHERE code = $1 ORDER BY number"};
inline constexpr Statement kListAllVersions{"procedure_version_list_all",
                                            "SELECT " MOTCUA_VERSION_COLUMNS
                                            " FROM procedure_versions ORDER BY code, number"};
// Drafts, newest edit first (index procedure_versions_drafts, migration 12). With $1 = 0 only
// those whose every competent unit (the comma-separated column) is a unit in the subtree of $2:
// as many units of the subtree are named in the list as the list has codes. Keyset after
// ($4 edited_at, $5 code) when $3 = 1.
inline constexpr Statement kListDrafts{
    "procedure_version_drafts",
    "WITH RECURSIVE scope(id) AS (SELECT CAST($2 AS BIGINT) "
    "UNION ALL SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id) "
    "SELECT " MOTCUA_VERSION_COLUMNS
    " FROM procedure_versions p WHERE p.state = 'draft' "
    "AND ($1 = 1 OR (p.competent_units <> '' AND (SELECT COUNT(*) FROM units u WHERE u.id IN "
    "(SELECT id FROM scope) AND ',' || p.competent_units || ',' LIKE '%,' || u.code || ',%') = "
    "LENGTH(p.competent_units) - LENGTH(REPLACE(p.competent_units, ',', '')) + 1)) "
    "AND ($3 = 0 OR p.edited_at < $4 OR (p.edited_at = $4 AND p.code > $5)) "
    "ORDER BY p.edited_at DESC, p.code LIMIT $6"};
#undef MOTCUA_VERSION_COLUMNS

// The columns after the primary key, in the order of VersionParams.
inline constexpr Statement kInsertVersion{
    "procedure_version_insert",
    "INSERT INTO procedure_versions (code, number, state, published_number, published_date, "
    "ended_number, ended_date, replaced_by, expires, name, level, field, competent_units, "
    "online_level, online_only, location_independent, cutoff, supplement_mode, procedure, "
    "import_notes, code_folded, name_index, field_index, name_words, row_version, edited_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
    "$19, $20, $21, $22, $23, $24, 1, $25)"};
inline constexpr Statement kUpdateVersion{
    "procedure_version_update",
    "UPDATE procedure_versions SET state = $3, published_number = $4, published_date = $5, "
    "ended_number = $6, ended_date = $7, replaced_by = $8, expires = $9, name = $10, level = $11, "
    "field = $12, competent_units = $13, online_level = $14, online_only = $15, "
    "location_independent = $16, cutoff = $17, supplement_mode = $18, procedure = $19, "
    "import_notes = $20, code_folded = $21, name_index = $22, field_index = $23, "
    "name_words = $24, row_version = row_version + 1, edited_at = $26 "
    "WHERE code = $1 AND number = $2 AND row_version = $25"};
inline constexpr Statement kVersionExists{
    "procedure_version_exists",
    "SELECT row_version FROM procedure_versions WHERE code = $1 AND number = $2"};

// In force on $1 (catalog::InForceOn), at most one per code (the highest number, as
// catalog::FindInForce), of level $2 and folded field $3 ('' = any).
#define MOTCUA_IN_FORCE(alias)                                             \
  alias ".state <> 'draft' AND " alias ".published_date <= $1 AND (" alias \
        ".ended_date IS NULL OR " alias ".ended_date > $1)"
#define MOTCUA_LISTED \
  "FROM procedure_versions p WHERE " MOTCUA_IN_FORCE(                                        \
      "p") " AND NOT EXISTS (SELECT 1 FROM procedure_versions h WHERE h.code = p.code AND "  \
           "h.number > p.number AND " MOTCUA_IN_FORCE(                                       \
               "h") ") AND ($2 = '' OR p.level = $2) AND ($3 = '' OR p.field_index = $3) "
#define MOTCUA_SUMMARY_COLUMNS                                                       \
  "SELECT p.code, p.number, p.name, p.level, p.field, p.state, p.published_number, " \
  "p.published_date, p.code_folded, p.name_index, p.field_index, p.name_words "
inline constexpr Statement kListInForce{"procedure_list_in_force",
                                        MOTCUA_SUMMARY_COLUMNS MOTCUA_LISTED
                                        "AND p.code > $4 ORDER BY p.code LIMIT $5"};
// Word slots $5..$8 hold " w " or ''.
#define MOTCUA_WORD(fn, n) "(" fn "(p.name_index, $" n ") > 0 OR " fn "(p.field_index, $" n ") > 0)"
#define MOTCUA_SEARCH(fn)                                                      \
  MOTCUA_SUMMARY_COLUMNS MOTCUA_LISTED                                         \
      "AND (p.code_folded = $4 OR (" MOTCUA_WORD(fn, "5") " AND " MOTCUA_WORD( \
          fn, "6") " AND " MOTCUA_WORD(fn, "7") " AND " MOTCUA_WORD(fn, "8") "))"
inline constexpr Statement kSearchSqlite{"procedure_search", MOTCUA_SEARCH("instr")};
inline constexpr Statement kSearchPostgres{"procedure_search", MOTCUA_SEARCH("strpos")};
#undef MOTCUA_SEARCH
#undef MOTCUA_WORD
#undef MOTCUA_SUMMARY_COLUMNS
#undef MOTCUA_LISTED
#undef MOTCUA_IN_FORCE

inline constexpr Statement kListWorkflowsOf{
    "workflow_list_of",
    "SELECT procedure_code, version, channels, steps FROM workflows "
    "WHERE procedure_code = $1 AND version = $2 ORDER BY ordinal"};
inline constexpr Statement kListWorkflows{
    "workflow_list",
    "SELECT procedure_code, version, channels, steps FROM workflows "
    "ORDER BY procedure_code, version, ordinal"};
inline constexpr Statement kDeleteWorkflow{
    "workflow_delete", "DELETE FROM workflows WHERE procedure_code = $1 AND version = $2"};
inline constexpr Statement kInsertWorkflow{
    "workflow_insert",
    "INSERT INTO workflows (procedure_code, version, ordinal, channels, steps) "
    "VALUES ($1, $2, $3, $4, $5)"};

Value OptDate(const std::optional<calendar::CivilDate>& d) {
  return d ? Value(calendar::FormatDate(*d)) : Null();
}

Result<std::optional<calendar::CivilDate>> DateColumn(const Row& r, std::size_t i) {
  if (r.IsNull(i)) return std::optional<calendar::CivilDate>();
  auto d = calendar::ParseDate(r.Text(i));
  if (!d.ok()) return Error::Internal("stored catalog date is corrupt: " + r.Text(i));
  return std::optional<calendar::CivilDate>(*d);
}

Result<std::optional<catalog::Decision>> DecisionColumns(const Row& r, std::size_t i) {
  MOTCUA_ASSIGN_OR_RETURN(auto date, DateColumn(r, i + 1));
  if (!date) return std::optional<catalog::Decision>();
  return std::optional<catalog::Decision>(catalog::Decision{r.Text(i), *date});
}

Result<catalog::VersionState> StateFrom(const std::string& text) {
  for (auto s : {catalog::VersionState::kDraft, catalog::VersionState::kPublished,
                 catalog::VersionState::kAmended, catalog::VersionState::kReplaced,
                 catalog::VersionState::kRepealed}) {
    if (text == catalog::VersionStateName(s)) return s;
  }
  return Error::Internal("stored version state is corrupt: " + text);
}

std::string Joined(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

// Parameters $1..$24 of kInsertVersion and kUpdateVersion.
std::vector<Value> VersionParams(const catalog::ProcedureVersion& v) {
  const catalog::Procedure& p = v.procedure;
  const catalog::SearchEntry e = catalog::MakeSearchEntry(p.code, p.name, p.field);
  return {Text(p.code),
          Int(v.number),
          Text(std::string(catalog::VersionStateName(v.state))),
          v.published ? Text(v.published->number) : Null(),
          OptDate(v.published ? std::optional(v.published->date) : std::nullopt),
          v.ended ? Text(v.ended->number) : Null(),
          OptDate(v.ended ? std::optional(v.ended->date) : std::nullopt),
          Text(v.replaced_by),
          OptDate(v.expires),
          Text(p.name),
          p.level ? Text(std::string(catalog::LevelName(*p.level))) : Null(),
          Text(p.field),
          Text(Joined(p.competent_units)),
          Text(std::string(catalog::OnlineLevelName(p.online_level))),
          Bool(p.online_only),
          Bool(p.location_independent),
          Text(EncodeCutoff(p.cutoff)),
          Text(std::string(catalog::SupplementModeName(p.supplement_mode))),
          Text(EncodeProcedure(p)),
          Text(EncodeImportNotes(v.import_notes)),
          Text(e.code_folded),
          Text(e.name_index),
          Text(e.field_index),
          Int(e.name_words)};
}

Result<StoredProcedureVersion> VersionFromRow(const Row& r) {
  StoredProcedureVersion out;
  catalog::ProcedureVersion& v = out.value;
  v.number = static_cast<int>(r.Int(1));
  MOTCUA_ASSIGN_OR_RETURN(v.state, StateFrom(r.Text(2)));
  MOTCUA_ASSIGN_OR_RETURN(v.published, DecisionColumns(r, 3));
  MOTCUA_ASSIGN_OR_RETURN(v.ended, DecisionColumns(r, 5));
  v.replaced_by = r.Text(7);
  MOTCUA_ASSIGN_OR_RETURN(v.expires, DateColumn(r, 8));
  MOTCUA_ASSIGN_OR_RETURN(v.procedure, DecodeProcedure(r.Text(9)));
  MOTCUA_ASSIGN_OR_RETURN(v.import_notes, DecodeImportNotes(r.Text(10)));
  out.row_version = r.Int(11);
  out.edited_at = r.Int(12);
  if (v.procedure.code != r.Text(0)) {
    return Error::Internal("stored procedure " + r.Text(0) + " holds the document of " +
                           v.procedure.code);
  }
  return out;
}

Result<ProcedureSummary> SummaryFromRow(const Row& r) {
  ProcedureSummary s;
  s.code = r.Text(0);
  s.number = static_cast<int>(r.Int(1));
  s.name = r.Text(2);
  if (!r.IsNull(3)) {
    auto level = catalog::ParseLevel(r.Text(3));
    if (!level.ok()) return Error::Internal("stored level is corrupt: " + r.Text(3));
    s.level = *level;
  }
  s.field = r.Text(4);
  MOTCUA_ASSIGN_OR_RETURN(s.state, StateFrom(r.Text(5)));
  MOTCUA_ASSIGN_OR_RETURN(s.published, DecisionColumns(r, 6));
  s.search = {s.code, r.Text(8), r.Text(9), r.Text(10), static_cast<int>(r.Int(11))};
  return s;
}

Result<catalog::Workflow> WorkflowFromRow(const Row& r) {
  catalog::Workflow w;
  w.procedure_code = r.Text(0);
  w.version = static_cast<int>(r.Int(1));
  MOTCUA_ASSIGN_OR_RETURN(w.channels, DecodeChannels(r.Text(2)));
  MOTCUA_ASSIGN_OR_RETURN(w.steps, DecodeSteps(r.Text(3)));
  return w;
}

template <typename T, typename F>
Result<std::optional<T>> DecodeRow(Result<std::optional<Row>> row, F from_row) {
  if (!row) return std::move(row).error();
  if (!*row) return std::optional<T>();
  MOTCUA_ASSIGN_OR_RETURN(T item, from_row(**row));
  return std::optional<T>(std::move(item));
}

std::vector<Value> FilterParams(const app::ProcedureFilter& f) {
  return {Text(calendar::FormatDate(f.day)),
          Text(f.level ? std::string(catalog::LevelName(*f.level)) : std::string()),
          Text(f.field_index.value_or(""))};
}

}  // namespace

Result<std::optional<StoredProcedureVersion>> SqlTx::FindProcedureVersion(const std::string& code,
                                                                          int number) {
  return DecodeRow<StoredProcedureVersion>(conn_.QueryOne(kFindVersion, {Text(code), Int(number)}),
                                           VersionFromRow);
}

Result<std::vector<StoredProcedureVersion>> SqlTx::ListProcedureVersions(const std::string& code) {
  return DecodeAll<StoredProcedureVersion>(conn_.Query(kListVersions, {Text(code)}),
                                           VersionFromRow);
}

Result<std::vector<StoredProcedureVersion>> SqlTx::ListAllProcedureVersions() {
  return DecodeAll<StoredProcedureVersion>(conn_.Query(kListAllVersions, {}), VersionFromRow);
}

Result<std::vector<ProcedureSummary>> SqlTx::ListProceduresInForce(
    const app::ProcedureFilter& filter) {
  std::vector<Value> params = FilterParams(filter);
  params.push_back(Text(filter.after_code));
  params.push_back(Int(filter.limit <= 0 ? 50 : filter.limit));
  return DecodeAll<ProcedureSummary>(conn_.Query(kListInForce, params), SummaryFromRow);
}

Result<std::vector<ProcedureSummary>> SqlTx::SearchProcedures(const app::ProcedureSearch& search) {
  std::vector<Value> params = FilterParams(search.filter);
  params.push_back(Text(search.code));
  for (std::size_t i = 0; i < app::kSearchWords; ++i) {
    params.push_back(Text(i < search.words.size() ? " " + search.words[i] + " " : std::string()));
  }
  const Statement& stmt = conn_.dialect() == Dialect::kSqlite ? kSearchSqlite : kSearchPostgres;
  MOTCUA_ASSIGN_OR_RETURN(auto rows,
                          DecodeAll<ProcedureSummary>(conn_.Query(stmt, params), SummaryFromRow));
  // Sorted here rather than in SQL: an ORDER BY code makes SQLite walk the primary-key index and
  // fetch every row out of order, twice as slow at 10,000 versions as a table scan and a sort.
  std::sort(rows.begin(), rows.end(),
            [](const ProcedureSummary& a, const ProcedureSummary& b) { return a.code < b.code; });
  return rows;
}

Result<std::vector<catalog::Workflow>> SqlTx::ListWorkflowsOf(const std::string& code,
                                                              int version) {
  return DecodeAll<catalog::Workflow>(conn_.Query(kListWorkflowsOf, {Text(code), Int(version)}),
                                      WorkflowFromRow);
}

Result<std::vector<catalog::Workflow>> SqlTx::ListWorkflows() {
  return DecodeAll<catalog::Workflow>(conn_.Query(kListWorkflows, {}), WorkflowFromRow);
}

Result<std::vector<StoredProcedureVersion>> SqlTx::ListDrafts(const app::DraftQuery& q) {
  return DecodeAll<StoredProcedureVersion>(
      conn_.Query(kListDrafts,
                  {Int(q.scope_root ? 0 : 1), Int(q.scope_root.value_or(0)),
                   Int(q.after_code.empty() ? 0 : 1), Int(q.after_edited_at), Text(q.after_code),
                   Int(q.limit <= 0 ? 50 : std::min(q.limit, 500))}),
      VersionFromRow);
}

Status SqlTx::InsertProcedureVersion(StoredProcedureVersion& version) {
  std::vector<Value> params = VersionParams(version.value);
  params.push_back(Int(version.edited_at));
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kInsertVersion, params));
  version.row_version = 1;
  return Ok();
}

Status SqlTx::UpdateProcedureVersion(StoredProcedureVersion& version) {
  std::vector<Value> params = VersionParams(version.value);
  params.push_back(Int(version.row_version));
  params.push_back(Int(version.edited_at));
  MOTCUA_ASSIGN_OR_RETURN(auto n, conn_.Exec(kUpdateVersion, params));
  if (n == 0) {
    const std::string& code = version.value.code();
    const std::string what =
        "procedure " + code + " version " + std::to_string(version.value.number);
    MOTCUA_ASSIGN_OR_RETURN(
        auto row, conn_.QueryOne(kVersionExists, {Text(code), Int(version.value.number)}));
    if (!row) return Error::NotFound(what + " not found");
    return Error::Aborted(what + " was changed by someone else (current version " +
                          std::to_string(row->Int(0)) + ")")
        .WithReason("version-conflict");
  }
  ++version.row_version;
  return Ok();
}

Status SqlTx::PutWorkflows(const std::string& code, int version,
                           const std::vector<catalog::Workflow>& workflows) {
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kDeleteWorkflow, {Text(code), Int(version)}));
  for (std::size_t i = 0; i < workflows.size(); ++i) {
    MOTCUA_RETURN_IF_ERROR(conn_.Exec(
        kInsertWorkflow,
        {Text(code), Int(version), Int(static_cast<std::int64_t>(i)),
         Text(EncodeChannels(workflows[i].channels)), Text(EncodeSteps(workflows[i].steps))}));
  }
  return Ok();
}

}  // namespace motcua::storage::sql
