// ComputeTimes and ComputeHandovers: the clock of one dossier, from its events.
#include "dossier/times.h"

#include <algorithm>

#include "calendar/civil_time.h"

namespace motcua::dossier {

bool EntersStep(EventKind k) {
  return k == EventKind::kReceived || k == EventKind::kForwarded || k == EventKind::kReworked ||
         k == EventKind::kIssued;
}
bool EndsSteps(EventKind k) { return k == EventKind::kReturned || k == EventKind::kStopped; }

namespace {

using calendar::Exclusion;
using calendar::ExclusionType;

// The legal time of the dossier's channel, else of the counter.
std::optional<calendar::Duration> LegalDuration(const Dossier& d, const catalog::Procedure& p) {
  const catalog::ChannelSpec* spec = catalog::FindChannel(p, d.channel);
  if (spec == nullptr) spec = catalog::FindChannel(p, Channel::kInPerson);
  if (spec == nullptr) return std::nullopt;
  return spec->time.duration;
}

// The excluded intervals of the history: pauses, the supplement period (unless the legal time
// restarts), and steps that do not count. Open intervals end at `horizon`.
std::vector<Exclusion> Exclusions(const std::vector<Event>& events, bool restart, Instant horizon) {
  std::vector<Exclusion> out;
  std::optional<Exclusion> pause, supplement, uncounted;
  auto close = [&](std::optional<Exclusion>& open, Instant at) {
    if (!open) return;
    open->to = std::max(open->from, at);
    out.push_back(*open);
    open.reset();
  };
  for (const Event& e : events) {
    if (EntersStep(e.kind)) {
      close(uncounted, e.at);
      if (!e.to_step.empty() && !e.to_counted) {
        const ExclusionType type = e.to_kind == catalog::StepKind::kWaitFinancial
                                       ? ExclusionType::kFinancialObligation
                                       : ExclusionType::kOther;
        uncounted = Exclusion{type, e.at, e.at, "step " + e.to_step};
      }
    }
    switch (e.kind) {
      case EventKind::kPaused: pause = Exclusion{e.pause, e.at, e.at, e.reason}; break;
      case EventKind::kResumed: close(pause, e.at); break;
      case EventKind::kSupplementRequested:
        if (!restart) supplement = Exclusion{ExclusionType::kSupplement, e.at, e.at, e.reason};
        break;
      case EventKind::kSupplementReceived: close(supplement, e.at); break;
      case EventKind::kIssued:
      case EventKind::kWithdrawalRequested:
      case EventKind::kStopped:
        close(pause, e.at);
        close(supplement, e.at);
        close(uncounted, e.at);
        break;
      default: break;
    }
  }
  close(pause, horizon);
  close(supplement, horizon);
  close(uncounted, horizon);
  return out;
}

}  // namespace

std::string_view TimelinessName(Timeliness t) {
  switch (t) {
    case Timeliness::kPending: return "pending";
    case Timeliness::kEarly: return "early";
    case Timeliness::kOnTime: return "on-time";
    case Timeliness::kLate: return "late";
  }
  return "pending";
}

Timeliness Classify(Instant finished, Instant due) {
  if (finished > due) return Timeliness::kLate;
  if (calendar::ToLocal(finished).date < calendar::ToLocal(due).date) return Timeliness::kEarly;
  return Timeliness::kOnTime;
}

Result<Times> ComputeTimes(const Dossier& d, const std::vector<Event>& events,
                           const catalog::Procedure& p, const calendar::Calendar& cal,
                           Instant now) {
  Times t;
  if (d.state == State::kSubmitted && d.channel == Channel::kOnline && d.submitted_at > 0) {
    const auto none = calendar::ReceptionCutoff::None();
    MOTCUA_ASSIGN_OR_RETURN(
        t.intake_due,
        calendar::Due(d.submitted_at, calendar::Duration::WorkingHours(8), cal, {}, none));
    MOTCUA_ASSIGN_OR_RETURN(
        t.intake_alert,
        calendar::Due(d.submitted_at, calendar::Duration::WorkingHours(2), cal, {}, none));
  }
  if (d.state == State::kSupplement && d.received) {
    for (const Event& e : events) {
      if (e.kind != EventKind::kSupplementRequested) continue;
      MOTCUA_ASSIGN_OR_RETURN(t.supplement_deadline,
                              calendar::Due(e.at, calendar::Duration::WorkingDays(kSupplementDays),
                                            cal, {}, calendar::ReceptionCutoff::None()));
    }
  }
  const std::optional<calendar::Duration> legal = LegalDuration(d, p);
  if (!d.received || !legal) return t;

  // Restart mode: the legal time counts again from the receipt of the supplement.
  const bool restart = p.supplement_mode == catalog::SupplementMode::kRestart;
  Instant start = d.received_at;
  if (restart) {
    for (const Event& e : events) {
      if (e.kind == EventKind::kSupplementReceived && d.received) start = e.at;
    }
  }
  Instant horizon = now;
  if (d.stopped_at > 0) horizon = d.stopped_at;
  if (d.resolved_at > 0) horizon = d.resolved_at;
  std::vector<Exclusion> all = Exclusions(events, restart, std::max(horizon, start));
  for (const Exclusion& x : all) {
    if (x.to > start) t.exclusions.push_back(x);
  }
  t.legal = legal;
  t.clock_start = start;
  MOTCUA_ASSIGN_OR_RETURN(t.counting_start, calendar::CountingStart(start, cal, p.cutoff));
  MOTCUA_ASSIGN_OR_RETURN(t.appointment, calendar::Due(d.received_at, *legal, cal, {}, p.cutoff));
  MOTCUA_ASSIGN_OR_RETURN(t.due, calendar::Due(start, *legal, cal, t.exclusions, p.cutoff));
  if (d.apology_signed) t.new_appointment = d.new_appointment;

  const bool open = d.state == State::kReceived || d.state == State::kProcessing ||
                    d.state == State::kFinancial || d.state == State::kSupplement;
  if (open && !d.step_id.empty()) {
    std::vector<Exclusion> in_step;
    for (const Exclusion& x : t.exclusions) {
      if (x.to > d.step_entered && x.type != ExclusionType::kFinancialObligation) {
        in_step.push_back(x);
      }
    }
    // With a restart, the step under way starts again with the legal time.
    const Instant step_start = std::max(d.step_entered, restart ? start : d.step_entered);
    MOTCUA_ASSIGN_OR_RETURN(
        t.step_due, calendar::Due(step_start, calendar::Duration::WorkingSeconds(d.step_budget),
                                  cal, in_step, calendar::ReceptionCutoff::None()));
  }
  if (d.resolved_at > 0) {
    t.outcome = Classify(d.resolved_at, *t.due);
    t.overdue = t.outcome == Timeliness::kLate;
  } else if (open) {
    t.overdue = now > *t.due;
  }
  return t;
}

Result<std::vector<Handover>> ComputeHandovers(const std::vector<Event>& events,
                                               const calendar::Calendar& cal) {
  std::vector<Handover> out;
  std::optional<Handover> current;
  std::int64_t budget = 0;
  std::vector<Exclusion> pauses;
  std::optional<Exclusion> pause;
  for (const Event& e : events) {
    if (e.kind == EventKind::kPaused) pause = Exclusion{e.pause, e.at, e.at, {}};
    if (e.kind == EventKind::kResumed && pause) {
      pause->to = e.at;
      pauses.push_back(*pause);
      pause.reset();
    }
    // A step ends when the next one is entered, or when the result is handed to the applicant
    // or processing stops (the last row of form 06 has no next unit).
    const bool ends = EndsSteps(e.kind);
    if (!EntersStep(e.kind) && !ends) continue;
    if (current) {
      current->left = e.at;
      current->actor = e.actor;
      current->from_unit = e.unit_code.empty() ? current->from_unit : e.unit_code;
      current->to_unit = e.to_unit;
      MOTCUA_ASSIGN_OR_RETURN(
          current->due, calendar::Due(current->entered, calendar::Duration::WorkingSeconds(budget),
                                      cal, pauses, calendar::ReceptionCutoff::None()));
      current->timeliness = Classify(current->left, current->due);
      out.push_back(*current);
      current.reset();
    }
    pauses.clear();
    if (e.to_step.empty()) continue;
    Handover h;
    h.step_id = e.to_step;
    h.from_unit = e.to_unit;
    h.entered = e.at;
    h.counted = e.to_counted;
    budget = e.to_budget;
    current = h;
  }
  return out;
}

}  // namespace motcua::dossier
