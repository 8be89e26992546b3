// Folding (fold.h): every Vietnamese vowel with every tone, upper and lower case, precomposed,
// decomposed and mixed; đ/Đ; tokens.

#include "catalog/fold.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motcua::catalog {
namespace {

std::string Utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// Splits a UTF-8 string of precomposed letters into one string per letter.
std::vector<std::string> Letters(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0xE0)
      len = 3;
    else if (b >= 0xC0)
      len = 2;
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

// One row per vowel: its base letter, its vowel mark (0 = none) and its six tones precomposed
// (no tone, huyền, sắc, hỏi, ngã, nặng), lower and upper case.
struct Vowel {
  char base;
  char32_t mark;
  const char* lower;
  const char* upper;
};
constexpr char32_t kBreve = 0x306, kCircumflex = 0x302, kHorn = 0x31B;
const Vowel kVowels[] = {
    {'a', 0, "aàáảãạ", "AÀÁẢÃẠ"},           {'a', kBreve, "ăằắẳẵặ", "ĂẰẮẲẴẶ"},
    {'a', kCircumflex, "âầấẩẫậ", "ÂẦẤẨẪẬ"}, {'e', 0, "eèéẻẽẹ", "EÈÉẺẼẸ"},
    {'e', kCircumflex, "êềếểễệ", "ÊỀẾỂỄỆ"}, {'i', 0, "iìíỉĩị", "IÌÍỈĨỊ"},
    {'o', 0, "oòóỏõọ", "OÒÓỎÕỌ"},           {'o', kCircumflex, "ôồốổỗộ", "ÔỒỐỔỖỘ"},
    {'o', kHorn, "ơờớởỡợ", "ƠỜỚỞỠỢ"},       {'u', 0, "uùúủũụ", "UÙÚỦŨỤ"},
    {'u', kHorn, "ưừứửữự", "ƯỪỨỬỮỰ"},       {'y', 0, "yỳýỷỹỵ", "YỲÝỶỸỴ"},
};
constexpr char32_t kTones[] = {0, 0x300, 0x301, 0x309, 0x303, 0x323};

TEST(FoldTest, EveryVowelEveryToneEveryForm) {
  int checked = 0;
  for (const Vowel& v : kVowels) {
    const std::vector<std::string> lower = Letters(v.lower), upper = Letters(v.upper);
    ASSERT_EQ(lower.size(), 6u) << v.lower;
    ASSERT_EQ(upper.size(), 6u) << v.upper;
    const std::string want(1, v.base);
    for (int t = 0; t < 6; ++t) {
      for (bool up : {false, true}) {
        const std::string base(1, up ? static_cast<char>(v.base - 32) : v.base);
        std::string nfd = base;  // base, vowel mark, tone: canonical order
        if (v.mark) nfd += Utf8(v.mark);
        if (kTones[t]) nfd += Utf8(kTones[t]);
        std::string mixed = up ? upper[t] : lower[t];  // precomposed vowel + combining tone
        if (v.mark && kTones[t]) mixed = Letters(up ? v.upper : v.lower)[0] + Utf8(kTones[t]);
        const std::string& nfc = up ? upper[t] : lower[t];
        EXPECT_EQ(Fold(nfc), want) << nfc;
        EXPECT_EQ(Fold(nfd), want) << nfc << " decomposed";
        EXPECT_EQ(Fold(mixed), want) << nfc << " mixed";
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 12 * 6 * 2);
}

TEST(FoldTest, WholeVietnameseRangesFoldToAsciiLetters) {
  for (char32_t cp = 0x1EA0; cp <= 0x1EF9; ++cp) {
    const std::string f = Fold(Utf8(cp));
    ASSERT_EQ(f.size(), 1u) << std::hex << static_cast<std::uint32_t>(cp);
    EXPECT_NE(std::string("aeiouy").find(f[0]), std::string::npos)
        << std::hex << static_cast<std::uint32_t>(cp);
  }
  for (char32_t cp = 0x300; cp <= 0x36F; ++cp) EXPECT_EQ(Fold("a" + Utf8(cp)), "a");
}

TEST(FoldTest, Phrases) {
  const struct {
    const char* in;
    const char* want;
  } cases[] = {
      {"Đăng ký kết hôn", "dang ky ket hon"},
      {"ĐĂNG KÝ KẾT HÔN", "dang ky ket hon"},
      {"D\u0103ng ky\u0301 k\u00EA\u0301t ho\u0302n", "dang ky ket hon"},  // mixed forms
      {"đ Đ Ð", "d d d"},
      {"Cấp Giấy chứng nhận quyền sử dụng đất", "cap giay chung nhan quyen su dung dat"},
      {"1.011442.000.00.00.H38", "1.011442.000.00.00.h38"},
      {"Ünïcode Çà", "unicode ca"},
      {"Ελλάδα", "Ελλάδα"},  // other scripts pass through
      {"a\xFF"
       "b",
       "a\uFFFDb"},                  // invalid UTF-8
      {"\xE1\xBA", "\uFFFD\uFFFD"},  // truncated sequence
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(Fold(c.in), c.want) << c.in;
}

TEST(FoldTest, TokensAndIndexText) {
  EXPECT_EQ(
      Tokenize("Cấp lại Giấy chứng nhận (bản sao), 2025!"),
      (std::vector<std::string>{"cap", "lai", "giay", "chung", "nhan", "ban", "sao", "2025"}));
  EXPECT_EQ(Tokenize("  \u00A0 "), std::vector<std::string>{});
  EXPECT_EQ(Tokenize("hộ\u2013tịch"), (std::vector<std::string>{"ho", "tich"}));
  EXPECT_EQ(IndexText("Đăng  ký, kết hôn"), " dang ky ket hon ");
  EXPECT_EQ(IndexText(""), " ");
}

}  // namespace
}  // namespace motcua::catalog
