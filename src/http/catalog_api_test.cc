// The catalog API end to end, in process: a temporary SQLite store with the demo province, the real
// server on a free port, an HTTP client. Procedures travel in motcua's catalog JSON.
#include <chrono>
#include <thread>

#include "catalog_io/catalog_json.h"
#include "catalog_io/catalog_xlsx.h"
#include "http/testing/api_fixture.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using testing::Session;

// A commune-level civil-status procedure of the Department of Justice (H99.02) in the catalog
// format: 10 working days in person and online, free.
json Record(const std::string& code, const std::string& name, const std::string& unit = "H99.02") {
  json time = {{"amount", 10}, {"unit", "working-days"}, {"text", "10 ngày làm việc"}};
  json fees = json::array({{{"type", "fee"}, {"amount_vnd", 0}, {"description", "Miễn lệ phí"}}});
  return {{"code", code},
          {"name", name},
          {"level", "commune"},
          {"field", "Hộ tịch"},
          {"competent_units", {unit}},
          {"receiving_units", {unit}},
          {"channels",
           {{"in-person", {{"time", time}, {"fees", fees}, {"description", ""}}},
            {"online", {{"time", time}, {"fees", fees}, {"description", ""}}}}},
          {"cases",
           {{{"code", ""},
             {"name", ""},
             {"components",
              {{{"code", ""},
                {"name", "Tờ khai"},
                {"original_qty", 1},
                {"copy_qty", 0},
                {"requirement", "required"},
                {"condition", ""},
                {"form_code", ""},
                {"reusable_from_data_store", false}}}}}}},
          {"legal_basis",
           {{{"number", "60/2014/QH13"},
             {"summary", "Luật Hộ tịch"},
             {"date", nullptr},
             {"issuer", "Quốc hội"}}}},
          {"outcomes", {{{"code", ""}, {"name", "Giấy chứng nhận"}}}},
          {"online_level", "partial"}};
}

// 10 working days = 80 h: 2 / 4 / 58 / 6 / 8 / 2 h, all by the Department of Justice.
json Workflows(double appraise_hours = 58) {
  json steps = json::array();
  const std::vector<std::pair<std::string, double>> plan = {
      {"receive", 2}, {"assign", 4}, {"appraise", appraise_hours},
      {"approve", 6}, {"sign", 8},   {"return", 2}};
  for (std::size_t i = 0; i < plan.size(); ++i) {
    json step = {{"id", "s" + std::to_string(i + 1)},
                 {"kind", plan[i].first},
                 {"name", plan[i].first},
                 {"unit", "H99.02"},
                 {"role", "chuyên viên"},
                 {"budget_hours", plan[i].second}};
    if (i + 1 < plan.size()) step["next"] = {"s" + std::to_string(i + 2)};
    steps.push_back(step);
  }
  return json::array({{{"channels", json::array()}, {"steps", steps}}});
}

