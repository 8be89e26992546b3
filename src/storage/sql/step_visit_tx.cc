// The per-step figures' repositories (migration 11), written once for both back ends: the
// completed visits of each step (reports::StepVisit) and their aggregates over a unit scope.
#include <string>

#include "storage/sql/sql_tx.h"

namespace motcua::storage::sql {
namespace {

using app::OpenStepRow;
using app::StepGroup;
using app::StepQuery;
using app::StepVisitRow;
using reports::StepVisit;

#define MOTCUA_VISIT_COLUMNS                                                            \
  "dossier_id, ordinal, step_id, unit, officer, entered_at, left_at, due_at, counted, " \
  "working_seconds, outcome"

inline constexpr Statement kInsertVisit{"step_visit_insert",
                                        "INSERT INTO step_visits (" MOTCUA_VISIT_COLUMNS
                                        ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"};
inline constexpr Statement kDeleteVisits{"step_visits_delete",
                                         "DELETE FROM step_visits WHERE dossier_id = $1"};
inline constexpr Statement kListVisits{"step_visits_list",
                                       "SELECT " MOTCUA_VISIT_COLUMNS
                                       " FROM step_visits WHERE dossier_id = $1 ORDER BY ordinal"};

// The units of the scope: $1 the root, $2 1 with its descendants.
#define MOTCUA_STEP_SCOPE                                   \
  "WITH RECURSIVE scope(id) AS (SELECT CAST($1 AS BIGINT) " \
  "UNION ALL SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id WHERE $2 = 1) "
#define MOTCUA_STEP_CODES "(SELECT code FROM units WHERE id IN (SELECT id FROM scope))"

// The visits per key: those left in [$3, $4) (passed, by outcome, working seconds) and those
// held at $5 (entered before it and left at or after it; overdue when timed and due before it),
// each read through the key (unit, left_at).
#define MOTCUA_VISITS_BY(key)                                                                  \
  MOTCUA_STEP_SCOPE                                                                            \
  "SELECT k, SUM(passed), SUM(on_time), SUM(late), SUM(untimed), SUM(ws), MAX(ws), SUM(cur), " \
  "SUM(cur_over) FROM (SELECT " key                                                            \
  " AS k, 1 AS passed, "                                                                       \
  "CASE WHEN v.outcome = 1 THEN 1 ELSE 0 END AS on_time, "                                     \
  "CASE WHEN v.outcome = 2 THEN 1 ELSE 0 END AS late, "                                        \
  "CASE WHEN v.outcome = 0 THEN 1 ELSE 0 END AS untimed, v.working_seconds AS ws, 0 AS cur, "  \
  "0 AS cur_over FROM step_visits v WHERE v.unit IN " MOTCUA_STEP_CODES                        \
  " AND v.left_at >= $3 AND v.left_at < $4 "                                                   \
  "UNION ALL SELECT " key                                                                      \
  ", 0, 0, 0, 0, 0, 1, "                                                                       \
  "CASE WHEN v.outcome <> 0 AND v.due_at < $5 THEN 1 ELSE 0 END FROM step_visits v "           \
  "WHERE v.unit IN " MOTCUA_STEP_CODES                                                         \
  " AND v.left_at >= $5 AND v.entered_at < $5) AS x "                                          \
  "GROUP BY k ORDER BY k"
inline constexpr Statement kVisitsByStep{"step_visits_by_step", MOTCUA_VISITS_BY("v.step_id")};
inline constexpr Statement kVisitsByUnit{"step_visits_by_unit", MOTCUA_VISITS_BY("v.unit")};
inline constexpr Statement kVisitsByOfficer{"step_visits_by_officer",
                                            MOTCUA_VISITS_BY("CAST(v.officer AS TEXT)")};
#undef MOTCUA_VISITS_BY

// The open dossiers at a step of a unit of the scope (index dossiers_at_step), per key and
// (procedure version, step): how many, and how many with a step due instant before $3. With
// $4 = 1 (a past instant) only those whose step was entered before $3: the last event that
// entered a step (dossier::EntersStep).
#define MOTCUA_OPEN_BY(key)                                                            \
  MOTCUA_STEP_SCOPE                                                                    \
  "SELECT " key                                                                        \
  ", d.procedure_code, d.procedure_version, d.step_id, COUNT(*), "                     \
  "SUM(CASE WHEN d.step_due_at IS NOT NULL AND d.step_due_at < $3 THEN 1 ELSE 0 END) " \
  "FROM dossiers d WHERE d.state IN (2, 4, 5, 6, 7, 9) AND d.step_id <> '' "           \
  "AND d.step_unit IN " MOTCUA_STEP_CODES                                              \
  " AND ($4 = 0 OR (SELECT MAX(e.at) FROM dossier_events e WHERE e.dossier_id = d.id " \
  "AND e.kind IN ('received', 'forwarded', 'reworked', 'issued')) < $3) "              \
  "GROUP BY " key                                                                      \
  ", d.procedure_code, d.procedure_version, d.step_id "                                \
  "ORDER BY " key ", d.procedure_code, d.procedure_version, d.step_id"
inline constexpr Statement kOpenByStep{"step_open_by_step", MOTCUA_OPEN_BY("d.step_id")};
inline constexpr Statement kOpenByUnit{"step_open_by_unit", MOTCUA_OPEN_BY("d.step_unit")};
inline constexpr Statement kOpenByOfficer{"step_open_by_officer",
                                          MOTCUA_OPEN_BY("CAST(d.assignee AS TEXT)")};
#undef MOTCUA_OPEN_BY
#undef MOTCUA_STEP_CODES
#undef MOTCUA_STEP_SCOPE

Result<StepVisit> VisitFromRow(const Row& r) {
  StepVisit v;
  v.dossier_id = r.Int(0);
  v.ordinal = static_cast<int>(r.Int(1));
  v.step_id = r.Text(2);
  v.unit = r.Text(3);
  v.officer = r.Int(4);
  v.entered = r.Int(5);
  v.left = r.Int(6);
  v.due = r.Int(7);
  v.counted = r.Bool(8);
  v.working_seconds = r.Int(9);
  const std::int64_t outcome = r.Int(10);
  if (outcome < 0 || outcome > 2) return Error::Internal("step visit with outcome " + r.Text(10));
  v.outcome = static_cast<reports::VisitOutcome>(outcome);
  return v;
}

}  // namespace

Result<std::vector<StepVisitRow>> SqlTx::ReportStepVisits(const StepQuery& q) {
  const Statement& statement = q.group == StepGroup::kUnit      ? kVisitsByUnit
                               : q.group == StepGroup::kOfficer ? kVisitsByOfficer
                                                                : kVisitsByStep;
  return DecodeAll<StepVisitRow>(conn_.Query(statement, {Int(q.unit), Int(q.subunits ? 1 : 0),
                                                         Int(q.from), Int(q.to), Int(q.as_of)}),
                                 [](const Row& r) -> Result<StepVisitRow> {
                                   StepVisitRow row;
                                   row.key = r.Text(0);
                                   reports::StepFigures& f = row.figures;
                                   f.passed = r.Int(1);
                                   f.on_time = r.Int(2);
                                   f.late = r.Int(3);
                                   f.untimed = r.Int(4);
                                   f.working_seconds = r.Int(5);
                                   f.longest_seconds = r.Int(6);
                                   f.current = r.Int(7);
                                   f.current_overdue = r.Int(8);
                                   return row;
                                 });
}

Result<std::vector<OpenStepRow>> SqlTx::ReportOpenSteps(const StepQuery& q) {
  const Statement& statement = q.group == StepGroup::kUnit      ? kOpenByUnit
                               : q.group == StepGroup::kOfficer ? kOpenByOfficer
                                                                : kOpenByStep;
  return DecodeAll<OpenStepRow>(
      conn_.Query(statement,
                  {Int(q.unit), Int(q.subunits ? 1 : 0), Int(q.as_of), Int(q.ended ? 1 : 0)}),
      [](const Row& r) -> Result<OpenStepRow> {
        return OpenStepRow{r.Text(0), r.Text(1), static_cast<int>(r.Int(2)),
                           r.Text(3), r.Int(4),  r.Int(5)};
      });
}

Result<std::vector<StepVisit>> SqlTx::ListStepVisits(std::int64_t dossier_id) {
  return DecodeAll<StepVisit>(conn_.Query(kListVisits, {Int(dossier_id)}), VisitFromRow);
}

Status SqlTx::InsertStepVisits(std::int64_t dossier_id, const std::vector<StepVisit>& visits) {
  for (const StepVisit& v : visits) {
    MOTCUA_RETURN_IF_ERROR(conn_.Exec(
        kInsertVisit, {Int(dossier_id), Int(v.ordinal), Text(v.step_id), Text(v.unit),
                       Int(v.officer), Int(v.entered), Int(v.left), Int(v.due), Bool(v.counted),
                       Int(v.working_seconds), Int(static_cast<int>(v.outcome))}));
  }
  return Ok();
}

Status SqlTx::ReplaceStepVisits(std::int64_t dossier_id, const std::vector<StepVisit>& visits) {
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kDeleteVisits, {Int(dossier_id)}));
  return InsertStepVisits(dossier_id, visits);
}

}  // namespace motcua::storage::sql
