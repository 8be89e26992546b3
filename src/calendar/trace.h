#pragma once

// The clock trace: why a due instant is what it is. From reception to the due instant, every
// stretch of time is listed once, counted or not, and each uncounted stretch says why (before the
// counting start, outside a session, weekly rest, a holiday and its name, a closure, an excluded
// interval and its type). Officers and inspectors read it; the CLI and the API print it.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/due.h"
#include "calendar/format.h"

namespace motcua::calendar {

enum class TraceReason {
  kCounted,
  kBeforeCountingStart,  // received outside working time or after the reception cut-off
  kOutsideSession,       // a working day, but outside its sessions (lunch, night)
  kWeeklyRest,
  kHoliday,             // detail: the holiday's name
  kClosure,             // detail: the closure's reason
  kExclusion,           // detail: the exclusion type ("supplement") and its note
  kMovedToWorkingTime,  // calendar-day durations: the end moved to the next working instant
};

// A stretch [from, to) of the trace.
struct TraceSegment {
  Instant from = 0;
  Instant to = 0;
  TraceReason reason = TraceReason::kCounted;
  std::string detail;

  bool counted() const { return reason == TraceReason::kCounted; }
  bool operator==(const TraceSegment&) const = default;
};

struct DueTrace {
  Instant received = 0;
  Instant counting_start = 0;
  Instant due = 0;
  std::vector<TraceSegment> segments;  // contiguous, from `received` to `due`
};

// Computes Due and explains it. Same arguments and errors as Due. Linear in the days covered.
Result<DueTrace> TraceDue(Instant received, Duration duration, const Calendar& calendar,
                          std::span<const Exclusion> exclusions = {},
                          ReceptionCutoff cutoff = ReceptionCutoff::Default());

// "không tính: nghỉ lễ (Tết Nguyên đán)" / "not counted: holiday (Tết Nguyên đán)".
std::string DescribeReason(const TraceSegment& segment, Language language);

// One line per segment, "2025-01-24 15:30 – 2025-01-27 07:30  <reason>", then the due instant.
std::string FormatTrace(const DueTrace& trace, Language language);

}  // namespace motcua::calendar
