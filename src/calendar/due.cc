#include "calendar/due.h"

#include <algorithm>
#include <cmath>

namespace motcua::calendar {
namespace {

Error OutsideSpan() {
  return Error::InvalidArgument("the instant lies outside the calendar's span")
      .WithReason("outside-calendar-span");
}

// Merged exclusions without a heap allocation for the usual handful.
class MergedIntervals {
 public:
  Status Init(std::span<const Exclusion> exclusions) {
    if (exclusions.size() > kInline) {
      heap_.reserve(exclusions.size());
    }
    for (const Exclusion& e : exclusions) {
      if (e.to < e.from) {
        return Error::InvalidField("exclusions", "an excluded interval ends before it starts");
      }
      if (e.to > e.from) Push({e.from, e.to});
    }
    Interval* b = data();
    std::sort(b, b + size_, [](const Interval& x, const Interval& y) { return x.from < y.from; });
    std::size_t out = 0;
    for (std::size_t i = 0; i < size_; ++i) {
      if (out > 0 && b[i].from <= b[out - 1].to) {
        b[out - 1].to = std::max(b[out - 1].to, b[i].to);
      } else {
        b[out++] = b[i];
      }
    }
    size_ = out;
    return Ok();
  }
  struct Interval {
    Instant from, to;
  };
  std::span<const Interval> intervals() const { return {data(), size_}; }

