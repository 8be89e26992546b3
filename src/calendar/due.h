#pragma once

// The legal clock: when a dossier is due, and how much counted time lies between two instants.
//
// Counting starts at reception of a complete dossier (shared/DOMAIN.md, "Time rules"):
//   - reception outside working time counts from the next working instant;
//   - reception after the cut-off (15:00 by default, the general one-stop rule) counts from the
//     start of the next working day; Decree 297/2025/NĐ-CP art. 3(5): after 17:00 or on a day off,
//     from 08:00 of the next working day; some procedures use "within the last office hour";
//   - excluded intervals (supplement, financial obligations, expert assessment, ...) extend the
//     due instant by exactly the working time they covered, never by their wall-clock length;
//   - a due instant that ends with a session is the end of that session (17:00), not the start of
//     the next one.
//
// Everything here is a pure function of its arguments; safe to call from any thread.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/calendar.h"
#include "common/result.h"
#include "common/time.h"

namespace motcua::calendar {

// One working day is 8 working hours (shared/DOMAIN.md, Time rules).
inline constexpr std::int64_t kWorkingDaySeconds = 8 * 3600;

enum class DurationUnit { kWorkingDays, kWorkingHours, kWorkingMinutes, kCalendarDays };

// A legal time in an explicit unit. Working units are held as working seconds (so 0.5 working
// day = 4 working hours); calendar days as whole days.
class Duration {
 public:
  // `amount` of `unit`. kInvalidArgument when negative, not finite, too large (over 100 years),
  // not a whole number of minutes of working time, or a fractional number of calendar days.
  static Result<Duration> Of(double amount, DurationUnit unit);
  static Duration WorkingDays(std::int64_t days) { return Duration(days * kWorkingDaySeconds); }
  static Duration WorkingHours(std::int64_t hours, std::int64_t minutes = 0) {
    return Duration(hours * 3600 + minutes * 60);
  }
  static Duration WorkingSeconds(std::int64_t seconds) { return Duration(seconds); }
  static Duration CalendarDays(std::int64_t days) { return Duration(days, true); }

  bool is_calendar_days() const { return calendar_; }
  // Working seconds (working units) or 0.
  std::int64_t working_seconds() const { return calendar_ ? 0 : value_; }
  // Whole calendar days (calendar unit) or 0.
  std::int64_t calendar_days() const { return calendar_ ? value_ : 0; }

  // "5 working days", "2 working hours 30 minutes", "15 calendar days".
  std::string ToString() const;

  bool operator==(const Duration&) const = default;

 private:
  explicit Duration(std::int64_t value, bool calendar = false)
      : value_(value), calendar_(calendar) {}
  std::int64_t value_ = 0;
  bool calendar_ = false;
};

// "working-days", "working-hours", "working-minutes", "calendar-days" (also with '_'). An unknown
// or missing unit is kInvalidArgument: a duration is never guessed.
Result<DurationUnit> ParseDurationUnit(std::string_view text);

// When counting starts for a dossier received after a given time of day.
struct ReceptionCutoff {
  enum class Kind {
    kNone,            // only the outside-working-time rule applies
    kAt,              // received strictly after `at` -> next working day
    kLastOfficeHour,  // received within the last hour before the day's last session ends
  };
  Kind kind = Kind::kAt;
  int at = 15 * 3600;  // seconds since local midnight, for kAt
  // For kAt: the next working day starts counting at this time of day (Decree 297/2025 art. 3(5):
  // 08:00) instead of its first session start. Negative: the first session start.
  int next_day_from = -1;

  // The general one-stop rule: after 15:00 -> start of the next working day.
  static ReceptionCutoff Default() { return {}; }
  static ReceptionCutoff None() { return {Kind::kNone, 0, -1}; }
  static ReceptionCutoff At(int seconds_of_day) { return {Kind::kAt, seconds_of_day, -1}; }
  // Decree 297/2025/NĐ-CP art. 3(5): after 17:00 or on a day off -> 08:00 of the next working day.
  static ReceptionCutoff Decree297() { return {Kind::kAt, 17 * 3600, 8 * 3600}; }
  static ReceptionCutoff LastOfficeHour() { return {Kind::kLastOfficeHour, 0, -1}; }

  bool operator==(const ReceptionCutoff&) const = default;
};

// Parses the CLI/API spelling: "15:00" (default rule), "17:00" (Decree 297: next day from 08:00),
// any other "HH:MM", "last-hour", or "none". kInvalidArgument otherwise.
Result<ReceptionCutoff> ParseReceptionCutoff(std::string_view text);

// Why time is not counted, as set per procedure by sector law.
enum class ExclusionType {
  kSupplement,           // yêu cầu bổ sung, hoàn thiện hồ sơ
  kFinancialObligation,  // thực hiện nghĩa vụ tài chính
  kExpertAssessment,     // giám định, thẩm định chuyên môn
  kPublicPosting,        // niêm yết công khai
  kConsultation,         // lấy ý kiến cơ quan khác
  kOther,
};

// "supplement", "financial-obligation", "expert-assessment", "public-posting", "consultation",
// "other"; and back.
std::string_view ExclusionTypeName(ExclusionType type);
Result<ExclusionType> ParseExclusionType(std::string_view text);

// A paused interval [from, to). Intervals may overlap; overlaps count once.
struct Exclusion {
  ExclusionType type = ExclusionType::kOther;
  Instant from = 0;
  Instant to = 0;
  std::string note;
};

// The instant from which the legal time counts for a dossier received at `received`.
// kInvalidArgument when it falls outside the calendar's span.
Result<Instant> CountingStart(Instant received, const Calendar& calendar, ReceptionCutoff cutoff);

// The due instant of a dossier received at `received` with legal time `duration`, net of
// `exclusions`. Working durations end inside a session or at a session end. Calendar-day
// durations end N x 24 h after the counting start, extended by the excluded wall-clock time, and
// move to the next working instant when that is not working time. kInvalidArgument for an
// exclusion with to < from, or a result outside the calendar's span (reason
// "outside-calendar-span"). O(k log days) for k exclusions.
Result<Instant> Due(Instant received, Duration duration, const Calendar& calendar,
                    std::span<const Exclusion> exclusions = {},
                    ReceptionCutoff cutoff = ReceptionCutoff::Default());

// Counted working seconds in [a, b), net of exclusions; 0 when b <= a. kInvalidArgument for an
// exclusion with to < from or instants outside the span.
Result<std::int64_t> WorkingTimeBetween(Instant a, Instant b, const Calendar& calendar,
                                        std::span<const Exclusion> exclusions = {});

// Exclusions sorted by start with overlaps merged (the type of the first is kept). Exposed for
// the trace and the reference implementation. kInvalidArgument for to < from.
Result<std::vector<Exclusion>> MergeExclusions(std::span<const Exclusion> exclusions);

}  // namespace motcua::calendar
