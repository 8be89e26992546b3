// Real cases of the legal clock on the national calendar (official schedules 2022-2026).

#include "calendar/due.h"

#include <gtest/gtest.h>

#include <vector>

#include "calendar/format.h"
#include "calendar/inherit.h"
#include "calendar/naive_clock.h"
#include "calendar/test_util.h"

namespace motcua::calendar {
namespace {

using testing::L;
using testing::National;

struct DueCase {
  const char* name;
  const char* received;
  Duration duration;
  ReceptionCutoff cutoff;
  std::vector<Exclusion> exclusions;
  const char* want;
};

Exclusion Pause(ExclusionType type, const char* from, const char* to) {
  return {type, L(from), L(to), ""};
}

TEST(DueTest, RealCases) {
  const auto wd = Duration::WorkingDays;
  const auto wh = [](int h, int m = 0) { return Duration::WorkingHours(h, m); };
  const ReceptionCutoff def = ReceptionCutoff::Default();
  const auto supplement = Pause(ExclusionType::kSupplement, "2025-03-05 10:00", "2025-03-10 14:00");
  const auto fees =
      Pause(ExclusionType::kFinancialObligation, "2025-03-11 13:00", "2025-03-11 17:00");
  const auto consult = Pause(ExclusionType::kConsultation, "2025-03-11 15:00", "2025-03-12 09:00");
  const DueCase cases[] = {
      {"before Tết 2025", "2025-01-24 10:00", wd(3), def, {}, "2025-02-05 10:00"},
      {"before Tết 2025 after cut-off", "2025-01-24 15:30", wd(1), def, {}, "2025-02-03 17:00"},
      {"during Tết 2025 (online)", "2025-01-29 09:00", wd(2), def, {}, "2025-02-04 17:00"},
      {"Tết 2026, issue example", "2026-02-12 15:30", wd(5), def, {}, "2026-02-26 17:00"},
      {"Tết 2026, no cut-off",
       "2026-02-12 15:30",
       wd(5),
       ReceptionCutoff::None(),
       {},
       "2026-02-26 15:30"},
      {"Tết 2026, Decree 297 before 17:00",
       "2026-02-12 15:30",
       wd(5),
       ReceptionCutoff::Decree297(),
       {},
       "2026-02-26 15:30"},
      {"Tết 2026, Decree 297 after 17:00",
       "2026-02-12 17:30",
       wd(5),
       ReceptionCutoff::Decree297(),
       {},
       "2026-02-27 08:00"},
      {"make-up Saturday 26/4/2025", "2025-04-25 09:00", wd(2), def, {}, "2025-04-28 09:00"},
      {"across 30/4-4/5 2025", "2025-04-29 10:00", wd(2), def, {}, "2025-05-06 10:00"},
      {"across 2/9 2025", "2025-08-29 14:00", wd(1), def, {}, "2025-09-03 14:00"},
      {"Friday before cut-off", "2025-03-14 14:59", wh(4), def, {}, "2025-03-17 09:29"},
      {"Friday after cut-off", "2025-03-14 15:01", wh(4), def, {}, "2025-03-17 11:30"},
      {"exactly at cut-off counts", "2025-03-14 15:00", wh(2), def, {}, "2025-03-14 17:00"},
      {"Saturday (outside hours)", "2025-03-15 10:00", wd(1), def, {}, "2025-03-17 17:00"},
      {"lunch break", "2025-03-18 12:00", wh(2), def, {}, "2025-03-18 15:00"},
      {"night", "2025-03-18 05:00", wh(1), def, {}, "2025-03-18 08:30"},
      {"ends with the day", "2025-03-03 07:30", wd(1), def, {}, "2025-03-03 17:00"},
      {"ends with the morning", "2025-03-03 07:30", wh(4), def, {}, "2025-03-03 11:30"},
      {"half a day",
       "2025-03-03 13:00",
       *Duration::Of(0.5, DurationUnit::kWorkingDays),
       def,
       {},
       "2025-03-03 17:00"},
      {"last office hour",
       "2025-03-03 16:10",
       wh(1),
       ReceptionCutoff::LastOfficeHour(),
       {},
       "2025-03-04 08:30"},
      {"compensatory Monday 27/4/2026", "2026-04-24 13:00", wd(1), def, {}, "2026-04-28 11:30"},
      {"one supplement", "2025-03-03 08:00", wd(5), def, {supplement}, "2025-03-13 10:30"},
      {"supplement and fees",
       "2025-03-03 08:00",
       wd(5),
       def,
       {supplement, fees},
       "2025-03-13 16:00"},
      {"overlapping pauses count once",
       "2025-03-03 08:00",
       wd(5),
       def,
       {supplement, fees, consult},
       "2025-03-14 08:00"},
      {"calendar days onto a holiday",
       "2025-04-28 09:00",
       Duration::CalendarDays(3),
       def,
       {},
       "2025-05-05 07:30"},
      {"calendar days onto a working time",
       "2025-03-03 09:00",
       Duration::CalendarDays(7),
       def,
       {},
       "2025-03-10 09:00"},
      {"zero duration", "2025-03-15 10:00", wd(0), def, {}, "2025-03-17 07:30"},
  };
  for (const DueCase& c : cases) {
    SCOPED_TRACE(c.name);
    const Result<Instant> due = Due(L(c.received), c.duration, National(), c.exclusions, c.cutoff);
    ASSERT_TRUE(due.ok()) << ToString(due.error());
    EXPECT_EQ(FormatLocal(*due), c.want);
    const Result<Instant> naive =
        NaiveDue(L(c.received), c.duration, National(), c.exclusions, c.cutoff);
    ASSERT_TRUE(naive.ok());
    EXPECT_EQ(*naive, *due);
  }
}

TEST(DueTest, WorkingTimeBetween) {
  EXPECT_EQ(*WorkingTimeBetween(L("2025-03-03 07:30"), L("2025-03-07 17:00"), National()),
            5 * kWorkingDaySeconds);
  EXPECT_EQ(*WorkingTimeBetween(L("2025-01-24 07:30"), L("2025-02-04 07:30"), National()),
            2 * kWorkingDaySeconds);
  const Exclusion p = {ExclusionType::kExpertAssessment, L("2025-03-04 00:00"),
                       L("2025-03-05 00:00"), "lab test"};
  EXPECT_EQ(*WorkingTimeBetween(L("2025-03-03 07:30"), L("2025-03-07 17:00"), National(),
                                std::vector<Exclusion>{p}),
            4 * kWorkingDaySeconds);
  EXPECT_EQ(*WorkingTimeBetween(L("2025-03-07 17:00"), L("2025-03-03 07:30"), National()), 0);
}

TEST(DueTest, InvalidInputsAreErrors) {
  EXPECT_FALSE(Duration::Of(-1, DurationUnit::kWorkingDays).ok());
  EXPECT_FALSE(Duration::Of(0.1, DurationUnit::kWorkingMinutes).ok());
  EXPECT_FALSE(Duration::Of(1.5, DurationUnit::kCalendarDays).ok());
  EXPECT_FALSE(ParseDurationUnit("days").ok());
  EXPECT_FALSE(ParseDurationUnit("").ok());
  EXPECT_EQ(*ParseDurationUnit("working_days"), DurationUnit::kWorkingDays);
  EXPECT_EQ(Duration::Of(2.5, DurationUnit::kWorkingHours)->ToString(),
            "2 working hours 30 minutes");
  EXPECT_EQ(*ParseReceptionCutoff("17:00"), ReceptionCutoff::Decree297());
  EXPECT_EQ(*ParseReceptionCutoff("15:00"), ReceptionCutoff::Default());
  EXPECT_FALSE(ParseReceptionCutoff("3pm").ok());
  EXPECT_EQ(*ParseExclusionType("public-posting"), ExclusionType::kPublicPosting);
  const Exclusion backwards = {ExclusionType::kOther, L("2025-03-05 00:00"), L("2025-03-04 00:00"),
                               ""};
  EXPECT_FALSE(Due(L("2025-03-03 08:00"), Duration::WorkingDays(1), National(),
                   std::vector<Exclusion>{backwards})
                   .ok());
  const Result<Instant> beyond = Due(L("2030-12-30 08:00"), Duration::WorkingDays(10), National());
  ASSERT_FALSE(beyond.ok());
  EXPECT_EQ(beyond.error().reason, "outside-calendar-span");
  EXPECT_FALSE(Due(L("2019-12-30 08:00"), Duration::WorkingDays(1), National()).ok());
}

TEST(FormatTest, RemainingAndOverdue) {
  EXPECT_EQ(FormatWorkingTime(2 * kWorkingDaySeconds + 3 * 3600, Language::kVietnamese),
            "Còn 2 ngày 3 giờ");
  EXPECT_EQ(FormatWorkingTime(2 * kWorkingDaySeconds + 3 * 3600, Language::kEnglish),
            "2 days 3 hours remaining");
  EXPECT_EQ(FormatWorkingTime(-(kWorkingDaySeconds + 2 * 3600), Language::kVietnamese),
            "Quá 1 ngày 2 giờ");
  EXPECT_EQ(FormatWorkingTime(-(kWorkingDaySeconds + 2 * 3600), Language::kEnglish),
            "overdue by 1 day 2 hours");
  EXPECT_EQ(FormatWorkingTime(3 * 3600 + 20 * 60, Language::kVietnamese), "Còn 3 giờ 20 phút");
  EXPECT_EQ(FormatWorkingTime(0, Language::kVietnamese), "Còn 0 phút");
  // Due Monday 3/2/2025 17:00; seen Friday 24/1 16:00 (Tết between): 1 h on Friday + 1 day.
  EXPECT_EQ(*RemainingText(L("2025-01-24 16:00"), L("2025-02-03 17:00"), National(), {},
                           Language::kVietnamese),
            "Còn 1 ngày 1 giờ");
  EXPECT_EQ(*RemainingText(L("2025-02-04 09:30"), L("2025-02-03 17:00"), National(), {},
                           Language::kEnglish),
            "overdue by 2 hours");
}

TEST(InheritTest, UsesNearestAncestorsCalendar) {
  const std::vector<UnitCalendarLink> chain = {
      {"H38.01.05", std::nullopt}, {"H38.01", std::nullopt}, {"H38", "province"}};
  EXPECT_EQ(*ResolveCalendarId(chain), "province");
  const std::vector<UnitCalendarLink> own = {{"H38.01", "center"}, {"H38", "province"}};
  EXPECT_EQ(*ResolveCalendarId(own), "center");
  const std::vector<UnitCalendarLink> none = {{"H38.01", std::nullopt}};
  EXPECT_EQ(ResolveCalendarId(none).error().code, ErrorCode::kNotFound);
  const std::vector<UnitCalendarLink> cycle = {{"A", std::nullopt}, {"A", std::nullopt}};
  EXPECT_EQ(ResolveCalendarId(cycle).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace motcua::calendar
