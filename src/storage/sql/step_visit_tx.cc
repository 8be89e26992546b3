// The per-step figures' repositories (migration 11), written once for both back ends: the
// completed visits of each step (reports::StepVisit) and their aggregates over a unit scope.
#include "storage/sql/step_visit_tx.h"

#include <string>

#include "reports/rollup.h"
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

// The figures per key: the visits passed in the period (passed, by outcome, working seconds),
// from the rollup per day ($3, $4: the period's first and past-last local days) or from the
// visits themselves ($3, $4: instants), and the visits held at $5 (entered before it and left at
// or after it; overdue when timed and due before it), each read through the key (unit, ...): a
// visit held at $5 was left before $5 plus the longest time a visit of the scope left since that
// day has lasted, so only those are read.
#define MOTCUA_PASSED_DAYS(key)                                                             \
  "SELECT " key                                                                             \
  " AS k, v.passed AS passed, v.on_time AS on_time, v.late AS late, "                       \
  "v.untimed AS untimed, v.working_seconds AS ws, v.longest_seconds AS longest, 0 AS cur, " \
  "0 AS cur_over FROM step_days v WHERE v.unit IN " MOTCUA_STEP_CODES                       \
  " AND v.day >= $3 AND v.day < $4"
#define MOTCUA_PASSED_VISITS(key)                                                          \
  "SELECT " key                                                                            \
  " AS k, 1 AS passed, CASE WHEN v.outcome = 1 THEN 1 ELSE 0 END AS on_time, "             \
  "CASE WHEN v.outcome = 2 THEN 1 ELSE 0 END AS late, "                                    \
  "CASE WHEN v.outcome = 0 THEN 1 ELSE 0 END AS untimed, v.working_seconds AS ws, "        \
  "v.working_seconds AS longest, 0 AS cur, 0 AS cur_over FROM step_visits v WHERE v.unit " \
  "IN " MOTCUA_STEP_CODES " AND v.left_at >= $3 AND v.left_at < $4"
#define MOTCUA_STEP_FIGURES(key, passed) \
  MOTCUA_STEP_SCOPE                      \
  "SELECT k, SUM(passed), SUM(on_time), SUM(late), SUM(untimed), SUM(ws), MAX(longest), "        \
  "SUM(cur), SUM(cur_over) FROM (" passed(                                                       \
      key) " UNION ALL SELECT " key                                                              \
           ", 0, 0, 0, 0, 0, 0, "                                                                \
           "1, CASE WHEN v.outcome <> 0 AND v.due_at < $5 THEN 1 ELSE 0 END FROM step_visits v " \
           "WHERE v.unit IN " MOTCUA_STEP_CODES                                                  \
           " AND v.left_at >= $5 AND v.left_at < $5 + (SELECT COALESCE(MAX(d.longest_span), 0) + 1 " \
           "FROM step_days d WHERE d.unit IN " MOTCUA_STEP_CODES " AND d.day >= " MOTCUA_LOCAL_DAY("$5") ") " \
           "AND v.entered_at < $5) AS x "                                   \
           "GROUP BY k ORDER BY k"
#define MOTCUA_KEY_STEP "v.step_id"
#define MOTCUA_KEY_UNIT "v.unit"
#define MOTCUA_KEY_OFFICER "CAST(v.officer AS TEXT)"
inline constexpr Statement kDaysByStep{"step_days_by_step",
                                       MOTCUA_STEP_FIGURES(MOTCUA_KEY_STEP, MOTCUA_PASSED_DAYS)};
inline constexpr Statement kDaysByUnit{"step_days_by_unit",
                                       MOTCUA_STEP_FIGURES(MOTCUA_KEY_UNIT, MOTCUA_PASSED_DAYS)};
inline constexpr Statement kDaysByOfficer{
    "step_days_by_officer", MOTCUA_STEP_FIGURES(MOTCUA_KEY_OFFICER, MOTCUA_PASSED_DAYS)};
inline constexpr Statement kVisitsByStep{
    "step_visits_by_step", MOTCUA_STEP_FIGURES(MOTCUA_KEY_STEP, MOTCUA_PASSED_VISITS)};
inline constexpr Statement kVisitsByUnit{
    "step_visits_by_unit", MOTCUA_STEP_FIGURES(MOTCUA_KEY_UNIT, MOTCUA_PASSED_VISITS)};
inline constexpr Statement kVisitsByOfficer{
    "step_visits_by_officer", MOTCUA_STEP_FIGURES(MOTCUA_KEY_OFFICER, MOTCUA_PASSED_VISITS)};
#undef MOTCUA_STEP_FIGURES
#undef MOTCUA_PASSED_VISITS
#undef MOTCUA_PASSED_DAYS

// One visit added to its row of the rollup ($1 unit, $2 day, $3 step, $4 officer, $5..$7 one if
// on time / late / untimed, $8 its working seconds, $9 left - entered).
#define MOTCUA_STEP_DAY_UPSERT(greatest)                                                    \
  "INSERT INTO step_days (" MOTCUA_STEP_DAYS_COLUMNS                                        \
  ") VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $8, $9) "                                   \
  "ON CONFLICT (unit, day, step_id, officer) DO UPDATE SET passed = step_days.passed + 1, " \
  "on_time = step_days.on_time + excluded.on_time, late = step_days.late + excluded.late, " \
  "untimed = step_days.untimed + excluded.untimed, "                                        \
  "working_seconds = step_days.working_seconds + excluded.working_seconds, "                \
  "longest_seconds = " greatest                                                             \
  "(step_days.longest_seconds, excluded.longest_seconds), "                                 \
  "longest_span = " greatest "(step_days.longest_span, excluded.longest_span)"
