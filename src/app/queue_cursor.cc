#include "app/queue_cursor.h"

namespace motcua::app {
namespace {

// A decimal integer with an optional minus sign, at most 18 digits (so that it cannot overflow).
bool ParseNumber(const std::string& s, std::int64_t& out) {
  const bool negative = !s.empty() && s[0] == '-';
  const std::size_t digits = s.size() - (negative ? 1 : 0);
  if (digits == 0 || digits > 18) return false;
  std::int64_t n = 0;
  for (std::size_t i = negative ? 1 : 0; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    n = n * 10 + (s[i] - '0');
  }
  out = negative ? -n : n;
  return true;
}

}  // namespace

std::string EncodeQueueCursor(std::optional<Instant> due, std::int64_t id) {
  return (due ? std::to_string(*due) : std::string("-")) + "." + std::to_string(id);
}

Status DecodeQueueCursor(const std::string& cursor, QueueQuery& q) {
  if (cursor.empty()) return Ok();
  const Error bad = Error::InvalidField("cursor", "not a cursor of this queue");
  const auto dot = cursor.find('.');
  if (dot == std::string::npos) return bad;
  std::int64_t id = 0;
  if (!ParseNumber(cursor.substr(dot + 1), id) || id <= 0) return bad;
  const std::string due = cursor.substr(0, dot);
  if (due == "-") {
    q.after_id = id;
    q.after_no_due = true;
    return Ok();
  }
  std::int64_t at = 0;
  if (!ParseNumber(due, at)) return bad;
  q.after_id = id;
  q.after_due = at;
  return Ok();
}

}  // namespace motcua::app
