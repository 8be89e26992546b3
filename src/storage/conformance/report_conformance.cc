// Reports in storage (migrations 7 and 8): the facts row kept with the events, the rollup per
// unit and day kept with the facts row, and the statistics of a period summed from the rollup or
// aggregated in SQL, which must equal reports::Accumulate over the same facts for every period,
// grouping and unit scope. The rollup must equal the one folded from the facts rows, and the one
// the SQL fill of migration 8 (and of `motcua reports rebuild`) makes from them.
#include <limits>
#include <map>
#include <random>
#include <set>

#include "reports/rollup.h"
#include "reports/statistics.h"
#include "storage/conformance/conformance.h"

namespace motcua::storage::conformance {
namespace {

using app::ReportGroup;
using app::ReportQuery;
using app::ReportRow;
using app::StoredDossier;
using dossier::Event;
using dossier::EventKind;
using reports::DayCounts;
using reports::DayKey;
using reports::Facts;
using reports::Finish;
using reports::Rollup;
using reports::Statistics;

Instant At(const char* local) { return *calendar::ParseLocalDateTime(local); }

identity::Unit AddUnit(app::Store& store, std::string code,
                       std::optional<identity::UnitId> parent) {
  identity::Unit u;
  u.code = std::move(code);
  u.name = "Đơn vị " + u.code;
  u.kind = parent ? identity::UnitKind::kDepartment : identity::UnitKind::kProvince;
  u.parent_id = parent;
  EXPECT_TRUE(store.Write([&](app::WriteTx& tx) { return tx.InsertUnit(u); }).ok());
  return u;
}

StoredDossier Received(const std::string& unit, Instant at, std::optional<Instant> due) {
  StoredDossier s;
  dossier::Dossier& d = s.value;
  d.procedure_code = "1.000001";
  d.procedure_version = 1;
  d.channel = catalog::Channel::kOnline;
  d.receiving_unit = "H38.30";
  d.competent_unit = unit;
  d.state = dossier::State::kProcessing;
  d.received = true;
  d.received_at = at;
  d.submitted_at = at;
  d.components = {{"Tờ khai", dossier::Provision::kElectronic, true, ""},
                  {"Giấy khai sinh", dossier::Provision::kReused, true, ""}};
  d.version = 1;
  s.secret_hash = std::string(64, 'f');
  s.step_unit = unit;
  s.clock.due = due;
  return s;
}

Event Ev(std::int64_t seq, EventKind kind, Instant at, std::int64_t actor = 5) {
  Event e;
  e.seq = seq;
  e.kind = kind;
  e.at = at;
  e.actor_id = actor;
  e.actor = "canbo";
  e.unit_code = "H38.03";
  return e;
}

Status Insert(app::Store& store, StoredDossier& s, const std::vector<Event>& events) {
  return store.Write([&](app::WriteTx& tx) { return tx.InsertDossier(s, events); });
}

Status Append(app::Store& store, StoredDossier& s, const std::vector<Event>& events) {
  const std::int64_t before = s.value.version;
  s.value.version += static_cast<std::int64_t>(events.size());
  return store.Write([&](app::WriteTx& tx) { return tx.AppendDossierEvents(s, before, events); });
}

std::optional<Facts> FactsIn(app::Store& store, std::int64_t id) {
  std::optional<Facts> out;
  EXPECT_TRUE(store
                  .Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(out, tx.FindDossierFacts(id));
                    return Ok();
                  })
                  .ok());
  return out;
}

std::vector<ReportRow> Report(app::Store& store, const ReportQuery& q) {
  std::vector<ReportRow> rows;
  Status read = store.Read([&](app::ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(rows, tx.ReportStatistics(q));
    return Ok();
  });
  EXPECT_TRUE(read.ok()) << ToString(read.error());
  return rows;
}

Rollup StoredRollup(app::Store& store, reports::RollupKind kind = reports::RollupKind::kUnit) {
  Rollup out;
  Status read = store.Read([&](app::ReadTx& tx) -> Status {
    for (DayKey after{"", std::numeric_limits<std::int64_t>::min()};;) {
      MOTCUA_ASSIGN_OR_RETURN(auto days, tx.ListReportDays(kind, after, 3));
      for (const app::ReportDay& d : days) out[d.key] = d.counts;
      if (days.size() < 3) break;
      after = days.back().key;
    }
    return Ok();
  });
  EXPECT_TRUE(read.ok()) << ToString(read.error());
  return out;
}

