#include "calendar/lunar.h"

#include <cmath>
#include <numbers>
#include <string>

namespace motcua::calendar {
namespace {

constexpr double kTimeZone = 7.0;  // hours east of UTC: the Vietnamese meridian.
constexpr double kPi = std::numbers::pi;
constexpr double kSynodicMonth = 29.530588853;
constexpr double kNewMoon1900 = 2415021.076998695;  // Julian day of the new moon of 1900-01-01.
// Julian day number of 1970-01-01 (our day number 0).
constexpr std::int64_t kJulianDayOfEpoch = 2440588;

std::int64_t Floor(double x) { return static_cast<std::int64_t>(std::floor(x)); }

std::int64_t JulianDay(DayNumber day) { return day + kJulianDayOfEpoch; }
DayNumber FromJulianDay(std::int64_t jd) { return static_cast<DayNumber>(jd - kJulianDayOfEpoch); }

// Julian day (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus, chapter 47, reduced).
double NewMoon(std::int64_t k) {
  const double dr = kPi / 180;
  const double t = k / 1236.85, t2 = t * t, t3 = t2 * t;
  double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * std::sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
  const double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  double c1 = (0.1734 - 0.000393 * t) * std::sin(m * dr) + 0.0021 * std::sin(2 * dr * m);
  c1 = c1 - 0.4068 * std::sin(mpr * dr) + 0.0161 * std::sin(dr * 2 * mpr);
  c1 = c1 - 0.0004 * std::sin(dr * 3 * mpr);
  c1 = c1 + 0.0104 * std::sin(dr * 2 * f) - 0.0051 * std::sin(dr * (m + mpr));
  c1 = c1 - 0.0074 * std::sin(dr * (m - mpr)) + 0.0004 * std::sin(dr * (2 * f + m));
  c1 = c1 - 0.0004 * std::sin(dr * (2 * f - m)) - 0.0006 * std::sin(dr * (2 * f + mpr));
  c1 = c1 + 0.0010 * std::sin(dr * (2 * f - mpr)) + 0.0005 * std::sin(dr * (2 * mpr + m));
  double delta_t;  // dynamical time minus universal time, in days.
  if (t < -11) {
    delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
  } else {
    delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2;
  }
  return jd1 + c1 - delta_t;
}

// Apparent solar longitude in radians [0, 2π) at Julian day `jdn` (UT).
double SunLongitude(double jdn) {
  const double dr = kPi / 180;
  const double t = (jdn - 2451545.0) / 36525, t2 = t * t;
  const double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * std::sin(dr * m);
  dl += (0.019993 - 0.000101 * t) * std::sin(dr * 2 * m) + 0.000290 * std::sin(dr * 3 * m);
  double l = (l0 + dl) * dr;
  l -= kPi * 2 * Floor(l / (kPi * 2));
  return l;
}

// The local day (Julian day number) of the k-th new moon.
std::int64_t NewMoonDay(std::int64_t k) { return Floor(NewMoon(k) + 0.5 + kTimeZone / 24); }

// Which of the 12 major solar terms (0..11, 30° each) the sun is in at local midnight of `jd`.
int SunSector(std::int64_t jd) {
  return static_cast<int>(Floor(SunLongitude(jd - 0.5 - kTimeZone / 24) / kPi * 6));
}

// The first day of lunar month 11 (the month containing the winter solstice) of solar year `y`.
std::int64_t LunarMonth11(int y) {
  const std::int64_t off = JulianDay(ToDayNumber({y, 12, 31})) - 2415021;
  const std::int64_t k = Floor(off / kSynodicMonth);
  std::int64_t nm = NewMoonDay(k);
  if (SunSector(nm) >= 9) nm = NewMoonDay(k - 1);
  return nm;
}

// In a 13-month year starting at month 11 on `a11`, the offset (1..) of the leap month: the first
// month without a major solar term.
int LeapMonthOffset(std::int64_t a11) {
  const std::int64_t k = Floor((a11 - kNewMoon1900) / kSynodicMonth + 0.5);
  int i = 1;
  int arc = SunSector(NewMoonDay(k + i));
  int last;
  do {
    last = arc;
    ++i;
    arc = SunSector(NewMoonDay(k + i));
  } while (arc != last && i < 14);
  return i - 1;
}

Error OutOfRange(int year) {
  return Error::InvalidArgument("lunar year " + std::to_string(year) + " is outside " +
                                std::to_string(kFirstLunarYear) + "-" +
                                std::to_string(kLastLunarYear));
}

}  // namespace

Result<LunarDate> SolarToLunar(CivilDate date) {
  const std::int64_t day = JulianDay(ToDayNumber(date));
  const std::int64_t k = Floor((day - kNewMoon1900) / kSynodicMonth);
  std::int64_t month_start = NewMoonDay(k + 1);
  if (month_start > day) month_start = NewMoonDay(k);
  std::int64_t a11 = LunarMonth11(date.year);
  std::int64_t b11 = a11;
  int lunar_year;
  if (a11 >= month_start) {
    lunar_year = date.year;
    a11 = LunarMonth11(date.year - 1);
  } else {
    lunar_year = date.year + 1;
    b11 = LunarMonth11(date.year + 1);
  }
  LunarDate out;
  out.day = static_cast<int>(day - month_start + 1);
  const int diff = static_cast<int>(Floor((month_start - a11) / 29.0));
  out.month = diff + 11;
  if (b11 - a11 > 365) {
    const int leap_diff = LeapMonthOffset(a11);
    if (diff >= leap_diff) {
      out.month = diff + 10;
      out.leap = diff == leap_diff;
    }
  }
  if (out.month > 12) out.month -= 12;
  if (out.month >= 11 && diff < 4) lunar_year -= 1;
  out.year = lunar_year;
  if (lunar_year < kFirstLunarYear || lunar_year > kLastLunarYear) return OutOfRange(lunar_year);
  return out;
}

Result<CivilDate> LunarToSolar(LunarDate date) {
  if (date.year < kFirstLunarYear || date.year > kLastLunarYear) return OutOfRange(date.year);
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 30) {
    return Error::InvalidArgument("no such lunar date");
  }
  std::int64_t a11, b11;
  if (date.month < 11) {
    a11 = LunarMonth11(date.year - 1);
    b11 = LunarMonth11(date.year);
  } else {
    a11 = LunarMonth11(date.year);
    b11 = LunarMonth11(date.year + 1);
  }
  const std::int64_t k = Floor(0.5 + (a11 - kNewMoon1900) / kSynodicMonth);
  int off = date.month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const int leap_off = LeapMonthOffset(a11);
    int leap_month = leap_off - 2;
    if (leap_month < 0) leap_month += 12;
    if (date.leap && date.month != leap_month) {
      return Error::InvalidArgument("lunar month " + std::to_string(date.month) +
                                    " is not a leap month in " + std::to_string(date.year));
    }
    if (date.leap || off >= leap_off) off += 1;
  } else if (date.leap) {
    return Error::InvalidArgument("lunar year " + std::to_string(date.year) + " has no leap month");
  }
  const std::int64_t month_start = NewMoonDay(k + off);
  const CivilDate out = FromDayNumber(FromJulianDay(month_start + date.day - 1));
  // Day 30 of a 29-day month lands in the next month: reject it rather than guess.
  MOTCUA_ASSIGN_OR_RETURN(const LunarDate back, SolarToLunar(out));
  if (back != date) return Error::InvalidArgument("no such lunar date (month has 29 days)");
  return out;
}

Result<CivilDate> TetDate(int year) { return LunarToSolar({year, 1, 1, false}); }

Result<CivilDate> LastDayOfLunarYear(int year_of_next_tet) {
  MOTCUA_ASSIGN_OR_RETURN(const CivilDate tet, TetDate(year_of_next_tet));
  if (year_of_next_tet - 1 < kFirstLunarYear) return OutOfRange(year_of_next_tet - 1);
  return FromDayNumber(ToDayNumber(tet) - 1);
}

Result<CivilDate> HungKingsDay(int year) { return LunarToSolar({year, 3, 10, false}); }

}  // namespace motcua::calendar
