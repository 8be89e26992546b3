// The Decision 766 index scored from hand-built statistics, with each score worked out.
#include "reports/index766.h"

#include <gtest/gtest.h>

namespace motcua::reports {
namespace {

const IndicatorScore& Find(const Index766Result& r, const std::string& id) {
  for (const IndicatorScore& s : r.indicators) {
    if (s.spec->id == id) return s;
  }
  ADD_FAILURE() << "no indicator " << id;
  static const IndicatorScore kNone;
  return kNone;
}

// The closed March of statistics_test.cc, as counts.
Statistics MarchCounts() {
  Statistics s;
  s.received = 8;
  s.received_in_person = 4;
  s.received_online = 3;
  s.received_postal = 1;
  s.carried_over = 2;
  s.resolved_early = 1;
  s.resolved_on_time = 1;
  s.resolved_late = 1;
  s.resolved_untimed = 1;
  s.withdrawn = 1;
  s.stopped = 1;
  s.in_progress_on_time = 2;
  s.in_progress_overdue = 2;
  s.digitized = 2;
  s.reused = 1;
  s.data_store = 1;
  s.synced = 1;
  s.paid_online = 1;
  return s;
}

TEST(Index766Test, TheTableIsValidAndCarriesAHundredPoints) {
  EXPECT_TRUE(ValidateIndex766(Index766Table()).ok());
  double groups = 0;
  double indicators = 0;
  for (const GroupSpec& g : Index766Table().groups) groups += g.points;
  for (const IndicatorSpec& i : Index766Table().indicators) indicators += i.points;
  EXPECT_DOUBLE_EQ(groups, 100);
  EXPECT_DOUBLE_EQ(indicators, 100);
}

TEST(Index766Test, ScoresTheMeasurableAndNamesTheRest) {
  const Index766Result r = ScoreIndex766(Index766Table(), InputsOf(MarchCounts()));
  // 2.1: (early 1 + on time 1 + in progress on time 2) / (timed resolved 3 + in progress 4).
  const IndicatorScore& progress = Find(r, "2.1");
  ASSERT_TRUE(progress.measurable);
  EXPECT_EQ(progress.numerator, 4);
  EXPECT_EQ(progress.denominator, 7);
  EXPECT_DOUBLE_EQ(progress.score, 4.0 / 7.0 * 20);
  // 3.3: 3 online of 8 = 37.5%, under the 50% threshold: 0.375 x 4 / 0.5 = 3.
  EXPECT_DOUBLE_EQ(Find(r, "3.3").score, 3.0);
  // 4.2: 2 of 8 digitized, threshold 80%: 0.25 x 4 / 0.8 = 1.25.
  EXPECT_DOUBLE_EQ(Find(r, "4.2").score, 1.25);
  // 4.3: 1 of 8 reused: 0.125 x 2 / 0.8 = 0.3125; 4.4: 1 of 8 from the data store: 0.5.
  EXPECT_DOUBLE_EQ(Find(r, "4.3").score, 0.3125);
  EXPECT_DOUBLE_EQ(Find(r, "4.4").score, 0.5);
  EXPECT_NEAR(r.score, 4.0 / 7.0 * 20 + 3 + 1.25 + 0.3125 + 0.5, 1e-9);
  EXPECT_DOUBLE_EQ(r.measurable_points, 20 + 4 + 4 + 2 + 4);
  EXPECT_DOUBLE_EQ(r.total_points, 100);
  // Without inputs: not measurable, with the missing input named, and no score.
  for (const char* id : {"1.1", "1.4", "3.1", "3.6", "4.1", "5.2", "5.3", "5.4"}) {
    SCOPED_TRACE(id);
    const IndicatorScore& s = Find(r, id);
    EXPECT_FALSE(s.measurable);
    EXPECT_EQ(s.score, 0);
    EXPECT_NE(s.reason.find("not measurable"), std::string::npos);
    EXPECT_EQ(s.reason_code, "not-recorded");
    EXPECT_FALSE(s.missing_input.empty());
  }
  EXPECT_NE(Find(r, "3.6").reason.find("paid_online"), std::string::npos);
  EXPECT_EQ(Find(r, "3.6").missing_input, "paid_online");
}

TEST(Index766Test, AtOrAboveTheThresholdScoresFullMarks) {
  Statistics s;
  s.received = 10;
  s.received_online = 5;  // exactly 50%
  s.digitized = 9;        // 90% > 80%
  const Index766Result r = ScoreIndex766(Index766Table(), InputsOf(s));
  EXPECT_DOUBLE_EQ(Find(r, "3.3").score, 4);
  EXPECT_DOUBLE_EQ(Find(r, "4.2").score, 4);
  // No dossier resolved or in progress: 2.1 has nothing to measure.
  EXPECT_FALSE(Find(r, "2.1").measurable);
  EXPECT_NE(Find(r, "2.1").reason.find("processed"), std::string::npos);
  EXPECT_EQ(Find(r, "2.1").reason_code, "no-dossier");
  EXPECT_EQ(Find(r, "2.1").missing_input, "");
}

TEST(Index766Test, AReplacementTableIsChecked) {
  Index766Spec spec = Index766Table();
  spec.indicators.push_back(spec.indicators.front());
  EXPECT_FALSE(ValidateIndex766(spec).ok());  // repeated id

  spec = Index766Table();
  spec.indicators[4].points = 25;  // 2.1 above its group's 20
  EXPECT_FALSE(ValidateIndex766(spec).ok());

  spec = Index766Table();
  spec.indicators[0].threshold = 1.5;
  EXPECT_FALSE(ValidateIndex766(spec).ok());

  spec = Index766Table();
  spec.indicators[0].group = 9;
  EXPECT_FALSE(ValidateIndex766(spec).ok());

  // A corrected annex with other points is a table change, and scores by it.
  spec = Index766Table();
  spec.groups[1].points = 30;
  spec.indicators[4].points = 30;
  ASSERT_TRUE(ValidateIndex766(spec).ok());
  EXPECT_DOUBLE_EQ(Find(ScoreIndex766(spec, InputsOf(MarchCounts())), "2.1").score, 4.0 / 7.0 * 30);
}

}  // namespace
}  // namespace motcua::reports
