// motcua reports rebuild, motcua demo generate.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "app/calendar_service.h"
#include "app/demo_generator.h"
#include "app/report_service.h"
#include "calendar/civil_time.h"
#include "main/args.h"
#include "main/commands.h"
#include "main/wiring.h"

namespace motcua::main {
namespace {

int Fail(const Error& e) {
  std::fprintf(stderr, "motcua: %s\n", ToString(e).c_str());
  return e.code == ErrorCode::kInvalidArgument ? 2 : 1;
}

Result<std::unique_ptr<app::Store>> OpenMigrated(const Args& args, const Clock& clock) {
  StoreConfig config;
  const char* env = std::getenv("MOTCUA_DSN");
  config.dsn = args.Get("dsn", env && *env ? env : "sqlite:./var/motcua.db");
  MOTCUA_ASSIGN_OR_RETURN(auto store, OpenStore(config, clock));
  MOTCUA_RETURN_IF_ERROR(store->Migrate());
  return store;
}

}  // namespace

// motcua reports show: the statistics and the 766 index of a unit with its sub-units, with the
// time each took (an operator's check of the figures and their speed).
int Show(const Argv& argv) {
  auto args = Args::Parse(argv, {"dsn", "unit", "period", "group-by"});
  if (!args) return Fail(args.error());
  auto unit = args->Get("unit");
  if (!unit) return Fail(Error::InvalidField("--unit", "is required"));
  auto period = reports::ParsePeriod(args->Get("period", ""));
  if (!period) return Fail(Error::InvalidField("--period", period.error().message));
  auto group = app::ParseReportGroup(args->Get("group-by", "none"));
  if (!group)
    return Fail(
        Error::InvalidField("--group-by", "none, unit, procedure, field, channel or officer"));
  SystemClock clock;
  auto store = OpenMigrated(*args, clock);
  if (!store) return Fail(store.error());
  app::ReportService service(**store, clock);
  const auto ms = [](std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
        .count();
  };
  auto t = std::chrono::steady_clock::now();
  auto stats = service.Statistics(app::Actor::System(), {*unit, true, *period, *group});
  if (!stats) return Fail(stats.error());
  const double stats_ms = ms(t);
  t = std::chrono::steady_clock::now();
  auto index = service.Index766(app::Actor::System(), *unit, *period);
  if (!index) return Fail(index.error());
  const double index_ms = ms(t);
  t = std::chrono::steady_clock::now();
  auto figures = service.Public(*unit, *period);
  if (!figures) return Fail(figures.error());
  const double public_ms = ms(t);
  const reports::Statistics& s = stats->total;
  std::printf(
      "%s %s: total %lld (received %lld, carried over %lld); resolved %lld (early %lld, "
      "on time %lld, late %lld, untimed %lld); in progress %lld (overdue %lld); "
      "withdrawn %lld, stopped %lld, refused %lld, supplement %lld, apologies %lld\n",
      unit->c_str(), period->label.c_str(), static_cast<long long>(s.Total()),
      static_cast<long long>(s.received), static_cast<long long>(s.carried_over),
      static_cast<long long>(s.Resolved()), static_cast<long long>(s.resolved_early),
      static_cast<long long>(s.resolved_on_time), static_cast<long long>(s.resolved_late),
      static_cast<long long>(s.resolved_untimed), static_cast<long long>(s.InProgress()),
      static_cast<long long>(s.in_progress_overdue), static_cast<long long>(s.withdrawn),
      static_cast<long long>(s.stopped), static_cast<long long>(s.refused),
      static_cast<long long>(s.supplement), static_cast<long long>(s.apologies));
  std::printf("%zu rows by %s\n", stats->rows.size(),
              std::string(app::ReportGroupName(*group)).c_str());
  std::printf("766 index: %.2f of %.0f measurable points (%zu units)\n", index->whole.index.score,
              index->whole.index.measurable_points, index->units.size());
  std::printf("time: statistics %.1f ms, 766 index %.1f ms, public figures %.1f ms\n", stats_ms,
              index_ms, public_ms);
  return 0;
}

int Reports(const Argv& argv) {
  if (!argv.empty() && argv[0] == "show") return Show(Argv(argv.begin() + 1, argv.end()));
  if (argv.empty() || argv[0] != "rebuild") {
    return Fail(Error::InvalidArgument(
        "usage: motcua reports rebuild [--check] [--dsn DSN] | motcua reports show --unit CODE "
        "--period P [--group-by G] [--dsn DSN]"));
  }
  auto args = Args::Parse(Argv(argv.begin() + 1, argv.end()), {"dsn"}, {"check"});
  if (!args) return Fail(args.error());
  SystemClock clock;
  auto store = OpenMigrated(*args, clock);
  if (!store) return Fail(store.error());
  app::ReportService reports(**store, clock);
  const bool check = args->Flag("check");
  auto summary = reports.RebuildFacts(app::Actor::System(), !check, [](std::int64_t n) {
    std::fprintf(stderr, "\r%lld dossiers", static_cast<long long>(n));
  });
  std::fprintf(stderr, "\n");
  if (!summary) return Fail(summary.error());
  std::printf(
      "%lld dossiers: %lld without a facts row, %lld with a row that differs from the "
      "events, %lld whose current-state row differs from its events%s\n",
      static_cast<long long>(summary->dossiers), static_cast<long long>(summary->missing),
      static_cast<long long>(summary->different), static_cast<long long>(summary->inconsistent),
      check ? "" : " (missing and differing rows rewritten)");
  for (std::int64_t id : summary->examples)
    std::printf("  dossier %lld\n", static_cast<long long>(id));
  std::printf(
      "step visits: %lld dossiers whose stored visits differ from the events%s; %lld rows of "
      "their rollup per day differ from the visits%s\n",
      static_cast<long long>(summary->visits_different),
      check || summary->visits_different == 0 ? "" : " (visits rewritten)",
      static_cast<long long>(summary->step_days_different),
      check || summary->step_days_different == 0 ? "" : " (rollup rebuilt)");
  std::printf("rollups: %lld rows folded from the facts rows, %lld stored differently%s\n",
              static_cast<long long>(summary->rollup_days),
              static_cast<long long>(summary->rollup_different),
              check || summary->rollup_different == 0 ? "" : " (rollups rebuilt)");
  for (const reports::DayKey& key : summary->rollup_examples) {
    const calendar::CivilDate day =
        calendar::FromDayNumber(static_cast<calendar::DayNumber>(key.day));
    std::printf("  unit %s, day %04d-%02d-%02d", key.unit.c_str(), day.year, day.month, day.day);
    if (!key.procedure.empty()) {
      std::printf(", procedure %s version %d, channel %d", key.procedure.c_str(), key.version,
                  key.channel);
    }
    std::printf("\n");
  }
  const bool clean = summary->missing == 0 && summary->different == 0 &&
                     summary->inconsistent == 0 && summary->rollup_different == 0 &&
                     summary->visits_different == 0 && summary->step_days_different == 0;
  return check && !clean ? 1 : 0;
}

int Demo(const Argv& argv) {
  if (argv.empty() || argv[0] != "generate") {
    return Fail(Error::InvalidArgument(
        "usage: motcua demo generate --dossiers N [--years Y | --days D] [--seed S] "
        "[--end YYYY-MM-DD] [--dsn DSN]"));
  }
  auto args = Args::Parse(Argv(argv.begin() + 1, argv.end()),
                          {"dsn", "dossiers", "years", "days", "seed", "end", "batch"});
  if (!args) return Fail(args.error());
  auto dossiers = args->Int("dossiers", 1000, 1, 50'000'000);
  if (!dossiers) return Fail(dossiers.error());
  auto years = args->Int("years", 1, 1, 10);
  if (!years) return Fail(years.error());
  auto days = args->Int("days", 0, 1, 3650);
  if (!days) return Fail(days.error());
  auto seed = args->Int("seed", 766, 0, 1'000'000'000);
  if (!seed) return Fail(seed.error());
  auto batch = args->Int("batch", 500, 1, 100'000);
  if (!batch) return Fail(batch.error());
  SystemClock clock;
  app::DemoOptions options;
  options.dossiers = *dossiers;
  options.years = *years;
  options.days = *days;
  options.seed = static_cast<std::uint32_t>(*seed);
  options.batch = *batch;
  options.end = clock.Now();
  if (auto end = args->Get("end")) {
    auto day = calendar::ParseDate(*end);
    if (!day) return Fail(Error::InvalidField("--end", "must be a date YYYY-MM-DD"));
    options.end = calendar::ToInstant(*day, 0);
  }
  auto store = OpenMigrated(*args, clock);
  if (!store) return Fail(store.error());
  app::CalendarService calendars(**store, clock);
  auto summary =
      app::GenerateDemo(**store, calendars, options, [](std::int64_t done, std::int64_t total) {
        std::fprintf(stderr, "\r%lld / %lld dossiers", static_cast<long long>(done),
                     static_cast<long long>(total));
      });
  std::fprintf(stderr, "\n");
  if (!summary) return Fail(summary.error());
  std::printf("%lld dossiers, %lld events written; %lld planned histories refused",
              static_cast<long long>(summary->dossiers), static_cast<long long>(summary->events),
              static_cast<long long>(summary->skipped));
  if (!summary->first_refusal.empty()) std::printf(" (first: %s)", summary->first_refusal.c_str());
  std::printf("\n");
  for (const auto& [state, n] : summary->by_state) {
    std::printf("  %-12s %lld\n", state.c_str(), static_cast<long long>(n));
  }
  return 0;
}

}  // namespace motcua::main
