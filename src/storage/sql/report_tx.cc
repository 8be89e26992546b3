// The reports' repositories (migration 7), written once for both back ends: the facts row of each
// dossier and the statistics of a period aggregated from those rows.
#include "storage/sql/report_tx.h"

#include <map>
#include <string>

#include "reports/facts.h"
#include "reports/rollup.h"
#include "storage/sql/sql_tx.h"

namespace motcua::storage::sql {
namespace {

using reports::DayCounts;
using reports::DayKey;
using reports::Facts;
using reports::Finish;
using reports::Statistics;

#define MOTCUA_FACTS_COLUMNS                                                                     \
  "dossier_id, unit, receiving_unit, procedure_code, procedure_version, channel, submitted_at, " \
  "received_at, due_at, finish, finished_at, timeliness, officer, supplement_requests, guided, " \
  "withdrawal, apology, components, digitized, reused, data_store, paid_online, synced"
#define MOTCUA_FACTS_INSERT                                                                  \
  "INSERT INTO dossier_facts (" MOTCUA_FACTS_COLUMNS                                         \
  ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "                                 \
  "$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23) ON CONFLICT (dossier_id) DO " \
  "UPDATE SET "
#define MOTCUA_FACTS_SET_COMMON                                                                  \
  "unit = excluded.unit, receiving_unit = excluded.receiving_unit, procedure_code = "            \
  "excluded.procedure_code, procedure_version = excluded.procedure_version, channel = "          \
  "excluded.channel, submitted_at = excluded.submitted_at, received_at = excluded.received_at, " \
  "due_at = excluded.due_at, finish = excluded.finish, finished_at = excluded.finished_at, "     \
  "timeliness = excluded.timeliness, supplement_requests = excluded.supplement_requests, "       \
  "apology = excluded.apology, components = excluded.components, digitized = "                   \
  "excluded.digitized, reused = excluded.reused, data_store = excluded.data_store, "             \
  "paid_online = excluded.paid_online, synced = excluded.synced, "

// The row as computed in C++ (merged with the stored one, or rebuilt from the whole history).
inline constexpr Statement kReplaceFacts{
    "facts_replace", MOTCUA_FACTS_INSERT MOTCUA_FACTS_SET_COMMON
    "officer = excluded.officer, guided = excluded.guided, withdrawal = excluded.withdrawal"};
inline constexpr Statement kSetFactsDue{
    "facts_set_due", "UPDATE dossier_facts SET due_at = $1 WHERE dossier_id = $2"};
inline constexpr Statement kFindFacts{
    "facts_find", "SELECT " MOTCUA_FACTS_COLUMNS " FROM dossier_facts WHERE dossier_id = $1"};
inline constexpr Statement kListIds{"dossier_ids",
                                    "SELECT id FROM dossiers WHERE id > $1 ORDER BY id LIMIT $2"};
inline constexpr Statement kListFacts{"facts_list", "SELECT " MOTCUA_FACTS_COLUMNS
                                                    " FROM dossier_facts WHERE dossier_id > $1 "
                                                    "ORDER BY dossier_id LIMIT $2"};

// The statistics of reports/statistics.h in SQL. $1 the scope's root unit, $2 1 with its
// descendants, $3 from, $4 to, $5 the instant the report looks from (min(to, now)). The period's
// dossiers are four disjoint sets, each read through an index on (unit, instant): received in
// it; received before it and open; received before it and finished since; refused in it.
#define MOTCUA_SCOPE_CTE                                                                       \
  "WITH RECURSIVE scope(id) AS (SELECT CAST($1 AS BIGINT) UNION ALL SELECT u.id FROM units u " \
  "JOIN scope s ON u.parent_id = s.id WHERE $2 = 1)"
#define MOTCUA_IN_SCOPE "f.unit IN (SELECT code FROM units WHERE id IN (SELECT id FROM scope))"
#define MOTCUA_REPORT_ROWS                                                                     \
  MOTCUA_SCOPE_CTE                                                                             \
  ", r AS ("                                                                                   \
  "SELECT f.* FROM dossier_facts f WHERE " MOTCUA_IN_SCOPE                                     \
  " AND f.received_at >= $3 AND f.received_at < $4 AND f.received_at > 0 "                     \
  "UNION ALL SELECT f.* FROM dossier_facts f WHERE " MOTCUA_IN_SCOPE                           \
  " AND f.finish = 0 AND f.received_at > 0 AND f.received_at < $3 "                            \
  "UNION ALL SELECT f.* FROM dossier_facts f WHERE " MOTCUA_IN_SCOPE                           \
  " AND f.finish IN (1, 3) AND f.finished_at >= $3 AND f.received_at > 0 AND f.received_at < " \
  "$3 "                                                                                        \
  "UNION ALL SELECT f.* FROM dossier_facts f WHERE " MOTCUA_IN_SCOPE                           \
  " AND f.finish = 2 AND f.finished_at >= $3 AND f.finished_at < $4) "
#define MOTCUA_REPORT_RECEIVED "r.received_at >= $3 AND r.received_at < $4"
#define MOTCUA_REPORT_DONE "r.finish IN (1, 3) AND r.finished_at < $4"
#define MOTCUA_REPORT_OPEN "r.received_at > 0 AND NOT (" MOTCUA_REPORT_DONE ")"
#define MOTCUA_SUM(cond) "SUM(CASE WHEN " cond " THEN 1 ELSE 0 END)"
#define MOTCUA_REPORT_SUMS           \
  MOTCUA_SUM(MOTCUA_REPORT_RECEIVED) \
  ", " MOTCUA_SUM(MOTCUA_REPORT_RECEIVED " AND r.channel = 1") ", " MOTCUA_SUM(                 \
      MOTCUA_REPORT_RECEIVED " AND r.channel = 2") ", " MOTCUA_SUM(MOTCUA_REPORT_RECEIVED         \
                                                                   " AND r.channel = 3")        \
  ", " MOTCUA_SUM("r.received_at > 0 AND r.received_at < $3") ", " MOTCUA_SUM(                  \
      "r.finish = 1 AND r.finished_at < $4 AND r.timeliness = 1") ", " MOTCUA_SUM(              \
      "r.finish = 1 AND r.finished_at < $4 AND r.timeliness = 2") ", " MOTCUA_SUM(              \
      "r.finish = 1 AND r.finished_at < $4 AND r.timeliness = 3") ", " MOTCUA_SUM(              \
      "r.finish = 1 AND r.finished_at < $4 AND r.timeliness = 0") ", " MOTCUA_SUM(              \
      "r.finish = 3 AND r.finished_at < $4 AND r.withdrawal = 1") ", " MOTCUA_SUM(              \
      "r.finish = 3 AND r.finished_at < $4 AND r.withdrawal = 0") ", " MOTCUA_SUM(              \
      MOTCUA_REPORT_OPEN " AND NOT (r.due_at IS NOT NULL AND r.due_at < $5)") ", " MOTCUA_SUM(  \
      MOTCUA_REPORT_OPEN " AND r.due_at IS NOT NULL AND r.due_at < $5") ", " MOTCUA_SUM(        \
      "r.finish = 2") ", " MOTCUA_SUM("r.received_at > 0 AND r.supplement_requests > 0") ", "   \
      MOTCUA_SUM("r.received_at > 0 AND r.apology = 1") ", " MOTCUA_SUM(                        \
          MOTCUA_REPORT_RECEIVED                                                                \
          " AND r.components > 0 AND r.digitized = r.components") ", " MOTCUA_SUM(              \
          MOTCUA_REPORT_RECEIVED " AND r.reused = 1") ", " MOTCUA_SUM(MOTCUA_REPORT_RECEIVED    \
                                                                      " AND r.data_store = 1")  \
  ", " MOTCUA_SUM(MOTCUA_REPORT_RECEIVED " AND r.synced = 1") ", " MOTCUA_SUM(                  \
      MOTCUA_REPORT_RECEIVED " AND r.paid_online = 1")
#define MOTCUA_REPORT(name, key, join, group)                                                 \
  Statement {                                                                                 \
    name, MOTCUA_REPORT_ROWS "SELECT " key " AS k, " MOTCUA_REPORT_SUMS " FROM r " join group \
  }
#define MOTCUA_GROUP_BY(key) " GROUP BY " key " ORDER BY 1"
// Without a grouping: one row, none when nothing counts (HAVING without GROUP BY).
inline constexpr Statement kReportNone =
    MOTCUA_REPORT("report_none", "''", "", " HAVING COUNT(*) > 0");
// The key of a grouping by channel, and the join that gives a row its procedure version's field.
#define MOTCUA_CHANNEL_KEY_OF(t) \
  "CASE " t ".channel WHEN 1 THEN 'in-person' WHEN 2 THEN 'online' ELSE 'postal' END"
#define MOTCUA_FIELD_JOIN(t)                         \
  " LEFT JOIN procedure_versions pv ON pv.code = " t \
  ".procedure_code AND "                             \
  "pv.number = " t ".procedure_version"
#define MOTCUA_CHANNEL_KEY MOTCUA_CHANNEL_KEY_OF("r")
inline constexpr Statement kReportUnit =
    MOTCUA_REPORT("report_unit", "r.unit", "", MOTCUA_GROUP_BY("r.unit"));
inline constexpr Statement kReportProcedure =
    MOTCUA_REPORT("report_procedure", "r.procedure_code", "", MOTCUA_GROUP_BY("r.procedure_code"));
inline constexpr Statement kReportField =
    MOTCUA_REPORT("report_field", "COALESCE(pv.field, '')", MOTCUA_FIELD_JOIN("r"),
                  MOTCUA_GROUP_BY("COALESCE(pv.field, '')"));
inline constexpr Statement kReportChannel =
    MOTCUA_REPORT("report_channel", MOTCUA_CHANNEL_KEY, "", MOTCUA_GROUP_BY(MOTCUA_CHANNEL_KEY));
inline constexpr Statement kReportOfficer = MOTCUA_REPORT(
    "report_officer", "CAST(r.officer AS TEXT)", "", MOTCUA_GROUP_BY("CAST(r.officer AS TEXT)"));

// The drill-down: the rows of one figure, with the dossier's code, by dossier id after $6, at
// most $7. Each condition is the one its SUM above counts.
#define MOTCUA_FACTS_COLUMNS_R                                                                  \
  "r.dossier_id, r.unit, r.receiving_unit, r.procedure_code, r.procedure_version, r.channel, "  \
  "r.submitted_at, r.received_at, r.due_at, r.finish, r.finished_at, r.timeliness, r.officer, " \
  "r.supplement_requests, r.guided, r.withdrawal, r.apology, r.components, r.digitized, "       \
  "r.reused, r.data_store, r.paid_online, r.synced"
#define MOTCUA_REPORT_LIST(name, cond)                                                  \
  Statement {                                                                           \
    name, MOTCUA_REPORT_ROWS "SELECT " MOTCUA_FACTS_COLUMNS_R                           \
                             ", COALESCE(d.code, '') FROM r JOIN dossiers d ON d.id = " \
                             "r.dossier_id WHERE (" cond                                \
                             ") AND $5 = $5 AND r.dossier_id > $6 "                     \
                             "ORDER BY r.dossier_id LIMIT $7"                           \
  }
inline constexpr Statement kListFigure[] = {
    MOTCUA_REPORT_LIST("report_list_received", MOTCUA_REPORT_RECEIVED),
    MOTCUA_REPORT_LIST("report_list_carried", "r.received_at > 0 AND r.received_at < $3"),
    MOTCUA_REPORT_LIST("report_list_early",
                       "r.finish = 1 AND r.finished_at < $4 AND r.timeliness = 1"),
    MOTCUA_REPORT_LIST("report_list_on_time",
                       "r.finish = 1 AND r.finished_at < $4 AND r.timeliness = 2"),
    MOTCUA_REPORT_LIST("report_list_late",
                       "r.finish = 1 AND r.finished_at < $4 AND r.timeliness = 3"),
    MOTCUA_REPORT_LIST("report_list_untimed",
                       "r.finish = 1 AND r.finished_at < $4 AND r.timeliness = 0"),
    MOTCUA_REPORT_LIST("report_list_withdrawn",
                       "r.finish = 3 AND r.finished_at < $4 AND r.withdrawal = 1"),
    MOTCUA_REPORT_LIST("report_list_stopped",
                       "r.finish = 3 AND r.finished_at < $4 AND r.withdrawal = 0"),
    MOTCUA_REPORT_LIST("report_list_open_on_time",
                       MOTCUA_REPORT_OPEN " AND NOT (r.due_at IS NOT NULL AND r.due_at < $5)"),
    MOTCUA_REPORT_LIST("report_list_open_overdue",
                       MOTCUA_REPORT_OPEN " AND r.due_at IS NOT NULL AND r.due_at < $5"),
    MOTCUA_REPORT_LIST("report_list_refused", "r.finish = 2"),
    MOTCUA_REPORT_LIST("report_list_supplement", "r.received_at > 0 AND r.supplement_requests > 0"),
    MOTCUA_REPORT_LIST("report_list_apologies", "r.received_at > 0 AND r.apology = 1"),
};

const Statement& ReportStatement(app::ReportGroup group) {
  switch (group) {
    case app::ReportGroup::kNone: return kReportNone;
    case app::ReportGroup::kUnit: return kReportUnit;
    case app::ReportGroup::kProcedure: return kReportProcedure;
    case app::ReportGroup::kField: return kReportField;
    case app::ReportGroup::kChannel: return kReportChannel;
    case app::ReportGroup::kOfficer: return kReportOfficer;
  }
  return kReportNone;
}

std::vector<Value> FactsParams(const Facts& f) {
  return {Int(f.dossier_id),
          Text(f.unit),
          Text(f.receiving_unit),
          Text(f.procedure_code),
          Int(f.procedure_version),
          Int(static_cast<int>(f.channel)),
          Int(f.submitted_at),
          Int(f.received_at),
          f.due ? Int(*f.due) : Null(),
          Int(static_cast<int>(f.finish)),
          Int(f.finished_at),
          Int(static_cast<int>(f.timeliness)),
          Int(f.officer),
          Int(f.supplement_requests),
          Bool(f.guided),
          Bool(f.withdrawal),
          Bool(f.apology),
          Int(f.components),
          Int(f.digitized),
          Bool(f.reused),
          Bool(f.data_store),
          Bool(f.paid_online),
          Bool(f.synced_national)};
}

Result<Facts> FactsFromRow(const Row& r) {
  Facts f;
  f.dossier_id = r.Int(0);
  f.unit = r.Text(1);
  f.receiving_unit = r.Text(2);
  f.procedure_code = r.Text(3);
  f.procedure_version = static_cast<int>(r.Int(4));
  const std::int64_t channel = r.Int(5);
  const std::int64_t finish = r.Int(9);
  const std::int64_t timeliness = r.Int(11);
  if (channel < 1 || channel > 3 || finish < 0 || finish > 3 || timeliness < 0 || timeliness > 3) {
    return Error::Internal("dossier_facts row " + std::to_string(f.dossier_id) + " is malformed");
  }
  f.channel = static_cast<dossier::Channel>(channel);
  f.submitted_at = r.Int(6);
  f.received_at = r.Int(7);
  f.due = r.OptInt(8);
  f.finish = static_cast<Finish>(finish);
  f.finished_at = r.Int(10);
  f.timeliness = static_cast<dossier::Timeliness>(timeliness);
  f.officer = r.Int(12);
  f.supplement_requests = static_cast<int>(r.Int(13));
  f.guided = r.Bool(14);
  f.withdrawal = r.Bool(15);
  f.apology = r.Bool(16);
  f.components = static_cast<int>(r.Int(17));
  f.digitized = static_cast<int>(r.Int(18));
  f.reused = r.Bool(19);
  f.data_store = r.Bool(20);
  f.paid_online = r.Bool(21);
  f.synced_national = r.Bool(22);
  return f;
}

Result<app::ReportRow> ReportRowFrom(const Row& r) {
  app::ReportRow out;
  out.key = r.Text(0);
  Statistics& s = out.stats;
  std::int64_t* const fields[] = {&s.received,
                                  &s.received_in_person,
                                  &s.received_online,
                                  &s.received_postal,
                                  &s.carried_over,
                                  &s.resolved_early,
                                  &s.resolved_on_time,
                                  &s.resolved_late,
                                  &s.resolved_untimed,
                                  &s.withdrawn,
                                  &s.stopped,
                                  &s.in_progress_on_time,
                                  &s.in_progress_overdue,
                                  &s.refused,
                                  &s.supplement,
                                  &s.apologies,
                                  &s.digitized,
                                  &s.reused,
                                  &s.data_store,
                                  &s.synced,
                                  &s.paid_online};
  if (r.size() != 1 + std::size(fields)) return Error::Internal("report row of the wrong width");
  for (std::size_t i = 0; i < std::size(fields); ++i) *fields[i] = r.Int(i + 1);
  return out;
}

Result<std::optional<Facts>> FindFacts(Connection& conn, std::int64_t dossier_id) {
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn.QueryOne(kFindFacts, {Int(dossier_id)}));
  if (!row) return std::optional<Facts>();
  MOTCUA_ASSIGN_OR_RETURN(Facts f, FactsFromRow(*row));
  return std::optional<Facts>(std::move(f));
}

