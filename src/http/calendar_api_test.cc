// The calendar API end to end, in process: a temporary SQLite store with the demo province (its
// root uses the national default calendar), the real server on a free port, an HTTP client.
#include "catalog_io/xlsx_writer.h"
#include "http/testing/api_fixture.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using testing::Session;

// Friday 13 February 2026, 16:00: after the 15:00 cut-off, the last working day before Tết
// (official 2026 schedule: Monday 16 to Friday 20 February off).
constexpr char kFridayBeforeTet[] = "/api/v1/calendar/due?start=2026-02-13%2016:00&working_days=5";

class CalendarApiTest : public testing::ApiFixture {
 protected:
  CalendarApiTest() : ApiFixture(1'771'570'800) {}  // 2026-02-20 14:00 local: during Tết

  void SetUp() override {
    ApiFixture::SetUp();
    AddUser("admin.tuphap", "H99.02", identity::Role::kAdministrator);
  }

  app::StoredCalendar National() { return calendars_->ForUnit(std::nullopt)->first; }

  // The official 2026 schedule as an administrator would enter it, with Tết shortened to three
  // days (16-18 February) by a fictional decision.
  json ShortTet(std::int64_t version) {
    return {{"version", version},
            {"source", "Quyết định 99/QĐ-UBND (dữ liệu thử)"},
            {"holidays",
             {{{"date", "2026-01-01"}, {"name", "Tết Dương lịch"}},
              {{"date", "2026-02-16"}, {"name", "Tết Nguyên đán"}},
              {{"date", "2026-02-17"}, {"name", "Tết Nguyên đán"}},
              {{"date", "2026-02-18"}, {"name", "Tết Nguyên đán"}},
              {{"date", "2026-01-02"}, {"name", "Nghỉ hoán đổi"}, {"kind", "swapped"}}}},
            {"make_up_days", {{{"date", "2026-01-10"}, {"note", "Làm bù cho ngày 2/1"}}}}};
  }
};

TEST_F(CalendarApiTest, DueAcrossTetIsPublicAndExplained) {
  // Received after 15:00 on Friday: counting starts on the next working day, Monday 23 February
  // after Tết; 5 working days end on Friday 27 February at 17:00.
  auto res = client_->Get(kFridayBeforeTet);
  ASSERT_EQ(res->status, 200) << res->body;
  json due = Body(res);
  EXPECT_EQ(due["due"]["local"], "2026-02-27 17:00");
  EXPECT_EQ(due["due"]["utc"], "2026-02-27T10:00:00Z");
  EXPECT_EQ(due["counting_start"]["local"], "2026-02-23 07:30");
  EXPECT_EQ(due["calendar"]["code"], "national");
  EXPECT_EQ(due["remaining"], "Còn 5 ngày");  // now is during Tết: nothing has been counted
  // The trace: nothing counted from reception until after Tết, then five counted days.
  EXPECT_EQ(due["trace"][0]["reason"], "before-counting-start") << due["trace_text"];
  EXPECT_EQ(due["trace"][0]["to"]["local"], "2026-02-23 07:30");
  int counted = 0;
  for (const auto& seg : due["trace"]) counted += seg["counted"].get<bool>();
  EXPECT_EQ(counted, 10) << due["trace_text"];  // two sessions a day
  // A unit inherits the root's calendar; English texts on request.
  auto center = client_->Get(std::string(kFridayBeforeTet) + "&unit=H99.01&lang=en");
  ASSERT_EQ(center->status, 200) << center->body;
  EXPECT_EQ(Body(center)["due"]["local"], "2026-02-27 17:00");
  EXPECT_EQ(Body(center)["remaining"], "5 days remaining");
  // A pause during counted time moves the due instant by the working time it covered.
  auto paused =
      client_->Get(std::string(kFridayBeforeTet) + "&pause=2026-02-24%2013:00..2026-02-24%2017:00");
  EXPECT_EQ(Body(paused)["due"]["local"], "2026-03-02 11:30");
}

TEST_F(CalendarApiTest, DueQueryErrorsNameEachParameter) {
  auto res = client_->Get(
      "/api/v1/calendar/due?start=13/02/2026&working_days=five&cutoff=noon&pause=x&lang=fr");
  ASSERT_EQ(res->status, 400);
  EXPECT_EQ(Fields(res),
            (std::vector<std::string>{"start", "working_days", "cutoff", "lang", "pause[0]"}));
  auto two = client_->Get(
      "/api/v1/calendar/due?start=2026-02-13%2016:00&working_days=1&"
      "calendar_days=2");
  EXPECT_EQ(Fields(two), (std::vector<std::string>{"working_days"}));
  auto unit = client_->Get(std::string(kFridayBeforeTet) + "&unit=H00");
  EXPECT_EQ(Fields(unit), (std::vector<std::string>{"unit"}));
}

TEST_F(CalendarApiTest, AnAdminEditOfAYearChangesTheAnswer) {
  Session admin = Login("admin");
  const app::StoredCalendar national = National();
  const std::string base = "/api/v1/calendars/" + std::to_string(national.id);
  auto before = Send("GET", base + "/holidays?year=2026", &admin);
  ASSERT_EQ(before->status, 200) << before->body;
  EXPECT_EQ(Body(before)["origin"], "official");

  auto put = Send("PUT", base + "/years/2026", &admin, ShortTet(national.version).dump());
  ASSERT_EQ(put->status, 200) << put->body;
  EXPECT_EQ(Body(put)["version"], national.version + 1);
  // Tết now ends on Wednesday: counting starts Thursday 19 February, due Wednesday 25.
  EXPECT_EQ(Body(client_->Get(kFridayBeforeTet))["due"]["local"], "2026-02-25 17:00");
  auto after = Body(Send("GET", base + "/holidays?year=2026", &admin));
  EXPECT_EQ(after["origin"], "stored");
  EXPECT_EQ(after["source"], "Quyết định 99/QĐ-UBND (dữ liệu thử)");
  EXPECT_EQ(after["make_up_days"][0]["date"], "2026-01-10");
  EXPECT_EQ(after["holidays"].size(), 5u);

  // A closure of Thursday 19 February moves it one more day.
  auto closed = Send("POST", base + "/closures", &admin,
                     json{{"version", national.version + 1},
                          {"date", "2026-02-19"},
                          {"reason", "Mất điện toàn khu"}}
                         .dump());
  ASSERT_EQ(closed->status, 201) << closed->body;
  EXPECT_EQ(Body(client_->Get(kFridayBeforeTet))["due"]["local"], "2026-02-26 17:00");
  const auto closure_id = Body(closed)["closure"]["id"].get<std::int64_t>();
  auto reopened = Send("DELETE",
                       base + "/closures/" + std::to_string(closure_id) +
                           "?version=" + std::to_string(national.version + 2),
                       &admin);
  ASSERT_EQ(reopened->status, 200) << reopened->body;

  // Deleting the stored year goes back to the official schedule.
  auto removed =
      Send("DELETE", base + "/years/2026?version=" + std::to_string(national.version + 3), &admin);
  ASSERT_EQ(removed->status, 200) << removed->body;
  EXPECT_EQ(Body(client_->Get(kFridayBeforeTet))["due"]["local"], "2026-02-27 17:00");
  // Every edit is in the audit log.
  std::set<std::string> actions;
  const auto log = audit_->List({0, 1000});
  for (const auto& r : *log) {
    if (r.object_type == "calendar" && r.result == "ok") actions.insert(r.action);
  }
  EXPECT_EQ(actions, (std::set<std::string>{"calendar.year.put", "calendar.year.delete",
                                            "calendar.closure.add", "calendar.closure.delete"}));
}

TEST_F(CalendarApiTest, AStaleVersionIs409AndChangesNothing) {
  Session admin = Login("admin");
  const app::StoredCalendar national = National();
  const std::string path = "/api/v1/calendars/" + std::to_string(national.id) + "/years/2026";
  ASSERT_EQ(Send("PUT", path, &admin, ShortTet(national.version).dump())->status, 200);
  json other = ShortTet(national.version);
  other["source"] = "Quyết định khác";
  auto stale = Send("PUT", path, &admin, other.dump());
  EXPECT_EQ(stale->status, 409);
  EXPECT_EQ(Body(stale)["type"], "https://motcua.vn/problems/aborted/version-conflict");
  auto year = Body(Send(
      "GET", "/api/v1/calendars/" + std::to_string(national.id) + "/holidays?year=2026", &admin));
  EXPECT_EQ(year["source"], "Quyết định 99/QĐ-UBND (dữ liệu thử)");
}

TEST_F(CalendarApiTest, ValidationErrorsNameEachField) {
  Session admin = Login("admin");
  const app::StoredCalendar national = National();
  const std::string base = "/api/v1/calendars/" + std::to_string(national.id);
  // Shape errors, found while decoding.
  auto shape = Send("PUT", base + "/years/2026", &admin,
                    R"({"version":1,"source":"","holidays":[{"date":"2026-02-30","name":"x"},
                        {"date":"2026-02-16","name":"Tết","kind":"weird"}],
                        "make_up_days":[{"date":"2026-01-10","sessions":["7h30"]}],"extra":1})");
  ASSERT_EQ(shape->status, 400);
  EXPECT_EQ(Fields(shape),
            (std::vector<std::string>{"source", "holidays[0].date", "holidays[1].kind",
                                      "make_up_days[0].sessions[0]", "extra"}));
  // Meaning errors, found by the calendar's own checks.
  auto meaning = Send(
      "PUT", base + "/years/2026", &admin,
      json{{"version", national.version},
           {"source", "CV 1"},
           {"holidays",
            {{{"date", "2026-02-16"}, {"name", "Tết"}}, {{"date", "2025-12-31"}, {"name", "Tết"}}}},
           {"make_up_days", {{{"date", "2026-02-16"}}}}}
          .dump());
  ASSERT_EQ(meaning->status, 400);
  EXPECT_EQ(Fields(meaning),
            (std::vector<std::string>{"holidays[1].date", "make_up_days[0].date"}));
  auto weekly = Send("PUT", base, &admin,
                     json{{"version", national.version},
                          {"name", "Lịch chung"},
                          {"weekly", {{"mon", {"07:30-11:30"}}, {"sat", {"11:30-07:30"}}}}}
                         .dump());
  ASSERT_EQ(weekly->status, 400);
  EXPECT_EQ(Fields(weekly), (std::vector<std::string>{"weekly.sat"}));
  EXPECT_EQ(Fields(Send("DELETE", base + "/years/2026", &admin)),
            (std::vector<std::string>{"version"}));
  EXPECT_EQ(Fields(Send("PUT", base + "/years/1800", &admin, "{}")),
            (std::vector<std::string>{"year"}));
  // Nothing was written.
  EXPECT_EQ(National().version, national.version);
}

