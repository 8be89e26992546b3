#pragma once

// The dossier state machine (diagram and transition table in dossier.h): Decide checks one
// command against the dossier's state, the procedure version's workflow and the actor's role and
// unit, and returns the events to append; Apply folds an event into the dossier. The application
// layer loads the dossier, calls Decide, appends the events and saves, in one transaction.
//
// Decide never changes the dossier: a refused command leaves it exactly as it was. Errors:
//   kFailedPrecondition, reason "state": the command is not allowed in the dossier's state (the
//     message names both), or the dossier's situation forbids it (paused, waiting for an agency,
//     supplement already requested once, ...; reason names it: "paused", "supplement-once", ...);
//   kPermissionDenied, reason "not-performer": the actor may not act at this step or unit;
//   kInvalidArgument with a field ("reason", "to_step", "items", "new_appointment", ...).
// Pure; thread-safe.

#include <functional>
#include <string>
#include <vector>

#include "catalog/procedure.h"
#include "catalog/workflow.h"
#include "common/result.h"
#include "dossier/dossier.h"
#include "identity/identity.h"

namespace motcua::dossier {

enum class CommandKind {
  kSubmit,
  kReceive,
  kGuide,
  kRefuse,
  kAssign,
  kForward,
  kRework,
  kPause,
  kResume,
  kAgencyAnswer,
  kRequestSupplement,
  kReceiveSupplement,
  kProposeRefusal,
  kDraftApology,
  kSignApology,
  kIssue,
  kReturn,
  kRequestWithdrawal,
  kStop,
  kSendOriginals,
  kReceiveOriginals,
};
std::string_view CommandKindName(CommandKind kind);  // "forward", "request-supplement", ...
std::optional<CommandKind> ParseCommandKind(std::string_view name);

// One command with its inputs; which fields matter depends on the kind (machine.cc).
struct Command {
  CommandKind kind = CommandKind::kForward;
  std::string to_step;       // forward (default: the planned next step), rework (required)
  std::string to_unit;       // send originals (default: the competent unit)
  std::int64_t to_user = 0;  // assign (0: the actor claims it)
  std::string reason;        // opinion / reason / answer
  calendar::ExclusionType pause = calendar::ExclusionType::kOther;
  std::optional<Instant> new_appointment;  // draft apology
  std::vector<std::string> items;          // guide, request supplement: everything missing
  ReturnMethod return_method = ReturnMethod::kCounter;
  std::string reference;  // postal item, document number
  // Receive supplement: the files brought (each electronic, with its file); required from the
  // applicant online, who brings the supplement only as files.
  std::vector<ProvidedComponent> components;
  std::string file_sha256;  // issue: the result document (optional)
};

// Who acts. An applicant acting online has applicant = true (and user_id of the citizen account,
// or 0 for an anonymous intake through the national portal's synchronisation).
struct Actor {
  std::int64_t user_id = 0;
  std::string username;
  std::string unit_code;
  identity::RoleSet roles;
  bool applicant = false;
  bool system = false;  // deadline sweeps: stop after the supplement limit
};

struct Context {
  Instant now = 0;
  const catalog::Procedure* procedure = nullptr;  // the dossier's version; required
  const catalog::Workflow* workflow = nullptr;    // the version's workflow; required after Submit
  Actor actor;
  // Whether unit `unit` is `root` or lies below it. Unset: equality of codes.
  std::function<bool(const std::string& root, const std::string& unit)> in_subtree;
  // Set by the caller when the supplement period has passed without a supplement (times.h):
  // allows Stop from state 5.
  bool supplement_expired = false;
};

// The events that `command` appends to `dossier`, or why it may not. For kSubmit, kReceive,
// kGuide and kRefuse on a new dossier pass a dossier with version 0 whose fixed facts are set.
Result<std::vector<Event>> Decide(const Dossier& dossier, const Command& command,
                                  const Context& context);

// Folds `event` into `dossier` (no checks: events were decided before they were stored). Sets
// event-derived fields and version = event.seq.
void Apply(Dossier& dossier, const Event& event);

// `facts` (fixed facts only) with every event applied in order.
Dossier Replay(const Dossier& facts, const std::vector<Event>& events);

// The fixed facts of `d` (what submission or reception set), without anything its events derive:
// Replay(FixedFacts(d), events) rebuilds d from its events.
Dossier FixedFacts(const Dossier& d);

// The problems with `dossier` and `events` against the invariants in dossier.h; empty when all
// hold. `workflow` may be null (then step checks are skipped). For tests and for loading.
std::vector<std::string> CheckInvariants(const Dossier& dossier, const std::vector<Event>& events,
                                         const catalog::Workflow* workflow);

// The workflow step with `id`, or nullptr.
const catalog::Step* FindStep(const catalog::Workflow& workflow, std::string_view id);

// The workflow's start step (no forward predecessor), or nullptr when it has none.
const catalog::Step* StartStep(const catalog::Workflow& workflow);

}  // namespace motcua::dossier
