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

std::map<std::string, StepFigures> StepsOf(std::span<const dossier::Handover> handovers,
                                           const std::optional<OpenStep>& open,
                                           std::optional<Instant> open_due,
                                           const calendar::Calendar& calendar, Instant from,
                                           Instant to, Instant as_of) {
  std::map<std::string, StepFigures> out;
  // A step held at `as_of`: entered before it and not left before it.
  const auto held = [&](StepFigures& f, Instant entered, std::optional<Instant> due, bool timed) {
    if (entered >= as_of) return;
    ++f.current;
    if (timed && due && *due < as_of) ++f.current_overdue;
  };
  for (const dossier::Handover& h : handovers) {
    // A step without budget has its due instant at its entry.
    const bool timed = h.counted && h.due > h.entered;
    if (h.left >= from && h.left < to) {
      StepFigures& f = out[h.step_id];
      ++f.passed;
      if (!timed) {
        ++f.untimed;
      } else if (h.timeliness == dossier::Timeliness::kLate) {
        ++f.late;
      } else {
        ++f.on_time;
      }
      const std::int64_t seconds = calendar.WorkingSecondsBetween(h.entered, h.left);
      f.working_seconds += seconds;
      f.longest_seconds = std::max(f.longest_seconds, seconds);
    }
    if (h.left >= as_of) held(out[h.step_id], h.entered, h.due, timed);
  }
  if (open && open->entered < as_of) {
    held(out[open->step_id], open->entered, open_due, open->counted && open->budget > 0);
  }
  return out;
}

}  // namespace motcua::reports