// --- The rollup (migration 8) -------------------------------------------------------------------

// A statement whose text is built at start: it owns the text its Statement views.
struct BuiltStatement {
  BuiltStatement(std::string name_in, std::string sql_in)
      : name(std::move(name_in)), sql(std::move(sql_in)), statement{name, sql} {}
  BuiltStatement(const BuiltStatement&) = delete;
  BuiltStatement& operator=(const BuiltStatement&) = delete;
  const std::string name;
  const std::string sql;
  const Statement statement;
};

// The rollup tables (reports::RollupKind) and their keys, in reports::DayKey's order.
struct RollupTable {
  const char* table;
  const char* keys;
  std::size_t key_count;
};
const RollupTable& TableOf(reports::RollupKind kind) {
  static const RollupTable unit{"report_days", "unit, day", 2};
  static const RollupTable procedure{"report_procedure_days", MOTCUA_REPORT_PROCEDURE_DAYS_KEYS, 5};
  return kind == reports::RollupKind::kUnit ? unit : procedure;
}

// The key's values as bound: unit, day; then procedure, version, channel for the finer rollup.
std::vector<Value> KeyParams(reports::RollupKind kind, const DayKey& key) {
  std::vector<Value> out = {Text(key.unit), Int(key.day)};
  if (kind == reports::RollupKind::kProcedure) {
    out.push_back(Text(key.procedure));
    out.push_back(Int(key.version));
    out.push_back(Int(key.channel));
  }
  return out;
}

