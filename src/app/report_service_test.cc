// Reports over a generated data set: every figure the store aggregates in SQL equals the figure
// recomputed from the raw events (replayed, their due instants computed again on the calendar),
// for each period and unit; the rebuild finds a wrong facts row and repairs it; scope.
#include "app/report_service.h"

#include <gtest/gtest.h>

#include "app/demo_generator.h"
#include "app/testing/service_fixture.h"
#include "calendar/test_util.h"
#include "dossier/machine.h"
#include "dossier/times.h"

namespace motcua::app {
namespace {

using calendar::testing::L;
using catalog::StepKind;
using testing::Step;

// Đăng ký kết hôn at the Justice department (10 days), the appraisal pausable; and the same
// procedure under another code with an inter-agency step at the land registry.
std::vector<CatalogItem> Catalog() {
  CatalogItem marriage = testing::Marriage();
  const catalog::Procedure& p = marriage.version.procedure;
  const catalog::Workflow& w = marriage.workflows[0];

  catalog::Procedure q = p;
  q.code = "1.000002";
  q.name = "Thủ tục có lấy ý kiến cơ quan khác";
  catalog::Workflow v = w;
  v.procedure_code = q.code;
  v.steps[1].next = {"lien-thong"};
  v.steps.insert(v.steps.begin() + 2, Step("lien-thong", StepKind::kInterAgency, "H99.03.01",
                                           "specialist", 16, {"duyet"}));
  CatalogItem other{catalog::testing::PublishedVersion(q, {2025, 1, 1}), {v}};
  return {marriage, other};
}

class ReportServiceTest : public testing::ServiceFixture {
 protected:
  ReportServiceTest() : ServiceFixture(L("2026-11-01 00:00")) {}

  void SetUp() override {
    ServiceFixture::SetUp();
    auto imported = catalog_->ImportCatalog(Actor::System(), Catalog());
    ASSERT_TRUE(imported.ok()) << ToString(imported.error());
    reports_ = std::make_unique<ReportService>(*store_, clock_);
  }

  DemoSummary Generate(std::int64_t n) {
    DemoOptions o;
    o.dossiers = n;
    o.years = 1;
    o.end = clock_.Now();
    o.batch = 97;
    auto summary = GenerateDemo(*store_, *calendars_, o, nullptr);
    EXPECT_TRUE(summary.ok()) << ToString(summary.error());
    return summary.ok() ? *summary : DemoSummary{};
  }

  // Every dossier's facts folded again from its raw events, with the due instant computed again
  // from the events on the calendar (not read from the row).
  std::vector<reports::Facts> FactsFromEvents() {
    std::vector<reports::Facts> out;
    auto cal = calendars_->ForUnit(std::nullopt);
    EXPECT_TRUE(cal.ok());
    Status read = store_->Read([&](ReadTx& tx) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(auto ids, tx.ListDossierIds(0, 100000));
      for (std::int64_t id : ids) {
        MOTCUA_ASSIGN_OR_RETURN(auto stored, tx.FindDossier(id));
        MOTCUA_ASSIGN_OR_RETURN(auto events, tx.ListDossierEvents(id));
        const dossier::Dossier d = dossier::Replay(dossier::FixedFacts(stored->value), events);
        MOTCUA_ASSIGN_OR_RETURN(auto version,
                                tx.FindProcedureVersion(d.procedure_code, d.procedure_version));
        MOTCUA_ASSIGN_OR_RETURN(
            auto times, dossier::ComputeTimes(d, events, version->value.procedure, *cal->second,
                                              std::max(clock_.Now(), d.updated_at)));
        out.push_back(reports::FactsOf(d, events, times.due));
      }
      return Ok();
    });
    EXPECT_TRUE(read.ok()) << ToString(read.error());
    return out;
  }

