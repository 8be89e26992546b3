// libFuzzer target over the query of the report routes (/api/v1/reports/statistics, /dossiers,
// /index766 and /api/v1/public/figures): the bytes are a query string ("name=value&..."; the
// first value of a name counts, as in the server), decoded as each route decodes it. Any bytes end
// in values or in kInvalidArgument naming one of the parameters. What is accepted reads back: the
// unit verbatim, the period's label as the same period, group and figure names as themselves, a
// month as a month.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "http/report_params.h"

namespace {

namespace http = motcua::http;
using motcua::ErrorCode;
using motcua::Result;

void Check(bool ok) {
  if (!ok) std::abort();
}

// A refusal is a bad request about the parameters the route reads.
template <typename T>
bool Refused(const Result<T>& r, const std::set<std::string>& names) {
  if (r.ok()) return false;
  Check(r.error().code == ErrorCode::kInvalidArgument);
  Check(names.count(r.error().field()) == 1);
  return true;
}

void CheckPeriod(const motcua::reports::Period& p) {
  Check(p.first <= p.last && p.from < p.to);
  auto again = motcua::reports::ParsePeriod(p.label);
  Check(again.ok() && *again == p);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::map<std::string, std::string> params;
  for (std::size_t at = 0; at <= text.size();) {
    const std::size_t end = std::min(text.find('&', at), text.size());
    const std::string_view pair = text.substr(at, end - at);
    const std::size_t eq = pair.find('=');
    params.emplace(std::string(pair.substr(0, eq)),
                   eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
    at = end + 1;
  }
  const http::QueryLookup query = [&](const std::string& name) {
    const auto it = params.find(name);
    return Result<std::optional<std::string>>(
        it == params.end() ? std::nullopt : std::optional<std::string>(it->second));
  };
  const std::set<std::string> period_names = {"period", "from", "to"};
  const std::set<std::string> scope_names = {"period", "from", "to", "unit", "subunits"};

  // /reports/statistics and /reports/dossiers: the scope, then group_by or figure.
  const auto scope = http::DecodeScopeParams(query);
  if (!Refused(scope, scope_names)) {
    const auto unit = params.find("unit");
    Check(scope->unit_code == (unit == params.end() ? "" : unit->second));
    CheckPeriod(scope->period);
  }
  const auto group = http::DecodeGroupParam(query);
  if (!Refused(group, {"group_by"})) {
    Check(motcua::app::ParseReportGroup(motcua::app::ReportGroupName(*group)) == *group);
    if (params.count("group_by"))
      Check(motcua::app::ReportGroupName(*group) == params.at("group_by"));
  }
  // /reports/steps: group, step when absent.
  const auto steps = http::DecodeStepGroupParam(query);
  if (!Refused(steps, {"group"})) {
    Check(motcua::app::ParseStepGroup(motcua::app::StepGroupName(*steps)) == *steps);
    Check(motcua::app::StepGroupName(*steps) ==
          (params.count("group") ? params.at("group") : std::string("step")));
  }
  const auto figure = http::DecodeFigureParam(query);
  if (!Refused(figure, {"figure"})) {
    Check(motcua::app::ReportFigureName(*figure) == params.at("figure"));
  }
  // /reports/index766: the period alone.
  const auto period = http::DecodePeriodParams(query);
  if (!Refused(period, period_names)) CheckPeriod(*period);
  // /reports/periodic: the same, but never a single day.
  const auto reporting = http::DecodeReportingPeriodParams(query);
  if (!Refused(reporting, period_names)) {
    CheckPeriod(*reporting);
    Check(motcua::reports::KindOf(*reporting) != motcua::reports::PeriodKind::kDay);
  }
  // /public/figures: a month, given as YYYY-MM and labelled so.
  const auto month = http::DecodeMonthParam(query);
  if (!Refused(month, {"month"})) {
    CheckPeriod(*month);
    Check(month->label == params.at("month") && month->first.day == 1);
  }
  return 0;
}
