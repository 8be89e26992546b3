// Reports at scale (issue 7): a province's data set generated through the state machine
// (app::GenerateDemo), then the monthly report, the 6-month report, the Decision 766 index of the
// year and the public figures of a month, timed on SQLite and on a private PostgreSQL.
// Targets: each report under 2 s at 3 million dossiers a year, the public figures under 100 ms.
//
// Then the pages at scale (issue 8: p99 under 20 ms), through HTTP against a server running in
// this process on the same store (`motcua serve`'s routes, 16 threads): officers' work queues
// ("mine" and the unit's open queue: the first page, and the 10th, or the last, through the
// cursor), the dossier page of a random stored dossier as an officer of its units reads it
// (GET /dossiers/{id} and its /clock, which the web's dossier page fetches together), and the
// public lookup by code and secret. One request at a time on one keep-alive connection;
// p50/p95/p99/max per page, and the process's resident memory after them (VmRSS, and VmHWM, the
// peak since the process started, generation included).
//
//   report_bench [--dossiers N] [--years Y | --days D] [--backends sqlite,postgres] [--runs R]
//                [--pages S] [--sqlite PATH] [--postgres DSN]
//
// --days D spreads the receptions over the D days before `now` instead of Y years: most dossiers
// are then still open. --pages S: S samples per page (default 2000; 0 skips the pages). The demo
// officers' passwords are set anew (the bench logs them in); the lookups need known secrets, so
// 200 dossiers of a procedure imported for it (bench/load_fixture.h) are received first: a kept
// data set grows by those each run, after its reports were timed.
//
// By default each back end starts empty (a temporary SQLite file, a private PostgreSQL server)
// and is thrown away after. `--sqlite PATH` and `--postgres DSN` (an existing, empty or earlier
// database) keep the data set: a database that already holds the demo province is measured as
// it is, without generating anything, so a data set of millions is generated once.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "app/audit_service.h"
#include "app/demo_generator.h"
#include "app/dossier_service.h"
#include "app/identity_service.h"
#include "app/report_service.h"
#include "app/secrets.h"
#include "app/seed.h"
#include "http/routes.h"
#include "load_fixture.h"
#include "main/catalog_items.h"
#include "main/wiring.h"
#include "raw_http.h"
#include "storage/postgres/testing/pg_test_server.h"

namespace motcua {
namespace {

struct Options {
  std::int64_t dossiers = 100'000;
  int years = 1;
  int days = 0;  // not 0: receptions over the days before now instead of the years
  int runs = 5;
  int pages = 2000;  // samples per page; 0: no pages
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

// --- the pages, through HTTP ------------------------------------------------------------------

// A line of /proc/self/status ("VmRSS", "VmHWM") in MiB; -1 when absent.
double StatusMiB(const std::string& name) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(name + ":", 0) == 0) return std::stod(line.substr(name.size() + 1)) / 1024;
  }
  return -1;
}

// p50/p95/p99/max of latencies in ms (nearest rank), with their count.
void PrintLatencies(const char* name, std::vector<double> ms) {
  if (ms.empty()) {
    std::printf("  %-52s no samples\n", name);
    return;
  }
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) {
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(ms.size())));
    return ms[std::min(ms.size(), std::max<std::size_t>(rank, 1)) - 1];
  };
  std::printf("  %-52s p50 %6.2f  p95 %6.2f  p99 %6.2f  max %7.2f ms  (%zu)\n", name, at(0.50),
              at(0.95), at(0.99), ms.back(), ms.size());
}

// A demo officer the pages are read as: their unit's code and their session's header lines.
struct Officer {
  std::string username, unit, headers;
};

// True when unit `code` is `unit` or below it (the demo's codes nest: H99.02.01 under H99.02).
bool Within(const std::string& code, const std::string& unit) {
  return code == unit || code.rfind(unit + ".", 0) == 0;
}