Rollup FoldedRollup(app::Store& store, reports::RollupKind kind) {
  Rollup out;
  std::vector<Facts> all;
  EXPECT_TRUE(store
                  .Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(all, tx.ListDossierFacts(0, 100000));
                    return Ok();
                  })
                  .ok());
  for (const Facts& f : all) reports::AddContribution(out, f, 1, kind);
  return out;
}

std::string Keys(const std::vector<DayKey>& keys) {
  std::string out;
  for (const DayKey& k : keys) {
    out += k.unit + "@" + std::to_string(k.day) + "/" + k.procedure + "/" +
           std::to_string(k.version) + "/" + std::to_string(k.channel) + " ";
  }
  return out;
}

// Both rollups kept command by command equal the rollups folded from the facts rows, and so do
// the rollups the SQL fill makes from them (migrations 8 and 10, `motcua reports rebuild`).
void ExpectRollupFollowsTheFacts(app::Store& store) {
  const reports::RollupKind kinds[] = {reports::RollupKind::kUnit, reports::RollupKind::kProcedure};
  for (const reports::RollupKind kind : kinds) {
    std::vector<DayKey> differing;
    EXPECT_TRUE(
        reports::SameRollup(StoredRollup(store, kind), FoldedRollup(store, kind), &differing))
        << Keys(differing);
  }
  ASSERT_TRUE(store.Write([&](app::WriteTx& tx) { return tx.RebuildReportDays(); }).ok());
  for (const reports::RollupKind kind : kinds) {
    std::vector<DayKey> differing;
    EXPECT_TRUE(
        reports::SameRollup(StoredRollup(store, kind), FoldedRollup(store, kind), &differing))
        << Keys(differing);
  }
}

std::int64_t Day(const char* local_day) {
  return reports::LocalDay(At((std::string(local_day) + " 00:00").c_str()));
}

Statistics Whole(app::Store& store, identity::UnitId unit, const char* period, Instant now) {
  const reports::Period p = *reports::ParsePeriod(period);
  ReportQuery q;
  q.unit = unit;
  q.from = p.from;
  q.to = p.to;
  q.now = now;
  const std::vector<ReportRow> rows = Report(store, q);
  return rows.empty() ? Statistics{} : rows[0].stats;
}

TEST_P(StoreConformance, FactsRowFollowsTheEventsAndKeepsTheWithdrawal) {
  AddUnit(store(), "H38", std::nullopt);
  StoredDossier s = Received("H38.03", At("2026-03-02 08:00"), At("2026-03-16 17:00"));
  const std::vector<Event> first = {Ev(1, EventKind::kReceived, At("2026-03-02 08:00"))};
  ASSERT_TRUE(Insert(store(), s, first).ok());
  std::optional<Facts> f = FactsIn(store(), s.value.id);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(*f, reports::FactsOf(s.value, first, s.clock.due));
  EXPECT_EQ(f->unit, "H38.03");
  EXPECT_EQ(f->components, 2);
  EXPECT_EQ(f->digitized, 2);
  EXPECT_TRUE(f->reused);
  EXPECT_EQ(f->finish, Finish::kOpen);

  // Withdrawal requested, then stopped: the stop's own events say nothing of the request, the
  // row remembers it.
  s.value.state = dossier::State::kWithdrawal;
  const std::vector<Event> ask = {Ev(2, EventKind::kWithdrawalRequested, At("2026-03-03 08:00"))};
  ASSERT_TRUE(Append(store(), s, ask).ok());
  s.value.state = dossier::State::kStopped;
  s.value.stopped_at = At("2026-03-04 08:00");
  const std::vector<Event> stop = {Ev(3, EventKind::kStopped, At("2026-03-04 08:00"))};
  ASSERT_TRUE(Append(store(), s, stop).ok());
  f = FactsIn(store(), s.value.id);
  ASSERT_TRUE(f.has_value());
  std::vector<Event> all = first;
  all.insert(all.end(), ask.begin(), ask.end());
  all.insert(all.end(), stop.begin(), stop.end());
  EXPECT_EQ(*f, reports::FactsOf(s.value, all, s.clock.due));
  EXPECT_TRUE(f->withdrawal);
  EXPECT_EQ(f->finish, Finish::kStopped);
  EXPECT_EQ(f->finished_at, At("2026-03-04 08:00"));
  ExpectRollupFollowsTheFacts(store());
}

