// Dossiers in storage (migration 4): round trips of the row and the events, optimistic
// concurrency, code sequences, queues filtered by unit scope in SQL and keyset-paginated.
#include <algorithm>
#include <set>

#include "storage/conformance/conformance.h"

namespace motcua::storage::conformance {
namespace {

using app::Queue;
using app::QueueQuery;
using app::StoredDossier;
using dossier::Event;
using dossier::EventKind;
using identity::Unit;

Unit AddUnit(app::Store& store, std::string code, std::optional<identity::UnitId> parent) {
  Unit u;
  u.code = std::move(code);
  u.name = "Đơn vị " + u.code;
  u.kind = parent ? identity::UnitKind::kDepartment : identity::UnitKind::kProvince;
  u.parent_id = parent;
  EXPECT_TRUE(store.Write([&](app::WriteTx& tx) { return tx.InsertUnit(u); }).ok());
  return u;
}

// The units the queue tests scope by: a province, a department with a division, another
// department.
struct QueueUnits {
  Unit root, dept, division, other;
};
QueueUnits AddQueueUnits(app::Store& store) {
  const Unit root = AddUnit(store, "H38", std::nullopt);
  const Unit dept = AddUnit(store, "H38.03", root.id);
  return {root, dept, AddUnit(store, "H38.03.01", dept.id), AddUnit(store, "H38.05", root.id)};
}

StoredDossier MakeDossier(std::string code, std::string step_unit, Instant due) {
  StoredDossier s;
  dossier::Dossier& d = s.value;
  d.code = std::move(code);
  d.procedure_code = "1.000001";
  d.procedure_version = 2;
  d.channel = catalog::Channel::kOnline;
  d.receiving_unit = "H38.30";
  d.competent_unit = step_unit;
  d.applicant = {false,       "Nguyễn Thị Hương", "001203004567",    "Phường Đông Hải",
                 "H38.99.01", "0912345678",       "huong@example.vn"};
  d.components = {{"Tờ khai", dossier::Provision::kElectronic, true, std::string(64, 'a')},
                  {"Giấy khai sinh", dossier::Provision::kDataStore, true, ""}};
  d.supplied = {{"Bản sao hộ chiếu", dossier::Provision::kElectronic, true, std::string(64, 'b')}};
  d.state = dossier::State::kProcessing;
  d.received = true;
  d.received_at = 1'772'420'400;
  d.submitted_at = d.received_at - 60;
  d.step_id = "tham-dinh";
  d.step_kind = catalog::StepKind::kAppraise;
  d.step_budget = 56 * 3600;
  d.step_entered = d.received_at + 3600;
  d.version = 1;
  s.secret_hash = std::string(64, 'f');
  s.applicant_user = 77;
  s.step_unit = std::move(step_unit);
  s.clock.due = due;
  s.clock.appointment = due;
  s.clock.step_due = due - 3600;
  return s;
}

// The ids of a queue's page, and the queue's size.
std::vector<std::int64_t> QueueIds(app::Store& store, const QueueQuery& q) {
  std::vector<std::int64_t> out;
  EXPECT_TRUE(store
                  .Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(auto rows, tx.ListQueue(q));
                    for (const auto& r : rows) out.push_back(r.value.id);
                    return Ok();
                  })
                  .ok());
  return out;
}

// Walks a queue page by page through the keyset cursor, at most `pages` pages of `q.limit`; every
// page holds at most `q.limit` rows.
std::vector<std::int64_t> WalkQueue(app::Store& store, QueueQuery q, int pages) {
  std::vector<std::int64_t> walked;
  for (int page = 0; page < pages; ++page) {
    std::vector<StoredDossier> rows;
    EXPECT_TRUE(store
                    .Read([&](app::ReadTx& tx) -> Status {
                      MOTCUA_ASSIGN_OR_RETURN(rows, tx.ListQueue(q));
                      return Ok();
                    })
                    .ok());
    if (rows.empty()) break;
    EXPECT_LE(static_cast<int>(rows.size()), q.limit);
    for (const auto& r : rows) walked.push_back(r.value.id);
    q.after_id = rows.back().value.id;
    q.after_due = rows.back().clock.due;
    q.after_no_due = !rows.back().clock.due.has_value();
  }
  return walked;
}

