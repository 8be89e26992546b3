#pragma once

// The rollup of the facts rows per unit and local day (migration 8): counters that a period's
// report sums instead of reading the rows of its dossiers, so that a report costs at most
// days x units rows whatever the number of dossiers (docs/reports.md "Speed"). A second rollup
// (migration 10) keeps the same counters per unit, local day, procedure version and channel, for
// the reports grouped by procedure, field or channel.
//
// Each facts row contributes to at most three days of its unit:
//   the day it was received    received by channel, digitized, reused, data store, synced,
//                              paid online; with a supplement, with an apology
//   the day it finished        resolved early / on time / late / untimed, withdrawn, stopped
//                              (refused at reception: refused, and nothing else); with a
//                              supplement, with an apology (leaving the "in the period" count)
//   the day it became overdue  the later of the received day and the due day, when it was
//                              still in progress at the end of that day (overdue_from); the
//                              finished day closes that stretch (overdue_until)
// so that, for a period of days [F, T) ending at or before now, every figure of
// reports/statistics.h is a sum of counters over the days before T, split at F
// (StatisticsFromRollup). For a period that ends after now, "in progress overdue" is judged at
// `now` (not a day's end) and is read from the open rows instead.
//
// It assumes what the state machine guarantees: a dossier finishes at or after its reception.
// Storage keeps the rollup in the same transaction as the facts row, adding the difference of
// the row's contribution before and after the write (RollupDelta), and only when it differs.
// Pure; thread-safe.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "reports/facts.h"
#include "reports/statistics.h"

namespace motcua::reports {

// The counters of one unit and local day. Every member is a count of dossiers.
struct DayCounts {
  std::int64_t received_in_person = 0;  // received this day, by channel
  std::int64_t received_online = 0;
  std::int64_t received_postal = 0;
  std::int64_t digitized = 0;  // received this day, every provided component digitized
  std::int64_t reused = 0;
  std::int64_t data_store = 0;
  std::int64_t synced = 0;
  std::int64_t paid_online = 0;
  std::int64_t supplement_received = 0;  // received this day, with a supplement requested
  std::int64_t apology_received = 0;     // received this day, with a signed apology
  std::int64_t resolved_early = 0;       // finished this day ...
  std::int64_t resolved_on_time = 0;
  std::int64_t resolved_late = 0;
  std::int64_t resolved_untimed = 0;
  std::int64_t withdrawn = 0;
  std::int64_t stopped = 0;
  std::int64_t refused = 0;
  std::int64_t supplement_finished = 0;  // finished this day, with a supplement requested
  std::int64_t apology_finished = 0;     // finished this day, with a signed apology
  std::int64_t overdue_from = 0;         // overdue from the end of this day
  std::int64_t overdue_until = 0;        // finished this day after being overdue

  std::int64_t Received() const { return received_in_person + received_online + received_postal; }
  std::int64_t Finished() const {
    return resolved_early + resolved_on_time + resolved_late + resolved_untimed + withdrawn +
           stopped;
  }
  bool IsZero() const { return *this == DayCounts{}; }
  DayCounts& operator+=(const DayCounts& other);
  DayCounts& operator-=(const DayCounts& other);
  bool operator==(const DayCounts&) const = default;
};

// The counters by name, in a fixed order (the rollup table's columns).
struct DayCountsField {
  const char* name;
  std::int64_t DayCounts::*member;
};
inline constexpr DayCountsField kDayCountsFields[] = {
    {"received_in_person", &DayCounts::received_in_person},
    {"received_online", &DayCounts::received_online},
    {"received_postal", &DayCounts::received_postal},
    {"digitized", &DayCounts::digitized},
    {"reused", &DayCounts::reused},
    {"data_store", &DayCounts::data_store},
    {"synced", &DayCounts::synced},
    {"paid_online", &DayCounts::paid_online},
    {"supplement_received", &DayCounts::supplement_received},
    {"apology_received", &DayCounts::apology_received},
    {"resolved_early", &DayCounts::resolved_early},
    {"resolved_on_time", &DayCounts::resolved_on_time},
    {"resolved_late", &DayCounts::resolved_late},
    {"resolved_untimed", &DayCounts::resolved_untimed},
    {"withdrawn", &DayCounts::withdrawn},
    {"stopped", &DayCounts::stopped},
    {"refused", &DayCounts::refused},
    {"supplement_finished", &DayCounts::supplement_finished},
    {"apology_finished", &DayCounts::apology_finished},
    {"overdue_from", &DayCounts::overdue_from},
    {"overdue_until", &DayCounts::overdue_until},
};

// The Vietnam local day of an instant, as days since 1970-01-01 (UTC+7, no daylight saving).
std::int64_t LocalDay(Instant t);
// Whether `t` is 00:00 local (a period's bound: then `x < t` exactly when LocalDay(x) < day).
bool IsLocalMidnight(Instant t);

// Which rollup: per unit and day (report_days), or per unit, day, procedure version and channel
// (report_procedure_days).
enum class RollupKind { kUnit, kProcedure };

// A rollup row's key. In the per-unit rollup, procedure is "", version and channel 0.
struct DayKey {
  DayKey() = default;
  DayKey(std::string unit_in, std::int64_t day_in, std::string procedure_in = "",
         int version_in = 0, int channel_in = 0)
      : unit(std::move(unit_in)),
        day(day_in),
        procedure(std::move(procedure_in)),
        version(version_in),
        channel(channel_in) {}
  std::string unit;
  std::int64_t day = 0;  // LocalDay
  std::string procedure;
  int version = 0;
  int channel = 0;  // dossier::Channel as stored (1 in person, 2 online, 3 postal)
  auto operator<=>(const DayKey&) const = default;
};
// Rollup rows by key; a row whose counters are all zero means nothing.
using Rollup = std::map<DayKey, DayCounts>;

// Adds `sign` (1 or -1) times the contribution of `f` to `rollup` of `kind`.
void AddContribution(Rollup& rollup, const Facts& f, int sign, RollupKind kind = RollupKind::kUnit);

// What writing `after` over `before` (absent: no row yet) changes in the rollup of `kind`: the
// rows to add, without zero rows, in key order; empty when the contribution is the same (most
// commands: a forward, an assignment). At most six rows.
std::vector<std::pair<DayKey, DayCounts>> RollupDelta(const std::optional<Facts>& before,
                                                      const Facts& after,
                                                      RollupKind kind = RollupKind::kUnit);

// Whether two rollups are equal, ignoring zero rows. `differing`, if given, receives the keys that
// differ.
bool SameRollup(const Rollup& a, const Rollup& b, std::vector<DayKey>* differing = nullptr);

// The statistics of the period [F, T) of days from the sums of a scope's rollup rows: `before`
// over the days before F, `within` over the days F..T-1. `overdue_now` is for a period that ends
// after now: the dossiers in the period, not finished before its end, whose due instant is
// before now (reports::Accumulate's "in progress overdue"); absent for a period that has ended,
// whose overdue count the rollup holds.
Statistics StatisticsFromRollup(const DayCounts& before, const DayCounts& within,
                                std::optional<std::int64_t> overdue_now);

}  // namespace motcua::reports