TEST_F(CalendarApiTest, ASpecialistCannotEditCalendars) {
  Session specialist = Login("chuyenvien");
  const app::StoredCalendar national = National();
  auto res = Send("PUT", "/api/v1/calendars/" + std::to_string(national.id) + "/years/2026",
                  &specialist, ShortTet(national.version).dump());
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(Body(res)["type"], "https://motcua.vn/problems/permission-denied");
  EXPECT_EQ(Send("GET", "/api/v1/calendars", &specialist)->status, 200);
}

TEST_F(CalendarApiTest, CalendarsOfAUnitAreEditedOnlyFromItsSubtree) {
  Session admin = Login("admin");
  // The land registration office works Saturday mornings on its own calendar.
  auto created = Send("POST", "/api/v1/calendars", &admin,
                      json{{"code", "vpdkdd"},
                           {"name", "Lịch Văn phòng Đăng ký đất đai"},
                           {"owner_unit_id", UnitId("H99.03")},
                           {"weekly",
                            {{"mon", {"07:30-11:30", "13:00-17:00"}},
                             {"tue", {"07:30-11:30", "13:00-17:00"}},
                             {"wed", {"07:30-11:30", "13:00-17:00"}},
                             {"thu", {"07:30-11:30", "13:00-17:00"}},
                             {"fri", {"07:30-11:30", "13:00-17:00"}},
                             {"sat", {"07:30-11:30"}}}}}
                          .dump());
  ASSERT_EQ(created->status, 201) << created->body;
  const json cal = Body(created);
  const auto office = UnitId("H99.03.01");
  auto attached = Send("PUT", "/api/v1/units/" + std::to_string(office) + "/calendar", &admin,
                       json{{"calendar_id", cal["id"]}, {"version", 1}}.dump());
  ASSERT_EQ(attached->status, 200) << attached->body;
  // Received Friday 16:00 before a normal week: counting starts Saturday 07:30.
  auto due = Body(
      client_->Get("/api/v1/calendar/due?start=2026-03-06%2016:00&working_hours=4&unit=H99.03.01"));
  EXPECT_EQ(due["calendar"]["code"], "vpdkdd");
  EXPECT_EQ(due["due"]["local"], "2026-03-07 11:30");

  // The Department of Justice's administrator cannot see the land office's calendar to edit it.
  Session justice = Login("admin.tuphap");
  const std::string path = "/api/v1/calendars/" + cal["id"].dump();
  json edit = {{"version", cal["version"]}, {"name", "Đổi"}, {"weekly", cal["weekly"]}};
  EXPECT_EQ(Send("PUT", path, &justice, edit.dump())->status, 404);
  EXPECT_EQ(Send("PUT", path + "/years/2026", &justice, ShortTet(1).dump())->status, 404);
  EXPECT_EQ(Send("PUT", "/api/v1/units/" + std::to_string(office) + "/calendar", &justice,
                 json{{"calendar_id", nullptr}, {"version", 2}}.dump())
                ->status,
            404);
  // Nor the national default, which only the province's administrators edit.
  const app::StoredCalendar national = National();
  EXPECT_EQ(Send("PUT", "/api/v1/calendars/" + std::to_string(national.id) + "/years/2026",
                 &justice, ShortTet(national.version).dump())
                ->status,
            403);
  // The root administrator can; and can detach: the office inherits the national calendar again.
  EXPECT_EQ(Send("PUT", path, &admin, edit.dump())->status, 200);
  auto detached = Send("PUT", "/api/v1/units/" + std::to_string(office) + "/calendar", &admin,
                       json{{"calendar_id", nullptr}, {"version", 2}}.dump());
  ASSERT_EQ(detached->status, 200) << detached->body;
  EXPECT_TRUE(Body(detached)["calendar_id"].is_null());
  EXPECT_EQ(Body(client_->Get("/api/v1/calendar/due?start=2026-03-06%2016:00&working_hours=4&"
                              "unit=H99.03.01"))["due"]["local"],
            "2026-03-09 11:30");
}