std::int64_t QueueCount(app::Store& store, const QueueQuery& q) {
  std::int64_t n = -1;
  EXPECT_TRUE(store
                  .Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(n, tx.CountQueue(q));
                    return Ok();
                  })
                  .ok());
  return n;
}

Event Received(Instant at) {
  Event e;
  e.seq = 1;
  e.kind = EventKind::kReceived;
  e.at = at;
  e.actor_id = 5;
  e.actor = "tiepnhan";
  e.unit_code = "H38.30";
  e.to_step = "tiep-nhan";
  e.to_kind = catalog::StepKind::kReceive;
  e.to_budget = 4 * 3600;
  e.to_unit = "H38.30";
  e.items = {"Bản sao hộ chiếu"};
  e.new_appointment = at + 86400;
  e.pause = calendar::ExclusionType::kPublicPosting;
  e.return_method = dossier::ReturnMethod::kPostal;
  e.reference = "RR123456789VN";
  e.reason = "Đủ hồ sơ; đ Đ ư";
  return e;
}

TEST_P(StoreConformance, DossierAndEventsRoundTripWhole) {
  StoredDossier s = MakeDossier("H38.30-260302-0001", "H38.03", 1'773'000'000);
  const Event e = Received(s.value.received_at);
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.InsertDossier(s, {e}); }).ok());
  ASSERT_GT(s.value.id, 0);
  Status read = store().Read([&](app::ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto by_id, tx.FindDossier(s.value.id));
    EXPECT_TRUE(by_id.has_value());
    if (by_id) {
      EXPECT_EQ(*by_id, s);
    }
    MOTCUA_ASSIGN_OR_RETURN(auto by_code, tx.FindDossierByCode("H38.30-260302-0001"));
    EXPECT_TRUE(by_code.has_value() && by_code->value.id == s.value.id);
    MOTCUA_ASSIGN_OR_RETURN(auto none, tx.FindDossierByCode("H38.30-260302-0002"));
    EXPECT_FALSE(none.has_value());
    MOTCUA_ASSIGN_OR_RETURN(auto events, tx.ListDossierEvents(s.value.id));
    EXPECT_EQ(events, std::vector<Event>{e});
    return Ok();
  });
  EXPECT_TRUE(read.ok()) << ToString(read.error());
}

TEST_P(StoreConformance, StaleDossierVersionConflictsAndWritesNothing) {
  StoredDossier s = MakeDossier("H38.30-260302-0001", "H38.03", 1'773'000'000);
  Event first = Received(s.value.received_at);
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.InsertDossier(s, {first}); }).ok());
  Event second = first;
  second.seq = 2;
  second.kind = EventKind::kForwarded;
  StoredDossier next = s;
  next.value.version = 2;
  ASSERT_TRUE(
      store()
          .Write([&](app::WriteTx& tx) { return tx.AppendDossierEvents(next, 1, {second}); })
          .ok());
  // A second officer who read version 1 loses, and nothing of theirs is written.
  Event other = second;
  other.kind = EventKind::kPaused;
  Status lost =
      store().Write([&](app::WriteTx& tx) { return tx.AppendDossierEvents(next, 1, {other}); });
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.error().code, ErrorCode::kAborted);
  EXPECT_EQ(lost.error().reason, "version-conflict");
  EXPECT_TRUE(store()
                  .Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(auto events, tx.ListDossierEvents(s.value.id));
                    EXPECT_EQ(events.size(), 2u);
                    EXPECT_EQ(events.back().kind, EventKind::kForwarded);
                    return Ok();
                  })
                  .ok());
  // A clock rewrite after a calendar change applies only to the version it was computed from,
  // and open dossiers are listed by id.
  app::DossierClock moved;
  moved.due = 1'773'100'000;
  bool written = true;
  ASSERT_TRUE(store()
                  .Write([&](app::WriteTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(written, tx.UpdateDossierClock(s.value.id, 1, moved));
                    return Ok();
                  })
                  .ok());
  EXPECT_FALSE(written);
  ASSERT_TRUE(store()
                  .Write([&](app::WriteTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(written, tx.UpdateDossierClock(s.value.id, 2, moved));
                    return Ok();
                  })
                  .ok());
  EXPECT_TRUE(written);
  EXPECT_TRUE(store()
                  .Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(auto open, tx.ListOpenDossiers(0, 10));
                    EXPECT_EQ(open.size(), 1u);
                    if (!open.empty()) {
                      EXPECT_EQ(open[0].clock, moved);
                    }
                    MOTCUA_ASSIGN_OR_RETURN(auto none, tx.ListOpenDossiers(s.value.id, 10));
                    EXPECT_TRUE(none.empty());
                    return Ok();
                  })
                  .ok());
  // A taken code is refused.
  StoredDossier twin = MakeDossier("H38.30-260302-0001", "H38.03", 1'773'000'000);
  Status dup = store().Write([&](app::WriteTx& tx) { return tx.InsertDossier(twin, {first}); });
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
}