class CatalogApiTest : public testing::ApiFixture {
 protected:
  CatalogApiTest() : ApiFixture(1'770'000'000) {}  // 2026-02-02

  void SetUp() override {
    ApiFixture::SetUp();
    AddUser("admin.tuphap", "H99.02", identity::Role::kAdministrator);
    admin_ = Login("admin");
  }

  // POSTs a file (`type` is its Content-Type).
  httplib::Result Upload(const std::string& path, const Session* s, const std::string& body,
                         const std::string& type) {
    httplib::Headers h;
    if (s) {
      h.emplace("Cookie", s->cookie);
      h.emplace("X-CSRF-Token", s->csrf);
    }
    return client_->Post(path, h, body, type.c_str());
  }

  // Polls an import job until it has finished.
  json WaitForJob(const std::string& location, const Session* s) {
    for (int i = 0; i < 500; ++i) {
      auto res = Send("GET", location, s);
      if (!res || res->status != 200) return Body(res);
      json job = Body(res);
      if (job["state"] == "succeeded" || job["state"] == "failed") return job;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << location << " did not finish";
    return {};
  }

  // Catalog records as a workbook.
  static std::string Workbook(const json& records) {
    auto entries = catalog_io::DecodeCatalog(records.dump());
    EXPECT_TRUE(entries.ok()) << ToString(entries.error());
    auto bytes = catalog_io::EncodeCatalogXlsx(*entries);
    EXPECT_TRUE(bytes.ok());
    return *bytes;
  }

  // The number of stored versions, from the JSON export.
  std::size_t StoredVersions() {
    auto res = Send("GET", "/api/v1/catalog/export", &admin_);
    EXPECT_EQ(res->status, 200) << res->body;
    return Body(res).size();
  }

  // Creates, gives workflows to and publishes version 1 of a procedure; returns its row version.
  std::int64_t PublishNew(const std::string& code, const std::string& name) {
    auto created = Send("POST", "/api/v1/procedures", &admin_, Record(code, name).dump());
    EXPECT_EQ(created->status, 201) << created->body;
    const std::string v = "/api/v1/procedures/" + code + "/versions/1";
    auto flow =
        Send("PUT", v + "/workflow", &admin_,
             json{{"version", Body(created)["row_version"]}, {"workflows", Workflows()}}.dump());
    EXPECT_EQ(flow->status, 200) << flow->body;
    auto published = Send("POST", v + "/publish", &admin_,
                          json{{"version", Body(flow)["row_version"]},
                               {"decision", {{"number", "15/QĐ-UBND"}, {"date", "2025-07-01"}}}}
                              .dump());
    EXPECT_EQ(published->status, 200) << published->body;
    return Body(published)["row_version"];
  }

  Session admin_;
};

TEST_F(CatalogApiTest, VersionLifecycleOverHttp) {
  auto created =
      Send("POST", "/api/v1/procedures", &admin_, Record("1.000894", "Đăng ký kết hôn").dump());
  ASSERT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(Body(created)["version"]["state"], "draft");
  const std::int64_t row = Body(created)["row_version"];
  // A draft is visible to catalog managers only, and is not in force.
  const std::string v1 = "/api/v1/procedures/1.000894/versions/1";
  EXPECT_EQ(Send("GET", v1, nullptr)->status, 404);
  EXPECT_EQ(Send("GET", v1, &admin_)->status, 200);
  EXPECT_EQ(Send("GET", "/api/v1/procedures/1.000894", nullptr)->status, 404);

  auto stale = Send(
      "POST", v1 + "/publish", &admin_,
      json{{"version", row + 5}, {"decision", {{"number", "15/QĐ-UBND"}, {"date", "2025-07-01"}}}}
          .dump());
  EXPECT_EQ(stale->status, 409);
  EXPECT_EQ(Body(stale)["type"], "https://motcua.vn/problems/aborted/version-conflict");

  const std::int64_t published = PublishNew("1.000896", "Đăng ký khai sinh");
  auto in_force = Send("GET", "/api/v1/procedures/1.000896", nullptr);
  ASSERT_EQ(in_force->status, 200) << in_force->body;
  EXPECT_EQ(Body(in_force)["name"], "Đăng ký khai sinh");
  EXPECT_EQ(Body(in_force)["version"]["published"]["number"], "15/QĐ-UBND");
  EXPECT_EQ(Body(in_force)["workflows"][0]["steps"].size(), 6u);
  // Published: immutable (409 with a reason), and its workflow too.
  auto edit = Send("PUT", "/api/v1/procedures/1.000896/versions/1", &admin_,
                   json{{"version", published}, {"procedure", Record("1.000896", "Khác")}}.dump());
  EXPECT_EQ(edit->status, 409);
  EXPECT_EQ(Body(edit)["type"], "https://motcua.vn/problems/failed-precondition/version-state");
  auto flow = Send("PUT", "/api/v1/procedures/1.000896/versions/1/workflow", &admin_,
                   json{{"version", published}, {"workflows", Workflows()}}.dump());
  EXPECT_EQ(flow->status, 409);
  // Repealed from 1 March 2026: in force before, not after.
  auto repeal = Send(
      "POST", "/api/v1/procedures/1.000896/versions/1/repeal", &admin_,
      json{{"version", published}, {"decision", {{"number", "99/QĐ-UBND"}, {"date", "2026-03-01"}}}}
          .dump());
  ASSERT_EQ(repeal->status, 200) << repeal->body;
  EXPECT_EQ(Send("GET", "/api/v1/procedures/1.000896?in_force_on=2026-02-28", nullptr)->status,
            200);
  EXPECT_EQ(Send("GET", "/api/v1/procedures/1.000896?in_force_on=2026-03-01", nullptr)->status,
            404);
  auto versions = Body(Send("GET", "/api/v1/procedures/1.000896/versions", nullptr));
  EXPECT_EQ(versions["items"][0]["version"]["state"], "repealed");
}

TEST_F(CatalogApiTest, SearchWithAndWithoutMarks) {
  PublishNew("1.000894", "Đăng ký kết hôn");
  PublishNew("1.000895", "Đăng ký lại kết hôn");
  PublishNew("1.000896", "Đăng ký khai sinh");
  for (const char* q :
       {"dang%20ky%20ket%20hon", "%C4%90%C4%83ng%20k%C3%BD%20k%E1%BA%BFt%20h%C3%B4n",
        "%C4%91ang%20ky%20ket%20hon"}) {
    auto res = Send("GET", std::string("/api/v1/procedures?q=") + q, nullptr);
    ASSERT_EQ(res->status, 200) << res->body;
    auto items = Body(res)["items"];
    ASSERT_EQ(items.size(), 2u) << q;
    EXPECT_EQ(items[0]["name"], "Đăng ký kết hôn");
    EXPECT_EQ(items[0]["tier"], 3);
    EXPECT_EQ(items[1]["code"], "1.000895");
  }
  auto list = Body(Send("GET", "/api/v1/procedures?limit=2&field=ho%20tich", nullptr));
  EXPECT_EQ(list["items"].size(), 2u);
  EXPECT_EQ(list["next_after"], "1.000895");
  auto rest = Body(Send("GET", "/api/v1/procedures?limit=2&after=1.000895", nullptr));
  EXPECT_EQ(rest["items"][0]["code"], "1.000896");
  EXPECT_EQ(Fields(Send("GET", "/api/v1/procedures?level=district", nullptr)),
            (std::vector<std::string>{"level"}));
}

TEST_F(CatalogApiTest, InputErrorsNameTheFieldAndStateErrorsAre409) {
  json bad = Record("1.000894", "Đăng ký kết hôn");
  bad["channels"]["online"]["time"]["unit"] = "fortnights";
  auto res = Send("POST", "/api/v1/procedures", &admin_, bad.dump());
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(Fields(res), (std::vector<std::string>{"channels.online.time.unit"})) << res->body;
  EXPECT_EQ(Fields(Send("POST", "/api/v1/procedures", &admin_, "[1]")),
            (std::vector<std::string>{"body"}));

  json no_outcome = Record("1.000894", "Đăng ký kết hôn");
  no_outcome["outcomes"] = json::array();
  auto created = Send("POST", "/api/v1/procedures", &admin_, no_outcome.dump());
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string v1 = "/api/v1/procedures/1.000894/versions/1";
  EXPECT_EQ(Fields(Send("POST", v1 + "/publish", &admin_,
                        json{{"version", Body(created)["row_version"]},
                             {"decision", {{"number", ""}, {"date", "2025-13-01"}}}}
                            .dump())),
            (std::vector<std::string>{"decision.number", "decision.date"}));
  auto invalid = Send("POST", v1 + "/publish", &admin_,
                      json{{"version", Body(created)["row_version"]},
                           {"decision", {{"number", "1/QĐ"}, {"date", "2025-07-01"}}}}
                          .dump());
  EXPECT_EQ(invalid->status, 409);
  EXPECT_EQ(Body(invalid)["type"],
            "https://motcua.vn/problems/failed-precondition/invalid-procedure");
  EXPECT_EQ(Fields(invalid), (std::vector<std::string>{"outcomes"}));
  auto short_budget =
      Send("PUT", v1 + "/workflow", &admin_,
           json{{"version", Body(created)["row_version"]}, {"workflows", Workflows(57)}}.dump());
  ASSERT_EQ(short_budget->status, 200) << short_budget->body;
  json fixed = Record("1.000894", "Đăng ký kết hôn");
  auto edited =
      Send("PUT", v1, &admin_,
           json{{"version", Body(short_budget)["row_version"]}, {"procedure", fixed}}.dump());
  ASSERT_EQ(edited->status, 200) << edited->body;
  auto blocked = Send("POST", v1 + "/publish", &admin_,
                      json{{"version", Body(edited)["row_version"]},
                           {"decision", {{"number", "1/QĐ"}, {"date", "2025-07-01"}}}}
                          .dump());
  EXPECT_EQ(blocked->status, 409);
  EXPECT_EQ(Fields(blocked), (std::vector<std::string>{"workflows[0].channels.in-person.time",
                                                       "workflows[0].channels.online.time"}))
      << blocked->body;
}

TEST_F(CatalogApiTest, PermissionsAndUnitScope) {
  Session specialist = Login("chuyenvien");
  EXPECT_EQ(Send("POST", "/api/v1/procedures", &specialist, Record("1.000894", "x").dump())->status,
            403);
  EXPECT_EQ(Send("GET", "/api/v1/catalog/hygiene", nullptr)->status, 401);
  Session dept = Login("admin.tuphap");
  EXPECT_EQ(Send("POST", "/api/v1/procedures", &dept, Record("1.000894", "Kết hôn").dump())->status,
            201);
  EXPECT_EQ(Send("POST", "/api/v1/procedures", &dept,
                 Record("1.000100", "Đăng ký đất đai", "H99.03").dump())
                ->status,
            404);
  EXPECT_EQ(Send("GET", "/api/v1/catalog/hygiene", &dept)->status, 403);
}

TEST_F(CatalogApiTest, SimulationAndHygiene) {
  PublishNew("1.000894", "Đăng ký kết hôn");
  auto plan = Send("POST", "/api/v1/procedures/1.000894/versions/1/workflow/simulate", nullptr,
                   json{{"received", "2026-02-09 09:00"}, {"channel", "online"}}.dump());
  ASSERT_EQ(plan->status, 200) << plan->body;
  auto p = Body(plan);
  EXPECT_EQ(p["unit"], "H99.02");
  EXPECT_EQ(p["steps"].size(), 6u);
  EXPECT_EQ(p["due"], p["legal_due"]);
  EXPECT_TRUE(p["within_legal"].get<bool>());
  EXPECT_EQ(Fields(Send("POST", "/api/v1/procedures/1.000894/versions/1/workflow/simulate", nullptr,
                        json{{"received", "mai"}, {"channel", "fax"}}.dump())),
            (std::vector<std::string>{"received", "channel"}));

  // A second procedure with the same name and field and no workflow: two findings.
  ASSERT_EQ(
      Send("POST", "/api/v1/procedures", &admin_, Record("1.000900", "Đăng ký kết hôn").dump())
          ->status,
      201);
  auto v = Send("GET", "/api/v1/procedures/1.000900/versions/1", &admin_);
  ASSERT_EQ(Send("POST", "/api/v1/procedures/1.000900/versions/1/publish", &admin_,
                 json{{"version", Body(v)["row_version"]},
                      {"decision", {{"number", "2/QĐ"}, {"date", "2025-07-01"}}}}
                     .dump())
                ->status,
            200);
  auto report = Send("GET", "/api/v1/catalog/hygiene", &admin_);
  ASSERT_EQ(report->status, 200) << report->body;
  std::set<std::string> kinds;
  const json findings = Body(report);
  for (const auto& f : findings["items"]) {
    kinds.insert(f["kind"].get<std::string>() + " " + f["procedure_code"].get<std::string>());
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"duplicate 1.000894", "no-workflow 1.000900"}));
}

