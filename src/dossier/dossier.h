#pragma once

// The dossier (hồ sơ): one application for one procedure version, from submission to the result
// in the applicant's hands. A dossier is its event list; everything else here (state, current
// step, assignee, flags) is derived by folding the events (Apply), and the times (times.h) are
// derived from the events and a calendar. Pure: no I/O, no clock.
//
// STATES (national portal codes, shared/DOMAIN.md "Dossier states and channels")
//
//                 Submit (online)
//                      |
//                      v                  Refuse
//    (counter) -> [1 SUBMITTED] --------------------------> [3 REFUSED]
//       |              |    \ Guide (form 02)                  ^
//       |  Receive     |     `------> [5 SUPPLEMENT] ----------'  Refuse
//       |  (form 01)   |  Receive        |   (before reception: "guided")
//       v              v                 | Receive
//    [2 RECEIVED] <---------------------'
//       | Forward (leaving the receive step)
//       v
//    [4 PROCESSING] <------------------------------------------------.
//       | ^  Assign, Forward, Rework, Pause/Resume, SendToAgency,     |
//       | |  AgencyAnswer, ProposeRefusal, DraftApology, SignApology  |
//       | |                                                           |
//       | +-- SupplementReceived -- [5 SUPPLEMENT] <-- RequestSupplement (once)
//       | +-- Forward (leaving) --- [6 FINANCIAL]  <-- Forward into a wait-financial step
//       |
//       | Issue                                     RequestWithdrawal (2, 4, 5, 6)
//       v                                                   |
//    [9 RESOLVED] --Return--> [10 RETURNED]                 v
//                                     [7 WITHDRAWAL] --Stop (form 05)--> [8 STOPPED]
//                         Stop also from 5 (no supplement in time) and from 4/6 (ineligible).
//
// ACTORS (machine.h Actor): officers act by role, unit and step; the applicant submits and
// withdraws; the system (Actor::system, recorded as actor "system", id 0) is the background
// sweep of app/background.h. The system performs no step; it may Stop without being a leader,
// and the sweep does so only from 5 once the supplement period has passed
// (Context::supplement_expired).
//
// TRANSITIONS (machine.cc; each function decides one command and returns the event(s) to append)
//
//   command              from states        to        function
//   Submit               (none)             1         DecideSubmit
//   Receive              (none), 1, 5*      2         DecideReceive      * 5 before reception
//   Guide                (none), 1          5*        DecideGuide        (form 02, not received)
//   Refuse               (none), 1, 5*      3         DecideRefuse       (form 03)
//   Assign               2, 4, 5, 6         same      DecideAssign
//   Forward              2, 4, 6            4 / 6     DecideForward      (opinion; 2 -> 4)
//   Rework               4                  4         DecideRework       (reason; back edge)
//   Pause / Resume       4                  4         DecidePause / DecideResume
//   SendToAgency         4                  4         DecideSendToAgency (inter-agency step)
//   AgencyAnswer         4                  4         DecideAgencyAnswer
//   RequestSupplement    4                  5         DecideRequestSupplement (once)
//   ReceiveSupplement    5                  4 / 1*    DecideReceiveSupplement (files: components)
//   ProposeRefusal       4                  4         DecideProposeRefusal
//   DraftApology         4, 5, 6            same      DecideDraftApology (form 04 draft)
//   SignApology          4, 5, 6            same      DecideSignApology  (agency head, once)
//   Issue                4                  9         DecideIssue        (result file optional)
//   Return               9                  10        DecideReturn
//   RequestWithdrawal    2, 4, 5, 6         7         DecideRequestWithdrawal
//   Stop                 7, 5, 4, 6         8         DecideStop         (form 05)
//   SendOriginals        2, 4               same      DecideSendOriginals (location-independent)
//   ReceiveOriginals     2, 4               same      DecideReceiveOriginals
//
// INVARIANTS (CheckInvariants; run after every Apply in tests)
//   all states: events are numbered 1..n in order with non-decreasing instants; the first event is
//     Submitted, Received, Guided or Refused; version == number of events.
//   1 SUBMITTED: channel online; not received; no step.
//   2 RECEIVED, 4, 5 (after reception), 6: received_at set; step_id names a workflow step;
//     not resolved, returned or stopped.
//   3 REFUSED, 8 STOPPED, 10 RETURNED: final; no pause open, not waiting for an agency.
//   5 SUPPLEMENT: supplement_open; if received, supplement_requests == 1 (at most once).
//   6 FINANCIAL: the current step is a wait-financial step.
//   9 RESOLVED: resolved_at set; the step (if any) is a return step.
//   result_sha256 set => state 9 or 10 (attached by the Issued event).
//   supplied => every file came with a SupplementReceived event, each electronic with its file.
//   paused => state 4. waiting_agency => state 4 and the step is inter-agency.
//   signed apology => at most one; a new appointment later than the legal appointment.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/due.h"
#include "catalog/procedure.h"
#include "catalog/workflow.h"
#include "common/time.h"