TEST_P(StoreConformance, DossierSequencesNeverRepeat) {
  std::vector<std::int64_t> got;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(
        store()
            .Write([&](app::WriteTx& tx) -> Status {
              MOTCUA_ASSIGN_OR_RETURN(auto n, tx.NextDossierSequence("H38.30", {2026, 3, 2}));
              got.push_back(n);
              return Ok();
            })
            .ok());
  }
  // A rolled-back allocation gives its number back: nothing was committed with it.
  (void)store().Write([&](app::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto n, tx.NextDossierSequence("H38.30", {2026, 3, 2}));
    (void)n;
    return Error::Aborted("changed my mind");
  });
  ASSERT_TRUE(
      store()
          .Write([&](app::WriteTx& tx) -> Status {
            MOTCUA_ASSIGN_OR_RETURN(auto n, tx.NextDossierSequence("H38.30", {2026, 3, 2}));
            got.push_back(n);
            MOTCUA_ASSIGN_OR_RETURN(auto other, tx.NextDossierSequence("H38.30", {2026, 3, 3}));
            got.push_back(other);
            return Ok();
          })
          .ok());
  EXPECT_EQ(got, (std::vector<std::int64_t>{1, 2, 3, 4, 1}));
}

TEST_P(StoreConformance, QueuesFilterByUnitScopeInSqlAndPaginate) {
  const auto [root, dept, division, other] = AddQueueUnits(store());
  const Instant now = 1'772'500'000;
  // 7 in the division (due one hour apart, one without due), 2 in another department.
  std::vector<std::int64_t> division_ids;
  for (int i = 0; i < 7; ++i) {
    StoredDossier s = MakeDossier("H38.30-260302-" + std::to_string(1000 + i), division.code,
                                  now - 7200 + i * 3600);
    if (i == 6) s.clock = {};
    if (i == 2) s.value.assignee = 42;
    if (i == 3) s.value.paused = true;
    ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.InsertDossier(s, {}); }).ok());
    division_ids.push_back(s.value.id);
  }
  for (int i = 0; i < 2; ++i) {
    StoredDossier s = MakeDossier("H38.30-260302-" + std::to_string(2000 + i), other.code, now);
    ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.InsertDossier(s, {}); }).ok());
  }
  StoredDossier closed = MakeDossier("H38.30-260302-3000", division.code, now);
  closed.value.state = dossier::State::kReturned;
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.InsertDossier(closed, {}); }).ok());

  auto ids = [&](const QueueQuery& q) { return QueueIds(store(), q); };
  auto count = [&](const QueueQuery& q) { return QueueCount(store(), q); };
  QueueQuery q;
  q.scope_root = dept.id;
  q.now = now;
  q.soon_until = now + 2 * 3600;
  EXPECT_EQ(ids(q), division_ids);  // sorted by due, the one without due last; closed excluded
  EXPECT_EQ(count(q), 7);
  q.scope_root = root.id;
  EXPECT_EQ(count(q), 9);
  q.scope_root = other.id;
  EXPECT_EQ(count(q), 2);
  // The count stops one past its cap (which says "more than the cap"); a negative cap: none.
  q.scope_root = dept.id;
  q.count_cap = 3;
  EXPECT_EQ(count(q), 4);
  q.count_cap = 7;
  EXPECT_EQ(count(q), 7);
  q.count_cap = 6;
  EXPECT_EQ(count(q), 7);
  q.count_cap = -1;
  EXPECT_EQ(count(q), 7);
  q.count_cap = QueueQuery{}.count_cap;

  // Keyset pages of 3 walk the division's queue exactly once, across the dossier without due.
  q.scope_root = division.id;
  q.limit = 3;
  EXPECT_EQ(WalkQueue(store(), q, 5), division_ids);

  q = QueueQuery{};
  q.scope_root = division.id;
  q.now = now;
  q.soon_until = now + 2 * 3600;
  q.queue = Queue::kOverdue;
  EXPECT_EQ(ids(q), (std::vector<std::int64_t>{division_ids[0], division_ids[1]}));
  q.queue = Queue::kDueSoon;  // step due (= due - 1 h) in [now, now + 2 h)
  EXPECT_EQ(ids(q), (std::vector<std::int64_t>{division_ids[3], division_ids[4]}));
  q.queue = Queue::kPaused;
  EXPECT_EQ(ids(q), (std::vector<std::int64_t>{division_ids[3]}));
  q.queue = Queue::kMine;
  q.user = 42;
  EXPECT_EQ(ids(q), (std::vector<std::int64_t>{division_ids[2]}));
  q.queue = Queue::kUnassigned;
  EXPECT_EQ(count(q), 6);
}

