#include "http/json_input.h"

#include <gtest/gtest.h>

namespace motcua::http {
namespace {

std::vector<std::string> Fields(const Status& s) {
  std::vector<std::string> out;
  if (!s.ok()) {
    for (const auto& f : s.error().fields) out.push_back(f.field);
  }
  return out;
}

TEST(JsonInputTest, ReadsKnownFields) {
  auto in = JsonInput::Parse(R"({"name":"Sở Tư pháp","parent_id":3,"active":true,"roles":["a"]})");
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in->String("name", {.required = true}), "Sở Tư pháp");
  EXPECT_EQ(in->Int("parent_id"), 3);
  EXPECT_EQ(in->Bool("active"), true);
  EXPECT_EQ(in->StringList("roles"), (std::vector<std::string>{"a"}));
  EXPECT_EQ(in->String("absent"), std::nullopt);
  EXPECT_TRUE(in->Finish().ok());
}

TEST(JsonInputTest, EveryProblemNamesItsField) {
  auto in = JsonInput::Parse(
      R"({"name":7,"code":"xxxxxxxxxxx","n":1.5,"big":18446744073709551615,"flag":"yes",)"
      R"("list":[1],"extra":1,"other":null})");
  ASSERT_TRUE(in.ok());
  (void)in->String("name");
  (void)in->String("code", {.max_bytes = 10});
  (void)in->Int("n");
  (void)in->Int("big");
  (void)in->Bool("flag");
  (void)in->StringList("list");
  (void)in->String("missing", {.required = true});
  (void)in->Int("small", {});
  auto s = in->Finish();
  EXPECT_EQ(Fields(s), (std::vector<std::string>{"name", "code", "n", "big", "flag", "list[0]",
                                                 "missing", "extra", "other"}));
  EXPECT_EQ(s.error().reason, "validation");
}

TEST(JsonInputTest, RangesAndLengths) {
  auto in = JsonInput::Parse(R"({"limit":0,"name":""})");
  (void)in->Int("limit", {.min = 1, .max = 200});
  (void)in->String("name", {.min_bytes = 1});
  EXPECT_EQ(Fields(in->Finish()), (std::vector<std::string>{"limit", "name"}));
}

TEST(JsonInputTest, InvalidUtf8NamesTheFieldWhereItIs) {
  auto bad = JsonInput::Parse("{\"code\":\"H38\",\"name\":\"S\xc6\"}");
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.error().fields.size(), 1u);
  EXPECT_EQ(bad.error().fields[0].field, "name");
  auto nested = JsonInput::Parse("{\"a\":{\"b\":[\"ok\",\"\xff\"]}}");
  EXPECT_EQ(nested.error().fields.at(0).field, "a.b[1]");
}

TEST(JsonInputTest, MalformedBodiesAreFieldBody) {
  for (const char* body : {"", "not json", "[1,2]", "\"s\"", "{\"a\":1", "{\"a\":1}}"}) {
    auto r = JsonInput::Parse(body);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_FALSE(r.error().fields.empty());
  }
  EXPECT_EQ(JsonInput::Parse("[1]").error().fields[0].field, "body");
}

TEST(Utf8Test, AcceptsVietnameseAndRejectsBadSequences) {
  EXPECT_TRUE(IsValidUtf8("Đăng ký kết hôn — 😀"));
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(IsValidUtf8("abc\xe1\xba"));       // truncated
  EXPECT_FALSE(IsValidUtf8("\x80"));
}

}  // namespace
}  // namespace motcua::http
