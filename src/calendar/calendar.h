#pragma once

// A built business calendar: a CalendarSpec resolved day by day over a span of years, with a
// compact index that answers working-time questions in O(1) or O(log days).
//
// The index holds, for each day of the span, its working sessions (after holidays, make-up days
// and closures) and the cumulative working seconds before it. "How much working time lies between
// a and b" is then two lookups, and "when has w working seconds elapsed after t" one binary search.
//
// A Calendar is immutable after Build and safe to share between threads. It owns its data; the
// DayInfo views it returns live as long as the Calendar.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "calendar/calendar_spec.h"
#include "common/result.h"
#include "common/time.h"

namespace motcua::calendar {

// Why a day has the sessions it has.
enum class DayKind {
  kWorking,     // a normal working day of the weekly schedule
  kMakeUp,      // a day normally off that is worked (ngày làm bù)
  kWeeklyRest,  // no sessions in the weekly schedule
  kHoliday,     // a holiday, compensatory or swapped day (see the name)
  kClosed,      // a one-off closure of the whole day
};

// One day as the calendar sees it. `sessions` is empty unless the day is (partly) worked; a
// partial closure leaves a kWorking/kMakeUp day with fewer sessions and `closure` set.
struct DayInfo {
  DayNumber day = 0;
  DayKind kind = DayKind::kWorking;
  std::string_view name;     // holiday name, closure reason or make-up note; may be empty
  std::string_view closure;  // reason of a partial closure, if any
  std::span<const Session> sessions;
  std::span<const Session> closed_parts;
};

struct CalendarOptions {
  int first_year = 2000;  // the span that the index covers, inclusive
  int last_year = 2100;
};

class Calendar {
 public:
  // Validates `spec` and builds the index over options' years. kInvalidArgument (with field
  // violations) for unsorted or overlapping sessions, a make-up day that is also a holiday, or a
  // span outside 1901-2199.
  static Result<Calendar> Build(const CalendarSpec& spec, CalendarOptions options = {});

  // Move-only: the day maps point into the calendar's own storage.
  Calendar(Calendar&&) = default;
  Calendar& operator=(Calendar&&) = default;
  Calendar(const Calendar&) = delete;
  Calendar& operator=(const Calendar&) = delete;

  const std::string& id() const { return id_; }
  const std::string& name() const { return name_; }

  // The schedule used for `year` (given, official or generated), or nullptr outside the span.
  const YearSchedule* ScheduleOf(int year) const;

  // First and last day of the span, and its bounds as instants [span_begin, span_end).
  DayNumber first_day() const { return first_day_; }
  DayNumber last_day() const { return first_day_ + static_cast<DayNumber>(day_count()) - 1; }
  Instant span_begin() const { return InstantOf(first_day_, 0); }
  Instant span_end() const { return InstantOf(last_day() + 1, 0); }
  bool Covers(Instant t) const { return t >= span_begin() && t <= span_end(); }

  // The day as resolved from the rules (not from the index): used by the day-by-day reference
  // implementation, the trace and the index builder. `day` must be inside the span.
  DayInfo Describe(DayNumber day) const;

  // --- Index queries. Instants must satisfy Covers(); callers check (see due.h). ---

  // Working seconds in [span_begin, t).
  std::int64_t WorkedBefore(Instant t) const;
  // Working seconds in [a, b); 0 when b <= a.
  std::int64_t WorkingSecondsBetween(Instant a, Instant b) const {
    return b <= a ? 0 : WorkedBefore(b) - WorkedBefore(a);
  }
  // The indexed (effective) sessions of `day`, which must be inside the span.
  std::span<const Session> SessionsOn(DayNumber day) const { return IndexedSessions(IndexOf(day)); }
  // True when t lies inside a session [start, end).
  bool IsWorkingInstant(Instant t) const;
  // True when t is a working instant or the end of a session (a valid due instant).
  bool IsWorkingOrSessionEnd(Instant t) const;
  // The first working instant at or after t; kInvalidArgument when there is none in the span.
  Result<Instant> NextWorkingInstant(Instant t) const;
  // The first session start of the first working day after t's local day.
  Result<Instant> StartOfNextWorkingDay(Instant t) const;
  // The earliest instant u >= t with WorkingSecondsBetween(t, u) == w (w > 0): it lies in
  // (start, end] of a session, so a duration ending with a session ends at its end (17:00).
  // kInvalidArgument when the span ends first.
  Result<Instant> AdvanceWorking(Instant t, std::int64_t w) const;

 private:
  Calendar() = default;
  std::size_t day_count() const { return cumulative_.size() - 1; }
  std::size_t IndexOf(DayNumber day) const { return static_cast<std::size_t>(day - first_day_); }
  std::span<const Session> IndexedSessions(std::size_t i) const {
    return {sessions_.data() + day_begin_[i], sessions_.data() + day_begin_[i + 1]};
  }
  Status LoadRules(const CalendarSpec& spec, const CalendarOptions& options);
  void BuildIndex();

  std::string id_;
  std::string name_;
  WeeklySchedule weekly_;
  DayNumber first_day_ = 0;
  std::vector<YearSchedule> schedules_;  // one per year of the span, ascending
  std::unordered_map<DayNumber, const Holiday*> holidays_;
  std::unordered_map<DayNumber, const MakeUpDay*> make_up_;
  std::vector<Closure> closures_storage_;
  std::unordered_map<DayNumber, std::vector<const Closure*>> closures_;
  std::unordered_map<DayNumber, std::vector<Session>> closed_days_sessions_;
  std::unordered_map<DayNumber, std::vector<Session>> closed_parts_;
  // Index.
  std::vector<Session> sessions_;         // all sessions, day after day
  std::vector<std::uint32_t> day_begin_;  // day i's sessions: [day_begin_[i], day_begin_[i+1])
  std::vector<std::int64_t> cumulative_;  // working seconds before day i; size days + 1
  // bucket_day_[b]: the day holding working second b * kBucket + 1 (counting from 1), so that a
  // position in working time finds its day in O(1) plus a scan over a few days off.
  static constexpr std::int64_t kBucket = 4 * 3600;
  std::vector<std::uint32_t> bucket_day_;
  // The index of the day holding working second `position` (1 <= position <= total).
  std::size_t DayHolding(std::int64_t position) const;
};

}  // namespace motcua::calendar
