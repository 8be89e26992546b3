// The rollup per unit and local day: hand-built contributions with every counter written out,
// and a seeded property loop: the statistics summed from the rollup equal reports::Accumulate
// over the facts for any period of whole days and any `now`.
#include "reports/rollup.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "reports/test_util.h"

namespace motcua::reports {
namespace {

using namespace testing;  // NOLINT
using dossier::Channel;
using dossier::Timeliness;

std::int64_t Day(const char* local_day) {
  return LocalDay(At((std::string(local_day) + " 00:00").c_str()));
}

TEST(RollupTest, LocalDaysAreVietnamDays) {
  EXPECT_EQ(LocalDay(At("1970-01-01 00:00")), 0);
  EXPECT_EQ(LocalDay(At("1970-01-01 23:59")), 0);
  EXPECT_EQ(LocalDay(At("1970-01-02 00:00")), 1);
  EXPECT_EQ(LocalDay(At("2026-03-05 06:59")), LocalDay(At("2026-03-05 00:00")));
  EXPECT_TRUE(IsLocalMidnight(At("2026-03-05 00:00")));
  EXPECT_FALSE(IsLocalMidnight(At("2026-03-05 07:00")));
}

TEST(RollupTest, AResolvedDossierCountsOnItsReceivedAndFinishedDays) {
  // Received online on 2 March with two components, both digitized, one reused; a supplement
  // requested; due 10 March; resolved late on 12 March: overdue from the end of 10 March.
  Facts f = Finished(Dossier(1, "H38.03", Channel::kOnline, "2026-03-02 08:00", "2026-03-10 17:00"),
                     Finish::kResolved, "2026-03-12 09:00", Timeliness::kLate);
  f.components = 2;
  f.digitized = 2;
  f.reused = true;
  f.supplement_requests = 1;
  Rollup r;
  AddContribution(r, f, 1);
  DayCounts received;
  received.received_online = 1;
  received.digitized = 1;
  received.reused = 1;
  received.supplement_received = 1;
  DayCounts due;
  due.overdue_from = 1;
  DayCounts finished;
  finished.resolved_late = 1;
  finished.supplement_finished = 1;
  finished.overdue_until = 1;
  const Rollup expected = {{{"H38.03", Day("2026-03-02")}, received},
                           {{"H38.03", Day("2026-03-10")}, due},
                           {{"H38.03", Day("2026-03-12")}, finished}};
  EXPECT_EQ(r, expected);
}

TEST(RollupTest, RefusedAndUnreceivedDossiers) {
  Facts refused = Finished(Dossier(1, "H38.03", Channel::kOnline, "2026-03-01 09:00"),
                           Finish::kRefused, "2026-03-02 10:00");
  refused.received_at = 0;
  refused.apology = true;  // counts nowhere but in "refused"
  Facts unchecked = Dossier(2, "H38.03", Channel::kOnline, "2026-03-01 09:00");
  unchecked.received_at = 0;
  Rollup r;
  AddContribution(r, refused, 1);
  AddContribution(r, unchecked, 1);
  DayCounts one_refused;
  one_refused.refused = 1;
  EXPECT_EQ(r, (Rollup{{{"H38.03", Day("2026-03-02")}, one_refused}}));
}

TEST(RollupTest, ResolvedOnItsDueDayIsOverdueAtNoDaysEnd) {
  // Due 10 March 17:00, resolved late that evening: at the end of no day was it both due and
  // still in progress, so no period's end finds it overdue.
  Rollup r;
  AddContribution(
      r,
      Finished(Dossier(1, "H38", Channel::kInPerson, "2026-03-02 08:00", "2026-03-10 17:00"),
               Finish::kResolved, "2026-03-10 18:00", Timeliness::kLate),
      1);
  for (const auto& [key, counts] : r) {
    EXPECT_EQ(counts.overdue_from, 0) << key.day;
    EXPECT_EQ(counts.overdue_until, 0) << key.day;
  }
}

TEST(RollupTest, DeltaIsEmptyWhenTheContributionStays) {
  const Facts open =
      Dossier(1, "H38.03", Channel::kInPerson, "2026-03-02 08:00", "2026-03-10 17:00");
  Facts forwarded = open;
  forwarded.officer = 9;  // neither counted nor dated
  forwarded.submitted_at -= 60;
  EXPECT_TRUE(RollupDelta(open, forwarded).empty());

  // The result moves two counters of the finished day and one of the due day stays.
  const Facts resolved = Finished(open, Finish::kResolved, "2026-03-09 10:00", Timeliness::kEarly);
  const auto delta = RollupDelta(open, resolved);
  DayCounts closed;
  closed.overdue_from = -1;  // never overdue after all
  DayCounts done;
  done.resolved_early = 1;
  ASSERT_EQ(delta.size(), 2u);
  EXPECT_EQ(delta[0].first.day, Day("2026-03-09"));
  EXPECT_EQ(delta[0].second, done);
  EXPECT_EQ(delta[1].first.day, Day("2026-03-10"));
  EXPECT_EQ(delta[1].second, closed);

  // A new row adds its whole contribution.
  const auto first = RollupDelta(std::nullopt, open);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].second.received_in_person, 1);
  EXPECT_EQ(first[1].second.overdue_from, 1);
}