// Keyset pages over a scope of several units (one index scan per unit on PostgreSQL, each started
// at the cursor): due instants shared across units, ties broken by id, and dossiers without due in
// every unit, which come last; every page size walks the whole queue once, in the queue's order.
TEST_P(StoreConformance, KeysetPagesWalkAScopeOfSeveralUnitsOnce) {
  const auto [root, dept, division, other] = AddQueueUnits(store());
  const Instant now = 1'772'500'000;
  const Unit* units[] = {&dept, &division, &other, &root};
  std::vector<std::pair<std::optional<Instant>, std::int64_t>> expected;
  for (int i = 0; i < 17; ++i) {
    const Unit& unit = *units[i % 4];
    StoredDossier s =
        MakeDossier("H38.30-260302-" + std::to_string(4000 + i), unit.code, now + (i % 3) * 600);
    if (i % 5 == 4) s.clock = {};
    ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.InsertDossier(s, {}); }).ok());
    expected.emplace_back(s.clock.due, s.value.id);
  }
  std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
    if (a.first.has_value() != b.first.has_value()) return a.first.has_value();
    return a.first == b.first ? a.second < b.second : *a.first < *b.first;
  });
  std::vector<std::int64_t> expected_ids;
  for (const auto& e : expected) expected_ids.push_back(e.second);

  for (int size : {1, 2, 3, 5, 17, 50}) {
    QueueQuery q;
    q.scope_root = root.id;
    q.now = now;
    q.limit = size;
    EXPECT_EQ(WalkQueue(store(), q, 20), expected_ids) << "pages of " << size;
  }
}

}  // namespace
}  // namespace motcua::storage::conformance

