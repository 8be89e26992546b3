#pragma once

// What storage keeps and answers for reports (issue 7; migrations 7 and 8): one row of
// reports::Facts per dossier, written in the same transaction as its events, with the rollup of
// those rows per unit and local day (reports/rollup.h), and the statistics of a period summed
// from the rollup or aggregated from the rows in SQL, grouped and filtered by unit scope there.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"
#include "identity/identity.h"
#include "reports/rollup.h"
#include "reports/statistics.h"

namespace motcua::app {

// How report rows are grouped: not at all (one row, key ""), by competent unit (key: its code),
// procedure (code), field (the procedure version's field; "" when the version is unknown),
// channel ("in-person", "online", "postal") or the officer who issued the result (user id in
// decimal; "0" for dossiers without a result).
enum class ReportGroup { kNone, kUnit, kProcedure, kField, kChannel, kOfficer };
std::string_view ReportGroupName(ReportGroup group);  // "none", "unit", ...
std::optional<ReportGroup> ParseReportGroup(std::string_view name);

struct ReportQuery {
  identity::UnitId unit = 0;  // the dossiers whose competent unit is this one
  bool subunits = true;       // ... or one of its descendants (walked in SQL)
  Instant from = 0;           // the period [from, to) (reports::Period)
  Instant to = 0;
  Instant now = 0;  // the report looks from min(to, now) (reports/statistics.h)
  ReportGroup group = ReportGroup::kNone;
};

// A figure of reports/statistics.h whose dossiers can be listed (the drill-down).
enum class ReportFigure {
  kReceived,
  kCarriedOver,
  kResolvedEarly,
  kResolvedOnTime,
  kResolvedLate,
  kResolvedUntimed,
  kWithdrawn,
  kStopped,
  kInProgressOnTime,
  kInProgressOverdue,
  kRefused,
  kSupplement,
  kApologies,
};
inline constexpr ReportFigure kAllReportFigures[] = {
    ReportFigure::kReceived,          ReportFigure::kCarriedOver,  ReportFigure::kResolvedEarly,
    ReportFigure::kResolvedOnTime,    ReportFigure::kResolvedLate, ReportFigure::kResolvedUntimed,
    ReportFigure::kWithdrawn,         ReportFigure::kStopped,      ReportFigure::kInProgressOnTime,
    ReportFigure::kInProgressOverdue, ReportFigure::kRefused,      ReportFigure::kSupplement,
    ReportFigure::kApologies};
// The statistics' JSON names: "received", "carried_over", "resolved_early", ...
std::string_view ReportFigureName(ReportFigure figure);
std::optional<ReportFigure> ParseReportFigure(std::string_view name);
// The figure's count in `s`.
std::int64_t FigureOf(const reports::Statistics& s, ReportFigure figure);

// One dossier behind a figure: its facts and its code ("" when never received).
struct ReportDossier {
  reports::Facts facts;
  std::string code;
  bool operator==(const ReportDossier&) const = default;
};

// One row of a rollup (migrations 8 and 10).
struct ReportDay {
  reports::DayKey key;
  reports::DayCounts counts;
  bool operator==(const ReportDay&) const = default;
};

struct ReportRow {
  std::string key;
  reports::Statistics stats;
  bool operator==(const ReportRow&) const = default;
};

// The daily snapshot (migration 9) of a scope on one local day, for trend charts: the statistics
// of that day as a period (reports/statistics.h), taken once after the day ended and kept as
// taken. Only these figures are kept (the others are 0): received (by channel), resolved early /
// on time / late / untimed, withdrawn, stopped, refused, in progress on time / overdue (at the
// day's end).
struct ReportTrendDay {
  std::int64_t day = 0;  // reports::LocalDay
  reports::Statistics stats;
  bool operator==(const ReportTrendDay&) const = default;
};

}  // namespace motcua::app
