// The reports API (issue 7): the statistics of a period for a unit and its sub-units, the
// periodic report units send upward, the Decision 766 index, and the public figures (no login).
// Each report also comes as a workbook (?format=xlsx) and a PDF document (?format=pdf;
// report_exports.h). docs/reports.md defines every figure.
#include <cmath>

#include "calendar/civil_time.h"
#include "catalog_io/catalog_xlsx.h"
#include "http/encode.h"
#include "http/report_exports.h"
#include "http/report_params.h"
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
      j["reason_code"] = s.reason_code;
      if (!s.missing_input.empty()) j["missing_input"] = s.missing_input;
      j["reason"] = s.reason;
    }
    items.push_back(std::move(j));
  }
  return {{"score", std::round(r.score * 100) / 100},
          {"measurable_points", r.measurable_points},
          {"total_points", r.total_points},
          {"indicators", items}};
}

QueryLookup QueryOf(const Request& req) {
  return [&req](const std::string& name) { return req.Query(name); };
}

// What the statistics and their drill-down both take: unit, subunits and the period.
Result<app::ReportService::StatisticsRequest> ScopeParams(const QueryLookup& query) {
  MOTCUA_ASSIGN_OR_RETURN(ReportScope scope, DecodeScopeParams(query));
  app::ReportService::StatisticsRequest r;
  r.unit_code = std::move(scope.unit_code);
  r.subunits = scope.subunits;
  r.period = std::move(scope.period);
  return r;
}

// A report's file from its bytes: a workbook or a PDF named `stem` with its extension.
Result<app::JobFile> ReportFile(ReportFormat format, const std::string& stem,
                                Result<std::string> bytes) {
  if (!bytes.ok()) return std::move(bytes).error();
  if (format == ReportFormat::kXlsx) {
    return app::JobFile{stem + ".xlsx", std::string(catalog_io::kXlsxMediaType), std::move(*bytes)};
  }
  return app::JobFile{stem + ".pdf", "application/pdf", std::move(*bytes)};
}

}  // namespace

