#include "common/result.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return Error::InvalidField("x", "must be even");
  return x / 2;
}

Result<int> Quarter(int x) {
  MOTCUA_ASSIGN_OR_RETURN(int h, Half(x));
  MOTCUA_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

Status CheckPositive(int x) {
  if (x <= 0) return Error::InvalidArgument("not positive");
  return Ok();
}

Status Both(int x) {
  MOTCUA_RETURN_IF_ERROR(CheckPositive(x));
  MOTCUA_RETURN_IF_ERROR(Half(x));
  return Ok();
}

TEST(ResultTest, ValueAndErrorPropagate) {
  EXPECT_EQ(*Quarter(8), 2);
  auto r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "x");
}

TEST(ResultTest, StatusPropagates) {
  EXPECT_TRUE(Both(4).ok());
  EXPECT_EQ(Both(-2).error().message, "not positive");
  EXPECT_EQ(Both(3).error().reason, "validation");
}

TEST(ResultTest, ToStringNamesCodeReasonAndFields) {
  EXPECT_EQ(ToString(Error::InvalidField("name", "required")),
            "invalid-argument/validation: invalid request [name: required]");
}

}  // namespace
}  // namespace motcua
