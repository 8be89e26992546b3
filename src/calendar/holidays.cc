#include "calendar/holidays.h"

#include <algorithm>
#include <set>
#include <string>

#include "calendar/lunar.h"

namespace motcua::calendar {
namespace {

bool IsWeekend(DayNumber day) { return WeekdayOf(day) >= Weekday::kSaturday; }

// Quốc khánh's adjacent day (Labour Code 2019 art. 112(1)(đ)): the neighbour of 2/9 that joins a
// weekend, as chosen in 2021 (Thu -> 3/9), 2022 (Fri -> 1/9), 2023 (Sat -> 1/9), 2024 (Mon -> 3/9),
// 2025 (Tue -> 1/9) and 2026 (Wed -> 1/9); Sunday takes Monday 3/9.
int NationalDayNeighbour(DayNumber september_2) {
  switch (WeekdayOf(september_2)) {
    case Weekday::kMonday:
    case Weekday::kThursday:
    case Weekday::kSunday: return +1;
    default: return -1;
  }
}

// Art. 111(3): each holiday on a weekly rest day is compensated on the next working day that is
// neither a weekend, a holiday nor an earlier compensation.
void AddCompensatoryDays(YearSchedule* schedule) {
  std::set<DayNumber> off;
  for (const Holiday& h : schedule->holidays) off.insert(ToDayNumber(h.date));
  std::vector<Holiday> compensations;
  for (const Holiday& h : schedule->holidays) {
    const DayNumber day = ToDayNumber(h.date);
    if (!IsWeekend(day)) continue;
    DayNumber next = day + 1;
    while (IsWeekend(next) || off.count(next) > 0) ++next;
    off.insert(next);
    compensations.push_back({FromDayNumber(next), "Nghỉ bù " + h.name, HolidayKind::kCompensatory});
  }
  for (Holiday& c : compensations) schedule->holidays.push_back(std::move(c));
  std::sort(schedule->holidays.begin(), schedule->holidays.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
}

}  // namespace

Result<YearSchedule> GeneratedYearSchedule(int year) {
  if (year <= kFirstLunarYear || year > kLastLunarYear) {
    return Error::InvalidArgument("no holiday generator for year " + std::to_string(year) +
                                  " (supported: 1901-2199)");
  }
  YearSchedule s;
  s.year = year;
  const bool code_2019 = year >= 2021;
  const bool code_2012 = year >= 2013;
  s.source = code_2019   ? "generated: Bộ luật Lao động 2019 Điều 112, Điều 111(3)"
             : code_2012 ? "generated: Bộ luật Lao động 2012 Điều 115"
                         : "generated: Bộ luật Lao động 1994 (sửa đổi 2007) Điều 73";
  auto add = [&s](CivilDate d, const char* name) {
    s.holidays.push_back({d, name, HolidayKind::kStatutory});
  };
  add({year, 1, 1}, kNewYearName);
  MOTCUA_ASSIGN_OR_RETURN(const CivilDate tet, TetDate(year));
  const DayNumber tet_day = ToDayNumber(tet);
  const int days_before = code_2012 ? 2 : 1;
  for (DayNumber d = tet_day - days_before; d <= tet_day + 2; ++d) add(FromDayNumber(d), kTetName);
  if (year >= 2007) {
    MOTCUA_ASSIGN_OR_RETURN(const CivilDate hung_kings, HungKingsDay(year));
    add(hung_kings, kHungKingsName);
  }
  add({year, 4, 30}, kReunificationName);
  add({year, 5, 1}, kLabourDayName);
  const DayNumber national_day = ToDayNumber({year, 9, 2});
  add({year, 9, 2}, kNationalDayName);
  if (code_2019) {
    add(FromDayNumber(national_day + NationalDayNeighbour(national_day)), kNationalDayName);
  }
  std::sort(s.holidays.begin(), s.holidays.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  AddCompensatoryDays(&s);
  return s;
}

}  // namespace motcua::calendar