// Adds the counters after the key's values to the row of that key, creating it.
const Statement& AddDayStatement(reports::RollupKind kind) {
  const auto build = [](reports::RollupKind k, const char* name) {
    const RollupTable& t = TableOf(k);
    std::string s = std::string("INSERT INTO ") + t.table + " (" + t.keys +
                    ", " MOTCUA_REPORT_DAYS_COLUMNS ") VALUES (";
    const std::size_t params = t.key_count + std::size(reports::kDayCountsFields);
    for (std::size_t i = 0; i < params; ++i) s += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
    s += std::string(") ON CONFLICT (") + t.keys + ") DO UPDATE SET ";
    for (std::size_t i = 0; i < std::size(reports::kDayCountsFields); ++i) {
      const std::string c = reports::kDayCountsFields[i].name;
      s += (i == 0 ? "" : ", ") + c + " = " + t.table + "." + c + " + excluded." + c;
    }
    return BuiltStatement{name, std::move(s)};
  };
  static const BuiltStatement unit = build(reports::RollupKind::kUnit, "report_days_add");
  static const BuiltStatement procedure =
      build(reports::RollupKind::kProcedure, "report_procedure_days_add");
  return kind == reports::RollupKind::kUnit ? unit.statement : procedure.statement;
}

// Whether the table's column list (the fill's and the list's order) is the counters' order
// (reports::kDayCountsFields, the order values are bound and read in).
bool ColumnsInFieldOrder() {
  static const bool same = [] {
    std::string names;
    for (const reports::DayCountsField& f : reports::kDayCountsFields) {
      names += (names.empty() ? "" : ", ") + std::string(f.name);
    }
    return names == MOTCUA_REPORT_DAYS_COLUMNS;
  }();
  return same;
}

