#include "calendar/naive_clock.h"

#include <algorithm>

namespace motcua::calendar {
namespace {

Error OutsideSpan() {
  return Error::InvalidArgument("the instant lies outside the calendar's span")
      .WithReason("outside-calendar-span");
}

// The first working instant at or after t, walking day by day.
Result<Instant> NaiveNextWorking(const Calendar& calendar, Instant t) {
  t = std::max(t, calendar.span_begin());
  for (DayNumber day = LocalDayOf(t); day <= calendar.last_day(); ++day) {
    const Instant midnight = InstantOf(day, 0);
    for (const Session& s : calendar.Describe(day).sessions) {
      const Instant end = midnight + s.end;
      if (t < end) return std::max(t, midnight + s.start);
    }
  }
  return OutsideSpan();
}

Result<Instant> NaiveNextWorkingDay(const Calendar& calendar, DayNumber after) {
  for (DayNumber day = std::max(after + 1, calendar.first_day()); day <= calendar.last_day();
       ++day) {
    const DayInfo info = calendar.Describe(day);
    if (!info.sessions.empty()) return InstantOf(day, info.sessions.front().start);
  }
  return OutsideSpan();
}

// Working seconds of session pieces in [a, b) that lie outside every merged exclusion.
std::int64_t CountedIn(Instant a, Instant b, std::span<const Exclusion> merged) {
  std::int64_t n = b - a;
  for (const Exclusion& e : merged)
    n -= std::max<Instant>(0, std::min(b, e.to) - std::max(a, e.from));
  return n;
}

}  // namespace

Result<Instant> NaiveCountingStart(Instant received, const Calendar& calendar,
                                   ReceptionCutoff cutoff) {
  if (!calendar.Covers(received)) return OutsideSpan();
  const DayNumber day = LocalDayOf(received);
  const int sec = LocalSecondsOfDay(received);
  const DayInfo info = day <= calendar.last_day() ? calendar.Describe(day) : DayInfo{};
  const bool working_day = !info.sessions.empty();
  if (cutoff.kind == ReceptionCutoff::Kind::kAt && cutoff.next_day_from >= 0 &&
      (!working_day || sec > cutoff.at)) {
    MOTCUA_ASSIGN_OR_RETURN(const Instant next, NaiveNextWorkingDay(calendar, day));
    return NaiveNextWorking(calendar, InstantOf(LocalDayOf(next), cutoff.next_day_from));
  }
  if (cutoff.kind == ReceptionCutoff::Kind::kAt && working_day && sec > cutoff.at) {
    return NaiveNextWorkingDay(calendar, day);
  }
  if (cutoff.kind == ReceptionCutoff::Kind::kLastOfficeHour && working_day &&
      sec >= info.sessions.back().end - 3600) {
    return NaiveNextWorkingDay(calendar, day);
  }
  return NaiveNextWorking(calendar, received);
}

Result<Instant> NaiveDue(Instant received, Duration duration, const Calendar& calendar,
                         std::span<const Exclusion> exclusions, ReceptionCutoff cutoff) {
  MOTCUA_ASSIGN_OR_RETURN(const std::vector<Exclusion> merged, MergeExclusions(exclusions));
  MOTCUA_ASSIGN_OR_RETURN(const Instant start, NaiveCountingStart(received, calendar, cutoff));
  if (duration.calendar_days() == 0 && duration.working_seconds() == 0) return start;
  if (duration.is_calendar_days()) {
    // Walk the calendar time one second-interval at a time, skipping excluded stretches.
    Instant due = start;
    std::int64_t rest = duration.calendar_days() * kSecondsPerDay;
    for (const Exclusion& e : merged) {
      if (e.to <= due) continue;
      if (e.from - due >= rest) break;
      if (e.from > due) rest -= e.from - due;
      due = e.to;
    }
    due += rest;
    if (!calendar.Covers(due)) return OutsideSpan();
    if (calendar.IsWorkingOrSessionEnd(due)) return due;
    return NaiveNextWorking(calendar, due);
  }
  std::int64_t rest = duration.working_seconds();
  if (rest == 0) return start;
  for (DayNumber day = LocalDayOf(start); day <= calendar.last_day(); ++day) {
    for (const Session& s : calendar.Describe(day).sessions) {
      const Instant a = std::max(start, InstantOf(day, s.start));
      const Instant b = InstantOf(day, s.end);
      if (a >= b) continue;
      // Step through this session piece by piece between exclusions.
      Instant cur = a;
      for (const Exclusion& e : merged) {
        if (e.to <= cur || e.from >= b) continue;
        if (e.from > cur) {
          if (e.from - cur >= rest) return cur + rest;
          rest -= e.from - cur;
        }
        cur = std::min(b, e.to);
      }
      if (cur < b) {
        if (b - cur >= rest) return cur + rest;
        rest -= b - cur;
      }
    }
  }
  return OutsideSpan();
}

Result<std::int64_t> NaiveWorkingTimeBetween(Instant a, Instant b, const Calendar& calendar,
                                             std::span<const Exclusion> exclusions) {
  MOTCUA_ASSIGN_OR_RETURN(const std::vector<Exclusion> merged, MergeExclusions(exclusions));
  if (b <= a) return std::int64_t{0};
  if (!calendar.Covers(a) || !calendar.Covers(b)) return OutsideSpan();
  std::int64_t total = 0;
  const DayNumber last = std::min(LocalDayOf(b), calendar.last_day());
  for (DayNumber day = LocalDayOf(a); day <= last; ++day) {
    for (const Session& s : calendar.Describe(day).sessions) {
      const Instant from = std::max(a, InstantOf(day, s.start));
      const Instant to = std::min(b, InstantOf(day, s.end));
      if (from < to) total += CountedIn(from, to, merged);
    }
  }
  return total;
}

}  // namespace motcua::calendar
