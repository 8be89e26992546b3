#pragma once

// A generic HTTP webhook, with libcurl: each message is POSTed as JSON to one URL, for an SMS or
// Zalo gateway (the applicant's phone number in "recipient") or the service center's own
// endpoint (channel "staff": a unit code in "recipient"). The gateway may drop a repeated
// message by its Idempotency-Key header ("motcua-outbox-<id>"): a message whose outcome was lost
// is sent again.
//
//   POST <url>
//   Content-Type: application/json; charset=utf-8
//   Idempotency-Key: motcua-outbox-42
//   Authorization: Bearer <token>             (when configured)
//   {"id": 42, "dossier_id": 7, "kind": "received", "channel": "webhook",
//    "recipient": "0912345678", "code": "H99.01-260302-0001",
//    "subject": "Hồ sơ ... đã được tiếp nhận", "text": "...", "payload": {...}}

#include <string>

#include "app/sender.h"

namespace motcua::delivery {

struct WebhookOptions {
  std::string url;           // "https://sms-gateway.example.vn/send"
  std::string bearer_token;  // empty: no Authorization header
  long timeout_seconds = 15;
};

class WebhookSender final : public app::Sender {
 public:
  explicit WebhookSender(WebhookOptions options);
  // Ok on a 2xx answer. kUnavailable on 5xx, 408, 429 or a failed connection; kInvalidArgument
  // on another answer (the gateway refuses this message) or an unrenderable payload.
  // Thread-safe (one libcurl handle per call).
  Status Send(const app::OutboxMessage& message) override;

 private:
  const WebhookOptions options_;
};

// The JSON body posted for `message`.
Result<std::string> WebhookBody(const app::OutboxMessage& message);

}  // namespace motcua::delivery
