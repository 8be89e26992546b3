#pragma once

// Internal workflows (quy trình nội bộ, quy trình điện tử): the ordered steps by which a procedure
// version is processed, who performs each, and how much of the legal time each may use. Each
// province publishes its internal workflows (shared/DOMAIN.md "The catalog"); Decree 118/2025/NĐ-CP
// has the system track every hand-over against its step time (form 06, Circular 03/2025/TT-VPCP).
//
// The graph: steps with forward transitions (`next`) and rework transitions (`back`, to an earlier
// step). Forward transitions form a DAG with exactly one start (no forward predecessor) and at
// least one end (no `next`); `back` targets a forward ancestor, so every cycle contains a back edge
// and every step still reaches an end: no cycle lacks an exit. An inter-agency step (liên thông)
// hands the dossier to another unit and waits for its answer before going on.
//
// Budgets: each step has a budget of working time (whole half hours). Counted budgets along every
// forward path from the start to an end sum exactly to the channel's legal time in working hours
// (1 working day = 8 h). Steps that do not count (waiting for financial obligations, an excluded
// consultation) are excluded time in the sense of calendar/due.h.
//
// Calendar-day legal times (e.g. "15 ngày"): an exact sum is impossible because the working time
// inside N calendar days depends on the weekday and on holidays (Tết can take 9 of them). The
// check then is an upper bound: counted budgets may not exceed the working time that every
// ordinary N-day window holds under a Mon-Fri week (MinWorkingDaysIn), so the plan fits any week
// without holidays; the simulation reports whether it fits the actual dates.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "calendar/due.h"
#include "catalog/procedure.h"
#include "common/error.h"
#include "common/result.h"
#include "common/time.h"

namespace motcua::catalog {

enum class StepKind {
  kReceive,        // tiếp nhận
  kAssign,         // phân công
  kAppraise,       // thẩm định, xử lý
  kApprove,        // phê duyệt, trình
  kSign,           // ký
  kIssue,          // ban hành, đóng dấu, phát hành
  kReturn,         // trả kết quả
  kInterAgency,    // liên thông: another unit
  kWaitFinancial,  // chờ thực hiện nghĩa vụ tài chính (not counted)
  kOther,
};

// "receive", "assign", "appraise", "approve", "sign", "issue", "return", "inter-agency",
// "wait-financial", "other"; and back (kInvalidArgument otherwise).
std::string_view StepKindName(StepKind kind);
Result<StepKind> ParseStepKind(std::string_view text);

// Who performs a step: a unit code, a role name within the unit ("chuyên viên", "lãnh đạo
// phòng"), or both. At least one must be set.
struct Performer {
  std::string unit_code;
  std::string role;
  bool operator==(const Performer&) const = default;
};

struct Step {
  std::string id;  // unique within the workflow ("s1", "tham-dinh")
  StepKind kind = StepKind::kOther;
  std::string name;
  Performer performer;
  std::int64_t budget_seconds = 0;  // working time; a whole number of half hours
  bool counted = true;              // counts toward the legal time
  std::vector<std::string> next;    // forward transitions; next[0] is the planned path
  std::vector<std::string> back;    // rework: to earlier steps
  // Whether work may wait here for something the law does not count (expert assessment, public
  // posting, consultation): the dossier can be paused. Unset: IsPausable decides by kind.
  std::optional<bool> pausable = std::nullopt;
  bool operator==(const Step&) const = default;
};

// The step's own `pausable`, else by kind: the working steps (assign, appraise, inter-agency,
// other) may pause; reception, approval, signing, issuing, waiting for financial obligations
// and returning may not.
bool IsPausable(const Step& step);

// Working hours (half hours allowed) as a step budget: Hours(2.5) = 9000 s.
constexpr std::int64_t Hours(double h) { return static_cast<std::int64_t>(h * 2 + 0.5) * 1800; }

struct Workflow {
  std::string procedure_code;
  int version = 1;  // the procedure version it belongs to
  // The channels whose legal time it is checked against; empty = every channel of the procedure.
  std::vector<Channel> channels;
  std::vector<Step> steps;  // in display order; the first need not be the start
  bool operator==(const Workflow&) const = default;
};

// The unit codes and role names that exist, for the performer check.
struct KnownPerformers {
  std::set<std::string> unit_codes;
  std::set<std::string> roles;
};

// The least number of Mon-Fri days in any N consecutive calendar days: 5 per full week plus the
// remainder beyond a weekend's 2 days.
std::int64_t MinWorkingDaysIn(std::int64_t calendar_days);

// The structural rules: ids unique and non-empty, transitions to known steps, one start, at least
// one end, no forward cycle, back only to forward ancestors, every step reachable, budgets
// non-negative whole half hours, wait-financial steps not counted, inter-agency steps name a unit.
// Paths: "steps[2].next[0]", "steps". Pure.
std::vector<FieldViolation> ValidateStructure(const Workflow& workflow);

// Performers: each step has one, and its unit code / role is in `known`. Path
// "steps[i].performer.unit_code" / ".role".
std::vector<FieldViolation> ValidatePerformers(const Workflow& workflow,
                                               const KnownPerformers& known);

// The budget rule of the header against `procedure`'s channels (those of workflow.channels, or
// all): path "channels.<name>.time". Assumes ValidateStructure found nothing (else returns its
// first problem's consequence: "structure invalid").
std::vector<FieldViolation> ValidateBudget(const Workflow& workflow, const Procedure& procedure);

// All three. A workflow with violations cannot be published (issue 4).
std::vector<FieldViolation> ValidateWorkflow(const Workflow& workflow, const Procedure& procedure,
                                             const KnownPerformers& known);

// The planned dates of one step on the planned path.
struct StepPlan {
  std::string step_id;
  Instant start = 0;
  Instant due = 0;
  bool counted = true;
};

struct Plan {
  Instant counting_start = 0;
  std::vector<StepPlan> steps;       // the planned path: start, then next[0] each time
  Instant due = 0;                   // the end of the last step
  std::optional<Instant> legal_due;  // calendar::Due of the legal time, net of uncounted steps
  bool within_legal = true;          // due <= legal_due (or no legal time given)
};

// Plans a dossier received at `received` through the planned path (start, next[0], ... end):
// each step starts when the previous one is due and lasts its budget of working time
// (Calendar::AdvanceWorking; a zero budget is due at its start). Counting starts at
// calendar::CountingStart(received, calendar, cutoff). When `legal` is given, legal_due is
// calendar::Due(received, legal, calendar, uncounted steps as exclusions, cutoff); for working
// legal times and a valid budget it equals `due`. kInvalidArgument when the structure is invalid
// (with its violations) or the plan leaves the calendar's span.
Result<Plan> Simulate(const Workflow& workflow, Instant received,
                      const calendar::Calendar& calendar, calendar::ReceptionCutoff cutoff,
                      std::optional<calendar::Duration> legal = std::nullopt);

}  // namespace motcua::catalog
