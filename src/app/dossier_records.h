#pragma once

// What storage keeps of a dossier (migration 4): its events, and a current-state row derived
// from them in the same transaction, which queues and lookups read. The times on the row are a
// copy of dossier::ComputeTimes at the last write; they are recomputed from the events whenever
// an event is appended or a calendar changes, never edited on their own.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"
#include "dossier/dossier.h"
#include "identity/identity.h"

namespace motcua::app {

// The times a queue sorts and filters by.
struct DossierClock {
  std::optional<Instant> due;
  std::optional<Instant> step_due;
  std::optional<Instant> appointment;
  std::optional<Instant> new_appointment;
  std::optional<Instant> intake_due;
  // What the background sweeps look for (app/background.h): the online intake alert (2 working
  // hours) and the end of the supplement period.
  std::optional<Instant> intake_alert;
  std::optional<Instant> supplement_deadline;
  bool operator==(const DossierClock&) const = default;
};

struct StoredDossier {
  dossier::Dossier value;   // fixed facts and derived state; value.version = events so far
  std::string secret_hash;  // SHA-256 (hex) of the public lookup secret
  std::optional<identity::UserId> applicant_user;  // the citizen account that submitted it
  std::string step_unit;  // unit code holding the current step: queues and unit scope
  DossierClock clock;
  bool operator==(const StoredDossier&) const = default;
};

// The work queues of issue 5. Every queue holds open dossiers (states 1, 2, 4, 5, 6, 7) whose
// step unit lies in the subtree of `scope_root`, sorted by due instant (none last), then id.
enum class Queue {
  kOpen,           // all of them
  kMine,           // assigned to `user`
  kUnassigned,     // nobody assigned
  kDueSoon,        // step due (or due) in [now, soon_until)
  kOverdue,        // due before now
  kPaused,         // paused
  kWaitingAgency,  // waiting for another agency
  kSubmitted,      // online, not yet checked (state 1): the reception inbox
  // An apology (form 04) drafted and not yet signed, in states 4, 5 and 6 (where it can be
  // signed); scoped by the competent unit, whose head signs it, instead of the step unit.
  kApologyDrafted,
};

struct QueueQuery {
  Queue queue = Queue::kOpen;
  identity::UnitId scope_root = 0;
  identity::UserId user = 0;
  Instant now = 0;
  Instant soon_until = 0;
  // Only the dossiers whose current step is of this kind (any queue); none: every kind.
  std::optional<catalog::StepKind> step_kind;
  // Keyset pagination: rows after (after_due, after_id) in the queue's order; a row without a
  // due instant sorts after every row with one. Start with after_id = 0.
  std::optional<Instant> after_due;
  bool after_no_due = false;  // the last row seen had no due instant
  std::int64_t after_id = 0;
  int limit = 50;
  // CountQueue counts at most count_cap + 1 rows: a queue's badge needs no more, and an exact
  // count reads every open dossier of the scope (70 ms at 216,639, docs/benchmarks.md).
  std::int64_t count_cap = 10'000;
};

// A file attached to a dossier (an uploaded component, a scan made at the counter), stored by its
// content: the SHA-256 names it, so the same bytes are stored once and never trusted by name.
struct Attachment {
  std::string sha256;      // lowercase hex
  std::int64_t size = 0;   // bytes
  std::string media_type;  // as detected from the bytes: "application/pdf", "image/jpeg", ...
  Instant created_at = 0;  // first upload
  std::string data;        // the bytes
  bool operator==(const Attachment&) const = default;
};

// A message to the outside (applicant notification, an alert to a unit), written in the same
// transaction as the event or sweep that causes it and delivered later with retries
// (app/background.h, docs/notifications.md).
//   pending --claimed by a server--> claimed --sent--> sent
//      ^                                |
//      '------ failed, retry later -----+--failed too often or for good--> given up
struct OutboxMessage {
  std::int64_t id = 0;
  std::int64_t dossier_id = 0;
  std::string kind;       // "received", "supplement", "result-ready", "apology", "intake-alert"...
  std::string channel;    // "email", "webhook" (the applicant); "staff" (a unit: recipient is its
                          // code, routed to the service center's configured address)
  std::string recipient;  // address, phone or unit code
  std::string payload;    // JSON: {"code": dossier code, "kind": kind, ...}
  Instant created_at = 0;
  int attempts = 0;
  Instant next_attempt_at = 0;
  std::optional<Instant> sent_at;
  std::string last_error;
  std::optional<std::string> claimed_by;  // the server delivering it now
  std::optional<Instant> claimed_until;   // after this, another server may take it
  std::optional<Instant> gave_up_at;      // never tried again; kept for the record
  bool operator==(const OutboxMessage&) const = default;
};

// The alerts a sweep raises at most once per dossier (the dossier_alerts table).
inline constexpr char kIntakeAlert[] = "intake-alert";  // online dossier unchecked after 2 h
inline constexpr char kLateWarning[] = "late-warning";  // due within one working day

// What one delivery round takes from the outbox (WriteTx::ClaimOutbox): pending messages of the
// given channels whose next attempt is due at `now` and that nobody holds, oldest first.
inline constexpr std::size_t kClaimChannels = 4;
struct OutboxClaim {
  std::string holder;  // the claiming server's id
  Instant now = 0;
  Instant until = 0;                  // the claim lapses then (a crashed server's messages)
  std::vector<std::string> channels;  // at most kClaimChannels; only those a sender serves
  int limit = 20;
};

// The outcome of a failed attempt (WriteTx::MarkOutboxFailed).
struct OutboxFailure {
  std::int64_t id = 0;
  std::string holder;
  std::string error;
  Instant next_attempt_at = 0;
  std::optional<Instant> gave_up_at;  // set: no more attempts
};

// A named leader lease (WriteTx::AcquireLease).
struct Lease {
  std::string name;
  std::string holder;
  Instant expires_at = 0;
};

// The dossiers a background sweep looks at (ReadTx::ListSweep), by id after `after_id`.
enum class Sweep {
  kIntakeAlert,        // state 1, intake_alert <= until, no intake alert raised
  kSupplementExpired,  // state 5, supplement_deadline < until
  kApproachingDue,     // states 2, 4, 5, 6, 7, due <= until, no late warning raised
};
struct SweepQuery {
  Sweep sweep = Sweep::kIntakeAlert;
  Instant until = 0;
  std::int64_t after_id = 0;
  int limit = 100;
};

}  // namespace motcua::app
