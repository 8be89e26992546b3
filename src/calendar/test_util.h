#pragma once

// Helpers shared by the calendar tests.

#include <gtest/gtest.h>

#include <string>

#include "calendar/calendar.h"
#include "calendar/civil_time.h"

namespace motcua::calendar::testing {

// "2025-01-24 10:00" in Vietnam local time; fails the test on a typo.
inline Instant L(const std::string& text) {
  const Result<Instant> t = ParseLocalDateTime(text);
  EXPECT_TRUE(t.ok()) << text;
  return t.ok() ? *t : 0;
}

// The national default calendar (Mon-Fri 07:30-11:30, 13:00-17:00; official schedules, then the
// generator), over 2020-2030.
inline const Calendar& National() {
  static const Calendar* const kCalendar = [] {
    CalendarSpec spec;
    spec.id = "national";
    Result<Calendar> c = Calendar::Build(spec, {2020, 2030});
    EXPECT_TRUE(c.ok());
    return new Calendar(std::move(c).value());
  }();
  return *kCalendar;
}

}  // namespace motcua::calendar::testing
