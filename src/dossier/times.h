#pragma once

// A dossier's times, derived from its events and a calendar; never stored as the truth. The
// current-state row keeps a copy for queues, recomputed whenever an event is appended or a
// calendar changes (shared/DESIGN.md; "recompute from events").
//
// The rules (shared/DOMAIN.md "Time rules"):
//   - the legal time of the dossier's channel counts from reception (calendar::CountingStart,
//     with the procedure's cut-off);
//   - pauses, the supplement period (in the default mode) and steps that do not count (waiting
//     for financial obligations) are excluded; an interval still open runs to `now` (or to the
//     stop), so the due instant of a paused dossier moves on while it is paused;
//   - with SupplementMode::kRestart the legal time starts again, whole, when the supplement is
//     received (Decree 297/2025/NĐ-CP art. 6(4)(a));
//   - the appointment printed on form 01 is the due instant as reckoned at reception; the signed
//     apology's new appointment is kept beside the legal one and never replaces it;
//   - an online dossier is accepted or answered within 8 working hours, with an alert after 2
//     (Decree 297/2025/NĐ-CP art. 6(4)).
// Pure; thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "calendar/due.h"
#include "catalog/procedure.h"
#include "common/result.h"
#include "dossier/dossier.h"

namespace motcua::dossier {

// Finished early (an earlier day than due), on time (on the due day, not after the due instant)
// or late (after it). Pending: not finished.
enum class Timeliness { kPending, kEarly, kOnTime, kLate };
std::string_view TimelinessName(Timeliness t);  // "pending", "early", "on-time", "late"
Timeliness Classify(Instant finished, Instant due);

// How long an applicant has to bring a supplement asked for during processing, in working days
// ("often 15 working days", shared/DOMAIN.md; the catalog has no per-procedure setting yet).
inline constexpr std::int64_t kSupplementDays = 15;

struct Times {
  // The legal time and the instant it runs from (reception, or the supplement's receipt in
  // restart mode): with `exclusions`, what calendar::TraceDue needs to explain `due`.
  std::optional<calendar::Duration> legal;
  std::optional<Instant> clock_start;
  std::optional<Instant> counting_start;
  std::optional<Instant> appointment;      // as reckoned at reception (form 01)
  std::optional<Instant> due;              // net of every exclusion so far
  std::optional<Instant> new_appointment;  // signed apology
  std::optional<Instant> step_due;         // the current step's budget, net of its pauses
  std::optional<Instant> intake_due;       // online, not yet accepted: 8 working hours
  std::optional<Instant> intake_alert;     // online, not yet accepted: 2 working hours
  // A supplement asked for during processing and not yet received: the end of the period the
  // applicant has (kSupplementDays working days); after it the dossier may be stopped.
  std::optional<Instant> supplement_deadline;
  std::vector<calendar::Exclusion> exclusions;
  Timeliness outcome = Timeliness::kPending;  // resolution against `due`
  bool overdue = false;                       // open and past `due` at `now`, or resolved late
};

// The times of `d` (Replay of `events`) for procedure version `p` on `calendar` at `now`. Without
// a legal time for the dossier's channel the due instants stay absent. kInvalidArgument when an
// instant falls outside the calendar's span.
Result<Times> ComputeTimes(const Dossier& d, const std::vector<Event>& events,
                           const catalog::Procedure& p, const calendar::Calendar& calendar,
                           Instant now);

// The events that enter a step (their to_step names it: reception, forward, rework, issue),
// and those that end the last one (the result handed over, processing stopped).
bool EntersStep(EventKind k);
bool EndsSteps(EventKind k);

// One hand-over between steps (form 06, Phiếu kiểm soát quá trình giải quyết hồ sơ).
struct Handover {
  std::string step_id;
  std::string from_unit;  // the unit that held the step
  std::string to_unit;    // the unit of the next step
  std::string actor;      // who handed over
  Instant entered = 0;
  Instant left = 0;
  Instant due = 0;  // entered + the step's budget, net of pauses within the step
  bool counted = true;
  Timeliness timeliness = Timeliness::kPending;
};

// Every completed step of the history, in order: ended by entering the next step, by the return
// of the result or by a stop (then to_unit is empty: the applicant).
Result<std::vector<Handover>> ComputeHandovers(const std::vector<Event>& events,
                                               const calendar::Calendar& calendar);

}  // namespace motcua::dossier
