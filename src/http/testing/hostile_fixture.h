#pragma once

// The hostile input tests' fixture: a counter procedure, requests with every text field, the rows
// that any accepted write leaves, and the checks that do not depend on the back end, which run
// against SQLite (http/hostile_input_test.cc) and PostgreSQL (http/hostile_input_pgtest.cc).

#include <string>
#include <vector>

#include "calendar/test_util.h"
#include "http/testing/api_fixture.h"

namespace motcua::http::testing {

// Text that means something to SQL, to printf and to a shell.
inline const std::vector<std::string> kMetacharacters = {
    "'; DROP TABLE dossiers; --",
    "Robert'); DELETE FROM dossier_events WHERE ('1'='1",
    "O'Brien \"Ông Ba\" \\ 100% _x_ \\' \\\" \\\\",
    "%s %n %d $1 ?1 :name @p ${HOME} `id` $(id)",
    "\" OR \"\"=\" /* */ ; SELECT * FROM users --",
};

class HostileFixture : public ApiFixture {
 protected:
  HostileFixture() : ApiFixture(calendar::testing::L("2026-03-02 08:00")) {}

  void SetUp() override {
    ApiFixture::SetUp();
    ImportCounterProcedure();
  }

  // A counter reception with every text field given.
  static json Reception() {
    return {{"procedure_code", "1.000001"},
            {"case_name", ""},
            {"channel", "in-person"},
            {"postal_item", "EB123456789VN"},
            {"decision", "guide"},
            {"reason", "Thiếu giấy xác nhận tình trạng hôn nhân"},
            {"items", {"Giấy xác nhận tình trạng hôn nhân"}},
            {"applicant",
             {{"name", "Nguyễn Thị Hương"},
              {"id_number", "001190012345"},
              {"address", "Phường Hòa Bình"},
              {"commune_code", "26734"},
              {"phone", "0912345678"},
              {"email", "huong@example.vn"}}},
            {"components",
             {{{"name", "Tờ khai đăng ký kết hôn"},
               {"provision", "paper-original"},
               {"file_sha256", std::string(64, 'a')}}}}};
  }

  // Rows of `table` in the test database, read beside the server's own connections.
  virtual std::int64_t Rows(const std::string& table) = 0;

  // What any accepted write leaves behind.
  std::vector<std::int64_t> Written() {
    return {Rows("dossiers"), Rows("dossier_events"), Rows("idempotency"), Rows("outbox"),
            Rows("attachments")};
  }

  // Expects a 400 problem whose violations name exactly `field`.
  void ExpectRefusedNaming(const httplib::Result& res, const std::string& field,
                           const std::string& context) {
    ASSERT_TRUE(res) << context;
    EXPECT_EQ(res->status, 400) << context << "\n" << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/problem+json") << context;
    EXPECT_EQ(Fields(res), std::vector<std::string>{field}) << context << "\n" << res->body;
  }

  std::int64_t Receive(const Session& s, const json& body) {
    auto res = Send("POST", "/api/v1/dossiers", &s, body.dump());
    EXPECT_TRUE(res && res->status == 201) << (res ? res->body : "no answer");
    return res && res->status == 201 ? Body(res)["id"].get<std::int64_t>() : 0;
  }

  // SQL, printf and shell metacharacters in the free-text fields of receptions and a command:
  // stored and read back verbatim; where names are expected, refused or not found.
  void ExpectSqlMetacharactersStoredAndReadBackVerbatim() {
    Session reception = Login("tiepnhan");
    for (std::size_t i = 0; i < kMetacharacters.size(); ++i) {
      const std::string& text = kMetacharacters[i];
      json body = Reception();
      body["components"][0].erase("file_sha256");
      body["applicant"]["name"] = text;
      body["applicant"]["address"] = text + " (địa chỉ)";
      body["reason"] = text + " (lý do)";
      body["items"] = {text, "Giấy tờ " + text};
      const std::int64_t id = Receive(reception, body);
      ASSERT_GT(id, 0) << text;
      const json d = Body(Send("GET", "/api/v1/dossiers/" + std::to_string(id), &reception));
      EXPECT_EQ(d["applicant"]["name"], text);
      EXPECT_EQ(d["applicant_name"], text);
      EXPECT_EQ(d["applicant"]["address"], text + " (địa chỉ)");
      ASSERT_FALSE(d["events"].empty());
      EXPECT_EQ(d["events"][0]["reason"], text + " (lý do)");
      EXPECT_EQ(d["events"][0]["items"], json({text, "Giấy tờ " + text}));
    }
    // A command's opinion, received then forwarded with one.
    json body = Reception();
    body["decision"] = "receive";
    body.erase("reason");
    body.erase("items");
    body["components"][0].erase("file_sha256");
    const std::int64_t id = Receive(reception, body);
    ASSERT_GT(id, 0);
    auto forwarded =
        Command(reception, id, {{"command", "forward"}, {"reason", kMetacharacters[0]}});
    ASSERT_EQ(forwarded->status, 200) << forwarded->body;
    const json events = Body(forwarded)["events"];
    EXPECT_EQ(events.back()["reason"], kMetacharacters[0]);
    // Metacharacters where names are expected are refused or not found, never executed.
    for (const std::string& text : kMetacharacters) {
      auto rework = Command(reception, id, {{"command", "forward"}, {"to_step", text}});
      ASSERT_TRUE(rework);
      EXPECT_GE(rework->status, 400) << rework->body;
      EXPECT_LT(rework->status, 500) << rework->body;
      auto lookup = client_->Get("/api/v1/lookup",
                                 httplib::Params{{"code", text}, {"secret", text.substr(0, 40)}},
                                 httplib::Headers{});
      ASSERT_TRUE(lookup);
      EXPECT_EQ(lookup->status, 404) << lookup->body;
      auto queue = client_->Get("/api/v1/queues/open", httplib::Params{{"cursor", text}},
                                httplib::Headers{{"Cookie", reception.cookie}});
      ASSERT_TRUE(queue);
      EXPECT_EQ(queue->status, 400) << queue->body;
      EXPECT_EQ(Fields(queue), std::vector<std::string>{"cursor"});
    }
    // Every table is still there, with every row.
    EXPECT_EQ(Rows("dossiers"), static_cast<std::int64_t>(kMetacharacters.size()) + 1);
    EXPECT_GT(Rows("dossier_events"), 0);
    EXPECT_GT(Rows("users"), 0);
  }
};

}  // namespace motcua::http::testing
