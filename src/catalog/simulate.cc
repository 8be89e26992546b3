// Workflow simulation: planned step dates on the legal clock (workflow.h, Simulate).

#include <string>
#include <utility>
#include <vector>

#include "catalog/workflow.h"
#include "catalog/workflow_graph.h"

namespace motcua::catalog {
namespace {

calendar::ExclusionType ExclusionFor(StepKind kind) {
  switch (kind) {
    case StepKind::kWaitFinancial: return calendar::ExclusionType::kFinancialObligation;
    case StepKind::kInterAgency: return calendar::ExclusionType::kConsultation;
    default: return calendar::ExclusionType::kOther;
  }
}

}  // namespace

Result<Plan> Simulate(const Workflow& workflow, Instant received,
                      const calendar::Calendar& calendar, calendar::ReceptionCutoff cutoff,
                      std::optional<calendar::Duration> legal) {
  std::vector<FieldViolation> problems;
  internal::Graph g = internal::BuildGraph(workflow, problems);
  if (problems.empty()) internal::CheckGraph(g, workflow, problems);
  if (!problems.empty()) {
    Error e = Error::InvalidArgument("workflow structure invalid").WithReason("validation");
    e.fields = std::move(problems);
    return e;
  }
  Plan plan;
  MOTCUA_ASSIGN_OR_RETURN(plan.counting_start, calendar::CountingStart(received, calendar, cutoff));
  std::vector<calendar::Exclusion> uncounted;
  Instant cursor = plan.counting_start;
  for (int i : internal::PlannedPath(g)) {
    const Step& s = workflow.steps[i];
    StepPlan step{s.id, cursor, cursor, s.counted};
    if (s.budget_seconds > 0) {
      MOTCUA_ASSIGN_OR_RETURN(step.due, calendar.AdvanceWorking(cursor, s.budget_seconds));
    }
    if (!s.counted && step.due > step.start) {
      uncounted.push_back({ExclusionFor(s.kind), step.start, step.due, s.id});
    }
    cursor = step.due;
    plan.steps.push_back(std::move(step));
  }
  plan.due = cursor;
  if (legal) {
    MOTCUA_ASSIGN_OR_RETURN(plan.legal_due,
                            calendar::Due(received, *legal, calendar, uncounted, cutoff));
    plan.within_legal = plan.due <= *plan.legal_due;
  }
  return plan;
}

}  // namespace motcua::catalog
