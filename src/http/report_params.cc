#include "http/report_params.h"

#include "calendar/civil_time.h"

namespace motcua::http {

Result<reports::Period> DecodePeriodParams(const QueryLookup& query) {
  MOTCUA_ASSIGN_OR_RETURN(auto label, query("period"));
  MOTCUA_ASSIGN_OR_RETURN(auto from, query("from"));
  MOTCUA_ASSIGN_OR_RETURN(auto to, query("to"));
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

Result<reports::Period> DecodeReportingPeriodParams(const QueryLookup& query) {
  MOTCUA_ASSIGN_OR_RETURN(reports::Period p, DecodePeriodParams(query));
  if (reports::KindOf(p) == reports::PeriodKind::kDay) {
    return Error::InvalidField("period",
                               "a periodic report is for a month (2026-03), a quarter (2026-Q1), "
                               "a half-year (2026-H1), a year (2026) or from and to");
  }
  return p;
}

Result<bool> DecodeBoolParam(const QueryLookup& query, const std::string& name, bool fallback) {
  MOTCUA_ASSIGN_OR_RETURN(auto v, query(name));
  if (!v) return fallback;
  if (*v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  return Error::InvalidField(name, "must be true or false");
}

Result<ReportScope> DecodeScopeParams(const QueryLookup& query) {
  ReportScope scope;
  MOTCUA_ASSIGN_OR_RETURN(auto unit, query("unit"));
  scope.unit_code = unit.value_or("");
  MOTCUA_ASSIGN_OR_RETURN(scope.subunits, DecodeBoolParam(query, "subunits", true));
  MOTCUA_ASSIGN_OR_RETURN(scope.period, DecodePeriodParams(query));
  return scope;
}

Result<app::ReportGroup> DecodeGroupParam(const QueryLookup& query) {
  MOTCUA_ASSIGN_OR_RETURN(auto group, query("group_by"));
  if (!group) return app::ReportGroup::kNone;
  auto g = app::ParseReportGroup(*group);
  if (!g) {
    return Error::InvalidField("group_by",
                               "must be none, unit, procedure, field, channel or officer");
  }
  return *g;
}

Result<app::StepGroup> DecodeStepGroupParam(const QueryLookup& query) {
  MOTCUA_ASSIGN_OR_RETURN(auto group, query("group"));
  if (!group) return app::StepGroup::kStep;
  auto g = app::ParseStepGroup(*group);
  if (!g) return Error::InvalidField("group", "must be step, unit or officer");
  return *g;
}

Result<app::ReportFigure> DecodeFigureParam(const QueryLookup& query) {
  MOTCUA_ASSIGN_OR_RETURN(auto name, query("figure"));
  const auto figure = app::ParseReportFigure(name.value_or(""));
  if (!figure) {
    return Error::InvalidField(
        "figure",
        "must be received, carried_over, resolved_early, resolved_on_time, resolved_late, "
        "resolved_untimed, withdrawn, stopped, in_progress_on_time, in_progress_overdue, "
        "refused, supplement or apologies");
  }
  return *figure;
}

Result<reports::Period> DecodeMonthParam(const QueryLookup& query) {
  MOTCUA_ASSIGN_OR_RETURN(auto month, query("month"));
  if (!month) return Error::InvalidField("month", "give a month YYYY-MM");
  auto period = reports::ParsePeriod(*month);
  // "YYYY-MM" only: a quarter label has the same length.
  if (!period || month->size() != 7 || (*month)[5] < '0' || (*month)[5] > '9') {
    return Error::InvalidField("month", "must be a month YYYY-MM");
  }
  return period;
}

}  // namespace motcua::http
