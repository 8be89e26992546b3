#include "calendar/holidays.h"

#include <gtest/gtest.h>

#include <set>

#include "calendar/test_util.h"

namespace motcua::calendar {
namespace {

std::set<CivilDate> OffDays(const YearSchedule& s, HolidayKind skip_kind, bool skip) {
  std::set<CivilDate> out;
  for (const Holiday& h : s.holidays) {
    if (skip && h.kind == skip_kind) continue;
    // A holiday on a weekend changes nothing by itself (its compensation is listed separately).
    if (WeekdayOf(ToDayNumber(h.date)) >= Weekday::kSaturday) continue;
    out.insert(h.date);
  }
  return out;
}

// Official years whose days off the generator reproduces exactly, once the swapped days (which
// are exchanged for make-up Saturdays and are a government choice) are set aside.
TEST(HolidaysTest, GeneratorReproducesOfficialDaysOffApartFromSwaps) {
  for (int year : OfficialYears()) {
    const std::optional<YearSchedule> official = OfficialYearSchedule(year);
    ASSERT_TRUE(official.has_value());
    EXPECT_FALSE(official->source.empty());
    const Result<YearSchedule> generated = GeneratedYearSchedule(year);
    ASSERT_TRUE(generated.ok());
    EXPECT_EQ(OffDays(*generated, HolidayKind::kSwapped, false),
              OffDays(*official, HolidayKind::kSwapped, true))
        << year;
  }
}

TEST(HolidaysTest, GeneratedYear2025) {
  const YearSchedule s = *GeneratedYearSchedule(2025);
  const std::set<CivilDate> want = {{2025, 1, 1},  {2025, 1, 27}, {2025, 1, 28}, {2025, 1, 29},
                                    {2025, 1, 30}, {2025, 1, 31}, {2025, 4, 7},  {2025, 4, 30},
                                    {2025, 5, 1},  {2025, 9, 1},  {2025, 9, 2}};
  EXPECT_EQ(OffDays(s, HolidayKind::kSwapped, false), want);
}

TEST(HolidaysTest, CompensatoryDaysFollowWeekendHolidays) {
  // 2026: Giỗ Tổ on Sunday 26/4 -> Monday 27/4 (Labour Code 2019 art. 111(3)).
  const YearSchedule s = *GeneratedYearSchedule(2026);
  bool found = false;
  for (const Holiday& h : s.holidays) {
    if (h.date == CivilDate{2026, 4, 27}) {
      found = true;
      EXPECT_EQ(h.kind, HolidayKind::kCompensatory);
      EXPECT_EQ(h.name, "Nghỉ bù Giỗ Tổ Hùng Vương");
    }
  }
  EXPECT_TRUE(found);
}

TEST(HolidaysTest, EveryYearOfTheRangeGenerates) {
  for (int year = 1901; year <= 2199; ++year) {
    const Result<YearSchedule> s = GeneratedYearSchedule(year);
    ASSERT_TRUE(s.ok()) << year;
    // 2021 on: 1/1, 5 Tết, Giỗ Tổ, 30/4, 1/5, 2 Quốc khánh = 11, plus compensations.
    if (year >= 2021) {
      EXPECT_GE(s->holidays.size(), 11u) << year;
    }
    for (const Holiday& h : s->holidays) {
      if (h.kind == HolidayKind::kCompensatory) {
        EXPECT_LT(WeekdayOf(ToDayNumber(h.date)), Weekday::kSaturday) << year;
      }
    }
  }
  EXPECT_FALSE(GeneratedYearSchedule(2200).ok());
}

TEST(HolidaysTest, CalendarUsesOfficialScheduleWithMakeUpDays) {
  const Calendar& c = testing::National();
  EXPECT_EQ(c.Describe(ToDayNumber({2025, 4, 26})).kind, DayKind::kMakeUp);
  EXPECT_EQ(c.Describe(ToDayNumber({2025, 5, 2})).kind, DayKind::kHoliday);
  EXPECT_EQ(c.Describe(ToDayNumber({2025, 1, 29})).name, "Tết Nguyên đán");
  EXPECT_EQ(c.Describe(ToDayNumber({2025, 3, 15})).kind, DayKind::kWeeklyRest);
  ASSERT_NE(c.ScheduleOf(2024), nullptr);
  EXPECT_NE(c.ScheduleOf(2024)->source.find("2450/VPCP-KGVX"), std::string::npos);
  EXPECT_EQ(c.ScheduleOf(2030)->source.rfind("generated", 0), 0u);
}

TEST(HolidaysTest, BuildRejectsBadSpecs) {
  CalendarSpec bad_sessions;
  bad_sessions.weekly.days[0] = {{13 * 3600, 17 * 3600}, {7 * 3600, 11 * 3600}};
  EXPECT_FALSE(Calendar::Build(bad_sessions, {2025, 2025}).ok());
  CalendarSpec make_up_on_holiday;
  make_up_on_holiday.years.push_back(
      {2025, "test", {{{2025, 4, 26}, "x", HolidayKind::kLocal}}, {{{2025, 4, 26}, "y", {}}}});
  EXPECT_FALSE(Calendar::Build(make_up_on_holiday, {2025, 2025}).ok());
  EXPECT_FALSE(Calendar::Build(CalendarSpec{}, {1800, 2025}).ok());
}

}  // namespace
}  // namespace motcua::calendar
