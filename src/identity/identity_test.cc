#include "identity/identity.h"

#include <gtest/gtest.h>

namespace motcua::identity {
namespace {

TEST(UnitCodeTest, AcceptsBothOfficialForms) {
  for (const char* ok : {"000.00.00.H38", "H55.242", "G12", "000.00.12.H38", "H38.1.2"}) {
    EXPECT_TRUE(ValidateUnitCode(ok).ok()) << ok;
  }
}

TEST(UnitCodeTest, RejectsMalformedCodes) {
  for (const char* bad : {"", "h38", "000..H38", ".H38", "H38.", "000.00.00", "H3",
                          "000.00.00.H38.000.00.00.000.000.000.12"}) {
    auto s = ValidateUnitCode(bad);
    ASSERT_FALSE(s.ok()) << bad;
    ASSERT_EQ(s.error().fields.size(), 1u);
    EXPECT_EQ(s.error().fields[0].field, "code");
  }
}

TEST(RoleTest, NamesRoundTrip) {
  for (Role r : kAllRoles) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_EQ(ParseRole("root"), std::nullopt);
  RoleSet s{Role::kSpecialist, Role::kInspector};
  EXPECT_EQ(RoleSet::FromBits(s.bits()), s);
  EXPECT_EQ(s.list(), (std::vector<Role>{Role::kSpecialist, Role::kInspector}));
}

TEST(UserTest, ValidationNamesEachBadField) {
  User u;
  u.username = "A";
  auto s = ValidateUser(u);
  ASSERT_FALSE(s.ok());
  std::vector<std::string> fields;
  for (const auto& f : s.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"username", "full_name", "roles", "unit_id"}));
  u = User{};
  u.username = "nguyen.van.a";
  u.full_name = "Nguyễn Văn A";
  u.roles = {Role::kSpecialist};
  u.unit_id = 3;
  EXPECT_TRUE(ValidateUser(u).ok());
}

TEST(LockoutTest, BacksOffAfterFourFailures) {
  struct {
    std::int64_t failures, seconds;
  } cases[] = {{0, 0}, {4, 0}, {5, 30}, {6, 60}, {7, 120}, {11, 1920}, {12, 3600}, {100, 3600}};
  for (auto c : cases) EXPECT_EQ(LockoutSeconds(c.failures), c.seconds) << c.failures;
}

}  // namespace
}  // namespace motcua::identity
