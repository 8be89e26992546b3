// The demo data set (`motcua demo generate`) on both back ends: the same seed gives the same
// dossiers, stored on PostgreSQL through the pipelined bulk write (Store::WriteBulk) and on
// SQLite through the plain one; on each, every facts row and the rollup agree with the events
// (what `motcua reports rebuild --check` checks), and the year's figures are the same on both.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/demo_generator.h"
#include "app/identity_service.h"
#include "app/report_service.h"
#include "app/seed.h"
#include "main/catalog_items.h"
#include "main/wiring.h"
#include "storage/postgres/testing/pg_test_environment.h"

namespace motcua {
namespace {

struct Generated {
  app::DemoSummary summary;
  app::ReportService::RebuildSummary check;
  reports::Statistics year;
  std::vector<app::ReportRow> by_unit;
  reports::StepFigures steps;  // the per-step figures of the year, all steps
};

// Seeds the demo province and catalog into a fresh `dsn`, generates `n` dossiers and measures.
Generated GenerateOn(const std::string& dsn, std::int64_t n) {
  Generated out;
  FakeClock clock(*calendar::ParseLocalDateTime("2026-11-01 00:00"));
  main::StoreConfig config;
  config.dsn = dsn;
  auto store = main::OpenStore(config, clock);
  EXPECT_TRUE(store.ok()) << ToString(store.error());
  if (!store.ok()) return out;
  EXPECT_TRUE((*store)->Migrate().ok());
  app::PasswordHasher hasher(app::PasswordCost::Minimum(), 2, 5000);
  app::IdentityService identity(**store, clock, hasher);
  app::CalendarService calendars(**store, clock);
  app::CatalogService catalog(**store, clock, calendars);
  EXPECT_TRUE(app::SeedDemoProvince(identity, &calendars).ok());
  auto items = main::DemoCatalogItems();
  EXPECT_TRUE(items.ok() && app::SeedDemoCatalog(catalog, std::move(*items)).ok());
  app::DemoOptions options;
  options.dossiers = n;
  options.end = clock.Now();
  options.batch = 97;  // batches that do not divide the count
  auto made = app::GenerateDemo(**store, calendars, options, nullptr);
  EXPECT_TRUE(made.ok()) << ToString(made.error());
  if (!made.ok()) return out;
  out.summary = *made;
  app::ReportService reports(**store, clock);
  auto check = reports.RebuildFacts(app::Actor::System(), /*write=*/false, nullptr);
  EXPECT_TRUE(check.ok()) << ToString(check.error());
  if (check.ok()) out.check = *check;
  const reports::Period year = *reports::ParsePeriod("2025-11-01..2026-10-31");
  auto whole =
      reports.Statistics(app::Actor::System(), {"H99", true, year, app::ReportGroup::kNone});
  auto by_unit =
      reports.Statistics(app::Actor::System(), {"H99", true, year, app::ReportGroup::kUnit});
  EXPECT_TRUE(whole.ok() && by_unit.ok());
  if (whole.ok()) out.year = whole->total;
  if (by_unit.ok()) out.by_unit = by_unit->rows;
  auto steps = reports.Steps(app::Actor::System(), {"H99", true, year, app::StepGroup::kStep});
  EXPECT_TRUE(steps.ok());
  if (steps.ok()) out.steps = steps->total;
  return out;
}

void ExpectAgreesWithItsEvents(const char* backend, const Generated& g) {
  SCOPED_TRACE(backend);
  EXPECT_GT(g.summary.dossiers, 500);
  EXPECT_EQ(g.check.dossiers, g.summary.dossiers);
  EXPECT_EQ(g.check.missing, 0);
  EXPECT_EQ(g.check.different, 0);
  EXPECT_EQ(g.check.inconsistent, 0);
  EXPECT_EQ(g.check.visits_different, 0);     // the stored visits are those the events give
  EXPECT_EQ(g.check.step_days_different, 0);  // and their rollup per day is theirs
  EXPECT_GT(g.steps.passed, g.summary.dossiers);
  EXPECT_GT(g.check.rollup_days, 0);
  EXPECT_EQ(g.check.rollup_different, 0);
  EXPECT_GT(g.year.Total(), 0);
}

TEST(DemoGeneratePgTest, TheSameSeedGivesTheSameDataSetOnBothBackEndsAndItAgreesWithItsEvents) {
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("motcua-demo-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir);
  const Generated sqlite = GenerateOn("sqlite:" + (dir / "demo.db").string(), 700);
  std::filesystem::remove_all(dir);
  auto pg_dsn = storage::postgres::testing::CreateTestDatabase();
  ASSERT_TRUE(pg_dsn.ok()) << ToString(pg_dsn.error());
  const Generated pg = GenerateOn(*pg_dsn, 700);

  ExpectAgreesWithItsEvents("sqlite", sqlite);
  ExpectAgreesWithItsEvents("postgres", pg);
  EXPECT_EQ(pg.summary.dossiers, sqlite.summary.dossiers);
  EXPECT_EQ(pg.summary.events, sqlite.summary.events);
  EXPECT_EQ(pg.summary.by_state, sqlite.summary.by_state);
  EXPECT_TRUE(pg.year == sqlite.year);
  EXPECT_EQ(pg.steps, sqlite.steps);
  ASSERT_EQ(pg.by_unit.size(), sqlite.by_unit.size());
  for (std::size_t i = 0; i < pg.by_unit.size(); ++i) {
    EXPECT_EQ(pg.by_unit[i].key, sqlite.by_unit[i].key);
    EXPECT_TRUE(pg.by_unit[i].stats == sqlite.by_unit[i].stats) << pg.by_unit[i].key;
  }
}

}  // namespace
}  // namespace motcua
