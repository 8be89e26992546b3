// The legal clock and business calendars: due instants with their trace, calendars, a year's
// holidays, and the administrator's edits (audited, versioned, scoped by app::CalendarService).
#include <charconv>
#include <cstdio>
#include <optional>

#include "calendar/civil_time.h"
#include "calendar/due.h"
#include "calendar/trace.h"
#include "catalog_io/xlsx_reader.h"
#include "http/encode.h"
#include "http/json_input.h"
#include "http/routes.h"

namespace motcua::http {
namespace {

using identity::Permission;
using nlohmann::json;

constexpr const char* kDayKeys[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string_view HolidayKindName(calendar::HolidayKind kind) {
  switch (kind) {
    case calendar::HolidayKind::kStatutory: return "statutory";
    case calendar::HolidayKind::kCompensatory: return "compensatory";
    case calendar::HolidayKind::kSwapped: return "swapped";
    case calendar::HolidayKind::kLocal: return "local";
  }
  return "statutory";
}

std::optional<calendar::HolidayKind> ParseHolidayKind(std::string_view text) {
  for (auto k : {calendar::HolidayKind::kStatutory, calendar::HolidayKind::kCompensatory,
                 calendar::HolidayKind::kSwapped, calendar::HolidayKind::kLocal}) {
    if (text == HolidayKindName(k)) return k;
  }
  return std::nullopt;
}

std::string_view FallbackName(calendar::YearFallback f) {
  switch (f) {
    case calendar::YearFallback::kOfficialThenGenerated: return "official-then-generated";
    case calendar::YearFallback::kGenerated: return "generated";
    case calendar::YearFallback::kNone: return "none";
  }
  return "none";
}

// --- JSON out ------------------------------------------------------------------------------------

json SessionsJson(const std::vector<calendar::Session>& sessions) {
  json out = json::array();
  for (const auto& s : sessions) {
    out.push_back(calendar::FormatTimeOfDay(s.start) + "-" + calendar::FormatTimeOfDay(s.end));
  }
  return out;
}

json CalendarJson(const app::StoredCalendar& c) {
  json weekly = json::object();
  for (std::size_t d = 0; d < 7; ++d) weekly[kDayKeys[d]] = SessionsJson(c.weekly.days[d]);
  return {{"id", c.id},
          {"code", c.code},
          {"name", c.name},
          {"owner_unit_id", c.owner_unit_id ? json(*c.owner_unit_id) : json(nullptr)},
          {"weekly", weekly},
          {"fallback", FallbackName(c.fallback)},
          {"version", c.version}};
}

// An edited calendar as answered: the calendar and how many open dossiers' stored times moved
// (their clocks are recomputed from their events at once; null when dossiers are not served or
// the recompute failed, in which case every read still recomputes).
json Edited(Services& s, json body, std::optional<std::int64_t> calendar_id) {
  body["dossiers_moved"] = nullptr;
  if (s.dossier != nullptr) {
    auto moved = s.dossier->RecomputeClocks(calendar_id);
    if (moved.ok()) body["dossiers_moved"] = moved->moved;
  }
  return body;
}

json YearJson(const calendar::YearSchedule& y) {
  json holidays = json::array(), make_up = json::array();
  for (const auto& h : y.holidays) {
    holidays.push_back({{"date", calendar::FormatDate(h.date)},
                        {"name", h.name},
                        {"kind", HolidayKindName(h.kind)}});
  }
  for (const auto& m : y.make_up_days) {
    make_up.push_back({{"date", calendar::FormatDate(m.date)},
                       {"note", m.note},
                       {"sessions", SessionsJson(m.sessions)}});
  }
  return {
      {"year", y.year}, {"source", y.source}, {"holidays", holidays}, {"make_up_days", make_up}};
}

json ClosureJson(const app::StoredClosure& c) {
  json out = {{"id", c.id},
              {"date", calendar::FormatDate(c.closure.date)},
              {"from", nullptr},
              {"to", nullptr},
              {"reason", c.closure.reason}};
  if (c.closure.part) {
    out["from"] = calendar::FormatTimeOfDay(c.closure.part->start);
    out["to"] = calendar::FormatTimeOfDay(c.closure.part->end);
  }
  return out;
}

json DueJson(const app::DueAnswer& a, const calendar::Duration& duration,
             const std::optional<std::string>& unit, calendar::Language language) {
  return {{"calendar",
           {{"id", a.calendar.id},
            {"code", a.calendar.code},
            {"name", a.calendar.name},
            {"version", a.calendar.version}}},
          {"unit", unit ? json(*unit) : json(nullptr)},
          {"duration", duration.ToString()},
          {"received", InstantJson(a.trace.received)},
          {"counting_start", InstantJson(a.trace.counting_start)},
          {"due", InstantJson(a.trace.due)},
          {"remaining", a.remaining ? json(*a.remaining) : json(nullptr)},
          {"trace", TraceSegmentsJson(a.trace, language)},
          {"trace_text", calendar::FormatTrace(a.trace, language)}};
}

// --- input ---------------------------------------------------------------------------------------

// "2026-02-13 16:00" (Vietnam local time) or RFC 3339 ("2026-02-13T09:00:00Z").
std::optional<Instant> ParseInstant(const std::string& text) {
  if (auto local = calendar::ParseLocalDateTime(text); local.ok()) return *local;
  Instant t = 0;
  if (ParseRfc3339(text, &t)) return t;
  return std::nullopt;
}

// "07:30-11:30".
std::optional<calendar::Session> ParseSession(std::string_view text) {
  const auto dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto from = calendar::ParseTimeOfDay(text.substr(0, dash));
  auto to = calendar::ParseTimeOfDay(text.substr(dash + 1));
  if (!from.ok() || !to.ok()) return std::nullopt;
  return calendar::Session{*from, *to};
}

std::vector<calendar::Session> ReadSessions(JsonInput& in, const std::string& key, bool required) {
  std::vector<calendar::Session> out;
  auto list = in.StringList(key, {.required = required, .max_items = 8, .max_bytes = 11});
  if (!list) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto s = ParseSession((*list)[i]);
    if (!s) {
      in.Violation(key + "[" + std::to_string(i) + "]", "must be \"HH:MM-HH:MM\"");
    } else {
      out.push_back(*s);
    }
  }
  return out;
}

calendar::WeeklySchedule ReadWeekly(JsonInput& in) {
  calendar::WeeklySchedule weekly;
  auto object = in.Object("weekly", /*required=*/true);
  if (!object) return weekly;
  for (std::size_t d = 0; d < 7; ++d) weekly.days[d] = ReadSessions(*object, kDayKeys[d], false);
  in.Merge("weekly", *object);
  return weekly;
}

std::optional<calendar::YearFallback> ReadFallback(JsonInput& in) {
  auto text = in.String("fallback", {.max_bytes = 40});
  if (!text) return std::nullopt;
  for (auto f : {calendar::YearFallback::kOfficialThenGenerated, calendar::YearFallback::kGenerated,
                 calendar::YearFallback::kNone}) {
    if (*text == FallbackName(f)) return f;
  }
  in.Violation("fallback", "must be official-then-generated, generated or none");
  return std::nullopt;
}

std::optional<calendar::CivilDate> ReadDate(JsonInput& in, const std::string& key) {
  auto text = in.String(key, {.required = true, .max_bytes = 10});
  if (!text) return std::nullopt;
  auto date = calendar::ParseDate(*text);
  if (!date.ok()) {
    in.Violation(key, "must be a date \"YYYY-MM-DD\"");
    return std::nullopt;
  }
  return *date;
}

calendar::YearSchedule ReadYear(JsonInput& in, int year) {
  calendar::YearSchedule y;
  y.year = year;
  if (auto source = in.String("source", {.required = true, .min_bytes = 1, .max_bytes = 500})) {
    y.source = *source;
  }
  if (auto list = in.ObjectList("holidays", {.required = true, .max_items = 60})) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      JsonInput& item = (*list)[i];
      calendar::Holiday h;
      if (auto d = ReadDate(item, "date")) h.date = *d;
      if (auto name = item.String("name", {.required = true, .min_bytes = 1, .max_bytes = 200})) {
        h.name = *name;
      }
      if (auto kind = item.String("kind", {.max_bytes = 20})) {
        if (auto k = ParseHolidayKind(*kind)) {
          h.kind = *k;
        } else {
          item.Violation("kind", "must be statutory, compensatory, swapped or local");
        }
      }
      in.Merge("holidays[" + std::to_string(i) + "]", item);
      y.holidays.push_back(std::move(h));
    }
  }
  if (auto list = in.ObjectList("make_up_days", {.max_items = 30})) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      JsonInput& item = (*list)[i];
      calendar::MakeUpDay m;
      if (auto d = ReadDate(item, "date")) m.date = *d;
      if (auto note = item.String("note", {.max_bytes = 200})) m.note = *note;
      m.sessions = ReadSessions(item, "sessions", false);
      in.Merge("make_up_days[" + std::to_string(i) + "]", item);
      y.make_up_days.push_back(std::move(m));
    }
  }
  return y;
}

