#pragma once

// The keyset cursor of a queue page: "<due>.<id>" after a row due at <due> (Unix seconds), or
// "-.<id>" after a row without a due instant. Pure, alone in its file: the fuzzer compiles it in
// (fuzz/queue_cursor_fuzzer.cc).

#include <cstdint>
#include <optional>
#include <string>

#include "app/dossier_records.h"
#include "common/result.h"

namespace motcua::app {

// The cursor after the row (`due`, `id`), `id` > 0.
std::string EncodeQueueCursor(std::optional<Instant> due, std::int64_t id);

// Fills q.after_due, q.after_no_due and q.after_id from `cursor`; "" is the first page and
// leaves `q` alone. Errors: kInvalidArgument naming "cursor" for anything EncodeQueueCursor does
// not produce up to leading zeros (an id of 0 or less, more than 18 digits, other bytes); `q` is
// then unchanged.
Status DecodeQueueCursor(const std::string& cursor, QueueQuery& q);

}  // namespace motcua::app