// Two servers share one database: the second answers from the edited calendar because built
// calendars are keyed by the version read with them, not by a local invalidation.
TEST_F(CalendarApiTest, AnotherServerSeesAnEditThroughTheVersion) {
  app::CalendarService other(*store_, clock_);
  auto received = calendar::ParseLocalDateTime("2026-02-13 16:00");
  app::DueQuery query;
  query.received = *received;
  query.duration = calendar::Duration::WorkingDays(5);
  EXPECT_EQ(calendar::FormatLocal(other.Due(query)->trace.due), "2026-02-27 17:00");
  EXPECT_EQ(other.cached(), 1u);
  Session admin = Login("admin");
  const app::StoredCalendar national = National();
  ASSERT_EQ(Send("PUT", "/api/v1/calendars/" + std::to_string(national.id) + "/years/2026", &admin,
                 ShortTet(national.version).dump())
                ->status,
            200);
  EXPECT_EQ(calendar::FormatLocal(other.Due(query)->trace.due), "2026-02-25 17:00");
  EXPECT_EQ(other.cached(), 1u);
}

// A year's schedule read from a workbook: a date cell or a typed date, the name, the kind; the
// header skipped; nothing stored; every refused cell named.
TEST_F(CalendarApiTest, AYearsScheduleIsReadFromAWorkbook) {
  auto book = catalog_io::XlsxWriter::Create();
  ASSERT_TRUE(book.ok());
  ASSERT_TRUE((*book)->AddSheet("Lịch", {{"Ngày"}, {"Tên"}, {"Loại"}}).ok());
  ASSERT_TRUE((*book)->Number(2, 0, 46388).ok());  // a date cell: 2027-01-01
  ASSERT_TRUE((*book)->Text(2, 1, "Tết Dương lịch").ok());
  ASSERT_TRUE((*book)->Text(3, 0, "05/02/2027").ok());
  ASSERT_TRUE((*book)->Text(3, 1, "Tết Nguyên đán").ok());
  ASSERT_TRUE((*book)->Text(3, 2, "nghỉ lễ").ok());
  ASSERT_TRUE((*book)->Text(4, 0, "2027-01-09").ok());
  ASSERT_TRUE((*book)->Text(4, 1, "Làm bù cho ngày 4/1").ok());
  ASSERT_TRUE((*book)->Text(4, 2, "làm bù").ok());
  auto bytes = (*book)->Finish();
  ASSERT_TRUE(bytes.ok());
  Session admin = Login("admin");
  auto send = [&](const std::string& body) {
    return client_->Post("/api/v1/holidays/workbook",
                         {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}}, body,
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  };
  auto read = send(*bytes);
  ASSERT_EQ(read->status, 200) << read->body;
  EXPECT_EQ(Body(read), json::parse(R"({
    "holidays": [{"date": "2027-01-01", "name": "Tết Dương lịch"},
                 {"date": "2027-02-05", "name": "Tết Nguyên đán"}],
    "make_up_days": [{"date": "2027-01-09", "note": "Làm bù cho ngày 4/1"}]})"));

  auto bad_book = catalog_io::XlsxWriter::Create();
  ASSERT_TRUE((*bad_book)->AddSheet("Lịch", {{"Ngày"}, {"Tên"}, {"Loại"}}).ok());
  ASSERT_TRUE((*bad_book)->Text(2, 0, "31/02/2027").ok());
  ASSERT_TRUE((*bad_book)->Text(2, 1, "Không có ngày này").ok());
  ASSERT_TRUE((*bad_book)->Text(3, 0, "01/05/2027").ok());
  ASSERT_TRUE((*bad_book)->Text(4, 0, "02/05/2027").ok());
  ASSERT_TRUE((*bad_book)->Text(4, 1, "Nghỉ").ok());
  ASSERT_TRUE((*bad_book)->Text(4, 2, "nghỉ bù").ok());
  auto bad_bytes = (*bad_book)->Finish();
  auto refused = send(*bad_bytes);
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(Fields(refused), (std::vector<std::string>{"Lịch!A2", "Lịch!B3", "Lịch!C4"}));
  auto junk = send("not a workbook");
  EXPECT_EQ(junk->status, 400);
  EXPECT_EQ(Fields(junk), (std::vector<std::string>{"file"}));

  // A specialist may not manage calendars.
  Session specialist = Login("chuyenvien");
  EXPECT_EQ(client_
                ->Post("/api/v1/holidays/workbook",
                       {{"Cookie", specialist.cookie}, {"X-CSRF-Token", specialist.csrf}}, *bytes,
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                ->status,
            403);
}

}  // namespace
}  // namespace motcua::http
