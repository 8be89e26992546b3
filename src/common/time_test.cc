#include "common/time.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

TEST(TimeTest, FormatsUtc) {
  EXPECT_EQ(FormatRfc3339Utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339Utc(1770885000), "2026-02-12T08:30:00Z");
}

TEST(TimeTest, ParsesOffsetsAndFractions) {
  struct Case {
    const char* text;
    bool ok;
    Instant want;
  } cases[] = {
      {"2026-02-12T08:30:00Z", true, 1770885000},
      {"2026-02-12T15:30:00+07:00", true, 1770885000},
      {"2026-02-12T08:30:00.123Z", true, 1770885000},
      {"2026-02-12T01:30:00-07:00", true, 1770885000},
      {"2026-02-30T08:30:00Z", false, 0},
      {"2026-02-12 08:30:00Z", false, 0},
      {"2026-02-12T08:30:00", false, 0},
      {"2026-02-12T08:30:00Zjunk", false, 0},
      {"2026-13-12T08:30:00Z", false, 0},
  };
  for (const auto& c : cases) {
    Instant got = 0;
    EXPECT_EQ(ParseRfc3339(c.text, &got), c.ok) << c.text;
    if (c.ok) {
      EXPECT_EQ(got, c.want) << c.text;
    }
  }
}

}  // namespace
}  // namespace motcua