const std::string kXlsx(catalog_io::kXlsxMediaType);

TEST_F(CatalogApiTest, ImportJobsSucceedAndExportRoundTrips) {
  const std::string book = Workbook(
      json::array({Record("1.000894", "Đăng ký kết hôn"), Record("1.001193", "Khai sinh")}));
  auto submitted = Upload("/api/v1/catalog/imports", &admin_, book, kXlsx);
  ASSERT_EQ(submitted->status, 202) << submitted->body;
  const std::string location = submitted->get_header_value("Location");
  EXPECT_EQ(location, "/api/v1/catalog/imports/" + Body(submitted)["id"].get<std::string>());
  EXPECT_EQ(Body(submitted)["state"], "queued");
  json job = WaitForJob(location, &admin_);
  ASSERT_EQ(job["state"], "succeeded") << job.dump();
  EXPECT_EQ(job["written"], 2);
  EXPECT_EQ(job["progress"]["done"], 2);
  EXPECT_EQ(job["progress"]["total"], 2);
  EXPECT_TRUE(job["problem"].is_null());
  EXPECT_EQ(Send("GET", "/api/v1/procedures/1.001193/versions/1", &admin_)->status, 200);

  // Export as a workbook and as JSON; importing the export again writes nothing.
  auto xlsx = Send("GET", "/api/v1/catalog/export?format=xlsx", &admin_);
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->get_header_value("Content-Type"), kXlsx);
  auto read = catalog_io::DecodeCatalogXlsx(xlsx->body);
  ASSERT_TRUE(read.ok()) << ToString(read.error());
  EXPECT_EQ(read->entries.size(), 2u);
  auto exported = Send("GET", "/api/v1/catalog/export?format=json", &admin_);
  ASSERT_EQ(exported->status, 200);
  EXPECT_EQ(Body(exported)[1]["name"], "Khai sinh");
  auto again = Upload("/api/v1/catalog/imports", &admin_, exported->body, "application/json");
  ASSERT_EQ(again->status, 202) << again->body;
  job = WaitForJob(again->get_header_value("Location"), &admin_);
  EXPECT_EQ(job["state"], "succeeded") << job.dump();
  EXPECT_EQ(job["written"], 0);
  EXPECT_EQ(Fields(Send("GET", "/api/v1/catalog/export?format=pdf", &admin_)),
            (std::vector<std::string>{"format"}));

  // The hygiene report as a workbook.
  auto report = Send("GET", "/api/v1/catalog/hygiene?format=xlsx", &admin_);
  ASSERT_EQ(report->status, 200);
  EXPECT_EQ(report->get_header_value("Content-Type"), kXlsx);
}

