// The dossier API end to end over HTTP: a counter reception through to the returned result, the
// public lookup, idempotent retries, stale versions, unit scope and field-named errors.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <set>
#include <thread>

#include "app/attachments.h"
#include "app/secrets.h"
#include "calendar/test_util.h"
#include "catalog/test_util.h"
#include "catalog_io/xlsx_reader.h"
#include "http/testing/api_fixture.h"

namespace motcua::http {
namespace {

using calendar::testing::L;
using catalog::StepKind;
using testing::Session;

// The text layer of a PDF (poppler's pdftotext).
std::string PdfText(const std::string& pdf) {
  const auto path =
      std::filesystem::temp_directory_path() / ("motcua-form-" + std::to_string(getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  std::string out;
  if (FILE* p =
          popen(("pdftotext -enc UTF-8 '" + path.string() + "' - 2>/dev/null").c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    pclose(p);
  }
  std::filesystem::remove(path);
  return out;
}

// The QR code on the first page (pdftoppm at 150 dpi, then zbarimg).
std::string QrOf(const std::string& pdf) {
  const auto base =
      std::filesystem::temp_directory_path() / ("motcua-qr-" + std::to_string(getpid()));
  std::ofstream(base.string() + ".pdf", std::ios::binary) << pdf;
  const std::string cmd = "pdftoppm -r 150 -png -f 1 -l 1 -singlefile '" + base.string() +
                          ".pdf' '" + base.string() + "' && zbarimg --raw -q '" + base.string() +
                          ".png' 2>/dev/null";
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    pclose(p);
  }
  std::filesystem::remove(base.string() + ".pdf");
  std::filesystem::remove(base.string() + ".png");
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

class DossierApiTest : public testing::ApiFixture {
 protected:
  DossierApiTest() : ApiFixture(L("2026-03-02 08:00")) {}

  void SetUp() override {
    ApiFixture::SetUp();
    ImportCounterProcedure();
  }

  static std::string Reception(const std::string& decision = "receive") {
    return json{
        {"procedure_code", "1.000001"},
        {"channel", "in-person"},
        {"decision", decision},
        {"applicant",
         {{"name", "Nguyễn Thị Hương"},
          {"id_number", "001190012345"},
          {"address", "Phường Hòa Bình"},
          {"phone", "0912345678"}}},
        {"components", {{{"name", "Tờ khai đăng ký kết hôn"}, {"provision", "paper-original"}}}}}
        .dump();
  }
};

TEST_F(DossierApiTest, ReceptionToReturnedResultAndThePublicLookup) {
  Session reception = Login("tiepnhan");
  auto created = Send("POST", "/api/v1/dossiers", &reception, Reception());
  ASSERT_EQ(created->status, 201) << created->body;
  const json d = Body(created);
  const std::int64_t id = d["id"];
  EXPECT_EQ(created->get_header_value("Location"), "/api/v1/dossiers/" + std::to_string(id));
  EXPECT_EQ(d["code"], "H99.01-260302-0001");
  EXPECT_EQ(d["state"]["code"], 2);
  EXPECT_EQ(d["state"]["label"], "Được tiếp nhận");
  EXPECT_EQ(d["times"]["appointment"]["local"], "2026-03-16 08:00");
  EXPECT_EQ(d["times"]["remaining"], "Còn 10 ngày");
  const std::string secret = d["secret"];

  clock_.Set(L("2026-03-02 09:00"));
  ASSERT_EQ(Command(reception, id, {{"command", "forward"}})->status, 200);
  clock_.Set(L("2026-03-06 09:00"));  // sessions expire: log in on the day
  reception = Login("tiepnhan");
  Session specialist = Login("chuyenvien");
  ASSERT_EQ(Command(specialist, id, {{"command", "forward"}, {"reason", "Đủ điều kiện"}})->status,
            200);
  Session head = Login("giamdoc");
  auto issued = Command(head, id, {{"command", "issue"}, {"reference", "123/GCN"}});
  ASSERT_EQ(issued->status, 200) << issued->body;
  EXPECT_EQ(Body(issued)["state"]["code"], 9);
  auto returned = Command(reception, id, {{"command", "return"}, {"return_method", "counter"}});
  ASSERT_EQ(returned->status, 200) << returned->body;
  EXPECT_EQ(Body(returned)["times"]["outcome"], "early");

  const std::string code = d["code"];
  auto lookup = Send("GET", "/api/v1/lookup?code=" + code + "&secret=" + secret, nullptr);
  ASSERT_EQ(lookup->status, 200) << lookup->body;
  const json pub = Body(lookup);
  EXPECT_EQ(pub["applicant_initials"], "N.T.H.");
  EXPECT_EQ(pub["state"]["code"], 10);
  EXPECT_FALSE(pub.contains("applicant"));
  auto wrong = Send("GET", "/api/v1/lookup?code=" + code + "&secret=ABCDEFGH", nullptr);
  auto unknown = Send("GET", "/api/v1/lookup?code=H99.01-260302-0042&secret=" + secret, nullptr);
  EXPECT_EQ(wrong->status, 404);
  json a = Body(wrong), b = Body(unknown);
  a.erase("request_id");
  b.erase("request_id");
  EXPECT_EQ(a, b);

  auto rows = Body(Send("GET", "/api/v1/dossiers/" + std::to_string(id) + "/handovers", &head));
  EXPECT_EQ(rows["items"].size(), 4u);

  // The applicant (a phone, no e-mail) was told twice through the webhook; nothing is sent here.
  auto told = Body(Send("GET", "/api/v1/dossiers/" + std::to_string(id) + "/messages", &head));
  ASSERT_EQ(told["items"].size(), 2u) << told.dump();
  EXPECT_EQ(told["items"][0]["kind"], "received");
  EXPECT_EQ(told["items"][0]["channel"], "webhook");
  EXPECT_EQ(told["items"][0]["recipient"], "0912345678");
  EXPECT_EQ(told["items"][0]["state"], "pending");
  EXPECT_EQ(told["items"][0]["attempts"], 0);
  EXPECT_EQ(told["items"][0]["next_attempt_at"]["local"], "2026-03-02 08:00");
  EXPECT_EQ(told["items"][1]["kind"], "result-ready");
  Session land = Login("chuyenvien.datdai");  // another department: not its dossier
  EXPECT_EQ(Send("GET", "/api/v1/dossiers/" + std::to_string(id) + "/messages", &land)->status,
            404);

  // The forms: 01 with the lookup link and its secret in the QR code, 06 from the hand-overs.
  const std::string forms = "/api/v1/dossiers/" + std::to_string(id) + "/forms/";
  auto slip = Send("GET", forms + "01?secret=" + secret, &reception);
  ASSERT_EQ(slip->status, 200) << slip->body;
  if (const char* keep = std::getenv("MOTCUA_FORM_SAMPLE")) {
    std::ofstream(keep, std::ios::binary) << slip->body;
  }
  EXPECT_EQ(slip->get_header_value("Content-Type"), "application/pdf");
  const std::string text = PdfText(slip->body);
  EXPECT_NE(text.find(code), std::string::npos) << text;
  EXPECT_NE(text.find("Nguyễn Thị Hương"), std::string::npos) << text;
  EXPECT_NE(text.find("10 ngày làm việc"), std::string::npos) << text;
  EXPECT_EQ(QrOf(slip->body), "http://127.0.0.1:8080/tra-cuu?ma=" + code + "&k=" + secret);
  EXPECT_EQ(Send("GET", forms + "01?secret=WRONG", &reception)->status, 400);
  auto sheet = Send("GET", forms + "06", &head);
  ASSERT_EQ(sheet->status, 200) << sheet->body;
  EXPECT_NE(PdfText(sheet->body).find("Sở Tư pháp"), std::string::npos);
  auto apology = Send("GET", forms + "04", &head);
  EXPECT_EQ(apology->status, 409);
  EXPECT_EQ(Body(apology)["type"],
            "https://motcua.vn/problems/failed-precondition/form-not-available");

  // Form 07: the service center's log book for March, with a second dossier still open.
  ASSERT_EQ(Send("POST", "/api/v1/dossiers", &reception, Reception())->status, 201);
  const std::string book = "/api/v1/logbook?unit=H99.01&from=2026-03-01&to=2026-03-31";
  auto listed = Send("GET", book, &reception);
  ASSERT_EQ(listed->status, 200) << listed->body;
  const json entries = Body(listed)["items"];
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0]["code"], code);
  EXPECT_EQ(entries[0]["return_method"], "counter");
  EXPECT_EQ(entries[1]["returned_at"], nullptr);
  auto printed = Send("GET", book + "&format=pdf", &reception);
  ASSERT_EQ(printed->status, 200) << printed->body;
  const std::string log_text = PdfText(printed->body);
  EXPECT_NE(log_text.find("SỔ THEO DÕI HỒ SƠ"), std::string::npos) << log_text;
  EXPECT_NE(log_text.find(code), std::string::npos) << log_text;
  EXPECT_NE(log_text.find("Trực tiếp"), std::string::npos) << log_text;
  // February has none; another department cannot read this unit's book; citizens keep none.
  EXPECT_EQ(Body(Send("GET", "/api/v1/logbook?unit=H99.01&from=2026-02-01&to=2026-02-28",
                      &reception))["items"]
                .size(),
            0u);
  EXPECT_EQ(Send("GET", book, &specialist)->status, 404);
  Session citizen = Login("congdan");
  EXPECT_EQ(Send("GET", book, &citizen)->status, 403);
  EXPECT_EQ(
      Fields(Send("GET", "/api/v1/logbook?unit=H99.01&from=2026-03-31&to=2026-03-01", &reception)),
      std::vector<std::string>{"to"});
}

TEST_F(DossierApiTest, AnOnlineDossierIsReceivedGuidedOrRefusedByCommand) {
  Session citizen = Login("congdan");
  auto scan = client_->Post("/api/v1/attachments",
                            {{"Cookie", citizen.cookie}, {"X-CSRF-Token", citizen.csrf}},
                            "%PDF-1.7\nTờ khai (bản quét)\n%%EOF\n", "application/pdf");
  ASSERT_EQ(scan->status, 201) << scan->body;
  json online = json::parse(Reception());
  online.erase("channel");
  online.erase("decision");
  online["components"][0]["provision"] = "electronic";
  online["components"][0]["file_sha256"] = Body(scan)["sha256"];
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 3; ++i) {
    auto submitted = Send("POST", "/api/v1/dossiers/online", &citizen, online.dump(),
                          {{"Idempotency-Key", "online-" + std::to_string(i)}});
    ASSERT_EQ(submitted->status, 201) << submitted->body;
    EXPECT_EQ(Body(submitted)["state"]["code"], 1);
    ids.push_back(Body(submitted)["id"]);
  }
  Session reception = Login("tiepnhan");
  // The reception inbox has them; a citizen, whose account hangs under the province, reads no
  // queue (it would hold every dossier of the province).
  EXPECT_EQ(Body(Send("GET", "/api/v1/queues/submitted", &reception))["total"], 3);
  for (const char* queue : {"open", "submitted", "unassigned", "mine"}) {
    auto refused = Send("GET", std::string("/api/v1/queues/") + queue, &citizen);
    EXPECT_EQ(refused->status, 403) << queue << " " << refused->body;
  }
  // A submission is not a command; the citizen may not receive their own dossier.
  EXPECT_EQ(Fields(Command(reception, ids[0], {{"command", "submit"}})),
            std::vector<std::string>{"command"});
  EXPECT_EQ(Command(citizen, ids[0], {{"command", "receive"}})->status, 403);
  auto received = Command(reception, ids[0], {{"command", "receive"}});
  ASSERT_EQ(received->status, 200) << received->body;
  EXPECT_EQ(Body(received)["state"]["code"], 2);
  EXPECT_FALSE(Body(received)["times"]["appointment"].is_null());
  auto guided = Command(reception, ids[1],
                        {{"command", "guide"}, {"items", {"Tờ khai đăng ký kết hôn (bản chính)"}}});
  ASSERT_EQ(guided->status, 200) << guided->body;
  EXPECT_EQ(Body(guided)["state"]["code"], 5);
  EXPECT_EQ(Fields(Command(reception, ids[2], {{"command", "refuse"}})),
            std::vector<std::string>{"reason"});
  auto refused = Command(reception, ids[2], {{"command", "refuse"}, {"reason", "Sai thẩm quyền"}});
  ASSERT_EQ(refused->status, 200) << refused->body;
  EXPECT_EQ(Body(refused)["state"]["code"], 3);
  // Once received, it is not received again.
  auto again = Command(reception, ids[0], {{"command", "receive"}});
  EXPECT_EQ(again->status, 409);
  EXPECT_EQ(Body(again)["type"], "https://motcua.vn/problems/failed-precondition/state");
}

TEST_F(DossierApiTest, EachOfficerIsOfferedTheCommandsTheStateMachineAllowsThem) {
  auto allowed = [&](const Session& s, std::int64_t id) {
    std::vector<std::string> out;
    const json d = Body(Send("GET", "/api/v1/dossiers/" + std::to_string(id), &s));
    for (const auto& c : d["allowed_commands"]) out.push_back(c);
    return out;
  };
  auto has = [](const std::vector<std::string>& list, const std::string& c) {
    return std::find(list.begin(), list.end(), c) != list.end();
  };
  Session reception = Login("tiepnhan");
  auto created = Send("POST", "/api/v1/dossiers", &reception, Reception());
  ASSERT_EQ(created->status, 201) << created->body;
  const std::int64_t id = Body(created)["id"];
  // At the reception step: the reception officer forwards; nothing of later steps. The
  // reception's own answer says the same as a read.
  auto at_reception = allowed(reception, id);
  std::vector<std::string> answered_at_reception;
  const json created_body = Body(created);  // kept: the loop reads into it
  for (const auto& c : created_body["allowed_commands"]) answered_at_reception.push_back(c);
  EXPECT_EQ(answered_at_reception, at_reception);
  EXPECT_TRUE(has(at_reception, "forward"));
  EXPECT_FALSE(has(at_reception, "receive"));
  EXPECT_FALSE(has(at_reception, "issue"));
  EXPECT_FALSE(has(at_reception, "return"));
  // The answer to a command carries the list after it.
  auto forwarded = Command(reception, id, {{"command", "forward"}});
  ASSERT_EQ(forwarded->status, 200);
  std::vector<std::string> after;
  const json forwarded_body = Body(forwarded);  // kept: the loop reads into it
  for (const auto& c : forwarded_body["allowed_commands"]) after.push_back(c);
  EXPECT_FALSE(after.empty());
  EXPECT_FALSE(has(after, "forward")) << "the reception officer does not appraise";
  EXPECT_EQ(after, allowed(reception, id)) << "the answer's list is the one a read gives";
  // The specialist at the appraisal step: forward, pause, a supplement request (which needs
  // items and a reason: offered all the same); not resume (not paused), not return.
  Session specialist = Login("chuyenvien");
  auto appraising = allowed(specialist, id);
  EXPECT_TRUE(has(appraising, "forward"));
  EXPECT_TRUE(has(appraising, "pause"));
  EXPECT_TRUE(has(appraising, "request-supplement"));
  EXPECT_FALSE(has(appraising, "resume"));
  EXPECT_FALSE(has(appraising, "return"));
  EXPECT_FALSE(has(appraising, "sign-apology"));
  ASSERT_EQ(
      Command(specialist, id,
              {{"command", "pause"}, {"pause", "expert-assessment"}, {"reason", "Chờ giám định"}})
          ->status,
      200);
  auto paused = allowed(specialist, id);
  {
    auto resumed = Command(specialist, id, {{"command", "resume"}});
    ASSERT_EQ(resumed->status, 200);
    std::vector<std::string> answered;
    const json resumed_body = Body(resumed);
    for (const auto& c : resumed_body["allowed_commands"]) answered.push_back(c);
    EXPECT_EQ(answered, allowed(specialist, id));
    ASSERT_EQ(
        Command(specialist, id,
                {{"command", "pause"}, {"pause", "expert-assessment"}, {"reason", "Chờ giám định"}})
            ->status,
        200);
  }
  EXPECT_TRUE(has(paused, "resume"));
  EXPECT_FALSE(has(paused, "pause"));
  EXPECT_FALSE(has(paused, "forward"));
}

TEST_F(DossierApiTest, RetryWithTheSameKeyReturnsTheFirstDossier) {
  Session reception = Login("tiepnhan");
  httplib::Headers key{{"Idempotency-Key", "quay-3-0001"}};
  auto first = Send("POST", "/api/v1/dossiers", &reception, Reception(), key);
  auto again = Send("POST", "/api/v1/dossiers", &reception, Reception(), key);
  ASSERT_EQ(first->status, 201);
  ASSERT_EQ(again->status, 201);
  EXPECT_EQ(Body(first)["id"], Body(again)["id"]);
  EXPECT_EQ(Body(first)["secret"], Body(again)["secret"]);
  auto other = Send("POST", "/api/v1/dossiers", &reception, Reception("guide"), key);
  EXPECT_EQ(other->status, 409) << other->body;
  EXPECT_EQ(Body(other)["type"],
            "https://motcua.vn/problems/failed-precondition/idempotency-key-reused");
  auto queue = Body(Send("GET", "/api/v1/queues/open", &reception));
  EXPECT_EQ(queue["total"], 1);
}

TEST_F(DossierApiTest, StaleVersionIs409AndAnotherDepartmentSeesNothing) {
  Session reception = Login("tiepnhan");
  const json d = Body(Send("POST", "/api/v1/dossiers", &reception, Reception()));
  const std::string path = "/api/v1/dossiers/" + std::to_string(d["id"].get<std::int64_t>());
  json stale = {{"command", "forward"}, {"version", d["version"]}};
  ASSERT_EQ(Send("POST", path + "/commands", &reception, stale.dump())->status, 200);
  auto conflict = Send("POST", path + "/commands", &reception, stale.dump());
  EXPECT_EQ(conflict->status, 409);
  EXPECT_EQ(Body(conflict)["type"], "https://motcua.vn/problems/aborted/version-conflict");
  // The land registry's specialist works in another department: the dossier does not exist.
  Session land = Login("chuyenvien.datdai");
  EXPECT_EQ(Send("GET", path, &land)->status, 404);
  // The citizen did not submit it either.
  Session citizen = Login("congdan");
  EXPECT_EQ(Send("GET", path, &citizen)->status, 404);
}

TEST_F(DossierApiTest, TwoOfficersAtOnceOneWinsTheOtherGets409WithTheCurrentVersion) {
  const Session first = Login("tiepnhan"), second = Login("tiepnhan");
  for (int round = 0; round < 10; ++round) {
    const json d = Body(Send("POST", "/api/v1/dossiers", &first, Reception()));
    const std::string path =
        "/api/v1/dossiers/" + std::to_string(d["id"].get<std::int64_t>()) + "/commands";
    const std::string body = json{{"command", "forward"}, {"version", d["version"]}}.dump();
    std::atomic<int> ready{0};
    auto act = [&](const Session& s) {
      httplib::Client c("127.0.0.1", server_->port());
      ready.fetch_add(1);
      while (ready.load() < 2) std::this_thread::yield();
      return c.Post(path, {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}}, body,
                    "application/json");
    };
    auto a = std::async(std::launch::async, act, std::cref(first));
    auto b = std::async(std::launch::async, act, std::cref(second));
    auto ra = a.get(), rb = b.get();
    ASSERT_TRUE(ra && rb);
    std::multiset<int> statuses = {ra->status, rb->status};
    ASSERT_EQ(statuses, (std::multiset<int>{200, 409})) << ra->body << rb->body;
    const auto& loser = ra->status == 409 ? ra : rb;
    EXPECT_NE(Body(loser)["detail"].get<std::string>().find(
                  "is at version " + std::to_string(d["version"].get<int>() + 1)),
              std::string::npos)
        << loser->body;
    // Nothing lost, nothing doubled: exactly one forward was appended.
    const json now = Body(Send("GET", path.substr(0, path.rfind('/')), &first));
    EXPECT_EQ(now["version"], d["version"].get<int>() + 1);
  }
}

// Each use case reads the calendar in its own transaction: sixteen receptions and queue reads at
// once on a store with four reader connections never wait for a fifth (they used to deadlock
// and answer 503 after 30 s).
TEST_F(DossierApiTest, ManyConcurrentReceptionsNeverStarveTheConnectionPool) {
  const Session reception = Login("tiepnhan");
  std::vector<std::future<std::vector<int>>> clients;
  for (int t = 0; t < 16; ++t) {
    clients.push_back(std::async(std::launch::async, [&, t] {
      httplib::Client c("127.0.0.1", server_->port());
      c.set_read_timeout(60, 0);
      const httplib::Headers h = {{"Cookie", reception.cookie}, {"X-CSRF-Token", reception.csrf}};
      std::vector<int> statuses;
      for (int i = 0; i < 5; ++i) {
        auto r = t % 4 == 0 ? c.Get("/api/v1/queues/open", h)
                            : c.Post("/api/v1/dossiers", h, Reception(), "application/json");
        statuses.push_back(r ? r->status : -1);
      }
      return statuses;
    }));
  }
  int created = 0;
  for (auto& f : clients) {
    for (int status : f.get()) {
      EXPECT_TRUE(status == 200 || status == 201) << status;
      created += status == 201;
    }
  }
  EXPECT_EQ(created, 60);
  EXPECT_EQ(Body(Send("GET", "/api/v1/queues/open", &reception))["total"], 60);
}

TEST_F(DossierApiTest, ACalendarEditMovesTheStoredDueInstantsAndSaysHowMany) {
  Session reception = Login("tiepnhan");
  const json d = Body(Send("POST", "/api/v1/dossiers", &reception, Reception()));
  ASSERT_EQ(d["times"]["due"]["local"], "2026-03-16 08:00");
  Session admin = Login("admin");
  json national;
  const json calendars = Body(Send("GET", "/api/v1/calendars", &admin));
  for (const auto& c : calendars["items"]) {
    if (c["code"] == "national") national = c;
  }
  ASSERT_TRUE(national.is_object()) << calendars.dump();
  // The province closes its offices on Friday 6 March: the dossier is due one working day later.
  auto closed =
      Send("POST", "/api/v1/calendars/" + std::to_string(national["id"].get<int>()) + "/closures",
           &admin,
           json{{"version", national["version"]},
                {"date", "2026-03-06"},
                {"reason", "Nghỉ theo quyết định của tỉnh"}}
               .dump());
  ASSERT_EQ(closed->status, 201) << closed->body;
  EXPECT_EQ(Body(closed)["dossiers_moved"], 1);
  const json queue = Body(Send("GET", "/api/v1/queues/open", &reception));
  ASSERT_EQ(queue["items"].size(), 1u);
  EXPECT_EQ(queue["items"][0]["due"]["local"], "2026-03-17 08:00");
}

TEST_F(DossierApiTest, TheClockTraceExplainsTheDueInstantWithThePause) {
  Session reception = Login("tiepnhan");
  const json d = Body(Send("POST", "/api/v1/dossiers", &reception, Reception()));
  const std::int64_t id = d["id"];
  const std::string path = "/api/v1/dossiers/" + std::to_string(id);
  ASSERT_EQ(Command(reception, id, {{"command", "forward"}})->status, 200);
  // Paused from Tuesday 08:00 to Thursday 08:00: two working days not counted.
  clock_.Set(L("2026-03-03 08:00"));
  Session specialist = Login("chuyenvien");  // sessions expire: log in on the day
  auto paused = Command(
      specialist, id,
      {{"command", "pause"}, {"pause", "expert-assessment"}, {"reason", "Chờ kết quả giám định"}});
  ASSERT_EQ(paused->status, 200) << paused->body;
  clock_.Set(L("2026-03-05 08:00"));
  specialist = Login("chuyenvien");
  ASSERT_EQ(Command(specialist, id, {{"command", "resume"}})->status, 200);

  auto res = Send("GET", path + "/clock", &specialist);
  ASSERT_EQ(res->status, 200) << res->body;
  const json clock = Body(res);
  const json view = Body(Send("GET", path, &specialist));
  EXPECT_EQ(clock["due"], view["times"]["due"]);
  EXPECT_EQ(clock["due"]["local"], "2026-03-18 08:00");
  EXPECT_EQ(clock["appointment"]["local"], "2026-03-16 08:00");
  bool saw_pause = false;
  std::string last_to = clock["received"]["local"];
  for (const auto& seg : clock["segments"]) {
    EXPECT_EQ(seg["from"]["local"], last_to) << "segments are contiguous";
    last_to = seg["to"]["local"];
    if (seg["reason"] == "exclusion") {
      saw_pause = true;
      EXPECT_FALSE(seg["counted"].get<bool>());
      EXPECT_NE(seg["text"].get<std::string>().find("không tính"), std::string::npos) << seg.dump();
    }
  }
  EXPECT_EQ(last_to, clock["due"]["local"]);
  EXPECT_TRUE(saw_pause) << clock["text"];

  // Another department's officer sees nothing.
  Session land = Login("chuyenvien.datdai");
  EXPECT_EQ(Send("GET", path + "/clock", &land)->status, 404);
}

TEST_F(DossierApiTest, AQueueExportsAsAWorkbookWithEveryPage) {
  Session reception = Login("tiepnhan");
  for (int i = 0; i < 205; ++i) {  // more than one page of 200
    ASSERT_EQ(Send("POST", "/api/v1/dossiers", &reception, Reception())->status, 201);
  }
  const json page = Body(Send("GET", "/api/v1/queues/open?limit=1", &reception));
  ASSERT_EQ(page["total"], 205);
  EXPECT_EQ(page["total_exact"], true);
  EXPECT_EQ(page["items"][0]["remaining"], "Còn 10 ngày");
  // A later page is not counted again: the first page's count holds.
  const json later = Body(
      Send("GET", "/api/v1/queues/open?limit=1&cursor=" + page["next_cursor"].get<std::string>(),
           &reception));
  ASSERT_EQ(later["items"].size(), 1u);
  EXPECT_NE(later["items"][0]["id"], page["items"][0]["id"]);
  EXPECT_TRUE(later["total"].is_null()) << later.dump();
  auto res = Send("GET", "/api/v1/queues/open?format=xlsx", &reception);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_NE(res->get_header_value("Content-Disposition").find("ho-so-open.xlsx"),
            std::string::npos);
  auto sheets = catalog_io::ReadXlsx(res->body);
  ASSERT_TRUE(sheets.ok()) << ToString(sheets.error());
  ASSERT_EQ(sheets->size(), 1u);
  const auto& rows = (*sheets)[0].rows;
  ASSERT_EQ(rows.size(), 206u);  // the header and every dossier
  EXPECT_EQ(rows[0].At(1).text, "Mã hồ sơ");
  std::set<std::string> codes;
  for (std::size_t r = 1; r < rows.size(); ++r) codes.insert(rows[r].At(1).text);
  EXPECT_EQ(codes.size(), 205u) << "no dossier twice, none missing";
  EXPECT_EQ(rows[1].At(3).text, "Nguyễn Thị Hương");
  EXPECT_EQ(rows[1].At(9).text, "08:00 16/03/2026");
  EXPECT_EQ(Send("GET", "/api/v1/queues/open?format=pdf", &reception)->status, 400);
}

TEST_F(DossierApiTest, GuessingCodesIsSlowedDownPerAddress) {
  // 30 lookups a minute per address (the default), wrong or right alike; then 429.
  int not_found = 0, limited = 0;
  for (int i = 0; i < 35; ++i) {
    auto res = Send(
        "GET", "/api/v1/lookup?code=H99.01-260302-" + std::to_string(1000 + i) + "&secret=ABCDEFGH",
        nullptr);
    not_found += res->status == 404;
    if (res->status == 429) {
      ++limited;
      EXPECT_EQ(Body(res)["type"], "https://motcua.vn/problems/resource-exhausted/rate-limited");
    }
  }
  EXPECT_EQ(not_found, 30);
  EXPECT_EQ(limited, 5);
}

TEST_F(DossierApiTest, AttachmentsAreStoredByContentAndServedWithinTheDossiersScope) {
  Session reception = Login("tiepnhan");
  auto upload = [&](const Session& s, const std::string& bytes, const std::string& type) {
    return client_->Post("/api/v1/attachments", {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}},
                         bytes, type);
  };
  const std::string pdf = "%PDF-1.7\nTờ khai đăng ký kết hôn (bản quét)\n%%EOF\n";
  auto first = upload(reception, pdf, "application/pdf");
  ASSERT_EQ(first->status, 201) << first->body;
  const std::string sha = Body(first)["sha256"];
  EXPECT_EQ(sha, app::Sha256Hex(pdf));
  EXPECT_EQ(Body(first)["media_type"], "application/pdf");
  // The same bytes again: the same name, stored once.
  EXPECT_EQ(Body(upload(reception, pdf, "application/octet-stream"))["sha256"], sha);
  // Not trusted by name or declared type: the bytes decide.
  auto html = upload(reception, "<html><script>alert(1)</script></html>", "application/pdf");
  EXPECT_EQ(html->status, 400);
  EXPECT_EQ(Fields(html), std::vector<std::string>{"file"});
  auto png_as_pdf =
      upload(reception, std::string("\x89PNG\r\n\x1A\n\0\0\0\0", 12), "application/pdf");
  EXPECT_EQ(png_as_pdf->status, 400);
  EXPECT_EQ(Fields(png_as_pdf), std::vector<std::string>{"Content-Type"});
  // Larger than the limit (here 64 KiB): 413, nothing stored.
  dossiers_->set_max_attachment_bytes(64 << 10);
  auto huge = upload(reception, "%PDF-" + std::string(64 << 10, 'x'), "application/pdf");
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 413) << huge->body;
  dossiers_->set_max_attachment_bytes(app::kDefaultMaxAttachmentBytes);

  // A reception naming the file: the dossier shows it and serves it to its units only.
  json body = json::parse(Reception());
  body["components"][0] = {
      {"name", "Tờ khai đăng ký kết hôn"}, {"provision", "electronic"}, {"file_sha256", sha}};
  auto received = Send("POST", "/api/v1/dossiers", &reception, body.dump());
  ASSERT_EQ(received->status, 201) << received->body;
  const std::string path = "/api/v1/dossiers/" + std::to_string(Body(received)["id"].get<int>());
  auto file = Send("GET", path + "/attachments/" + sha, &reception);
  ASSERT_EQ(file->status, 200);
  EXPECT_EQ(file->body, pdf);
  EXPECT_EQ(file->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(file->get_header_value("X-Content-Type-Options"), "nosniff");
  Session land = Login("chuyenvien.datdai");
  EXPECT_EQ(Send("GET", path + "/attachments/" + sha, &land)->status, 404);
  EXPECT_EQ(Send("GET", "/api/v1/attachments/" + sha, &land)->status, 404);
  EXPECT_EQ(Send("GET", "/api/v1/attachments/" + sha, &reception)->status, 200);
  EXPECT_EQ(Send("GET", path + "/attachments/" + std::string(64, '0'), &reception)->status, 404);

  // Someone else's file cannot be named by its hash; an electronic component needs a file.
  auto clerk_upload = upload(land, "%PDF-1.4 another file", "application/pdf");
  ASSERT_EQ(clerk_upload->status, 201);
  body["components"][0]["file_sha256"] = Body(clerk_upload)["sha256"];
  auto foreign = Send("POST", "/api/v1/dossiers", &reception, body.dump());
  EXPECT_EQ(foreign->status, 400);
  EXPECT_EQ(Fields(foreign), std::vector<std::string>{"components[0].file_sha256"});
  body["components"][0].erase("file_sha256");
  EXPECT_EQ(Fields(Send("POST", "/api/v1/dossiers", &reception, body.dump())),
            std::vector<std::string>{"components[0].file_sha256"});
}

