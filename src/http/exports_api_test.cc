// Export jobs over HTTP: a queue's workbook and a report's workbook or PDF asked with
// `Prefer: respond-async` come back as a job (202), polled until done with its progress, its file
// downloaded with the same bytes as the direct download; another user does not see the job, a
// caller outside the unit is refused at submission, and bad input is a problem naming the field.
#include <chrono>
#include <thread>

#include "calendar/test_util.h"
#include "catalog_io/xlsx_reader.h"
#include "http/testing/api_fixture.h"

namespace motcua::http {
namespace {

using calendar::testing::L;
using testing::Session;

class ExportsApiTest : public testing::ApiFixture {
 protected:
  ExportsApiTest() : ApiFixture(L("2026-03-02 08:00")) {}

  void SetUp() override {
    ApiFixture::SetUp();
    ImportCounterProcedure();
  }

  static std::string Reception() {
    return json{
        {"procedure_code", "1.000001"},
        {"channel", "in-person"},
        {"decision", "receive"},
        {"applicant",
         {{"name", "Nguyễn Thị Hương"},
          {"id_number", "001190012345"},
          {"address", "Phường Hòa Bình"},
          {"phone", "0912345678"}}},
        {"components", {{{"name", "Tờ khai đăng ký kết hôn"}, {"provision", "paper-original"}}}}}
        .dump();
  }

  httplib::Result Async(const std::string& path, const Session& s) {
    return Send("GET", path, &s, "", {{"Prefer", "respond-async"}});
  }

