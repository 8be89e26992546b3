// Periods by label: table-driven, with the instants written out (00:00 Vietnam = 17:00 UTC the
// day before).
#include "reports/period.h"

#include <gtest/gtest.h>

#include <tuple>

namespace motcua::reports {
namespace {

struct Case {
  const char* label;
  const char* first;
  const char* last;
  const char* from_utc;
  const char* to_utc;
};

TEST(PeriodTest, LabelsGiveTheirLocalDays) {
  const Case cases[] = {
      {"2026-03-05", "2026-03-05", "2026-03-05", "2026-03-04T17:00:00Z", "2026-03-05T17:00:00Z"},
      {"2026-02", "2026-02-01", "2026-02-28", "2026-01-31T17:00:00Z", "2026-02-28T17:00:00Z"},
      {"2024-02", "2024-02-01", "2024-02-29", "2024-01-31T17:00:00Z", "2024-02-29T17:00:00Z"},
      {"2026-12", "2026-12-01", "2026-12-31", "2026-11-30T17:00:00Z", "2026-12-31T17:00:00Z"},
      {"2026-Q1", "2026-01-01", "2026-03-31", "2025-12-31T17:00:00Z", "2026-03-31T17:00:00Z"},
      {"2026-Q4", "2026-10-01", "2026-12-31", "2026-09-30T17:00:00Z", "2026-12-31T17:00:00Z"},
      {"2026-H1", "2026-01-01", "2026-06-30", "2025-12-31T17:00:00Z", "2026-06-30T17:00:00Z"},
      {"2026-H2", "2026-07-01", "2026-12-31", "2026-06-30T17:00:00Z", "2026-12-31T17:00:00Z"},
      {"2026", "2026-01-01", "2026-12-31", "2025-12-31T17:00:00Z", "2026-12-31T17:00:00Z"},
      {"2026-03-01..2026-03-15", "2026-03-01", "2026-03-15", "2026-02-28T17:00:00Z",
       "2026-03-15T17:00:00Z"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.label);
    auto p = ParsePeriod(c.label);
    ASSERT_TRUE(p.ok()) << ToString(p.error());
    EXPECT_EQ(calendar::FormatDate(p->first), c.first);
    EXPECT_EQ(calendar::FormatDate(p->last), c.last);
    EXPECT_EQ(FormatRfc3339Utc(p->from), c.from_utc);
    EXPECT_EQ(FormatRfc3339Utc(p->to), c.to_utc);
    EXPECT_EQ(p->label, c.label);
  }
}

TEST(PeriodTest, OtherShapesAreRefusedNamingTheLabel) {
  for (const char* bad : {"", "26", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3",
                          "2026-02-30", "2026/03", "2026-3", "abcd", "2026-03-10..2026-03-01",
                          "2020-01-01..2026-01-01", "2026-03-01..", "+026-03"}) {
    SCOPED_TRACE(bad);
    auto p = ParsePeriod(bad);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(PeriodTest, KindsAndWordsFollowTheLabel) {
  const std::tuple<const char*, PeriodKind, const char*> cases[] = {
      {"2026-03", PeriodKind::kMonth, "Tháng 3 năm 2026"},
      {"2026-Q1", PeriodKind::kQuarter, "Quý I năm 2026"},
      {"2026-Q4", PeriodKind::kQuarter, "Quý IV năm 2026"},
      {"2026-H1", PeriodKind::kHalfYear, "6 tháng đầu năm 2026"},
      {"2026-H2", PeriodKind::kHalfYear, "6 tháng cuối năm 2026"},
      {"2026", PeriodKind::kYear, "Năm 2026"},
      {"2026-03-05", PeriodKind::kDay, "Ngày 05/03/2026"},
      {"2026-02-15..2026-03-14", PeriodKind::kRange, "Từ ngày 15/02/2026 đến ngày 14/03/2026"},
  };
  for (const auto& [label, kind, text] : cases) {
    SCOPED_TRACE(label);
    auto p = ParsePeriod(label);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(KindOf(*p), kind);
    EXPECT_EQ(PeriodText(*p), text);
  }
}

}  // namespace
}  // namespace motcua::reports