TEST_P(StoreConformance, AStaleAppendWritesNoFacts) {
  AddUnit(store(), "H38", std::nullopt);
  StoredDossier s = Received("H38.03", At("2026-03-02 08:00"), At("2026-03-16 17:00"));
  ASSERT_TRUE(Insert(store(), s, {Ev(1, EventKind::kReceived, At("2026-03-02 08:00"))}).ok());
  const Facts before = *FactsIn(store(), s.value.id);
  StoredDossier stale = s;
  stale.value.state = dossier::State::kResolved;
  stale.value.resolved_at = At("2026-03-05 08:00");
  stale.value.version = 3;
  Status lost = store().Write([&](app::WriteTx& tx) {
    return tx.AppendDossierEvents(stale, 2, {Ev(3, EventKind::kIssued, At("2026-03-05 08:00"))});
  });
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(*FactsIn(store(), s.value.id), before);
  ExpectRollupFollowsTheFacts(store());
}

TEST_P(StoreConformance, ACalendarEditMovesTheFactsDueInstant) {
  AddUnit(store(), "H38", std::nullopt);
  StoredDossier s = Received("H38.03", At("2026-03-02 08:00"), At("2026-03-16 17:00"));
  ASSERT_TRUE(Insert(store(), s, {Ev(1, EventKind::kReceived, At("2026-03-02 08:00"))}).ok());
  app::DossierClock clock = s.clock;
  clock.due = At("2026-03-17 17:00");
  Result<bool> moved = false;
  ASSERT_TRUE(store()
                  .Write([&](app::WriteTx& tx) -> Status {
                    moved = tx.UpdateDossierClock(s.value.id, s.value.version, clock);
                    return Ok();
                  })
                  .ok());
  ASSERT_TRUE(moved.ok() && *moved);
  EXPECT_EQ(FactsIn(store(), s.value.id)->due, At("2026-03-17 17:00"));
  ExpectRollupFollowsTheFacts(store());
}

