// Decide: one function per command (the transition table in dossier.h names them). Each checks
// the state, then who may act, then the inputs, and returns the events to append.
#include "dossier/machine.h"

#include <algorithm>

#include "dossier/internal/rules.h"

namespace motcua::dossier {

using namespace internal;  // NOLINT: the rules shared by the Decide functions
using identity::Role;

namespace {

// Reception: a reception officer of a unit that may receive this procedure.
Status CheckReceptionOfficer(const Dossier& d, const Context& c) {
  const Actor& a = c.actor;
  if (!a.roles.Has(Role::kReceptionOfficer) && !a.roles.Has(Role::kClerk)) {
    return NotPerformer("reception is done by a reception officer");
  }
  const catalog::Procedure& p = *c.procedure;
  if (p.location_independent) return Ok();  // phi địa giới: any service center
  auto receives = [&](const std::string& unit) { return Within(c, unit, a.unit_code); };
  if (std::any_of(p.receiving_units.begin(), p.receiving_units.end(), receives) ||
      std::any_of(p.competent_units.begin(), p.competent_units.end(), receives) ||
      (!d.receiving_unit.empty() && receives(d.receiving_unit))) {
    return Ok();
  }
  return NotPerformer("procedure " + p.code +
                      " is not received at this unit and is not location-independent");
}

Events DecideSubmit(const Dossier& d, const Command&, const Context& c) {
  if (d.version != 0) return WrongState(d, CommandKind::kSubmit);
  if (d.channel != Channel::kOnline) {
    return Error::InvalidField("channel", "only online dossiers are submitted; counters receive");
  }
  if (!catalog::AcceptsChannel(*c.procedure, Channel::kOnline)) {
    return Situation("channel", "procedure " + c.procedure->code + " has no online service");
  }
  return std::vector<Event>{Base(d, EventKind::kSubmitted, c)};
}

bool BeforeReception(const Dossier& d) {
  return d.version == 0 || d.state == State::kSubmitted ||
         (d.state == State::kSupplement && !d.received);
}

Events DecideReceive(const Dossier& d, const Command&, const Context& c) {
  if (!BeforeReception(d)) return WrongState(d, CommandKind::kReceive);
  MOTCUA_RETURN_IF_ERROR(CheckReceptionOfficer(d, c));
  if (d.version == 0 && d.channel != Channel::kOnline && c.procedure->online_only) {
    return Situation("online-only", "thủ tục " + c.procedure->code +
                                        " chỉ tiếp nhận trực tuyến: procedure " +
                                        c.procedure->code + " is received online only");
  }
  if (d.version == 0 && !catalog::AcceptsChannel(*c.procedure, d.channel)) {
    return Error::InvalidField("channel", "procedure " + c.procedure->code + " is not received " +
                                              std::string(catalog::ChannelName(d.channel)));
  }
  for (std::size_t i = 0; i < d.components.size(); ++i) {
    if (d.components[i].provision == Provision::kMissing) {
      return Error::InvalidField("components[" + std::to_string(i) + "]",
                                 "component \"" + d.components[i].name +
                                     "\" is missing: guide the applicant to supplement instead");
    }
  }
  if (c.workflow == nullptr || StartStep(*c.workflow) == nullptr) {
    return Situation("no-workflow",
                     "procedure " + c.procedure->code + " has no workflow to process it");
  }
  Event e = Base(d, EventKind::kReceived, c);
  // The first step is entered as the reception will leave the dossier: received at this unit
  // unless it already names where it was received (Apply keeps the first).
  Dossier received = d;
  if (received.receiving_unit.empty()) received.receiving_unit = e.unit_code;
  Enter(e, received, *StartStep(*c.workflow));
  return std::vector<Event>{e};
}

Events DecideGuide(const Dossier& d, const Command& cmd, const Context& c) {
  if (d.version != 0 && d.state != State::kSubmitted) return WrongState(d, CommandKind::kGuide);
  MOTCUA_RETURN_IF_ERROR(CheckReceptionOfficer(d, c));
  if (cmd.items.empty()) return Error::InvalidField("items", "list everything that is missing");
  Event e = Base(d, EventKind::kGuided, c);
  e.items = cmd.items;
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

Events DecideRefuse(const Dossier& d, const Command& cmd, const Context& c) {
  if (!BeforeReception(d)) return WrongState(d, CommandKind::kRefuse);
  MOTCUA_RETURN_IF_ERROR(CheckReceptionOfficer(d, c));
  MOTCUA_RETURN_IF_ERROR(RequireReason(cmd, "the reason for refusal"));
  Event e = Base(d, EventKind::kRefused, c);
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

Events DecideAssign(const Dossier& d, const Command& cmd, const Context& c) {
  if (!In(d.state, {State::kReceived, State::kProcessing, State::kSupplement, State::kFinancial})) {
    return WrongState(d, CommandKind::kAssign);
  }
  MOTCUA_ASSIGN_OR_RETURN(const Step* step, CurrentStep(d, c));
  const bool claim = cmd.to_user == 0 || cmd.to_user == c.actor.user_id;
  if (claim) {
    MOTCUA_RETURN_IF_ERROR(CheckPerformer(d, c, *step));
  } else if (!IsLeader(c.actor) || !(Within(c, c.actor.unit_code, StepUnit(d, *step)) ||
                                     Within(c, StepUnit(d, *step), c.actor.unit_code))) {
    return NotPerformer("assigning to another officer is done by a leader of unit " +
                        StepUnit(d, *step));
  }
  Event e = Base(d, EventKind::kAssigned, c);
  e.to_user = claim ? c.actor.user_id : cmd.to_user;
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

Events DecideForward(const Dossier& d, const Command& cmd, const Context& c) {
  if (!In(d.state, {State::kReceived, State::kProcessing, State::kFinancial})) {
    return WrongState(d, CommandKind::kForward);
  }
  MOTCUA_ASSIGN_OR_RETURN(const Step* step, CurrentStep(d, c));
  MOTCUA_RETURN_IF_ERROR(CheckPerformer(d, c, *step));
  MOTCUA_RETURN_IF_ERROR(CheckMovable(d));
  if (step->next.empty()) {
    return Situation("last-step", "step " + step->id + " is the last: issue the result");
  }
  const std::string to = cmd.to_step.empty() ? step->next.front() : cmd.to_step;
  if (std::find(step->next.begin(), step->next.end(), to) == step->next.end()) {
    return Error::InvalidField("to_step", "step " + step->id + " does not lead to " + to);
  }
  if (step->kind != StepKind::kReceive && step->kind != StepKind::kWaitFinancial) {
    MOTCUA_RETURN_IF_ERROR(RequireReason(cmd, "an opinion"));
  }
  const Step* target = FindStep(*c.workflow, to);
  if (target == nullptr) return Error::Internal("step " + to + " is not in the workflow");
  Event e = Base(d, EventKind::kForwarded, c);
  Enter(e, d, *target);
  e.reason = cmd.reason;
  std::vector<Event> out{e};
  if (target->kind == StepKind::kInterAgency) {
    Event sent = Base(d, EventKind::kSentToAgency, c);
    sent.seq = e.seq + 1;
    sent.step_id = to;
    sent.to_unit = target->performer.unit_code;
    out.push_back(sent);
  }
  return out;
}

Events DecideRework(const Dossier& d, const Command& cmd, const Context& c) {
  if (d.state != State::kProcessing) return WrongState(d, CommandKind::kRework);
  MOTCUA_ASSIGN_OR_RETURN(const Step* step, CurrentStep(d, c));
  MOTCUA_RETURN_IF_ERROR(CheckPerformer(d, c, *step));
  MOTCUA_RETURN_IF_ERROR(CheckMovable(d));
  if (std::find(step->back.begin(), step->back.end(), cmd.to_step) == step->back.end()) {
    return Error::InvalidField("to_step",
                               "step " + step->id + " cannot return to \"" + cmd.to_step + "\"");
  }
  MOTCUA_RETURN_IF_ERROR(RequireReason(cmd, "the reason for rework"));
  const Step* target = FindStep(*c.workflow, cmd.to_step);
  if (target == nullptr) return Error::Internal("step " + cmd.to_step + " is not in the workflow");
  Event e = Base(d, EventKind::kReworked, c);
  Enter(e, d, *target);
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

Events DecidePause(const Dossier& d, const Command& cmd, const Context& c) {
  if (d.state != State::kProcessing) return WrongState(d, CommandKind::kPause);
  MOTCUA_ASSIGN_OR_RETURN(const Step* step, CurrentStep(d, c));
  MOTCUA_RETURN_IF_ERROR(CheckPerformer(d, c, *step));
  if (d.paused) return Situation("paused", "the dossier is already paused");
  if (!catalog::IsPausable(*step)) {
    return Situation("not-pausable", "step " + step->id + " (" +
                                         std::string(catalog::StepKindName(step->kind)) +
                                         ") cannot be paused");
  }
  if (cmd.pause == calendar::ExclusionType::kSupplement) {
    return Error::InvalidField("pause", "a supplement is requested, not paused");
  }
  MOTCUA_RETURN_IF_ERROR(RequireReason(cmd, "the reason for the pause"));
  Event e = Base(d, EventKind::kPaused, c);
  e.pause = cmd.pause;
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

Events DecideResume(const Dossier& d, const Command& cmd, const Context& c) {
  if (d.state != State::kProcessing) return WrongState(d, CommandKind::kResume);
  if (!d.paused) return Situation("not-paused", "the dossier is not paused");
  MOTCUA_ASSIGN_OR_RETURN(const Step* step, CurrentStep(d, c));
  MOTCUA_RETURN_IF_ERROR(CheckPerformer(d, c, *step));
  Event e = Base(d, EventKind::kResumed, c);
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

}  // namespace

Result<std::vector<Event>> Decide(const Dossier& d, const Command& cmd, const Context& c) {
  if (c.procedure == nullptr) return Error::Internal("Decide needs the procedure version");
  if (IsFinal(d.state) && d.version > 0) return WrongState(d, cmd.kind);
  switch (cmd.kind) {
    case CommandKind::kSubmit: return DecideSubmit(d, cmd, c);
    case CommandKind::kReceive: return DecideReceive(d, cmd, c);
    case CommandKind::kGuide: return DecideGuide(d, cmd, c);
    case CommandKind::kRefuse: return DecideRefuse(d, cmd, c);
    case CommandKind::kAssign: return DecideAssign(d, cmd, c);
    case CommandKind::kForward: return DecideForward(d, cmd, c);
    case CommandKind::kRework: return DecideRework(d, cmd, c);
    case CommandKind::kPause: return DecidePause(d, cmd, c);
    case CommandKind::kResume: return DecideResume(d, cmd, c);
    default:
      if (d.version == 0) return WrongState(d, cmd.kind);
      return DecideProcessing(d, cmd, c);
  }
}

const catalog::Step* FindStep(const catalog::Workflow& workflow, std::string_view id) {
  for (const auto& s : workflow.steps) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const catalog::Step* StartStep(const catalog::Workflow& workflow) {
  for (const auto& s : workflow.steps) {
    bool has_predecessor = false;
    for (const auto& o : workflow.steps) {
      if (std::find(o.next.begin(), o.next.end(), s.id) != o.next.end()) has_predecessor = true;
    }
    if (!has_predecessor) return &s;
  }
  return nullptr;
}

}  // namespace motcua::dossier
