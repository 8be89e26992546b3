// NFC normalisation and list splitting of imported text (text.h).

#include "catalog_io/text.h"

#include <gtest/gtest.h>

namespace motcua::catalog_io {
namespace {

TEST(TextTest, NfcComposesVietnamese) {
  // "Đăng ký kết hôn" with ă, ý, ế, ô written as base letter + combining marks.
  const std::string decomposed =
      "\xC4\x90"
      "a\xCC\x86ng ky\xCC\x81 ke\xCC\x82\xCC\x81t ho\xCC\x82n";
  EXPECT_EQ(Nfc(decomposed), "Đăng ký kết hôn");
  EXPECT_EQ(Nfc("Đăng ký kết hôn"), "Đăng ký kết hôn");
  EXPECT_EQ(Nfc(""), "");
  EXPECT_EQ(Nfc("a\xFF"
                "b"),
            "a\xEF\xBF\xBD"
            "b");  // invalid UTF-8 -> U+FFFD
}

TEST(TextTest, TidyTrims) {
  EXPECT_EQ(Tidy("  Hộ tịch\xC2\xA0\n"), "Hộ tịch");
  EXPECT_EQ(Tidy(" \t "), "");
}

TEST(TextTest, SplitList) {
  EXPECT_EQ(SplitList("đất đai; chuyển nhượng,  ,"),
            (std::vector<std::string>{"đất đai", "chuyển nhượng"}));
  EXPECT_TRUE(SplitList("").empty());
}

}  // namespace
}  // namespace motcua::catalog_io