// One dossier driven through its writes, a second refused at reception, a third withdrawn: the
// rollup after each write, with every counter written out, and the figures summed from it.
TEST_P(StoreConformance, TheRollupFollowsADossiersWrites) {
  const identity::Unit root = AddUnit(store(), "H38", std::nullopt);
  AddUnit(store(), "H38.03", root.id);
  // Received online on 2 March with two digitized components, one reused; due 10 March.
  StoredDossier s = Received("H38.03", At("2026-03-02 08:00"), At("2026-03-10 17:00"));
  ASSERT_TRUE(Insert(store(), s, {Ev(1, EventKind::kReceived, At("2026-03-02 08:00"))}).ok());
  DayCounts received;
  received.received_online = 1;
  received.digitized = 1;
  received.reused = 1;
  DayCounts due;
  due.overdue_from = 1;
  EXPECT_EQ(StoredRollup(store()), (Rollup{{{"H38.03", Day("2026-03-02")}, received},
                                           {{"H38.03", Day("2026-03-10")}, due}}));
  // The finer rollup has the same rows, keyed by the procedure version and channel too.
  EXPECT_EQ(StoredRollup(store(), reports::RollupKind::kProcedure),
            (Rollup{{{"H38.03", Day("2026-03-02"), "1.000001", 1, 2}, received},
                    {{"H38.03", Day("2026-03-10"), "1.000001", 1, 2}, due}}));

  // A forward changes no count: the rollup stays as it was.
  ASSERT_TRUE(Append(store(), s, {Ev(2, EventKind::kForwarded, At("2026-03-03 08:00"))}).ok());
  const Rollup after_insert = StoredRollup(store());
  EXPECT_EQ(after_insert.size(), 2u);

  // A supplement requested: counted on the day the dossier was received.
  s.value.state = dossier::State::kSupplement;
  s.value.supplement_requests = 1;
  ASSERT_TRUE(
      Append(store(), s, {Ev(3, EventKind::kSupplementRequested, At("2026-03-04 08:00"))}).ok());
  received.supplement_received = 1;
  EXPECT_EQ(StoredRollup(store())[(DayKey{"H38.03", Day("2026-03-02")})], received);

  // A calendar edit moves the due instant to 12 March: overdue from the end of 12 March, not 10.
  app::DossierClock clock = s.clock;
  clock.due = At("2026-03-12 17:00");
  s.clock = clock;
  ASSERT_TRUE(store()
                  .Write([&](app::WriteTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(
                        bool moved, tx.UpdateDossierClock(s.value.id, s.value.version, clock));
                    return moved ? Ok() : Status(Error::Internal("the clock was not moved"));
                  })
                  .ok());
  Rollup r = StoredRollup(store());
  EXPECT_EQ(r[(DayKey{"H38.03", Day("2026-03-10")})], DayCounts{});
  EXPECT_EQ(r[(DayKey{"H38.03", Day("2026-03-12")})], due);

  // Resolved on 13 March, late (after the due instant): the finished day counts the result, the
  // supplement leaving and the end of the overdue stretch.
  s.value.state = dossier::State::kResolved;
  s.value.resolved_at = At("2026-03-13 10:00");
  ASSERT_TRUE(Append(store(), s, {Ev(4, EventKind::kIssued, At("2026-03-13 10:00"), 9)}).ok());
  DayCounts finished;
  finished.resolved_late = 1;
  finished.supplement_finished = 1;
  finished.overdue_until = 1;
  r = StoredRollup(store());
  EXPECT_EQ(r[(DayKey{"H38.03", Day("2026-03-13")})], finished);

  // Refused at reception on 5 March: only "refused", on that day.
  StoredDossier refused = Received("H38.03", At("2026-03-05 09:00"), std::nullopt);
  refused.value.received = false;
  refused.value.received_at = 0;
  refused.value.state = dossier::State::kRefused;
  refused.value.stopped_at = At("2026-03-05 09:30");
  ASSERT_TRUE(Insert(store(), refused, {Ev(1, EventKind::kRefused, At("2026-03-05 09:30"))}).ok());
  // Received on 3 March, withdrawn at the applicant's request and stopped on 4 March.
  StoredDossier w = Received("H38.03", At("2026-03-03 08:00"), At("2026-03-17 17:00"));
  ASSERT_TRUE(Insert(store(), w, {Ev(1, EventKind::kReceived, At("2026-03-03 08:00"))}).ok());
  w.value.state = dossier::State::kWithdrawal;
  ASSERT_TRUE(
      Append(store(), w, {Ev(2, EventKind::kWithdrawalRequested, At("2026-03-04 08:00"))}).ok());
  w.value.state = dossier::State::kStopped;
  w.value.stopped_at = At("2026-03-04 09:00");
  ASSERT_TRUE(Append(store(), w, {Ev(3, EventKind::kStopped, At("2026-03-04 09:00"))}).ok());
  DayCounts one_refused;
  one_refused.refused = 1;
  DayCounts withdrawn;
  withdrawn.withdrawn = 1;
  DayCounts received_w;
  received_w.received_online = 1;
  received_w.digitized = 1;
  received_w.reused = 1;
  const Rollup expected = {
      {{"H38.03", Day("2026-03-02")}, received},  {{"H38.03", Day("2026-03-03")}, received_w},
      {{"H38.03", Day("2026-03-04")}, withdrawn}, {{"H38.03", Day("2026-03-05")}, one_refused},
      {{"H38.03", Day("2026-03-12")}, due},       {{"H38.03", Day("2026-03-13")}, finished}};
  EXPECT_TRUE(reports::SameRollup(StoredRollup(store()), expected));
  ExpectRollupFollowsTheFacts(store());

  // The figures summed from it. March, seen from April: 2 received (both online, digitized, one
  // reused each), 1 resolved late, 1 withdrawn, 1 refused, 1 with a supplement.
  const Statistics march = Whole(store(), root.id, "2026-03", At("2026-04-10 08:00"));
  EXPECT_EQ(march.received, 2);
  EXPECT_EQ(march.received_online, 2);
  EXPECT_EQ(march.digitized, 2);
  EXPECT_EQ(march.reused, 2);
  EXPECT_EQ(march.carried_over, 0);
  EXPECT_EQ(march.resolved_late, 1);
  EXPECT_EQ(march.withdrawn, 1);
  EXPECT_EQ(march.refused, 1);
  EXPECT_EQ(march.supplement, 1);
  EXPECT_EQ(march.InProgress(), 0);
  // 12 March alone: the first dossier carried over, overdue at the day's end (due 17:00).
  const Statistics d12 = Whole(store(), root.id, "2026-03-12", At("2026-04-10 08:00"));
  EXPECT_EQ(d12.carried_over, 1);
  EXPECT_EQ(d12.received, 0);
  EXPECT_EQ(d12.in_progress_overdue, 1);
  EXPECT_EQ(d12.supplement, 1);
  // 12 March seen during that day (the row as written later, resolved on the 13th, is judged at
  // `now`, not at a day's end): at noon not yet due, at 18:00 overdue.
  const Rollup kept = StoredRollup(store());
  const Statistics noon = Whole(store(), root.id, "2026-03-12", At("2026-03-12 12:00"));
  EXPECT_EQ(noon.in_progress_on_time, 1);
  EXPECT_EQ(noon.in_progress_overdue, 0);
  const Statistics evening = Whole(store(), root.id, "2026-03-12", At("2026-03-12 18:00"));
  EXPECT_EQ(evening.in_progress_on_time, 0);
  EXPECT_EQ(evening.in_progress_overdue, 1);
  EXPECT_EQ(kept, StoredRollup(store()));  // reading writes nothing
}

