#pragma once

// The reference implementation of the legal clock: a plain day-by-day walk over
// Calendar::Describe, with no index. It is slow (linear in the number of days) and obviously
// right; tests compare Due and WorkingTimeBetween against it, and the benchmark uses it as the
// baseline. Same contracts and errors as due.h.

#include <cstdint>
#include <span>

#include "calendar/due.h"

namespace motcua::calendar {

Result<Instant> NaiveCountingStart(Instant received, const Calendar& calendar,
                                   ReceptionCutoff cutoff);
Result<Instant> NaiveDue(Instant received, Duration duration, const Calendar& calendar,
                         std::span<const Exclusion> exclusions = {},
                         ReceptionCutoff cutoff = ReceptionCutoff::Default());
Result<std::int64_t> NaiveWorkingTimeBetween(Instant a, Instant b, const Calendar& calendar,
                                             std::span<const Exclusion> exclusions = {});

}  // namespace motcua::calendar