namespace motcua::storage::conformance {
namespace {

// The leader's queues (migration 12): by the current step's kind, kept with every write, and the
// apology drafts waiting for the head's signature, scoped by the competent unit.
TEST_P(StoreConformance, QueuesFilterByStepKindAndListApologyDraftsOfTheCompetentUnit) {
  const auto [root, dept, division, other] = AddQueueUnits(store());
  const Instant now = 1'772'500'000;
  auto insert = [&](std::string code, const Unit& step_unit, Instant due, catalog::StepKind kind) {
    StoredDossier s = MakeDossier("H38.30-260302-" + code, step_unit.code, due);
    s.value.step_kind = kind;
    EXPECT_TRUE(store()
                    .Write([&](app::WriteTx& tx) {
                      return tx.InsertDossier(s, {Received(s.value.received_at)});
                    })
                    .ok());
    return s;
  };
  using catalog::StepKind;
  StoredDossier approve_late = insert("1001", division, now + 7200, StepKind::kApprove);
  StoredDossier approve_soon = insert("1002", division, now + 3600, StepKind::kApprove);
  StoredDossier sign = insert("1003", division, now + 60, StepKind::kSign);
  insert("1004", division, now, StepKind::kAppraise);
  insert("1005", other, now, StepKind::kApprove);  // outside the department

  QueueQuery q;
  q.scope_root = dept.id;
  q.now = now;
  q.soon_until = now + 2 * 3600;
  q.step_kind = StepKind::kApprove;
  EXPECT_EQ(QueueIds(store(), q),
            (std::vector<std::int64_t>{approve_soon.value.id, approve_late.value.id}));
  EXPECT_EQ(QueueCount(store(), q), 2);
  // Keyset pages of one walk the filtered queue once; the count is of the whole filtered queue.
  q.limit = 1;
  q.after_id = approve_soon.value.id;
  q.after_due = approve_soon.clock.due;
  EXPECT_EQ(QueueIds(store(), q), std::vector<std::int64_t>{approve_late.value.id});
  EXPECT_EQ(QueueCount(store(), q), 2);
  q = QueueQuery{};
  q.scope_root = root.id;
  q.now = now;
  q.step_kind = StepKind::kApprove;
  EXPECT_EQ(QueueCount(store(), q), 3);
  q.step_kind = StepKind::kIssue;
  EXPECT_EQ(QueueCount(store(), q), 0);
  // The step kind combines with the other filters: the signatures whose step is due within the
  // hour before `now` (step due = due - 1 h).
  q.step_kind = StepKind::kSign;
  q.queue = Queue::kDueSoon;
  q.now = now - 3600;
  q.soon_until = now;
  EXPECT_EQ(QueueIds(store(), q), std::vector<std::int64_t>{sign.value.id});

  // A command that moves the dossier on moves it between the kinds' queues. `second` writes a
  // dossier's second event, of `kind`, with the row `next` over version 1.
  auto second = [&](StoredDossier next, EventKind kind) {
    next.value.version = 2;
    Event e = Received(next.value.received_at);
    e.seq = 2;
    e.kind = kind;
    return store()
        .Write([&](app::WriteTx& tx) { return tx.AppendDossierEvents(next, 1, {e}); })
        .ok();
  };
  StoredDossier forwarded = approve_late;
  forwarded.value.step_kind = StepKind::kSign;
  ASSERT_TRUE(second(forwarded, EventKind::kForwarded));
  q = QueueQuery{};
  q.scope_root = dept.id;
  q.now = now;
  q.step_kind = StepKind::kSign;
  EXPECT_EQ(QueueIds(store(), q),
            (std::vector<std::int64_t>{sign.value.id, approve_late.value.id}));
  q.step_kind = StepKind::kApprove;
  EXPECT_EQ(QueueIds(store(), q), std::vector<std::int64_t>{approve_soon.value.id});

  // Apology drafts: the department is competent for a dossier at another unit's step (an
  // inter-agency step), which its ordinary queues do not hold; signed ones, ones being withdrawn
  // and other units' drafts are not listed.
  auto drafted = [&](std::string code, const Unit& step_unit, Instant due, const Unit& competent) {
    StoredDossier s = MakeDossier("H38.30-260302-" + code, step_unit.code, due);
    s.value.competent_unit = competent.code;
    s.value.apology_drafted = true;
    return s;
  };
  StoredDossier away = drafted("2001", other, now + 600, dept);
  StoredDossier home = drafted("2002", division, now + 300, division);
  StoredDossier signed_already = drafted("2003", division, now, dept);
  signed_already.value.apology_signed = true;
  StoredDossier withdrawing = drafted("2004", division, now, dept);
  withdrawing.value.state = dossier::State::kWithdrawal;
  StoredDossier elsewhere = drafted("2005", division, now, other);
  for (StoredDossier* s : {&away, &home, &signed_already, &withdrawing, &elsewhere}) {
    ASSERT_TRUE(store()
                    .Write([&](app::WriteTx& tx) {
                      return tx.InsertDossier(*s, {Received(s->value.received_at)});
                    })
                    .ok());
  }
  q = QueueQuery{};
  q.queue = Queue::kApologyDrafted;
  q.scope_root = dept.id;
  q.now = now;
  EXPECT_EQ(QueueIds(store(), q), (std::vector<std::int64_t>{home.value.id, away.value.id}));
  EXPECT_EQ(QueueCount(store(), q), 2);
  q.scope_root = division.id;
  EXPECT_EQ(QueueIds(store(), q), std::vector<std::int64_t>{home.value.id});
  q.scope_root = other.id;
  EXPECT_EQ(QueueIds(store(), q), std::vector<std::int64_t>{elsewhere.value.id});
  // Signed: it leaves the list.
  StoredDossier signed_now = away;
  signed_now.value.apology_signed = true;
  ASSERT_TRUE(second(signed_now, EventKind::kApologySigned));
  q.scope_root = dept.id;
  EXPECT_EQ(QueueIds(store(), q), std::vector<std::int64_t>{home.value.id});
  EXPECT_EQ(QueueCount(store(), q), 1);
}

TEST_P(StoreConformance, TheLogBookListsAUnitsReceptionsInAPeriodInOrder) {
  const Instant t0 = 1'772'420'400;
  for (int i = 0; i < 5; ++i) {
    StoredDossier s = MakeDossier("H38.30-260302-000" + std::to_string(i + 1), "H38.03", t0);
    s.value.received_at = t0 + (i % 2 == 0 ? i : -i) * 3600;  // not in id order
    if (i == 4) s.value.receiving_unit = "H38.31";
    ASSERT_TRUE(store()
                    .Write([&](app::WriteTx& tx) {
                      return tx.InsertDossier(s, {Received(s.value.received_at)});
                    })
                    .ok());
  }
  std::vector<std::string> codes;
  Status read = store().Read([&](app::ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto all,
                            tx.ListDossiersReceived("H38.30", t0 - 86400, t0 + 86400, 0, 0, 10));
    for (const auto& s : all) codes.push_back(s.value.code);
    // Pages continue after the last (instant, id); the period's end is excluded.
    MOTCUA_ASSIGN_OR_RETURN(auto page,
                            tx.ListDossiersReceived("H38.30", t0 - 86400, t0 + 2 * 3600,
                                                    all[0].value.received_at, all[0].value.id, 10));
    EXPECT_EQ(page.size(), 2u);
    return Ok();
  });
  ASSERT_TRUE(read.ok()) << ToString(read.error());
  // Received at t0-3h (4th), t0-1h (2nd), t0 (1st), t0+2h (3rd); the 5th is another unit's.
  EXPECT_EQ(codes, (std::vector<std::string>{"H38.30-260302-0004", "H38.30-260302-0002",
                                             "H38.30-260302-0001", "H38.30-260302-0003"}));
}

// The per-step report at a past instant counts the open dossiers at a step whose step was entered
// before it (the stored step_entered_at, kept by every write: SQLite migration 14, PostgreSQL 15),
// and now, all of them.
TEST_P(StoreConformance, DossiersAtAStepAtAPastInstantAreThoseWhoseStepWasEnteredBefore) {
  // Named members, not a structured binding: clang 14 lets no lambda capture one.
  const QueueUnits units = AddQueueUnits(store());
  const Unit& root = units.root;
  const Unit& division = units.division;
  const Unit& other = units.other;
  const Instant due = 1'773'500'000;
  StoredDossier early = MakeDossier("H38.30-260302-5001", division.code, due);
  StoredDossier late = MakeDossier("H38.30-260302-5002", division.code, due);
  StoredDossier moved = MakeDossier("H38.30-260302-5003", other.code, due);
  const Instant entered = early.value.step_entered;
  late.value.step_entered = entered + 86400;
  for (StoredDossier* s : {&early, &late, &moved}) {
    ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.InsertDossier(*s, {}); }).ok());
  }
  // The third enters its step again two days later (a rework): the update keeps the column.
  moved.value.step_entered = entered + 2 * 86400;
  moved.value.version = 2;
  ASSERT_TRUE(
      store().Write([&](app::WriteTx& tx) { return tx.AppendDossierEvents(moved, 1, {}); }).ok());

  auto current = [&](Instant as_of, bool ended) {
    std::int64_t n = 0;
    EXPECT_TRUE(store()
                    .Read([&](app::ReadTx& tx) -> Status {
                      app::StepQuery q;
                      q.unit = root.id;
                      q.from = as_of - 86400;
                      q.to = as_of;
                      q.as_of = as_of;
                      q.ended = ended;
                      MOTCUA_ASSIGN_OR_RETURN(auto rows, tx.ReportOpenSteps(q));
                      for (const auto& r : rows) n += r.current;
                      return Ok();
                    })
                    .ok());
    return n;
  };
  EXPECT_EQ(current(entered, true), 0);  // entered at that very instant: not yet
  EXPECT_EQ(current(entered + 1, true), 1);
  EXPECT_EQ(current(entered + 86400 + 1, true), 2);  // the late one in, the moved one not yet
  EXPECT_EQ(current(entered + 2 * 86400 + 1, true), 3);
  EXPECT_EQ(current(entered + 1, false), 3);  // now: every dossier at a step
}

