#pragma once

// Shared by the Decide functions of machine.cc and machine_processing.cc; not part of the
// dossier module's interface.

#include <initializer_list>
#include <string>
#include <vector>

#include "dossier/machine.h"

namespace motcua::dossier::internal {

using catalog::Step;
using catalog::StepKind;
using Events = Result<std::vector<Event>>;

// kFailedPrecondition, reason "state": `kind` is not allowed in the dossier's state.
Error WrongState(const Dossier& d, CommandKind kind);
// kFailedPrecondition with `reason` ("paused", "supplement-once", ...).
Error Situation(std::string reason, std::string message);
// kPermissionDenied, reason "not-performer".
Error NotPerformer(std::string message);

bool In(State s, std::initializer_list<State> states);
// `unit` is `root` or below it (Context::in_subtree); false when either is empty.
bool Within(const Context& c, const std::string& root, const std::string& unit);
// Division or agency head.
bool IsLeader(const Actor& a);

// The next event: seq, kind, instant (never before the last event), actor, unit, step.
Event Base(const Dossier& d, EventKind kind, const Context& c);
// Fills the event's to_step, to_kind, to_counted, to_budget and to_unit (the step's unit) from
// `step`.
void Enter(Event& e, const Dossier& d, const Step& step);
// kInvalidArgument on field "reason" when the command's reason is blank.
Status RequireReason(const Command& cmd, const char* what);

// The unit that performs `step`: its own unit code; else the receiving unit for reception and
// return steps; else the dossier's competent unit.
const std::string& StepUnit(const Dossier& d, const Step& step);
// The actor performs the step: within its unit, with its role (leaders always), and its assignee
// if it has one (leaders always).
Status CheckPerformer(const Dossier& d, const Context& c, const Step& step);
// The dossier's current step in the context's workflow.
Result<const Step*> CurrentStep(const Dossier& d, const Context& c);
// Neither paused nor waiting for another agency.
Status CheckMovable(const Dossier& d);

// Decide for the commands of machine_processing.cc.
Events DecideProcessing(const Dossier& d, const Command& cmd, const Context& c);

}  // namespace motcua::dossier::internal
