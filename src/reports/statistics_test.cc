// The figures of a period over a hand-built set of dossiers, with every expected number written
// out and explained by the dossiers that make it.
#include "reports/statistics.h"

#include <gtest/gtest.h>

#include <vector>

#include "reports/test_util.h"

namespace motcua::reports {
namespace {

using namespace testing;  // NOLINT
using dossier::Channel;
using dossier::Timeliness;

constexpr Channel kCounter = Channel::kInPerson;
constexpr Channel kOnline = Channel::kOnline;
constexpr Channel kPostal = Channel::kPostal;

// March 2026 at unit H38.03. The comment of each dossier says where it counts.
std::vector<Facts> March() {
  std::vector<Facts> out;
  // d1: carried over (received in February), resolved early in March.
  out.push_back(Finished(Dossier(1, "H38.03", kCounter, "2026-02-20 08:00", "2026-03-10 17:00"),
                         Finish::kResolved, "2026-03-05 10:00", Timeliness::kEarly));
  // d2: received and resolved in February: not in the period at all.
  out.push_back(Finished(Dossier(2, "H38.03", kCounter, "2026-02-10 08:00", "2026-02-27 17:00"),
                         Finish::kResolved, "2026-02-25 10:00", Timeliness::kEarly));
  // d3: received at the counter, on time; both components digitized, one from the data store.
  Facts d3 = Finished(Dossier(3, "H38.03", kCounter, "2026-03-02 08:00", "2026-03-10 17:00"),
                      Finish::kResolved, "2026-03-10 15:00", Timeliness::kOnTime);
  d3.components = 2;
  d3.digitized = 2;
  d3.data_store = true;
  out.push_back(d3);
  // d4: online, late with a signed apology; synchronised and paid online; its paper copy not
  // digitized.
  Facts d4 = Finished(Dossier(4, "H38.03", kOnline, "2026-03-03 08:00", "2026-03-17 17:00"),
                      Finish::kResolved, "2026-03-20 10:00", Timeliness::kLate);
  d4.apology = true;
  d4.components = 1;
  d4.synced_national = true;
  d4.paid_online = true;
  out.push_back(d4);
  // d5: by post, open, due 18 March: overdue.
  out.push_back(Dossier(5, "H38.03", kPostal, "2026-03-04 08:00", "2026-03-18 17:00"));
  // d6: online, open, due 2 April: on time; a supplement was asked for; one reused component.
  Facts d6 = Dossier(6, "H38.03", kOnline, "2026-03-05 08:00", "2026-04-02 17:00");
  d6.supplement_requests = 1;
  d6.components = 1;
  d6.digitized = 1;
  d6.reused = true;
  out.push_back(d6);
  // d7: withdrawn at the applicant's request; d8: stopped for another reason.
  Facts d7 = Finished(Dossier(7, "H38.03", kCounter, "2026-03-06 08:00", "2026-03-20 17:00"),
                      Finish::kStopped, "2026-03-08 09:00");
  d7.withdrawal = true;
  out.push_back(d7);
  out.push_back(Finished(Dossier(8, "H38.03", kCounter, "2026-03-07 08:00", "2026-03-21 17:00"),
                         Finish::kStopped, "2026-03-09 09:00"));
  // d9: online, guided with form 02, then refused at reception: never received.
  Facts d9 = Finished(Dossier(9, "H38.03", kOnline, "2026-03-01 09:00"), Finish::kRefused,
                      "2026-03-02 10:00");
  d9.received_at = 0;
  d9.submitted_at = At("2026-03-01 09:00");
  d9.guided = true;
  out.push_back(d9);
  // d10: received at 00:00 on 1 April: the next period.
  out.push_back(Dossier(10, "H38.03", kCounter, "2026-04-01 00:00", "2026-04-15 17:00"));
  // d11: online, resolved only on 3 April: in progress at the end of March, due 25 March.
  out.push_back(Finished(Dossier(11, "H38.03", kOnline, "2026-03-10 08:00", "2026-03-25 17:00"),
                         Finish::kResolved, "2026-04-03 10:00", Timeliness::kLate));
  // d12: carried over, open, due at 00:00 on 1 April exactly: not yet overdue at the period's end.
  out.push_back(Dossier(12, "H38.03", kCounter, "2026-02-25 08:00", "2026-04-01 00:00"));
  // d13: resolved without a legal time for its channel: untimed.
  out.push_back(Finished(Dossier(13, "H38.03", kCounter, "2026-03-14 08:00"), Finish::kResolved,
                         "2026-03-15 10:00"));
  return out;
}

Statistics Of(const std::vector<Facts>& facts, const char* period, Instant now) {
  Statistics s;
  const Period p = *ParsePeriod(period);
  for (const Facts& f : facts) Accumulate(s, f, p, now);
  return s;
}

TEST(StatisticsTest, AClosedMonth) {
  const Statistics s = Of(March(), "2026-03", At("2026-04-10 08:00"));
  EXPECT_EQ(s.received, 8);            // d3 d4 d5 d6 d7 d8 d11 d13
  EXPECT_EQ(s.received_in_person, 4);  // d3 d7 d8 d13
  EXPECT_EQ(s.received_online, 3);     // d4 d6 d11
  EXPECT_EQ(s.received_postal, 1);     // d5
  EXPECT_EQ(s.carried_over, 2);        // d1 d12
  EXPECT_EQ(s.Total(), 10);
  EXPECT_EQ(s.resolved_early, 1);       // d1
  EXPECT_EQ(s.resolved_on_time, 1);     // d3
  EXPECT_EQ(s.resolved_late, 1);        // d4
  EXPECT_EQ(s.resolved_untimed, 1);     // d13
  EXPECT_EQ(s.withdrawn, 1);            // d7
  EXPECT_EQ(s.stopped, 1);              // d8
  EXPECT_EQ(s.in_progress_on_time, 2);  // d6 d12
  EXPECT_EQ(s.in_progress_overdue, 2);  // d5 d11
  EXPECT_EQ(s.Total(), s.Resolved() + s.withdrawn + s.stopped + s.InProgress());
  EXPECT_EQ(s.refused, 1);      // d9
  EXPECT_EQ(s.supplement, 1);   // d6
  EXPECT_EQ(s.apologies, 1);    // d4
  EXPECT_EQ(s.digitized, 2);    // d3 d6
  EXPECT_EQ(s.reused, 1);       // d6
  EXPECT_EQ(s.data_store, 1);   // d3
  EXPECT_EQ(s.synced, 1);       // d4
  EXPECT_EQ(s.paid_online, 1);  // d4

  const Shares sh = SharesOf(s);
  EXPECT_DOUBLE_EQ(*sh.on_time, 2.0 / 3.0);  // d1 d3 of d1 d3 d4 (d13 untimed)
  EXPECT_DOUBLE_EQ(*sh.online, 3.0 / 8.0);
  EXPECT_DOUBLE_EQ(*sh.digitized, 2.0 / 8.0);
  EXPECT_FALSE(sh.fees_paid_online.has_value());
}

TEST(StatisticsTest, TheCurrentMonthLooksFromNow) {
  std::vector<Facts> facts = March();
  facts.erase(facts.begin() + 10);  // d11's result lies after this `now`
  const Statistics s = Of(facts, "2026-03", At("2026-03-20 12:00"));
  EXPECT_EQ(s.in_progress_overdue, 1);  // d5 (due 18 March); d6 and d12 are due later
  EXPECT_EQ(s.in_progress_on_time, 2);
  EXPECT_EQ(s.received, 7);
  EXPECT_EQ(s.Total(), s.Resolved() + s.withdrawn + s.stopped + s.InProgress());
}

TEST(StatisticsTest, AOneDayPeriod) {
  // 5 March: d1 resolved (carried over), d6 received; d3 d4 d5 open and carried over; d12 too.
  const Statistics s = Of(March(), "2026-03-05", At("2026-04-10 08:00"));
  EXPECT_EQ(s.received, 1);        // d6
  EXPECT_EQ(s.carried_over, 5);    // d1 d3 d4 d5 d12
  EXPECT_EQ(s.resolved_early, 1);  // d1
  EXPECT_EQ(s.in_progress_on_time, 5);
  EXPECT_EQ(s.in_progress_overdue, 0);
  EXPECT_EQ(s.refused, 0);
}

TEST(StatisticsTest, SharesOverNothingAreAbsentNotZero) {
  const Statistics s = Of(March(), "2025-01", At("2026-04-10 08:00"));
  EXPECT_EQ(s, Statistics{});
  const Shares sh = SharesOf(s);
  EXPECT_FALSE(sh.on_time.has_value());
  EXPECT_FALSE(sh.online.has_value());
  EXPECT_FALSE(sh.digitized.has_value());
}

TEST(StatisticsTest, SumsAddEveryCount) {
  Statistics a = Of(March(), "2026-03", At("2026-04-10 08:00"));
  const Statistics b = Of(March(), "2026-02", At("2026-04-10 08:00"));
  Statistics both = a;
  both += b;
  EXPECT_EQ(both.received, a.received + b.received);
  EXPECT_EQ(both.resolved_early, a.resolved_early + b.resolved_early);
  EXPECT_EQ(both.paid_online, a.paid_online + b.paid_online);
}

}  // namespace
}  // namespace motcua::reports
