// The reports API (issue 7): the statistics of a period for a unit and its sub-units, the
// periodic report units send upward, the Decision 766 index, and the public figures (no login).
// Each report also comes as a workbook (?format=xlsx) and a PDF document (?format=pdf;
// report_exports.h). docs/reports.md defines every figure.
#include <cmath>

#include "calendar/civil_time.h"
#include "http/encode.h"
#include "http/report_exports.h"
#include "http/routes.h"

namespace motcua::http {
namespace {

using identity::Permission;
using json = nlohmann::json;

json ShareJson(const std::optional<double>& share) {
  if (!share) return nullptr;
  return std::round(*share * 10000) / 10000;  // 4 decimals: 0.8125 = 81.25%
}

json StatisticsJson(const reports::Statistics& s) {
  const reports::Shares sh = reports::SharesOf(s);
  return {{"total", s.Total()},
          {"received", s.received},
          {"received_by_channel",
           {{"in_person", s.received_in_person},
            {"online", s.received_online},
            {"postal", s.received_postal}}},
          {"carried_over", s.carried_over},
          {"resolved", s.Resolved()},
          {"resolved_early", s.resolved_early},
          {"resolved_on_time", s.resolved_on_time},
          {"resolved_late", s.resolved_late},
          {"resolved_untimed", s.resolved_untimed},
          {"in_progress", s.InProgress()},
          {"in_progress_on_time", s.in_progress_on_time},
          {"in_progress_overdue", s.in_progress_overdue},
          {"withdrawn", s.withdrawn},
          {"stopped", s.stopped},
          {"refused", s.refused},
          {"supplement", s.supplement},
          {"apologies", s.apologies},
          {"digitized", s.digitized},
          {"reused", s.reused},
          {"data_store", s.data_store},
          {"shares",
           {{"on_time", ShareJson(sh.on_time)},
            {"online", ShareJson(sh.online)},
            {"digitized", ShareJson(sh.digitized)},
            {"reused", ShareJson(sh.reused)},
            {"data_store", ShareJson(sh.data_store)},
            {"fees_paid_online", nullptr}}},
          {"not_measurable", {{"fees_paid_online", reports::kFeesNotMeasurable}}}};
}

json PeriodJson(const reports::Period& p) {
  return {{"label", p.label},
          {"first", calendar::FormatDate(p.first)},
          {"last", calendar::FormatDate(p.last)},
          {"from", InstantJson(p.from)},
          {"to", InstantJson(p.to)}};
}

json IndexJson(const reports::Index766Result& r) {
  json items = json::array();
  for (const reports::IndicatorScore& s : r.indicators) {
    json j = {{"id", s.spec->id},
              {"group", s.spec->group},
              {"name", s.spec->name},
              {"formula", s.spec->formula},
              {"points", s.spec->points},
              {"threshold", s.spec->threshold ? json(*s.spec->threshold) : json(nullptr)},
              {"measurable", s.measurable}};
    if (s.measurable) {
      j["numerator"] = s.numerator;
      j["denominator"] = s.denominator;
      j["ratio"] = ShareJson(s.ratio);
      j["score"] = std::round(s.score * 100) / 100;
    } else {
      j["reason"] = s.reason;
    }
    items.push_back(std::move(j));
  }
  return {{"score", std::round(r.score * 100) / 100},
          {"measurable_points", r.measurable_points},
          {"total_points", r.total_points},
          {"indicators", items}};
}

// ?period=<label> or ?from=YYYY-MM-DD&to=YYYY-MM-DD (inclusive days); one of them is required.
Result<reports::Period> PeriodParam(const Request& req) {
  MOTCUA_ASSIGN_OR_RETURN(auto label, req.Query("period"));
  MOTCUA_ASSIGN_OR_RETURN(auto from, req.Query("from"));
  MOTCUA_ASSIGN_OR_RETURN(auto to, req.Query("to"));
  if (label) {
    if (from || to) return Error::InvalidField("period", "give either period or from and to");
    auto p = reports::ParsePeriod(*label);
    if (!p) return Error::InvalidField("period", p.error().message);
    return p;
  }
  if (!from || !to) {
    return Error::InvalidField(from ? "to" : "from",
                               "give period (2026-03, 2026-Q1, 2026-H1, 2026, 2026-03-05) or "
                               "from and to (YYYY-MM-DD)");
  }
  auto first = calendar::ParseDate(*from);
  if (!first) return Error::InvalidField("from", "must be a date YYYY-MM-DD");
  auto last = calendar::ParseDate(*to);
  if (!last) return Error::InvalidField("to", "must be a date YYYY-MM-DD");
  auto p = reports::RangePeriod(*first, *last);
  if (!p) return Error::InvalidField("to", p.error().message);
  return p;
}

// The period of a periodic report: a month, a quarter, a half-year or a year (?period=), or the
// days of a cut-off the unit's rules fix (?from=&to=, e.g. the 15th to the 14th).
Result<reports::Period> ReportingPeriodParam(const Request& req) {
  MOTCUA_ASSIGN_OR_RETURN(reports::Period p, PeriodParam(req));
  if (reports::KindOf(p) == reports::PeriodKind::kDay) {
    return Error::InvalidField("period",
                               "a periodic report is for a month (2026-03), a quarter (2026-Q1), "
                               "a half-year (2026-H1), a year (2026) or from and to");
  }
  return p;
}

Result<bool> BoolParam(const Request& req, const std::string& name, bool fallback) {
  MOTCUA_ASSIGN_OR_RETURN(auto v, req.Query(name));
  if (!v) return fallback;
  if (*v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  return Error::InvalidField(name, "must be true or false");
}

// What the statistics and their drill-down both take: unit, subunits and the period.
Result<app::ReportService::StatisticsRequest> ScopeParams(Request& req) {
  app::ReportService::StatisticsRequest r;
  MOTCUA_ASSIGN_OR_RETURN(auto unit, req.Query("unit"));
  r.unit_code = unit.value_or("");
  MOTCUA_ASSIGN_OR_RETURN(r.subunits, BoolParam(req, "subunits", true));
  MOTCUA_ASSIGN_OR_RETURN(r.period, PeriodParam(req));
  return r;
}

}  // namespace

void AddReportRoutes(ApiServer& server, Services& s) {
  server.Add({"GET", "/api/v1/reports/statistics", Permission::kReportsRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto r, ScopeParams(req));
                MOTCUA_ASSIGN_OR_RETURN(auto group, req.Query("group_by"));
                if (group) {
                  auto g = app::ParseReportGroup(*group);
                  if (!g) {
                    return Error::InvalidField(
                        "group_by", "must be none, unit, procedure, field, channel or officer");
                  }
                  r.group = *g;
                }
                MOTCUA_ASSIGN_OR_RETURN(auto format, ReportFormatParam(req));
                MOTCUA_ASSIGN_OR_RETURN(auto report, s.reports->Statistics(req.actor, r));
                const std::string stem = "thong-ke-" + report.unit.code + "-" + report.period.label;
                if (format == ReportFormat::kXlsx) {
                  MOTCUA_ASSIGN_OR_RETURN(auto bytes, StatisticsWorkbook(report));
                  return XlsxReply(std::move(bytes), stem + ".xlsx");
                }
                if (format == ReportFormat::kPdf) {
                  MOTCUA_ASSIGN_OR_RETURN(auto bytes, StatisticsPdf(report));
                  return PdfReply(std::move(bytes), stem + ".pdf");
                }
                json rows = json::array();
                for (const app::ReportRow& row : report.rows) {
                  json j = {{"key", row.key}, {"statistics", StatisticsJson(row.stats)}};
                  if (const auto n = report.names.find(row.key); n != report.names.end()) {
                    j["name"] = n->second;
                  }
                  rows.push_back(std::move(j));
                }
                return Reply::Json(200, Dump({{"unit", UnitJson(report.unit)},
                                              {"subunits", report.subunits},
                                              {"period", PeriodJson(report.period)},
                                              {"as_of", InstantJson(report.as_of)},
                                              {"group_by", app::ReportGroupName(report.group)},
                                              {"total", StatisticsJson(report.total)},
                                              {"rows", rows}}));
              }});
  server.Add(
      {"GET", "/api/v1/reports/dossiers", Permission::kReportsRead, "",
       [&s](Request& req) -> Result<Reply> {
         MOTCUA_ASSIGN_OR_RETURN(auto r, ScopeParams(req));
         MOTCUA_ASSIGN_OR_RETURN(auto name, req.Query("figure"));
         const auto figure = app::ParseReportFigure(name.value_or(""));
         if (!figure) {
           return Error::InvalidField(
               "figure",
               "must be received, carried_over, resolved_early, resolved_on_time, resolved_late, "
               "resolved_untimed, withdrawn, stopped, in_progress_on_time, in_progress_overdue, "
               "refused, supplement or apologies");
         }
         MOTCUA_ASSIGN_OR_RETURN(auto page, PageParams(req));
         MOTCUA_ASSIGN_OR_RETURN(
             auto result, s.reports->Dossiers(req.actor, r, *figure, page.after, page.limit));
         json out = PageJson(
             result.items, page.limit,
             [](const app::ReportDossier& d) {
               const reports::Facts& f = d.facts;
               return json{
                   {"id", f.dossier_id},
                   {"code", d.code.empty() ? json(nullptr) : json(d.code)},
                   {"unit", f.unit},
                   {"procedure_code", f.procedure_code},
                   {"channel", catalog::ChannelName(f.channel)},
                   {"received_at", f.received_at > 0 ? InstantJson(f.received_at) : json(nullptr)},
                   {"due", InstantJson(f.due)},
                   {"finish", reports::FinishName(f.finish)},
                   {"finished_at", f.finished_at > 0 ? InstantJson(f.finished_at) : json(nullptr)},
                   {"timeliness", dossier::TimelinessName(f.timeliness)}};
             },
             [](const app::ReportDossier& d) { return d.facts.dossier_id; });
         out["figure"] = app::ReportFigureName(*figure);
         out["as_of"] = InstantJson(result.as_of);
         return Reply::Json(200, Dump(out));
       }});
  server.Add(
      {"GET", "/api/v1/reports/periodic", Permission::kReportsRead, "",
       [&s](Request& req) -> Result<Reply> {
         MOTCUA_ASSIGN_OR_RETURN(auto unit, req.Query("unit"));
         MOTCUA_ASSIGN_OR_RETURN(auto period, ReportingPeriodParam(req));
         MOTCUA_ASSIGN_OR_RETURN(auto format, ReportFormatParam(req));
         MOTCUA_ASSIGN_OR_RETURN(auto report,
                                 s.reports->Periodic(req.actor, unit.value_or(""), period));
         const std::string stem = "bao-cao-dinh-ky-" + report.unit.code + "-" + report.period.label;
         if (format == ReportFormat::kXlsx) {
           MOTCUA_ASSIGN_OR_RETURN(auto bytes, PeriodicWorkbook(report));
           return XlsxReply(std::move(bytes), stem + ".xlsx");
         }
         if (format == ReportFormat::kPdf) {
           MOTCUA_ASSIGN_OR_RETURN(auto bytes, PeriodicPdf(report));
           return PdfReply(std::move(bytes), stem + ".pdf");
         }
         const auto rows = [](const std::vector<app::ReportRow>& in,
                              const std::map<std::string, std::string>* names) {
           json out = json::array();
           for (const app::ReportRow& row : in) {
             json j = {{"key", row.key}, {"statistics", StatisticsJson(row.stats)}};
             if (names != nullptr) {
               const auto n = names->find(row.key);
               j["name"] = n == names->end() ? row.key : n->second;
             }
             out.push_back(std::move(j));
           }
           return out;
         };
         return Reply::Json(200, Dump({{"unit", UnitJson(report.unit)},
                                       {"subunits", true},
                                       {"period", PeriodJson(report.period)},
                                       {"as_of", InstantJson(report.as_of)},
                                       {"total", StatisticsJson(report.total)},
                                       {"by_field", rows(report.fields, nullptr)},
                                       {"by_unit", rows(report.units, &report.unit_names)}}));
       }});
  server.Add({"GET", "/api/v1/reports/trend", Permission::kReportsRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto unit, req.Query("unit"));
                MOTCUA_ASSIGN_OR_RETURN(auto period, PeriodParam(req));
                MOTCUA_ASSIGN_OR_RETURN(auto trend,
                                        s.reports->TrendOf(req.actor, unit.value_or(""), period));
                json days = json::array();
                for (const app::ReportTrendDay& d : trend.days) {
                  const reports::Statistics& t = d.stats;
                  days.push_back({{"date", calendar::FormatDate(calendar::FromDayNumber(
                                               static_cast<calendar::DayNumber>(d.day)))},
                                  {"received", t.received},
                                  {"received_by_channel",
                                   {{"in_person", t.received_in_person},
                                    {"online", t.received_online},
                                    {"postal", t.received_postal}}},
                                  {"resolved", t.Resolved()},
                                  {"resolved_early", t.resolved_early},
                                  {"resolved_on_time", t.resolved_on_time},
                                  {"resolved_late", t.resolved_late},
                                  {"resolved_untimed", t.resolved_untimed},
                                  {"withdrawn", t.withdrawn},
                                  {"stopped", t.stopped},
                                  {"refused", t.refused},
                                  {"in_progress", t.InProgress()},
                                  {"in_progress_on_time", t.in_progress_on_time},
                                  {"in_progress_overdue", t.in_progress_overdue}});
                }
                return Reply::Json(200, Dump({{"unit", UnitJson(trend.unit)},
                                              {"period", PeriodJson(trend.period)},
                                              {"days", days}}));
              }});
  server.Add({"GET", "/api/v1/reports/index766", Permission::kReportsRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto unit, req.Query("unit"));
                MOTCUA_ASSIGN_OR_RETURN(auto period, PeriodParam(req));
                MOTCUA_ASSIGN_OR_RETURN(auto format, ReportFormatParam(req));
                MOTCUA_ASSIGN_OR_RETURN(auto report,
                                        s.reports->Index766(req.actor, unit.value_or(""), period));
                const std::string stem =
                    "chi-so-766-" + report.unit.code + "-" + report.period.label;
                if (format == ReportFormat::kXlsx) {
                  MOTCUA_ASSIGN_OR_RETURN(auto bytes, IndexWorkbook(report));
                  return XlsxReply(std::move(bytes), stem + ".xlsx");
                }
                if (format == ReportFormat::kPdf) {
                  MOTCUA_ASSIGN_OR_RETURN(auto bytes, IndexPdf(report));
                  return PdfReply(std::move(bytes), stem + ".pdf");
                }
                const auto unit_json = [](const app::ReportService::UnitIndex& u) {
                  return json{{"unit_code", u.unit_code},
                              {"unit_name", u.unit_name},
                              {"statistics", StatisticsJson(u.stats)},
                              {"index", IndexJson(u.index)}};
                };
                json units = json::array();
                for (const auto& u : report.units) units.push_back(unit_json(u));
                return Reply::Json(200, Dump({{"unit", UnitJson(report.unit)},
                                              {"period", PeriodJson(report.period)},
                                              {"as_of", InstantJson(report.as_of)},
                                              {"source", reports::Index766Table().source},
                                              {"whole", unit_json(report.whole)},
                                              {"units", units}}));
              }});
  server.Add({"GET", "/api/v1/public/figures", Permission::kPublic, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto unit, req.Query("unit"));
                if (!unit || unit->empty()) return Error::InvalidField("unit", "name a unit code");
                MOTCUA_ASSIGN_OR_RETURN(auto month, req.Query("month"));
                if (!month) return Error::InvalidField("month", "give a month YYYY-MM");
                auto period = reports::ParsePeriod(*month);
                // "YYYY-MM" only: a quarter label has the same length.
                if (!period || month->size() != 7 || (*month)[5] < '0' || (*month)[5] > '9') {
                  return Error::InvalidField("month", "must be a month YYYY-MM");
                }
                MOTCUA_ASSIGN_OR_RETURN(auto f, s.reports->Public(*unit, *period));
                Reply reply =
                    Reply::Json(200, Dump({{"unit", {{"code", f.unit.code}, {"name", f.unit.name}}},
                                           {"month", f.period.label},
                                           {"as_of", InstantJson(f.as_of)},
                                           {"received", f.received},
                                           {"resolved", f.resolved},
                                           {"resolved_on_time", f.resolved_on_time},
                                           {"in_progress", f.in_progress},
                                           {"on_time_rate", ShareJson(f.on_time_rate)}}));
                reply.headers.push_back({"Cache-Control", "public, max-age=60"});
                return reply;
              }});
}

}  // namespace motcua::http