// Rows are added in key order, the per-unit rollup first, so that two transactions lock shared
// rows in the same order.
Status AddToRollups(Connection& conn, const std::optional<Facts>& before, const Facts& after) {
  if (!ColumnsInFieldOrder()) return Error::Internal("report_days columns out of order");
  for (const reports::RollupKind kind :
       {reports::RollupKind::kUnit, reports::RollupKind::kProcedure}) {
    for (const auto& [key, counts] : reports::RollupDelta(before, after, kind)) {
      std::vector<Value> params = KeyParams(kind, key);
      for (const reports::DayCountsField& f : reports::kDayCountsFields) {
        params.push_back(Int(counts.*f.member));
      }
      MOTCUA_RETURN_IF_ERROR(conn.Exec(AddDayStatement(kind), params));
    }
  }
  return Ok();
}

// The facts row's columns in FactsParams' order: MOTCUA_FACTS_COLUMNS's.
const std::vector<std::string>& FactsColumns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> out;
    std::string_view rest = MOTCUA_FACTS_COLUMNS;
    for (std::size_t comma; (comma = rest.find(", ")) != std::string_view::npos;) {
      out.emplace_back(rest.substr(0, comma));
      rest.remove_prefix(comma + 2);
    }
    out.emplace_back(rest);
    return out;
  }();
  return columns;
}

