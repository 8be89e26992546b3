#include "calendar/civil_time.h"

#include <gtest/gtest.h>

namespace motcua::calendar {
namespace {

TEST(CivilTimeTest, LocalTimeIsUtcPlusSeven) {
  const Instant t = ToInstant({2026, 2, 12}, 15 * 3600 + 30 * 60);
  EXPECT_EQ(t, 1770885000);  // 2026-02-12T08:30:00Z
  EXPECT_EQ(FormatLocal(t), "2026-02-12 15:30");
  EXPECT_EQ(ToLocal(ToInstant({2026, 1, 1}, 0)).date, (CivilDate{2026, 1, 1}));
  EXPECT_EQ(LocalSecondsOfDay(ToInstant({1960, 5, 4}, 3661)), 3661);
  EXPECT_EQ(WeekdayOf(ToDayNumber({2026, 2, 12})), Weekday::kThursday);
  EXPECT_EQ(WeekdayOf(ToDayNumber({1900, 1, 1})), Weekday::kMonday);
}

TEST(CivilTimeTest, Parses) {
  struct Case {
    const char* text;
    bool ok;
  } cases[] = {{"2026-02-12 15:30", true},  {"2026-02-30 15:30", false},
               {"2026-02-12T15:30", false}, {"2026-02-12 24:00", false},
               {"2026-02-12 9:30", false},  {"2026-02-12 15:61", false}};
  for (const Case& c : cases) EXPECT_EQ(ParseLocalDateTime(c.text).ok(), c.ok) << c.text;
  EXPECT_EQ(*ParseLocalDateTime("2026-02-12 15:30"), 1770885000);
  EXPECT_EQ(*ParseTimeOfDay("24:00"), 86400);
  EXPECT_FALSE(ParseDate("2026-2-12").ok());
  EXPECT_FALSE(MakeDate(2025, 2, 29).ok());
  EXPECT_TRUE(MakeDate(2024, 2, 29).ok());
}

}  // namespace
}  // namespace motcua::calendar
