#include "app/attachments.h"

#include <gtest/gtest.h>

#include "app/secrets.h"

namespace motcua::app {
namespace {

TEST(AttachmentsTest, TheTypeComesFromTheBytes) {
  EXPECT_EQ(DetectMediaType("%PDF-1.7\n..."), "application/pdf");
  EXPECT_EQ(DetectMediaType("\xFF\xD8\xFF\xE0rest"), "image/jpeg");
  EXPECT_EQ(DetectMediaType(std::string("\x89PNG\r\n\x1A\n\0\0", 10)), "image/png");
  // A script or an executable renamed to .pdf is refused, whatever its name says.
  EXPECT_EQ(DetectMediaType("<script>alert(1)</script>"), std::nullopt);
  EXPECT_EQ(DetectMediaType("MZ\x90\x00"), std::nullopt);
  EXPECT_EQ(DetectMediaType(""), std::nullopt);
  EXPECT_EQ(DetectMediaType("%PD"), std::nullopt);
}

TEST(AttachmentsTest, NamesAreSha256InHex) {
  EXPECT_TRUE(IsSha256Hex(Sha256Hex("abc")));
  EXPECT_FALSE(IsSha256Hex(std::string(63, 'a')));
  EXPECT_FALSE(IsSha256Hex(std::string(64, 'A')));
  EXPECT_FALSE(IsSha256Hex("../../etc/passwd"));
}

}  // namespace
}  // namespace motcua::app
