#include "calendar/lunar.h"

#include <gtest/gtest.h>

namespace motcua::calendar {
namespace {

TEST(LunarTest, TetDates) {
  struct Case {
    int year;
    CivilDate want;
  } cases[] = {
      {1968, {1968, 1, 29}}, {1985, {1985, 1, 21}}, {2007, {2007, 2, 17}}, {2020, {2020, 1, 25}},
      {2021, {2021, 2, 12}}, {2022, {2022, 2, 1}},  {2023, {2023, 1, 22}}, {2024, {2024, 2, 10}},
      {2025, {2025, 1, 29}}, {2026, {2026, 2, 17}}, {1900, {1900, 1, 31}}, {2199, {2199, 1, 27}},
  };
  for (const Case& c : cases) {
    const Result<CivilDate> got = TetDate(c.year);
    ASSERT_TRUE(got.ok()) << c.year;
    EXPECT_EQ(*got, c.want) << c.year;
  }
}

TEST(LunarTest, HungKingsDayAndLastDayOfYear) {
  EXPECT_EQ(*HungKingsDay(2025), (CivilDate{2025, 4, 7}));
  EXPECT_EQ(*HungKingsDay(2026), (CivilDate{2026, 4, 26}));
  EXPECT_EQ(*LastDayOfLunarYear(2025), (CivilDate{2025, 1, 28}));  // 29 tháng Chạp Giáp Thìn
  EXPECT_EQ(*LastDayOfLunarYear(2026), (CivilDate{2026, 2, 16}));
}

TEST(LunarTest, SolarToLunarRoundTripsEveryDay) {
  for (DayNumber d = ToDayNumber({1901, 3, 1}); d < ToDayNumber({2199, 12, 1}); d += 7) {
    const CivilDate solar = FromDayNumber(d);
    const Result<LunarDate> lunar = SolarToLunar(solar);
    ASSERT_TRUE(lunar.ok()) << FormatDate(solar);
    const Result<CivilDate> back = LunarToSolar(*lunar);
    ASSERT_TRUE(back.ok()) << FormatDate(solar);
    ASSERT_EQ(*back, solar);
  }
}

TEST(LunarTest, LeapMonthsAndInvalidDates) {
  // 2023 had a leap second month (tháng 2 nhuận from 2023-03-22).
  EXPECT_EQ(*SolarToLunar({2023, 3, 22}), (LunarDate{2023, 2, 1, true}));
  EXPECT_EQ(*LunarToSolar({2023, 2, 1, true}), (CivilDate{2023, 3, 22}));
  EXPECT_FALSE(LunarToSolar({2023, 5, 1, true}).ok());
  EXPECT_FALSE(LunarToSolar({2024, 1, 1, true}).ok());
  EXPECT_FALSE(TetDate(1899).ok());
  EXPECT_FALSE(TetDate(2200).ok());
  EXPECT_FALSE(LunarToSolar({2025, 13, 1, false}).ok());
}

}  // namespace
}  // namespace motcua::calendar
