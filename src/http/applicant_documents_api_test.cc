// The applicant's data store over HTTP: what is already digitized for a personal identification
// number, newest first and paginated, for reception officers only, audited; and a held file
// reused at the counter without being uploaded again.
#include "calendar/test_util.h"
#include "http/testing/api_fixture.h"

namespace motcua::http {
namespace {

using calendar::testing::L;
using testing::Session;

constexpr char kHuong[] = "001190012345";
constexpr char kOther[] = "079085001122";

class ApplicantDocumentsApiTest : public testing::ApiFixture {
 protected:
  ApplicantDocumentsApiTest() : ApiFixture(L("2026-03-02 08:00")) {}

  void SetUp() override {
    ApiFixture::SetUp();
    ImportCounterProcedure();
  }

  // Uploads a small PDF; answers its SHA-256.
  std::string Upload(const Session& s, const std::string& text) {
    auto res =
        client_->Post("/api/v1/attachments", {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}},
                      "%PDF-1.7\n" + text + "\n%%EOF\n", "application/pdf");
    EXPECT_EQ(res->status, 201) << res->body;
    return Body(res)["sha256"];
  }

  static json Reception(const std::string& id_number, const std::string& provision,
                        const std::string& sha256) {
    return json{{"procedure_code", "1.000001"},
                {"applicant",
                 {{"name", "Nguyễn Thị Hương"},
                  {"id_number", id_number},
                  {"address", "Phường Hòa Bình"},
                  {"phone", "0912345678"}}},
                {"components",
                 {{{"name", "Tờ khai đăng ký kết hôn"},
                   {"provision", provision},
                   {"file_sha256", sha256}}}}};
  }

  // Receives a dossier at the counter; answers its code.
  httplib::Result Receive(const Session& s, const std::string& id_number,
                          const std::string& provision, const std::string& sha256) {
    json body = Reception(id_number, provision, sha256);
    body["channel"] = "in-person";
    body["decision"] = "receive";
    return Send("POST", "/api/v1/dossiers", &s, body.dump());
  }

