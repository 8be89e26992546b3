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
};

struct QueueQuery {
  Queue queue = Queue::kOpen;
  identity::UnitId scope_root = 0;
  identity::UserId user = 0;
  Instant now = 0;
  Instant soon_until = 0;
  // Keyset pagination: rows after (after_due, after_id) in the queue's order; a row without a
  // due instant sorts after every row with one. Start with after_id = 0.
  std::optional<Instant> after_due;
  bool after_no_due = false;  // the last row seen had no due instant
  std::int64_t after_id = 0;
  int limit = 50;
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

// A message to the outside (applicant notification, national portal), written in the same
// transaction as the event that causes it and delivered later with retries.
struct OutboxMessage {
  std::int64_t id = 0;
  std::int64_t dossier_id = 0;
  std::string kind;       // "received", "supplement", "result-ready", "apology", ...
  std::string channel;    // "email", "webhook"
  std::string recipient;  // address or phone
  std::string payload;    // JSON
  Instant created_at = 0;
  int attempts = 0;
  Instant next_attempt_at = 0;
  std::optional<Instant> sent_at;
  std::string last_error;
};

}  // namespace motcua::app