// "My dossiers": a citizen's own, newest first, in pages before the last id seen; nobody
// else's.
TEST_P(StoreConformance, AnApplicantsDossiersAreListedNewestFirstInPages) {
  std::vector<std::int64_t> mine;
  for (int i = 0; i < 5; ++i) {
    StoredDossier s = MakeDossier("H38.30-260302-000" + std::to_string(i + 1), "H38.03",
                                  1'773'000'000 - i * 3600);  // due order is not id order
    if (i == 2) s.applicant_user = 78;
    if (i == 3) s.applicant_user.reset();  // received at a counter
    ASSERT_TRUE(store()
                    .Write([&](app::WriteTx& tx) {
                      return tx.InsertDossier(s, {Received(s.value.received_at)});
                    })
                    .ok());
    if (s.applicant_user == 77) mine.insert(mine.begin(), s.value.id);
  }
  auto ids = [](const std::vector<StoredDossier>& rows) {
    std::vector<std::int64_t> out;
    for (const auto& r : rows) out.push_back(r.value.id);
    return out;
  };
  Status read = store().Read([&](app::ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto all, tx.ListApplicantDossiers(77, 0, 10));
    EXPECT_EQ(ids(all), mine);
    MOTCUA_ASSIGN_OR_RETURN(auto first, tx.ListApplicantDossiers(77, 0, 2));
    EXPECT_EQ(ids(first), std::vector<std::int64_t>(mine.begin(), mine.begin() + 2));
    MOTCUA_ASSIGN_OR_RETURN(auto rest, tx.ListApplicantDossiers(77, first.back().value.id, 2));
    EXPECT_EQ(ids(rest), std::vector<std::int64_t>(mine.begin() + 2, mine.end()));
    MOTCUA_ASSIGN_OR_RETURN(auto other, tx.ListApplicantDossiers(78, 0, 10));
    EXPECT_EQ(other.size(), 1u);
    MOTCUA_ASSIGN_OR_RETURN(auto nobody, tx.ListApplicantDossiers(79, 0, 10));
    EXPECT_TRUE(nobody.empty());
    return Ok();
  });
  ASSERT_TRUE(read.ok()) << ToString(read.error());
}

