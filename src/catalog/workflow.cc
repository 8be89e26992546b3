#include "catalog/workflow.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <utility>

#include "catalog/workflow_graph.h"

namespace motcua::catalog {
namespace {

using Violations = std::vector<FieldViolation>;

constexpr std::array<std::pair<StepKind, std::string_view>, 10> kStepKinds{{
    {StepKind::kReceive, "receive"},
    {StepKind::kAssign, "assign"},
    {StepKind::kAppraise, "appraise"},
    {StepKind::kApprove, "approve"},
    {StepKind::kSign, "sign"},
    {StepKind::kIssue, "issue"},
    {StepKind::kReturn, "return"},
    {StepKind::kInterAgency, "inter-agency"},
    {StepKind::kWaitFinancial, "wait-financial"},
    {StepKind::kOther, "other"},
}};

std::string StepPath(std::size_t i) { return "steps[" + std::to_string(i) + "]"; }

std::string HoursText(std::int64_t seconds) {
  std::string text = std::to_string(seconds / 3600);
  if (seconds % 3600 != 0) text += ".5";
  return text + " h";
}

void CheckSteps(const Workflow& w, Violations& out) {
  for (std::size_t i = 0; i < w.steps.size(); ++i) {
    const Step& s = w.steps[i];
    const std::string path = StepPath(i);
    if (s.budget_seconds < 0) {
      out.push_back({path + ".budget", "negative budget"});
    } else if (s.budget_seconds % 1800 != 0) {
      out.push_back({path + ".budget", "budget must be whole half hours"});
    }
    if (s.kind == StepKind::kWaitFinancial && s.counted) {
      out.push_back({path + ".counted",
                     "waiting for financial obligations does not count toward the legal time"});
    }
    if (s.kind == StepKind::kInterAgency && s.performer.unit_code.empty()) {
      out.push_back({path + ".performer.unit_code", "an inter-agency step names the other unit"});
    }
  }
}

void CheckBudgetAgainst(const internal::Graph& g, const Workflow& w, const ChannelSpec& channel,
                        Violations& out) {
  const std::string path = "channels." + std::string(ChannelName(channel.channel)) + ".time";
  if (!channel.time.duration) {
    out.push_back({path, "legal time unknown: step budgets cannot be checked"});
    return;
  }
  const auto [low, high] = internal::CountedBudgetRange(g, w);
  const calendar::Duration& legal = *channel.time.duration;
  if (legal.is_calendar_days()) {
    const std::int64_t bound =
        MinWorkingDaysIn(legal.calendar_days()) * calendar::kWorkingDaySeconds;
    if (high > bound) {
      out.push_back({path, "counted step budgets reach " + HoursText(high) + ", more than the " +
                               HoursText(bound) + " of working time in every " +
                               std::to_string(legal.calendar_days()) + " calendar days"});
    }
    return;
  }
  if (low != legal.working_seconds() || high != legal.working_seconds()) {
    const std::string sum =
        low == high ? HoursText(low) : HoursText(low) + " to " + HoursText(high);
    out.push_back({path, "counted step budgets sum to " + sum + ", the legal time is " +
                             HoursText(legal.working_seconds())});
  }
}

}  // namespace

bool IsPausable(const Step& step) {
  if (step.pausable) return *step.pausable;
  return step.kind == StepKind::kAppraise || step.kind == StepKind::kInterAgency ||
         step.kind == StepKind::kOther || step.kind == StepKind::kAssign;
}

std::string_view StepKindName(StepKind kind) {
  for (const auto& [k, name] : kStepKinds) {
    if (k == kind) return name;
  }
  return "unknown";
}

Result<StepKind> ParseStepKind(std::string_view text) {
  for (const auto& [k, name] : kStepKinds) {
    if (name == text) return k;
  }
  return Error::InvalidArgument("unknown step kind: \"" + std::string(text) + "\"");
}

std::int64_t MinWorkingDaysIn(std::int64_t calendar_days) {
  if (calendar_days <= 0) return 0;
  return calendar_days / 7 * 5 + std::max<std::int64_t>(0, calendar_days % 7 - 2);
}

std::vector<FieldViolation> ValidateStructure(const Workflow& workflow) {
  Violations out;
  internal::Graph g = internal::BuildGraph(workflow, out);
  if (!out.empty()) return out;  // unknown or duplicate ids: the graph is not usable
  internal::CheckGraph(g, workflow, out);
  CheckSteps(workflow, out);
  return out;
}

std::vector<FieldViolation> ValidatePerformers(const Workflow& workflow,
                                               const KnownPerformers& known) {
  Violations out;
  for (std::size_t i = 0; i < workflow.steps.size(); ++i) {
    const Performer& p = workflow.steps[i].performer;
    const std::string path = StepPath(i) + ".performer";
    if (p.unit_code.empty() && p.role.empty()) {
      out.push_back({path, "no performer (unit or role)"});
      continue;
    }
    if (!p.unit_code.empty() && !known.unit_codes.contains(p.unit_code)) {
      out.push_back({path + ".unit_code", "unknown unit \"" + p.unit_code + "\""});
    }
    if (!p.role.empty() && !known.roles.contains(p.role)) {
      out.push_back({path + ".role", "unknown role \"" + p.role + "\""});
    }
  }
  return out;
}

std::vector<FieldViolation> ValidateBudget(const Workflow& workflow, const Procedure& procedure) {
  Violations out;
  internal::Graph g = internal::BuildGraph(workflow, out);
  if (out.empty()) internal::CheckGraph(g, workflow, out);
  if (!out.empty()) return {{"steps", "structure invalid: budgets cannot be checked"}};
  if (workflow.channels.empty()) {
    for (const ChannelSpec& c : procedure.channels) CheckBudgetAgainst(g, workflow, c, out);
    return out;
  }
  for (std::size_t i = 0; i < workflow.channels.size(); ++i) {
    const ChannelSpec* c = FindChannel(procedure, workflow.channels[i]);
    if (c == nullptr) {
      out.push_back(
          {"channels[" + std::to_string(i) + "]", "the procedure does not accept this channel"});
      continue;
    }
    CheckBudgetAgainst(g, workflow, *c, out);
  }
  return out;
}

std::vector<FieldViolation> ValidateWorkflow(const Workflow& workflow, const Procedure& procedure,
                                             const KnownPerformers& known) {
  Violations out = ValidateStructure(workflow);
  const bool structure_ok = out.empty();
  Violations more = ValidatePerformers(workflow, known);
  if (structure_ok) {
    Violations budget = ValidateBudget(workflow, procedure);
    more.insert(more.end(), budget.begin(), budget.end());
  }
  out.insert(out.end(), more.begin(), more.end());
  return out;
}

}  // namespace motcua::catalog
