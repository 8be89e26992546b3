// The periodic report of procedure results (app::ReportService::Periodic) on every back end:
// a hand-built month over three units and two fields, every figure written out, and for other
// periods the rows by field and by unit summing to the statistics of the same scope. Then the
// daily snapshots (migration 9) of the same month: taken once, kept as taken, each day equal to
// the statistics of that day.
#include "app/report_service.h"
#include "calendar/test_util.h"
#include "catalog/test_util.h"
#include "storage/conformance/conformance.h"

namespace motcua::storage::conformance {
namespace {

using app::ReportRow;
using reports::Facts;
using reports::Finish;
using reports::Statistics;
using Timeliness = dossier::Timeliness;

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

void AddProcedure(app::Store& store, const std::string& code, const std::string& field) {
  catalog::Procedure p = catalog::testing::MarriageRegistration();
  p.code = code;
  p.field = field;
  app::StoredProcedureVersion v;
  v.value = catalog::testing::PublishedVersion(std::move(p), {2025, 1, 1});
  v.value.number = 1;
  EXPECT_TRUE(store.Write([&](app::WriteTx& tx) { return tx.InsertProcedureVersion(v); }).ok());
}

// One dossier as its facts row says: stored through InsertDossier, then its facts replaced.
struct Row {
  const char* unit;
  const char* procedure;
  dossier::Channel channel;
  const char* received;  // local; nullptr: refused at reception (never received)
  const char* due;       // local; nullptr: no legal time
  Finish finish;
  const char* finished;  // local, or nullptr when open
  Timeliness timeliness = Timeliness::kPending;
  bool withdrawal = false;
};

void Store(app::Store& store, const Row& r) {
  app::StoredDossier s;
  dossier::Dossier& d = s.value;
  d.procedure_code = r.procedure;
  d.procedure_version = 1;
  d.channel = r.channel;
  d.receiving_unit = "H38.30";
  d.competent_unit = r.unit;
  d.state = dossier::State::kProcessing;
  d.received = true;
  d.received_at = At(r.received != nullptr ? r.received : r.finished);
  d.submitted_at = d.received_at;
  d.version = 1;
  s.secret_hash = std::string(64, 'f');
  s.step_unit = r.unit;
  dossier::Event e;
  e.seq = 1;
  e.kind = dossier::EventKind::kReceived;
  e.at = d.received_at;
  e.actor_id = 5;
  e.actor = "canbo";
  e.unit_code = r.unit;
  ASSERT_TRUE(store.Write([&](app::WriteTx& tx) { return tx.InsertDossier(s, {e}); }).ok());
  Facts f;
  f.dossier_id = d.id;
  f.unit = r.unit;
  f.receiving_unit = "H38.30";
  f.procedure_code = r.procedure;
  f.procedure_version = 1;
  f.channel = r.channel;
  f.submitted_at = d.submitted_at;
  f.received_at = r.received != nullptr ? At(r.received) : 0;
  if (r.due != nullptr) f.due = At(r.due);
  f.finish = r.finish;
  f.finished_at = r.finished != nullptr ? At(r.finished) : 0;
  f.timeliness = r.timeliness;
  f.withdrawal = r.withdrawal;
  ASSERT_TRUE(store.Write([&](app::WriteTx& tx) { return tx.PutDossierFacts(f); }).ok());
}

// The figures a row of the periodic report shows, in the order of the form: carried over, new
// (in person, online, postal), resolved (early, on time, late), in progress (on time, overdue),
// withdrawn, stopped, refused.
std::vector<std::int64_t> Figures(const Statistics& s) {
  return {s.carried_over,        s.received_in_person, s.received_online, s.received_postal,
          s.resolved_early,      s.resolved_on_time,   s.resolved_late,   s.in_progress_on_time,
          s.in_progress_overdue, s.withdrawn,          s.stopped,         s.refused};
}

std::map<std::string, std::vector<std::int64_t>> ByKey(const std::vector<ReportRow>& rows) {
  std::map<std::string, std::vector<std::int64_t>> out;
  for (const ReportRow& r : rows) out[r.key] = Figures(r.stats);
  return out;
}

Statistics Sum(const std::vector<ReportRow>& rows) {
  Statistics s;
  for (const ReportRow& r : rows) s += r.stats;
  return s;
}

class PeriodicFixture {
 public:
  explicit PeriodicFixture(app::Store& store) : store_(store) {
    const identity::Unit root = AddUnit(store, "H38", std::nullopt);
    const identity::Unit a = AddUnit(store, "H38.03", root.id);
    AddUnit(store, "H38.05", root.id);
    AddUnit(store, "H38.03.01", a.id);
    AddProcedure(store, "1.000001", "Hộ tịch");
    AddProcedure(store, "2.000002", "Đất đai");
    using dossier::Channel;
    const Row rows[] = {
        // Carried over from February: resolved early in March; still open, due in March.
        {"H38.03", "1.000001", Channel::kOnline, "2026-02-20 09:00", "2026-03-05 17:00",
         Finish::kResolved, "2026-03-03 10:00", Timeliness::kEarly},
        {"H38.03", "2.000002", Channel::kInPerson, "2026-02-25 09:00", "2026-03-10 17:00",
         Finish::kOpen, nullptr},
        // New in March at the sub-unit: on time, late.
        {"H38.03.01", "1.000001", Channel::kInPerson, "2026-03-02 09:00", "2026-03-20 17:00",
         Finish::kResolved, "2026-03-20 10:00", Timeliness::kOnTime},
        {"H38.03.01", "2.000002", Channel::kPostal, "2026-03-05 09:00", "2026-03-15 17:00",
         Finish::kResolved, "2026-03-18 10:00", Timeliness::kLate},
        // New in March at the other department: open within time, withdrawn, stopped, refused.
        {"H38.05", "1.000001", Channel::kOnline, "2026-03-10 09:00", "2026-04-20 17:00",
         Finish::kOpen, nullptr},
        {"H38.05", "1.000001", Channel::kOnline, "2026-03-11 09:00", "2026-03-25 17:00",
         Finish::kStopped, "2026-03-12 09:00", Timeliness::kPending, true},
        {"H38.05", "2.000002", Channel::kInPerson, "2026-03-12 09:00", "2026-03-26 17:00",
         Finish::kStopped, "2026-03-13 09:00"},
        {"H38.05", "2.000002", Channel::kInPerson, nullptr, nullptr, Finish::kRefused,
         "2026-03-15 09:00"},
        // Outside March: finished in February; received in April.
        {"H38.03", "1.000001", Channel::kInPerson, "2026-01-10 09:00", "2026-01-20 17:00",
         Finish::kResolved, "2026-02-01 09:00", Timeliness::kLate},
        {"H38.03", "1.000001", Channel::kOnline, "2026-04-02 09:00", "2026-04-16 17:00",
         Finish::kOpen, nullptr},
    };
    for (const Row& r : rows) Store(store, r);
  }