// Sums the rollup rows of the days before `p.first` and of its days; only the rows of
// `procedure` when it is given (and of its facts).
Statistics FromRollup(const Rollup& r, const Period& p, const std::vector<Facts>& facts,
                      Instant now, const std::string* procedure = nullptr) {
  DayCounts before;
  DayCounts within;
  const std::int64_t first = LocalDay(p.from);
  const std::int64_t end = LocalDay(p.to);
  for (const auto& [key, counts] : r) {
    if (procedure != nullptr && key.procedure != *procedure) continue;
    if (key.day < first) before += counts;
    if (key.day >= first && key.day < end) within += counts;
  }
  std::optional<std::int64_t> overdue_now;
  if (p.to > now) {
    Statistics direct;
    for (const Facts& f : facts) {
      if (procedure == nullptr || f.procedure_code == *procedure) Accumulate(direct, f, p, now);
    }
    overdue_now = direct.in_progress_overdue;
  }
  return StatisticsFromRollup(before, within, overdue_now);
}

TEST(RollupTest, StatisticsFromTheRollupEqualTheFactsForAnyPeriod) {
  std::mt19937 rng(8);
  const auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  const Instant base = At("2026-01-01 00:00");
  const std::string procedures[] = {"1.001", "1.002", "2.001"};
  for (int round = 0; round < 40; ++round) {
    std::vector<Facts> facts;
    Rollup r;
    Rollup by_procedure;
    for (int i = 0; i < 60; ++i) {
      Facts f;
      f.dossier_id = i + 1;
      f.unit = "H38";
      f.procedure_code = procedures[pick(3)];
      f.procedure_version = 1 + pick(2);
      f.channel = static_cast<Channel>(1 + pick(3));
      f.received_at = base + pick(90) * 86400 + pick(86400);
      if (pick(4) != 0) f.due = f.received_at + pick(20 * 86400);
      const int fate = pick(6);
      if (fate == 0) {
        f.finish = Finish::kRefused;
        f.finished_at = f.received_at;
        f.received_at = 0;
      } else if (fate <= 3) {
        f.finish = fate == 3 ? Finish::kStopped : Finish::kResolved;
        f.finished_at = f.received_at + pick(30 * 86400);
        f.timeliness = static_cast<Timeliness>(pick(4));
        f.withdrawal = pick(2) == 0;
      }
      f.supplement_requests = pick(3) == 0 ? 1 : 0;
      f.apology = pick(5) == 0;
      f.components = pick(3);
      f.digitized = f.components == 0 ? 0 : pick(f.components + 1);
      f.reused = pick(3) == 0;
      f.data_store = pick(3) == 0;
      f.paid_online = pick(4) == 0;
      f.synced_national = pick(2) == 0;
      // Written as a dossier's commands would: first open, then as it ends up.
      Facts open = f;
      open.finish = Finish::kOpen;
      open.finished_at = 0;
      open.timeliness = Timeliness::kPending;
      for (auto& [key, counts] : RollupDelta(std::nullopt, open)) r[key] += counts;
      for (auto& [key, counts] : RollupDelta(open, f)) r[key] += counts;
      const RollupKind kind = RollupKind::kProcedure;
      for (auto& [key, counts] : RollupDelta(std::nullopt, open, kind)) by_procedure[key] += counts;
      for (auto& [key, counts] : RollupDelta(open, f, kind)) by_procedure[key] += counts;
      facts.push_back(f);
    }
    Rollup folded;
    Rollup folded_by_procedure;
    for (const Facts& f : facts) {
      AddContribution(folded, f, 1);
      AddContribution(folded_by_procedure, f, 1, RollupKind::kProcedure);
    }
    ASSERT_TRUE(SameRollup(r, folded));
    ASSERT_TRUE(SameRollup(by_procedure, folded_by_procedure));
    // The finer rollup's rows, summed per unit and day, are the coarser one's.
    Rollup coarsened;
    for (const auto& [key, counts] : by_procedure) coarsened[DayKey{key.unit, key.day}] += counts;
    ASSERT_TRUE(SameRollup(coarsened, r));
    const calendar::CivilDate first{2026, 1 + pick(4), 1 + pick(28)};
    const calendar::CivilDate last =
        calendar::FromDayNumber(calendar::ToDayNumber(first) + pick(60));
    const Period p = *RangePeriod(first, last);
    const Instant now = base + pick(150) * 86400 + pick(86400);
    Statistics expected;
    for (const Facts& f : facts) Accumulate(expected, f, p, now);
    SCOPED_TRACE(p.label + " now " + std::to_string(now));
    EXPECT_EQ(FromRollup(r, p, facts, now), expected);
    for (const std::string& procedure : procedures) {
      Statistics one;
      for (const Facts& f : facts) {
        if (f.procedure_code == procedure) Accumulate(one, f, p, now);
      }
      EXPECT_EQ(FromRollup(by_procedure, p, facts, now, &procedure), one) << procedure;
    }
  }
}

TEST(RollupTest, SameRollupIgnoresZeroRows) {
  Rollup a = {{{"H38", 1}, DayCounts{}}};
  Rollup b;
  EXPECT_TRUE(SameRollup(a, b));
  DayCounts one;
  one.refused = 1;
  b[{"H38", 2}] = one;
  std::vector<DayKey> differing;
  EXPECT_FALSE(SameRollup(a, b, &differing));
  ASSERT_EQ(differing.size(), 1u);
  EXPECT_EQ(differing[0].day, 2);
}

}  // namespace
}  // namespace motcua::reports
