#pragma once

// The periods reports are made for: a day, a month, a quarter, a half-year, a year (the periodic
// reports units send upward) or a custom range of days. Days are Vietnam local days (UTC+7); a
// period is the half-open range of instants [from, to) from 00:00 of its first day to 00:00 of
// the day after its last.
// Pure; thread-safe.

#include <string>
#include <string_view>

#include "calendar/civil_time.h"
#include "common/result.h"
#include "common/time.h"

namespace motcua::reports {

struct Period {
  calendar::CivilDate first;  // first day, local
  calendar::CivilDate last;   // last day, local, inclusive
  Instant from = 0;           // 00:00 local of `first`
  Instant to = 0;             // 00:00 local of the day after `last`
  std::string label;          // "2026-03", "2026-Q1", "2026-H1", "2026", "2026-03-05",
                              // "2026-03-01..2026-03-15"
  bool operator==(const Period&) const = default;
};

// The days first..last. kInvalidArgument when last is before first.
Result<Period> RangePeriod(calendar::CivilDate first, calendar::CivilDate last);

// What a period is, from its label: the reporting periods units send upward are months,
// quarters, half-years and years (Decree 09/2019/NĐ-CP art. 12; the cut-off days it allows are
// given as a range).
enum class PeriodKind { kDay, kMonth, kQuarter, kHalfYear, kYear, kRange };
PeriodKind KindOf(const Period& period);

// The period in words, as a report's title prints it: "Tháng 3 năm 2026", "Quý I năm 2026",
// "6 tháng đầu năm 2026", "6 tháng cuối năm 2026", "Năm 2026", "Ngày 05/03/2026",
// "Từ ngày 01/03/2026 đến ngày 15/03/2026".
std::string PeriodText(const Period& period);

// A period by its label: "YYYY-MM-DD" (a day), "YYYY-MM" (a month), "YYYY-Qn" (a quarter, n 1-4),
// "YYYY-Hn" (a half-year, n 1-2), "YYYY" (a year), "YYYY-MM-DD..YYYY-MM-DD" (a range, at most
// 3 years). kInvalidArgument, naming the label, for anything else.
Result<Period> ParsePeriod(std::string_view label);

}  // namespace motcua::reports