  std::unique_ptr<ReportService> reports_;
};

TEST_F(ReportServiceTest, GeneratedDataSetHasTheMixItPromises) {
  DemoSummary s = Generate(600);
  EXPECT_GT(s.dossiers, 550) << s.first_refusal;
  EXPECT_EQ(s.dossiers + s.skipped, 600);
  EXPECT_GT(s.by_state["returned"], 300);
  EXPECT_GT(s.by_state["refused"], 3);
  EXPECT_GT(s.by_state["stopped"], 3);
  // Open at the end of the data set: received, processing, supplement, financial, withdrawal.
  EXPECT_GT(s.dossiers - s.by_state["returned"] - s.by_state["refused"] - s.by_state["stopped"] -
                s.by_state["resolved"],
            5);
  auto year = reports_->Statistics(
      Actor::System(), {"H99", true, *reports::ParsePeriod("2026"), ReportGroup::kNone});
  ASSERT_TRUE(year.ok());
  EXPECT_GT(year->total.resolved_late, 10);
  EXPECT_GT(year->total.resolved_early, 100);
  EXPECT_GT(year->total.apologies, 5);
  EXPECT_GT(year->total.supplement, 10);
  EXPECT_GT(year->total.withdrawn, 0);
  EXPECT_GT(year->total.received_online, 50);
  EXPECT_GT(year->total.received_in_person, 50);
}

TEST_F(ReportServiceTest, StoredFiguresEqualTheFiguresRecomputedFromTheEvents) {
  Generate(500);
  const std::vector<reports::Facts> facts = FactsFromEvents();
  ASSERT_GT(facts.size(), 450u);
  int compared = 0;
  for (const char* label : {"2025-11", "2026-01", "2026-03", "2026-06", "2026-10", "2026-Q2",
                            "2026-H1", "2026", "2026-04-15", "2025-12-01..2026-02-28"}) {
    SCOPED_TRACE(label);
    const reports::Period p = *reports::ParsePeriod(label);
    std::map<std::string, reports::Statistics> expected;
    for (const reports::Facts& f : facts) {
      reports::Statistics one;
      reports::Accumulate(one, f, p, clock_.Now());
      if (one == reports::Statistics{}) continue;
      expected[f.unit] += one;
    }
    auto got = reports_->Statistics(Actor::System(), {"H99", true, p, ReportGroup::kUnit});
    ASSERT_TRUE(got.ok()) << ToString(got.error());
    std::map<std::string, reports::Statistics> stored;
    for (const ReportRow& r : got->rows) stored[r.key] = r.stats;
    EXPECT_EQ(stored, expected);
    EXPECT_FALSE(expected.empty());
    ++compared;
  }
  EXPECT_EQ(compared, 10);
}

TEST_F(ReportServiceTest, RebuildFindsAWrongRowAndRepairsIt) {
  Generate(120);
  auto clean = reports_->RebuildFacts(Actor::System(), false, nullptr);
  ASSERT_TRUE(clean.ok());
  EXPECT_GT(clean->dossiers, 100);
  EXPECT_EQ(clean->missing + clean->different + clean->inconsistent, 0);
  // The rollup per unit and day equals the one folded from the facts rows.
  EXPECT_GT(clean->rollup_days, 50);
  EXPECT_EQ(clean->rollup_different, 0);
  // A row that says a dossier was resolved late when its events say otherwise.
  std::optional<reports::Facts> row;
  ASSERT_TRUE(store_
                  ->Read([&](ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(row, tx.FindDossierFacts(7));
                    return Ok();
                  })
                  .ok());
  ASSERT_TRUE(row.has_value());
  reports::Facts wrong = *row;
  wrong.finish = reports::Finish::kResolved;
  wrong.timeliness = dossier::Timeliness::kLate;
  wrong.finished_at = wrong.received_at + 1;
  wrong.apology = !wrong.apology;
  ASSERT_TRUE(store_->Write([&](WriteTx& tx) { return tx.PutDossierFacts(wrong); }).ok());
  auto check = reports_->RebuildFacts(Actor::System(), false, nullptr);
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->different, 1);
  EXPECT_EQ(check->examples, std::vector<std::int64_t>{7});
  auto repair = reports_->RebuildFacts(Actor::System(), true, nullptr);
  ASSERT_TRUE(repair.ok());
  auto after = reports_->RebuildFacts(Actor::System(), false, nullptr);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->different, 0);
  // The rollup followed each rewrite of the row.
  EXPECT_EQ(check->rollup_different, 0);
  EXPECT_EQ(after->rollup_different, 0);
  EXPECT_EQ(after->rollup_days, clean->rollup_days);
  // Only the server's own command line rebuilds.
  Actor officer;
  officer.user = identity::User{};
  EXPECT_EQ(reports_->RebuildFacts(officer, false, nullptr).error().code,
            ErrorCode::kPermissionDenied);
}

TEST_F(ReportServiceTest, PublicFiguresAreSharedForAMinute) {
  Generate(60);
  const reports::Period month = *reports::ParsePeriod("2026-10");
  auto first = reports_->Public("H99", month);
  ASSERT_TRUE(first.ok());
  // More dossiers arrive: within the minute the published figures stay those computed.
  DemoOptions more;
  more.dossiers = 60;
  more.end = clock_.Now();
  more.seed = 1;
  ASSERT_TRUE(GenerateDemo(*store_, *calendars_, more, nullptr).ok());
  clock_.Advance(59);
  auto cached = reports_->Public("H99", month);
  ASSERT_TRUE(cached.ok());
  EXPECT_EQ(cached->received, first->received);
  EXPECT_EQ(cached->computed_at, first->computed_at);
  clock_.Advance(1);
  auto fresh = reports_->Public("H99", month);
  ASSERT_TRUE(fresh.ok());
  EXPECT_GT(fresh->received, first->received);
  EXPECT_EQ(fresh->computed_at, first->computed_at + 60);
  // Errors are not kept.
  EXPECT_EQ(reports_->Public("H77", month).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace motcua::app
