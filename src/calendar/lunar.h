#pragma once

// The Vietnamese lunar calendar (âm lịch), computed astronomically for the UTC+7 meridian.
//
// Months begin on the local day of the new moon; month 11 contains the winter solstice; in a year
// with 13 months the leap month is the first one that contains no major solar term (trung khí).
// The algorithm is Hồ Ngọc Đức's (new moons and solar longitude after Jean Meeus, "Astronomical
// Algorithms"), evaluated at time zone +7. Because Vietnam is one hour behind China, a new moon
// between 23:00 and 24:00 Beijing time falls on different days: Tết 1985 was 21 January in
// Vietnam and 20 February in China; 1968 and 2007 also differ by one day.
//
// Valid for lunar years 1900-2199 (checked against independent tables in lunar_npm_test).
// All functions are pure and thread-safe.

#include "calendar/civil_time.h"
#include "common/result.h"

namespace motcua::calendar {

inline constexpr int kFirstLunarYear = 1900;
inline constexpr int kLastLunarYear = 2199;

// A date of the Vietnamese lunar calendar. `year` is the Gregorian year in which the lunar year
// starts (lunar 1/1/2026 is 17 February 2026); `leap` marks the repeated (nhuận) month.
struct LunarDate {
  int year = 0;
  int month = 1;  // 1..12
  int day = 1;    // 1..30
  bool leap = false;

  auto operator<=>(const LunarDate&) const = default;
};

// The lunar date of a solar date. kInvalidArgument outside lunar years 1900-2199.
Result<LunarDate> SolarToLunar(CivilDate date);

// The solar date of a lunar date. kInvalidArgument when the lunar date does not exist (a leap
// flag on a month that is not leap that year, day 30 of a 29-day month) or is out of range.
Result<CivilDate> LunarToSolar(LunarDate date);

// Tết Nguyên đán (1/1 of the lunar year starting in `year`). kInvalidArgument outside 1900-2199.
Result<CivilDate> TetDate(int year);

// The last day of the lunar year that ends just before Tết of `year` (29 or 30 tháng Chạp).
Result<CivilDate> LastDayOfLunarYear(int year_of_next_tet);

// Giỗ Tổ Hùng Vương, 10/3 lunar of the lunar year starting in `year`.
Result<CivilDate> HungKingsDay(int year);

}  // namespace motcua::calendar
