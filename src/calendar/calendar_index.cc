// The index queries of Calendar: constant-time working-time sums and a binary search over the
// cumulative working seconds per day.

#include <algorithm>

#include "calendar/calendar.h"

namespace motcua::calendar {
namespace {

Error OutsideSpan(const char* what) {
  return Error::InvalidArgument(std::string(what) + " lies outside the calendar's span")
      .WithReason("outside-calendar-span");
}

}  // namespace

std::size_t Calendar::DayHolding(std::int64_t position) const {
  std::size_t i = bucket_day_[static_cast<std::size_t>((position - 1) / kBucket)];
  while (cumulative_[i + 1] < position) ++i;
  return i;
}

std::int64_t Calendar::WorkedBefore(Instant t) const {
  if (t <= span_begin()) return 0;
  if (t >= span_end()) return cumulative_.back();
  const std::size_t i = IndexOf(LocalDayOf(t));
  const int sec = LocalSecondsOfDay(t);
  std::int64_t worked = cumulative_[i];
  for (const Session& s : IndexedSessions(i)) {
    if (sec <= s.start) break;
    worked += std::min(sec, s.end) - s.start;
  }
  return worked;
}

bool Calendar::IsWorkingInstant(Instant t) const {
  if (t < span_begin() || t >= span_end()) return false;
  const int sec = LocalSecondsOfDay(t);
  for (const Session& s : IndexedSessions(IndexOf(LocalDayOf(t)))) {
    if (sec >= s.start && sec < s.end) return true;
  }
  return false;
}

bool Calendar::IsWorkingOrSessionEnd(Instant t) const {
  if (IsWorkingInstant(t)) return true;
  if (t <= span_begin() || t > span_end()) return false;
  // A session ending at 24:00 ends at the next day's 00:00: look at the instant just before.
  const Instant before = t - 1;
  const int sec = LocalSecondsOfDay(before) + 1;
  for (const Session& s : IndexedSessions(IndexOf(LocalDayOf(before)))) {
    if (sec == s.end) return true;
  }
  return false;
}

Result<Instant> Calendar::NextWorkingInstant(Instant t) const {
  if (t < span_begin()) t = span_begin();
  if (t >= span_end()) return OutsideSpan("the next working instant");
  const DayNumber day = LocalDayOf(t);
  const std::size_t i = IndexOf(day);
  const int sec = LocalSecondsOfDay(t);
  for (const Session& s : IndexedSessions(i)) {
    if (sec < s.end) return sec >= s.start ? t : InstantOf(day, s.start);
  }
  return StartOfNextWorkingDay(t);
}

Result<Instant> Calendar::StartOfNextWorkingDay(Instant t) const {
  if (t < span_begin()) t = span_begin() - 1;
  if (t >= span_end()) return OutsideSpan("the next working day");
  const DayNumber day = LocalDayOf(t);
  // Days after `day` with no work keep the cumulative sum flat: the next working day is the one
  // holding the first working second after the end of `day`.
  const std::int64_t through_today = day < first_day_ ? 0 : cumulative_[IndexOf(day) + 1];
  if (through_today >= cumulative_.back()) return OutsideSpan("the next working day");
  const std::size_t next = DayHolding(through_today + 1);
  return InstantOf(first_day_ + static_cast<DayNumber>(next), IndexedSessions(next)[0].start);
}

Result<Instant> Calendar::AdvanceWorking(Instant t, std::int64_t w) const {
  if (w <= 0) return t;
  const std::int64_t target = WorkedBefore(t) + w;
  if (target > cumulative_.back()) return OutsideSpan("the due instant");
  // The day i with cumulative_[i] < target <= cumulative_[i + 1].
  const std::size_t i = DayHolding(target);
  std::int64_t rest = target - cumulative_[i];
  for (const Session& s : IndexedSessions(i)) {
    if (rest <= s.length()) {
      return InstantOf(first_day_ + static_cast<DayNumber>(i), s.start + static_cast<int>(rest));
    }
    rest -= s.length();
  }
  return Error::Internal("calendar index is inconsistent");
}

}  // namespace motcua::calendar