inline constexpr Statement kAddDaySqlite{"step_day_add_sqlite", MOTCUA_STEP_DAY_UPSERT("MAX")};
inline constexpr Statement kAddDayPostgres{"step_day_add_postgres",
                                           MOTCUA_STEP_DAY_UPSERT("GREATEST")};
#undef MOTCUA_STEP_DAY_UPSERT

// The rollup's rows that differ from the rollup folded from the visits, either way.
#define MOTCUA_STEP_DAYS_STORED "SELECT " MOTCUA_STEP_DAYS_COLUMNS " FROM step_days"
inline constexpr Statement kCountDaysDifferent{
    "step_days_different",
    "SELECT (SELECT COUNT(*) FROM (" MOTCUA_STEP_DAYS_STORED " EXCEPT " MOTCUA_STEP_DAYS_FOLD
    ") AS a) + (SELECT COUNT(*) FROM (" MOTCUA_STEP_DAYS_FOLD " EXCEPT " MOTCUA_STEP_DAYS_STORED
    ") AS b)"};
#undef MOTCUA_STEP_DAYS_STORED
inline constexpr Statement kClearDays{"step_days_clear", "DELETE FROM step_days"};
inline constexpr Statement kFillDays{"step_days_fill", MOTCUA_STEP_DAYS_FILL};

// The open dossiers at a step of a unit of the scope (index dossiers_at_step), per key and
// (procedure version, step): how many, and how many with a step due instant before $3. With
// $4 = 1 (a past instant) only those whose step was entered before $3 (step_entered_at: the
// instant of the last event that entered a step, dossier::EntersStep; in the index, so that the
// dossiers' events are not read: 8-12 s at 216,439 open dossiers when they were).
#define MOTCUA_OPEN_BY(key)                                                            \
  MOTCUA_STEP_SCOPE                                                                    \
  "SELECT " key                                                                        \
  ", d.procedure_code, d.procedure_version, d.step_id, COUNT(*), "                     \
  "SUM(CASE WHEN d.step_due_at IS NOT NULL AND d.step_due_at < $3 THEN 1 ELSE 0 END) " \
  "FROM dossiers d WHERE d.state IN (2, 4, 5, 6, 7, 9) AND d.step_id <> '' "           \
  "AND d.step_unit IN " MOTCUA_STEP_CODES                                              \
  " AND ($4 = 0 OR d.step_entered_at < $3) "                                           \
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
  // Whole local days read the rollup; other bounds (or a check of the rollup) the visits.
  const bool days =
      !q.from_visits && reports::IsLocalMidnight(q.from) && reports::IsLocalMidnight(q.to);
  const Statement* statement = days ? &kDaysByStep : &kVisitsByStep;
  if (q.group == StepGroup::kUnit) statement = days ? &kDaysByUnit : &kVisitsByUnit;
  if (q.group == StepGroup::kOfficer) statement = days ? &kDaysByOfficer : &kVisitsByOfficer;
  const Value from = days ? Int(reports::LocalDay(q.from)) : Int(q.from);
  const Value to = days ? Int(reports::LocalDay(q.to)) : Int(q.to);
  return DecodeAll<StepVisitRow>(
      conn_.Query(*statement, {Int(q.unit), Int(q.subunits ? 1 : 0), from, to, Int(q.as_of)}),
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

namespace {

Status InsertVisits(Connection& conn, std::int64_t dossier_id,
                    const std::vector<StepVisit>& visits) {
  for (const StepVisit& v : visits) {
    MOTCUA_RETURN_IF_ERROR(conn.Exec(
        kInsertVisit, {Int(dossier_id), Int(v.ordinal), Text(v.step_id), Text(v.unit),
                       Int(v.officer), Int(v.entered), Int(v.left), Int(v.due), Bool(v.counted),
                       Int(v.working_seconds), Int(static_cast<int>(v.outcome))}));
  }
  return Ok();
}

}  // namespace

Status SqlTx::InsertStepVisits(std::int64_t dossier_id, const std::vector<StepVisit>& visits) {
  MOTCUA_RETURN_IF_ERROR(InsertVisits(conn_, dossier_id, visits));
  const Statement& add = conn_.dialect() == Dialect::kPostgres ? kAddDayPostgres : kAddDaySqlite;
  for (const StepVisit& v : visits) {
    const auto one = [&](reports::VisitOutcome o) { return Int(v.outcome == o ? 1 : 0); };
    MOTCUA_RETURN_IF_ERROR(conn_.Exec(
        add,
        {Text(v.unit), Int(reports::LocalDay(v.left)), Text(v.step_id), Int(v.officer),
         one(reports::VisitOutcome::kOnTime), one(reports::VisitOutcome::kLate),
         one(reports::VisitOutcome::kUntimed), Int(v.working_seconds), Int(v.left - v.entered)}));
  }
  return Ok();
}

Status SqlTx::ReplaceStepVisits(std::int64_t dossier_id, const std::vector<StepVisit>& visits) {
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kDeleteVisits, {Int(dossier_id)}));
  return InsertVisits(conn_, dossier_id, visits);
}

Result<std::int64_t> SqlTx::CountStepDaysDifferent() {
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn_.QueryOne(kCountDaysDifferent, {}));
  return row ? row->Int(0) : 0;
}

Status SqlTx::RebuildStepDays() {
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kClearDays, {}));
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kFillDays, {}));
  return Ok();
}

}  // namespace motcua::storage::sql
