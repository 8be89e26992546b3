// Apply folds one event into the derived state; Replay folds a whole history; CheckInvariants
// states what must hold in each state (dossier.h, INVARIANTS).
#include <algorithm>

#include "dossier/machine.h"

namespace motcua::dossier {
namespace {

void EnterStep(Dossier& d, const Event& e) {
  d.step_id = e.to_step;
  d.step_unit = e.to_unit;
  d.step_kind = e.to_kind;
  d.step_counted = e.to_counted;
  d.step_budget = e.to_budget;
  d.step_entered = e.at;
  d.assignee = 0;
}

}  // namespace

void Apply(Dossier& d, const Event& e) {
  d.version = e.seq;
  d.updated_at = e.at;
  switch (e.kind) {
    case EventKind::kSubmitted:
      d.state = State::kSubmitted;
      d.submitted_at = e.at;
      break;
    case EventKind::kReceived:
      d.state = State::kReceived;
      d.received = true;
      d.received_at = e.at;
      if (d.submitted_at == 0) d.submitted_at = e.at;
      if (d.receiving_unit.empty()) d.receiving_unit = e.unit_code;
      EnterStep(d, e);
      break;
    case EventKind::kGuided:
      d.state = State::kSupplement;
      d.supplement_open = true;
      if (d.submitted_at == 0) d.submitted_at = e.at;
      break;
    case EventKind::kRefused:
      d.state = State::kRefused;
      if (d.submitted_at == 0) d.submitted_at = e.at;
      d.stopped_at = e.at;
      break;
    case EventKind::kAssigned: d.assignee = e.to_user; break;
    case EventKind::kForwarded:
    case EventKind::kReworked:
      // Entering a step that waits for financial obligations is state 6 (shared/DOMAIN.md).
      d.state =
          e.to_kind == catalog::StepKind::kWaitFinancial ? State::kFinancial : State::kProcessing;
      EnterStep(d, e);
      break;
    case EventKind::kPaused: d.paused = true; break;
    case EventKind::kResumed: d.paused = false; break;
    case EventKind::kSentToAgency: d.waiting_agency = true; break;
    case EventKind::kAgencyAnswered: d.waiting_agency = false; break;
    case EventKind::kSupplementRequested:
      d.state = State::kSupplement;
      d.supplement_open = true;
      ++d.supplement_requests;
      break;
    case EventKind::kSupplementReceived:
      d.supplement_open = false;
      d.supplied.insert(d.supplied.end(), e.components.begin(), e.components.end());
      d.state = d.received ? State::kProcessing : State::kSubmitted;
      break;
    case EventKind::kRefusalProposed:
      d.refusal_proposed = true;
      d.outcome = Outcome::kRefusal;
      break;
    case EventKind::kApologyDrafted:
      d.apology_drafted = true;
      d.new_appointment = e.new_appointment;
      d.apology_reason = e.reason;
      break;
    case EventKind::kApologySigned: d.apology_signed = true; break;
    case EventKind::kIssued:
      d.state = State::kResolved;
      d.resolved_at = e.at;
      d.result_sha256 = e.file_sha256;
      EnterStep(d, e);
      break;
    case EventKind::kReturned:
      d.state = State::kReturned;
      d.returned_at = e.at;
      break;
    case EventKind::kWithdrawalRequested:
      // The applicant's request ends any pause or wait: processing is about to stop.
      d.state = State::kWithdrawal;
      d.paused = false;
      d.waiting_agency = false;
      break;
    case EventKind::kStopped:
      d.state = State::kStopped;
      d.stopped_at = e.at;
      d.paused = false;
      d.waiting_agency = false;
      d.supplement_open = false;
      break;
    case EventKind::kOriginalsSent: d.originals_in_transit = true; break;
    case EventKind::kOriginalsReceived: d.originals_in_transit = false; break;
  }
}

Dossier Replay(const Dossier& facts, const std::vector<Event>& events) {
  Dossier d = facts;
  for (const Event& e : events) Apply(d, e);
  return d;
}

Dossier FixedFacts(const Dossier& d) {
  Dossier f;
  f.id = d.id;
  f.code = d.code;
  f.procedure_code = d.procedure_code;
  f.procedure_version = d.procedure_version;
  f.case_name = d.case_name;
  f.channel = d.channel;
  f.receiving_unit = d.receiving_unit;
  f.competent_unit = d.competent_unit;
  f.applicant = d.applicant;
  f.components = d.components;
  f.postal_item = d.postal_item;
  f.paid_online = d.paid_online;
  f.synced_national = d.synced_national;
  return f;
}

}  // namespace motcua::dossier