// The citizen's side: "my dossiers" newest first in pages (only their own; officers use the
// queues), the supplement brought online as files they uploaded, and the result document the
// head attaches at issue, downloaded by the citizen once it is theirs.
TEST_F(DossierApiTest, ACitizenListsTheirDossiersBringsTheSupplementAndDownloadsTheResult) {
  Session citizen = Login("congdan");
  auto upload = [&](const Session& s, const std::string& bytes, const std::string& type) {
    auto res = client_->Post("/api/v1/attachments",
                             {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}}, bytes, type);
    EXPECT_EQ(res->status, 201) << res->body;
    return Body(res)["sha256"].get<std::string>();
  };
  json online = json::parse(Reception());
  online.erase("channel");
  online.erase("decision");
  online["components"][0]["provision"] = "electronic";
  online["components"][0]["file_sha256"] =
      upload(citizen, "%PDF-1.7\nTờ khai (bản quét)\n%%EOF\n", "application/pdf");
  auto submit = [&](const Session& s) {
    auto res = Send("POST", "/api/v1/dossiers/online", &s, online.dump());
    EXPECT_EQ(res->status, 201) << res->body;
    return Body(res)["id"].get<std::int64_t>();
  };
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(submit(citizen));
  // Another citizen with a dossier of their own.
  Session admin = Login("admin");
  ASSERT_EQ(Send("POST", "/api/v1/users", &admin,
                 json{{"username", "congdan2"},
                      {"full_name", "Trần Văn Dân"},
                      {"unit_id", UnitId("H99")},
                      {"roles", {"citizen"}},
                      {"password", "mat-khau-cong-dan-2"}}
                     .dump())
                ->status,
            201);
  passwords_["congdan2"] = "mat-khau-cong-dan-2";
  Session other = Login("congdan2");
  online["components"][0]["file_sha256"] =
      upload(other, "%PDF-1.7\nTờ khai khác\n%%EOF\n", "application/pdf");
  const std::int64_t others = submit(other);

  // Newest first, two a page, then the rest; only their own.
  auto page = Send("GET", "/api/v1/my/dossiers?limit=2", &citizen);
  ASSERT_EQ(page->status, 200) << page->body;
  const json first = Body(page);
  ASSERT_EQ(first["items"].size(), 2u);
  EXPECT_EQ(first["items"][0]["id"], ids[2]);
  EXPECT_EQ(first["items"][1]["id"], ids[1]);
  EXPECT_EQ(first["items"][0]["state"]["label"], "Mới đăng ký");
  EXPECT_FALSE(first["items"][0]["procedure_name"].get<std::string>().empty());
  const std::string cursor = first["next_cursor"];
  const json rest = Body(Send("GET", "/api/v1/my/dossiers?limit=2&cursor=" + cursor, &citizen));
  ASSERT_EQ(rest["items"].size(), 1u);
  EXPECT_EQ(rest["items"][0]["id"], ids[0]);
  EXPECT_TRUE(rest["next_cursor"].is_null());
  const json theirs = Body(Send("GET", "/api/v1/my/dossiers", &other));
  ASSERT_EQ(theirs["items"].size(), 1u);
  EXPECT_EQ(theirs["items"][0]["id"], others);
  EXPECT_EQ(Fields(Send("GET", "/api/v1/my/dossiers?cursor=17.3", &citizen)),
            std::vector<std::string>{"cursor"});
  Session reception = Login("tiepnhan");
  EXPECT_EQ(Send("GET", "/api/v1/my/dossiers", &reception)->status, 403);
  // Another citizen's dossier does not exist for them, nor its result.
  const std::string path = "/api/v1/dossiers/" + std::to_string(ids[0]);
  EXPECT_EQ(Send("GET", path, &other)->status, 404);
  EXPECT_EQ(Send("GET", path + "/result", &other)->status, 404);

  // Received, forwarded to the specialist, who asks for a supplement.
  ASSERT_EQ(Command(reception, ids[0], {{"command", "receive"}})->status, 200);
  ASSERT_EQ(Command(reception, ids[0], {{"command", "forward"}})->status, 200);
  Session specialist = Login("chuyenvien");
  const std::string item = "Bản sao giấy khai sinh";
  auto asked = Command(specialist, ids[0],
                       {{"command", "request-supplement"}, {"items", {item}}, {"reason", "Thiếu"}});
  ASSERT_EQ(asked->status, 200) << asked->body;
  const std::int64_t version = Body(asked)["version"];
  // The citizen is offered the supplement (the page's upload form), and withdrawal.
  EXPECT_EQ(Body(Send("GET", path, &citizen))["allowed_commands"],
            json::array({"receive-supplement", "request-withdrawal"}));

  // Refused, naming what is wrong, and the dossier unchanged: no files; a file the citizen did
  // not upload; a supplement to a dossier in another state.
  EXPECT_EQ(Fields(Command(citizen, ids[0], {{"command", "receive-supplement"}})),
            std::vector<std::string>{"components"});
  const std::string foreign =
      upload(specialist, "%PDF-1.7\nnot the citizen's\n%%EOF\n", "application/pdf");
  json supplement = {
      {"command", "receive-supplement"},
      {"components", {{{"name", item}, {"provision", "electronic"}, {"file_sha256", foreign}}}}};
  EXPECT_EQ(Fields(Command(citizen, ids[0], supplement)),
            std::vector<std::string>{"components[0].file_sha256"});
  const std::string pdf = "%PDF-1.7\nGiấy khai sinh (bản sao)\n%%EOF\n";
  const std::string sha = upload(citizen, pdf, "application/pdf");
  supplement["components"][0]["file_sha256"] = sha;
  auto wrong_state = Command(citizen, ids[1], supplement);
  EXPECT_EQ(wrong_state->status, 409);
  EXPECT_EQ(Body(wrong_state)["type"], "https://motcua.vn/problems/failed-precondition/state");
  EXPECT_EQ(Body(Send("GET", path, &citizen))["version"], version);
  EXPECT_EQ(Body(Send("GET", "/api/v1/dossiers/" + std::to_string(ids[1]), &citizen))["version"],
            1);

  // Brought: processing goes on, the file is on the dossier for its officers.
  auto brought = Command(citizen, ids[0], supplement);
  ASSERT_EQ(brought->status, 200) << brought->body;
  EXPECT_EQ(Body(brought)["state"]["code"], 4);
  EXPECT_EQ(Body(brought)["supplied"][0]["file_sha256"], sha);
  EXPECT_EQ(Body(brought)["supplied"][0]["name"], item);
  EXPECT_EQ(Body(brought)["events"].back()["actor"], "applicant");
  auto file = Send("GET", path + "/attachments/" + sha, &specialist);
  ASSERT_EQ(file->status, 200);
  EXPECT_EQ(file->body, pdf);

  // Issued with the result document: only a PDF the head uploaded.
  ASSERT_EQ(Command(specialist, ids[0], {{"command", "forward"}, {"reason", "Đủ"}})->status, 200);
  EXPECT_EQ(Send("GET", path + "/result", &citizen)->status, 404);  // nothing issued yet
  Session head = Login("giamdoc");
  json issue = {{"command", "issue"}, {"reference", "15/GKS"}, {"file_sha256", foreign}};
  EXPECT_EQ(Fields(Command(head, ids[0], issue)), std::vector<std::string>{"file_sha256"});
  issue["file_sha256"] = upload(head, std::string("\x89PNG\r\n\x1A\n\0\0\0\0", 12), "image/png");
  EXPECT_EQ(Fields(Command(head, ids[0], issue)), std::vector<std::string>{"file_sha256"});
  const std::string result = "%PDF-1.7\nGiấy khai sinh số 15\n%%EOF\n";
  issue["file_sha256"] = upload(head, result, "application/pdf");
  auto issued = Command(head, ids[0], issue);
  ASSERT_EQ(issued->status, 200) << issued->body;
  EXPECT_EQ(Body(issued)["state"]["code"], 9);
  EXPECT_EQ(Body(issued)["result_file"], app::Sha256Hex(result));
  // The citizen's: shown as downloadable, served as a download; not through the components'
  // route; never to the other citizen.
  EXPECT_EQ(Body(Send("GET", path, &citizen))["result_downloadable"], true);
  auto got = Send("GET", path + "/result", &citizen);
  ASSERT_EQ(got->status, 200) << got->body;
  EXPECT_EQ(got->body, result);
  EXPECT_EQ(got->get_header_value("Content-Type"), "application/pdf");
  EXPECT_NE(got->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(Send("GET", path + "/attachments/" + app::Sha256Hex(result), &citizen)->status, 404);
  EXPECT_EQ(Send("GET", path + "/result", &other)->status, 404);
  EXPECT_EQ(Send("GET", path + "/result", &reception)->status, 200);
}