// Every figure's dossiers, listed 7 at a time: as many as the figure counts, each one counted
// in it (reports::Accumulate of that dossier alone).
void CheckDrillDown(app::Store& store, const ReportQuery& q, const std::vector<Facts>& all,
                    const Statistics& expected, const reports::Period& p, Instant now) {
  std::map<std::int64_t, const Facts*> by_id;
  for (const Facts& f : all) by_id[f.dossier_id] = &f;
  for (app::ReportFigure figure : app::kAllReportFigures) {
    SCOPED_TRACE(std::string(app::ReportFigureName(figure)));
    std::vector<app::ReportDossier> listed;
    std::int64_t after = 0;
    for (int page = 0; page < 100; ++page) {
      std::vector<app::ReportDossier> items;
      ASSERT_TRUE(store
                      .Read([&](app::ReadTx& tx) -> Status {
                        MOTCUA_ASSIGN_OR_RETURN(items, tx.ListReportDossiers(q, figure, after, 7));
                        return Ok();
                      })
                      .ok());
      listed.insert(listed.end(), items.begin(), items.end());
      if (items.size() < 7) break;
      after = items.back().facts.dossier_id;
    }
    EXPECT_EQ(static_cast<std::int64_t>(listed.size()), app::FigureOf(expected, figure));
    for (const app::ReportDossier& d : listed) {
      ASSERT_TRUE(by_id.contains(d.facts.dossier_id));
      EXPECT_EQ(d.facts, *by_id[d.facts.dossier_id]);
      Statistics one;
      reports::Accumulate(one, d.facts, p, now);
      EXPECT_EQ(app::FigureOf(one, figure), 1) << d.facts.dossier_id;
    }
  }
}

