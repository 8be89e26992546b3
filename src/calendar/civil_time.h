#pragma once

// Civil dates and times in Vietnam local time (UTC+7, no daylight saving since 1975), and their
// conversion to and from UTC instants. A civil date here is a proleptic Gregorian date; a day
// number counts local days from 1970-01-01, so that day arithmetic is integer arithmetic.
//
//   Instant t = ToInstant(CivilDate{2026, 2, 12}, 15 * 3600 + 30 * 60);  // 15:30 in Hanoi
//   ToLocal(t).date == CivilDate{2026, 2, 12}
//
// All functions are pure and thread-safe.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/time.h"

namespace motcua::calendar {

// Local civil days since 1970-01-01 (day 0 is a Thursday).
using DayNumber = std::int32_t;

inline constexpr int kSecondsPerDay = 86400;

// A Gregorian calendar date. Construct through MakeDate to validate; a default one is 1970-01-01.
struct CivilDate {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const CivilDate&) const = default;
};

// ISO order: Monday first.
enum class Weekday { kMonday = 0, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

// True when year/month/day names a real Gregorian date.
bool IsValidDate(int year, int month, int day);

// The date, or kInvalidArgument when it does not exist (2026-02-30).
Result<CivilDate> MakeDate(int year, int month, int day);

// Day number of a valid date, and back.
DayNumber ToDayNumber(CivilDate date);
CivilDate FromDayNumber(DayNumber day);

// The weekday of a day number.
inline Weekday WeekdayOf(DayNumber day) {
  int w = (day + 3) % 7;  // 1970-01-01 was a Thursday.
  if (w < 0) w += 7;
  return static_cast<Weekday>(w);
}

// The local day of an instant and the seconds since local midnight [0, 86400).
inline DayNumber LocalDayOf(Instant t) {
  const std::int64_t local = t + kVietnamUtcOffsetSeconds;
  std::int64_t d = local / kSecondsPerDay;
  if (local % kSecondsPerDay < 0) --d;
  return static_cast<DayNumber>(d);
}
inline int LocalSecondsOfDay(Instant t) {
  const std::int64_t local = t + kVietnamUtcOffsetSeconds;
  std::int64_t s = local % kSecondsPerDay;
  if (s < 0) s += kSecondsPerDay;
  return static_cast<int>(s);
}

// The instant of `seconds_of_day` after local midnight of `day` (may be 86400: next midnight).
inline Instant InstantOf(DayNumber day, int seconds_of_day) {
  return std::int64_t{day} * kSecondsPerDay + seconds_of_day - kVietnamUtcOffsetSeconds;
}
inline Instant ToInstant(CivilDate date, int seconds_of_day) {
  return InstantOf(ToDayNumber(date), seconds_of_day);
}

// A local date and time of day.
struct LocalDateTime {
  CivilDate date;
  int seconds_of_day = 0;

  auto operator<=>(const LocalDateTime&) const = default;
};
LocalDateTime ToLocal(Instant t);

// "2026-02-12".
std::string FormatDate(CivilDate date);
// "07:30" (seconds are dropped when zero, otherwise "07:30:15").
std::string FormatTimeOfDay(int seconds_of_day);
// "2026-02-12 15:30" in Vietnam local time (seconds shown only when not zero).
std::string FormatLocal(Instant t);

// Parses "YYYY-MM-DD". kInvalidArgument on any other shape or an impossible date.
Result<CivilDate> ParseDate(std::string_view text);
// Parses "HH:MM" (00:00-24:00) into seconds since midnight. kInvalidArgument otherwise.
Result<int> ParseTimeOfDay(std::string_view text);
// Parses "YYYY-MM-DD HH:MM" (Vietnam local time, as typed by officers and the CLI) into an
// instant. kInvalidArgument otherwise.
Result<Instant> ParseLocalDateTime(std::string_view text);

}  // namespace motcua::calendar