// The leader's desk: what waits at a step of a kind (the head's signature here), and the apology
// drafts the head signs; each a queue with its count, in the head's scope only.
TEST_F(DossierApiTest, TheQueuesFilterByStepKindAndListTheApologyDraftsToSign) {
  Session reception = Login("tiepnhan");
  Session specialist = Login("chuyenvien");
  auto first = Send("POST", "/api/v1/dossiers", &reception, Reception());
  auto second = Send("POST", "/api/v1/dossiers", &reception, Reception());
  ASSERT_EQ(first->status, 201) << first->body;
  ASSERT_EQ(second->status, 201) << second->body;
  const std::int64_t signing = Body(first)["id"], late = Body(second)["id"];
  for (std::int64_t id : {signing, late}) {
    ASSERT_EQ(Command(reception, id, {{"command", "forward"}})->status, 200);
  }
  ASSERT_EQ(
      Command(specialist, signing, {{"command", "forward"}, {"reason", "Đủ điều kiện"}})->status,
      200);
  Session head = Login("giamdoc");
  auto sign = Body(Send("GET", "/api/v1/queues/open?step_kind=sign", &head));
  ASSERT_EQ(sign["total"], 1) << sign.dump();
  EXPECT_EQ(sign["items"][0]["id"], signing);
  auto appraise = Body(Send("GET", "/api/v1/queues/open?step_kind=appraise", &head));
  ASSERT_EQ(appraise["total"], 1) << appraise.dump();
  EXPECT_EQ(appraise["items"][0]["id"], late);
  EXPECT_EQ(Body(Send("GET", "/api/v1/queues/unassigned?step_kind=approve", &head))["total"], 0);
  // The export is narrowed the same way: the header and the one dossier at the signing step.
  auto book = Send("GET", "/api/v1/queues/open?step_kind=sign&format=xlsx", &head);
  ASSERT_EQ(book->status, 200) << book->body;
  auto sheets = catalog_io::ReadXlsx(book->body);
  ASSERT_TRUE(sheets.ok()) << ToString(sheets.error());
  ASSERT_EQ((*sheets)[0].rows.size(), 2u);
  EXPECT_EQ((*sheets)[0].rows[1].At(1).text, Body(first)["code"]);
  EXPECT_EQ(Fields(Send("GET", "/api/v1/queues/open?step_kind=ky&format=xlsx", &head)),
            std::vector<std::string>{"step_kind"});
  // Another department holds neither.
  Session land = Login("chuyenvien.datdai");
  EXPECT_EQ(Body(Send("GET", "/api/v1/queues/open?step_kind=sign", &land))["total"], 0);

  // Late: the specialist drafts the apology; it waits for the head, who signs it from the list.
  auto view = Body(Send("GET", "/api/v1/dossiers/" + std::to_string(late), &specialist));
  const std::string due = view["times"]["due"]["utc"];
  Instant due_at = 0;
  ASSERT_TRUE(ParseRfc3339(due, &due_at)) << view["times"].dump();
  auto drafted = Command(specialist, late,
                         {{"command", "draft-apology"},
                          {"reason", "Cần xác minh thêm"},
                          {"new_appointment", FormatRfc3339Utc(due_at + 3 * 86400)}});
  ASSERT_EQ(drafted->status, 200) << drafted->body;
  auto drafts = Body(Send("GET", "/api/v1/queues/apology-drafted", &head));
  ASSERT_EQ(drafts["total"], 1) << drafts.dump();
  EXPECT_EQ(drafts["items"][0]["id"], late);
  EXPECT_EQ(Body(Send("GET", "/api/v1/queues/apology-drafted", &land))["total"], 0);
  ASSERT_EQ(Command(head, late, {{"command", "sign-apology"}})->status, 200);
  EXPECT_EQ(Body(Send("GET", "/api/v1/queues/apology-drafted", &head))["total"], 0);

  auto unknown = Send("GET", "/api/v1/queues/open?step_kind=ky", &head);
  EXPECT_EQ(unknown->status, 400);
  EXPECT_EQ(Fields(unknown), std::vector<std::string>{"step_kind"});
}