void AddReportRoutes(ApiServer& server, Services& s) {
  server.Add({"GET", "/api/v1/reports/statistics", Permission::kReportsRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto r, ScopeParams(QueryOf(req)));
                MOTCUA_ASSIGN_OR_RETURN(r.group, DecodeGroupParam(QueryOf(req)));
                MOTCUA_ASSIGN_OR_RETURN(auto format, ReportFormatParam(req));
                if (format != ReportFormat::kJson) {
                  MOTCUA_RETURN_IF_ERROR(s.reports->Scope(req.actor, r.unit_code));
                  return Download(
                      s, req, "export.statistics",
                      [reports = s.reports, actor = req.actor, r,
                       format](app::JobProgress& progress) -> Result<app::JobFile> {
                        MOTCUA_ASSIGN_OR_RETURN(auto report, reports->Statistics(actor, r));
                        progress.Report(0, report.rows.size() + 1);
                        return ReportFile(
                            format, "thong-ke-" + report.unit.code + "-" + report.period.label,
                            format == ReportFormat::kXlsx ? StatisticsWorkbook(report)
                                                          : StatisticsPdf(report));
                      });
                }
                MOTCUA_ASSIGN_OR_RETURN(auto report, s.reports->Statistics(req.actor, r));
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
         MOTCUA_ASSIGN_OR_RETURN(auto r, ScopeParams(QueryOf(req)));
         MOTCUA_ASSIGN_OR_RETURN(const app::ReportFigure figure, DecodeFigureParam(QueryOf(req)));
         MOTCUA_ASSIGN_OR_RETURN(auto page, PageParams(req));
         MOTCUA_ASSIGN_OR_RETURN(auto result,
                                 s.reports->Dossiers(req.actor, r, figure, page.after, page.limit));
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
         out["figure"] = app::ReportFigureName(figure);
         out["as_of"] = InstantJson(result.as_of);
         return Reply::Json(200, Dump(out));
       }});
  server.Add(
      {"GET", "/api/v1/reports/periodic", Permission::kReportsRead, "",
       [&s](Request& req) -> Result<Reply> {
         MOTCUA_ASSIGN_OR_RETURN(auto unit, req.Query("unit"));
         MOTCUA_ASSIGN_OR_RETURN(auto period, DecodeReportingPeriodParams(QueryOf(req)));
         MOTCUA_ASSIGN_OR_RETURN(auto format, ReportFormatParam(req));
         if (format != ReportFormat::kJson) {
           MOTCUA_RETURN_IF_ERROR(s.reports->Scope(req.actor, unit.value_or("")));
           return Download(
               s, req, "export.periodic",
               [reports = s.reports, actor = req.actor, unit = unit.value_or(""), period,
                format](app::JobProgress& progress) -> Result<app::JobFile> {
                 MOTCUA_ASSIGN_OR_RETURN(auto report, reports->Periodic(actor, unit, period));
                 progress.Report(0, report.fields.size() + report.units.size() + 1);
                 return ReportFile(
                     format, "bao-cao-dinh-ky-" + report.unit.code + "-" + report.period.label,
                     format == ReportFormat::kXlsx ? PeriodicWorkbook(report)
                                                   : PeriodicPdf(report));
               });
         }
         MOTCUA_ASSIGN_OR_RETURN(auto report,
                                 s.reports->Periodic(req.actor, unit.value_or(""), period));
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
  server.Add({"GET", "/api/v1/reports/steps", Permission::kReportsRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto scope, ScopeParams(QueryOf(req)));
                app::ReportService::StepsRequest r{std::move(scope.unit_code), scope.subunits,
                                                   std::move(scope.period)};
                MOTCUA_ASSIGN_OR_RETURN(r.group, DecodeStepGroupParam(QueryOf(req)));
                MOTCUA_ASSIGN_OR_RETURN(auto format, ReportFormatParam(req));
                if (format != ReportFormat::kJson) {
                  MOTCUA_RETURN_IF_ERROR(s.reports->Scope(req.actor, r.unit_code));
                  return Download(
                      s, req, "export.steps",
                      [reports = s.reports, actor = req.actor, r,
                       format](app::JobProgress& progress) -> Result<app::JobFile> {
                        MOTCUA_ASSIGN_OR_RETURN(auto report, reports->Steps(actor, r));
                        progress.Report(0, report.rows.size() + 1);
                        const std::string stem =
                            "theo-buoc-" + report.unit.code + "-" + report.period.label +
                            (r.group == app::StepGroup::kStep
                                 ? ""
                                 : "-" + std::string(app::StepGroupName(r.group)));
                        return ReportFile(format, stem,
                                          format == ReportFormat::kXlsx ? StepsWorkbook(report)
                                                                        : StepsPdf(report));
                      });
                }
                MOTCUA_ASSIGN_OR_RETURN(auto report, s.reports->Steps(req.actor, r));
                const auto hours = [](std::optional<double> seconds) -> json {
                  if (!seconds) return nullptr;
                  return std::round(*seconds / 36) / 100;  // working hours, 2 decimals
                };
                const auto figures = [&](const reports::StepFigures& f) {
                  return json{
                      {"passed", f.passed},
                      {"on_time", f.on_time},
                      {"late", f.late},
                      {"untimed", f.untimed},
                      {"average_hours", hours(f.AverageSeconds())},
                      {"longest_hours", f.passed > 0 ? hours(static_cast<double>(f.longest_seconds))
                                                     : json(nullptr)},
                      {"current", f.current},
                      {"current_overdue", f.current_overdue}};
                };
                json rows = json::array();
                for (const app::ReportService::StepRow& row : report.rows) {
                  json j = figures(row.figures);
                  j["key"] = row.key;
                  if (report.group == app::StepGroup::kStep) j["step_id"] = row.key;
                  j["name"] = row.name;
                  rows.push_back(std::move(j));
                }
                return Reply::Json(200, Dump({{"unit", UnitJson(report.unit)},
                                              {"subunits", report.subunits},
                                              {"period", PeriodJson(report.period)},
                                              {"as_of", InstantJson(report.as_of)},
                                              {"group", app::StepGroupName(report.group)},
                                              {"total", figures(report.total)},
                                              {"rows", rows}}));
              }});
  server.Add({"GET", "/api/v1/reports/trend", Permission::kReportsRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto unit, req.Query("unit"));
                MOTCUA_ASSIGN_OR_RETURN(auto period, DecodePeriodParams(QueryOf(req)));
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
  server.Add(
      {"GET", "/api/v1/reports/index766", Permission::kReportsRead, "",
       [&s](Request& req) -> Result<Reply> {
         MOTCUA_ASSIGN_OR_RETURN(auto unit, req.Query("unit"));
         MOTCUA_ASSIGN_OR_RETURN(auto period, DecodePeriodParams(QueryOf(req)));
         MOTCUA_ASSIGN_OR_RETURN(auto format, ReportFormatParam(req));
         if (format != ReportFormat::kJson) {
           MOTCUA_RETURN_IF_ERROR(s.reports->Scope(req.actor, unit.value_or("")));
           return Download(
               s, req, "export.index766",
               [reports = s.reports, actor = req.actor, unit = unit.value_or(""), period,
                format](app::JobProgress& progress) -> Result<app::JobFile> {
                 MOTCUA_ASSIGN_OR_RETURN(auto report, reports->Index766(actor, unit, period));
                 progress.Report(0, report.units.size() + 1);
                 return ReportFile(
                     format, "chi-so-766-" + report.unit.code + "-" + report.period.label,
                     format == ReportFormat::kXlsx ? IndexWorkbook(report) : IndexPdf(report));
               });
         }
         MOTCUA_ASSIGN_OR_RETURN(auto report,
                                 s.reports->Index766(req.actor, unit.value_or(""), period));
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
                MOTCUA_ASSIGN_OR_RETURN(auto period, DecodeMonthParam(QueryOf(req)));
                MOTCUA_ASSIGN_OR_RETURN(auto f, s.reports->Public(*unit, period));
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
