// `motcua calendar due|holidays`: the legal clock from the command line. Without --unit (and
// without --dsn) the national calendar is built in memory and no database is needed; with them
// the unit's stored calendar answers, as the API would.
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "app/calendar_service.h"
#include "calendar/calendar.h"
#include "calendar/due.h"
#include "calendar/format.h"
#include "calendar/holidays.h"
#include "calendar/trace.h"
#include "main/args.h"
#include "main/commands.h"
#include "main/wiring.h"

namespace motcua::main {
namespace {

int Fail(const Error& e) {
  std::fprintf(stderr, "motcua calendar: %s\n", ToString(e).c_str());
  return e.code == ErrorCode::kInvalidArgument ? 2 : 1;
}

// The national calendar (official schedules, else the statutory generator) over the years around
// `year`, with Saturday mornings worked when asked.
Result<calendar::Calendar> NationalCalendar(int first_year, int last_year, bool saturday_morning) {
  calendar::CalendarSpec spec;
  spec.id = "national";
  spec.name = "Lịch làm việc chung";
  spec.weekly = calendar::WeeklySchedule::Default(saturday_morning);
  calendar::CalendarOptions options;
  options.first_year = first_year;
  options.last_year = last_year;
  return calendar::Calendar::Build(spec, options);
}

bool UsesDatabase(const Args& args) { return args.Get("unit") || args.Get("dsn"); }

// The store named by --dsn (default $MOTCUA_DSN, else the embedded SQLite database). The schema
// must be current (`motcua migrate`).
Result<std::unique_ptr<app::Store>> OpenDatabase(const Args& args, const Clock& clock) {
  const char* env = std::getenv("MOTCUA_DSN");
  StoreConfig config;
  config.dsn = args.Get("dsn", env && *env ? env : "sqlite:./var/motcua.db");
  return OpenStore(config, clock);
}

// "Lịch: <name> (national, phiên bản 3)".
void PrintCalendar(const app::StoredCalendar& c) {
  std::printf("Lịch: %s (%s, phiên bản %lld)\n", c.name.c_str(), c.code.c_str(),
              static_cast<long long>(c.version));
}

int Due(const Args& args) {
  auto start_text = args.Get("start");
  if (!start_text)
    return Fail(Error::InvalidField("--start", "is required (\"YYYY-MM-DD HH:MM\")"));
  auto start = calendar::ParseLocalDateTime(*start_text);
  if (!start) return Fail(Error::InvalidField("--start", start.error().message));
  std::optional<calendar::Duration> duration;
  int given = 0;
  for (auto [flag, unit] : {std::pair{"working-days", calendar::DurationUnit::kWorkingDays},
                            std::pair{"working-hours", calendar::DurationUnit::kWorkingHours},
                            std::pair{"calendar-days", calendar::DurationUnit::kCalendarDays}}) {
    auto v = args.Get(flag);
    if (!v) continue;
    ++given;
    char* end = nullptr;
    const double amount = std::strtod(v->c_str(), &end);
    if (end == v->c_str() || *end != '\0') {
      return Fail(Error::InvalidField(std::string("--") + flag, "must be a number"));
    }
    auto d = calendar::Duration::Of(amount, unit);
    if (!d) return Fail(Error::InvalidField(std::string("--") + flag, d.error().message));
    duration = *d;
  }
  if (given != 1) {
    return Fail(Error::InvalidArgument(
        "give exactly one of --working-days, --working-hours, --calendar-days"));
  }
  auto cutoff = calendar::ParseReceptionCutoff(args.Get("cutoff", "15:00"));
  if (!cutoff) return Fail(Error::InvalidField("--cutoff", cutoff.error().message));
  std::vector<calendar::Exclusion> pauses;
  for (const std::string& p : args.All("pause")) {
    const auto dots = p.find("..");
    if (dots == std::string::npos) return Fail(Error::InvalidField("--pause", "must be FROM..TO"));
    auto from = calendar::ParseLocalDateTime(p.substr(0, dots));
    auto to = calendar::ParseLocalDateTime(p.substr(dots + 2));
    if (!from || !to) return Fail(Error::InvalidField("--pause", "dates are \"YYYY-MM-DD HH:MM\""));
    pauses.push_back({calendar::ExclusionType::kOther, *from, *to, ""});
  }
  if (UsesDatabase(args)) {
    if (args.Flag("saturday-morning")) {
      return Fail(Error::InvalidField("--saturday-morning",
                                      "applies only to the built-in national calendar; stored "
                                      "calendars have their own weekly sessions"));
    }
    SystemClock clock;
    auto store = OpenDatabase(args, clock);
    if (!store) return Fail(store.error());
    app::CalendarService service(**store, clock);
    app::DueQuery query;
    query.unit_code = args.Get("unit");
    query.received = *start;
    query.duration = *duration;
    query.cutoff = *cutoff;
    query.pauses = pauses;
    auto answer = service.Due(query);
    if (!answer) return Fail(answer.error());
    PrintCalendar(answer->calendar);
    std::printf("%s",
                calendar::FormatTrace(answer->trace, calendar::Language::kVietnamese).c_str());
    return 0;
  }
  const int year = calendar::ToLocal(*start).date.year;
  auto cal = NationalCalendar(year - 1, year + 5, args.Flag("saturday-morning"));
  if (!cal) return Fail(cal.error());
  auto trace = calendar::TraceDue(*start, *duration, *cal, pauses, *cutoff);
  if (!trace) return Fail(trace.error());
  std::printf("%s", calendar::FormatTrace(*trace, calendar::Language::kVietnamese).c_str());
  return 0;
}

int Holidays(const Args& args) {
  if (args.positional().size() != 2) return Fail(Error::InvalidArgument("usage: holidays YEAR"));
  const std::string& text = args.positional()[1];
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size() || year < 1901 || year > 2199) {
    return Fail(Error::InvalidField("YEAR", "must be a year from 1901 to 2199"));
  }
  std::optional<calendar::Calendar> cal;
  std::optional<app::YearView> stored;
  const calendar::YearSchedule* schedule = nullptr;
  if (UsesDatabase(args)) {
    SystemClock clock;
    auto store = OpenDatabase(args, clock);
    if (!store) return Fail(store.error());
    app::CalendarService service(**store, clock);
    auto resolved = service.ForUnit(args.Get("unit"));
    if (!resolved) return Fail(resolved.error());
    auto view = service.Holidays(resolved->first.id, year);
    if (!view) return Fail(view.error());
    PrintCalendar(resolved->first);
    stored = std::move(*view);
    schedule = &stored->schedule;
    std::printf("Năm %d (%s) — nguồn: %s\n", year,
                std::string(app::YearOriginName(stored->origin)).c_str(), schedule->source.c_str());
  } else {
    auto built = NationalCalendar(year, year, false);
    if (!built) return Fail(built.error());
    cal = std::move(*built);
    schedule = cal->ScheduleOf(year);
    if (!schedule) return Fail(Error::NotFound("no schedule for " + std::to_string(year)));
    std::printf("Năm %d — nguồn: %s\n", year, schedule->source.c_str());
  }
  for (const auto& h : schedule->holidays) {
    std::printf("  %s  nghỉ   %s\n", calendar::FormatDate(h.date).c_str(), h.name.c_str());
  }
  for (const auto& m : schedule->make_up_days) {
    std::printf("  %s  làm bù %s\n", calendar::FormatDate(m.date).c_str(), m.note.c_str());
  }
  return 0;
}

}  // namespace

int Calendar(const Argv& argv) {
  auto args = Args::Parse(
      argv,
      {"start", "working-days", "working-hours", "calendar-days", "cutoff", "pause", "unit", "dsn"},
      {"saturday-morning"});
  if (!args) return Fail(args.error());
  const auto& words = args->positional();
  if (!words.empty() && words[0] == "due") return Due(*args);
  if (!words.empty() && words[0] == "holidays") return Holidays(*args);
  return Fail(Error::InvalidArgument("usage: motcua calendar due ... | holidays YEAR"));
}

}  // namespace motcua::main
