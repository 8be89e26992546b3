#include "calendar/trace.h"

#include <gtest/gtest.h>

#include <vector>

#include "calendar/test_util.h"

namespace motcua::calendar {
namespace {

using testing::L;
using testing::National;

TEST(TraceTest, ExplainsTetAndCutoff) {
  const std::vector<Exclusion> pauses = {{ExclusionType::kSupplement, L("2025-02-03 09:00"),
                                          L("2025-02-03 14:00"), "thiếu bản sao sổ đỏ"}};
  const Result<DueTrace> trace = TraceDue(L("2025-01-23 15:30"), Duration::WorkingDays(2),
                                          National(), pauses, ReceptionCutoff::Default());
  ASSERT_TRUE(trace.ok());
  EXPECT_EQ(FormatLocal(trace->counting_start), "2025-01-24 07:30");
  // 24/1: 8 h; Tết 27/1-31/1; 3/2: 07:30-09:00 and 14:00-17:00 = 4.5 h; 4/2: 3.5 h -> 11:00.
  EXPECT_EQ(FormatLocal(trace->due), "2025-02-04 11:00");
  std::int64_t counted = 0;
  Instant cursor = trace->received;
  bool saw_tet = false, saw_supplement = false, saw_weekend = false;
  for (const TraceSegment& s : trace->segments) {
    EXPECT_EQ(s.from, cursor);
    EXPECT_LT(s.from, s.to);
    cursor = s.to;
    if (s.counted()) counted += s.to - s.from;
    saw_tet |= s.reason == TraceReason::kHoliday && s.detail == "Tết Nguyên đán";
    saw_supplement |= s.reason == TraceReason::kExclusion;
    saw_weekend |= s.reason == TraceReason::kWeeklyRest;
  }
  EXPECT_EQ(cursor, trace->due);
  EXPECT_EQ(counted, 2 * kWorkingDaySeconds);
  EXPECT_TRUE(saw_tet && saw_supplement && saw_weekend);
  EXPECT_EQ(trace->segments.front().reason, TraceReason::kBeforeCountingStart);
  const std::string text = FormatTrace(*trace, Language::kVietnamese);
  EXPECT_NE(
      text.find("2025-01-27 00:00 – 2025-02-01 00:00  không tính: nghỉ lễ, Tết (Tết Nguyên đán)"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("supplement: thiếu bản sao sổ đỏ"), std::string::npos);
  EXPECT_NE(text.find("Hẹn trả: 2025-02-04 11:00"), std::string::npos);
  EXPECT_NE(FormatTrace(*trace, Language::kEnglish).find("not counted: holiday"),
            std::string::npos);
}

TEST(TraceTest, CalendarDaysMovedToWorkingTime) {
  const Result<DueTrace> trace =
      TraceDue(L("2025-04-28 09:00"), Duration::CalendarDays(3), National());
  ASSERT_TRUE(trace.ok());
  EXPECT_EQ(trace->segments.back().reason, TraceReason::kMovedToWorkingTime);
  EXPECT_EQ(FormatLocal(trace->segments.back().from), "2025-05-01 09:00");
  EXPECT_EQ(FormatLocal(trace->due), "2025-05-05 07:30");
}

}  // namespace
}  // namespace motcua::calendar
