#pragma once

// Calendars belong to units; a unit without its own calendar uses its parent's (issue 3). The
// caller loads the unit's chain of ancestors (no I/O here) and asks which calendar applies.

#include <optional>
#include <span>
#include <string>

#include "common/result.h"

namespace motcua::calendar {

// One unit of an ancestry chain and the calendar assigned to it, if any.
struct UnitCalendarLink {
  std::string unit_code;
  std::optional<std::string> calendar_id;
};

// The calendar id of the first unit in `chain` (the unit itself first, then its parent, ..., the
// root last) that has one. kNotFound when no unit in the chain has a calendar; kInvalidArgument
// for an empty chain or a unit that appears twice (a cycle in the caller's data).
Result<std::string> ResolveCalendarId(std::span<const UnitCalendarLink> chain);

}  // namespace motcua::calendar
