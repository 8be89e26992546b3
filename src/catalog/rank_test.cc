// Ranking (rank.h): tiers, ordering, and that marks and đ do not matter.

#include "catalog/rank.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motcua::catalog {
namespace {

const std::vector<SearchEntry>& Catalog() {
  static const std::vector<SearchEntry> kEntries = {
      MakeSearchEntry("1.000894", "Đăng ký kết hôn", "Hộ tịch"),
      MakeSearchEntry("1.001022", "Đăng ký kết hôn có yếu tố nước ngoài", "Hộ tịch"),
      MakeSearchEntry("1.000656", "Đăng ký lại kết hôn", "Hộ tịch"),
      MakeSearchEntry("2.000986", "Cấp giấy phép xây dựng", "Hoạt động xây dựng"),
      MakeSearchEntry("1.004227", "Xác nhận tình trạng hôn nhân", "Hộ tịch"),
      MakeSearchEntry("1.011442.000.00.00.H38", "Đăng ký doanh nghiệp", "Thành lập doanh nghiệp"),
  };
  return kEntries;
}

std::vector<std::string> Codes(std::string_view query) {
  std::vector<std::string> out;
  for (std::size_t i : Search(MakeQuery(query), Catalog())) out.push_back(Catalog()[i].code);
  return out;
}

TEST(RankTest, Tiers) {
  const auto& e = Catalog();
  const struct {
    const char* query;
    std::size_t entry;
    MatchTier want;
  } cases[] = {
      {"1.000894", 0, MatchTier::kExactCode},
      {" 1.011442.000.00.00.h38 ", 5, MatchTier::kExactCode},
      {"dang ky ket hon", 0, MatchTier::kNamePhrase},
      {"ĐĂNG KÝ KẾT HÔN", 0, MatchTier::kNamePhrase},
      {"ket hon dang ky", 0, MatchTier::kNameWords},
      {"dang ky ket hon", 2, MatchTier::kNameWords},  // "lại" in between
      {"ket hon ho tich", 0, MatchTier::kNameAndField},
      {"ket hon xay dung", 0, MatchTier::kNone},
      {"ket ho", 0, MatchTier::kNameAndField},  // "ho" is a word of the field "Hộ tịch"
      {"ket h", 0, MatchTier::kNone},           // whole words only
      {"", 0, MatchTier::kNone},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Match(MakeQuery(c.query), e[c.entry]), c.want) << c.query << " / " << c.entry;
  }
}

TEST(RankTest, Ordering) {
  // Phrase matches first, shorter names first within a tier; then words; then name + field.
  EXPECT_EQ(Codes("dang ky ket hon"),
            (std::vector<std::string>{"1.000894", "1.001022", "1.000656"}));
  EXPECT_EQ(Codes("hon nhan"), std::vector<std::string>{"1.004227"});
  EXPECT_EQ(Codes("ho tich ket hon"),
            (std::vector<std::string>{"1.000894", "1.000656", "1.001022"}));
  EXPECT_EQ(Codes("2.000986"), std::vector<std::string>{"2.000986"});
  EXPECT_EQ(Codes("doanh nghiep"), std::vector<std::string>{"1.011442.000.00.00.H38"});
}

TEST(RankTest, EntryColumns) {
  const SearchEntry e = MakeSearchEntry("1.011442.000.00.00.H38", "Đăng ký  kết hôn", "Hộ tịch");
  EXPECT_EQ(e.code_folded, "1.011442.000.00.00.h38");
  EXPECT_EQ(e.name_index, " dang ky ket hon ");
  EXPECT_EQ(e.field_index, " ho tich ");
  EXPECT_EQ(e.name_words, 4);
  const SearchQuery q = MakeQuery("  Kết hôn ");
  EXPECT_EQ(q.phrase, " ket hon ");
  EXPECT_EQ(q.code, "ket hon");
}

}  // namespace
}  // namespace motcua::catalog