// "UPDATE dossier_facts SET the columns in `changed` WHERE dossier_id", prepared once per set of
// columns (a handful in practice: each command changes the same ones). Bit i is the column of
// FactsParams' value i (bit 0, the dossier's id, is never set).
const Statement& UpdateFactsOf(std::uint32_t changed) {
  return KeptStatement("facts_update_" + std::to_string(changed), [changed] {
    std::string sql = "UPDATE dossier_facts SET ";
    int n = 1;
    const std::vector<std::string>& columns = FactsColumns();
    for (std::size_t i = 1; i < columns.size(); ++i) {
      if ((changed >> i & 1u) == 0) continue;
      if (n > 1) sql += ", ";
      sql += columns[i] + " = $" + std::to_string(n);
      ++n;
    }
    return sql + " WHERE dossier_id = $" + std::to_string(n);
  });
}

// Replaces the facts row `before` (absent: none) with `after`, and the row's contribution to the
// rollups with it when it differs. An existing row is updated in the columns that differ only:
// SQLite rewrites the entries of every index whose column an UPDATE sets, and the row has four
// (a command mostly changes columns none of them holds).
Status WriteFacts(Connection& conn, const std::optional<Facts>& before, const Facts& after) {
  std::vector<Value> row = FactsParams(after);
  if (row.size() != FactsColumns().size()) return Error::Internal("facts columns out of order");
  if (!before || before->dossier_id != after.dossier_id) {
    MOTCUA_RETURN_IF_ERROR(conn.Exec(kReplaceFacts, row));
    return AddToRollups(conn, before, after);
  }
  const std::vector<Value> was = FactsParams(*before);
  std::uint32_t mask = 0;
  std::vector<Value> params;
  for (std::size_t i = 1; i < row.size(); ++i) {
    if (row[i] == was[i]) continue;
    mask |= 1u << i;
    params.push_back(std::move(row[i]));
  }
  if (mask == 0) return Ok();
  params.push_back(Int(after.dossier_id));
  MOTCUA_RETURN_IF_ERROR(conn.Exec(UpdateFactsOf(mask), params));
  return AddToRollups(conn, before, after);
}

