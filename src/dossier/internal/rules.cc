// The rules every Decide function shares: who may act at a step, and the shape of an event.
#include "dossier/internal/rules.h"

#include <algorithm>

namespace motcua::dossier::internal {

using identity::Role;

Error WrongState(const Dossier& d, CommandKind kind) {
  return Error::FailedPrecondition("cannot " + std::string(CommandKindName(kind)) +
                                   " a dossier in state " + std::to_string(NationalCode(d.state)) +
                                   " (" + std::string(StateLabel(d.state)) + ")")
      .WithReason("state");
}

Error Situation(std::string reason, std::string message) {
  return Error::FailedPrecondition(std::move(message)).WithReason(std::move(reason));
}

Error NotPerformer(std::string message) {
  return Error::PermissionDenied(std::move(message)).WithReason("not-performer");
}

bool In(State s, std::initializer_list<State> states) {
  return std::find(states.begin(), states.end(), s) != states.end();
}

bool Within(const Context& c, const std::string& root, const std::string& unit) {
  if (root.empty() || unit.empty()) return false;
  return c.in_subtree ? c.in_subtree(root, unit) : root == unit;
}

bool IsLeader(const Actor& a) {
  return a.roles.Has(Role::kDivisionHead) || a.roles.Has(Role::kAgencyHead);
}

// The event every command starts from: who, where, when, at which step.
Event Base(const Dossier& d, EventKind kind, const Context& c) {
  Event e;
  e.seq = d.version + 1;
  e.kind = kind;
  // Never before the last event: servers' clocks differ a little, and a history stays ordered.
  e.at = std::max(c.now, d.updated_at);
  e.actor_id = c.actor.user_id;
  e.actor = c.actor.system ? "system" : c.actor.applicant ? "applicant" : c.actor.username;
  e.unit_code = c.actor.unit_code;
  e.step_id = d.step_id;
  return e;
}

void Enter(Event& e, const Dossier& d, const Step& step) {
  e.to_step = step.id;
  e.to_unit = StepUnit(d, step);
  e.to_kind = step.kind;
  e.to_counted = step.counted;
  e.to_budget = step.budget_seconds;
}

Status RequireReason(const Command& cmd, const char* what) {
  if (cmd.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error::InvalidField("reason", std::string(what) + " is required");
  }
  return Ok();
}

// The unit that performs `step`: its own unit code; else, for reception and return, the unit
// that received the dossier (the counter where the applicant handed it in and comes back for the
// result, wherever that is: location-independent reception); else the competent unit.
const std::string& StepUnit(const Dossier& d, const Step& step) {
  if (!step.performer.unit_code.empty()) return step.performer.unit_code;
  const bool at_counter =
      step.kind == catalog::StepKind::kReceive || step.kind == catalog::StepKind::kReturn;
  if (at_counter && !d.receiving_unit.empty()) return d.receiving_unit;
  return d.competent_unit;
}

// Whether the actor performs the current step: in the step's unit (or below), with its role, and
// the step's assignee when it has one (leaders of the unit may always act).
Status CheckPerformer(const Dossier& d, const Context& c, const Step& step) {
  const Actor& a = c.actor;
  if (a.applicant || a.system) return NotPerformer("only officers act on a step");
  if (!Within(c, StepUnit(d, step), a.unit_code)) {
    return NotPerformer("step " + step.id + " is performed by unit " + StepUnit(d, step));
  }
  const auto role = identity::ParseRole(step.performer.role);
  if (role && !a.roles.Has(*role) && !IsLeader(a)) {
    return NotPerformer("step " + step.id + " is performed by the role " + step.performer.role);
  }
  if (d.assignee != 0 && d.assignee != a.user_id && !IsLeader(a)) {
    return NotPerformer("step " + step.id + " is assigned to another officer");
  }
  return Ok();
}

Result<const Step*> CurrentStep(const Dossier& d, const Context& c) {
  if (c.workflow == nullptr) return Error::FailedPrecondition("the dossier has no workflow");
  const Step* step = FindStep(*c.workflow, d.step_id);
  if (step == nullptr) return Error::Internal("step " + d.step_id + " is not in the workflow");
  return step;
}

// Nothing may move while the clock is held or another party has the dossier.
Status CheckMovable(const Dossier& d) {
  if (d.paused) return Situation("paused", "the dossier is paused: resume it first");
  if (d.waiting_agency) {
    return Situation("waiting-agency", "the dossier waits for another agency's answer");
  }
  return Ok();
}

}  // namespace motcua::dossier::internal