namespace motcua::dossier {

using catalog::Channel;

enum class State : int {
  kSubmitted = 1,
  kReceived = 2,
  kRefused = 3,
  kProcessing = 4,
  kSupplement = 5,
  kFinancial = 6,
  kWithdrawal = 7,
  kStopped = 8,
  kResolved = 9,
  kReturned = 10,
};

// "submitted", "received", ... and the national code as a number; the Vietnamese label
// ("Được tiếp nhận").
std::string_view StateName(State state);
std::string_view StateLabel(State state);
inline int NationalCode(State state) { return static_cast<int>(state); }
std::optional<State> ParseState(std::string_view name);
// Refused, stopped and returned dossiers never change again.
bool IsFinal(State state);

enum class EventKind {
  kSubmitted,
  kReceived,
  kGuided,
  kRefused,
  kAssigned,
  kForwarded,
  kReworked,
  kPaused,
  kResumed,
  kSentToAgency,
  kAgencyAnswered,
  kSupplementRequested,
  kSupplementReceived,
  kRefusalProposed,
  kApologyDrafted,
  kApologySigned,
  kIssued,
  kReturned,
  kWithdrawalRequested,
  kStopped,
  kOriginalsSent,
  kOriginalsReceived,
};
std::string_view EventKindName(EventKind kind);  // "submitted", "forwarded", ...
std::optional<EventKind> ParseEventKind(std::string_view name);

// How the result went back to the applicant.
enum class ReturnMethod { kCounter, kPostal, kOnline };
std::string_view ReturnMethodName(ReturnMethod method);
std::optional<ReturnMethod> ParseReturnMethod(std::string_view name);

// What was issued: the procedure's result, or a reasoned refusal after processing.
enum class Outcome { kGranted, kRefusal };

// How one component of the procedure's case was provided at reception.
enum class Provision {
  kMissing,
  kPaperOriginal,
  kPaperCopy,
  kElectronic,  // uploaded file
  kReused,      // a document already digitized in motcua (tái sử dụng)
  kDataStore,   // taken from the applicant's data store (kho dữ liệu)
};
std::string_view ProvisionName(Provision provision);
std::optional<Provision> ParseProvision(std::string_view name);

struct ProvidedComponent {
  std::string name;  // the component's name in the procedure version
  Provision provision = Provision::kMissing;
  bool digitized = false;   // paper marked digitized at reception, or electronic
  std::string file_sha256;  // attachment, when electronic or digitized
  bool operator==(const ProvidedComponent&) const = default;
};

// One entry of a dossier's history. Events are never changed or removed. Each records who acted,
// from which unit, at which step and when, so that reports, form 06/07 and later process mining
// need nothing else (shared/DESIGN.md "Data: events plus current state").
struct Event {
  std::int64_t seq = 0;  // 1-based position in the dossier's history
  EventKind kind = EventKind::kSubmitted;
  Instant at = 0;
  std::int64_t actor_id = 0;  // 0: the applicant online or the system
  std::string actor;          // username, or "applicant" / "system"
  std::string unit_code;      // the unit acting
  std::string step_id;        // the step the dossier was at (empty before reception)
  std::string to_step;        // received / forwarded / reworked / issued: the step entered
  // The entered step as the workflow had it, so that the history alone decides the state and the
  // clock even if the workflow is edited later.
  catalog::StepKind to_kind = catalog::StepKind::kOther;
  bool to_counted = true;
  std::int64_t to_budget = 0;  // working seconds
  std::string to_unit;         // the entered step's unit; inter-agency; originals sent
  std::int64_t to_user = 0;    // assigned
  std::string reason;          // opinion, reason, note (required where the command says so)
  calendar::ExclusionType pause = calendar::ExclusionType::kOther;  // paused
  std::optional<Instant> new_appointment;                           // apology
  std::vector<std::string> items;  // guided / supplement requested: everything missing
  ReturnMethod return_method = ReturnMethod::kCounter;  // returned
  std::string reference;                      // postal item number, result document number, ...
  std::vector<ProvidedComponent> components;  // supplement received: the files brought
  std::string file_sha256;                    // issued: the result document, if attached
  bool operator==(const Event&) const = default;
};

// The applicant (tổ chức, cá nhân).
struct Applicant {
  bool organisation = false;
  std::string name;
  std::string id_number;  // citizen ID (CCCD) or enterprise code
  std::string address;
  std::string commune_code;  // unit code of the applicant's commune, for routing
  std::string phone;
  std::string email;
  bool operator==(const Applicant&) const = default;
};

// Contacts the applicant is told through (e-mail, SMS/Zalo): checked where they come in, so that
// no notification fails later on its address. An e-mail address: one "@" with something on
// both sides, at most 254 bytes, ASCII without spaces, control characters or <>",; (nothing that
// could end an SMTP header or command). A phone number: 8 to 15 digits, with an optional leading
// "+" and spaces, dots or hyphens between them.
bool IsEmailAddress(std::string_view text);
bool IsPhoneNumber(std::string_view text);

// A dossier's fixed facts (set at submission or reception) and the state derived from its events.
struct Dossier {
  // Fixed facts.
  std::int64_t id = 0;
  std::string code;  // national format, dossier/code.h; empty until received
  std::string procedure_code;
  int procedure_version = 0;
  std::string case_name;
  Channel channel = Channel::kInPerson;
  std::string receiving_unit;  // unit code of the service center that received it
  std::string competent_unit;  // unit code that decides
  Applicant applicant;
  std::vector<ProvidedComponent> components;
  std::string postal_item;  // postal channel: the item number
  bool paid_online = false;
  bool synced_national = false;

