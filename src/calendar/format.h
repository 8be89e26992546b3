#pragma once

// How officers read the clock: "Còn 2 ngày 3 giờ" / "Quá 1 ngày 2 giờ", counted in working days
// of 8 working hours (shared/DOMAIN.md, Time rules), and the same in English.

#include <cstdint>
#include <span>
#include <string>

#include "calendar/due.h"

namespace motcua::calendar {

enum class Language { kVietnamese, kEnglish };

// Formats signed counted working seconds: positive is time remaining, negative is time overdue.
// Parts that are zero are left out ("Còn 3 giờ 20 phút", "Quá 2 ngày"); seconds are dropped;
// zero is "Còn 0 phút" / "0 minutes remaining".
//   Vietnamese: "Còn N ngày M giờ P phút" / "Quá N ngày M giờ P phút"
//   English:    "N days M hours P minutes remaining" / "overdue by N days M hours P minutes"
std::string FormatWorkingTime(std::int64_t signed_seconds, Language language);

// The remaining (or overdue) text for a dossier due at `due`, seen at `now`, net of exclusions.
// Errors as WorkingTimeBetween.
Result<std::string> RemainingText(Instant now, Instant due, const Calendar& calendar,
                                  std::span<const Exclusion> exclusions, Language language);

}  // namespace motcua::calendar