// How a rollup-path report groups: the key's SQL over the rollup row `d` and over the facts row
// `f`, and the join each needs (the procedure version's field).
struct RollupGrouping {
  reports::RollupKind kind;
  std::string rollup_key;
  std::string rollup_join;
  std::string facts_key;
  std::string facts_join;
};
std::optional<RollupGrouping> GroupingOf(app::ReportGroup group) {
  using reports::RollupKind;
  switch (group) {
    case app::ReportGroup::kNone:
    case app::ReportGroup::kUnit:
      return RollupGrouping{RollupKind::kUnit, "d.unit", "", "f.unit", ""};
    case app::ReportGroup::kProcedure:
      return RollupGrouping{RollupKind::kProcedure, "d.procedure_code", "", "f.procedure_code", ""};
    case app::ReportGroup::kField:
      return RollupGrouping{RollupKind::kProcedure, "COALESCE(pv.field, '')",
                            MOTCUA_FIELD_JOIN("d"), "COALESCE(pv.field, '')",
                            MOTCUA_FIELD_JOIN("f")};
    case app::ReportGroup::kChannel:
      return RollupGrouping{RollupKind::kProcedure, MOTCUA_CHANNEL_KEY_OF("d"), "",
                            MOTCUA_CHANNEL_KEY_OF("f"), ""};
    case app::ReportGroup::kOfficer: return std::nullopt;  // changes as the dossier moves
  }
  return std::nullopt;
}

// One statement per grouping a rollup answers, named `prefix` and the grouping's name, its text
// made by `sql` from how the grouping keys rows; kNone shares kUnit's.
const Statement& ForGrouping(const std::map<app::ReportGroup, BuiltStatement>& statements,
                             app::ReportGroup group) {
  return statements.at(group == app::ReportGroup::kNone ? app::ReportGroup::kUnit : group)
      .statement;
}
template <typename MakeSql>
std::map<app::ReportGroup, BuiltStatement> BuildPerGrouping(const char* prefix, MakeSql sql) {
  std::map<app::ReportGroup, BuiltStatement> out;
  for (const app::ReportGroup g : {app::ReportGroup::kUnit, app::ReportGroup::kProcedure,
                                   app::ReportGroup::kField, app::ReportGroup::kChannel}) {
    out.try_emplace(g, prefix + std::string(app::ReportGroupName(g)), sql(*GroupingOf(g)));
  }
  return out;
}

// The sums of a scope's rollup rows per group key: the counters over the days before $3 (the
// period's first day), then over the days $3..$4-1.
const Statement& SumDaysStatement(app::ReportGroup group) {
  static const auto statements =
      BuildPerGrouping("report_days_sum_", [](const RollupGrouping& how) {
        std::string s = MOTCUA_SCOPE_CTE " SELECT " + how.rollup_key;
        for (const char* when : {"d.day < $3", "d.day >= $3"}) {
          for (const reports::DayCountsField& f : reports::kDayCountsFields) {
            s += std::string(", SUM(CASE WHEN ") + when + " THEN d." + f.name + " ELSE 0 END)";
          }
        }
        return s + " FROM " + TableOf(how.kind).table + " d" + how.rollup_join +
               " WHERE d.unit IN (SELECT code FROM units WHERE id IN (SELECT id FROM scope)) AND "
               "d.day < $4 GROUP BY " +
               how.rollup_key + " ORDER BY 1";
      });
  return ForGrouping(statements, group);
}

// "In progress overdue" of a period that ends after now, per group key: in the period, not
// finished before its end $3, due before now $4. The open rows by due instant
// (dossier_facts_open_due), and the rows finished after the period's end (dossier_facts_finished;
// none, unless the clock went back). The unary + keeps SQLite's planner, which has no statistics,
// off the index on (unit, received_at), which would read every dossier the unit ever received.
const Statement& OverdueNowStatement(app::ReportGroup group) {
  static const auto statements =
      BuildPerGrouping("report_overdue_now_", [](const RollupGrouping& how) {
        const std::string rows = "SELECT " + how.facts_key + " AS k FROM dossier_facts f" +
                                 how.facts_join + " WHERE " MOTCUA_IN_SCOPE;
        return MOTCUA_SCOPE_CTE " SELECT o.k, COUNT(*) FROM (" + rows +
               " AND f.finish = 0 AND f.due_at < $4 AND +f.received_at > 0 AND +f.received_at < "
               "$3 UNION ALL " +
               rows +
               " AND f.finish IN (1, 3) AND f.finished_at >= $3 AND f.due_at < $4 AND "
               "+f.received_at > 0 AND +f.received_at < $3) AS o GROUP BY o.k";
      });
  return ForGrouping(statements, group);
}

