#include "calendar/trace.h"

#include <algorithm>

namespace motcua::calendar {
namespace {

class TraceBuilder {
 public:
  explicit TraceBuilder(std::vector<TraceSegment>* out) : out_(out) {}

  // Appends [from, to), merging with the previous segment when the reason and detail match.
  void Add(Instant from, Instant to, TraceReason reason, std::string detail = {}) {
    if (from >= to) return;
    if (!out_->empty() && out_->back().to == from && out_->back().reason == reason &&
        out_->back().detail == detail) {
      out_->back().to = to;
      return;
    }
    out_->push_back({from, to, reason, std::move(detail)});
  }

 private:
  std::vector<TraceSegment>* out_;
};

std::string ExclusionDetail(const Exclusion& e) {
  std::string d(ExclusionTypeName(e.type));
  if (!e.note.empty()) d += ": " + e.note;
  return d;
}

// Splits the session piece [a, b) by the exclusions (sorted by start): excluded stretches are
// labelled with the first exclusion covering them.
void AddSessionPiece(TraceBuilder& b, Instant from, Instant to, std::span<const Exclusion> sorted) {
  Instant cur = from;
  while (cur < to) {
    const Exclusion* covering = nullptr;
    Instant next_start = to;
    for (const Exclusion& e : sorted) {
      if (e.from <= cur && cur < e.to) {
        covering = &e;
        break;
      }
      if (e.from > cur) next_start = std::min(next_start, e.from);
    }
    if (covering != nullptr) {
      const Instant end = std::min(to, covering->to);
      b.Add(cur, end, TraceReason::kExclusion, ExclusionDetail(*covering));
      cur = end;
    } else {
      b.Add(cur, next_start, TraceReason::kCounted);
      cur = next_start;
    }
  }
}

TraceReason ReasonOf(DayKind kind) {
  switch (kind) {
    case DayKind::kHoliday: return TraceReason::kHoliday;
    case DayKind::kClosed: return TraceReason::kClosure;
    default: return TraceReason::kWeeklyRest;
  }
}

// Walks [from, to) day by day.
void AddWorkingStretch(TraceBuilder& b, const Calendar& calendar, Instant from, Instant to,
                       std::span<const Exclusion> sorted) {
  for (DayNumber day = LocalDayOf(from); from < to; ++day) {
    const Instant day_end = std::min(to, InstantOf(day + 1, 0));
    const DayInfo info = calendar.Describe(day);
    if (info.sessions.empty()) {
      b.Add(from, day_end, ReasonOf(info.kind), std::string(info.name));
      from = day_end;
      continue;
    }
    for (const Session& s : info.sessions) {
      const Instant a = std::max(from, InstantOf(day, s.start));
      const Instant e = std::min(day_end, InstantOf(day, s.end));
      if (a >= e) continue;
      const bool closed_gap = !info.closure.empty();
      b.Add(from, a, closed_gap ? TraceReason::kClosure : TraceReason::kOutsideSession,
            closed_gap ? std::string(info.closure) : std::string());
      AddSessionPiece(b, a, e, sorted);
      from = e;
    }
    b.Add(from, day_end, TraceReason::kOutsideSession);
    from = day_end;
  }
}

}  // namespace

Result<DueTrace> TraceDue(Instant received, Duration duration, const Calendar& calendar,
                          std::span<const Exclusion> exclusions, ReceptionCutoff cutoff) {
  DueTrace trace;
  trace.received = received;
  MOTCUA_ASSIGN_OR_RETURN(trace.due, Due(received, duration, calendar, exclusions, cutoff));
  MOTCUA_ASSIGN_OR_RETURN(trace.counting_start, CountingStart(received, calendar, cutoff));
  std::vector<Exclusion> sorted(exclusions.begin(), exclusions.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Exclusion& a, const Exclusion& b) { return a.from < b.from; });
  TraceBuilder b(&trace.segments);
  const Instant start = std::min(trace.counting_start, trace.due);
  b.Add(received, start, TraceReason::kBeforeCountingStart,
        calendar.IsWorkingInstant(received) ? "cutoff" : "outside-working-time");
  if (!duration.is_calendar_days()) {
    AddWorkingStretch(b, calendar, start, trace.due, sorted);
    return trace;
  }
  // Calendar days: every second counts except excluded ones; then the move to working time.
  Instant end = start + duration.calendar_days() * kSecondsPerDay;
  MOTCUA_ASSIGN_OR_RETURN(const std::vector<Exclusion> merged, MergeExclusions(exclusions));
  for (const Exclusion& e : merged) {
    if (e.to <= start) continue;
    if (e.from >= end) break;
    end += e.to - std::max(e.from, start);
  }
  end = std::min(end, trace.due);
  AddSessionPiece(b, start, end, sorted);
  b.Add(end, trace.due, TraceReason::kMovedToWorkingTime);
  return trace;
}

std::string DescribeReason(const TraceSegment& s, Language language) {
  const bool vi = language == Language::kVietnamese;
  std::string what;
  switch (s.reason) {
    case TraceReason::kCounted: return vi ? "tính" : "counted";
    case TraceReason::kBeforeCountingStart:
      what = s.detail == "cutoff"
                 ? (vi ? "nhận sau giờ chốt tiếp nhận" : "received after the reception cut-off")
                 : (vi ? "nhận ngoài giờ làm việc" : "received outside working time");
      break;
    case TraceReason::kOutsideSession: what = vi ? "ngoài giờ làm việc" : "outside session"; break;
    case TraceReason::kWeeklyRest: what = vi ? "nghỉ hằng tuần" : "weekly rest"; break;
    case TraceReason::kHoliday:
      what = (vi ? "nghỉ lễ, Tết (" : "holiday (") + s.detail + ")";
      break;
    case TraceReason::kClosure: what = (vi ? "tạm nghỉ (" : "closure (") + s.detail + ")"; break;
    case TraceReason::kExclusion:
      what = (vi ? "thời gian không tính (" : "excluded (") + s.detail + ")";
      break;
    case TraceReason::kMovedToWorkingTime:
      what = vi ? "hạn rơi vào ngày nghỉ, chuyển sang giờ làm việc kế tiếp"
                : "deadline fell outside working time, moved to the next working instant";
      break;
  }
  return (vi ? "không tính: " : "not counted: ") + what;
}

std::string FormatTrace(const DueTrace& trace, Language language) {
  std::string out;
  for (const TraceSegment& s : trace.segments) {
    out +=
        FormatLocal(s.from) + " – " + FormatLocal(s.to) + "  " + DescribeReason(s, language) + "\n";
  }
  out +=
      (language == Language::kVietnamese ? "Hẹn trả: " : "Due: ") + FormatLocal(trace.due) + "\n";
  return out;
}

}  // namespace motcua::calendar