// ?version=N on DELETE.
Result<std::int64_t> VersionParam(const Request& req) {
  MOTCUA_ASSIGN_OR_RETURN(auto text, req.Query("version"));
  std::int64_t v = 0;
  if (!text || text->empty() ||
      std::from_chars(text->data(), text->data() + text->size(), v).ptr !=
          text->data() + text->size() ||
      v < 1) {
    return Error::InvalidField("version", "is required: the calendar version you read");
  }
  return v;
}

Result<int> YearParam(const std::string& text, const std::string& field) {
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size() || year < 1901 || year > 2199) {
    return Error::InvalidField(field, "must be a year from 1901 to 2199");
  }
  return year;
}

// --- due -------------------------------------------------------------------------------------

Result<app::DueQuery> ReadDueQuery(const Request& req, calendar::Duration* duration) {
  app::DueQuery q;
  Error e = Error::InvalidArgument("invalid due query").WithReason("validation");
  MOTCUA_ASSIGN_OR_RETURN(auto start, req.Query("start"));
  if (!start) {
    e.fields.push_back({"start", "is required (\"YYYY-MM-DD HH:MM\" local or RFC 3339)"});
  } else if (auto t = ParseInstant(*start)) {
    q.received = *t;
  } else {
    e.fields.push_back({"start", "must be \"YYYY-MM-DD HH:MM\" (Vietnam time) or RFC 3339"});
  }
  int given = 0;
  for (auto [name, unit] : {std::pair{"working_days", calendar::DurationUnit::kWorkingDays},
                            std::pair{"working_hours", calendar::DurationUnit::kWorkingHours},
                            std::pair{"calendar_days", calendar::DurationUnit::kCalendarDays}}) {
    MOTCUA_ASSIGN_OR_RETURN(auto v, req.Query(name));
    if (!v) continue;
    ++given;
    char* end = nullptr;
    const double amount = std::strtod(v->c_str(), &end);
    if (v->empty() || end != v->c_str() + v->size()) {
      e.fields.push_back({name, "must be a number"});
      continue;
    }
    auto d = calendar::Duration::Of(amount, unit);
    if (!d.ok()) {
      e.fields.push_back({name, d.error().message});
    } else {
      q.duration = *duration = *d;
    }
  }
  if (given != 1) {
    e.fields.push_back(
        {"working_days", "give exactly one of working_days, working_hours, calendar_days"});
  }
  MOTCUA_ASSIGN_OR_RETURN(auto cutoff, req.Query("cutoff"));
  if (cutoff) {
    auto c = calendar::ParseReceptionCutoff(*cutoff);
    if (c.ok()) {
      q.cutoff = *c;
    } else {
      e.fields.push_back({"cutoff", "must be HH:MM, last-hour or none"});
    }
  }
  MOTCUA_ASSIGN_OR_RETURN(q.unit_code, req.Query("unit"));
  MOTCUA_ASSIGN_OR_RETURN(auto lang, req.Query("lang"));
  if (lang && *lang != "vi" && *lang != "en") e.fields.push_back({"lang", "must be vi or en"});
  if (lang && *lang == "en") q.language = calendar::Language::kEnglish;
  MOTCUA_ASSIGN_OR_RETURN(auto pauses, req.QueryAll("pause"));
  for (std::size_t i = 0; i < pauses.size(); ++i) {
    const std::string field = "pause[" + std::to_string(i) + "]";
    const auto dots = pauses[i].find("..");
    std::optional<Instant> from, to;
    if (dots != std::string::npos) {
      from = ParseInstant(pauses[i].substr(0, dots));
      to = ParseInstant(pauses[i].substr(dots + 2));
    }
    if (!from || !to) {
      e.fields.push_back({field, "must be FROM..TO, each \"YYYY-MM-DD HH:MM\" or RFC 3339"});
    } else if (*to < *from) {
      e.fields.push_back({field, "must not end before it starts"});
    } else {
      q.pauses.push_back({calendar::ExclusionType::kOther, *from, *to, ""});
    }
  }
  if (!e.fields.empty()) return e;
  return q;
}