// A competent unit that no unit has is refused, named by its row (the JSON item, the workbook
// cell); nothing of the import is written. Both formats reach the same check.
TEST_F(CatalogApiTest, AnImportNamingAnUnknownCompetentUnitIsRefusedByRow) {
  const std::size_t before = StoredVersions();
  json unknown = Record("1.000911", "Đơn vị lạ");
  unknown["competent_units"] = {"H99.02", "H99.77"};
  const json records = json::array({Record("1.000910", "Đúng"), unknown});
  auto json_job = Upload("/api/v1/catalog/imports", &admin_, records.dump(), "application/json");
  ASSERT_EQ(json_job->status, 202) << json_job->body;
  json job = WaitForJob(json_job->get_header_value("Location"), &admin_);
  ASSERT_EQ(job["state"], "failed") << job.dump();
  EXPECT_EQ(job["problem"]["type"], "https://motcua.vn/problems/invalid-argument/import");
  ASSERT_EQ(job["problem"]["errors"].size(), 1u) << job.dump();
  EXPECT_EQ(job["problem"]["errors"][0]["field"], "items[1].competent_units[1]");
  EXPECT_NE(job["problem"]["errors"][0]["message"].get<std::string>().find("H99.77"),
            std::string::npos);
  EXPECT_EQ(StoredVersions(), before);

  auto book = Upload("/api/v1/catalog/imports", &admin_, Workbook(records), kXlsx);
  ASSERT_EQ(book->status, 202) << book->body;
  job = WaitForJob(book->get_header_value("Location"), &admin_);
  ASSERT_EQ(job["state"], "failed") << job.dump();
  ASSERT_EQ(job["problem"]["errors"].size(), 1u) << job.dump();
  const json cell = job["problem"]["errors"][0];
  EXPECT_TRUE(cell["field"].get<std::string>().starts_with("Thủ tục!")) << cell.dump();
  EXPECT_TRUE(cell["field"].get<std::string>().ends_with("3")) << cell.dump();  // the 2nd record
  EXPECT_NE(cell["message"].get<std::string>().find("[Cơ quan có thẩm quyền]"), std::string::npos)
      << cell.dump();
  EXPECT_EQ(StoredVersions(), before);

  // The same rows with a stored unit are written.
  unknown["competent_units"] = {"H99.02"};
  auto fixed =
      Upload("/api/v1/catalog/imports", &admin_,
             json::array({Record("1.000910", "Đúng"), unknown}).dump(), "application/json");
  ASSERT_EQ(fixed->status, 202);
  job = WaitForJob(fixed->get_header_value("Location"), &admin_);
  EXPECT_EQ(job["state"], "succeeded") << job.dump();
  EXPECT_EQ(StoredVersions(), before + 2);
}