const Statement& ListDaysStatement(reports::RollupKind kind) {
  const auto build = [](reports::RollupKind k, const char* name) {
    const RollupTable& t = TableOf(k);
    std::string after = "($1, CAST($2 AS BIGINT)";
    if (k == reports::RollupKind::kProcedure)
      after += ", $3, CAST($4 AS INTEGER), CAST($5 AS INTEGER)";
    after += ")";
    const std::string limit = "$" + std::to_string(t.key_count + 1);
    return BuiltStatement{name, std::string("SELECT ") + t.keys + ", " MOTCUA_REPORT_DAYS_COLUMNS +
                                    " FROM " + t.table + " WHERE (" + t.keys + ") > " + after +
                                    " ORDER BY " + t.keys + " LIMIT " + limit};
  };
  static const BuiltStatement unit = build(reports::RollupKind::kUnit, "report_days_list");
  static const BuiltStatement procedure =
      build(reports::RollupKind::kProcedure, "report_procedure_days_list");
  return kind == reports::RollupKind::kUnit ? unit.statement : procedure.statement;
}
inline constexpr Statement kFillDays{"report_days_fill", MOTCUA_REPORT_DAYS_FILL};
inline constexpr Statement kFillProcedureDays{"report_procedure_days_fill",
                                              MOTCUA_REPORT_PROCEDURE_DAYS_FILL};

// Reads the counters from column `first` on.
DayCounts DayCountsFrom(const Row& r, std::size_t first) {
  DayCounts c;
  for (const reports::DayCountsField& f : reports::kDayCountsFields) c.*f.member = r.Int(first++);
  return c;
}

// Whether the query can be answered from a rollup: grouped by anything but the officer (who
// changes as the dossier moves), over whole local days.
bool ByRollup(const app::ReportQuery& q) {
  return GroupingOf(q.group).has_value() && q.from <= q.to && reports::IsLocalMidnight(q.from) &&
         reports::IsLocalMidnight(q.to);
}

Result<std::vector<app::ReportRow>> RollupStatistics(Connection& conn, const app::ReportQuery& q) {
  const Value unit = Int(q.unit);
  const Value subunits = Int(q.subunits ? 1 : 0);
  MOTCUA_ASSIGN_OR_RETURN(auto sums, conn.Query(SumDaysStatement(q.group),
                                                {unit, subunits, Int(reports::LocalDay(q.from)),
                                                 Int(reports::LocalDay(q.to))}));
  // A period that has ended is judged at its end, a day's end: the rollup knows what was overdue
  // then. One that has not is judged now.
  const bool ended = q.to <= q.now;
  std::map<std::string, std::int64_t> overdue;
  if (!ended) {
    MOTCUA_ASSIGN_OR_RETURN(auto rows, conn.Query(OverdueNowStatement(q.group),
                                                  {unit, subunits, Int(q.to), Int(q.now)}));
    for (const Row& r : rows) overdue[r.Text(0)] = r.Int(1);
  }
  const std::size_t width = std::size(reports::kDayCountsFields);
  std::vector<app::ReportRow> out;
  Statistics whole;
  for (const Row& r : sums) {
    if (r.size() != 1 + 2 * width) return Error::Internal("rollup row of the wrong width");
    std::optional<std::int64_t> overdue_now;
    if (!ended) {
      const auto it = overdue.find(r.Text(0));
      overdue_now = it == overdue.end() ? 0 : it->second;
    }
    app::ReportRow row;
    row.key = r.Text(0);
    row.stats = reports::StatisticsFromRollup(DayCountsFrom(r, 1), DayCountsFrom(r, 1 + width),
                                              overdue_now);
    if (row.stats == Statistics{}) continue;  // as the facts path: no row when nothing counts
    whole += row.stats;
    if (q.group != app::ReportGroup::kNone) out.push_back(std::move(row));
  }
  if (q.group == app::ReportGroup::kNone && whole != Statistics{}) {
    out.push_back(app::ReportRow{"", whole});
  }
  return out;
}

}  // namespace

Status InsertDossierFacts(Connection& conn, const Facts& facts) {
  return WriteFacts(conn, std::nullopt, facts);
}

