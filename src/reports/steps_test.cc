// The per-step figures of hand-built histories on the national calendar (Mon-Fri 07:30-11:30,
// 13:00-17:00), every figure written out.
#include "reports/steps.h"

#include <gtest/gtest.h>

#include "calendar/test_util.h"

namespace motcua::reports {
namespace {

using calendar::testing::L;
using calendar::testing::National;
using dossier::Event;
using dossier::EventKind;

constexpr std::int64_t kHour = 3600;

// An event entering `step` with a budget of `hours` working hours, or (step empty) one that
// ends the last step.
Event At(EventKind kind, const char* at, std::string step = "", std::int64_t hours = 0) {
  Event e;
  e.kind = kind;
  e.at = L(at);
  e.unit_code = "H38.03";
  e.to_step = std::move(step);
  e.to_unit = "H38.03";
  e.to_budget = hours * kHour;
  return e;
}

// Received, appraised late, signed and returned within March.
std::vector<Event> Returned() {
  return {At(EventKind::kReceived, "2026-03-02 08:00", "tiep-nhan", 1),
          At(EventKind::kForwarded, "2026-03-02 08:30", "tham-dinh", 4),
          At(EventKind::kForwarded, "2026-03-03 09:00", "ky", 2),
          At(EventKind::kIssued, "2026-03-03 10:00", "tra-ket-qua", 1),
          At(EventKind::kReturned, "2026-03-03 10:30")};
}
// Received in March, still at the appraisal (due Wednesday 15:00).
std::vector<Event> AtAppraisal() {
  return {At(EventKind::kReceived, "2026-03-04 09:00", "tiep-nhan", 1),
          At(EventKind::kForwarded, "2026-03-04 09:30", "tham-dinh", 4)};
}
// Received on a Friday of February, appraised until 2 April, now at the signature.
std::vector<Event> CarriedOver() {
  return {At(EventKind::kReceived, "2026-02-27 16:00", "tiep-nhan", 1),
          At(EventKind::kForwarded, "2026-03-02 08:00", "tham-dinh", 4),
          At(EventKind::kForwarded, "2026-04-02 09:00", "ky", 2)};
}

std::map<std::string, StepFigures> March(const std::vector<Event>& events,
                                         std::optional<Instant> open_due) {
  auto visits = VisitsOf(1, events, National());
  EXPECT_TRUE(visits.ok());
  EXPECT_EQ(visits->size(), CompletedVisits(events));
  return StepsOf(*visits, OpenStepOf(events), open_due, L("2026-03-01 00:00"),
                 L("2026-04-01 00:00"), L("2026-04-01 00:00"));
}

TEST(StepsTest, TheStepADossierIsAt) {
  EXPECT_EQ(OpenStepOf(Returned()), std::nullopt);
  EXPECT_EQ(OpenStepOf(AtAppraisal()),
            (OpenStep{"tham-dinh", "H38.03", L("2026-03-04 09:30"), true, 4 * kHour}));
  EXPECT_EQ(OpenStepOf({}), std::nullopt);
  std::vector<Event> stopped = AtAppraisal();
  stopped.push_back(At(EventKind::kStopped, "2026-03-05 09:00"));
  EXPECT_EQ(OpenStepOf(stopped), std::nullopt);
}

TEST(StepsTest, FiguresOfAMonthPerStep) {
  std::map<std::string, StepFigures> sum;
  for (auto& [step, f] : March(Returned(), std::nullopt)) sum[step] += f;
  for (auto& [step, f] : March(AtAppraisal(), L("2026-03-04 15:00"))) sum[step] += f;
  for (auto& [step, f] : March(CarriedOver(), L("2026-04-02 11:00"))) sum[step] += f;

  //            passed on time late untimed  working s   longest s  current overdue
  // Reception: 30 min, 30 min (on time); Friday 16:00 to Monday 08:00 is 1 h 30 (due at 17:00).
  EXPECT_EQ(sum["tiep-nhan"], (StepFigures{3, 2, 1, 0, 9000, 5400, 0, 0}));
  // The appraisal: Monday 08:30 to Tuesday 09:00 is 8 h 30 against 4 h (due Monday 14:00); at
  // the month's end the March dossier (due 4 March) and the February one (due 2 March 13:30)
  // are still there, both overdue.
  EXPECT_EQ(sum["tham-dinh"], (StepFigures{1, 0, 1, 0, 30600, 30600, 2, 2}));
  EXPECT_EQ(sum["ky"], (StepFigures{1, 1, 0, 0, 3600, 3600, 0, 0}));
  EXPECT_EQ(sum["tra-ket-qua"], (StepFigures{1, 1, 0, 0, 1800, 1800, 0, 0}));
  EXPECT_EQ(sum.size(), 4u);
  EXPECT_EQ(sum["tiep-nhan"].AverageSeconds(), 3000.0);
  EXPECT_EQ(sum["ky"].current, 0);  // entered on 2 April, after the month
}

TEST(StepsTest, AStepNotYetDueAndOneThatDoesNotCount) {
  // At the appraisal, judged on Wednesday 14:00 (before its due instant at 15:00).
  const std::vector<Event> events = AtAppraisal();
  auto visits = VisitsOf(1, events, National());
  ASSERT_TRUE(visits.ok());
  auto now = StepsOf(*visits, OpenStepOf(events), L("2026-03-04 15:00"), L("2026-03-01 00:00"),
                     L("2026-04-01 00:00"), L("2026-03-04 14:00"));
  EXPECT_EQ(now["tham-dinh"], (StepFigures{0, 0, 0, 0, 0, 0, 1, 0}));
  // Waiting for the financial obligations does not count: left, neither on time nor late.
  std::vector<Event> waiting = {At(EventKind::kReceived, "2026-03-02 08:00", "tiep-nhan", 1),
                                At(EventKind::kForwarded, "2026-03-02 08:30", "nghia-vu", 8),
                                At(EventKind::kForwarded, "2026-03-10 08:30", "ky", 2)};
  waiting[1].to_counted = false;
  auto h = VisitsOf(1, waiting, National());
  ASSERT_TRUE(h.ok());
  auto f = StepsOf(*h, OpenStepOf(waiting), std::nullopt, L("2026-03-01 00:00"),
                   L("2026-04-01 00:00"), L("2026-04-01 00:00"));
  // Monday 08:30 to the next Tuesday 08:30: six working days.
  EXPECT_EQ(f["nghia-vu"], (StepFigures{1, 0, 0, 1, 6 * 8 * kHour, 6 * 8 * kHour, 0, 0}));
  // At the signature with no due instant known: held, not overdue.
  EXPECT_EQ(f["ky"], (StepFigures{0, 0, 0, 0, 0, 0, 1, 0}));
}

TEST(StepsTest, TheVisitsOfAHistoryWithTheirOfficersAndUnits) {
  std::vector<Event> events = Returned();
  events[1].actor_id = 7;  // forwarded the reception
  events[2].actor_id = 9;  // forwarded the appraisal
  events[2].to_unit = "H38.04";
  events[4].actor_id = 7;  // handed the result over
  auto visits = VisitsOf(42, events, National());
  ASSERT_TRUE(visits.ok());
  ASSERT_EQ(visits->size(), 4u);
  const StepVisit& appraisal = (*visits)[1];
  EXPECT_EQ(appraisal, (StepVisit{42, 2, "tham-dinh", "H38.03", 9, L("2026-03-02 08:30"),
                                  L("2026-03-03 09:00"), L("2026-03-02 14:00"), true, 30600,
                                  VisitOutcome::kLate}));
  EXPECT_EQ((*visits)[2].unit, "H38.04");  // the signature's unit, named when it was entered
  EXPECT_EQ((*visits)[3].officer, 7);
  EXPECT_EQ((*visits)[3].outcome, VisitOutcome::kOnTime);
  // A command completes the visits after those its earlier events completed.
  EXPECT_EQ(CompletedVisits(std::span(events).first(2)), 1u);
  EXPECT_EQ(CompletedVisits(std::span(events).first(1)), 0u);
  EXPECT_EQ(CompletedVisits(events), 4u);
}

}  // namespace
}  // namespace motcua::reports