// The pages an officer and a citizen see, timed through a server on `store` in this process.
// Returns the number of failures.
int MeasurePages(const Options& o, app::Store& store, const Clock& clock,
                 app::IdentityService& identity, app::CalendarService& calendars,
                 app::CatalogService& catalog, app::ReportService& reports) {
  const app::Actor system = app::Actor::System();
  // The demo officers whose pages are read, the most specific unit first (a dossier's page is
  // read as the first one whose unit holds it); the inspector sees the whole province.
  const std::vector<std::string> names = {"chuyenvien", "chuyenvien.datdai", "tiepnhan", "giamdoc",
                                          "thanhtra"};
  // New passwords for the officers the bench logs in (a kept data set's were shown once).
  std::map<std::string, std::string> passwords;
  std::map<identity::UnitId, std::string> unit_codes;
  auto units = identity.ListUnits(system);
  if (!units.ok()) return 1;
  for (const identity::Unit& u : *units) unit_codes[u.id] = u.code;
  std::map<std::string, std::string> unit_of;
  auto users = identity.ListUsers(system, app::Page{0, 200});
  if (!users.ok()) return 1;
  for (identity::User u : *users) {
    const bool wanted = u.username == "admin" || u.username == "tiepnhan" ||
                        u.username == "chuyenvien" || u.username == "truongphong" ||
                        u.username == "giamdoc" || u.username == "chuyenvien.datdai" ||
                        u.username == "thanhtra";
    if (!wanted) continue;
    const std::string password = app::RandomToken(12);
    if (!identity.UpdateUser(system, u, password).ok()) {
      std::printf("  cannot set the password of %s\n", u.username.c_str());
      return 1;
    }
    passwords[u.username] = password;
    unit_of[u.username] = unit_codes[u.unit_id];
  }

  std::FILE* discard = std::fopen("/dev/null", "w");  // the access log, written as the server does
  http::Logger log(discard, clock);
  http::Metrics metrics;
  app::AuditService audit(store, clock);
  app::DossierService dossiers(store, clock, calendars);
  http::ServerOptions options;
  options.port = 0;
  options.threads = 16;  // `motcua serve`'s default
  http::ApiServer server(options, {identity, audit, clock, log, metrics});
  http::Services services{store, identity, audit, metrics, false, &calendars, &catalog, &dossiers};
  services.reports = &reports;
  // Every lookup comes from 127.0.0.1: the limit per client (30 a minute by default) raised as
  // `motcua serve --lookups-per-minute 100000` would.
  services.lookups_per_minute = 100'000;
  http::AddAllRoutes(server, services);
  if (!server.Start().ok()) {
    std::printf("  cannot start the server\n");
    std::fclose(discard);
    return 1;
  }
  const double rss_before = StatusMiB("VmRSS");
  int failures = 0;
  const auto fail = [&](const std::string& what) {
    std::printf("  %s\n", what.c_str());
    ++failures;
  };

  httplib::Client client("127.0.0.1", server.port());
  bench::Sessions load;
  std::string error = bench::PrepareLoad(client, passwords, load);
  std::vector<Officer> officers;
  for (const std::string& name : names) {
    if (!error.empty()) break;
    const testing::Session s = testing::Login(client, name, passwords[name], &error);
    officers.push_back({name, unit_of[name], bench::AuthHeaders(s)});
  }
  // Closed before the server stops, which waits for open connections to end (idle ones after
  // the keep-alive timeout).
  auto http = std::make_unique<bench::RawHttp>(server.port());
  // Known codes and secrets for the lookups: dossiers received now at the counter.
  std::vector<std::pair<std::string, std::string>> secrets;
  const std::string reception = bench::AuthHeaders(load.reception);
  for (int i = 0; error.empty() && i < 200; ++i) {
    const bench::RawAnswer a =
        http->Post("/api/v1/dossiers", reception, bench::ReceptionBody(::getpid(), i));
    const std::string code = bench::TopLevelString(a.body, "code");
    const std::string secret = bench::TopLevelString(a.body, "secret");
    if (a.status != 201 || code.empty() || secret.empty()) {
      error = "reception: " + std::to_string(a.status) + " " + a.body.substr(0, 300) + a.error;
    }
    secrets.emplace_back(code, secret);
  }
  if (!error.empty()) {
    fail(error);
    http.reset();
    server.Stop();
    std::fclose(discard);
    return failures;
  }

  // One timed GET; a status other than 200 (or `also`) is a failure, its first one printed.
  const auto get = [&](std::vector<double>& into, const std::string& path,
                       const std::string& headers, int also = 200) {
    const auto t = std::chrono::steady_clock::now();
    const bench::RawAnswer a = http->Get(path, headers);
    into.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
    if (a.status != 200 && a.status != also) {
      if (failures == 0) {
        std::printf("  GET %s: %d %s%s\n", path.c_str(), a.status, a.body.substr(0, 300).c_str(),
                    a.error.c_str());
      }
      ++failures;
    }
    return a;
  };

  // The queues: each officer's first page, and the 10th page (or the last) through the cursor.
  std::printf("  pages through HTTP, %d samples each (the queues' officers in turn):\n", o.pages);
  for (const char* queue : {"mine", "open"}) {
    const std::string base = std::string("/api/v1/queues/") + queue + "?limit=50";
    std::vector<std::string> further(officers.size());  // "": the queue has one page
    std::vector<int> depth(officers.size(), 1);
    std::vector<std::int64_t> totals(officers.size(), 0);
    for (std::size_t k = 0; k < officers.size(); ++k) {
      std::vector<double> unused;
      bench::RawAnswer a = get(unused, base, officers[k].headers);
      totals[k] = bench::TopLevelNumber(a.body, "total");
      for (std::string next; depth[k] < 10; ++depth[k]) {
        next = bench::TopLevelString(a.body, "next_cursor");
        if (next.empty()) break;
        further[k] = next;  // digits, '-' and '.': nothing to escape
        a = get(unused, base + "&cursor=" + next, officers[k].headers);
      }
    }
    for (const bool first : {true, false}) {
      std::vector<std::size_t> who;  // the officers read, in turn
      for (std::size_t k = 0; k < officers.size(); ++k) {
        if (first || !further[k].empty()) who.push_back(k);
      }
      if (who.empty()) continue;
      std::vector<std::vector<double>> by_officer(officers.size());
      std::vector<double> all;
      for (int i = 0; i < o.pages; ++i) {
        const std::size_t k = who[static_cast<std::size_t>(i) % who.size()];
        get(by_officer[k], first ? base : base + "&cursor=" + further[k], officers[k].headers);
        all.push_back(by_officer[k].back());
      }
      const std::string title =
          std::string("GET /queues/") + queue + (first ? ", first page" : ", a later page");
      PrintLatencies(title.c_str(), all);
      for (std::size_t k : who) {
        const std::string row = "  " + officers[k].username + " (" + officers[k].unit + ", " +
                                (first ? std::to_string(totals[k]) + " in the queue)"
                                       : "page " + std::to_string(depth[k]) + ")");
        PrintLatencies(row.c_str(), by_officer[k]);
      }
    }
  }

  // The dossier page: stored dossiers drawn evenly over the ids, each read by the first officer
  // whose unit holds its reception, its competent unit or its current step.
  std::mt19937_64 rng(766);
  std::int64_t last_id = 0;
  const auto next_id = [&](std::int64_t after) -> std::int64_t {
    std::int64_t id = -1;
    (void)store.Read([&](app::ReadTx& tx) -> Status {
      auto ids = tx.ListDossierIds(after, 1);
      if (ids.ok() && !ids->empty()) id = ids->front();
      return Ok();
    });
    return id;
  };
  {
    std::int64_t lo = 0, hi = 1;  // next_id(lo) exists; find the largest such lo
    while (next_id(hi) > 0) lo = hi, hi *= 2;
    while (hi - lo > 1) {
      const std::int64_t mid = lo + (hi - lo) / 2;
      (next_id(mid) > 0 ? lo : hi) = mid;
    }
    last_id = next_id(lo);
  }
  std::vector<double> page_ms, clock_ms;
  for (int i = 0; i < o.pages && last_id > 0; ++i) {
    const std::int64_t id =
        next_id(std::uniform_int_distribution<std::int64_t>(0, last_id - 1)(rng));
    std::optional<app::StoredDossier> d;
    (void)store.Read([&](app::ReadTx& tx) -> Status {
      auto found = tx.FindDossier(id);
      if (found.ok()) d = std::move(*found);
      return Ok();
    });
    if (!d) {
      fail("dossier " + std::to_string(id) + " not read back");
      break;
    }
    const Officer* reader = &officers.back();
    for (const Officer& k : officers) {
      if (Within(d->value.receiving_unit, k.unit) || Within(d->value.competent_unit, k.unit) ||
          Within(d->step_unit, k.unit)) {
        reader = &k;
        break;
      }
    }
    const std::string path = "/api/v1/dossiers/" + std::to_string(id);
    get(page_ms, path, reader->headers);
    // A dossier refused or guided at reception has no legal clock: 409, the page shows none.
    get(clock_ms, path + "/clock?lang=vi", reader->headers, 409);
  }
  PrintLatencies("GET /dossiers/{id}", page_ms);
  PrintLatencies("GET /dossiers/{id}/clock (fetched beside it)", clock_ms);

  // The public lookup, without a session.
  std::vector<double> lookup_ms;
  for (int i = 0; i < o.pages; ++i) {
    const auto& [code, secret] =
        secrets[std::uniform_int_distribution<std::size_t>(0, secrets.size() - 1)(rng)];
    get(lookup_ms, "/api/v1/lookup?code=" + code + "&secret=" + secret, "");
  }
  PrintLatencies("GET /lookup (code and secret)", lookup_ms);
  std::printf(
      "  memory of this process: VmRSS %.0f MiB before the server, %.0f MiB after the "
      "pages; VmHWM %.0f MiB\n",
      rss_before, StatusMiB("VmRSS"), StatusMiB("VmHWM"));
  if (failures > 0) std::printf("  %d requests failed\n", failures);
  http.reset();
  server.Stop();
  std::fclose(discard);
  return failures;
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
    d.days = o.days;
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
  if (o.pages <= 0) return 0;
  return MeasurePages(o, **store, clock, identity, calendars, catalog, reports) == 0 ? 0 : 1;
}

}  // namespace
}  // namespace motcua

int main(int argc, char** argv) {
  using namespace motcua;
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as it comes, also into a file
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const std::string v = argv[i + 1];
    if (k == "--dossiers")
      o.dossiers = std::stoll(v);
    else if (k == "--years")
      o.years = std::stoi(v);
    else if (k == "--days")
      o.days = std::stoi(v);
    else if (k == "--runs")
      o.runs = std::stoi(v);
    else if (k == "--pages")
      o.pages = std::stoi(v);
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
