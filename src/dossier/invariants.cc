// CheckInvariants: the INVARIANTS block of dossier.h, as code.
#include "dossier/machine.h"

namespace motcua::dossier {

std::vector<std::string> CheckInvariants(const Dossier& d, const std::vector<Event>& events,
                                         const catalog::Workflow* workflow) {
  std::vector<std::string> problems;
  auto expect = [&](bool ok, const std::string& what) {
    if (!ok) problems.push_back(what);
  };
  // All states: the history is numbered, ordered and starts with an opening event.
  for (std::size_t i = 0; i < events.size(); ++i) {
    expect(events[i].seq == static_cast<std::int64_t>(i) + 1,
           "event " + std::to_string(i + 1) + " has seq " + std::to_string(events[i].seq));
    if (i > 0)
      expect(events[i].at >= events[i - 1].at,
             "event " + std::to_string(i + 1) + " is earlier than the one before");
  }
  if (!events.empty()) {
    const EventKind first = events.front().kind;
    expect(first == EventKind::kSubmitted || first == EventKind::kReceived ||
               first == EventKind::kGuided || first == EventKind::kRefused,
           "the history opens with " + std::string(EventKindName(first)));
  }
  expect(d.version == static_cast<std::int64_t>(events.size()), "version differs from history");

  const State s = d.state;
  const bool open_after_reception = s == State::kReceived || s == State::kProcessing ||
                                    s == State::kFinancial ||
                                    (s == State::kSupplement && d.received);
  if (s == State::kSubmitted) {
    expect(d.channel == Channel::kOnline, "a submitted dossier is online");
    expect(!d.received, "a submitted dossier is not received");
    expect(d.step_id.empty(), "a submitted dossier has no step");
  }
  if (open_after_reception) {
    expect(d.received && d.received_at > 0, "an open dossier was received");
    expect(!d.step_id.empty(), "an open dossier is at a step");
    expect(d.resolved_at == 0 && d.returned_at == 0 && d.stopped_at == 0,
           "an open dossier is not resolved, returned or stopped");
    if (workflow != nullptr) {
      expect(FindStep(*workflow, d.step_id) != nullptr, "step " + d.step_id + " is unknown");
    }
  }
  if (IsFinal(s)) {
    expect(!d.paused, "a final dossier is not paused");
    expect(!d.waiting_agency, "a final dossier waits for no agency");
  }
  if (s == State::kSupplement) {
    expect(d.supplement_open, "state 5 has an open supplement");
    if (d.received) expect(d.supplement_requests == 1, "a supplement is requested once");
  }
  expect(d.supplement_requests <= 1, "at most one supplement request during processing");
  if (s == State::kFinancial) {
    expect(d.step_kind == catalog::StepKind::kWaitFinancial, "state 6 is at a financial step");
  }
  if (s == State::kResolved) {
    expect(d.resolved_at > 0, "a resolved dossier has its instant");
    expect(d.step_id.empty() || d.step_kind == catalog::StepKind::kReturn,
           "a resolved dossier waits at the return step");
  }
  if (!d.result_sha256.empty()) {
    expect(s == State::kResolved || s == State::kReturned, "a result file comes with the issue");
  }
  std::size_t supplied = 0;
  for (const Event& e : events) {
    if (e.kind == EventKind::kSupplementReceived) supplied += e.components.size();
  }
  expect(d.supplied.size() == supplied, "the supplied files are those the supplements brought");
  for (const ProvidedComponent& pc : d.supplied) {
    expect(pc.provision == Provision::kElectronic && !pc.file_sha256.empty(),
           "a supplied item " + pc.name + " has its file");
  }
  if (d.paused) expect(s == State::kProcessing, "only a processing dossier is paused");
  if (d.waiting_agency) {
    expect(s == State::kProcessing, "only a processing dossier waits for an agency");
    expect(d.step_kind == catalog::StepKind::kInterAgency, "waiting at an inter-agency step");
  }
  if (d.apology_signed)
    expect(d.apology_drafted && d.new_appointment.has_value(),
           "a signed apology has its new appointment");
  int signed_apologies = 0;
  for (const Event& e : events) signed_apologies += e.kind == EventKind::kApologySigned;
  expect(signed_apologies <= 1, "a new appointment is set only once");
  return problems;
}

}  // namespace motcua::dossier