// The applicant's data store (migration 13): the dossiers naming a personal identification
// number, by the indexed column written with the row, newest first in pages; nobody else's.
TEST_P(StoreConformance, TheDossiersOfAnIdentificationNumberAreListedNewestFirstInPages) {
  std::vector<std::int64_t> hers;
  for (int i = 0; i < 4; ++i) {
    StoredDossier s =
        MakeDossier("H38.30-260302-000" + std::to_string(i + 1), "H38.03", 1'773'000'000);
    if (i == 1) s.value.applicant.id_number = "079085001122";
    ASSERT_TRUE(store()
                    .Write([&](app::WriteTx& tx) {
                      return tx.InsertDossier(s, {Received(s.value.received_at)});
                    })
                    .ok());
    if (i != 1) hers.insert(hers.begin(), s.value.id);
    if (i == 3) {
      // A command rewrites the row: the number stays with it.
      StoredDossier next = s;
      Event e = Received(s.value.received_at);
      e.seq = 2;
      e.kind = EventKind::kAssigned;
      next.value.version = 2;
      ASSERT_TRUE(store()
                      .Write([&](app::WriteTx& tx) { return tx.AppendDossierEvents(next, 1, {e}); })
                      .ok());
    }
  }
  auto ids = [](const std::vector<StoredDossier>& rows) {
    std::vector<std::int64_t> out;
    for (const auto& r : rows) out.push_back(r.value.id);
    return out;
  };
  Status read = store().Read([&](app::ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto all, tx.ListDossiersOfApplicant("001203004567", 0, 10));
    EXPECT_EQ(ids(all), hers);
    MOTCUA_ASSIGN_OR_RETURN(auto first, tx.ListDossiersOfApplicant("001203004567", 0, 2));
    EXPECT_EQ(ids(first), std::vector<std::int64_t>(hers.begin(), hers.begin() + 2));
    MOTCUA_ASSIGN_OR_RETURN(auto rest,
                            tx.ListDossiersOfApplicant("001203004567", first.back().value.id, 2));
    EXPECT_EQ(ids(rest), std::vector<std::int64_t>(hers.begin() + 2, hers.end()));
    MOTCUA_ASSIGN_OR_RETURN(auto other, tx.ListDossiersOfApplicant("079085001122", 0, 10));
    EXPECT_EQ(other.size(), 1u);
    MOTCUA_ASSIGN_OR_RETURN(auto nobody, tx.ListDossiersOfApplicant("001203004568", 0, 10));
    EXPECT_TRUE(nobody.empty());
    return Ok();
  });
  ASSERT_TRUE(read.ok()) << ToString(read.error());
}

