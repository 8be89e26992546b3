// Workflows (workflow.h): the examples of shared/DOMAIN.md "Per-step times", each structural
// defect, performers, budgets and the simulation on the national calendar.

#include "catalog/workflow.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "calendar/civil_time.h"
#include "calendar/test_util.h"
#include "catalog/test_util.h"

namespace motcua::catalog {
namespace {

using testing::Chain;
using testing::MakeStep;
using testing::MarriageRegistration;
using testing::TenDayWorkflow;
using testing::ThirtyDayWorkflow;

std::string Paths(const std::vector<FieldViolation>& v) {
  std::string out;
  for (const FieldViolation& f : v) out += (out.empty() ? "" : ", ") + f.field;
  return out;
}

TEST(WorkflowTest, DomainExamplesAreValid) {
  EXPECT_EQ(Paths(ValidateWorkflow(TenDayWorkflow(), MarriageRegistration(10), testing::Known())),
            "");
  EXPECT_EQ(
      Paths(ValidateWorkflow(ThirtyDayWorkflow(), MarriageRegistration(30), testing::Known())), "");
  const auto v = ValidateBudget(TenDayWorkflow(), MarriageRegistration(30));
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].field, "channels.in-person.time");
  EXPECT_EQ(v[0].message, "counted step budgets sum to 80 h, the legal time is 240 h");
}

TEST(WorkflowTest, StructuralDefects) {
  const struct {
    const char* name;
    std::function<void(Workflow&)> defect;
    const char* want;
  } cases[] = {
      {"rework is fine", [](Workflow& w) { w.steps[3].back = {"s2"}; }, ""},
      {"empty id", [](Workflow& w) { w.steps[5].id.clear(); }, "steps[5].id, steps[4].next[0]"},
      {"duplicate id", [](Workflow& w) { w.steps[5].id = "s1"; }, "steps[5].id, steps[4].next[0]"},
      {"unknown next", [](Workflow& w) { w.steps[0].next = {"s9"}; }, "steps[0].next[0]"},
      {"no steps", [](Workflow& w) { w.steps.clear(); }, "steps"},
      {"two starts",
       [](Workflow& w) {
         w.steps[1].next = {"s4"};
         w.steps[2].next = {"s4"};
       },
       "steps"},
      {"forward cycle with exit",
       [](Workflow& w) {
         w.steps[2].next = {"s2", "s4"};
       },
       "steps[1].next, steps[2].next, steps[3].next, steps[4].next, steps[5].next"},
      {"back to a later step", [](Workflow& w) { w.steps[1].back = {"s3"}; }, "steps[1].back[0]"},
      {"cycle without exit",
       [](Workflow& w) {
         w.steps[4].next = {};
         w.steps[5].next = {"s6"};  // s6 loops on itself, unreachable
       },
       "steps[5].next, steps[5], steps[5]"},
      {"negative budget", [](Workflow& w) { w.steps[0].budget_seconds = -1800; },
       "steps[0].budget"},
      {"quarter hour", [](Workflow& w) { w.steps[0].budget_seconds = 900; }, "steps[0].budget"},
      {"counted financial wait", [](Workflow& w) { w.steps[2].kind = StepKind::kWaitFinancial; },
       "steps[2].counted"},
      {"inter-agency without unit",
       [](Workflow& w) {
         w.steps[2].kind = StepKind::kInterAgency;
         w.steps[2].performer.unit_code.clear();
       },
       "steps[2].performer.unit_code"},
  };
  for (const auto& c : cases) {
    Workflow w = TenDayWorkflow();
    c.defect(w);
    EXPECT_EQ(Paths(ValidateStructure(w)), c.want) << c.name;
  }
}

TEST(WorkflowTest, Performers) {
  Workflow w = TenDayWorkflow();
  w.steps[0].performer = {};
  w.steps[1].performer.unit_code = "000.00.99.H38";
  w.steps[2].performer.role = "giám đốc";
  w.steps[3].performer = {"", "chuyên viên"};
  EXPECT_EQ(Paths(ValidatePerformers(w, testing::Known())),
            "steps[0].performer, steps[1].performer.unit_code, steps[2].performer.role");
}

