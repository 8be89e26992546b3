// libFuzzer target over the queue cursor (?cursor= of /api/v1/queues/*): any bytes decode to a
// position in the queue or to kInvalidArgument naming "cursor", and leave the query alone when
// refused. An accepted cursor names a row (an id above 0; a due instant or none, never both) and
// encodes back to a cursor that decodes to the same position; any position encodes to a cursor
// that decodes to it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "app/queue_cursor.h"

namespace {

using motcua::app::DecodeQueueCursor;
using motcua::app::EncodeQueueCursor;
using motcua::app::QueueQuery;

void Check(bool ok) {
  if (!ok) std::abort();
}

struct Position {
  std::optional<motcua::Instant> due;
  bool no_due = false;
  std::int64_t id = 0;
  bool operator==(const Position&) const = default;
};

Position Of(const QueueQuery& q) { return {q.after_due, q.after_no_due, q.after_id}; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string cursor(reinterpret_cast<const char*>(data), size);
  QueueQuery q;
  const auto decoded = DecodeQueueCursor(cursor, q);
  if (!decoded.ok()) {
    Check(decoded.error().code == motcua::ErrorCode::kInvalidArgument);
    Check(decoded.error().field() == "cursor");
    Check(Of(q) == Position{});
  } else if (!cursor.empty()) {
    Check(q.after_id > 0);
    Check(q.after_no_due != q.after_due.has_value());
    const std::string again = EncodeQueueCursor(q.after_due, q.after_id);
    QueueQuery r;
    Check(DecodeQueueCursor(again, r).ok() && Of(r) == Of(q));
    Check(EncodeQueueCursor(r.after_due, r.after_id) == again);
  }
  // The same bytes as a position: (due or none, id) encodes and decodes to itself.
  if (size >= 17) {
    std::int64_t due = 0, id = 0;
    std::memcpy(&due, data + 1, sizeof due);
    std::memcpy(&id, data + 9, sizeof id);
    // What a queue holds: ids from 1, due instants of 18 digits at most either way.
    id = id == INT64_MIN ? 1 : std::llabs(id) % 999'999'999'999'999'999 + 1;
    due %= 1'000'000'000'000'000'000;
    const Position p = data[0] & 1 ? Position{due, false, id} : Position{std::nullopt, true, id};
    QueueQuery r;
    Check(DecodeQueueCursor(EncodeQueueCursor(p.due, p.id), r).ok() && Of(r) == p);
  }
  return 0;
}