TEST_F(DossierApiTest, BadInputNamesTheField) {
  Session reception = Login("tiepnhan");
  json body = json::parse(Reception());
  body["applicant"].erase("id_number");
  body["components"][0]["provision"] = "photocopy";
  body["colour"] = "blue";
  auto res = Send("POST", "/api/v1/dossiers", &reception, body.dump());
  ASSERT_EQ(res->status, 400) << res->body;
  std::set<std::string> fields;
  const json problem = Body(res);
  for (const auto& f : problem["errors"]) fields.insert(f["field"]);
  EXPECT_EQ(fields,
            (std::set<std::string>{"applicant.id_number", "components[0].provision", "colour"}))
      << res->body;
  json contacts = json::parse(Reception());
  contacts["applicant"]["email"] = "huong@example.vn\r\nBcc: all@example.vn";
  contacts["applicant"]["phone"] = "0912 ABC";
  EXPECT_EQ(Fields(Send("POST", "/api/v1/dossiers", &reception, contacts.dump())),
            (std::vector<std::string>{"applicant.phone", "applicant.email"}));
  auto missing = Send("POST", "/api/v1/dossiers", &reception, Reception("refuse"));
  EXPECT_EQ(missing->status, 400);
  EXPECT_EQ(Body(missing)["errors"][0]["field"], "reason");
  auto queue = Send("GET", "/api/v1/queues/everything", &reception);
  EXPECT_EQ(queue->status, 400);
  EXPECT_EQ(Body(queue)["errors"][0]["field"], "queue");
  // Nothing half-written: no dossier exists.
  EXPECT_EQ(Body(Send("GET", "/api/v1/queues/open", &reception))["total"], 0);
}

}  // namespace
}  // namespace motcua::http
