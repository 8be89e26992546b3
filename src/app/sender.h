#pragma once

// The delivery port: sends one outbox message to the outside world (an e-mail, a webhook call
// to an SMS/Zalo gateway). Adapters live in src/delivery; the background worker
// (app/background.h) calls them outside any transaction.

#include "app/dossier_records.h"
#include "common/result.h"

namespace motcua::app {

class Sender {
 public:
  virtual ~Sender() = default;
  // Delivers `message` once. Ok when the other side accepted it. kUnavailable: a failure worth
  // retrying later (connection refused, timeout, a temporary SMTP 4xx reply, HTTP 5xx or 429);
  // any other code: retrying will not help (a rejected address, SMTP 5xx, HTTP 4xx, a payload
  // this sender cannot render). Each call must finish within the sender's own timeout.
  // Thread-safe: workers of several servers, or tests, may call it at once.
  virtual Status Send(const OutboxMessage& message) = 0;
};

// Whether a Send error is worth another attempt.
inline bool IsRetryable(const Error& error) { return error.code == ErrorCode::kUnavailable; }

}  // namespace motcua::app
