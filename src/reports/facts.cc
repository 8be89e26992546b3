#include "reports/facts.h"

namespace motcua::reports {

using dossier::EventKind;
using dossier::Provision;
using dossier::State;

std::string_view FinishName(Finish finish) {
  switch (finish) {
    case Finish::kOpen: return "open";
    case Finish::kResolved: return "resolved";
    case Finish::kRefused: return "refused";
    case Finish::kStopped: return "stopped";
  }
  return "open";
}

namespace {

// Where the state says the dossier left the flow, and when.
void SetFinish(Facts& f, const dossier::Dossier& d) {
  switch (d.state) {
    case State::kResolved:
    case State::kReturned:
      f.finish = Finish::kResolved;
      f.finished_at = d.resolved_at;
      break;
    case State::kRefused:
      f.finish = Finish::kRefused;
      f.finished_at = d.stopped_at;
      break;
    case State::kStopped:
      f.finish = Finish::kStopped;
      f.finished_at = d.stopped_at;
      break;
    default:
      f.finish = Finish::kOpen;
      f.finished_at = 0;
      break;
  }
}

void SetComponents(Facts& f, const dossier::Dossier& d) {
  f.components = 0;
  f.digitized = 0;
  f.reused = false;
  f.data_store = false;
  for (const dossier::ProvidedComponent& c : d.components) {
    if (c.provision == Provision::kMissing) continue;
    ++f.components;
    // Reused and data-store documents are digitized copies by definition (Decree 45/2020 art. 2).
    if (c.digitized || c.provision == Provision::kElectronic || c.provision == Provision::kReused ||
        c.provision == Provision::kDataStore) {
      ++f.digitized;
    }
    if (c.provision == Provision::kReused) f.reused = true;
    if (c.provision == Provision::kDataStore) f.data_store = true;
  }
}

}  // namespace

Facts UpdateFacts(const Facts& previous, const dossier::Dossier& d,
                  std::span<const dossier::Event> appended, std::optional<Instant> due) {
  Facts f = previous;
  f.dossier_id = d.id;
  f.unit = d.competent_unit;
  f.receiving_unit = d.receiving_unit;
  f.procedure_code = d.procedure_code;
  f.procedure_version = d.procedure_version;
  f.channel = d.channel;
  f.submitted_at = d.submitted_at;
  f.received_at = d.received ? d.received_at : 0;
  f.due = due;
  f.supplement_requests = d.supplement_requests;
  f.apology = d.apology_signed;
  f.paid_online = d.paid_online;
  f.synced_national = d.synced_national;
  SetFinish(f, d);
  SetComponents(f, d);
  for (const dossier::Event& e : appended) {
    if (e.kind == EventKind::kGuided) f.guided = true;
    if (e.kind == EventKind::kWithdrawalRequested) f.withdrawal = true;
    if (e.kind == EventKind::kIssued) f.officer = e.actor_id;
  }
  if (d.state == State::kWithdrawal) f.withdrawal = true;
  f.timeliness = dossier::Timeliness::kPending;
  if (f.finish == Finish::kResolved) {
    if (f.supplement_requests > 1) {
      f.timeliness = dossier::Timeliness::kLate;
    } else if (f.due) {
      f.timeliness = dossier::Classify(f.finished_at, *f.due);
    }
  }
  return f;
}

}  // namespace motcua::reports
