#include "http/problem.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace motcua::http {
namespace {

TEST(ProblemTest, StatusForEveryCode) {
  EXPECT_EQ(HttpStatus(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatus(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatus(ErrorCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatus(ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatus(ErrorCode::kAborted), 409);
  EXPECT_EQ(HttpStatus(ErrorCode::kResourceExhausted), 429);
  EXPECT_EQ(HttpStatus(ErrorCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatus(ErrorCode::kInternal), 500);
}

TEST(ProblemTest, BodyHasStableTypeAndFields) {
  auto body = nlohmann::json::parse(ProblemJson(Error::InvalidField("code", "is required"), "r1"));
  EXPECT_EQ(body["type"], "https://motcua.vn/problems/invalid-argument/validation");
  EXPECT_EQ(body["status"], 400);
  EXPECT_EQ(body["request_id"], "r1");
  EXPECT_EQ(body["errors"][0]["field"], "code");
}

TEST(ProblemTest, InternalDetailIsNotLeaked) {
  auto body = nlohmann::json::parse(ProblemJson(Error::Internal("SELECT secret FROM x"), "r"));
  EXPECT_EQ(body["detail"], "internal error");
}

}  // namespace
}  // namespace motcua::http
