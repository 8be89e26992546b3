// The per-step figures of a dossier (steps.h).
#include "reports/steps.h"

#include <algorithm>

namespace motcua::reports {
std::optional<OpenStep> OpenStepOf(std::span<const dossier::Event> events) {
  std::optional<OpenStep> open;
  for (const dossier::Event& e : events) {
    if (dossier::EndsSteps(e.kind)) open.reset();
    if (!dossier::EntersStep(e.kind)) continue;
    open.reset();
    if (e.to_step.empty()) continue;
    open = OpenStep{e.to_step, e.to_unit, e.at, e.to_counted, e.to_budget};
  }
  return open;
}

StepFigures& StepFigures::operator+=(const StepFigures& o) {
  passed += o.passed;
  on_time += o.on_time;
  late += o.late;
  untimed += o.untimed;
  working_seconds += o.working_seconds;
  longest_seconds = std::max(longest_seconds, o.longest_seconds);
  current += o.current;
  current_overdue += o.current_overdue;
  return *this;
}

std::optional<double> StepFigures::AverageSeconds() const {
  if (passed == 0) return std::nullopt;
  return static_cast<double>(working_seconds) / static_cast<double>(passed);
}

Result<std::vector<StepVisit>> VisitsOf(std::int64_t dossier_id,
                                        const std::vector<dossier::Event>& events,
                                        const calendar::Calendar& calendar) {
  MOTCUA_ASSIGN_OR_RETURN(auto handovers, dossier::ComputeHandovers(events, calendar));
  // The events that enter and end each visit, in the order ComputeHandovers completes them.
  std::vector<StepVisit> out;
  out.reserve(handovers.size());
  std::optional<std::string> unit;  // the open step's unit
  for (const dossier::Event& e : events) {
    const bool ends = dossier::EndsSteps(e.kind);
    if (!dossier::EntersStep(e.kind) && !ends) continue;
    if (unit && out.size() < handovers.size()) {
      const dossier::Handover& h = handovers[out.size()];
      StepVisit v;
      v.dossier_id = dossier_id;
      v.ordinal = static_cast<int>(out.size()) + 1;
      v.step_id = h.step_id;
      v.unit = *unit;
      v.officer = e.actor_id;
      v.entered = h.entered;
      v.left = h.left;
      v.due = h.due;
      v.counted = h.counted;
      v.working_seconds = calendar.WorkingSecondsBetween(h.entered, h.left);
      // A step without budget has its due instant at its entry.
      if (!h.counted || h.due <= h.entered) {
        v.outcome = VisitOutcome::kUntimed;
      } else {
        v.outcome = h.timeliness == dossier::Timeliness::kLate ? VisitOutcome::kLate
                                                               : VisitOutcome::kOnTime;
      }
      out.push_back(std::move(v));
    }
    unit.reset();
    if (!e.to_step.empty()) unit = e.to_unit;
  }
  return out;
}

std::size_t CompletedVisits(std::span<const dossier::Event> events) {
  std::size_t n = 0;
  bool open = false;
  for (const dossier::Event& e : events) {
    const bool ends = dossier::EndsSteps(e.kind);
    if (!dossier::EntersStep(e.kind) && !ends) continue;
    if (open) ++n;
    open = !e.to_step.empty();
  }
  return n;
}

Result<std::vector<StepVisit>> VisitsCompletedBy(const std::vector<dossier::Event>& events,
                                                 std::size_t before,
                                                 const calendar::Calendar& calendar) {
  before = std::min(before, events.size());
  const std::size_t done = CompletedVisits(std::span(events).first(before));
  if (CompletedVisits(events) == done) return std::vector<StepVisit>{};
  MOTCUA_ASSIGN_OR_RETURN(auto visits, VisitsOf(0, events, calendar));
  visits.erase(visits.begin(), visits.begin() + static_cast<std::ptrdiff_t>(done));
  return visits;
}

std::map<std::string, StepFigures> StepsOf(std::span<const StepVisit> visits,
                                           const std::optional<OpenStep>& open,
                                           std::optional<Instant> open_due, Instant from,
                                           Instant to, Instant as_of) {
  std::map<std::string, StepFigures> out;
  // A step held at `as_of`: entered before it and not left before it.
  const auto held = [&](StepFigures& f, Instant entered, std::optional<Instant> due, bool timed) {
    if (entered >= as_of) return;
    ++f.current;
    if (timed && due && *due < as_of) ++f.current_overdue;
  };
  for (const StepVisit& v : visits) {
    const bool timed = v.outcome != VisitOutcome::kUntimed;
    if (v.left >= from && v.left < to) {
      StepFigures& f = out[v.step_id];
      ++f.passed;
      switch (v.outcome) {
        case VisitOutcome::kUntimed: ++f.untimed; break;
        case VisitOutcome::kOnTime: ++f.on_time; break;
        case VisitOutcome::kLate: ++f.late; break;
      }
      f.working_seconds += v.working_seconds;
      f.longest_seconds = std::max(f.longest_seconds, v.working_seconds);
    }
    if (v.left >= as_of) held(out[v.step_id], v.entered, v.due, timed);
  }
  if (open && open->entered < as_of) {
    held(out[open->step_id], open->entered, open_due, Timed(open->counted, open->budget));
  }
  return out;
}

}  // namespace motcua::reports
