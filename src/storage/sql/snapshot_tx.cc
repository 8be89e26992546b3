// The daily snapshots of the reports (migration 9), written once for both back ends: one row per
// unit and local day, inserted once and never changed, and the trend of a unit scope summed per
// day.
#include <vector>

#include "storage/sql/sql_tx.h"

namespace motcua::storage::sql {
namespace {

using reports::Statistics;

// The kept figures, in column order (the table's, the insert's and the trend's sums).
struct SnapshotField {
  const char* column;
  std::int64_t Statistics::*member;
};
constexpr SnapshotField kSnapshotFields[] = {
    {"received_in_person", &Statistics::received_in_person},
    {"received_online", &Statistics::received_online},
    {"received_postal", &Statistics::received_postal},
    {"resolved_early", &Statistics::resolved_early},
    {"resolved_on_time", &Statistics::resolved_on_time},
    {"resolved_late", &Statistics::resolved_late},
    {"resolved_untimed", &Statistics::resolved_untimed},
    {"withdrawn", &Statistics::withdrawn},
    {"stopped", &Statistics::stopped},
    {"refused", &Statistics::refused},
    {"in_progress_on_time", &Statistics::in_progress_on_time},
    {"in_progress_overdue", &Statistics::in_progress_overdue},
};

inline constexpr Statement kInsertSnapshot{
    "snapshot_insert",
    "INSERT INTO report_snapshots (unit, day, received_in_person, received_online, "
    "received_postal, resolved_early, resolved_on_time, resolved_late, resolved_untimed, "
    "withdrawn, stopped, refused, in_progress_on_time, in_progress_overdue, taken_at) VALUES ($1, "
    "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (unit, day) DO "
    "NOTHING"};
inline constexpr Statement kHasSnapshot{
    "snapshot_has",
    "SELECT COUNT(*) FROM (SELECT 1 FROM report_snapshots WHERE day = $1 LIMIT 1) t"};
// $1 the scope's root unit, $2 1 with its descendants, $3 the first day, $4 the last.
inline constexpr Statement kTrend{
    "snapshot_trend",
    "WITH RECURSIVE scope(id) AS (SELECT CAST($1 AS BIGINT) "
    "UNION ALL SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id WHERE $2 = 1) "
    "SELECT day, SUM(received_in_person), SUM(received_online), SUM(received_postal), "
    "SUM(resolved_early), SUM(resolved_on_time), SUM(resolved_late), SUM(resolved_untimed), "
    "SUM(withdrawn), SUM(stopped), SUM(refused), SUM(in_progress_on_time), "
    "SUM(in_progress_overdue) FROM report_snapshots "
    "WHERE unit IN (SELECT code FROM units WHERE id IN (SELECT id FROM scope)) "
    "AND day >= $3 AND day <= $4 GROUP BY day ORDER BY day"};

}  // namespace

Result<bool> SqlTx::HasReportSnapshot(std::int64_t day) {
  MOTCUA_ASSIGN_OR_RETURN(auto rows, conn_.Query(kHasSnapshot, {Int(day)}));
  return !rows.empty() && rows[0].Int(0) > 0;
}

Result<std::vector<app::ReportTrendDay>> SqlTx::ReportTrend(identity::UnitId unit, bool subunits,
                                                            std::int64_t first_day,
                                                            std::int64_t last_day) {
  return DecodeAll<app::ReportTrendDay>(
      conn_.Query(kTrend, {Int(unit), Int(subunits ? 1 : 0), Int(first_day), Int(last_day)}),
      [](const Row& r) -> Result<app::ReportTrendDay> {
        app::ReportTrendDay d;
        d.day = r.Int(0);
        std::size_t i = 1;
        for (const SnapshotField& f : kSnapshotFields) d.stats.*f.member = r.Int(i++);
        d.stats.received =
            d.stats.received_in_person + d.stats.received_online + d.stats.received_postal;
        return d;
      });
}

Result<std::int64_t> SqlTx::InsertReportSnapshots(std::int64_t day,
                                                  const std::vector<app::ReportRow>& rows,
                                                  Instant taken_at) {
  std::int64_t inserted = 0;
  for (const app::ReportRow& row : rows) {
    std::vector<Value> params = {Text(row.key), Int(day)};
    for (const SnapshotField& f : kSnapshotFields) params.push_back(Int(row.stats.*f.member));
    params.push_back(Int(taken_at));
    MOTCUA_ASSIGN_OR_RETURN(std::int64_t n, conn_.Exec(kInsertSnapshot, params));
    inserted += n;
  }
  return inserted;
}

}  // namespace motcua::storage::sql
