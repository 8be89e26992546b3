#include "calendar/calendar.h"

#include <algorithm>

#include "calendar/holidays.h"
#include "calendar/lunar.h"

namespace motcua::calendar {
namespace {

std::string SessionsError(std::span<const Session> sessions) {
  int previous_end = 0;
  for (const Session& s : sessions) {
    if (s.start < 0 || s.end > kSecondsPerDay || s.start >= s.end) {
      return "a session must satisfy 00:00 <= start < end <= 24:00";
    }
    if (s.start < previous_end) return "sessions must be sorted and must not overlap";
    previous_end = s.end;
  }
  return "";
}

// `base` minus the closed `parts` (both sorted), dropping empty pieces.
std::vector<Session> Subtract(std::span<const Session> base, std::span<const Session> parts) {
  std::vector<Session> out;
  for (Session s : base) {
    for (const Session& p : parts) {
      if (p.end <= s.start || p.start >= s.end) continue;
      if (p.start > s.start) out.push_back({s.start, p.start});
      s.start = std::max(s.start, p.end);
      if (s.start >= s.end) break;
    }
    if (s.start < s.end) out.push_back(s);
  }
  return out;
}

Result<YearSchedule> FallbackSchedule(int year, YearFallback fallback) {
  switch (fallback) {
    case YearFallback::kOfficialThenGenerated:
      if (auto official = OfficialYearSchedule(year)) return *official;
      return GeneratedYearSchedule(year);
    case YearFallback::kGenerated: return GeneratedYearSchedule(year);
    case YearFallback::kNone: break;
  }
  YearSchedule empty;
  empty.year = year;
  empty.source = "none";
  return empty;
}

}  // namespace

WeeklySchedule WeeklySchedule::Default(bool saturday_morning) {
  WeeklySchedule w;
  const std::vector<Session> weekday = {{7 * 3600 + 1800, 11 * 3600 + 1800},
                                        {13 * 3600, 17 * 3600}};
  for (int d = 0; d < 5; ++d) w.days[d] = weekday;
  if (saturday_morning) w.days[5] = {{7 * 3600 + 1800, 11 * 3600 + 1800}};
  return w;
}

Result<Calendar> Calendar::Build(const CalendarSpec& spec, CalendarOptions options) {
  if (options.first_year <= kFirstLunarYear || options.last_year > kLastLunarYear ||
      options.first_year > options.last_year) {
    return Error::InvalidField("options", "the calendar span must lie within 1901-2199");
  }
  for (int d = 0; d < 7; ++d) {
    const std::string problem = SessionsError(spec.weekly.days[d]);
    if (!problem.empty()) {
      return Error::InvalidField("weekly.days[" + std::to_string(d) + "]", problem);
    }
  }
  Calendar c;
  c.id_ = spec.id;
  c.name_ = spec.name;
  c.weekly_ = spec.weekly;
  c.first_day_ = ToDayNumber({options.first_year, 1, 1});
  MOTCUA_RETURN_IF_ERROR(c.LoadRules(spec, options));
  c.BuildIndex();
  return c;
}

Status Calendar::LoadRules(const CalendarSpec& spec, const CalendarOptions& options) {
  for (int year = options.first_year; year <= options.last_year; ++year) {
    auto given = std::find_if(spec.years.begin(), spec.years.end(),
                              [year](const YearSchedule& y) { return y.year == year; });
    if (given != spec.years.end()) {
      schedules_.push_back(*given);
    } else {
      MOTCUA_ASSIGN_OR_RETURN(YearSchedule s, FallbackSchedule(year, spec.fallback));
      schedules_.push_back(std::move(s));
    }
  }
  for (const YearSchedule& y : schedules_) {
    for (const Holiday& h : y.holidays) holidays_.emplace(ToDayNumber(h.date), &h);
  }
  for (const YearSchedule& y : schedules_) {
    for (std::size_t i = 0; i < y.make_up_days.size(); ++i) {
      const MakeUpDay& m = y.make_up_days[i];
      const std::string field =
          "years[" + std::to_string(y.year) + "].make_up_days[" + std::to_string(i) + "]";
      if (holidays_.count(ToDayNumber(m.date)) > 0) {
        return Error::InvalidField(field, "a make-up working day cannot also be a holiday");
      }
      const std::string problem = SessionsError(m.sessions);
      if (!problem.empty()) return Error::InvalidField(field + ".sessions", problem);
      make_up_.emplace(ToDayNumber(m.date), &m);
    }
  }
  closures_storage_ = spec.closures;
  for (std::size_t i = 0; i < closures_storage_.size(); ++i) {
    const Closure& cl = closures_storage_[i];
    if (cl.part && !SessionsError(std::span<const Session>(&*cl.part, 1)).empty()) {
      return Error::InvalidField("closures[" + std::to_string(i) + "].part",
                                 "a closed part must satisfy 00:00 <= start < end <= 24:00");
    }
    closures_[ToDayNumber(cl.date)].push_back(&cl);
  }
  for (auto& [day, list] : closures_) {
    std::vector<Session> parts;
    for (const Closure* cl : list) parts.push_back(cl->part.value_or(Session{0, kSecondsPerDay}));
    std::sort(parts.begin(), parts.end(),
              [](const Session& a, const Session& b) { return a.start < b.start; });
    closed_parts_[day] = std::move(parts);
  }
  return Ok();
}

const YearSchedule* Calendar::ScheduleOf(int year) const {
  if (schedules_.empty() || year < schedules_.front().year || year > schedules_.back().year) {
    return nullptr;
  }
  return &schedules_[static_cast<std::size_t>(year - schedules_.front().year)];
}

DayInfo Calendar::Describe(DayNumber day) const {
  DayInfo info;
  info.day = day;
  if (auto h = holidays_.find(day); h != holidays_.end()) {
    info.kind = DayKind::kHoliday;
    info.name = h->second->name;
    return info;
  }
  std::span<const Session> base = weekly_.days[static_cast<int>(WeekdayOf(day))];
  info.kind = base.empty() ? DayKind::kWeeklyRest : DayKind::kWorking;
  if (auto m = make_up_.find(day); m != make_up_.end()) {
    info.kind = DayKind::kMakeUp;
    info.name = m->second->note;
    base = m->second->sessions.empty() ? std::span<const Session>(weekly_.days[0])
                                       : std::span<const Session>(m->second->sessions);
  }
  info.sessions = base;
  auto closed = closed_parts_.find(day);
  if (closed == closed_parts_.end() || base.empty()) return info;
  auto effective = closed_days_sessions_.find(day);
  if (effective == closed_days_sessions_.end()) return info;  // only while BuildIndex runs
  info.closed_parts = closed->second;
  info.sessions = effective->second;
  const std::string_view reason = closures_.at(day).front()->reason;
  if (info.sessions.empty()) {
    info.kind = DayKind::kClosed;
    info.name = reason;
  } else {
    info.closure = reason;
  }
  return info;
}

void Calendar::BuildIndex() {
  const DayNumber end = ToDayNumber({schedules_.back().year + 1, 1, 1});
  // Effective sessions of partly or wholly closed days, computed once so Describe can view them.
  for (const auto& [day, parts] : closed_parts_) {
    if (day < first_day_ || day >= end) continue;
    DayInfo open = Describe(day);  // closed_days_sessions_ not yet filled: returns base sessions
    closed_days_sessions_[day] = Subtract(open.sessions, parts);
  }
  const std::size_t n = static_cast<std::size_t>(end - first_day_);
  day_begin_.assign(1, 0);
  cumulative_.assign(1, 0);
  day_begin_.reserve(n + 1);
  cumulative_.reserve(n + 1);
  for (DayNumber day = first_day_; day < end; ++day) {
    const DayInfo info = Describe(day);
    std::int64_t worked = 0;
    for (const Session& s : info.sessions) {
      sessions_.push_back(s);
      worked += s.length();
    }
    day_begin_.push_back(static_cast<std::uint32_t>(sessions_.size()));
    cumulative_.push_back(cumulative_.back() + worked);
    const std::size_t i = cumulative_.size() - 2;
    while (static_cast<std::int64_t>(bucket_day_.size()) * kBucket + 1 <= cumulative_.back()) {
      bucket_day_.push_back(static_cast<std::uint32_t>(i));
    }
  }
}

}  // namespace motcua::calendar