void AddDueRoute(ApiServer& server, Services& s) {
  // Public: the due instant of a legal time is what the citizen's receipt shows anyway, and it
  // reveals nothing but office hours and holidays.
  server.Add(
      {"GET", "/api/v1/calendar/due", Permission::kPublic, "", [&s](Request& req) -> Result<Reply> {
         calendar::Duration duration = calendar::Duration::WorkingDays(0);
         MOTCUA_ASSIGN_OR_RETURN(auto query, ReadDueQuery(req, &duration));
         MOTCUA_ASSIGN_OR_RETURN(auto answer, s.calendar->Due(query));
         return Reply::Json(200, Dump(DueJson(answer, duration, query.unit_code, query.language)));
       }});
}

// --- calendars -------------------------------------------------------------------------------

void AddReadRoutes(ApiServer& server, Services& s) {
  server.Add(
      {"GET", "/api/v1/calendars", Permission::kCalendarRead, "", [&s](Request&) -> Result<Reply> {
         MOTCUA_ASSIGN_OR_RETURN(auto list, s.calendar->List());
         json items = json::array();
         for (const auto& c : list) items.push_back(CalendarJson(c));
         return Reply::Json(200, Dump({{"items", items}}));
       }});
  server.Add({"GET", "/api/v1/calendars/{id}", Permission::kCalendarRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto view, s.calendar->Get(id));
                json out = CalendarJson(view.calendar);
                out["years"] = json::array();
                for (const auto& y : view.years) out["years"].push_back(YearJson(y));
                out["closures"] = json::array();
                for (const auto& c : view.closures) out["closures"].push_back(ClosureJson(c));
                return Reply::Json(200, Dump(out));
              }});
  server.Add({"GET", "/api/v1/calendars/{id}/holidays", Permission::kCalendarRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto text, req.Query("year"));
                if (!text) return Error::InvalidField("year", "is required");
                MOTCUA_ASSIGN_OR_RETURN(int year, YearParam(*text, "year"));
                MOTCUA_ASSIGN_OR_RETURN(auto view, s.calendar->Holidays(id, year));
                json out = YearJson(view.schedule);
                out["calendar_id"] = id;
                out["origin"] = app::YearOriginName(view.origin);
                return Reply::Json(200, Dump(out));
              }});
}

