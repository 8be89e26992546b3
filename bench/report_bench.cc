// Reports at scale (issue 7): a province's data set generated through the state machine
// (app::GenerateDemo), then the monthly report, the 6-month report, the Decision 766 index of the
// year and the public figures of a month, timed on SQLite and on a private PostgreSQL.
// Targets: each report under 2 s at 3 million dossiers a year, the public figures under 100 ms.
//
//   report_bench [--dossiers N] [--years Y] [--backends sqlite,postgres] [--runs R]
//                [--sqlite PATH] [--postgres DSN]
//
// By default each back end starts empty (a temporary SQLite file, a private PostgreSQL server)
// and is thrown away after. `--sqlite PATH` and `--postgres DSN` (an existing, empty or earlier
// database) keep the data set: a database that already holds the demo province is measured as
// it is, without generating anything, so a data set of millions is generated once.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "app/demo_generator.h"
#include "app/identity_service.h"
#include "app/report_service.h"
#include "app/seed.h"
#include "main/catalog_items.h"
#include "main/wiring.h"
#include "storage/postgres/testing/pg_test_server.h"

namespace motcua {
namespace {

struct Options {
  std::int64_t dossiers = 100'000;
  int years = 1;
  int runs = 5;
  std::vector<std::string> backends = {"sqlite", "postgres"};
  std::string sqlite_path;   // empty: a temporary file
  std::string postgres_dsn;  // empty: a private server
};

// The fastest and the median of `runs` timings of `work`, in milliseconds.
template <typename F>
std::pair<double, double> Time(int runs, F work) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t = std::chrono::steady_clock::now();
    if (!work()) return {-1, -1};
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms.front(), ms[ms.size() / 2]};
}

int Run(const Options& o, const std::string& backend, const std::string& dsn) {
  FakeClock clock(*calendar::ParseLocalDateTime("2026-11-01 00:00"));
  main::StoreConfig config;
  config.dsn = dsn;
  auto store = main::OpenStore(config, clock);
  if (!store.ok() || !(*store)->Migrate().ok()) {
    std::printf("%s: cannot open %s\n", backend.c_str(), dsn.c_str());
    return 1;
  }
  app::PasswordHasher hasher(app::PasswordCost::Minimum(), 2, 5000);
  app::IdentityService identity(**store, clock, hasher);
  app::CalendarService calendars(**store, clock);
  app::CatalogService catalog(**store, clock, calendars);
  auto seeded = app::SeedDemoProvince(identity, &calendars);
  auto items = main::DemoCatalogItems();
  if (!seeded.ok() || !items.ok() || !app::SeedDemoCatalog(catalog, std::move(*items)).ok()) {
    std::printf("%s: cannot seed the demo province and catalog\n", backend.c_str());
    return 1;
  }
  if (seeded->empty()) {
    // The province was there already: the data set of an earlier run, measured as it is.
    std::printf("%s: the data set already in %s\n", backend.c_str(), dsn.c_str());
  } else {
    app::DemoOptions d;
    d.dossiers = o.dossiers;
    d.years = o.years;
    d.end = clock.Now();
    d.batch = 2000;
    const auto t = std::chrono::steady_clock::now();
    auto made = app::GenerateDemo(**store, calendars, d, [&](std::int64_t done, std::int64_t all) {
      if (done % 100'000 < d.batch) {
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
        std::fprintf(stderr, "%s: %lld of %lld dossiers, %.0f s\n", backend.c_str(),
                     static_cast<long long>(done), static_cast<long long>(all), s);
      }
    });
    if (!made.ok()) {
      std::printf("%s: %s\n", backend.c_str(), ToString(made.error()).c_str());
      return 1;
    }
    const double gen_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    std::printf("%s: %lld dossiers, %lld events generated in %.1f s (%.0f dossiers/s)\n",
                backend.c_str(), static_cast<long long>(made->dossiers),
                static_cast<long long>(made->events), gen_s, made->dossiers / gen_s);
  }

  app::ReportService reports(**store, clock);
  const app::Actor system = app::Actor::System();
  const reports::Period month = *reports::ParsePeriod("2026-10");
  const reports::Period half = *reports::ParsePeriod("2026-05-01..2026-10-31");
  const reports::Period year = *reports::ParsePeriod("2025-11-01..2026-10-31");
  std::int64_t total = 0;
  const auto report = [&](const char* name, const reports::Period& p, app::ReportGroup g) {
    const auto [best, median] = Time(o.runs, [&] {
      auto r = reports.Statistics(system, {"H99", true, p, g});
      if (r.ok()) total = r->total.Total();
      return r.ok();
    });
    std::printf("  %-34s best %8.1f ms  median %8.1f ms  (%lld dossiers in the period)\n", name,
                best, median, static_cast<long long>(total));
  };
  report("month, whole province", month, app::ReportGroup::kNone);
  report("month, by unit", month, app::ReportGroup::kUnit);
  report("month, by procedure", month, app::ReportGroup::kProcedure);
  report("month, by field", month, app::ReportGroup::kField);
  report("month, by officer (facts rows)", month, app::ReportGroup::kOfficer);
  report("6 months, by unit", half, app::ReportGroup::kUnit);
  report("year, whole province", year, app::ReportGroup::kNone);
  report("year, by procedure", year, app::ReportGroup::kProcedure);
  // A period that has not ended: "in progress overdue" is judged now, from the open rows.
  report("this month so far, by unit", *reports::ParsePeriod("2026-11"), app::ReportGroup::kUnit);
  const auto [ib, im] = Time(o.runs, [&] { return reports.Index766(system, "H99", year).ok(); });
  std::printf("  %-34s best %8.1f ms  median %8.1f ms\n", "766 index of the year, per unit", ib,
              im);
  // The public figures are computed at most once a minute and then served from memory: time the
  // computation (a fresh service each run, its cache empty) and the cached answer.
  const auto [cb, cm] = Time(o.runs, [&] {
    app::ReportService cold(**store, clock);
    return cold.Public("H99", month).ok();
  });
  std::printf("  %-34s best %8.1f ms  median %8.1f ms\n", "public figures, computed", cb, cm);
  const auto [pb, pm] = Time(o.runs, [&] { return reports.Public("H99", month).ok(); });
  std::printf("  %-34s best %8.1f ms  median %8.1f ms\n", "public figures, cached", pb, pm);
  // The per-step figures (migration 11): the stored visits of the period and the open dossiers.
  const auto steps = [&](const char* name, const reports::Period& p, app::StepGroup g) {
    std::int64_t passed = 0;
    const auto [best, median] = Time(o.runs, [&] {
      auto r = reports.Steps(system, {"H99", true, p, g});
      if (r.ok()) passed = r->total.passed;
      return r.ok();
    });
    std::printf("  %-34s best %8.1f ms  median %8.1f ms  (%lld visits left in the period)\n", name,
                best, median, static_cast<long long>(passed));
  };
  steps("steps of a month, by step", month, app::StepGroup::kStep);
  steps("steps of a month, by officer", month, app::StepGroup::kOfficer);
  steps("steps of 6 months, by unit", half, app::StepGroup::kUnit);
  steps("steps of the year, by step", year, app::StepGroup::kStep);
  steps("steps of the year, by officer", year, app::StepGroup::kOfficer);
  steps("steps of last year (a past instant)", *reports::ParsePeriod("2025-11"),
        app::StepGroup::kStep);
  return 0;
}

}  // namespace
}  // namespace motcua

