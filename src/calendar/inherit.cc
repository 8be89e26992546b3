#include "calendar/inherit.h"

#include <set>

namespace motcua::calendar {

Result<std::string> ResolveCalendarId(std::span<const UnitCalendarLink> chain) {
  if (chain.empty()) return Error::InvalidArgument("an empty unit chain has no calendar");
  std::set<std::string> seen;
  for (const UnitCalendarLink& link : chain) {
    if (!seen.insert(link.unit_code).second) {
      return Error::InvalidArgument("unit " + link.unit_code + " appears twice in its ancestry");
    }
    if (link.calendar_id.has_value()) return *link.calendar_id;
  }
  return Error::NotFound("no calendar for unit " + chain.front().unit_code +
                         " or any of its ancestors");
}

}  // namespace motcua::calendar