void AddEditRoutes(ApiServer& server, Services& s) {
  server.Add({"POST", "/api/v1/calendars", Permission::kCalendarManage, "calendar.create",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(req.body()));
                app::CalendarEdit edit;
                if (auto code = in.String("code", {.required = true, .max_bytes = 64})) {
                  edit.code = *code;
                }
                if (auto name = in.String("name", {.required = true, .max_bytes = 300})) {
                  edit.name = *name;
                }
                edit.owner_unit_id = in.Int("owner_unit_id", {.min = 1});
                edit.weekly = ReadWeekly(in);
                edit.fallback = ReadFallback(in);
                MOTCUA_RETURN_IF_ERROR(in.Finish());
                MOTCUA_ASSIGN_OR_RETURN(auto created, s.calendar->Create(req.actor, edit));
                return Reply::Json(201, Dump(CalendarJson(created)));
              }});
  server.Add({"PUT", "/api/v1/calendars/{id}", Permission::kCalendarManage, "calendar.update",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(req.body()));
                app::CalendarEdit edit;
                if (auto name = in.String("name", {.required = true, .max_bytes = 300})) {
                  edit.name = *name;
                }
                edit.weekly = ReadWeekly(in);
                edit.fallback = ReadFallback(in);
                edit.version = in.Int("version", {.required = true, .min = 1}).value_or(0);
                MOTCUA_RETURN_IF_ERROR(in.Finish());
                MOTCUA_ASSIGN_OR_RETURN(auto updated, s.calendar->Update(req.actor, id, edit));
                return Reply::Json(200, Dump(Edited(s, CalendarJson(updated), updated.id)));
              }});
  server.Add({"PUT", "/api/v1/calendars/{id}/years/{year}", Permission::kCalendarManage,
              "calendar.year.put", [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(int year, YearParam(req.path_params["year"], "year"));
                MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(req.body()));
                auto version = in.Int("version", {.required = true, .min = 1});
                calendar::YearSchedule schedule = ReadYear(in, year);
                MOTCUA_RETURN_IF_ERROR(in.Finish());
                MOTCUA_ASSIGN_OR_RETURN(auto updated, s.calendar->PutYear(req.actor, id, *version,
                                                                          std::move(schedule)));
                return Reply::Json(200, Dump(Edited(s, CalendarJson(updated), updated.id)));
              }});
  server.Add({"DELETE", "/api/v1/calendars/{id}/years/{year}", Permission::kCalendarManage,
              "calendar.year.delete", [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(int year, YearParam(req.path_params["year"], "year"));
                MOTCUA_ASSIGN_OR_RETURN(auto version, VersionParam(req));
                MOTCUA_ASSIGN_OR_RETURN(auto updated,
                                        s.calendar->DeleteYear(req.actor, id, version, year));
                return Reply::Json(200, Dump(Edited(s, CalendarJson(updated), updated.id)));
              }});
}