TEST(WorkflowTest, BudgetsOverBranchesAndChannels) {
  Workflow w = TenDayWorkflow();
  // An alternative path from s3 skipping s4 (6 h): 74 h on that path.
  w.steps[2].next = {"s4", "s5"};
  auto v = ValidateBudget(w, MarriageRegistration(10));
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].message, "counted step budgets sum to 74 h to 80 h, the legal time is 80 h");

  // Uncounted steps do not count; half hours add up.
  Workflow h = Chain("1.000894", {1.5, 0.5, 4, 2});
  h.steps[2].kind = StepKind::kWaitFinancial;
  h.steps[2].counted = false;
  Procedure p = MarriageRegistration();
  p.channels[0].time = LegalTime::WorkingHours(4);
  p.channels[1].time = LegalTime::WorkingDays(1);
  h.channels = {Channel::kInPerson};
  EXPECT_EQ(Paths(ValidateBudget(h, p)), "");
  h.channels = {Channel::kOnline, Channel::kPostal};
  EXPECT_EQ(Paths(ValidateBudget(h, p)), "channels.online.time, channels[1]");
}

TEST(WorkflowTest, CalendarDayLegalTimeIsAnUpperBound) {
  const std::pair<int, int> min_days[] = {{0, 0},  {1, 0},   {2, 0},   {3, 1},  {7, 5},
                                          {10, 6}, {14, 10}, {15, 10}, {30, 20}};
  for (const auto& [n, want] : min_days) EXPECT_EQ(MinWorkingDaysIn(n), want) << n;
  Procedure p = MarriageRegistration();
  p.channels.resize(1);
  p.channels[0].time = LegalTime::CalendarDays(15);  // at least 10 working days = 80 h
  EXPECT_EQ(Paths(ValidateBudget(TenDayWorkflow(), p)), "");
  EXPECT_EQ(Paths(ValidateBudget(Chain("1.000894", {40, 40}), p)), "");
  EXPECT_EQ(Paths(ValidateBudget(Chain("1.000894", {40, 48}), p)), "channels.in-person.time");
}

std::string Local(Instant t) { return calendar::FormatLocal(t); }

TEST(WorkflowTest, SimulateTenDays) {
  using calendar::testing::L;
  const Result<Plan> plan =
      Simulate(TenDayWorkflow(), L("2025-03-03 09:00"), calendar::testing::National(),
               calendar::ReceptionCutoff::Default(), calendar::Duration::WorkingDays(10));
  ASSERT_TRUE(plan.ok()) << ToString(plan.error());
  const char* want[] = {"2025-03-03 11:00", "2025-03-03 16:30", "2025-03-13 09:00",
                        "2025-03-13 16:30", "2025-03-14 16:30", "2025-03-17 09:00"};
  ASSERT_EQ(plan->steps.size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(Local(plan->steps[i].due), want[i]) << i;
  EXPECT_EQ(Local(plan->steps[2].start), "2025-03-03 16:30");
  EXPECT_EQ(plan->due, *plan->legal_due);
  EXPECT_TRUE(plan->within_legal);
}

TEST(WorkflowTest, SimulateAcrossTetWithCutoffAndFinancialWait) {
  using calendar::testing::L;
  Workflow w = Chain("1.000894", {4, 8, 8, 12, 8});
  w.steps[2].kind = StepKind::kWaitFinancial;
  w.steps[2].counted = false;
  // Received Friday 24/1/2025 15:30, after the 15:00 cut-off; Tết 27-31/1 is off.
  const Result<Plan> plan =
      Simulate(w, L("2025-01-24 15:30"), calendar::testing::National(),
               calendar::ReceptionCutoff::Default(), calendar::Duration::WorkingDays(4));
  ASSERT_TRUE(plan.ok()) << ToString(plan.error());
  EXPECT_EQ(Local(plan->counting_start), "2025-02-03 07:30");
  EXPECT_EQ(Local(plan->steps[0].due), "2025-02-03 11:30");
  EXPECT_EQ(Local(plan->steps[2].due), "2025-02-05 11:30");  // the uncounted wait
  EXPECT_EQ(Local(plan->due), "2025-02-07 17:00");
  EXPECT_EQ(plan->due, *plan->legal_due);  // 4 days counted + 1 day excluded
  EXPECT_FALSE(plan->steps[2].counted);
}

TEST(WorkflowTest, SimulateRejectsBrokenStructure) {
  Workflow w = TenDayWorkflow();
  w.steps[0].next = {"s9"};
  const Result<Plan> plan =
      Simulate(w, 0, calendar::testing::National(), calendar::ReceptionCutoff::Default());
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().fields.size(), 1u);
}

TEST(WorkflowTest, StepKindNames) {
  for (StepKind k : {StepKind::kReceive, StepKind::kInterAgency, StepKind::kWaitFinancial}) {
    EXPECT_EQ(*ParseStepKind(StepKindName(k)), k);
  }
  EXPECT_FALSE(ParseStepKind("sleep").ok());
}

}  // namespace
}  // namespace motcua::catalog
