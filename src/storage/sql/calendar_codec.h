#pragma once

// The text forms in which calendars are stored (tables calendars and calendar_years, migration 2).
// Both back ends store the same text, so a database reader sees the same thing everywhere.
//
// Weekly schedule (calendars.weekly): days separated by ';', each a weekday name and its sessions
// separated by ',', days without sessions omitted:
//     mon 07:30-11:30,13:00-17:00;tue 07:30-11:30,13:00-17:00;...;sat 07:30-11:30
// Fallback (calendars.fallback): "official-then-generated", "generated" or "none".
// Year days (calendar_years.days): one line per day, fields separated by a tab:
//     holiday<TAB>2026-02-16<TAB>statutory<TAB>Tết Nguyên đán
//     make-up<TAB>2026-01-10<TAB>07:30-11:30,13:00-17:00<TAB>Làm bù cho ngày 2/1
// (holiday kinds: statutory, compensatory, swapped, local; a make-up day with no sessions uses
// the calendar's Monday sessions). Names and notes hold no tab or line break; the application
// validates that before storing. Times are whole minutes ("24:00" is the end of a day).
//
// Decoders return kInternal for text that this encoder did not produce (a corrupted row).

#include <string>
#include <string_view>
#include <vector>

#include "calendar/calendar_spec.h"
#include "common/result.h"

namespace motcua::storage::sql {

std::string EncodeWeekly(const calendar::WeeklySchedule& weekly);
Result<calendar::WeeklySchedule> DecodeWeekly(std::string_view text);

std::string_view EncodeFallback(calendar::YearFallback fallback);
Result<calendar::YearFallback> DecodeFallback(std::string_view text);

std::string EncodeYearDays(const calendar::YearSchedule& schedule);
// Fills holidays and make-up days of `schedule` (year and source are separate columns).
Status DecodeYearDays(std::string_view text, calendar::YearSchedule& schedule);

// "07:30-11:30,13:00-17:00" and back.
std::string EncodeSessions(const std::vector<calendar::Session>& sessions);
Result<std::vector<calendar::Session>> DecodeSessions(std::string_view text);

}  // namespace motcua::storage::sql
