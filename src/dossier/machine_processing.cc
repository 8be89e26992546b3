// Decide for the commands after reception that are not step moves: inter-agency answers,
// supplements, refusal, apology, results, withdrawal and stop, paper originals.
#include <algorithm>

#include "dossier/internal/rules.h"

namespace motcua::dossier {

using namespace internal;  // NOLINT: the rules shared by the Decide functions
using identity::Role;

namespace {

bool OfCompetentUnit(const Dossier& d, const Context& c) {
  return Within(c, d.competent_unit, c.actor.unit_code);
}

// The answer of the other agency, recorded by an officer of that agency or of the competent unit.
Events DecideAgencyAnswer(const Dossier& d, const Command& cmd, const Context& c) {
  if (d.state != State::kProcessing) return WrongState(d, CommandKind::kAgencyAnswer);
  if (!d.waiting_agency) return Situation("not-waiting", "no agency has the dossier");
  MOTCUA_ASSIGN_OR_RETURN(const Step* step, CurrentStep(d, c));
  if (c.actor.applicant ||
      !(Within(c, step->performer.unit_code, c.actor.unit_code) || OfCompetentUnit(d, c))) {
    return NotPerformer("the answer is recorded by unit " + step->performer.unit_code +
                        " or the competent unit");
  }
  MOTCUA_RETURN_IF_ERROR(RequireReason(cmd, "the answer"));
  Event e = Base(d, EventKind::kAgencyAnswered, c);
  e.reason = cmd.reason;
  e.reference = cmd.reference;
  return std::vector<Event>{e};
}

// At most once during processing, listing everything at once (shared/DOMAIN.md "Supplement").
Events DecideRequestSupplement(const Dossier& d, const Command& cmd, const Context& c) {
  if (d.state != State::kProcessing) return WrongState(d, CommandKind::kRequestSupplement);
  MOTCUA_ASSIGN_OR_RETURN(const Step* step, CurrentStep(d, c));
  MOTCUA_RETURN_IF_ERROR(CheckPerformer(d, c, *step));
  MOTCUA_RETURN_IF_ERROR(CheckMovable(d));
  if (d.supplement_requests > 0) {
    return Situation("supplement-once",
                     "a supplement was already requested once; list everything in one request");
  }
  if (cmd.items.empty()) return Error::InvalidField("items", "list everything that is missing");
  MOTCUA_RETURN_IF_ERROR(RequireReason(cmd, "the reason"));
  Event e = Base(d, EventKind::kSupplementRequested, c);
  e.items = cmd.items;
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

// The files a supplement brings: each names what it supplies and carries its uploaded file. The
// applicant online brings the supplement only as files, so at least one; an officer recording a
// paper supplement may name none. Whether each file was uploaded by the actor is the caller's
// check (it knows the stored files).
Status CheckSuppliedFiles(const Command& cmd, const Actor& a) {
  if (a.applicant && cmd.components.empty()) {
    return Error::InvalidField("components", "bring the missing items' files");
  }
  for (std::size_t i = 0; i < cmd.components.size(); ++i) {
    const ProvidedComponent& pc = cmd.components[i];
    const std::string field = "components[" + std::to_string(i) + "]";
    if (pc.name.empty()) return Error::InvalidField(field + ".name", "name the item supplied");
    if (pc.provision != Provision::kElectronic || pc.file_sha256.empty()) {
      return Error::InvalidField(field + ".file_sha256", "a supplied item needs its uploaded file");
    }
  }
  return Ok();
}

// The supplement arrives: at the counter (reception officer), from the applicant online, or
// recorded by the step's performer; with the files it brings (CheckSuppliedFiles).
Events DecideReceiveSupplement(const Dossier& d, const Command& cmd, const Context& c) {
  if (d.state != State::kSupplement) return WrongState(d, CommandKind::kReceiveSupplement);
  const Actor& a = c.actor;
  bool allowed = a.applicant || a.roles.Has(Role::kReceptionOfficer);
  if (!allowed && d.received) {
    MOTCUA_ASSIGN_OR_RETURN(const Step* step, CurrentStep(d, c));
    allowed = CheckPerformer(d, c, *step).ok();
  }
  if (!allowed) return NotPerformer("a supplement is received by the service center");
  if (!d.received && d.channel != Channel::kOnline) {
    return Situation("guided", "a counter dossier that was guided is received anew");
  }
  MOTCUA_RETURN_IF_ERROR(CheckSuppliedFiles(cmd, a));
  Event e = Base(d, EventKind::kSupplementReceived, c);
  e.reason = cmd.reason;
  e.components = cmd.components;
  return std::vector<Event>{e};
}

Events DecideProposeRefusal(const Dossier& d, const Command& cmd, const Context& c) {
  if (d.state != State::kProcessing) return WrongState(d, CommandKind::kProposeRefusal);
  MOTCUA_ASSIGN_OR_RETURN(const Step* step, CurrentStep(d, c));
  MOTCUA_RETURN_IF_ERROR(CheckPerformer(d, c, *step));
  if (d.refusal_proposed) return Situation("refusal-proposed", "a refusal is already proposed");
  MOTCUA_RETURN_IF_ERROR(RequireReason(cmd, "the reason for refusal"));
  Event e = Base(d, EventKind::kRefusalProposed, c);
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

// Late: the competent unit drafts form 04 with a new appointment; the head of the agency signs
// it. The new appointment may be set only once (shared/DOMAIN.md "Late"); that it lies after the
// current appointment is checked by the caller, who knows the times (times.h).
Events DecideDraftApology(const Dossier& d, const Command& cmd, const Context& c) {
  if (!In(d.state, {State::kProcessing, State::kSupplement, State::kFinancial}) || !d.received) {
    return WrongState(d, CommandKind::kDraftApology);
  }
  if (d.apology_signed) return Situation("apology-once", "a new appointment was already set");
  if (c.actor.applicant || !OfCompetentUnit(d, c)) {
    return NotPerformer("the apology is drafted by the competent unit " + d.competent_unit);
  }
  if (!cmd.new_appointment) return Error::InvalidField("new_appointment", "is required");
  MOTCUA_RETURN_IF_ERROR(RequireReason(cmd, "the reason for the delay"));
  Event e = Base(d, EventKind::kApologyDrafted, c);
  e.new_appointment = cmd.new_appointment;
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

Events DecideSignApology(const Dossier& d, const Command& cmd, const Context& c) {
  if (!In(d.state, {State::kProcessing, State::kSupplement, State::kFinancial})) {
    return WrongState(d, CommandKind::kSignApology);
  }
  if (d.apology_signed) return Situation("apology-once", "a new appointment was already set");
  if (!d.apology_drafted) return Situation("no-draft", "there is no apology draft to sign");
  if (!c.actor.roles.Has(Role::kAgencyHead) || !OfCompetentUnit(d, c)) {
    return NotPerformer("the apology is signed by the head of the competent agency");
  }
  Event e = Base(d, EventKind::kApologySigned, c);
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

// The result is issued at an issue step, or at a step whose only ways on are the return.
bool MayIssueAt(const Step& step, const catalog::Workflow& w) {
  if (step.kind == StepKind::kIssue || step.next.empty()) return true;
  return std::all_of(step.next.begin(), step.next.end(), [&](const std::string& id) {
    const Step* s = FindStep(w, id);
    return s != nullptr && s->kind == StepKind::kReturn;
  });
}

Events DecideIssue(const Dossier& d, const Command& cmd, const Context& c) {
  if (d.state != State::kProcessing) return WrongState(d, CommandKind::kIssue);
  MOTCUA_ASSIGN_OR_RETURN(const Step* step, CurrentStep(d, c));
  MOTCUA_RETURN_IF_ERROR(CheckPerformer(d, c, *step));
  MOTCUA_RETURN_IF_ERROR(CheckMovable(d));
  if (!MayIssueAt(*step, *c.workflow)) {
    return Situation("not-issue-step",
                     "the result is issued at the issue step, not at step " + step->id);
  }
  Event e = Base(d, EventKind::kIssued, c);
  e.reference = cmd.reference;
  e.reason = cmd.reason;
  e.file_sha256 = cmd.file_sha256;
  for (const auto& id : step->next) {
    const Step* s = FindStep(*c.workflow, id);
    if (s != nullptr && s->kind == StepKind::kReturn) Enter(e, d, *s);
  }
  return std::vector<Event>{e};
}

Events DecideReturn(const Dossier& d, const Command& cmd, const Context& c) {
  if (d.state != State::kResolved) return WrongState(d, CommandKind::kReturn);
  const Actor& a = c.actor;
  const bool online = cmd.return_method == ReturnMethod::kOnline;
  const bool officer = (a.roles.Has(Role::kReceptionOfficer) || a.roles.Has(Role::kClerk)) &&
                       (Within(c, d.receiving_unit, a.unit_code) || OfCompetentUnit(d, c));
  if (!officer && !(online && a.applicant)) {
    return NotPerformer("the result is returned by the service center that received it");
  }
  if (cmd.return_method == ReturnMethod::kPostal && cmd.reference.empty()) {
    return Error::InvalidField("reference", "the postal item number is required");
  }
  Event e = Base(d, EventKind::kReturned, c);
  e.return_method = cmd.return_method;
  e.reference = cmd.reference;
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

Events DecideRequestWithdrawal(const Dossier& d, const Command& cmd, const Context& c) {
  if (!In(d.state, {State::kReceived, State::kProcessing, State::kSupplement, State::kFinancial}) ||
      !d.received) {
    return WrongState(d, CommandKind::kRequestWithdrawal);
  }
  const Actor& a = c.actor;
  if (!a.applicant && !(a.roles.Has(Role::kReceptionOfficer) &&
                        (Within(c, d.receiving_unit, a.unit_code) || OfCompetentUnit(d, c)))) {
    return NotPerformer("a withdrawal is asked by the applicant or recorded at the counter");
  }
  MOTCUA_RETURN_IF_ERROR(RequireReason(cmd, "the reason for withdrawal"));
  Event e = Base(d, EventKind::kWithdrawalRequested, c);
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

// Form 05: after a withdrawal request, when the supplement did not come in time, or when the
// dossier turns out ineligible.
Events DecideStop(const Dossier& d, const Command& cmd, const Context& c) {
  const bool by_rule = d.state == State::kWithdrawal ||
                       (d.state == State::kSupplement && d.received && c.supplement_expired) ||
                       In(d.state, {State::kProcessing, State::kFinancial});
  if (!by_rule) {
    if (d.state == State::kSupplement && d.received) {
      return Situation("supplement-pending", "the supplement period has not passed");
    }
    return WrongState(d, CommandKind::kStop);
  }
  if (!c.actor.system && (!IsLeader(c.actor) || !OfCompetentUnit(d, c))) {
    return NotPerformer("processing is stopped by a leader of the competent unit");
  }
  MOTCUA_RETURN_IF_ERROR(RequireReason(cmd, "the reason for stopping"));
  Event e = Base(d, EventKind::kStopped, c);
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

// Location-independent reception: the paper originals travel from the receiving service center
// to the competent unit, and their arrival is recorded.
Events DecideSendOriginals(const Dossier& d, const Command& cmd, const Context& c) {
  if (!In(d.state, {State::kReceived, State::kProcessing})) {
    return WrongState(d, CommandKind::kSendOriginals);
  }
  if (d.originals_in_transit) return Situation("in-transit", "the originals are on their way");
  if (!Within(c, d.receiving_unit, c.actor.unit_code) || c.actor.applicant) {
    return NotPerformer("the originals are sent by the receiving unit " + d.receiving_unit);
  }
  Event e = Base(d, EventKind::kOriginalsSent, c);
  e.to_unit = cmd.to_unit.empty() ? d.competent_unit : cmd.to_unit;
  e.reference = cmd.reference;
  return std::vector<Event>{e};
}

Events DecideReceiveOriginals(const Dossier& d, const Command& cmd, const Context& c) {
  if (!In(d.state, {State::kReceived, State::kProcessing})) {
    return WrongState(d, CommandKind::kReceiveOriginals);
  }
  if (!d.originals_in_transit) return Situation("not-in-transit", "no originals were sent");
  if (!OfCompetentUnit(d, c) || c.actor.applicant) {
    return NotPerformer("the originals are received by the competent unit " + d.competent_unit);
  }
  Event e = Base(d, EventKind::kOriginalsReceived, c);
  e.reason = cmd.reason;
  return std::vector<Event>{e};
}

}  // namespace

Events internal::DecideProcessing(const Dossier& d, const Command& cmd, const Context& c) {
  switch (cmd.kind) {
    case CommandKind::kAgencyAnswer: return DecideAgencyAnswer(d, cmd, c);
    case CommandKind::kRequestSupplement: return DecideRequestSupplement(d, cmd, c);
    case CommandKind::kReceiveSupplement: return DecideReceiveSupplement(d, cmd, c);
    case CommandKind::kProposeRefusal: return DecideProposeRefusal(d, cmd, c);
    case CommandKind::kDraftApology: return DecideDraftApology(d, cmd, c);
    case CommandKind::kSignApology: return DecideSignApology(d, cmd, c);
    case CommandKind::kIssue: return DecideIssue(d, cmd, c);
    case CommandKind::kReturn: return DecideReturn(d, cmd, c);
    case CommandKind::kRequestWithdrawal: return DecideRequestWithdrawal(d, cmd, c);
    case CommandKind::kStop: return DecideStop(d, cmd, c);
    case CommandKind::kSendOriginals: return DecideSendOriginals(d, cmd, c);
    case CommandKind::kReceiveOriginals: return DecideReceiveOriginals(d, cmd, c);
    default:
      return Error::Internal("command " + std::string(CommandKindName(cmd.kind)) +
                             " is not a processing command");
  }
}

}  // namespace motcua::dossier