TEST_F(CatalogApiTest, FailedImportListsEveryProblemByCellAndWritesNothing) {
  PublishNew("1.000894", "Đăng ký kết hôn");
  const std::size_t before = StoredVersions();
  json bad_code = Record("abc", "Mã sai");
  json other = Record("1.001193", "Khai sinh");
  const std::string book = Workbook(json::array({Record("1.000900", "Đúng"), bad_code, other}));
  auto submitted = Upload("/api/v1/catalog/imports", &admin_, book, kXlsx);
  ASSERT_EQ(submitted->status, 202) << submitted->body;
  json job = WaitForJob(submitted->get_header_value("Location"), &admin_);
  ASSERT_EQ(job["state"], "failed") << job.dump();
  EXPECT_EQ(job["problem"]["type"], "https://motcua.vn/problems/invalid-argument/import");
  ASSERT_EQ(job["problem"]["errors"].size(), 1u) << job.dump();
  EXPECT_EQ(job["problem"]["errors"][0]["field"], "Thủ tục!A3");  // row 3: the second record
  EXPECT_TRUE(job["written"].is_null());
  EXPECT_EQ(StoredVersions(), before);

  // Decoding errors (here of a JSON file): every one listed, nothing stored.
  json records = json::array({Record("1.000901", "Một"), Record("1.000902", "Hai")});
  records[0]["channels"]["in-person"]["time"]["unit"] = "weeks";
  records[1]["cases"][0]["components"][0]["requirement"] = "maybe";
  auto json_job = Upload("/api/v1/catalog/imports", &admin_, records.dump(), "application/json");
  ASSERT_EQ(json_job->status, 202);
  job = WaitForJob(json_job->get_header_value("Location"), &admin_);
  ASSERT_EQ(job["state"], "failed");
  std::vector<std::string> fields;
  for (const auto& e : job["problem"]["errors"]) fields.push_back(e["field"]);
  EXPECT_EQ(fields, (std::vector<std::string>{"[0].channels.in-person.time.unit",
                                              "[1].cases[0].components[0].requirement"}));
  EXPECT_EQ(StoredVersions(), before);
}

