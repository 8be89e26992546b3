#include "calendar/civil_time.h"

#include <chrono>
#include <cstdio>

namespace motcua::calendar {
namespace {

bool ParseDigits(std::string_view text, std::size_t pos, std::size_t count, int* out) {
  if (pos + count > text.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  using namespace std::chrono;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return year_month_day{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                        std::chrono::day{unsigned(day)}}
      .ok();
}

Result<CivilDate> MakeDate(int year, int month, int day) {
  if (!IsValidDate(year, month, day)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "no such date: %04d-%02d-%02d", year, month, day);
    return Error::InvalidArgument(buf);
  }
  return CivilDate{year, month, day};
}

DayNumber ToDayNumber(CivilDate date) {
  using namespace std::chrono;
  const sys_days d{std::chrono::year{date.year} / std::chrono::month{unsigned(date.month)} /
                   std::chrono::day{unsigned(date.day)}};
  return static_cast<DayNumber>(d.time_since_epoch().count());
}

CivilDate FromDayNumber(DayNumber day) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{days{day}}};
  return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

LocalDateTime ToLocal(Instant t) { return {FromDayNumber(LocalDayOf(t)), LocalSecondsOfDay(t)}; }

std::string FormatDate(CivilDate date) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

std::string FormatTimeOfDay(int seconds_of_day) {
  char buf[32];
  const int h = seconds_of_day / 3600, m = seconds_of_day / 60 % 60, s = seconds_of_day % 60;
  if (s == 0) {
    std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
  } else {
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, m, s);
  }
  return buf;
}

std::string FormatLocal(Instant t) {
  const LocalDateTime local = ToLocal(t);
  return FormatDate(local.date) + " " + FormatTimeOfDay(local.seconds_of_day);
}

Result<CivilDate> ParseDate(std::string_view text) {
  int y, m, d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ParseDigits(text, 0, 4, &y) ||
      !ParseDigits(text, 5, 2, &m) || !ParseDigits(text, 8, 2, &d)) {
    return Error::InvalidArgument("expected a date as YYYY-MM-DD: '" + std::string(text) + "'");
  }
  return MakeDate(y, m, d);
}

Result<int> ParseTimeOfDay(std::string_view text) {
  int h, m;
  if (text.size() != 5 || text[2] != ':' || !ParseDigits(text, 0, 2, &h) ||
      !ParseDigits(text, 3, 2, &m) || m > 59 || h > 24 || (h == 24 && m != 0)) {
    return Error::InvalidArgument("expected a time as HH:MM: '" + std::string(text) + "'");
  }
  return h * 3600 + m * 60;
}

Result<Instant> ParseLocalDateTime(std::string_view text) {
  if (text.size() != 16 || text[10] != ' ') {
    return Error::InvalidArgument("expected local time as YYYY-MM-DD HH:MM: '" + std::string(text) +
                                  "'");
  }
  MOTCUA_ASSIGN_OR_RETURN(const CivilDate date, ParseDate(text.substr(0, 10)));
  MOTCUA_ASSIGN_OR_RETURN(const int seconds, ParseTimeOfDay(text.substr(11)));
  if (seconds == kSecondsPerDay) {
    return Error::InvalidArgument("24:00 is not a time of day: '" + std::string(text) + "'");
  }
  return ToInstant(date, seconds);
}

}  // namespace motcua::calendar
