#pragma once

// The query parameters of the report routes (/api/v1/reports/*, /api/v1/public/figures), decoded
// from a lookup of the query string. Pure: the fuzzer reaches them without a server
// (fuzz/report_params_fuzzer.cc). Every refusal is kInvalidArgument naming the parameter.

#include <functional>
#include <optional>
#include <string>

#include "app/report_records.h"
#include "app/step_visit_records.h"
#include "common/result.h"
#include "reports/period.h"

namespace motcua::http {

// A query parameter's value, or nullopt when it is absent. Its own refusals (bytes that are not
// UTF-8, too long) are passed on.
using QueryLookup = std::function<Result<std::optional<std::string>>(const std::string& name)>;

// ?period=<label> or ?from=YYYY-MM-DD&to=YYYY-MM-DD (inclusive days); one of them is required.
Result<reports::Period> DecodePeriodParams(const QueryLookup& query);

// The period of a periodic report: a month, a quarter, a half-year or a year (?period=), or the
// days of a cut-off the unit's rules fix (?from=&to=, e.g. the 15th to the 14th); not one day.
Result<reports::Period> DecodeReportingPeriodParams(const QueryLookup& query);

// ?<name>=true|1|false|0; `fallback` when absent.
Result<bool> DecodeBoolParam(const QueryLookup& query, const std::string& name, bool fallback);

// What the statistics and their drill-down both take.
struct ReportScope {
  std::string unit_code;  // ?unit=, verbatim; "" (absent): the actor's own unit
  bool subunits = true;   // ?subunits=
  reports::Period period;
};
Result<ReportScope> DecodeScopeParams(const QueryLookup& query);

// ?group_by= of the statistics; kNone when absent.
Result<app::ReportGroup> DecodeGroupParam(const QueryLookup& query);

// ?group= of the per-step figures (step, unit, officer); kStep when absent.
Result<app::StepGroup> DecodeStepGroupParam(const QueryLookup& query);

// ?figure= of the drill-down, required.
Result<app::ReportFigure> DecodeFigureParam(const QueryLookup& query);

// ?month=YYYY-MM of the public figures, required: that month.
Result<reports::Period> DecodeMonthParam(const QueryLookup& query);

}  // namespace motcua::http