TEST_P(StoreConformance, AttachmentsAreStoredOnceByContentWithEveryUploader) {
  std::string bytes = "%PDF-1.7\n";
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));  // every byte value
  const app::Attachment a{std::string(64, 'b'), static_cast<std::int64_t>(bytes.size()),
                          "application/pdf", 1'772'420'400, bytes};
  for (identity::UserId user : {7, 7, 8}) {
    ASSERT_TRUE(
        store()
            .Write([&](app::WriteTx& tx) { return tx.PutAttachment(a, user, a.created_at); })
            .ok());
  }
  Status read = store().Read([&](app::ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindAttachment(a.sha256));
    EXPECT_TRUE(found.has_value());
    if (found) {
      EXPECT_EQ(*found, a);
    }
    MOTCUA_ASSIGN_OR_RETURN(auto none, tx.FindAttachment(std::string(64, 'c')));
    EXPECT_FALSE(none.has_value());
    // Its size, type and first upload without the bytes.
    MOTCUA_ASSIGN_OR_RETURN(auto info, tx.FindAttachmentInfo(a.sha256));
    app::Attachment described = a;
    described.data.clear();
    EXPECT_EQ(info, std::optional<app::Attachment>(described));
    MOTCUA_ASSIGN_OR_RETURN(auto no_info, tx.FindAttachmentInfo(std::string(64, 'c')));
    EXPECT_FALSE(no_info.has_value());
    MOTCUA_ASSIGN_OR_RETURN(bool by7, tx.AttachmentUploadedBy(a.sha256, 7));
    MOTCUA_ASSIGN_OR_RETURN(bool by8, tx.AttachmentUploadedBy(a.sha256, 8));
    MOTCUA_ASSIGN_OR_RETURN(bool by9, tx.AttachmentUploadedBy(a.sha256, 9));
    EXPECT_TRUE(by7 && by8);
    EXPECT_FALSE(by9);
    return Ok();
  });
  EXPECT_TRUE(read.ok()) << ToString(read.error());
}

}  // namespace
}  // namespace motcua::storage::conformance
