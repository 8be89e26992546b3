#pragma once

// Vietnamese public holidays: the statutory generator and the official schedules.
//
// Labour Code 2019 (Law 45/2019/QH14) art. 112(1) gives: 1/1 (1 day); Tết Nguyên đán (5 days,
// placed each year by the Prime Minister); 30/4 (1 day); 1/5 (1 day); Quốc khánh (2 days: 2/9
// and one adjacent day); Giỗ Tổ Hùng Vương, 10/3 lunar (1 day). Art. 111(3): a holiday that falls
// on a weekly rest day gives a compensatory day off on the next working day. Earlier codes are
// applied to earlier years (GeneratedYearSchedule's comment); docs/calendar.md has the details.

#include <optional>
#include <vector>

#include "calendar/calendar_spec.h"
#include "common/result.h"

namespace motcua::calendar {

// The generator's proposal for `year` (1901-2199) for a Monday-Friday calendar: the holidays of
// the code in force that year, Tết placed on the last two days of the lunar year and the first
// three of the new one (the placement of 2020, 2021, 2023, 2024 and 2025; with the compensatory
// rule it also reproduces 2022 and 2026), Quốc khánh's adjacent day chosen to join a weekend
// (the choices of 2021-2026), and compensatory days. Codes by year: Labour Code 2019 from 2021;
// Labour Code 2012 art. 115 for 2013-2020 (Quốc khánh 1 day); before 2013 Tết has 4 days (last
// day of the lunar year + 3); Giỗ Tổ from 2007 (Law 84/2007/QH11). kInvalidArgument outside the
// lunar calendar's range. Pure and thread-safe.
Result<YearSchedule> GeneratedYearSchedule(int year);

// The official schedule for civil servants of `year` as published by the government, when motcua
// ships one (OfficialYears()), with its source documents. Thread-safe.
std::optional<YearSchedule> OfficialYearSchedule(int year);

// The years with a built-in official schedule, ascending.
std::vector<int> OfficialYears();

// "Tết Nguyên đán", the names used by both the generator and the official data.
inline constexpr const char* kNewYearName = "Tết Dương lịch";
inline constexpr const char* kTetName = "Tết Nguyên đán";
inline constexpr const char* kHungKingsName = "Giỗ Tổ Hùng Vương";
inline constexpr const char* kReunificationName = "Ngày Chiến thắng";
inline constexpr const char* kLabourDayName = "Ngày Quốc tế Lao động";
inline constexpr const char* kNationalDayName = "Quốc khánh";

}  // namespace motcua::calendar
