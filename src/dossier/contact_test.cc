#include <gtest/gtest.h>

#include "dossier/dossier.h"

namespace motcua::dossier {
namespace {

TEST(ContactTest, EmailAddresses) {
  EXPECT_TRUE(IsEmailAddress("huong@example.vn"));
  EXPECT_TRUE(IsEmailAddress("nguyen.thi.huong+hs@so-tu-phap.haiphong.gov.vn"));
  EXPECT_FALSE(IsEmailAddress(""));
  EXPECT_FALSE(IsEmailAddress("huong"));
  EXPECT_FALSE(IsEmailAddress("@example.vn"));
  EXPECT_FALSE(IsEmailAddress("huong@"));
  EXPECT_FALSE(IsEmailAddress("a@b@c"));
  EXPECT_FALSE(IsEmailAddress("huong @example.vn"));
  // Nothing that could end an SMTP header or command.
  EXPECT_FALSE(IsEmailAddress("huong@example.vn\r\nBcc: all@example.vn"));
  EXPECT_FALSE(IsEmailAddress("<huong@example.vn>"));
  EXPECT_FALSE(IsEmailAddress("a@example.vn,b@example.vn"));
  EXPECT_FALSE(IsEmailAddress(std::string(250, 'a') + "@b.vn"));
}

TEST(ContactTest, PhoneNumbers) {
  EXPECT_TRUE(IsPhoneNumber("0912345678"));
  EXPECT_TRUE(IsPhoneNumber("+84 912 345 678"));
  EXPECT_TRUE(IsPhoneNumber("0225.3842.123"));
  EXPECT_FALSE(IsPhoneNumber(""));
  EXPECT_FALSE(IsPhoneNumber("1234567"));      // too short
  EXPECT_FALSE(IsPhoneNumber("0912345678x"));  // a letter
  EXPECT_FALSE(IsPhoneNumber("091-"));
  EXPECT_FALSE(IsPhoneNumber("++84912345678"));
  EXPECT_FALSE(IsPhoneNumber("0912 345 678 901 234"));  // 17 digits
}

}  // namespace
}  // namespace motcua::dossier