// Random facts over three units (two under the province, one under the first), stored and
// aggregated in SQL, compared with reports::Accumulate for several periods, groupings and scopes.
TEST_P(StoreConformance, ReportStatisticsEqualTheDomainFigures) {
  const identity::Unit root = AddUnit(store(), "H38", std::nullopt);
  const identity::Unit a = AddUnit(store(), "H38.03", root.id);
  const identity::Unit b = AddUnit(store(), "H38.05", root.id);
  const identity::Unit a1 = AddUnit(store(), "H38.03.01", a.id);
  const std::string units[] = {"H38.03", "H38.05", "H38.03.01", "H38"};
  std::mt19937 rng(766);
  const auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  const Instant base = At("2026-01-01 00:00");
  std::vector<Facts> all;
  for (int i = 0; i < 120; ++i) {
    StoredDossier s = Received(units[pick(4)], base + pick(120) * 86400 + pick(36000), {});
    ASSERT_TRUE(Insert(store(), s, {Ev(1, EventKind::kReceived, s.value.received_at)}).ok());
    Facts f;
    f.dossier_id = s.value.id;
    f.unit = s.value.competent_unit;
    f.receiving_unit = "H38.30";
    f.procedure_code = pick(2) ? "1.000001" : "2.000002";
    f.procedure_version = 1;
    f.channel = static_cast<dossier::Channel>(1 + pick(3));
    f.received_at = s.value.received_at;
    f.submitted_at = f.received_at - pick(3600);
    if (pick(5) != 0) f.due = f.received_at + (3 + pick(20)) * 86400;
    const int fate = pick(8);
    if (fate == 0) {
      f.finish = Finish::kRefused;
      f.received_at = 0;
      f.finished_at = f.submitted_at + 3600;
    } else if (fate <= 4) {
      f.finish = Finish::kResolved;
      f.finished_at = s.value.received_at + pick(30) * 86400;
      f.timeliness = static_cast<dossier::Timeliness>(f.due ? 1 + pick(3) : 0);
      f.officer = 1 + pick(3);
    } else if (fate == 5) {
      f.finish = Finish::kStopped;
      f.finished_at = s.value.received_at + pick(10) * 86400;
      f.withdrawal = pick(2) == 0;
    }
    f.supplement_requests = pick(4) == 0 ? 1 : 0;
    f.apology = pick(6) == 0;
    f.components = pick(3);
    f.digitized = f.components == 0 ? 0 : pick(f.components + 1);
    f.reused = pick(3) == 0;
    f.data_store = pick(3) == 0;
    f.paid_online = pick(4) == 0;
    f.synced_national = pick(2) == 0;
    ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.PutDossierFacts(f); }).ok());
    all.push_back(f);
  }
  // Read back whole.
  std::vector<Facts> stored;
  ASSERT_TRUE(store()
                  .Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(stored, tx.ListDossierFacts(0, 1000));
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(stored, all);

  const Instant now = At("2026-03-20 12:00");
  const std::map<std::string, std::set<std::string>> scope = {
      {"root", {"H38", "H38.03", "H38.05", "H38.03.01"}},
      {"a+", {"H38.03", "H38.03.01"}},
      {"a", {"H38.03"}},
      {"b", {"H38.05"}}};
  struct Scope {
    const char* name;
    identity::UnitId unit;
    bool subunits;
  };
  const Scope scopes[] = {
      {"root", root.id, true}, {"a+", a.id, true}, {"a", a.id, false}, {"b", b.id, true}};
  int compared = 0;
  for (const char* label : {"2026-01", "2026-02", "2026-03", "2026-Q1", "2026-02-14", "2026-H1"}) {
    const reports::Period p = *reports::ParsePeriod(label);
    for (const Scope& sc : scopes) {
      for (ReportGroup g : {ReportGroup::kNone, ReportGroup::kUnit, ReportGroup::kProcedure,
                            ReportGroup::kField, ReportGroup::kChannel, ReportGroup::kOfficer}) {
        SCOPED_TRACE(std::string(label) + " " + sc.name + " " +
                     std::string(app::ReportGroupName(g)));
        std::map<std::string, Statistics> expected;
        for (const Facts& f : all) {
          if (!scope.at(sc.name).contains(f.unit)) continue;
          std::string key;
          switch (g) {
            case ReportGroup::kNone: break;
            case ReportGroup::kUnit: key = f.unit; break;
            case ReportGroup::kProcedure: key = f.procedure_code; break;
            case ReportGroup::kChannel:
              key = f.channel == dossier::Channel::kInPerson ? "in-person"
                    : f.channel == dossier::Channel::kOnline ? "online"
                                                             : "postal";
              break;
            case ReportGroup::kOfficer: key = std::to_string(f.officer); break;
            // No procedure version is stored here: the field is unknown, "".
            case ReportGroup::kField: key = ""; break;
          }
          Statistics one;
          reports::Accumulate(one, f, p, now);
          if (one == Statistics{}) continue;
          expected[key] += one;
        }
        ReportQuery q;
        q.unit = sc.unit;
        q.subunits = sc.subunits;
        q.from = p.from;
        q.to = p.to;
        q.now = now;
        q.group = g;
        std::map<std::string, Statistics> got;
        for (const ReportRow& r : Report(store(), q)) got[r.key] = r.stats;
        EXPECT_EQ(got, expected);
        ++compared;
        if (g == ReportGroup::kNone) {
          const Statistics whole = expected.empty() ? Statistics{} : expected.begin()->second;
          CheckDrillDown(store(), q, all, whole, p, now);
        }
      }
    }
  }
  EXPECT_EQ(compared, 6 * 4 * 6);
  // The figures are not all empty: the comparison compares something.
  ReportQuery q;
  q.unit = root.id;
  q.from = base;
  q.to = At("2026-07-01 00:00");
  q.now = now;
  const std::vector<ReportRow> whole = Report(store(), q);
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_GT(whole[0].stats.received, 50);
  EXPECT_GT(whole[0].stats.Resolved(), 20);
  EXPECT_GT(whole[0].stats.refused, 3);
  EXPECT_GT(whole[0].stats.InProgress(), 3);
  ExpectRollupFollowsTheFacts(store());
}

}  // namespace
}  // namespace motcua::storage::conformance
