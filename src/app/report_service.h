#pragma once

// Reports (issue 7): the statistics of a period for a unit and its sub-units, the Decision 766
// index per unit, and the public figures. The figures come from the facts rows that storage keeps
// with the events (app/report_records.h) and are aggregated in SQL over the unit scope; the
// formulas are those of src/reports (docs/reports.md).
//
// Scope: an officer sees the units of their own subtree; a unit outside it does not exist for
// them (kNotFound, as for dossiers). Citizens get no reports, only the public figures.
// Thread-safe (the store is).

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/calendar_service.h"
#include "app/store.h"
#include "common/clock.h"
#include "reports/index766.h"
#include "reports/period.h"
#include "reports/rollup.h"
#include "reports/steps.h"

namespace motcua::app {

class ReportService {
 public:
  ReportService(Store& store, const Clock& clock)
      : store_(store), clock_(clock), calendars_(store, clock) {}

  struct StatisticsRequest {
    std::string unit_code;  // empty: the actor's own unit
    bool subunits = true;
    reports::Period period;
    ReportGroup group = ReportGroup::kNone;
  };
  struct StatisticsReport {
    identity::Unit unit;
    bool subunits = true;
    reports::Period period;
    ReportGroup group = ReportGroup::kNone;
    Instant as_of = 0;            // min(period.to, now): where "in progress" is judged
    std::vector<ReportRow> rows;  // one per group key, in key order
    reports::Statistics total;    // the sum of the rows
    // Group by unit: unit names by code; by officer: usernames by id ("0": no result yet).
    std::map<std::string, std::string> names;
  };
  // kInvalidArgument naming "unit" for an unknown unit; kNotFound outside the actor's scope;
  // kUnauthenticated without login; kPermissionDenied for citizens.
  Result<StatisticsReport> Statistics(const Actor& actor, const StatisticsRequest& request);
  // The unit `unit_code` names (the actor's own when empty) when the actor may read its reports:
  // the check every report makes first, with its errors, for a report made later (an export job).
  Result<identity::Unit> Scope(const Actor& actor, const std::string& unit_code);

  // The dossiers counted in one figure of Statistics(request) (request.group ignored), by id
  // after `after_id`, at most `limit` (1..200): the drill-down. Errors as Statistics.
  struct DossierPage {
    identity::Unit unit;
    Instant as_of = 0;
    std::vector<ReportDossier> items;
  };
  Result<DossierPage> Dossiers(const Actor& actor, const StatisticsRequest& request,
                               ReportFigure figure, std::int64_t after_id, int limit);

  struct UnitIndex {
    std::string unit_code;
    std::string unit_name;
    reports::Statistics stats;
    reports::Index766Result index;
  };
  struct IndexReport {
    identity::Unit unit;
    reports::Period period;
    Instant as_of = 0;
    UnitIndex whole;               // the unit with all its sub-units
    std::vector<UnitIndex> units;  // each unit of the scope with dossiers of its own, by code
  };
  // The Decision 766 index of `unit_code` (with its sub-units) and of each unit under it, scored
  // with reports::Index766Table(). Errors as Statistics.
  Result<IndexReport> Index766(const Actor& actor, const std::string& unit_code,
                               const reports::Period& period);

  // The periodic report of procedure results a unit sends upward (báo cáo định kỳ kết quả giải
  // quyết thủ tục hành chính; docs/reports.md "The periodic report"): the statistics of
  // `unit_code` with its sub-units for `period`, one row per field (lĩnh vực) and one per unit,
  // with their total. Read in one snapshot from the same aggregates as Statistics: each field
  // row is Statistics grouped by field, each unit row Statistics grouped by unit, and the total
  // Statistics grouped by nothing, so both row sets sum to the total. Errors as Statistics.
  struct PeriodicReport {
    identity::Unit unit;
    reports::Period period;
    Instant as_of = 0;
    std::vector<ReportRow> fields;  // by the procedure version's field ("": unknown), in order
    std::vector<ReportRow> units;   // by competent unit code, in order
    std::map<std::string, std::string> unit_names;  // by code
    reports::Statistics total;
  };
  Result<PeriodicReport> Periodic(const Actor& actor, const std::string& unit_code,
                                  const reports::Period& period);

  // The figures per workflow step (docs/reports.md "Per-step figures"; reports/steps.h) of the
  // visits of steps whose unit is in the scope of `request`: aggregated in SQL from the stored
  // visits (left in the period; held at as_of) and the open dossiers' current steps (at a step at
  // as_of; overdue when the step is timed in the dossier's procedure version's workflow and its
  // stored step due instant is before as_of). One row per group key: per step id (named from the
  // workflows and ordered by the step's earliest position in one, then id), per step unit (its
  // name; by code) or per officer (who left the visits, who is assigned the open dossiers; the
  // full name; by name). Errors as Statistics.
  struct StepsRequest {
    std::string unit_code;  // empty: the actor's own unit
    bool subunits = true;
    reports::Period period;
    StepGroup group = StepGroup::kStep;
  };
  struct StepRow {
    std::string key;   // step id, unit code or officer id ("0": none)
    std::string name;  // step name ("": in no workflow), unit name, officer's full name
    reports::StepFigures figures;
  };
  struct StepReport {
    identity::Unit unit;
    bool subunits = true;
    reports::Period period;
    StepGroup group = StepGroup::kStep;
    Instant as_of = 0;
    std::vector<StepRow> rows;
    reports::StepFigures total;  // the sum of the rows
  };
  Result<StepReport> Steps(const Actor& actor, const StepsRequest& request);