int main(int argc, char** argv) {
  using namespace motcua;
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const std::string v = argv[i + 1];
    if (k == "--dossiers")
      o.dossiers = std::stoll(v);
    else if (k == "--years")
      o.years = std::stoi(v);
    else if (k == "--runs")
      o.runs = std::stoi(v);
    else if (k == "--sqlite")
      o.sqlite_path = v;
    else if (k == "--postgres")
      o.postgres_dsn = v;
    else if (k == "--backends") {
      o.backends.clear();
      for (std::size_t a = 0, b; a <= v.size(); a = b + 1) {
        b = v.find(',', a);
        if (b == std::string::npos) b = v.size();
        o.backends.push_back(v.substr(a, b - a));
      }
    }
  }
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("motcua-reports-" + std::to_string(getpid())))
          .string();
  std::filesystem::create_directories(dir);
  int failures = 0;
  std::unique_ptr<storage::postgres::testing::PgTestServer> pg;
  for (const std::string& backend : o.backends) {
    if (backend == "sqlite") {
      failures += Run(o, backend,
                      "sqlite:" + (o.sqlite_path.empty() ? dir + "/reports.db" : o.sqlite_path));
    } else if (backend == "postgres" && !o.postgres_dsn.empty()) {
      failures += Run(o, backend, o.postgres_dsn);
    } else if (backend == "postgres") {
      auto started = storage::postgres::testing::PgTestServer::Start();
      if (!started.ok()) {
        std::printf("postgres: no test server: %s\n", ToString(started.error()).c_str());
        ++failures;
        continue;
      }
      pg = std::move(*started);
      auto created = pg->CreateDatabase("reports");
      if (!created.ok()) {
        ++failures;
        continue;
      }
      failures += Run(o, backend, *created);
    }
  }
  std::filesystem::remove_all(dir);
  return failures == 0 ? 0 : 1;
}