TEST_F(CatalogApiTest, BodiesThatAreNotCatalogFilesAre400) {
  auto zip = Upload("/api/v1/catalog/imports", &admin_, "PK\x03\x04 not really", kXlsx);
  ASSERT_EQ(zip->status, 400) << zip->body;
  EXPECT_EQ(zip->get_header_value("Content-Type"), "application/problem+json");
  EXPECT_EQ(Fields(zip), (std::vector<std::string>{"file"}));
  EXPECT_EQ(Body(zip)["type"], "https://motcua.vn/problems/invalid-argument/malformed-xlsx");
  auto json_as_xlsx = Upload("/api/v1/catalog/imports", &admin_, "[]", kXlsx);
  EXPECT_EQ(Fields(json_as_xlsx), (std::vector<std::string>{"file"}));
  auto not_array = Upload("/api/v1/catalog/imports", &admin_, "{\"code\": 1}", "application/json");
  EXPECT_EQ(not_array->status, 400);
  EXPECT_EQ(Fields(not_array), (std::vector<std::string>{"body"}));
  auto text = Upload("/api/v1/catalog/imports", &admin_, "hello", "text/plain");
  EXPECT_EQ(Fields(text), (std::vector<std::string>{"Content-Type"}));
  // Broken JSON syntax is the job's: it fails with the parser's message.
  auto syntax = Upload("/api/v1/catalog/imports", &admin_, "[{", "application/json");
  ASSERT_EQ(syntax->status, 202);
  json job = WaitForJob(syntax->get_header_value("Location"), &admin_);
  EXPECT_EQ(job["state"], "failed");
  EXPECT_EQ(job["problem"]["status"], 400);
}