  // Polls the job until it has finished (or a few seconds pass).
  json WaitFor(const std::string& id, const Session& s) {
    json job;
    for (int i = 0; i < 500; ++i) {
      job = Body(Send("GET", "/api/v1/exports/" + id, &s));
      if (job["state"] == "succeeded" || job["state"] == "failed") return job;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "export " << id << " did not finish: " << job.dump();
    return job;
  }
};

TEST_F(ExportsApiTest, AQueueExportRunsAsAJobAndItsFileIsTheWorkbook) {
  Session reception = Login("tiepnhan");
  for (int i = 0; i < 205; ++i) {  // more than one page of 200: progress after each
    ASSERT_EQ(Send("POST", "/api/v1/dossiers", &reception, Reception())->status, 201);
  }
  auto submitted = Async("/api/v1/queues/open?format=xlsx", reception);
  ASSERT_EQ(submitted->status, 202) << submitted->body;
  EXPECT_EQ(submitted->get_header_value("Preference-Applied"), "respond-async");
  const json job = Body(submitted);
  const std::string id = job["id"];
  EXPECT_EQ(submitted->get_header_value("Location"), "/api/v1/exports/" + id);
  EXPECT_EQ(job["kind"], "export.queue");
  EXPECT_TRUE(job["state"] == "queued" || job["state"] == "running") << job.dump();
  EXPECT_TRUE(job["file"].is_null());

  const json done = WaitFor(id, reception);
  ASSERT_EQ(done["state"], "succeeded") << done.dump();
  EXPECT_EQ(done["progress"]["done"], 205);
  EXPECT_EQ(done["progress"]["total"], 205);
  EXPECT_EQ(done["file"]["name"], "ho-so-open.xlsx");
  EXPECT_EQ(done["file"]["href"], "/api/v1/exports/" + id + "/file");

  auto file = Send("GET", "/api/v1/exports/" + id + "/file", &reception);
  ASSERT_EQ(file->status, 200) << file->body;
  EXPECT_EQ(file->get_header_value("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(file->get_header_value("Content-Disposition"),
            "attachment; filename=\"ho-so-open.xlsx\"");
  EXPECT_EQ(done["file"]["bytes"], file->body.size());
  auto sheets = catalog_io::ReadXlsx(file->body);
  ASSERT_TRUE(sheets.ok()) << ToString(sheets.error());
  EXPECT_EQ((*sheets)[0].rows.size(), 206u);  // the header and every dossier

  // The caller's exports list it; the direct download still answers the workbook itself.
  const json mine = Body(Send("GET", "/api/v1/exports", &reception));
  ASSERT_EQ(mine["items"].size(), 1u);
  EXPECT_EQ(mine["items"][0]["id"], id);
  auto direct = Send("GET", "/api/v1/queues/open?format=xlsx", &reception);
  ASSERT_EQ(direct->status, 200);
  EXPECT_EQ(catalog_io::ReadXlsx(direct->body)->at(0).rows.size(), 206u);

  // Another user neither sees the job nor gets its file; an administrator does.
  Session land = Login("chuyenvien.datdai");
  EXPECT_EQ(Send("GET", "/api/v1/exports/" + id, &land)->status, 404);
  EXPECT_EQ(Send("GET", "/api/v1/exports/" + id + "/file", &land)->status, 404);
  EXPECT_TRUE(Body(Send("GET", "/api/v1/exports", &land))["items"].empty());
  Session admin = Login("admin");
  EXPECT_EQ(Send("GET", "/api/v1/exports/" + id + "/file", &admin)->status, 200);
  EXPECT_EQ(Send("GET", "/api/v1/exports/nope/file", &reception)->status, 404);
  // Without login: 401.
  EXPECT_EQ(Send("GET", "/api/v1/exports/" + id, nullptr)->status, 401);
}

TEST_F(ExportsApiTest, AReportExportRunsAsAJobWithinTheCallersScope) {
  Session reception = Login("tiepnhan");
  ASSERT_EQ(Send("POST", "/api/v1/dossiers", &reception, Reception())->status, 201);
  Session admin = Login("admin");
  const std::string pdf_path = "/api/v1/reports/periodic?unit=H99&period=2026-Q1&format=pdf";
  auto submitted = Async(pdf_path, admin);
  ASSERT_EQ(submitted->status, 202) << submitted->body;
  const json done = WaitFor(Body(submitted)["id"], admin);
  ASSERT_EQ(done["state"], "succeeded") << done.dump();
  EXPECT_EQ(done["kind"], "export.periodic");
  EXPECT_EQ(done["file"]["name"], "bao-cao-dinh-ky-H99-2026-Q1.pdf");
  EXPECT_GT(done["progress"]["total"], 0);
  EXPECT_EQ(done["progress"]["done"], done["progress"]["total"]);
  auto file = Send("GET", done["file"]["href"].get<std::string>(), &admin);
  ASSERT_EQ(file->status, 200);
  EXPECT_EQ(file->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(file->body.substr(0, 5), "%PDF-");

  for (const std::string path : {"/api/v1/reports/statistics?unit=H99&period=2026-03&format=xlsx",
                                 "/api/v1/reports/steps?unit=H99&period=2026-03&format=xlsx",
                                 "/api/v1/reports/index766?unit=H99&period=2026-03&format=pdf"}) {
    auto job = Async(path, admin);
    ASSERT_EQ(job->status, 202) << path << " " << job->body;
    EXPECT_EQ(WaitFor(Body(job)["id"], admin)["state"], "succeeded") << path;
  }

  // An officer of another department is refused at submission, as the direct download is: no
  // job is made.
  Session land = Login("chuyenvien.datdai");
  auto outside = Async("/api/v1/reports/statistics?unit=H99&period=2026-03&format=xlsx", land);
  EXPECT_EQ(outside->status, 404) << outside->body;
  EXPECT_EQ(
      Send("GET", "/api/v1/reports/statistics?unit=H99&period=2026-03&format=xlsx", &land)->status,
      404);
  EXPECT_TRUE(Body(Send("GET", "/api/v1/exports", &land))["items"].empty());
  // A citizen has no reports at all.
  EXPECT_EQ(Async(pdf_path, Login("congdan"))->status, 403);
}

TEST_F(ExportsApiTest, BadInputIsAProblemNamingTheField) {
  Session admin = Login("admin");
  auto unit = Async("/api/v1/reports/statistics?unit=NOPE&period=2026-03&format=xlsx", admin);
  EXPECT_EQ(unit->status, 400);
  EXPECT_EQ(Fields(unit), (std::vector<std::string>{"unit"}));
  auto format = Async("/api/v1/reports/statistics?unit=H99&period=2026-03&format=docx", admin);
  EXPECT_EQ(format->status, 400);
  EXPECT_EQ(Fields(format), (std::vector<std::string>{"format"}));
  auto period = Async("/api/v1/reports/index766?unit=H99&period=2026-13&format=pdf", admin);
  EXPECT_EQ(period->status, 400);
  EXPECT_EQ(Fields(period), (std::vector<std::string>{"period"}));
  Session reception = Login("tiepnhan");
  auto queue = Async("/api/v1/queues/everything?format=xlsx", reception);
  EXPECT_EQ(queue->status, 400);
  EXPECT_EQ(Fields(queue), (std::vector<std::string>{"queue"}));
  auto limit = Send("GET", "/api/v1/exports?limit=0", &reception);
  EXPECT_EQ(limit->status, 400);
  EXPECT_EQ(Fields(limit), (std::vector<std::string>{"limit"}));
  EXPECT_TRUE(Body(Send("GET", "/api/v1/exports", &admin))["items"].empty());
  EXPECT_EQ(Send("GET", "/api/v1/exports/unknown", &admin)->status, 404);
}

}  // namespace
}  // namespace motcua::http
