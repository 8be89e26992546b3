#include "render/vn_format.h"

#include <gtest/gtest.h>

#include "calendar/civil_time.h"

namespace motcua::render {
namespace {

using calendar::ToInstant;

TEST(VnFormatTest, InstantsInVietnamLocalTime) {
  const Instant t = ToInstant({2025, 7, 15}, 8 * 3600 + 30 * 60);
  EXPECT_EQ(FormatVietnameseDateTime(t), "08 giờ 30 phút, ngày 15 tháng 7 năm 2025");
  EXPECT_EQ(FormatVietnameseDate(t), "ngày 15 tháng 7 năm 2025");
  EXPECT_EQ(FormatShortDate(t), "15/07/2025");
  EXPECT_EQ(FormatShortDateTime(t), "08:30 15/07/2025");
  // 23:30 UTC on 31 December is already New Year's Day in Hanoi.
  const Instant utc_evening = ToInstant({2026, 1, 1}, 6 * 3600 + 30 * 60);
  EXPECT_EQ(FormatShortDateTime(utc_evening), "06:30 01/01/2026");
  EXPECT_EQ(FormatVietnameseDate(ToInstant({2025, 12, 5}, 0)), "ngày 05 tháng 12 năm 2025");
}

TEST(VnFormatTest, Money) {
  struct Case {
    std::int64_t dong;
    const char* text;
  } cases[] = {{0, "0 đồng"},
               {500, "500 đồng"},
               {1000, "1.000 đồng"},
               {1250000, "1.250.000 đồng"},
               {100000000, "100.000.000 đồng"},
               {-25000, "-25.000 đồng"},
               {INT64_MIN, "-9.223.372.036.854.775.808 đồng"}};
  for (const Case& c : cases) EXPECT_EQ(FormatMoney(c.dong), c.text) << c.dong;
}

TEST(VnFormatTest, CountsDecimalsAndPercentages) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(1234567), "1.234.567");
  EXPECT_EQ(FormatCount(-1000), "-1.000");
  EXPECT_EQ(FormatDecimal(18.5, 2), "18,5");
  EXPECT_EQ(FormatDecimal(1234.0, 2), "1.234");
  EXPECT_EQ(FormatDecimal(0.125, 2), "0,13");
  EXPECT_EQ(FormatDecimal(-2.5, 1), "-2,5");
  EXPECT_EQ(FormatPercent(0.8125), "81,25%");
  EXPECT_EQ(FormatPercent(1), "100%");
  EXPECT_EQ(FormatPercent(2.0 / 3), "66,67%");
}

}  // namespace
}  // namespace motcua::render
