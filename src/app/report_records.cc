#include "app/report_records.h"

#include "app/step_visit_records.h"

// The names of report groups and figures, apart from the service: the report routes' decoders
// and their fuzzer use them without the store.

namespace motcua::app {

std::string_view ReportGroupName(ReportGroup group) {
  switch (group) {
    case ReportGroup::kNone: return "none";
    case ReportGroup::kUnit: return "unit";
    case ReportGroup::kProcedure: return "procedure";
    case ReportGroup::kField: return "field";
    case ReportGroup::kChannel: return "channel";
    case ReportGroup::kOfficer: return "officer";
  }
  return "none";
}

std::optional<ReportGroup> ParseReportGroup(std::string_view name) {
  for (ReportGroup g : {ReportGroup::kNone, ReportGroup::kUnit, ReportGroup::kProcedure,
                        ReportGroup::kField, ReportGroup::kChannel, ReportGroup::kOfficer}) {
    if (ReportGroupName(g) == name) return g;
  }
  return std::nullopt;
}

std::string_view StepGroupName(StepGroup group) {
  switch (group) {
    case StepGroup::kStep: return "step";
    case StepGroup::kUnit: return "unit";
    case StepGroup::kOfficer: return "officer";
  }
  return "step";
}

std::optional<StepGroup> ParseStepGroup(std::string_view name) {
  for (StepGroup g : {StepGroup::kStep, StepGroup::kUnit, StepGroup::kOfficer}) {
    if (StepGroupName(g) == name) return g;
  }
  return std::nullopt;
}

std::string_view ReportFigureName(ReportFigure figure) {
  switch (figure) {
    case ReportFigure::kReceived: return "received";
    case ReportFigure::kCarriedOver: return "carried_over";
    case ReportFigure::kResolvedEarly: return "resolved_early";
    case ReportFigure::kResolvedOnTime: return "resolved_on_time";
    case ReportFigure::kResolvedLate: return "resolved_late";
    case ReportFigure::kResolvedUntimed: return "resolved_untimed";
    case ReportFigure::kWithdrawn: return "withdrawn";
    case ReportFigure::kStopped: return "stopped";
    case ReportFigure::kInProgressOnTime: return "in_progress_on_time";
    case ReportFigure::kInProgressOverdue: return "in_progress_overdue";
    case ReportFigure::kRefused: return "refused";
    case ReportFigure::kSupplement: return "supplement";
    case ReportFigure::kApologies: return "apologies";
  }
  return "received";
}

std::optional<ReportFigure> ParseReportFigure(std::string_view name) {
  for (ReportFigure f : kAllReportFigures) {
    if (ReportFigureName(f) == name) return f;
  }
  return std::nullopt;
}

std::int64_t FigureOf(const reports::Statistics& s, ReportFigure figure) {
  switch (figure) {
    case ReportFigure::kReceived: return s.received;
    case ReportFigure::kCarriedOver: return s.carried_over;
    case ReportFigure::kResolvedEarly: return s.resolved_early;
    case ReportFigure::kResolvedOnTime: return s.resolved_on_time;
    case ReportFigure::kResolvedLate: return s.resolved_late;
    case ReportFigure::kResolvedUntimed: return s.resolved_untimed;
    case ReportFigure::kWithdrawn: return s.withdrawn;
    case ReportFigure::kStopped: return s.stopped;
    case ReportFigure::kInProgressOnTime: return s.in_progress_on_time;
    case ReportFigure::kInProgressOverdue: return s.in_progress_overdue;
    case ReportFigure::kRefused: return s.refused;
    case ReportFigure::kSupplement: return s.supplement;
    case ReportFigure::kApologies: return s.apologies;
  }
  return 0;
}

}  // namespace motcua::app