// Drafts never published are listed, newest edit first, each administrator seeing those of their
// units; the list pages on with its cursor.
TEST_F(CatalogApiTest, DraftsAreListedNewestEditFirstWithinTheCallersScope) {
  PublishNew("1.000894", "Đăng ký kết hôn");  // published: not a draft
  auto create = [&](const std::string& code, const std::string& name, const std::string& unit) {
    clock_.Advance(60);
    auto created = Send("POST", "/api/v1/procedures", &admin_, Record(code, name, unit).dump());
    EXPECT_EQ(created->status, 201) << created->body;
    return Body(created)["row_version"].get<std::int64_t>();
  };
  const std::int64_t first = create("1.000920", "Nháp một", "H99.02");
  create("1.000921", "Nháp hai", "H99.03");
  create("1.000922", "Nháp ba", "H99.02");
  auto codes = [&](const json& page) {
    std::vector<std::string> out;
    for (const auto& d : page["items"]) out.push_back(d["code"]);
    return out;
  };
  auto all = Send("GET", "/api/v1/catalog/drafts", &admin_);
  ASSERT_EQ(all->status, 200) << all->body;
  EXPECT_EQ(codes(Body(all)), (std::vector<std::string>{"1.000922", "1.000921", "1.000920"}));
  EXPECT_EQ(Body(all)["items"][0]["name"], "Nháp ba");
  EXPECT_EQ(Body(all)["items"][0]["version"], 1);
  EXPECT_FALSE(Body(all)["items"][0]["edited_at"].is_null());

  // An edit brings the first draft to the top.
  clock_.Advance(60);
  auto edited =
      Send("PUT", "/api/v1/procedures/1.000920/versions/1", &admin_,
           json{{"version", first}, {"procedure", Record("1.000920", "Nháp một (sửa)")}}.dump());
  ASSERT_EQ(edited->status, 200) << edited->body;
  auto page = Body(Send("GET", "/api/v1/catalog/drafts?limit=2", &admin_));
  EXPECT_EQ(codes(page), (std::vector<std::string>{"1.000920", "1.000922"}));
  ASSERT_TRUE(page["next_cursor"].is_string()) << page.dump();
  auto rest = Body(
      Send("GET", "/api/v1/catalog/drafts?limit=2&cursor=" + page["next_cursor"].get<std::string>(),
           &admin_));
  EXPECT_EQ(codes(rest), std::vector<std::string>{"1.000921"});
  EXPECT_TRUE(rest["next_cursor"].is_null());

  // The department of justice's administrator sees its own drafts only.
  Session dept = Login("admin.tuphap");
  EXPECT_EQ(codes(Body(Send("GET", "/api/v1/catalog/drafts", &dept))),
            (std::vector<std::string>{"1.000920", "1.000922"}));
  // Officers without catalog.manage get 403; a cursor not given by the list is named.
  Session officer = Login("chuyenvien");
  EXPECT_EQ(Send("GET", "/api/v1/catalog/drafts", &officer)->status, 403);
  EXPECT_EQ(Fields(Send("GET", "/api/v1/catalog/drafts?cursor=abc", &admin_)),
            std::vector<std::string>{"cursor"});
  EXPECT_EQ(Fields(Send("GET", "/api/v1/catalog/drafts?limit=0", &admin_)),
            std::vector<std::string>{"limit"});
}

