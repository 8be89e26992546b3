#include "storage/sql/calendar_codec.h"

#include <array>

#include "calendar/civil_time.h"

namespace motcua::storage::sql {
namespace {

using calendar::HolidayKind;
using calendar::Session;

constexpr std::array<std::string_view, 7> kDayNames = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};
constexpr std::array<std::pair<HolidayKind, std::string_view>, 4> kKinds = {{
    {HolidayKind::kStatutory, "statutory"},
    {HolidayKind::kCompensatory, "compensatory"},
    {HolidayKind::kSwapped, "swapped"},
    {HolidayKind::kLocal, "local"},
}};

Error Corrupt(std::string_view what, std::string_view text) {
  return Error::Internal("stored calendar " + std::string(what) + " is corrupt: \"" +
                         std::string(text.substr(0, 80)) + "\"");
}

std::string Minutes(int seconds) {
  const int h = seconds / 3600, m = seconds / 60 % 60;
  return std::string{char('0' + h / 10), char('0' + h % 10), ':', char('0' + m / 10),
                     char('0' + m % 10)};
}

std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t end = text.find(sep, begin);
    out.push_back(text.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) return out;
    begin = end + 1;
  }
}

}  // namespace

std::string EncodeSessions(const std::vector<Session>& sessions) {
  std::string out;
  for (const Session& s : sessions) {
    if (!out.empty()) out += ',';
    out += Minutes(s.start) + "-" + Minutes(s.end);
  }
  return out;
}

Result<std::vector<Session>> DecodeSessions(std::string_view text) {
  std::vector<Session> out;
  if (text.empty()) return out;
  for (std::string_view part : Split(text, ',')) {
    const std::size_t dash = part.find('-');
    if (dash == std::string_view::npos) return Corrupt("session", part);
    auto start = calendar::ParseTimeOfDay(part.substr(0, dash));
    auto end = calendar::ParseTimeOfDay(part.substr(dash + 1));
    if (!start || !end) return Corrupt("session", part);
    out.push_back({*start, *end});
  }
  return out;
}

std::string EncodeWeekly(const calendar::WeeklySchedule& weekly) {
  std::string out;
  for (std::size_t d = 0; d < 7; ++d) {
    if (weekly.days[d].empty()) continue;
    if (!out.empty()) out += ';';
    out += std::string(kDayNames[d]) + " " + EncodeSessions(weekly.days[d]);
  }
  return out;
}

Result<calendar::WeeklySchedule> DecodeWeekly(std::string_view text) {
  calendar::WeeklySchedule weekly;
  if (text.empty()) return weekly;
  for (std::string_view day : Split(text, ';')) {
    const std::size_t space = day.find(' ');
    std::size_t index = kDayNames.size();
    for (std::size_t d = 0; d < kDayNames.size(); ++d) {
      if (day.substr(0, space) == kDayNames[d]) index = d;
    }
    if (space == std::string_view::npos || index == kDayNames.size()) {
      return Corrupt("weekly schedule", text);
    }
    MOTCUA_ASSIGN_OR_RETURN(weekly.days[index], DecodeSessions(day.substr(space + 1)));
  }
  return weekly;
}

std::string_view EncodeFallback(calendar::YearFallback fallback) {
  switch (fallback) {
    case calendar::YearFallback::kOfficialThenGenerated: return "official-then-generated";
    case calendar::YearFallback::kGenerated: return "generated";
    case calendar::YearFallback::kNone: return "none";
  }
  return "none";
}

Result<calendar::YearFallback> DecodeFallback(std::string_view text) {
  for (auto f : {calendar::YearFallback::kOfficialThenGenerated, calendar::YearFallback::kGenerated,
                 calendar::YearFallback::kNone}) {
    if (text == EncodeFallback(f)) return f;
  }
  return Corrupt("fallback", text);
}

std::string EncodeYearDays(const calendar::YearSchedule& schedule) {
  std::string out;
  for (const calendar::Holiday& h : schedule.holidays) {
    std::string_view kind = "statutory";
    for (const auto& [k, name] : kKinds) {
      if (k == h.kind) kind = name;
    }
    out += "holiday\t" + calendar::FormatDate(h.date) + "\t" + std::string(kind) + "\t" + h.name +
           "\n";
  }
  for (const calendar::MakeUpDay& m : schedule.make_up_days) {
    out += "make-up\t" + calendar::FormatDate(m.date) + "\t" + EncodeSessions(m.sessions) + "\t" +
           m.note + "\n";
  }
  return out;
}

Status DecodeYearDays(std::string_view text, calendar::YearSchedule& schedule) {
  for (std::string_view line : Split(text, '\n')) {
    if (line.empty()) continue;
    const std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() != 4) return Corrupt("year", line);
    auto date = calendar::ParseDate(f[1]);
    if (!date) return Corrupt("year", line);
    if (f[0] == "holiday") {
      calendar::Holiday h{*date, std::string(f[3]), HolidayKind::kStatutory};
      bool known = false;
      for (const auto& [k, name] : kKinds) {
        if (name == f[2]) h.kind = k, known = true;
      }
      if (!known) return Corrupt("year", line);
      schedule.holidays.push_back(std::move(h));
    } else if (f[0] == "make-up") {
      MOTCUA_ASSIGN_OR_RETURN(auto sessions, DecodeSessions(f[2]));
      schedule.make_up_days.push_back({*date, std::string(f[3]), std::move(sessions)});
    } else {
      return Corrupt("year", line);
    }
  }
  return Ok();
}

}  // namespace motcua::storage::sql
