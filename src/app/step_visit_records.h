#pragma once

// What storage keeps and answers for the per-step figures (docs/reports.md "Per-step figures";
// migration 11): one row per completed visit of a step (reports::StepVisit), written in the same
// transaction as the events that complete it, aggregated in SQL per step, per unit or per officer
// over the units of a scope; and the open dossiers at a step, counted from their current-state
// rows.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"
#include "identity/identity.h"
#include "reports/steps.h"

namespace motcua::app {

// How the per-step figures are grouped: by step id (key: the id), by the step's unit (its code)
// or by the officer (user id in decimal; "0": none): for the visits, who left the step; for the
// dossiers still at a step, who is assigned.
enum class StepGroup { kStep, kUnit, kOfficer };
std::string_view StepGroupName(StepGroup group);  // "step", "unit", "officer"
std::optional<StepGroup> ParseStepGroup(std::string_view name);

struct StepQuery {
  identity::UnitId unit = 0;  // the visits of steps whose unit is this one
  bool subunits = true;       // ... or one of its descendants (walked in SQL)
  Instant from = 0;           // visits left in [from, to)
  Instant to = 0;
  Instant as_of = 0;   // dossiers at a step then: min(to, now)
  bool ended = false;  // as_of is before now: only the dossiers whose step was entered before it
  StepGroup group = StepGroup::kStep;
  // Aggregate the visits themselves rather than the rollup per day (which whole local days read):
  // to check the rollup.
  bool from_visits = false;
};

// The figures of the visits of one group key: passed, on time, late, untimed, working seconds
// (sum, longest) of the visits left in [from, to); current and current overdue of the visits
// entered before as_of and left at or after it.
struct StepVisitRow {
  std::string key;
  reports::StepFigures figures;
  bool operator==(const StepVisitRow&) const = default;
};

// The open dossiers at a step at as_of, by group key and by (procedure version, step), so that
// the caller decides from the version's workflow whether the step is timed: `current` of them,
// `past_due` with a stored step due instant before as_of.
struct OpenStepRow {
  std::string key;
  std::string procedure_code;
  int procedure_version = 0;
  std::string step_id;
  std::int64_t current = 0;
  std::int64_t past_due = 0;
  bool operator==(const OpenStepRow&) const = default;
};

}  // namespace motcua::app
