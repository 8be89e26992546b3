#pragma once

#include <cstdint>
#include <string>

namespace motcua {

// An instant on the UTC time line, in seconds since 1970-01-01T00:00:00Z. Instants are stored and
// compared in UTC; Vietnam local time (UTC+7, no daylight saving) appears only at the edges and
// inside the calendar module.
using Instant = std::int64_t;

// Seconds of Vietnam's offset from UTC.
inline constexpr std::int64_t kVietnamUtcOffsetSeconds = 7 * 3600;

// RFC 3339 in UTC with a Z suffix: "2026-02-12T08:30:00Z".
std::string FormatRfc3339Utc(Instant t);

// Parses "YYYY-MM-DDTHH:MM:SS(.fff)?(Z|+hh:mm|-hh:mm)". Returns false on any other shape.
bool ParseRfc3339(const std::string& text, Instant* out);

}  // namespace motcua