 private:
  static constexpr std::size_t kInline = 8;
  void Push(Interval i) {
    if (heap_.capacity() > 0) {
      heap_.push_back(i);
    } else {
      inline_[size_] = i;
    }
    ++size_;
  }
  Interval* data() { return heap_.capacity() > 0 ? heap_.data() : inline_; }
  const Interval* data() const { return heap_.capacity() > 0 ? heap_.data() : inline_; }
  Interval inline_[kInline];
  std::vector<Interval> heap_;
  std::size_t size_ = 0;
};

Result<Instant> CalendarDaysDue(Instant start, std::int64_t days, const Calendar& calendar,
                                const MergedIntervals& merged) {
  Instant due = start + days * kSecondsPerDay;
  for (const auto& ex : merged.intervals()) {
    const Instant from = std::max(ex.from, start);
    if (ex.to <= start) continue;
    if (from >= due) break;
    due += ex.to - from;
  }
  if (!calendar.Covers(due)) return OutsideSpan();
  if (calendar.IsWorkingOrSessionEnd(due)) return due;
  return calendar.NextWorkingInstant(due);
}

}  // namespace

Result<Duration> Duration::Of(double amount, DurationUnit unit) {
  if (!std::isfinite(amount) || amount < 0) {
    return Error::InvalidField("duration", "a duration must be a finite, non-negative number");
  }
  if (unit == DurationUnit::kCalendarDays) {
    if (amount != std::floor(amount) || amount > 36600) {
      return Error::InvalidField("duration", "calendar days must be a whole number up to 36600");
    }
    return CalendarDays(static_cast<std::int64_t>(amount));
  }
  const double factor = unit == DurationUnit::kWorkingDays    ? kWorkingDaySeconds
                        : unit == DurationUnit::kWorkingHours ? 3600.0
                                                              : 60.0;
  const double minutes = amount * factor / 60;
  if (minutes > 100.0 * 365 * 24 * 60) {
    return Error::InvalidField("duration", "a duration over 100 years is not a legal time");
  }
  if (std::fabs(minutes - std::round(minutes)) > 1e-6) {
    return Error::InvalidField("duration", "a working duration must be a whole number of minutes");
  }
  return WorkingSeconds(static_cast<std::int64_t>(std::llround(minutes)) * 60);
}

std::string Duration::ToString() const {
  auto plural = [](std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  if (calendar_) return plural(value_, "calendar day", "calendar days");
  if (value_ % kWorkingDaySeconds == 0) {
    return plural(value_ / kWorkingDaySeconds, "working day", "working days");
  }
  std::string out = plural(value_ / 3600, "working hour", "working hours");
  if (value_ % 3600 != 0) out += " " + plural(value_ % 3600 / 60, "minute", "minutes");
  return out;
}

Result<DurationUnit> ParseDurationUnit(std::string_view text) {
  std::string t(text);
  std::replace(t.begin(), t.end(), '_', '-');
  if (t == "working-days") return DurationUnit::kWorkingDays;
  if (t == "working-hours") return DurationUnit::kWorkingHours;
  if (t == "working-minutes") return DurationUnit::kWorkingMinutes;
  if (t == "calendar-days") return DurationUnit::kCalendarDays;
  return Error::InvalidField("unit", "unknown duration unit '" + std::string(text) +
                                         "' (working-days, working-hours, working-minutes, "
                                         "calendar-days)");
}

Result<ReceptionCutoff> ParseReceptionCutoff(std::string_view text) {
  if (text == "none") return ReceptionCutoff::None();
  if (text == "last-hour") return ReceptionCutoff::LastOfficeHour();
  if (text == "17:00") return ReceptionCutoff::Decree297();
  auto at = ParseTimeOfDay(text);
  if (!at.ok() || *at >= kSecondsPerDay) {
    return Error::InvalidField("cutoff", "expected HH:MM, 'last-hour' or 'none'");
  }
  return ReceptionCutoff::At(*at);
}

std::string_view ExclusionTypeName(ExclusionType type) {
  switch (type) {
    case ExclusionType::kSupplement: return "supplement";
    case ExclusionType::kFinancialObligation: return "financial-obligation";
    case ExclusionType::kExpertAssessment: return "expert-assessment";
    case ExclusionType::kPublicPosting: return "public-posting";
    case ExclusionType::kConsultation: return "consultation";
    case ExclusionType::kOther: return "other";
  }
  return "other";
}

Result<ExclusionType> ParseExclusionType(std::string_view text) {
  for (ExclusionType t : {ExclusionType::kSupplement, ExclusionType::kFinancialObligation,
                          ExclusionType::kExpertAssessment, ExclusionType::kPublicPosting,
                          ExclusionType::kConsultation, ExclusionType::kOther}) {
    if (ExclusionTypeName(t) == text) return t;
  }
  return Error::InvalidField("type", "unknown exclusion type '" + std::string(text) + "'");
}

Result<Instant> CountingStart(Instant received, const Calendar& calendar, ReceptionCutoff cutoff) {
  if (!calendar.Covers(received)) return OutsideSpan();
  const DayNumber day = LocalDayOf(received);
  const int sec = LocalSecondsOfDay(received);
  const std::span<const Session> today =
      day <= calendar.last_day() ? calendar.SessionsOn(day) : std::span<const Session>();
  const bool working_day = !today.empty();
  switch (cutoff.kind) {
    case ReceptionCutoff::Kind::kNone: break;
    case ReceptionCutoff::Kind::kAt:
      if (cutoff.next_day_from >= 0 && (!working_day || sec > cutoff.at)) {
        MOTCUA_ASSIGN_OR_RETURN(const Instant next, calendar.StartOfNextWorkingDay(received));
        return calendar.NextWorkingInstant(InstantOf(LocalDayOf(next), cutoff.next_day_from));
      }
      if (working_day && sec > cutoff.at) return calendar.StartOfNextWorkingDay(received);
      break;
    case ReceptionCutoff::Kind::kLastOfficeHour:
      if (working_day && sec >= today.back().end - 3600) {
        return calendar.StartOfNextWorkingDay(received);
      }
      break;
  }
  return calendar.NextWorkingInstant(received);
}

Result<Instant> Due(Instant received, Duration duration, const Calendar& calendar,
                    std::span<const Exclusion> exclusions, ReceptionCutoff cutoff) {
  MergedIntervals merged;
  MOTCUA_RETURN_IF_ERROR(merged.Init(exclusions));
  MOTCUA_ASSIGN_OR_RETURN(const Instant start, CountingStart(received, calendar, cutoff));
  // A zero duration is due when counting starts, whatever pauses follow.
  if (duration.calendar_days() == 0 && duration.working_seconds() == 0) return start;
  if (duration.is_calendar_days()) {
    return CalendarDaysDue(start, duration.calendar_days(), calendar, merged);
  }
  std::int64_t remaining = duration.working_seconds();
  if (remaining == 0) return start;
  Instant cur = start;
  for (const auto& ex : merged.intervals()) {
    if (ex.to <= cur) continue;
    if (ex.from > cur) {
      if (!calendar.Covers(ex.from)) break;
      const std::int64_t w = calendar.WorkingSecondsBetween(cur, ex.from);
      if (w >= remaining) return calendar.AdvanceWorking(cur, remaining);
      remaining -= w;
    }
    if (!calendar.Covers(ex.to)) return OutsideSpan();
    cur = ex.to;
  }
  return calendar.AdvanceWorking(cur, remaining);
}

Result<std::int64_t> WorkingTimeBetween(Instant a, Instant b, const Calendar& calendar,
                                        std::span<const Exclusion> exclusions) {
  MergedIntervals merged;
  MOTCUA_RETURN_IF_ERROR(merged.Init(exclusions));
  if (b <= a) return std::int64_t{0};
  if (!calendar.Covers(a) || !calendar.Covers(b)) return OutsideSpan();
  std::int64_t total = calendar.WorkingSecondsBetween(a, b);
  for (const auto& ex : merged.intervals()) {
    total -= calendar.WorkingSecondsBetween(std::max(a, ex.from), std::min(b, ex.to));
  }
  return total;
}

Result<std::vector<Exclusion>> MergeExclusions(std::span<const Exclusion> exclusions) {
  std::vector<Exclusion> sorted;
  for (const Exclusion& e : exclusions) {
    if (e.to < e.from) {
      return Error::InvalidField("exclusions", "an excluded interval ends before it starts");
    }
    if (e.to > e.from) sorted.push_back(e);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Exclusion& x, const Exclusion& y) { return x.from < y.from; });
  std::vector<Exclusion> out;
  for (Exclusion& e : sorted) {
    if (!out.empty() && e.from <= out.back().to) {
      out.back().to = std::max(out.back().to, e.to);
    } else {
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace motcua::calendar