  Result<app::ReportService::PeriodicReport> Periodic(const std::string& unit, const char* period) {
    app::ReportService service(store_, clock_);
    return service.Periodic(app::Actor::System(), unit, *reports::ParsePeriod(period));
  }
  Result<app::ReportService::StatisticsReport> Statistics(const std::string& unit,
                                                          const char* period) {
    app::ReportService service(store_, clock_);
    return service.Statistics(app::Actor::System(),
                              {unit, true, *reports::ParsePeriod(period), app::ReportGroup::kNone});
  }
  Result<int> TakeSnapshots() {
    app::ReportService service(store_, clock_);
    return service.TakeDailySnapshots();
  }
  Result<app::ReportService::Trend> Trend(const std::string& unit, const char* period) {
    app::ReportService service(store_, clock_);
    return service.TrendOf(app::Actor::System(), unit, *reports::ParsePeriod(period));
  }
  FakeClock& clock() { return clock_; }

 private:
  app::Store& store_;
  FakeClock clock_{At("2026-04-10 09:00")};
};

TEST_P(StoreConformance, PeriodicReportOfAMonthByFieldAndUnit) {
  PeriodicFixture fixture(store());
  auto march = fixture.Periodic("H38", "2026-03");
  ASSERT_TRUE(march.ok()) << ToString(march.error());
  EXPECT_EQ(march->as_of, At("2026-04-01 00:00"));
  //                        carried  new: in person online postal  resolved: early on time late
  //                        in progress: on time overdue  withdrawn stopped refused
  using Figs = std::map<std::string, std::vector<std::int64_t>>;
  EXPECT_EQ(ByKey(march->fields), (Figs{{"Hộ tịch", {1, 1, 2, 0, 1, 1, 0, 1, 0, 1, 0, 0}},
                                        {"Đất đai", {1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1}}}));
  EXPECT_EQ(ByKey(march->units), (Figs{{"H38.03", {2, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0}},
                                       {"H38.03.01", {0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0}},
                                       {"H38.05", {0, 1, 2, 0, 0, 0, 0, 1, 0, 1, 1, 1}}}));
  EXPECT_EQ(Figures(march->total), (std::vector<std::int64_t>{2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
  EXPECT_EQ(march->total.Total(), 7);
  EXPECT_EQ(march->unit_names.at("H38.05"), "Đơn vị H38.05");

  // The department with its sub-unit only.
  auto a = fixture.Periodic("H38.03", "2026-03");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(ByKey(a->fields), (Figs{{"Hộ tịch", {1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0}},
                                    {"Đất đai", {1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0}}}));
  EXPECT_EQ(a->units.size(), 2u);
}

TEST_P(StoreConformance, PeriodicReportRowsSumToTheStatisticsOfTheScope) {
  PeriodicFixture fixture(store());
  for (const char* period : {"2026-02", "2026-03", "2026-04", "2026-Q1", "2026-H1", "2026"}) {
    for (const char* unit : {"H38", "H38.03", "H38.05"}) {
      SCOPED_TRACE(std::string(period) + " " + unit);
      auto report = fixture.Periodic(unit, period);
      auto stats = fixture.Statistics(unit, period);
      ASSERT_TRUE(report.ok() && stats.ok());
      EXPECT_EQ(report->total, stats->total);
      EXPECT_EQ(Sum(report->fields), report->total);
      EXPECT_EQ(Sum(report->units), report->total);
      const Statistics& t = report->total;
      EXPECT_EQ(t.Total(), t.Resolved() + t.withdrawn + t.stopped + t.InProgress());
    }
  }
  // April, seen on the 10th: March's open overdue dossier is carried over and still overdue;
  // the one received on 2 April is within time.
  auto april = fixture.Periodic("H38", "2026-04");
  ASSERT_TRUE(april.ok());
  EXPECT_EQ(Figures(april->total), (std::vector<std::int64_t>{2, 0, 1, 0, 0, 0, 0, 2, 1, 0, 0, 0}));
}

// The yearly report (period=YYYY) states what the year took over from the year before (carried
// over), what it received and resolved, and what it hands on to the next (in progress at the
// year's end, on time and overdue: "chuyển kỳ sau"); the next year's carried over is exactly that.
TEST_P(StoreConformance, TheYearlyReportCarriesForwardIntoTheNextYear) {
  const identity::Unit root = AddUnit(store(), "H38", std::nullopt);
  AddUnit(store(), "H38.03", root.id);
  AddProcedure(store(), "1.000001", "Hộ tịch");
  using dossier::Channel;
  const Row rows[] = {
      // From 2024: resolved early in January 2025; still open, overdue since January 2025.
      {"H38.03", "1.000001", Channel::kInPerson, "2024-12-20 09:00", "2025-01-10 17:00",
       Finish::kResolved, "2025-01-08 10:00", Timeliness::kEarly},
      {"H38.03", "1.000001", Channel::kInPerson, "2024-12-28 09:00", "2025-01-15 17:00",
       Finish::kOpen, nullptr},
      // Received in 2025: resolved late in March; open at the year's end within time (resolved
      // early in January 2026); open at the year's end past due (resolved late in 2026).
      {"H38.03", "1.000001", Channel::kInPerson, "2025-03-01 09:00", "2025-03-15 17:00",
       Finish::kResolved, "2025-03-20 10:00", Timeliness::kLate},
      {"H38.03", "1.000001", Channel::kOnline, "2025-12-20 09:00", "2026-01-10 17:00",
       Finish::kResolved, "2026-01-05 10:00", Timeliness::kEarly},
      {"H38.03", "1.000001", Channel::kInPerson, "2025-12-29 09:00", "2025-12-30 17:00",
       Finish::kResolved, "2026-01-03 10:00", Timeliness::kLate},
      // Neither year's: 2024 only; then 2026 only (open within time on 10 April).
      {"H38.03", "1.000001", Channel::kInPerson, "2024-06-01 09:00", "2024-06-15 17:00",
       Finish::kResolved, "2024-06-10 10:00", Timeliness::kEarly},
      {"H38.03", "1.000001", Channel::kOnline, "2026-02-02 09:00", "2026-05-01 17:00",
       Finish::kOpen, nullptr},
  };
  for (const Row& r : rows) Store(store(), r);
  FakeClock clock(At("2026-04-10 09:00"));
  app::ReportService service(store(), clock);
  auto y2025 = service.Periodic(app::Actor::System(), "H38", *reports::ParsePeriod("2025"));
  ASSERT_TRUE(y2025.ok()) << ToString(y2025.error());
  const Statistics& a = y2025->total;
  EXPECT_EQ(y2025->as_of, At("2026-01-01 00:00"));
  EXPECT_EQ(a.carried_over, 2);  // from 2024
  EXPECT_EQ(a.received, 3);      // in 2025
  EXPECT_EQ(a.received_online, 1);
  EXPECT_EQ(a.Total(), 5);
  EXPECT_EQ(a.Resolved(), 2);
  EXPECT_EQ(a.resolved_early, 1);
  EXPECT_EQ(a.resolved_late, 1);
  EXPECT_EQ(a.in_progress_on_time, 1);  // chuyển kỳ sau, trong hạn
  EXPECT_EQ(a.in_progress_overdue, 2);  // chuyển kỳ sau, quá hạn
  EXPECT_EQ(Figures(a), (std::vector<std::int64_t>{2, 2, 1, 0, 1, 0, 1, 1, 2, 0, 0, 0}));
  EXPECT_EQ(Figures(Sum(y2025->units)), Figures(a));
  // 2026 takes over what 2025 handed on: the three still open at its end.
  auto y2026 = service.Periodic(app::Actor::System(), "H38", *reports::ParsePeriod("2026"));
  ASSERT_TRUE(y2026.ok());
  const Statistics& b = y2026->total;
  EXPECT_EQ(b.carried_over, a.InProgress());
  EXPECT_EQ(Figures(b), (std::vector<std::int64_t>{3, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0}));
}

// A dossier of H38.03 received on `events[0].at` with this history, its facts row as its events
// make it (InsertDossier), the visits of its steps (reports::VisitsOf on the national calendar,
// as the generator writes them), the step it is at with that step's due instant, and who is
// assigned there. An event's unit and the entered step's unit are H38.03 unless it names one.
void StoreHistory(app::Store& store, std::vector<dossier::Event> events,
                  std::optional<Instant> step_due, identity::UserId assignee = 0) {
  app::StoredDossier s;
  dossier::Dossier& d = s.value;
  d.procedure_code = "1.000001";
  d.procedure_version = 1;
  d.receiving_unit = "H38.30";
  d.competent_unit = "H38.03";
  d.received = true;
  d.received_at = events.front().at;
  d.submitted_at = d.received_at;
  d.state = events.back().kind == dossier::EventKind::kReturned ? dossier::State::kReturned
                                                                : dossier::State::kProcessing;
  d.version = static_cast<std::int64_t>(events.size());
  d.assignee = assignee;
  s.secret_hash = std::string(64, 'f');
  s.clock.step_due = step_due;
  for (std::size_t i = 0; i < events.size(); ++i) {
    events[i].seq = static_cast<std::int64_t>(i + 1);
    events[i].actor = "canbo";
    if (events[i].unit_code.empty()) events[i].unit_code = "H38.03";
    if (events[i].to_unit.empty()) events[i].to_unit = "H38.03";
  }
  const auto open = reports::OpenStepOf(events);
  d.step_id = open ? open->step_id : "";
  d.step_entered = open ? open->entered : 0;  // as Apply keeps it
  s.step_unit = open ? open->unit : "H38.03";
  auto visits = reports::VisitsOf(0, events, calendar::testing::National());
  ASSERT_TRUE(visits.ok());
  ASSERT_TRUE(store
                  .Write([&](app::WriteTx& tx) -> Status {
                    MOTCUA_RETURN_IF_ERROR(tx.InsertDossier(s, events));
                    return tx.InsertStepVisits(s.value.id, *visits);
                  })
                  .ok());
}

dossier::Event Entered(dossier::EventKind kind, const char* at, std::string step = "",
                       std::int64_t hours = 0) {
  dossier::Event e;
  e.kind = kind;
  e.at = At(at);
  e.to_step = std::move(step);
  e.to_budget = hours * 3600;
  return e;
}

// The per-step figures read the period's dossiers and their events on every back end (the fold
// itself is reports/steps_test.cc): one dossier through four steps, one held at the appraisal.
TEST_P(StoreConformance, PerStepFiguresOfAMonth) {
  const identity::Unit root = AddUnit(store(), "H38", std::nullopt);
  AddUnit(store(), "H38.03", root.id);
  AddProcedure(store(), "1.000001", "Hộ tịch");
  using dossier::EventKind;
  StoreHistory(store(),
               {Entered(EventKind::kReceived, "2026-03-02 08:00", "tiep-nhan", 1),
                Entered(EventKind::kForwarded, "2026-03-02 08:30", "tham-dinh", 4),
                Entered(EventKind::kForwarded, "2026-03-03 09:00", "ky", 2),
                Entered(EventKind::kIssued, "2026-03-03 10:00", "tra-ket-qua", 1),
                Entered(EventKind::kReturned, "2026-03-03 10:30")},
               std::nullopt);
  StoreHistory(store(),
               {Entered(EventKind::kReceived, "2026-03-04 09:00", "tiep-nhan", 1),
                Entered(EventKind::kForwarded, "2026-03-04 09:30", "tham-dinh", 4)},
               At("2026-03-04 15:00"));
  FakeClock clock(At("2026-04-10 09:00"));
  app::ReportService service(store(), clock);
  auto march = service.Steps(
      app::Actor::System(), {"H38", true, *reports::ParsePeriod("2026-03"), app::StepGroup::kStep});
  ASSERT_TRUE(march.ok()) << ToString(march.error());
  std::map<std::string, reports::StepFigures> rows;
  for (const auto& r : march->rows) rows[r.key] = r.figures;
  //                          passed on time late untimed  working s  longest s  current overdue
  EXPECT_EQ(rows["tiep-nhan"], (reports::StepFigures{2, 2, 0, 0, 3600, 1800, 0, 0}));
  EXPECT_EQ(rows["tham-dinh"], (reports::StepFigures{1, 0, 1, 0, 30600, 30600, 1, 1}));
  EXPECT_EQ(rows["ky"], (reports::StepFigures{1, 1, 0, 0, 3600, 3600, 0, 0}));
  EXPECT_EQ(rows["tra-ket-qua"], (reports::StepFigures{1, 1, 0, 0, 1800, 1800, 0, 0}));
  EXPECT_EQ(rows.size(), 4u);
  EXPECT_EQ(march->total.passed, 5);
  // February saw neither.
  // February saw neither.
  auto february = service.Steps(
      app::Actor::System(), {"H38", true, *reports::ParsePeriod("2026-02"), app::StepGroup::kStep});
  ASSERT_TRUE(february.ok());
  EXPECT_TRUE(february->rows.empty());
}

// The same visits per unit of the step and per officer: one dossier through four steps, the
// appraisal at H38.04; one held at the appraisal, assigned. Units of a scope only; a past instant
// counts the dossiers that had entered the step by then.
TEST_P(StoreConformance, PerStepFiguresPerUnitAndPerOfficer) {
  const identity::Unit root = AddUnit(store(), "H38", std::nullopt);
  const identity::Unit a = AddUnit(store(), "H38.03", root.id);
  AddUnit(store(), "H38.04", root.id);
  AddProcedure(store(), "1.000001", "Hộ tịch");
  std::vector<identity::User> officers;
  for (const char* name : {"Lê Văn Tiếp", "Trần Thị Thẩm", "Phạm Văn Ký"}) {
    identity::User u;
    u.username = "canbo" + std::to_string(officers.size());
    u.full_name = name;
    u.unit_id = a.id;
    u.roles = {identity::Role::kSpecialist};
    u.password_hash = "$argon2id$fake";
    ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.InsertUser(u); }).ok());
    officers.push_back(u);
  }
  const auto by = [](dossier::Event e, const identity::User& who, const char* to_unit = "") {
    e.actor_id = who.id;
    e.to_unit = to_unit;
    return e;
  };
  const identity::User& tiep = officers[0];
  const identity::User& tham = officers[1];
  const identity::User& ky = officers[2];
  using dossier::EventKind;
  StoreHistory(
      store(),
      {Entered(EventKind::kReceived, "2026-03-02 08:00", "tiep-nhan", 1),
       by(Entered(EventKind::kForwarded, "2026-03-02 08:30", "tham-dinh", 4), tiep, "H38.04"),
       by(Entered(EventKind::kForwarded, "2026-03-03 09:00", "ky", 2), tham),
       by(Entered(EventKind::kIssued, "2026-03-03 10:00", "tra-ket-qua", 1), ky),
       by(Entered(EventKind::kReturned, "2026-03-03 10:30"), tiep)},
      std::nullopt);
  StoreHistory(
      store(),
      {Entered(EventKind::kReceived, "2026-03-04 09:00", "tiep-nhan", 1),
       by(Entered(EventKind::kForwarded, "2026-03-04 09:30", "tham-dinh", 4), tiep, "H38.04")},
      At("2026-03-04 15:00"), tham.id);
  FakeClock clock(At("2026-04-10 09:00"));
  app::ReportService service(store(), clock);
  const auto report = [&](const char* unit, bool subunits, const char* period,
                          app::StepGroup group) {
    auto r =
        service.Steps(app::Actor::System(), {unit, subunits, *reports::ParsePeriod(period), group});
    EXPECT_TRUE(r.ok()) << ToString(r.error());
    std::map<std::string, std::pair<std::string, reports::StepFigures>> rows;
    if (r.ok()) {
      for (const auto& row : r->rows) rows[row.key] = {row.name, row.figures};
    }
    return rows;
  };
  using F = reports::StepFigures;
  //                            passed on time late untimed  working s  longest s  current overdue
  auto units = report("H38", true, "2026-03", app::StepGroup::kUnit);
  EXPECT_EQ(units.size(), 2u);
  EXPECT_EQ(units["H38.03"],
            std::make_pair(std::string("Đơn vị H38.03"), F{4, 4, 0, 0, 9000, 3600, 0, 0}));
  EXPECT_EQ(units["H38.04"],
            std::make_pair(std::string("Đơn vị H38.04"), F{1, 0, 1, 0, 30600, 30600, 1, 1}));
  auto people = report("H38", true, "2026-03", app::StepGroup::kOfficer);
  EXPECT_EQ(people.size(), 3u);
  // The two receptions were forwarded by the receiving officer, who also handed the result over.
  EXPECT_EQ(people[std::to_string(tiep.id)],
            std::make_pair(std::string("Lê Văn Tiếp"), F{3, 3, 0, 0, 5400, 1800, 0, 0}));
  // The appraisal left late, and the one still there is assigned to the same officer.
  EXPECT_EQ(people[std::to_string(tham.id)],
            std::make_pair(std::string("Trần Thị Thẩm"), F{1, 0, 1, 0, 30600, 30600, 1, 1}));
  EXPECT_EQ(people[std::to_string(ky.id)],
            std::make_pair(std::string("Phạm Văn Ký"), F{1, 1, 0, 0, 3600, 3600, 0, 0}));
  // H38.04 alone: only the appraisal.
  auto appraisal = report("H38.04", false, "2026-03", app::StepGroup::kStep);
  EXPECT_EQ(appraisal.size(), 1u);
  EXPECT_EQ(appraisal["tham-dinh"].second, (F{1, 0, 1, 0, 30600, 30600, 1, 1}));
  // At the end of 2 March the first dossier was at the appraisal, past its due (14:00); the
  // second was not yet received.
  auto second = report("H38", true, "2026-03-02", app::StepGroup::kStep);
  EXPECT_EQ(second["tiep-nhan"].second, (F{1, 1, 0, 0, 1800, 1800, 0, 0}));
  EXPECT_EQ(second["tham-dinh"].second, (F{0, 0, 0, 0, 0, 0, 1, 1}));
  // At the end of 4 March the second was there too, past its due (15:00).
  auto fourth = report("H38", true, "2026-03-04", app::StepGroup::kStep);
  EXPECT_EQ(fourth["tham-dinh"].second, (F{0, 0, 0, 0, 0, 0, 1, 1}));
  EXPECT_EQ(fourth["tiep-nhan"].second, (F{1, 1, 0, 0, 1800, 1800, 0, 0}));
  // The rollup per day that whole days read is the visits' own aggregate, and the one that
  // migration 11 and the rebuild fold from them.
  const Status checked = store().Read([&](app::ReadTx& tx) -> Status {
    for (const char* period : {"2026-03", "2026-03-02", "2026-03-04", "2026-02"}) {
      const reports::Period p = *reports::ParsePeriod(period);
      for (const app::StepGroup group :
           {app::StepGroup::kStep, app::StepGroup::kUnit, app::StepGroup::kOfficer}) {
        app::StepQuery q{root.id, true, p.from, p.to, p.to, true, group};
        MOTCUA_ASSIGN_OR_RETURN(auto days, tx.ReportStepVisits(q));
        q.from_visits = true;
        MOTCUA_ASSIGN_OR_RETURN(auto visits, tx.ReportStepVisits(q));
        EXPECT_EQ(days, visits) << period;
      }
    }
    EXPECT_EQ(*tx.CountStepDaysDifferent(), 0);
    return Ok();
  });
  EXPECT_TRUE(checked.ok()) << ToString(checked.error());
}

// The figures a snapshot keeps: received by channel, resolved by timeliness, withdrawn, stopped,
// refused, in progress on time and overdue.
Statistics Kept(const Statistics& s) {
  Statistics k;
  k.received_in_person = s.received_in_person;
  k.received_online = s.received_online;
  k.received_postal = s.received_postal;
  k.received = s.received;
  k.resolved_early = s.resolved_early;
  k.resolved_on_time = s.resolved_on_time;
  k.resolved_late = s.resolved_late;
  k.resolved_untimed = s.resolved_untimed;
  k.withdrawn = s.withdrawn;
  k.stopped = s.stopped;
  k.refused = s.refused;
  k.in_progress_on_time = s.in_progress_on_time;
  k.in_progress_overdue = s.in_progress_overdue;
  return k;
}

TEST_P(StoreConformance, DailySnapshotsAreTakenOnceAndKeptAsTaken) {
  PeriodicFixture fixture(store());
  fixture.clock().Set(At("2026-03-13 09:00"));
  // The seven days before the 13th, each once.
  auto taken = fixture.TakeSnapshots();
  ASSERT_TRUE(taken.ok()) << ToString(taken.error());
  EXPECT_EQ(*taken, 7);
  EXPECT_EQ(*fixture.TakeSnapshots(), 0);
  auto trend = fixture.Trend("H38", "2026-03");
  ASSERT_TRUE(trend.ok()) << ToString(trend.error());
  ASSERT_EQ(trend->days.size(), 7u);
  EXPECT_EQ(trend->days.front().day, reports::LocalDay(At("2026-03-06 12:00")));
  EXPECT_EQ(trend->days.back().day, reports::LocalDay(At("2026-03-12 12:00")));
  // received (in person, online, postal), resolved (early, on time, late), withdrawn, stopped,
  // in progress (on time, overdue) of each day.
  const auto figures = [](const Statistics& s) {
    return std::vector<std::int64_t>{
        s.received_in_person,  s.received_online,    s.received_postal, s.resolved_early,
        s.resolved_on_time,    s.resolved_late,      s.withdrawn,       s.stopped,
        s.in_progress_on_time, s.in_progress_overdue};
  };
  using Figs = std::vector<std::int64_t>;
  // 6 March: nothing new; open at its end: the three received before it, none past due.
  EXPECT_EQ(figures(trend->days[0].stats), (Figs{0, 0, 0, 0, 0, 0, 0, 0, 3, 0}));
  // 10 March: one online; the dossier due at 17:00 that day is overdue at its end.
  EXPECT_EQ(figures(trend->days[4].stats), (Figs{0, 1, 0, 0, 0, 0, 0, 0, 3, 1}));
  // 12 March: one at the counter; the online one of the 11th withdrawn.
  EXPECT_EQ(figures(trend->days[6].stats), (Figs{1, 0, 0, 0, 0, 0, 1, 0, 4, 1}));
  auto own = fixture.Trend("H38.05", "2026-03-12");
  ASSERT_TRUE(own.ok());
  ASSERT_EQ(own->days.size(), 1u);
  EXPECT_EQ(figures(own->days[0].stats), (Figs{1, 0, 0, 0, 0, 0, 1, 0, 2, 0}));
  // Each day is the statistics of that day.
  for (const app::ReportTrendDay& d : trend->days) {
    const std::string label =
        calendar::FormatDate(calendar::FromDayNumber(static_cast<calendar::DayNumber>(d.day)));
    SCOPED_TRACE(label);
    EXPECT_EQ(d.stats, Kept(fixture.Statistics("H38", label.c_str())->total));
  }
  // A later change of the figures leaves the days taken as they were; the next day is taken.
  Row late = {
      "H38.05",      "1.000001", dossier::Channel::kOnline, "2026-03-12 10:00", "2026-03-20 17:00",
      Finish::kOpen, nullptr};
  Store(store(), late);
  fixture.clock().Set(At("2026-03-14 00:30"));
  EXPECT_EQ(*fixture.TakeSnapshots(), 1);
  auto again = fixture.Trend("H38", "2026-03");
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->days.size(), 8u);
  EXPECT_EQ(again->days[6], trend->days[6]);
  // 13 March: the one received late on the 12th is open within time; the counter one stopped.
  EXPECT_EQ(again->days[7].stats.in_progress_on_time, 4);
  EXPECT_EQ(again->days[7].stats.stopped, 1);
}

TEST_P(StoreConformance, ADayWithoutDossiersIsMarkedTaken) {
  AddUnit(store(), "H38", std::nullopt);
  FakeClock clock(At("2026-03-13 09:00"));
  app::ReportService service(store(), clock);
  EXPECT_EQ(*service.TakeDailySnapshots(), 7);
  EXPECT_EQ(*service.TakeDailySnapshots(), 0);
  auto trend = service.TrendOf(app::Actor::System(), "H38", *reports::ParsePeriod("2026-03"));
  ASSERT_TRUE(trend.ok());
  ASSERT_EQ(trend->days.size(), 7u);
  EXPECT_EQ(trend->days[3].stats, Statistics{});
  auto year =
      service.TrendOf(app::Actor::System(), "H38", *reports::ParsePeriod("2025-01-01..2026-03-31"));
  ASSERT_FALSE(year.ok());
  EXPECT_EQ(year.error().fields.at(0).field, "period");
}

}  // namespace
}  // namespace motcua::storage::conformance
