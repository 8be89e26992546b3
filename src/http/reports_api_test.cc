// The reports API over HTTP: statistics of a month from dossiers received through the real
// reception, grouped; the periodic report; the 766 index; the public figures without login; the
// workbooks and PDF documents; unit scope and field-named errors.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "calendar/test_util.h"
#include "catalog/test_util.h"
#include "catalog_io/xlsx_reader.h"
#include "http/testing/api_fixture.h"

namespace motcua::http {
namespace {

using calendar::testing::L;
using catalog::StepKind;
using testing::Session;

// The text of a PDF as pdftotext (poppler-utils) reads it, white space collapsed.
std::string PdfText(const std::string& pdf) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("motcua-reports-api-" + std::to_string(getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  std::string raw;
  if (FILE* pipe =
          popen(("pdftotext -enc UTF-8 '" + path.string() + "' - 2>/dev/null").c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) raw.append(buf, n);
    pclose(pipe);
  }
  std::filesystem::remove(path);
  std::string out;
  for (char c : raw) {
    const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

class ReportsApiTest : public testing::ApiFixture {
 protected:
  ReportsApiTest() : ApiFixture(L("2026-03-02 08:00")) {}

  void SetUp() override {
    ApiFixture::SetUp();
    ImportCounterProcedure();
  }

  static std::string Reception(const std::string& decision, const std::string& provision) {
    json j = {{"procedure_code", "1.000001"},
              {"channel", "in-person"},
              {"decision", decision},
              {"applicant",
               {{"name", "Nguyễn Thị Hương"},
                {"id_number", "001190012345"},
                {"address", "Phường Hòa Bình"},
                {"phone", "0912345678"}}},
              {"components", {{{"name", "Tờ khai đăng ký kết hôn"}, {"provision", provision}}}}};
    if (decision == "refuse") j["reason"] = "Không thuộc thẩm quyền";
    return j.dump();
  }

  // Two dossiers received at the counter on 2 March, one refused.
  void ReceiveThree() {
    Session reception = Login("tiepnhan");
    for (int i = 0; i < 2; ++i) {
      auto received =
          Send("POST", "/api/v1/dossiers", &reception, Reception("receive", "paper-original"));
      ASSERT_EQ(received->status, 201);
      received_.push_back(Body(received)["id"]);
    }
    auto refused = Send("POST", "/api/v1/dossiers", &reception, Reception("refuse", "paper-copy"));
    ASSERT_EQ(refused->status, 201) << refused->body;
  }

  // The visits of steps stored for a dossier (migration 11).
  std::vector<reports::StepVisit> Visits(std::int64_t id) {
    std::vector<reports::StepVisit> out;
    EXPECT_TRUE(store_
                    ->Read([&](app::ReadTx& tx) -> Status {
                      MOTCUA_ASSIGN_OR_RETURN(out, tx.ListStepVisits(id));
                      return Ok();
                    })
                    .ok());
    return out;
  }

  std::vector<std::int64_t> received_;  // the ids of ReceiveThree's received dossiers
};

TEST_F(ReportsApiTest, StatisticsOfAMonthGroupedByUnitAndChannel) {
  ReceiveThree();
  Session admin = Login("admin");
  auto res =
      Send("GET", "/api/v1/reports/statistics?unit=H99&period=2026-03&group_by=unit", &admin);
  ASSERT_EQ(res->status, 200) << res->body;
  const json body = Body(res);
  EXPECT_EQ(body["period"]["label"], "2026-03");
  EXPECT_EQ(body["period"]["from"]["local"], "2026-03-01 00:00");
  EXPECT_EQ(body["total"]["received"], 2);
  EXPECT_EQ(body["total"]["received_by_channel"]["in_person"], 2);
  EXPECT_EQ(body["total"]["refused"], 1);
  EXPECT_EQ(body["total"]["in_progress_on_time"], 2);
  EXPECT_EQ(body["total"]["resolved"], 0);
  EXPECT_EQ(body["total"]["shares"]["online"], 0.0);
  EXPECT_TRUE(body["total"]["shares"]["on_time"].is_null());  // nothing resolved: not 0%
  EXPECT_TRUE(body["total"]["shares"]["fees_paid_online"].is_null());
  ASSERT_EQ(body["rows"].size(), 1u);
  EXPECT_EQ(body["rows"][0]["key"], "H99.02");
  EXPECT_EQ(body["rows"][0]["name"], "Sở Tư pháp");
  // The dossiers were received on 2 March: February has none.
  auto feb = Body(Send("GET", "/api/v1/reports/statistics?unit=H99&period=2026-02", &admin));
  EXPECT_EQ(feb["total"]["total"], 0);
  EXPECT_EQ(feb["rows"].size(), 0u);
  // Without sub-units the province itself decides nothing.
  auto own = Body(
      Send("GET", "/api/v1/reports/statistics?unit=H99&subunits=false&period=2026-03", &admin));
  EXPECT_EQ(own["total"]["total"], 0);
  // A custom range, by channel.
  auto range = Body(Send("GET",
                         "/api/v1/reports/statistics?unit=H99.02&from=2026-03-02&to=2026-03-02"
                         "&group_by=channel",
                         &admin));
  ASSERT_EQ(range["rows"].size(), 1u);
  EXPECT_EQ(range["rows"][0]["key"], "in-person");
  EXPECT_EQ(range["rows"][0]["statistics"]["received"], 2);
  // By the procedure version's field, and by procedure.
  auto field = Body(
      Send("GET", "/api/v1/reports/statistics?unit=H99&period=2026-03&group_by=field", &admin));
  ASSERT_EQ(field["rows"].size(), 1u);
  EXPECT_EQ(field["rows"][0]["key"], "Hộ tịch");
  EXPECT_EQ(field["rows"][0]["statistics"]["total"], 2);
  auto procedure = Body(
      Send("GET", "/api/v1/reports/statistics?unit=H99&period=2026-03&group_by=procedure", &admin));
  ASSERT_EQ(procedure["rows"].size(), 1u);
  EXPECT_EQ(procedure["rows"][0]["key"], "1.000001");
}

TEST_F(ReportsApiTest, EveryFigureListsItsDossiers) {
  ReceiveThree();
  Session admin = Login("admin");
  auto open = Send("GET",
                   "/api/v1/reports/dossiers?unit=H99&period=2026-03&figure=in_progress_on_time"
                   "&limit=1",
                   &admin);
  ASSERT_EQ(open->status, 200) << open->body;
  json page = Body(open);
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_EQ(page["items"][0]["code"], "H99.01-260302-0001");
  EXPECT_EQ(page["items"][0]["finish"], "open");
  ASSERT_FALSE(page["next_after"].is_null());
  auto next = Body(Send("GET",
                        "/api/v1/reports/dossiers?unit=H99&period=2026-03&figure=in_progress_on_"
                        "time&limit=1&after=" +
                            std::to_string(page["next_after"].get<std::int64_t>()),
                        &admin));
  ASSERT_EQ(next["items"].size(), 1u);
  EXPECT_EQ(next["items"][0]["code"], "H99.01-260302-0002");
  auto refused =
      Body(Send("GET", "/api/v1/reports/dossiers?unit=H99&period=2026-03&figure=refused", &admin));
  ASSERT_EQ(refused["items"].size(), 1u);
  EXPECT_EQ(refused["items"][0]["finish"], "refused");
  EXPECT_TRUE(refused["items"][0]["received_at"].is_null());
  auto late = Body(
      Send("GET", "/api/v1/reports/dossiers?unit=H99&period=2026-03&figure=resolved_late", &admin));
  EXPECT_EQ(late["items"].size(), 0u);
  auto bad = Send("GET", "/api/v1/reports/dossiers?unit=H99&period=2026-03&figure=late", &admin);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(Fields(bad), (std::vector<std::string>{"figure"}));
  Session land = Login("chuyenvien.datdai");
  EXPECT_EQ(
      Send("GET", "/api/v1/reports/dossiers?unit=H99&period=2026-03&figure=refused", &land)->status,
      404);
}

TEST_F(ReportsApiTest, TheWorkbookHoldsTheSameFigures) {
  ReceiveThree();
  Session admin = Login("admin");
  auto res = Send("GET", "/api/v1/reports/statistics?unit=H99&period=2026-03&format=xlsx", &admin);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  auto book = catalog_io::ReadXlsx(res->body);
  ASSERT_TRUE(book.ok()) << ToString(book.error());
  ASSERT_FALSE(book->empty());
  const auto& rows = book->front().rows;
  ASSERT_GE(rows.size(), 3u);  // header, the one group, the total
  EXPECT_EQ(rows[0].At(1).text, "Tổng số");
  EXPECT_EQ(rows.back().At(0).text, "Tổng cộng H99 2026-03");
  EXPECT_EQ(rows.back().At(2).text, "2");  // received
}

TEST_F(ReportsApiTest, ThePeriodicReportAgreesWithTheStatistics) {
  ReceiveThree();
  Session admin = Login("admin");
  auto res = Send("GET", "/api/v1/reports/periodic?unit=H99&period=2026-03", &admin);
  ASSERT_EQ(res->status, 200) << res->body;
  const json body = Body(res);
  EXPECT_EQ(body["period"]["label"], "2026-03");
  EXPECT_EQ(body["subunits"], true);
  ASSERT_EQ(body["by_field"].size(), 1u);
  EXPECT_EQ(body["by_field"][0]["key"], "Hộ tịch");
  EXPECT_EQ(body["by_field"][0]["statistics"]["received_by_channel"]["in_person"], 2);
  EXPECT_EQ(body["by_field"][0]["statistics"]["in_progress_on_time"], 2);
  ASSERT_EQ(body["by_unit"].size(), 1u);
  EXPECT_EQ(body["by_unit"][0]["key"], "H99.02");
  EXPECT_EQ(body["by_unit"][0]["name"], "Sở Tư pháp");
  EXPECT_EQ(body["total"]["total"], 2);
  EXPECT_EQ(body["total"]["refused"], 1);
  // The same figures as the statistics of the same scope, whole.
  for (const char* period : {"2026-03", "2026-Q1", "2026-H1", "2026"}) {
    SCOPED_TRACE(period);
    auto periodic = Body(
        Send("GET", std::string("/api/v1/reports/periodic?unit=H99&period=") + period, &admin));
    auto stats = Body(
        Send("GET", std::string("/api/v1/reports/statistics?unit=H99&period=") + period, &admin));
    EXPECT_EQ(periodic["total"], stats["total"]);
  }
  // A cut-off of days (the 15th to the 14th) is a range.
  auto range =
      Send("GET", "/api/v1/reports/periodic?unit=H99&from=2026-02-15&to=2026-03-14", &admin);
  ASSERT_EQ(range->status, 200) << range->body;
  EXPECT_EQ(Body(range)["total"]["received"], 2);
  Session land = Login("chuyenvien.datdai");
  EXPECT_EQ(Send("GET", "/api/v1/reports/periodic?unit=H99.02&period=2026-03", &land)->status, 404);
}

TEST_F(ReportsApiTest, EveryReportComesAsAWorkbookAndAPdf) {
  ReceiveThree();
  Session admin = Login("admin");
  auto book_res =
      Send("GET", "/api/v1/reports/periodic?unit=H99&period=2026-Q1&format=xlsx", &admin);
  ASSERT_EQ(book_res->status, 200) << book_res->body;
  auto book = catalog_io::ReadXlsx(book_res->body);
  ASSERT_TRUE(book.ok()) << ToString(book.error());
  ASSERT_EQ(book->size(), 2u);
  EXPECT_EQ((*book)[0].name, "Theo lĩnh vực");
  EXPECT_EQ((*book)[0].rows.at(1).At(0).text, "Hộ tịch");
  EXPECT_EQ((*book)[0].rows.at(1).At(2).text, "2");  // received
  EXPECT_EQ((*book)[1].name, "Theo đơn vị");
  EXPECT_EQ((*book)[1].rows.at(1).At(0).text, "H99.02 Sở Tư pháp");
  EXPECT_EQ((*book)[1].rows.back().At(0).text, "Tổng cộng H99 2026-Q1");

  auto pdf = Send("GET", "/api/v1/reports/periodic?unit=H99&period=2026-Q1&format=pdf", &admin);
  ASSERT_EQ(pdf->status, 200) << pdf->body;
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf->get_header_value("Content-Disposition"),
            "attachment; filename=\"bao-cao-dinh-ky-H99-2026-Q1.pdf\"");
  if (const char* dir = std::getenv("MOTCUA_RENDER_SAMPLE_DIR")) {  // docs/forms.md
    std::ofstream(std::filesystem::path(dir) / "bao-cao-dinh-ky.pdf", std::ios::binary)
        << pdf->body;
  }
  std::string text = PdfText(pdf->body);
  for (const char* expected :
       {"UBND TỈNH SƠN HÀ (DỮ LIỆU MẪU)", "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        "Kỳ báo cáo: Quý I năm 2026", "từ ngày 01/01/2026 đến ngày 31/03/2026",
        "I. Theo lĩnh vực giải quyết", "Hộ tịch", "II. Theo đơn vị giải quyết",
        "Sở Tư pháp (H99.02)", "Tổng cộng", "Kỳ trước chuyển qua"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n in: " << text;
  }

  auto stats =
      Send("GET", "/api/v1/reports/statistics?unit=H99&period=2026-03&group_by=channel&format=pdf",
           &admin);
  ASSERT_EQ(stats->status, 200) << stats->body;
  text = PdfText(stats->body);
  for (const char* expected : {"THỐNG KÊ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
                               "Kỳ thống kê: Tháng 3 năm 2026", "Kênh tiếp nhận", "Trực tiếp"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n in: " << text;
  }

  auto index = Send("GET", "/api/v1/reports/index766?unit=H99&period=2026-03&format=pdf", &admin);
  ASSERT_EQ(index->status, 200) << index->body;
  if (const char* dir = std::getenv("MOTCUA_RENDER_SAMPLE_DIR")) {
    std::ofstream(std::filesystem::path(dir) / "chi-so-766.pdf", std::ios::binary) << index->body;
  }
  text = PdfText(index->body);
  for (const char* expected : {"QUYẾT ĐỊNH 766/QĐ-TTg", "Giải quyết trước hạn, đúng hạn", "100%",
                               "Chưa đo được", "Sở Tư pháp (H99.02)"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n in: " << text;
  }
}

TEST_F(ReportsApiTest, TheTrendReadsTheDailySnapshots) {
  ReceiveThree();
  clock_.Set(L("2026-03-04 08:00"));
  auto taken = reports_->TakeDailySnapshots();
  ASSERT_TRUE(taken.ok()) << ToString(taken.error());
  EXPECT_EQ(*taken, 7);
  Session admin = Login("admin");
  auto res = Send("GET", "/api/v1/reports/trend?unit=H99&from=2026-03-01&to=2026-03-31", &admin);
  ASSERT_EQ(res->status, 200) << res->body;
  const json days = Body(res)["days"];
  ASSERT_EQ(days.size(), 3u);  // 1 to 3 March; 25 to 28 February are before the period
  EXPECT_EQ(days[1]["date"], "2026-03-02");
  EXPECT_EQ(days[1]["received"], 2);
  EXPECT_EQ(days[1]["received_by_channel"]["in_person"], 2);
  EXPECT_EQ(days[1]["refused"], 1);
  EXPECT_EQ(days[1]["in_progress_on_time"], 2);
  EXPECT_EQ(days[2]["date"], "2026-03-03");
  EXPECT_EQ(days[2]["received"], 0);
  EXPECT_EQ(days[2]["in_progress"], 2);
  auto long_period = Send("GET", "/api/v1/reports/trend?unit=H99&period=2025-03..2026-03", &admin);
  EXPECT_EQ(Fields(long_period), (std::vector<std::string>{"period"})) << long_period->body;
  auto too_long =
      Send("GET", "/api/v1/reports/trend?unit=H99&from=2025-01-01&to=2026-03-31", &admin);
  EXPECT_EQ(Fields(too_long), (std::vector<std::string>{"period"})) << too_long->body;
  Session land = Login("chuyenvien.datdai");
  EXPECT_EQ(Send("GET", "/api/v1/reports/trend?unit=H99.02&period=2026-03", &land)->status, 404);
}

TEST_F(ReportsApiTest, PerStepFiguresFollowTheDossiersThroughTheirSteps) {
  ReceiveThree();  // two received at 08:00 on Monday 2 March, one refused
  Session admin = Login("admin");
  clock_.Set(L("2026-03-02 10:00"));
  auto res = Send("GET", "/api/v1/reports/steps?unit=H99&period=2026-03", &admin);
  ASSERT_EQ(res->status, 200) << res->body;
  json body = Body(res);
  EXPECT_EQ(body["group"], "step");
  ASSERT_EQ(body["rows"].size(), 1u) << body.dump();  // the refusal was never at a step
  const json first = body["rows"][0];
  // Both at reception (4 working hours from 08:00: due at 13:30), none left it yet.
  EXPECT_EQ(first["step_id"], "tiep-nhan");
  EXPECT_EQ(first["key"], "tiep-nhan");
  EXPECT_EQ(first["name"], "tiep-nhan");  // the workflow's name of the step
  EXPECT_EQ(first["passed"], 0);
  EXPECT_EQ(first["current"], 2);
  EXPECT_EQ(first["current_overdue"], 0);
  EXPECT_EQ(first["average_hours"], nullptr);
  EXPECT_EQ(body["total"]["current"], 2);

  // A week later both are still at their first step, past its budget.
  clock_.Set(L("2026-03-09 10:00"));
  admin = Login("admin");  // the session of a week ago has expired
  body = Body(Send("GET", "/api/v1/reports/steps?unit=H99&period=2026-03", &admin));
  EXPECT_EQ(body["total"]["current"], 2);
  EXPECT_EQ(body["total"]["current_overdue"], 2) << body.dump();
  // February saw none of them.
  body = Body(Send("GET", "/api/v1/reports/steps?unit=H99&period=2026-02", &admin));
  EXPECT_EQ(body["rows"].size(), 0u);

  auto book = Send("GET", "/api/v1/reports/steps?unit=H99&period=2026-03&format=xlsx", &admin);
  ASSERT_EQ(book->status, 200);
  EXPECT_EQ(book->get_header_value("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  Session land = Login("chuyenvien.datdai");
  EXPECT_EQ(Send("GET", "/api/v1/reports/steps?unit=H99.02&period=2026-03", &land)->status, 404);
}

TEST_F(ReportsApiTest, PerStepFiguresPerUnitAndPerOfficerFromTheStoredVisits) {
  ReceiveThree();
  const std::int64_t id = received_.front();
  // A command refused writes no visit; the forward writes the one it completes.
  clock_.Set(L("2026-03-02 09:00"));
  Session land = Login("chuyenvien.datdai");
  EXPECT_NE(Command(land, id, {{"command", "forward"}})->status, 200);
  Session reception = Login("tiepnhan");
  EXPECT_EQ(Command(reception, id, {{"command", "forward"}})->status, 200);
  auto stale = Send("POST", "/api/v1/dossiers/" + std::to_string(id) + "/commands", &reception,
                    json{{"command", "forward"}, {"version", 1}}.dump());
  EXPECT_EQ(stale->status, 409) << stale->body;
  const auto visits = Visits(id);
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0].step_id, "tiep-nhan");
  EXPECT_EQ(visits[0].ordinal, 1);
  EXPECT_EQ(visits[0].entered, L("2026-03-02 08:00"));
  EXPECT_EQ(visits[0].left, L("2026-03-02 09:00"));
  EXPECT_EQ(visits[0].working_seconds, 3600);
  EXPECT_EQ(visits[0].outcome, reports::VisitOutcome::kOnTime);
  EXPECT_TRUE(Visits(received_.back()).empty());

  clock_.Set(L("2026-03-02 10:00"));
  Session admin = Login("admin");
  // Per officer: the reception officer left one visit, on time, after one working hour; the
  // dossiers still at a step count for whom they are assigned to.
  json body =
      Body(Send("GET", "/api/v1/reports/steps?unit=H99&period=2026-03&group=officer", &admin));
  EXPECT_EQ(body["group"], "officer");
  std::map<std::string, json> rows;
  for (const json& row : body["rows"]) rows[row["key"]] = row;
  const std::string officer = std::to_string(visits[0].officer);
  ASSERT_TRUE(rows.contains(officer)) << body.dump();
  EXPECT_EQ(rows[officer]["passed"], 1);
  EXPECT_EQ(rows[officer]["on_time"], 1);
  EXPECT_EQ(rows[officer]["average_hours"], 1.0);
  std::string full_name;
  ASSERT_TRUE(store_
                  ->Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(auto user, tx.FindUser(visits[0].officer));
                    if (user) full_name = user->full_name;
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(rows[officer]["name"], full_name);
  EXPECT_EQ(body["total"]["passed"], 1);
  EXPECT_EQ(body["total"]["current"], 2);
  // Per unit: the visit belongs to the reception step's unit.
  body = Body(Send("GET", "/api/v1/reports/steps?unit=H99&period=2026-03&group=unit", &admin));
  EXPECT_EQ(body["total"]["passed"], 1);
  EXPECT_EQ(body["total"]["current"], 2);
  rows.clear();
  for (const json& row : body["rows"]) rows[row["key"]] = row;
  ASSERT_TRUE(rows.contains(visits[0].unit)) << body.dump();
  EXPECT_EQ(rows[visits[0].unit]["passed"], 1);
  EXPECT_FALSE(rows[visits[0].unit]["name"].get<std::string>().empty());

  for (const char* group : {"step", "unit", "officer"}) {
    auto pdf =
        Send("GET",
             std::string("/api/v1/reports/steps?unit=H99&period=2026-03&format=pdf&group=") + group,
             &admin);
    ASSERT_EQ(pdf->status, 200) << pdf->body;
    EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
    const std::string text = PdfText(pdf->body);
    for (const std::string& expected : {std::string("THỐNG KÊ THỜI GIAN XỬ LÝ THEO BƯỚC"),
                                        std::string("Kỳ thống kê: Tháng 3 năm 2026"),
                                        std::string("Đúng hạn"), std::string("Tổng cộng")}) {
      EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n in: " << text;
    }
    if (std::string(group) == "officer") {
      EXPECT_NE(text.find(full_name), std::string::npos) << text;
    }
    if (std::string(group) == "step") {
      if (const char* dir = std::getenv("MOTCUA_RENDER_SAMPLE_DIR")) {  // docs/forms.md
        std::ofstream(std::filesystem::path(dir) / "theo-buoc.pdf", std::ios::binary) << pdf->body;
      }
    }
    auto book = Send(
        "GET",
        std::string("/api/v1/reports/steps?unit=H99&period=2026-03&format=xlsx&group=") + group,
        &admin);
    EXPECT_EQ(book->status, 200);
    // The workbook: the group's key and name, its figures, the total.
    auto sheets = catalog_io::ReadXlsx(book->body);
    ASSERT_TRUE(sheets.ok()) << ToString(sheets.error());
    const auto& cells = sheets->front().rows;
    ASSERT_GE(cells.size(), 3u);
    EXPECT_EQ(cells.back().At(0).text, "Tổng cộng H99 2026-03");
    EXPECT_EQ(cells.back().At(2).text, "1");  // passed
    if (std::string(group) == "officer") {
      EXPECT_EQ(cells[0].At(1).text, "Cán bộ chuyển bước");
      bool named = false;
      for (const auto& row : cells) named = named || row.At(1).text == full_name;
      EXPECT_TRUE(named) << full_name;
    }
  }
}

TEST_F(ReportsApiTest, TheIndexScoresWhatIsMeasurable) {
  ReceiveThree();
  Session admin = Login("admin");
  auto res = Send("GET", "/api/v1/reports/index766?unit=H99&period=2026-03", &admin);
  ASSERT_EQ(res->status, 200) << res->body;
  const json body = Body(res);
  const json& indicators = body["whole"]["index"]["indicators"];
  std::map<std::string, json> by_id;
  for (const json& i : indicators) by_id[i["id"]] = i;
  // 2.1: both dossiers are in progress within their time: 2 / 2, all 20 points.
  EXPECT_EQ(by_id["2.1"]["measurable"], true);
  EXPECT_EQ(by_id["2.1"]["numerator"], 2);
  EXPECT_EQ(by_id["2.1"]["denominator"], 2);
  EXPECT_EQ(by_id["2.1"]["score"], 20.0);
  // 4.2: paper is digitized at reception: 2 of 2, all 4 points; 4.3: nothing reused, 0 of 2.
  EXPECT_EQ(by_id["4.2"]["score"], 4.0);
  EXPECT_EQ(by_id["4.3"]["measurable"], true);
  EXPECT_EQ(by_id["4.3"]["score"], 0.0);
  EXPECT_EQ(by_id["3.6"]["measurable"], false);
  EXPECT_NE(by_id["3.6"]["reason"].get<std::string>().find("not measurable"), std::string::npos);
  EXPECT_EQ(by_id["3.6"]["reason_code"], "not-recorded");
  EXPECT_EQ(by_id["3.6"]["missing_input"], "paid_online");
  EXPECT_EQ(body["whole"]["index"]["total_points"], 100.0);
  ASSERT_EQ(body["units"].size(), 1u);
  EXPECT_EQ(body["units"][0]["unit_code"], "H99.02");
}

TEST_F(ReportsApiTest, PublicFiguresNeedNoLogin) {
  ReceiveThree();
  auto res = Send("GET", "/api/v1/public/figures?unit=H99&month=2026-03", nullptr);
  ASSERT_EQ(res->status, 200) << res->body;
  const json body = Body(res);
  EXPECT_EQ(body["received"], 2);
  EXPECT_EQ(body["resolved"], 0);
  EXPECT_EQ(body["in_progress"], 2);
  EXPECT_TRUE(body["on_time_rate"].is_null());
  EXPECT_EQ(body["unit"]["name"], "UBND tỉnh Sơn Hà (dữ liệu mẫu)");
  auto unknown = Send("GET", "/api/v1/public/figures?unit=H77&month=2026-03", nullptr);
  EXPECT_EQ(unknown->status, 400);
  EXPECT_EQ(Fields(unknown), (std::vector<std::string>{"unit"})) << unknown->body;
  auto quarter = Send("GET", "/api/v1/public/figures?unit=H99&month=2026-Q1", nullptr);
  EXPECT_EQ(Fields(quarter), (std::vector<std::string>{"month"})) << quarter->body;
  auto no_unit = Send("GET", "/api/v1/public/figures?month=2026-03", nullptr);
  EXPECT_EQ(Fields(no_unit), (std::vector<std::string>{"unit"})) << no_unit->body;
}

TEST_F(ReportsApiTest, ScopeAndErrorsNameTheirFields) {
  ReceiveThree();
  EXPECT_EQ(Send("GET", "/api/v1/reports/statistics?period=2026-03", nullptr)->status, 401);
  Session citizen = Login("congdan");
  EXPECT_EQ(Send("GET", "/api/v1/reports/statistics?period=2026-03", &citizen)->status, 403);
  // An officer of another department: the Justice department is not in their unit.
  Session land = Login("chuyenvien.datdai");
  EXPECT_EQ(Send("GET", "/api/v1/reports/statistics?unit=H99.02&period=2026-03", &land)->status,
            404);
  // Their own unit by default.
  auto own = Body(Send("GET", "/api/v1/reports/statistics?period=2026-03", &land));
  EXPECT_EQ(own["unit"]["code"], "H99.03.01");
  EXPECT_EQ(own["total"]["total"], 0);

  Session admin = Login("admin");
  const std::pair<const char*, const char*> bad[] = {
      {"/api/v1/reports/statistics?unit=H99&period=2026-13", "period"},
      {"/api/v1/reports/statistics?unit=H99", "from"},
      {"/api/v1/reports/statistics?unit=H99&from=2026-03-01", "to"},
      {"/api/v1/reports/statistics?unit=H99&from=2026-03-01&to=03/2026", "to"},
      {"/api/v1/reports/statistics?unit=H99&from=2026-03-10&to=2026-03-01", "to"},
      {"/api/v1/reports/statistics?unit=H99&period=2026-03&from=2026-03-01", "period"},
      {"/api/v1/reports/statistics?unit=H99&period=2026-03&group_by=weekday", "group_by"},
      {"/api/v1/reports/statistics?unit=H99&period=2026-03&subunits=maybe", "subunits"},
      {"/api/v1/reports/statistics?unit=H77&period=2026-03", "unit"},
      {"/api/v1/reports/statistics?unit=H99&period=2026-03&format=csv", "format"},
      {"/api/v1/reports/periodic?unit=H99&period=2026-03-05", "period"},
      {"/api/v1/reports/periodic?unit=H99", "from"},
      {"/api/v1/reports/periodic?unit=H99&period=2026-Q5", "period"},
      {"/api/v1/reports/periodic?unit=H77&period=2026-03", "unit"},
      {"/api/v1/reports/periodic?unit=H99&period=2026-03&format=docx", "format"},
      {"/api/v1/reports/index766?unit=H99&period=2026-W10", "period"},
      {"/api/v1/reports/steps?unit=H99&period=2026-13", "period"},
      {"/api/v1/reports/steps?unit=H99&period=2026-03&subunits=maybe", "subunits"},
      {"/api/v1/reports/steps?unit=H77&period=2026-03", "unit"},
      {"/api/v1/reports/steps?unit=H99&period=2026-03&format=docx", "format"},
      {"/api/v1/reports/steps?unit=H99&period=2026-03&group=procedure", "group"},
  };
  for (const auto& [path, field] : bad) {
    SCOPED_TRACE(path);
    auto res = Send("GET", path, &admin);
    EXPECT_EQ(res->status, 400) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(Fields(res), (std::vector<std::string>{field}));
  }
}

}  // namespace
}  // namespace motcua::http
