#pragma once

// Per-step figures (docs/reports.md "Per-step figures"): for each workflow step, the dossiers
// that left it in a period, on time or late against the step's due instant (the step's budget
// from entering it, net of the pauses within it: dossier::ComputeHandovers, form 06), the working
// time they spent at it, and the dossiers at it when the period is judged. Each completed visit
// of a step is a StepVisit, folded once from the events and stored with the events that complete
// it (table step_visits, migration 11); the report aggregates the stored visits in SQL, and
// StepsOf is the same formula in C++. Pure; thread-safe.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "common/result.h"
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

// How a visit of a step ended against the step's due instant.
enum class VisitOutcome : int {
  kUntimed = 0,  // the step does not count towards the legal time, or has no budget
  kOnTime = 1,   // left at or before the step's due instant
  kLate = 2,     // after it
};

// One completed visit of a step by a dossier (a row of form 06): `ordinal` counts the dossier's
// completed visits from 1 in the order they ended.
struct StepVisit {
  std::int64_t dossier_id = 0;
  int ordinal = 0;
  std::string step_id;
  std::string unit;          // the step's unit (the entering event's to_unit)
  std::int64_t officer = 0;  // who left it (forwarded, issued, returned, stopped); 0: none
  Instant entered = 0;
  Instant left = 0;
  Instant due = 0;                   // entered + the step's budget, net of the pauses within it
  bool counted = true;               // counts towards the legal time
  std::int64_t working_seconds = 0;  // from entering to leaving, on the unit's calendar
  VisitOutcome outcome = VisitOutcome::kUntimed;
  bool operator==(const StepVisit&) const = default;
};

// Every completed visit of `events` (dossier::ComputeHandovers on `calendar`, the competent
// unit's), ordinal 1, 2, ... in order, for dossier `dossier_id`. kInvalidArgument when an instant
// falls outside the calendar's span.
Result<std::vector<StepVisit>> VisitsOf(std::int64_t dossier_id,
                                        const std::vector<dossier::Event>& events,
                                        const calendar::Calendar& calendar);

// How many visits `events` complete (VisitsOf(...).size() without the calendar): the visits a
// command completes are those of VisitsOf(all events) after CompletedVisits(the events before).
std::size_t CompletedVisits(std::span<const dossier::Event> events);

// The visits that events[before..] complete, folded with the whole history `events` (dossier id
// 0): what a command writes beside its events (before: the events it found), or a history
// written at once (before 0). Nothing, without folding, when those events enter or end no step.
Result<std::vector<StepVisit>> VisitsCompletedBy(const std::vector<dossier::Event>& events,
                                                 std::size_t before,
                                                 const calendar::Calendar& calendar);

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
// now)): its completed visits (VisitsOf) and the step it is at now, `open` (OpenStepOf), with
// that step's due instant `open_due` (the stored clock's step_due; absent: none). A step is
// passed when it was left in [from, to), with the visit's outcome and working time (pauses
// included); a dossier is at a step at `as_of` when it entered before and left it at or after
// `as_of` (or is still there), and overdue there when the step counts, has a budget and its due
// instant is before `as_of`. The report computes the same in SQL over the stored visits.
std::map<std::string, StepFigures> StepsOf(std::span<const StepVisit> visits,
                                           const std::optional<OpenStep>& open,
                                           std::optional<Instant> open_due, Instant from,
                                           Instant to, Instant as_of);

// Whether a step counts towards the legal time with a budget: its visits are on time or late,
// its due instant can pass.
inline bool Timed(bool counted, std::int64_t budget_seconds) {
  return counted && budget_seconds > 0;
}

}  // namespace motcua::reports
