#pragma once

// What a business calendar is made of, as plain values that an administrator edits and storage
// persists: weekly working sessions, the yearly schedule of holidays and make-up working days
// (each with the document it comes from), and one-off closures. A Calendar (calendar.h) is built
// from a CalendarSpec and answers questions fast; the spec itself does nothing.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "calendar/civil_time.h"

namespace motcua::calendar {

// A working session within a day, in seconds since local midnight: [start, end).
struct Session {
  int start = 0;
  int end = 0;

  int length() const { return end - start; }
  bool operator==(const Session&) const = default;
};

// Sessions for each weekday (index Weekday: Monday first). Sessions of a day are sorted, disjoint
// and within [0, 86400]; Calendar::Build rejects anything else.
struct WeeklySchedule {
  std::array<std::vector<Session>, 7> days;

  // Provinces set office hours; the common one is Mon-Fri 07:30-11:30 and 13:00-17:00, with
  // Saturday 07:30-11:30 where the service center opens on Saturday mornings.
  static WeeklySchedule Default(bool saturday_morning = false);
};

// Why a day is off. A compensatory day (nghỉ bù) follows a holiday that fell on a weekly rest day
// (Labour Code 2019 art. 111(3)); a swapped day (hoán đổi) is a working day given off in exchange
// for a make-up working day.
enum class HolidayKind { kStatutory, kCompensatory, kSwapped, kLocal };

struct Holiday {
  CivilDate date;
  std::string name;  // Vietnamese: "Tết Nguyên đán", "Nghỉ bù Quốc tế Lao động".
  HolidayKind kind = HolidayKind::kStatutory;

  bool operator==(const Holiday&) const = default;
};

// A day normally off that is worked (ngày làm bù), e.g. Saturday 26/4/2025 worked in exchange for
// Friday 2/5/2025. Empty `sessions` means the calendar's Monday sessions.
struct MakeUpDay {
  CivilDate date;
  std::string note;
  std::vector<Session> sessions;

  bool operator==(const MakeUpDay&) const = default;
};

// A one-off closure (power cut, system migration, a local event). Without `part` the whole day is
// closed; with it only that part of the day.
struct Closure {
  CivilDate date;
  std::optional<Session> part;
  std::string reason;

  bool operator==(const Closure&) const = default;
};

// The holidays and make-up days of one year and the document that fixed them ("Thông báo
// 6150/TB-BLĐTBXH; Công văn 8726/VPCP-KGVX"), or "generated: ..." for a generator's proposal.
struct YearSchedule {
  int year = 0;
  std::string source;
  std::vector<Holiday> holidays;
  std::vector<MakeUpDay> make_up_days;

  bool operator==(const YearSchedule&) const = default;
};

// Where the schedule of a year that the spec does not list comes from.
enum class YearFallback {
  kOfficialThenGenerated,  // the built-in official schedule, else the statutory generator
  kGenerated,              // the statutory generator only
  kNone,                   // no holidays at all (tests, special units)
};

struct CalendarSpec {
  std::string id;
  std::string name;
  WeeklySchedule weekly = WeeklySchedule::Default();
  // Years entered or imported by an administrator; they override the fallback whole.
  std::vector<YearSchedule> years;
  YearFallback fallback = YearFallback::kOfficialThenGenerated;
  std::vector<Closure> closures;
};

}  // namespace motcua::calendar
