// Document numbers and dates read out of legal-basis and decision fields (national_legal.h).

#include "catalog_io/national_legal.h"

#include <gtest/gtest.h>

namespace motcua::catalog_io::internal {
namespace {

TEST(NationalLegalTest, DocumentNumbers) {
  const struct {
    const char* text;
    const char* number;
    bool truncated;
    const char* issuer;
  } cases[] = {
      {"43/2024/QH15", "43/2024/QH15", false, "Quốc hội"},
      {"Luật số 43/2024/QH15 ngày 29/6/2024", "43/2024/QH15", false, "Quốc hội"},
      {"Nghị định 101/2024/NĐ-CP", "101/2024/NĐ-CP", false, "Chính phủ"},
      {"118/2025/NĐ-C", "118/2025/NĐ-C", true, ""},
      {"2304/QĐ-BNNMT", "2304/QĐ-BNNMT", false, ""},
      {"2304/QĐ-", "2304/QĐ-", true, ""},
      {"2304/QĐ", "2304/QĐ", true, ""},
      {"12/2024/QH1", "12/2024/QH1", true, ""},
      {"12/2024/", "12/2024/", true, ""},
      {"1131/QĐ-TTg", "1131/QĐ-TTg", false, "Thủ tướng Chính phủ"},
      {"66/NQ-CP", "66/NQ-CP", false, "Chính phủ"},
      {"47/2019/TT-BTC", "47/2019/TT-BTC", false, ""},
      {"1023/2015/UBTVQH13", "1023/2015/UBTVQH13", false, "Ủy ban Thường vụ Quốc hội"},
      {"Luật Đất đai ngày 18/01/2024;", "", false, ""},  // a date is not a number
      {"Không có", "", false, ""},
  };
  for (const auto& c : cases) {
    const DocumentNumber d = FindDocumentNumber(c.text);
    EXPECT_EQ(d.number, c.number) << c.text;
    EXPECT_EQ(d.truncated, c.truncated) << c.text;
    EXPECT_EQ(d.issuer, c.issuer) << c.text;
  }
}

TEST(NationalLegalTest, Dates) {
  EXPECT_EQ(FindDate("Luật số 43/2024/QH15 ngày 29/6/2024"), (calendar::CivilDate{2024, 6, 29}));
  EXPECT_EQ(FindDate("Luật Đất đai ngày 18/01/2024;"), (calendar::CivilDate{2024, 1, 18}));
  EXPECT_EQ(FindDate("43/2024/QH15"), std::nullopt);
  EXPECT_EQ(FindDate("ngày 30/02/2024"), std::nullopt);
  EXPECT_EQ(FindDate(""), std::nullopt);
}

}  // namespace
}  // namespace motcua::catalog_io::internal
