#pragma once

// What an outbox message says, in Vietnamese: a subject and a plain-text body per kind, from the
// message's JSON payload ({"code", "kind", "unit", "due"}). Shared by the e-mail and webhook
// senders, so that an SMS gateway and a mailbox tell the same thing.

#include <string>

#include "app/dossier_records.h"
#include "common/result.h"

namespace motcua::delivery {

struct MessageText {
  std::string subject;  // one line
  std::string body;     // lines separated by "\n"
};

// kInvalidArgument when the payload is not a JSON object with a "code" (a message no sender can
// render: not worth retrying).
Result<MessageText> ComposeText(const app::OutboxMessage& message);

// "17:00 ngày 16/03/2026", Vietnam local time.
std::string FormatVietnamese(Instant t);

}  // namespace motcua::delivery