  // Derived from the events (Apply).
  std::int64_t version = 0;  // number of events; optimistic concurrency
  State state = State::kSubmitted;
  bool received = false;  // reception happened (states 5 before / after differ)
  std::string step_id;
  std::string step_unit;  // the unit performing the current step
  catalog::StepKind step_kind = catalog::StepKind::kOther;
  bool step_counted = true;
  std::int64_t step_budget = 0;  // working seconds
  std::int64_t assignee = 0;     // 0: unassigned
  Instant step_entered = 0;
  bool paused = false;
  bool waiting_agency = false;
  bool supplement_open = false;
  int supplement_requests = 0;  // during processing; at most 1
  bool refusal_proposed = false;
  bool apology_drafted = false;
  bool apology_signed = false;
  std::optional<Instant> new_appointment;
  std::string apology_reason;
  Outcome outcome = Outcome::kGranted;
  bool originals_in_transit = false;
  // The files brought with supplements (SupplementReceived), in order, and the result document
  // attached at issue (Issued); the components above stay as received.
  std::vector<ProvidedComponent> supplied;
  std::string result_sha256;
  Instant updated_at = 0;  // the last event's instant
  Instant submitted_at = 0;
  Instant received_at = 0;
  Instant resolved_at = 0;
  Instant returned_at = 0;
  Instant stopped_at = 0;
  bool operator==(const Dossier&) const = default;
};

}  // namespace motcua::dossier