// The date of a schedule workbook's cell: a cell typed as a date (a serial number), or the text
// "01/01/2027" (day first, as the year's form shows it) or "2027-01-01".
std::optional<calendar::CivilDate> CellDate(const catalog_io::XlsxCell& cell) {
  if (cell.type == catalog_io::XlsxCell::Type::kNumber) {
    double serial = 0;
    const auto [end, ec] =
        std::from_chars(cell.text.data(), cell.text.data() + cell.text.size(), serial);
    if (ec != std::errc() || end != cell.text.data() + cell.text.size()) return std::nullopt;
    return catalog_io::ExcelSerialToDate(serial);
  }
  if (auto iso = calendar::ParseDate(cell.text); iso.ok()) return *iso;
  int day = 0, month = 0, year = 0;
  char tail = 0;
  if (std::sscanf(cell.text.c_str(), "%d/%d/%d%c", &day, &month, &year, &tail) != 3 ||
      !calendar::IsValidDate(year, month, day)) {
    return std::nullopt;
  }
  return calendar::CivilDate{year, month, day};
}

// A year's holidays and make-up days read from a workbook, stored nowhere: the first sheet, one
// day a row, column A the date, B the name (a make-up day's note), C the kind (empty or
// "holiday": a holiday; "make-up" or "làm bù": a make-up day); a first row whose date is not one is
// a header. The answer has the shape of a year's schedule, for the year's form; every refused
// cell is named by its reference ("Lịch!A3").
Result<json> ReadScheduleWorkbook(const std::string& bytes) {
  MOTCUA_ASSIGN_OR_RETURN(auto sheets, catalog_io::ReadXlsx(bytes));
  if (sheets.empty()) return Error::InvalidField("file", "the workbook has no sheet");
  const catalog_io::XlsxSheet& sheet = sheets.front();
  constexpr std::size_t kMaxRows = 1000;
  if (sheet.rows.size() > kMaxRows) {
    return Error::InvalidField("file", "the first sheet holds more than " +
                                           std::to_string(kMaxRows) + " rows; a year has 366 days");
  }
  json holidays = json::array();
  json make_up = json::array();
  std::vector<FieldViolation> bad;
  for (const catalog_io::XlsxRow& row : sheet.rows) {
    const auto cell = [&](std::size_t column) {
      return sheet.name + "!" + catalog_io::CellRef(column, row.number);
    };
    const std::optional<calendar::CivilDate> day = CellDate(row.At(0));
    if (!day && &row == &sheet.rows.front() &&
        row.At(0).type == catalog_io::XlsxCell::Type::kString) {
      continue;  // the header
    }
    if (!day) {
      bad.push_back({cell(0), "is not a date: a date cell, dd/mm/yyyy or yyyy-mm-dd"});
      continue;
    }
    const std::string name = row.At(1).text;
    const std::string kind = row.At(2).text;
    if (kind.empty() || kind == "holiday" || kind == "nghỉ lễ") {
      if (name.empty()) {
        bad.push_back({cell(1), "a holiday needs its name"});
        continue;
      }
      holidays.push_back({{"date", calendar::FormatDate(*day)}, {"name", name}});
    } else if (kind == "make-up" || kind == "làm bù") {
      json j = {{"date", calendar::FormatDate(*day)}};
      if (!name.empty()) j["note"] = name;
      make_up.push_back(std::move(j));
    } else {
      bad.push_back({cell(2), "must be empty, holiday (nghỉ lễ) or make-up (làm bù)"});
    }
  }
  if (!bad.empty()) return Error{ErrorCode::kInvalidArgument, "invalid request", "validation", bad};
  return json{{"holidays", holidays}, {"make_up_days", make_up}};
}

