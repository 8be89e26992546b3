#pragma once

// The tamper-evident audit log. Every write and every login (success or failure) appends one
// record; records are never updated or deleted. Each record carries the hash of the previous one,
// so editing or removing any record breaks the chain at that point and `Verify` finds it.
//
//   hash[n] = SHA-256( prev_hash[n] || canonical(record[n]) ),   prev_hash[1] = 32 zero bytes
//
// canonical() is a length-prefixed concatenation of every field, so no two different records
// share a canonical form.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"

namespace motcua::audit {

struct Record {
  std::int64_t seq = 0;  // 1, 2, 3, ... without gaps
  Instant at = 0;
  std::optional<std::int64_t> actor_user_id;
  std::string actor;        // username as given (also for failed logins of unknown users)
  std::string action;       // "login", "logout", "unit.create", "user.update", ...
  std::string object_type;  // "unit", "user", "session", ...
  std::string object_id;
  std::string address;  // client IP address
  std::string result;   // "ok", or the error code name
  std::string detail;   // short JSON or text with what changed
  std::string request_id;
  std::string prev_hash;  // 32 raw bytes
  std::string hash;       // 32 raw bytes
};

// 32 zero bytes: the prev_hash of the first record.
std::string GenesisHash();

// The canonical bytes hashed for `r` (every field except `hash`).
std::string Canonical(const Record& r);

// Computes r.hash from r.prev_hash and the other fields.
std::string ComputeHash(const Record& r);

// Lower-case hex of raw bytes.
std::string Hex(const std::string& bytes);

struct VerifyOutcome {
  bool ok = true;
  std::int64_t checked = 0;
  std::optional<std::int64_t> first_broken_seq;
  std::string problem;  // "hash mismatch", "prev_hash does not match", "gap in sequence"
};

// Incremental verifier: feed records in sequence order, in any number of batches.
class Verifier {
 public:
  // Returns false once a broken link has been found (later records are not checked).
  bool Feed(const Record& r);
  const VerifyOutcome& outcome() const { return outcome_; }

 private:
  VerifyOutcome outcome_;
  std::string expected_prev_ = GenesisHash();
  std::int64_t expected_seq_ = 1;
};

}  // namespace motcua::audit