  json Documents(const Session& s, const std::string& query) {
    auto res = Send("GET", "/api/v1/applicants/" + query, &s);
    EXPECT_EQ(res->status, 200) << res->body;
    return Body(res);
  }
};

TEST_F(ApplicantDocumentsApiTest, ListsTheApplicantsDigitizedDocumentsNewestFirst) {
  Session citizen = Login("congdan");
  Session reception = Login("tiepnhan");
  // 1: submitted online by the citizen with the form as a file.
  const std::string online = Upload(citizen, "Tờ khai nộp trực tuyến");
  auto first = Send("POST", "/api/v1/dossiers/online", &citizen,
                    Reception(kHuong, "electronic", online).dump());
  ASSERT_EQ(first->status, 201) << first->body;
  // 2: at the counter, the paper form digitized there.
  clock_.Set(L("2026-03-02 09:00"));
  const std::string scanned = Upload(reception, "Tờ khai (bản quét tại quầy)");
  auto second = Receive(reception, kHuong, "paper-original", scanned);
  ASSERT_EQ(second->status, 201) << second->body;
  // 3: someone else's.
  const std::string others = Upload(reception, "Tờ khai của người khác");
  ASSERT_EQ(Receive(reception, kOther, "paper-copy", others)->status, 201);

  json page = Documents(reception, std::string(kHuong) + "/documents");
  ASSERT_EQ(page["items"].size(), 2u) << page.dump();
  EXPECT_TRUE(page["next_cursor"].is_null());
  const json& newest = page["items"][0];
  EXPECT_EQ(newest["name"], "Tờ khai đăng ký kết hôn");
  EXPECT_EQ(newest["kind"], "component");
  EXPECT_EQ(newest["file_sha256"], scanned);
  EXPECT_EQ(newest["media_type"], "application/pdf");
  EXPECT_EQ(newest["size"], 52);  // "%PDF-1.7\n", 36 bytes of UTF-8 text, "\n%%EOF\n"
  EXPECT_EQ(newest["dossier_code"], "H99.01-260302-0002");  // the online one has 0001
  EXPECT_EQ(newest["at"]["local"], "2026-03-02 09:00");
  const json& oldest = page["items"][1];
  EXPECT_EQ(oldest["file_sha256"], online);
  EXPECT_EQ(oldest["dossier_id"], Body(first)["id"]);
  EXPECT_EQ(oldest["at"]["local"], "2026-03-02 08:00");

  // One a page: the cursor leads to the older one, then the list ends.
  json one = Documents(reception, std::string(kHuong) + "/documents?limit=1");
  ASSERT_EQ(one["items"].size(), 1u);
  EXPECT_EQ(one["items"][0]["file_sha256"], scanned);
  ASSERT_TRUE(one["next_cursor"].is_string());
  json two = Documents(reception, std::string(kHuong) + "/documents?limit=1&cursor=" +
                                      one["next_cursor"].get<std::string>());
  ASSERT_EQ(two["items"].size(), 1u);
  EXPECT_EQ(two["items"][0]["file_sha256"], online);
  EXPECT_TRUE(two["next_cursor"].is_null());

  // The other applicant's own.
  json theirs = Documents(reception, std::string(kOther) + "/documents");
  ASSERT_EQ(theirs["items"].size(), 1u);
  EXPECT_EQ(theirs["items"][0]["file_sha256"], others);

  // Every look is in the audit log: who, for which number.
  int looks = 0;
  ASSERT_TRUE(store_
                  ->Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(auto records, tx.ListAudit({0, 500}));
                    for (const auto& r : records) {
                      if (r.action != "applicant.documents") continue;
                      ++looks;
                      EXPECT_EQ(r.actor, "tiepnhan");
                      EXPECT_TRUE(r.object_id == kHuong || r.object_id == kOther) << r.object_id;
                    }
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(looks, 4);
}

// The result document issued with a file joins the data store, before the dossier's components.
TEST_F(ApplicantDocumentsApiTest, AResultIssuedWithAFileIsHeldToo) {
  Session reception = Login("tiepnhan");
  const std::string scanned = Upload(reception, "Tờ khai (bản quét)");
  auto created = Receive(reception, kHuong, "paper-original", scanned);
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string id = std::to_string(Body(created)["id"].get<std::int64_t>());
  auto command = [&](const Session& s, json c) {
    c["version"] = Body(Send("GET", "/api/v1/dossiers/" + id, &s))["version"];
    auto res = Send("POST", "/api/v1/dossiers/" + id + "/commands", &s, c.dump());
    EXPECT_EQ(res->status, 200) << res->body;
  };
  command(reception, {{"command", "forward"}});
  clock_.Set(L("2026-03-04 09:00"));
  reception = Login("tiepnhan");
  command(Login("chuyenvien"), {{"command", "forward"}, {"reason", "Đủ điều kiện"}});
  Session head = Login("giamdoc");
  const std::string result = Upload(head, "Giấy chứng nhận kết hôn");
  command(head, {{"command", "issue"}, {"reference", "12/GCNKH"}, {"file_sha256", result}});

  json page = Documents(reception, std::string(kHuong) + "/documents");
  ASSERT_EQ(page["items"].size(), 2u) << page.dump();
  EXPECT_EQ(page["items"][0]["kind"], "result");
  EXPECT_EQ(page["items"][0]["file_sha256"], result);
  EXPECT_EQ(page["items"][0]["name"],
            "Kết quả: " + Body(created)["procedure_name"].get<std::string>());
  EXPECT_EQ(page["items"][0]["at"]["local"], "2026-03-04 09:00");
  EXPECT_EQ(page["items"][1]["kind"], "component");
  EXPECT_EQ(page["items"][1]["file_sha256"], scanned);
  // A page ending inside a dossier resumes there.
  json second = Documents(
      reception, std::string(kHuong) + "/documents?limit=1&cursor=" +
                     Documents(reception, std::string(kHuong) + "/documents?limit=1")["next_cursor"]
                         .get<std::string>());
  ASSERT_EQ(second["items"].size(), 1u);
  EXPECT_EQ(second["items"][0]["file_sha256"], scanned);
}

TEST_F(ApplicantDocumentsApiTest, RefusesMalformedNumbersCursorsAndOfficersWhoDoNotReceive) {
  Session reception = Login("tiepnhan");
  for (const char* bad : {"00119001234", "0011900123456", "00119001234x", "abc"}) {
    auto res = Send("GET", std::string("/api/v1/applicants/") + bad + "/documents", &reception);
    EXPECT_EQ(res->status, 400) << bad;
    EXPECT_EQ(Fields(res), std::vector<std::string>{"id_number"}) << bad;
  }
  for (const char* bad : {"x", "1.", ".1", "0.0", "1.2.3", "-1.0"}) {
    auto res = Send("GET", std::string("/api/v1/applicants/") + kHuong + "/documents?cursor=" + bad,
                    &reception);
    EXPECT_EQ(Fields(res), std::vector<std::string>{"cursor"}) << bad;
  }
  for (const char* user : {"chuyenvien", "congdan"}) {
    Session s = Login(user);
    auto res = Send("GET", std::string("/api/v1/applicants/") + kHuong + "/documents", &s);
    EXPECT_EQ(res->status, 403) << user << " " << res->body;
  }
  EXPECT_EQ(
      Send("GET", std::string("/api/v1/applicants/") + kHuong + "/documents", nullptr)->status,
      401);
}

TEST_F(ApplicantDocumentsApiTest, AHeldDocumentIsReusedWithoutUploadingItAgain) {
  Session citizen = Login("congdan");
  Session reception = Login("tiepnhan");
  const std::string held = Upload(citizen, "Tờ khai nộp trực tuyến");
  ASSERT_EQ(Send("POST", "/api/v1/dossiers/online", &citizen,
                 Reception(kHuong, "electronic", held).dump())
                ->status,
            201);
  const std::string others = Upload(citizen, "Tờ khai của người khác");
  ASSERT_EQ(Send("POST", "/api/v1/dossiers/online", &citizen,
                 Reception(kOther, "electronic", others).dump())
                ->status,
            201);

  // The reception officer never uploaded it: taken from the applicant's data store by its hash.
  auto reused = Receive(reception, kHuong, "data-store", held);
  ASSERT_EQ(reused->status, 201) << reused->body;
  const json component = Body(reused)["components"][0];
  EXPECT_EQ(component["provision"], "data-store");
  EXPECT_EQ(component["file_sha256"], held);
  // Someone else's file is not this applicant's to reuse; nor is a file named as uploaded.
  EXPECT_EQ(Fields(Receive(reception, kHuong, "data-store", others)),
            std::vector<std::string>{"components[0].file_sha256"});
  EXPECT_EQ(Fields(Receive(reception, kHuong, "paper-copy", held)),
            std::vector<std::string>{"components[0].file_sha256"});
  // The reuse is recorded on the new dossier, not listed again as a new document.
  EXPECT_EQ(Documents(reception, std::string(kHuong) + "/documents")["items"].size(), 1u);
}

}  // namespace
}  // namespace motcua::http