Status MergeDossierFacts(Connection& conn, const Facts& facts) {
  MOTCUA_ASSIGN_OR_RETURN(std::optional<Facts> before, FindFacts(conn, facts.dossier_id));
  Facts after = facts;
  if (before) {
    // The flags the current state forgets stay as the earlier events set them.
    if (after.officer == 0) after.officer = before->officer;
    after.guided = after.guided || before->guided;
    after.withdrawal = after.withdrawal || before->withdrawal;
    if (*before == after) return Ok();
  }
  return WriteFacts(conn, before, after);
}

Status SetDossierFactsDue(Connection& conn, std::int64_t dossier_id, std::optional<Instant> due) {
  MOTCUA_ASSIGN_OR_RETURN(std::optional<Facts> before, FindFacts(conn, dossier_id));
  if (!before || before->due == due) return Ok();
  MOTCUA_RETURN_IF_ERROR(conn.Exec(kSetFactsDue, {due ? Int(*due) : Null(), Int(dossier_id)}));
  Facts after = *before;
  after.due = due;
  return AddToRollups(conn, before, after);
}

Result<std::vector<app::ReportRow>> SqlTx::ReportStatistics(const app::ReportQuery& q) {
  if (ByRollup(q)) return RollupStatistics(conn_, q);
  return DecodeAll<app::ReportRow>(
      conn_.Query(ReportStatement(q.group), {Int(q.unit), Int(q.subunits ? 1 : 0), Int(q.from),
                                             Int(q.to), Int(std::min(q.to, q.now))}),
      ReportRowFrom);
}

Result<std::vector<app::ReportDossier>> SqlTx::ListReportDossiers(const app::ReportQuery& q,
                                                                  app::ReportFigure figure,
                                                                  std::int64_t after_id,
                                                                  int limit) {
  const auto index = static_cast<std::size_t>(figure);
  if (index >= std::size(kListFigure)) return Error::Internal("unknown report figure");
  return DecodeAll<app::ReportDossier>(
      conn_.Query(kListFigure[index], {Int(q.unit), Int(q.subunits ? 1 : 0), Int(q.from), Int(q.to),
                                       Int(std::min(q.to, q.now)), Int(after_id), Int(limit)}),
      [](const Row& r) -> Result<app::ReportDossier> {
        app::ReportDossier out;
        MOTCUA_ASSIGN_OR_RETURN(out.facts, FactsFromRow(r));
        out.code = r.Text(23);
        return out;
      });
}

Result<std::optional<Facts>> SqlTx::FindDossierFacts(std::int64_t dossier_id) {
  return FindFacts(conn_, dossier_id);
}

Result<std::vector<Facts>> SqlTx::ListDossierFacts(std::int64_t after_id, int limit) {
  return DecodeAll<Facts>(conn_.Query(kListFacts, {Int(after_id), Int(limit)}), FactsFromRow);
}

Result<std::vector<std::int64_t>> SqlTx::ListDossierIds(std::int64_t after_id, int limit) {
  return DecodeAll<std::int64_t>(conn_.Query(kListIds, {Int(after_id), Int(limit)}),
                                 [](const Row& r) -> Result<std::int64_t> { return r.Int(0); });
}

Status SqlTx::PutDossierFacts(const Facts& facts) {
  MOTCUA_ASSIGN_OR_RETURN(std::optional<Facts> before, FindFacts(conn_, facts.dossier_id));
  return WriteFacts(conn_, before, facts);
}

Result<std::vector<app::ReportDay>> SqlTx::ListReportDays(reports::RollupKind kind,
                                                          const reports::DayKey& after, int limit) {
  if (!ColumnsInFieldOrder()) return Error::Internal("report_days columns out of order");
  std::vector<Value> params = KeyParams(kind, after);
  params.push_back(Int(limit));
  const bool by_procedure = kind == reports::RollupKind::kProcedure;
  return DecodeAll<app::ReportDay>(
      conn_.Query(ListDaysStatement(kind), params),
      [by_procedure](const Row& r) -> Result<app::ReportDay> {
        DayKey key{r.Text(0), r.Int(1)};
        if (by_procedure) {
          key.procedure = r.Text(2);
          key.version = static_cast<int>(r.Int(3));
          key.channel = static_cast<int>(r.Int(4));
        }
        return app::ReportDay{std::move(key), DayCountsFrom(r, by_procedure ? 5 : 2)};
      });
}

Status SqlTx::RebuildReportDays() {
  MOTCUA_RETURN_IF_ERROR(conn_.ExecScript("DELETE FROM report_days"));
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kFillDays, {}));
  MOTCUA_RETURN_IF_ERROR(conn_.ExecScript("DELETE FROM report_procedure_days"));
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kFillProcedureDays, {}));
  return Ok();
}

}  // namespace motcua::storage::sql