  // The daily snapshot for trend charts (migration 9; docs/reports.md "Trend"): for each local
  // day that has ended, the statistics of that day per competent unit (every unit without a
  // parent, with its sub-units, grouped by unit; each of those root units always gets a row, so
  // that a day without dossiers is marked taken too), stored once. Takes the days from
  // kSnapshotCatchUpDays before today to yesterday that have no snapshot yet; a day already taken
  // is left as it is, so running it again, on any number of servers, changes nothing. Returns
  // the days taken now. Run by the background work each round (app/background.h).
  Result<int> TakeDailySnapshots();
  static constexpr int kSnapshotCatchUpDays = 7;

  // The snapshots of `unit_code` with its sub-units for the days of `period` (at most
  // kTrendMaxDays), one entry per day that has one. Errors as Statistics; kInvalidArgument naming
  // "period" for a longer period.
  struct Trend {
    identity::Unit unit;
    reports::Period period;
    std::vector<ReportTrendDay> days;
  };
  Result<Trend> TrendOf(const Actor& actor, const std::string& unit_code,
                        const reports::Period& period);
  static constexpr int kTrendMaxDays = 366;

  // The figures published without login (per unit and month): received, resolved, resolved on
  // time and the on-time rate, the unit with its sub-units. kInvalidArgument naming "unit" for an
  // unknown unit.
  struct PublicFigures {
    identity::Unit unit;
    reports::Period period;
    Instant as_of = 0;
    std::int64_t received = 0;
    std::int64_t resolved = 0;
    std::int64_t resolved_on_time = 0;  // early or on time
    std::int64_t in_progress = 0;
    std::optional<double> on_time_rate;  // of the resolved with a legal time; absent: none
    Instant computed_at = 0;
  };
  // The figures of a (unit, period) are kept for kPublicCacheSeconds and shared by every caller
  // in that time (the route says so with Cache-Control: max-age), so that a burst of visitors
  // costs one aggregate per minute, not one each.
  Result<PublicFigures> Public(const std::string& unit_code, const reports::Period& period);
  static constexpr Instant kPublicCacheSeconds = 60;

  // Folds every dossier's facts again from its events (dossier::Replay, reports::FactsOf, the
  // due instant of its row) and compares them with the stored row, and its step visits
  // (reports::VisitsOf on the competent unit's calendar) with the stored ones. With `write`, a
  // differing or missing row, or differing visits, are replaced (dossiers written before
  // migrations 7 and 11); otherwise nothing changes.
  // Each batch of dossiers is compared and rewritten in one write transaction, so that commands
  // running meanwhile are never overwritten with older facts. `progress` is told the dossiers
  // seen so far after each batch. Then the two rollups (reports/rollup.h) are compared with the
  // ones folded from every facts row, in one snapshot; with `write`, differing rollups are
  // rebuilt from the facts rows (Store::RebuildReportDays), in the same transaction; and the
  // per-step rollup with the one folded from the visits (Store::RebuildStepDays).
  // Only for the system actor.
  struct RebuildSummary {
    std::int64_t dossiers = 0;
    std::int64_t missing = 0;            // no facts row
    std::int64_t different = 0;          // a row that differs from the events
    std::int64_t inconsistent = 0;       // the current-state row differs from the replayed events
    std::int64_t visits_different = 0;   // stored step visits differ from those folded (or none)
    std::vector<std::int64_t> examples;  // the first differing dossiers' ids (at most 20)
    std::int64_t rollup_days = 0;        // rollup rows with counts (both), folded from the facts
    std::int64_t rollup_different = 0;   // rollup rows whose stored counters differ from those
    std::vector<reports::DayKey> rollup_examples;  // the first of them (at most 20)
    // Rows of the per-step rollup (per unit, day, step, officer) that differ from the visits.
    std::int64_t step_days_different = 0;
  };
  Result<RebuildSummary> RebuildFacts(const Actor& actor, bool write,
                                      const std::function<void(std::int64_t)>& progress);

 private:
  // The unit named by `code` (or the actor's own when empty), checked against the actor's scope.
  Result<identity::Unit> ScopedUnit(ReadTx& tx, const Actor& actor, const std::string& code);

  // Compares the stored rollup with the one folded from every facts row, read in `tx`.
  static Status CompareRollup(ReadTx& tx, RebuildSummary& out);

  Result<PublicFigures> ComputePublic(const std::string& unit_code, const reports::Period& period);

  Store& store_;
  const Clock& clock_;
  CalendarService calendars_;  // the competent units' calendars (built once per version)

  std::mutex public_mu_;
  // (unit code, period label) -> the figures and when they were computed. Guarded by public_mu_.
  std::map<std::pair<std::string, std::string>, PublicFigures> public_cache_;
};

}  // namespace motcua::app