TEST_F(CatalogApiTest, ListsTheCallersOwnImportsNewestFirst) {
  Session dept = Login("admin.tuphap");
  std::vector<std::string> mine;
  for (int i = 0; i < 3; ++i) {
    auto submitted = Upload("/api/v1/catalog/imports", &admin_, "[]", "application/json");
    ASSERT_EQ(submitted->status, 202) << submitted->body;
    mine.push_back(Body(submitted)["id"]);
    WaitForJob(submitted->get_header_value("Location"), &admin_);
  }
  auto theirs = Upload("/api/v1/catalog/imports", &dept, "[{", "application/json");
  ASSERT_EQ(theirs->status, 202);
  WaitForJob(theirs->get_header_value("Location"), &dept);

  auto page = Send("GET", "/api/v1/catalog/imports?limit=2", &admin_);
  ASSERT_EQ(page->status, 200) << page->body;
  json items = Body(page)["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["id"], mine[2]);
  EXPECT_EQ(items[1]["id"], mine[1]);
  EXPECT_EQ(items[0]["state"], "succeeded");
  EXPECT_EQ(items[0]["problems"], 0);
  EXPECT_FALSE(items[0].contains("problem"));
  ASSERT_TRUE(Body(page)["next_after"].is_number_integer());
  auto next = Send("GET",
                   "/api/v1/catalog/imports?limit=2&after=" +
                       std::to_string(Body(page)["next_after"].get<std::int64_t>()),
                   &admin_);
  ASSERT_EQ(next->status, 200);
  ASSERT_EQ(Body(next)["items"].size(), 1u);
  EXPECT_EQ(Body(next)["items"][0]["id"], mine[0]);
  EXPECT_TRUE(Body(next)["next_after"].is_null());

  // Another's failed job is theirs alone; it says how many problems it had.
  json other = Body(Send("GET", "/api/v1/catalog/imports", &dept))["items"];
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0]["state"], "failed");
  EXPECT_EQ(other[0]["problems"], 1);
  EXPECT_EQ(Fields(Send("GET", "/api/v1/catalog/imports?limit=0", &admin_)),
            (std::vector<std::string>{"limit"}));
  EXPECT_EQ(Fields(Send("GET", "/api/v1/catalog/imports?after=x", &admin_)),
            (std::vector<std::string>{"after"}));
  Session citizen = Login("congdan");
  EXPECT_EQ(Send("GET", "/api/v1/catalog/imports", &citizen)->status, 403);
}

TEST_F(CatalogApiTest, ImportPermissionsAndJobVisibility) {
  const std::string book = Workbook(json::array({Record("1.000894", "Đăng ký kết hôn")}));
  Session citizen = Login("congdan");
  EXPECT_EQ(Upload("/api/v1/catalog/imports", &citizen, book, kXlsx)->status, 403);
  EXPECT_EQ(Upload("/api/v1/catalog/imports", nullptr, book, kXlsx)->status, 401);
  EXPECT_EQ(Send("GET", "/api/v1/catalog/export", &citizen)->status, 403);
  // An administrator below the province root may submit, but the import refuses them.
  Session dept = Login("admin.tuphap");
  auto submitted = Upload("/api/v1/catalog/imports", &dept, book, kXlsx);
  ASSERT_EQ(submitted->status, 202);
  const std::string location = submitted->get_header_value("Location");
  json job = WaitForJob(location, &dept);
  EXPECT_EQ(job["state"], "failed");
  EXPECT_EQ(job["problem"]["status"], 403);
  EXPECT_EQ(Send("GET", location, &citizen)->status, 403);
  EXPECT_EQ(Send("GET", location, &admin_)->status, 200);  // administrators see every job
  EXPECT_EQ(Send("GET", "/api/v1/catalog/imports/nope", &admin_)->status, 404);
}

}  // namespace
}  // namespace motcua::http
