#pragma once

// Per-step figures (docs/reports.md "Per-step figures"): for each workflow step, the dossiers
// that left it in a period, on time or late against the step's due instant (the step's budget
// from entering it, net of the pauses within it: dossier::ComputeHandovers, form 06), the working
// time they spent at it, and the dossiers at it when the period is judged. Folded from a
// dossier's hand-overs and the step it is at, never stored. Pure; thread-safe.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>

#include "calendar/calendar.h"
#include "common/time.h"
#include "dossier/dossier.h"
#include "dossier/times.h"

namespace motcua::reports {

// The step a dossier is at: entered (reception, a forward, a rework, the result issued) and not
// left by a later step, the return or a stop.
struct OpenStep {
  std::string step_id;
  std::string unit;  // the step's unit
  Instant entered = 0;
  bool counted = true;      // counts towards the legal time
  std::int64_t budget = 0;  // working seconds (0: none)
  bool operator==(const OpenStep&) const = default;
};
// None when the dossier is not at a step (not received, returned, stopped).
std::optional<OpenStep> OpenStepOf(std::span<const dossier::Event> events);

struct StepFigures {
  std::int64_t passed = 0;   // left the step in [from, to)
  std::int64_t on_time = 0;  // of them, at or before the step's due instant
  std::int64_t late = 0;     // after it
  std::int64_t untimed = 0;  // a step that does not count towards the legal time or has no budget
  std::int64_t working_seconds = 0;  // the working time at the step of those that left, summed
  std::int64_t longest_seconds = 0;  // ... the longest
  std::int64_t current = 0;          // at the step at the instant the period is judged
  std::int64_t current_overdue = 0;  // of them, past the step's due instant then
  StepFigures& operator+=(const StepFigures& o);
  // The average working seconds at the step of those that left it; absent when none did.
  std::optional<double> AverageSeconds() const;
  bool operator==(const StepFigures&) const = default;
};

// One dossier's contribution per step id for the period [from, to) judged at `as_of` (min(to,
// now)): its completed steps `handovers` (dossier::ComputeHandovers) and the step it is at now,
// `open` (OpenStepOf), with that step's due instant `open_due` (the stored clock's step_due;
// absent: none). A step is passed when it was left in [from, to); time at a step is the working
// time on `calendar` from entering to leaving it, pauses included; a dossier is at a step at
// `as_of` when it entered before and left it at or after `as_of` (or is still there), and overdue
// there when the step's due instant is before `as_of`.
std::map<std::string, StepFigures> StepsOf(std::span<const dossier::Handover> handovers,
                                           const std::optional<OpenStep>& open,
                                           std::optional<Instant> open_due,
                                           const calendar::Calendar& calendar, Instant from,
                                           Instant to, Instant as_of);

}  // namespace motcua::reports