void AddClosureRoutes(ApiServer& server, Services& s) {
  // Reads a year's schedule from a workbook (nothing is stored: the year is then put whole).
  server.Add({"POST", "/api/v1/holidays/workbook", Permission::kCalendarManage, "",
              [](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(json read, ReadScheduleWorkbook(req.body()));
                return Reply::Json(200, Dump(read));
              }});
  server.Add({"POST", "/api/v1/calendars/{id}/closures", Permission::kCalendarManage,
              "calendar.closure.add", [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(req.body()));
                auto version = in.Int("version", {.required = true, .min = 1});
                calendar::Closure closure;
                if (auto d = ReadDate(in, "date")) closure.date = *d;
                auto from = in.String("from", {.max_bytes = 5});
                auto to = in.String("to", {.max_bytes = 5});
                if (from || to) {
                  auto f = calendar::ParseTimeOfDay(from.value_or(""));
                  auto t = calendar::ParseTimeOfDay(to.value_or(""));
                  if (!f.ok()) in.Violation("from", "must be \"HH:MM\" (with to)");
                  if (!t.ok()) in.Violation("to", "must be \"HH:MM\" (with from)");
                  if (f.ok() && t.ok()) closure.part = calendar::Session{*f, *t};
                }
                if (auto reason = in.String("reason", {.required = true, .max_bytes = 300})) {
                  closure.reason = *reason;
                }
                MOTCUA_RETURN_IF_ERROR(in.Finish());
                MOTCUA_ASSIGN_OR_RETURN(auto added,
                                        s.calendar->AddClosure(req.actor, id, *version, closure));
                return Reply::Json(201, Dump(Edited(s,
                                                    {{"calendar", CalendarJson(added.first)},
                                                     {"closure", ClosureJson(added.second)}},
                                                    added.first.id)));
              }});
  server.Add({"DELETE", "/api/v1/calendars/{id}/closures/{closure_id}", Permission::kCalendarManage,
              "calendar.closure.delete", [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto closure_id, req.IdParam("closure_id"));
                MOTCUA_ASSIGN_OR_RETURN(auto version, VersionParam(req));
                MOTCUA_ASSIGN_OR_RETURN(
                    auto updated, s.calendar->DeleteClosure(req.actor, id, version, closure_id));
                return Reply::Json(200, Dump(Edited(s, CalendarJson(updated), updated.id)));
              }});
  server.Add({"PUT", "/api/v1/units/{id}/calendar", Permission::kCalendarManage, "unit.calendar",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(req.body()));
                const bool detach = in.IsNull("calendar_id");
                auto calendar_id = in.Int("calendar_id", {.min = 1});
                if (!calendar_id && !detach) {
                  in.Violation("calendar_id", "is required (null detaches: the unit inherits)");
                }
                auto version = in.Int("version", {.required = true, .min = 1});
                MOTCUA_RETURN_IF_ERROR(in.Finish());
                MOTCUA_ASSIGN_OR_RETURN(
                    auto unit, s.calendar->AttachToUnit(req.actor, id, calendar_id, *version));
                return Reply::Json(200, Dump(Edited(s, UnitJson(unit), std::nullopt)));
              }});
}

}  // namespace

void AddCalendarRoutes(ApiServer& server, Services& services) {
  AddDueRoute(server, services);
  AddReadRoutes(server, services);
  AddEditRoutes(server, services);
  AddClosureRoutes(server, services);
}

}  // namespace motcua::http
