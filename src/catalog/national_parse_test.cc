// National-portal parsing (national_parse.h): times, fees, level flags, channels, online level.

#include "catalog/national_parse.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::catalog {
namespace {

using calendar::Duration;
using calendar::DurationUnit;

std::string Show(const ParsedTime& p) {
  return std::string(ConfidenceName(p.confidence)) + " " +
         (p.time.duration ? p.time.duration->ToString() : "-");
}

TEST(NationalParseTest, TimeText) {
  const struct {
    const char* text;
    const char* want;
  } cases[] = {
      {"05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "parsed 5 working days"},
      {"Trong thời hạn 03 giờ làm việc", "parsed 3 working hours"},
      {"0,5 ngày làm việc", "parsed 4 working hours"},
      {"1/2 ngày làm việc", "parsed 4 working hours"},
      {"05 (năm) ngày làm việc", "parsed 5 working days"},
      {"NGÀY LÀM VIỆC: 07", "unparsed -"},
      {"10 ngày", "doubtful 10 calendar days"},
      {"15 ngày (không kể thời gian niêm yết công khai)", "doubtful 15 calendar days"},
      {"03 giờ", "doubtful 3 working hours"},
      {"03 - 05 ngày làm việc", "doubtful 5 working days"},
      {"20 ngày làm việc; trường hợp phải xác minh: 30 ngày làm việc", "doubtful 20 working days"},
      {"05 ngày làm việc (Nghị định 43/2024 ngày 29/6/2024)", "parsed 5 working days"},
      {"03 tháng", "unparsed -"},
      {"Theo quy định", "unparsed -"},
      {"Ngay trong ngày", "unparsed -"},
      {"", "unparsed -"},
      {"0,5 ngày", "unparsed -"},  // half a calendar day is not a duration
  };
  for (const auto& c : cases) {
    const ParsedTime p = ParseTimeText(c.text);
    EXPECT_EQ(Show(p), c.want) << c.text << " / " << p.note;
    EXPECT_EQ(p.time.text, c.text);
  }
  EXPECT_TRUE(ParseTimeText("15 ngày (không kể thời gian niêm yết)").mentions_exclusion);
  EXPECT_FALSE(ParseTimeText("15 ngày làm việc").mentions_exclusion);
}

TEST(NationalParseTest, StructuredTime) {
  const struct {
    double amount;
    const char* unit;
    const char* text;
    const char* want;
  } cases[] = {
      {10, "WORKING_DAY", "", "parsed 10 working days"},
      {10, "WORKING_DAY", "10 ngày làm việc", "parsed 10 working days"},
      {10, "WORKING_DAY", "15 ngày làm việc", "doubtful 10 working days"},
      {4, "WORKING_HOUR", "", "parsed 4 working hours"},
      {15, "DAY", "15 ngày", "parsed 15 calendar days"},
      {0.5, "WORKING_DAY", "", "parsed 4 working hours"},
      {0, "OTHER", "05 ngày làm việc", "doubtful 5 working days"},
      {0, "WORKING_DAY", "", "unparsed -"},
      {7, "OTHER", "", "unparsed -"},
      {1.5, "DAY", "", "unparsed -"},
  };
  for (const auto& c : cases) {
    const ParsedTime p = ParseStructuredTime(c.amount, c.unit, c.text);
    EXPECT_EQ(Show(p), c.want) << c.amount << " " << c.unit << " " << c.text << " / " << p.note;
  }
  EXPECT_EQ(*MapTimeUnit("WORKING_DAY"), DurationUnit::kWorkingDays);
  EXPECT_FALSE(MapTimeUnit("OTHER").has_value());
}

std::string Show(const ParsedFee& p) {
  return std::string(ConfidenceName(p.confidence)) + " " +
         (p.fee.amount_vnd ? std::to_string(*p.fee.amount_vnd) : "-");
}

TEST(NationalParseTest, Fees) {
  const struct {
    std::optional<double> value;
    const char* description;
    const char* want;
  } cases[] = {
      {50000, "50.000 đồng/hồ sơ", "parsed 50000"},
      {50000, "", "parsed 50000"},
      {50, "50.000 đồng/hồ sơ", "doubtful 50000"},
      {100000, "Lệ phí: 100,000 VND", "parsed 100000"},
      {0, "Miễn phí", "parsed 0"},
      {0, "Không quy định.", "parsed 0"},
      {0, "Miễn lệ phí", "parsed 0"},
      {0, "Theo quy định của Bộ Tài chính", "doubtful -"},  // neither free nor an amount
      {0, "", "doubtful 0"},
      {20000, "Miễn phí", "doubtful -"},
      {0, "1.200.000đ", "doubtful -"},
      {30000, "50.000 đồng", "doubtful -"},
      {50000, "50.000 đồng; cấp lại: 25 nghìn đồng", "doubtful 50000"},
      {std::nullopt, "25 nghìn đồng", "doubtful 25000"},
      {std::nullopt, "", "unparsed -"},
      {-1, "", "unparsed -"},
      {1.5, "", "unparsed -"},
  };
  for (const auto& c : cases) {
    const ParsedFee p = ParseFee("FEE", c.value, c.description);
    EXPECT_EQ(Show(p), c.want) << c.description << " / " << p.note;
    EXPECT_EQ(p.fee.description, c.description);
  }
  EXPECT_EQ(ParseFee("CHARGE", 1000, "").fee.type, FeeType::kCharge);
  EXPECT_EQ(AmountsInText("Phí 2 triệu đồng, lệ phí 1.200.000đ, 300 VNĐ; Điều 5 Nghị định 10/2020"),
            (std::vector<std::int64_t>{2000000, 1200000, 300}));
}

TEST(NationalParseTest, LevelsChannelsOnline) {
  LevelFlags f;
  EXPECT_EQ(MapLevel(f).confidence, Confidence::kUnparsed);
  f.is_ward = true;
  EXPECT_EQ(*MapLevel(f).level, Level::kCommune);
  f.is_province = true;
  EXPECT_EQ(*MapLevel(f).level, Level::kInterLevel);
  EXPECT_EQ(MapLevel(f).confidence, Confidence::kDoubtful);
  f = {};
  f.is_province = true;
  EXPECT_EQ(MapLevel(f).confidence, Confidence::kParsed);
  f = {};
  f.is_ministry = true;
  EXPECT_EQ(*MapLevel(f).level, Level::kCentral);
  EXPECT_EQ(MapLevel(f).confidence, Confidence::kDoubtful);

  EXPECT_EQ(*MapSubmissionMethod("DIRECT"), Channel::kInPerson);
  EXPECT_EQ(*MapSubmissionMethod("POSTAL"), Channel::kPostal);
  EXPECT_FALSE(MapSubmissionMethod("FAX").ok());

  EXPECT_EQ(MapOnlineLevel(true, false, true).level, OnlineLevel::kFull);
  EXPECT_EQ(MapOnlineLevel(false, false, true).level, OnlineLevel::kPartial);
  EXPECT_EQ(MapOnlineLevel(false, true, true).level, OnlineLevel::kNone);
  EXPECT_EQ(MapOnlineLevel(false, false, false).level, OnlineLevel::kNone);
  EXPECT_EQ(MapOnlineLevel(true, true, true).confidence, Confidence::kDoubtful);
}

TEST(NationalParseTest, NotesOnlyForDoubt) {
  EXPECT_FALSE(NoteFor("channels.online.time", ParseTimeText("05 ngày làm việc")).has_value());
  const auto note = NoteFor("channels.online.time", ParseTimeText("10 ngày"));
  ASSERT_TRUE(note.has_value());
  EXPECT_EQ(note->path, "channels.online.time");
  EXPECT_EQ(note->confidence, Confidence::kDoubtful);
  EXPECT_EQ(note->text, "10 ngày");
  EXPECT_TRUE(NoteFor("level", MapLevel({})).has_value());
  EXPECT_TRUE(NoteFor("fees[0]", ParseFee("FEE", 50, "50.000 đồng")).has_value());
}

}  // namespace
}  // namespace motcua::catalog
