#include "calendar/format.h"

namespace motcua::calendar {

std::string FormatWorkingTime(std::int64_t signed_seconds, Language language) {
  const bool overdue = signed_seconds < 0;
  const std::int64_t s = overdue ? -signed_seconds : signed_seconds;
  const std::int64_t days = s / kWorkingDaySeconds;
  const std::int64_t hours = s % kWorkingDaySeconds / 3600;
  const std::int64_t minutes = s % 3600 / 60;
  const bool vi = language == Language::kVietnamese;
  std::string parts;
  auto add = [&parts, vi](std::int64_t n, const char* vi_unit, const char* one, const char* many) {
    if (n == 0) return;
    if (!parts.empty()) parts += ' ';
    parts += std::to_string(n) + ' ' + (vi ? vi_unit : (n == 1 ? one : many));
  };
  add(days, "ngày", "day", "days");
  add(hours, "giờ", "hour", "hours");
  add(minutes, "phút", "minute", "minutes");
  if (parts.empty()) parts = vi ? "0 phút" : "0 minutes";
  if (vi) return (overdue ? "Quá " : "Còn ") + parts;
  return overdue ? "overdue by " + parts : parts + " remaining";
}

Result<std::string> RemainingText(Instant now, Instant due, const Calendar& calendar,
                                  std::span<const Exclusion> exclusions, Language language) {
  if (now <= due) {
    MOTCUA_ASSIGN_OR_RETURN(const std::int64_t left,
                            WorkingTimeBetween(now, due, calendar, exclusions));
    return FormatWorkingTime(left, language);
  }
  MOTCUA_ASSIGN_OR_RETURN(const std::int64_t late,
                          WorkingTimeBetween(due, now, calendar, exclusions));
  // Late by less than a minute of working time (e.g. during the night) still reads as overdue.
  return FormatWorkingTime(late == 0 ? -1 : -late, language);
}

}  // namespace motcua::calendar
