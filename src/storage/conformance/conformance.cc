#include "storage/conformance/conformance.h"

#include <atomic>
#include <thread>
#include <vector>

namespace motcua::storage::conformance {

std::string FactoryName(const ::testing::TestParamInfo<StoreFactory>& info) {
  return info.param.name;
}

namespace {

using identity::Role;
using identity::Unit;
using identity::UnitKind;
using identity::User;

Unit MakeUnit(std::string code, std::string name, std::optional<identity::UnitId> parent) {
  Unit u;
  u.code = std::move(code);
  u.name = std::move(name);
  u.kind = parent ? UnitKind::kDepartment : UnitKind::kProvince;
  u.parent_id = parent;
  return u;
}

User MakeUser(std::string username, identity::UnitId unit) {
  User u;
  u.username = std::move(username);
  u.full_name = "Nguyễn Thị Đào";
  u.unit_id = unit;
  u.roles = {Role::kSpecialist, Role::kClerk};
  u.password_hash = "$argon2id$fake";
  u.citizen_id = "001203004567";
  return u;
}

// Runs a read that must succeed; its checks are inside `work`.
void ExpectRead(app::Store& store, const std::function<Status(app::ReadTx&)>& work) {
  Status s = store.Read(work);
  EXPECT_TRUE(s.ok()) << ToString(s.error());
}

// Inserts a unit and returns it, failing the test on error.
Unit AddUnit(app::Store& store, Unit u) {
  EXPECT_TRUE(store.Write([&](app::WriteTx& tx) { return tx.InsertUnit(u); }).ok());
  return u;
}

TEST_P(StoreConformance, MigrationsAreAppliedAndIdempotent) {
  ASSERT_TRUE(store().Migrate().ok());
  auto state = store().MigrationState();
  ASSERT_TRUE(state.ok()) << ToString(state.error());
  ASSERT_FALSE(state->empty());
  for (const auto& m : *state) EXPECT_TRUE(m.applied_at.has_value()) << m.name;
  EXPECT_TRUE(store().Ping().ok());
}

TEST_P(StoreConformance, UnitsRoundTripWithVietnameseText) {
  Unit root = AddUnit(store(), MakeUnit("000.00.00.H38", "UBND tỉnh Quảng Đông", std::nullopt));
  Unit dept = AddUnit(store(), MakeUnit("000.00.01.H38", "Sở Tư pháp", root.id));
  EXPECT_GT(dept.id, root.id);
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    auto found = tx.FindUnit(dept.id);
    EXPECT_TRUE(found.ok());
    EXPECT_TRUE(found->has_value());
    EXPECT_EQ((*found)->name, "Sở Tư pháp");
    EXPECT_EQ((*found)->parent_id, root.id);
    EXPECT_EQ((*found)->kind, UnitKind::kDepartment);
    EXPECT_EQ((*found)->calendar_id, std::nullopt);
    auto by_code = tx.FindUnitByCode("000.00.00.H38");
    EXPECT_EQ((*by_code)->id, root.id);
    EXPECT_FALSE(tx.FindUnit(9999)->has_value());
    EXPECT_EQ(tx.ListUnits()->size(), 2u);
    return Ok();
  });
}

TEST_P(StoreConformance, DuplicateUnitCodeIsAlreadyExists) {
  AddUnit(store(), MakeUnit("H38", "A", std::nullopt));
  Unit dup = MakeUnit("H38", "B", std::nullopt);
  Status s = store().Write([&](app::WriteTx& tx) { return tx.InsertUnit(dup); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(s.error().reason, "unique-violation");
}

TEST_P(StoreConformance, StaleVersionIsAConflictAndChangesNothing) {
  Unit u = AddUnit(store(), MakeUnit("H38", "Tỉnh", std::nullopt));
  Unit first = u, second = u;
  first.name = "first";
  second.name = "second";
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.UpdateUnit(first); }).ok());
  EXPECT_EQ(first.version, 2);
  Status s = store().Write([&](app::WriteTx& tx) { return tx.UpdateUnit(second); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kAborted);
  EXPECT_EQ(s.error().reason, "version-conflict");
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    EXPECT_EQ((*tx.FindUnit(u.id))->name, "first");
    return Ok();
  });
  Unit missing = u;
  missing.id = 4242;
  s = store().Write([&](app::WriteTx& tx) { return tx.UpdateUnit(missing); });
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
}

TEST_P(StoreConformance, FailedWorkLeavesNothingBehind) {
  Status s = store().Write([&](app::WriteTx& tx) -> Status {
    Unit u = MakeUnit("H38", "half", std::nullopt);
    MOTCUA_RETURN_IF_ERROR(tx.InsertUnit(u));
    return Error::InvalidArgument("changed my mind");
  });
  EXPECT_EQ(s.error().message, "changed my mind");
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    EXPECT_TRUE(tx.ListUnits()->empty());
    return Ok();
  });
}

TEST_P(StoreConformance, ABulkWriteIsAllOrNothingBesideOtherWrites) {
  // Plain writes queued around the bulk one commit as usual (the bulk one is alone in its
  // transaction on SQLite, pipelined on PostgreSQL).
  std::vector<std::thread> around;
  for (int i = 0; i < 4; ++i) {
    around.emplace_back([&, i] {
      AddUnit(store(), MakeUnit("H40." + std::to_string(i), "bên cạnh", std::nullopt));
    });
  }
  Status ok = store().WriteBulk([&](app::WriteTx& tx) -> Status {
    for (int i = 0; i < 300; ++i) {
      Unit u = MakeUnit("H38." + std::to_string(i), "hàng loạt", std::nullopt);
      MOTCUA_RETURN_IF_ERROR(tx.InsertUnit(u));
    }
    return Ok();
  });
  for (auto& t : around) t.join();
  ASSERT_TRUE(ok.ok()) << ToString(ok.error());
  Status refused = store().WriteBulk([&](app::WriteTx& tx) -> Status {
    Unit fresh = MakeUnit("H39", "mới", std::nullopt);
    MOTCUA_RETURN_IF_ERROR(tx.InsertUnit(fresh));
    Unit again = MakeUnit("H38.7", "trùng", std::nullopt);
    return tx.InsertUnit(again);
  });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kAlreadyExists);
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    EXPECT_EQ(tx.ListUnits()->size(), 304u);
    EXPECT_FALSE(tx.FindUnitByCode("H39")->has_value());
    return Ok();
  });
}

TEST_P(StoreConformance, UsersRoundTripAndScopeBySubtree) {
  Unit root = AddUnit(store(), MakeUnit("H38", "Tỉnh", std::nullopt));
  Unit a = AddUnit(store(), MakeUnit("H38.01", "Sở A", root.id));
  Unit a1 = AddUnit(store(), MakeUnit("H38.01.1", "Phòng A1", a.id));
  Unit b = AddUnit(store(), MakeUnit("H38.02", "Sở B", root.id));
  std::vector<User> users = {MakeUser("u.root", root.id), MakeUser("u.a", a.id),
                             MakeUser("u.a1", a1.id), MakeUser("u.b", b.id)};
  for (auto& u : users) {
    ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.InsertUser(u); }).ok());
  }
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    auto found = tx.FindUserByUsername("u.a1");
    EXPECT_TRUE(found->has_value());
    EXPECT_EQ((*found)->full_name, "Nguyễn Thị Đào");
    EXPECT_EQ((*found)->roles, (identity::RoleSet{Role::kSpecialist, Role::kClerk}));
    EXPECT_TRUE((*found)->active);
    EXPECT_EQ((*found)->citizen_id, "001203004567");
    auto scoped = tx.ListUsers(a.id, {0, 50});
    std::vector<std::string> names;
    for (const auto& u : *scoped) names.push_back(u.username);
    EXPECT_EQ(names, (std::vector<std::string>{"u.a", "u.a1"}));
    EXPECT_EQ(tx.ListUsers(std::nullopt, {0, 50})->size(), 4u);
    auto units = tx.ListUnitsInSubtree(a.id);
    EXPECT_EQ(units->size(), 2u);
    EXPECT_EQ(units->back().id, a1.id);
    EXPECT_TRUE(*tx.UnitInSubtree(root.id, a1.id));
    EXPECT_TRUE(*tx.UnitInSubtree(a.id, a.id));
    EXPECT_FALSE(*tx.UnitInSubtree(a.id, b.id));
    EXPECT_FALSE(*tx.UnitInSubtree(a1.id, a.id));
    auto page1 = tx.ListUsers(std::nullopt, {0, 3});
    EXPECT_EQ(page1->size(), 3u);
    auto page2 = tx.ListUsers(std::nullopt, {page1->back().id, 3});
    EXPECT_EQ(page2->size(), 1u);
    EXPECT_EQ(page2->front().username, "u.b");
    return Ok();
  });
}

TEST_P(StoreConformance, UserUpdateAndLoginState) {
  Unit root = AddUnit(store(), MakeUnit("H38", "Tỉnh", std::nullopt));
  User u = MakeUser("officer", root.id);
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.InsertUser(u); }).ok());
  u.active = false;
  u.roles = {Role::kInspector};
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.UpdateUser(u); }).ok());
  ASSERT_TRUE(
      store().Write([&](app::WriteTx& tx) { return tx.SetLoginState(u.id, 6, 1234); }).ok());
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    auto got = **tx.FindUser(u.id);
    EXPECT_FALSE(got.active);
    EXPECT_EQ(got.roles, identity::RoleSet{Role::kInspector});
    EXPECT_EQ(got.failed_logins, 6);
    EXPECT_EQ(got.locked_until, 1234);
    EXPECT_EQ(got.version, 2);
    return Ok();
  });
  User dup = MakeUser("officer", root.id);
  Status s = store().Write([&](app::WriteTx& tx) { return tx.InsertUser(dup); });
  EXPECT_EQ(s.error().code, ErrorCode::kAlreadyExists);
}

TEST_P(StoreConformance, SessionsTokensAndIdempotency) {
  Unit root = AddUnit(store(), MakeUnit("H38", "Tỉnh", std::nullopt));
  User u = MakeUser("officer", root.id);
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.InsertUser(u); }).ok());
  app::ApiToken token{0, u.id, "tích hợp", "hash-1", 100, std::nullopt};
  ASSERT_TRUE(store()
                  .Write([&](app::WriteTx& tx) -> Status {
                    MOTCUA_RETURN_IF_ERROR(tx.InsertSession({"s1", u.id, "csrf", 100, 200}));
                    MOTCUA_RETURN_IF_ERROR(tx.InsertSession({"s2", u.id, "csrf", 100, 200}));
                    MOTCUA_RETURN_IF_ERROR(tx.InsertApiToken(token));
                    return tx.InsertIdempotentAnswer({"1:key", "rh", 201, "{\"a\":1}", 100});
                  })
                  .ok());
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.DeleteSession("s1"); }).ok());
  ASSERT_TRUE(
      store().Write([&](app::WriteTx& tx) { return tx.RevokeApiToken(token.id, 150); }).ok());
  Status again = store().Write([&](app::WriteTx& tx) { return tx.RevokeApiToken(token.id, 160); });
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
  Status dup = store().Write([&](app::WriteTx& tx) {
    return tx.InsertIdempotentAnswer({"1:key", "other", 500, "", 101});
  });
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    EXPECT_FALSE(tx.FindSession("s1")->has_value());
    auto s2 = tx.FindSession("s2");
    EXPECT_EQ((*s2)->csrf_token, "csrf");
    EXPECT_EQ((*s2)->expires_at, 200);
    auto t = **tx.FindApiToken("hash-1");
    EXPECT_EQ(t.name, "tích hợp");
    EXPECT_EQ(t.revoked_at, 150);
    EXPECT_EQ(tx.ListApiTokens(u.id)->size(), 1u);
    auto answer = **tx.FindIdempotentAnswer("1:key");
    EXPECT_EQ(answer.status, 201);
    EXPECT_EQ(answer.body, "{\"a\":1}");
    return Ok();
  });
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.DeleteSessionsOfUser(u.id); }).ok());
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    EXPECT_FALSE(tx.FindSession("s2")->has_value());
    return Ok();
  });
}

audit::Record MakeAudit(int i) {
  audit::Record r;
  r.at = 1'770'000'000 + i;
  r.actor = "admin";
  r.action = "user.update";
  r.object_type = "user";
  r.object_id = std::to_string(i);
  r.address = "127.0.0.1";
  r.result = "ok";
  r.detail = "{\"họ_tên\":\"đổi\"}";
  return r;
}

TEST_P(StoreConformance, ConcurrentAuditAppendsFormOneUnbrokenChain) {
  constexpr int kThreads = 8, kEach = 25;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        audit::Record r = MakeAudit(t * 1000 + i);
        if (!store().Write([&](app::WriteTx& tx) { return tx.AppendAudit(r); }).ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  audit::Verifier verifier;
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    EXPECT_EQ(*tx.CountAudit(), kThreads * kEach);
    app::Page page{0, 64};
    for (;;) {
      auto batch = tx.ListAudit(page);
      if (!batch.ok() || batch->empty()) break;
      for (const auto& r : *batch) verifier.Feed(r);
      page.after = batch->back().seq;
    }
    return Ok();
  });
  EXPECT_TRUE(verifier.outcome().ok) << verifier.outcome().problem;
  EXPECT_EQ(verifier.outcome().checked, kThreads * kEach);
}

TEST_P(StoreConformance, OneFailingCommandDoesNotFailItsNeighbours) {
  AddUnit(store(), MakeUnit("H38", "Tỉnh", std::nullopt));
  constexpr int kThreads = 16;
  std::vector<std::thread> threads;
  std::vector<Status> results(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Every fourth command collides on the unit code; the others must all commit.
      Unit u = MakeUnit(t % 4 == 0 ? "H38" : "H38." + std::to_string(t), "u", std::nullopt);
      results[t] = store().Write([&](app::WriteTx& tx) { return tx.InsertUnit(u); });
    });
  }
  for (auto& th : threads) th.join();
  int ok = 0;
  for (int t = 0; t < kThreads; ++t) {
    if (t % 4 == 0) {
      EXPECT_EQ(results[t].error().code, ErrorCode::kAlreadyExists);
    } else {
      EXPECT_TRUE(results[t].ok());
      ++ok;
    }
  }
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    EXPECT_EQ(static_cast<int>(tx.ListUnits()->size()), ok + 1);
    return Ok();
  });
}

TEST_P(StoreConformance, BackupThenRestoreRoundTrips) {
  AddUnit(store(), MakeUnit("H38", "Trước sao lưu", std::nullopt));
  audit::Record r = MakeAudit(1);
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.AppendAudit(r); }).ok());
  const std::string path = GetParam().backup_path();
  Status backed = store().Backup(path);
  ASSERT_TRUE(backed.ok()) << ToString(backed.error());
  AddUnit(store(), MakeUnit("H39", "Sau sao lưu", std::nullopt));
  Status restored = store().Restore(path);
  ASSERT_TRUE(restored.ok()) << ToString(restored.error());
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    auto units = tx.ListUnits();
    EXPECT_EQ(units->size(), 1u);
    EXPECT_EQ(units->front().name, "Trước sao lưu");
    EXPECT_EQ(*tx.CountAudit(), 1);
    return Ok();
  });
  // The chain continues from the restored head.
  audit::Record next = MakeAudit(2);
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.AppendAudit(next); }).ok());
  EXPECT_EQ(next.seq, 2);
  EXPECT_EQ(next.prev_hash, r.hash);
}

// --- calendars -----------------------------------------------------------------------------------

app::StoredCalendar MakeCalendar(std::string code, std::optional<identity::UnitId> owner) {
  app::StoredCalendar c;
  c.code = std::move(code);
  c.name = "Lịch Trung tâm Phục vụ hành chính công";
  c.owner_unit_id = owner;
  c.weekly = calendar::WeeklySchedule::Default(/*saturday_morning=*/true);
  c.fallback = calendar::YearFallback::kGenerated;
  return c;
}

calendar::YearSchedule MakeYear(int year, std::string source) {
  calendar::YearSchedule y;
  y.year = year;
  y.source = std::move(source);
  y.holidays = {{{year, 2, 16}, "Tết Nguyên đán", calendar::HolidayKind::kStatutory},
                {{year, 2, 17}, "Nghỉ bù Tết", calendar::HolidayKind::kCompensatory},
                {{year, 1, 2}, "Hoán đổi", calendar::HolidayKind::kSwapped}};
  y.make_up_days = {{{year, 1, 10}, "Làm bù cho ngày 2/1", {}},
                    {{year, 8, 22}, "Làm bù buổi sáng", {{7 * 3600 + 1800, 11 * 3600 + 1800}}}};
  return y;
}

TEST_P(StoreConformance, MigrationSeedsTheNationalCalendar) {
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    auto national = tx.FindCalendarByCode(app::kNationalCalendarCode);
    EXPECT_TRUE(national.ok() && national->has_value());
    if (!national.ok() || !national->has_value()) return Ok();
    EXPECT_EQ((*national)->owner_unit_id, std::nullopt);
    EXPECT_EQ((*national)->weekly.days, calendar::WeeklySchedule::Default().days);
    EXPECT_EQ((*national)->fallback, calendar::YearFallback::kOfficialThenGenerated);
    EXPECT_EQ((*national)->version, 1);
    EXPECT_EQ(tx.ListCalendars()->size(), 1u);
    EXPECT_TRUE(tx.ListCalendarYears((*national)->id)->empty());
    return Ok();
  });
}

TEST_P(StoreConformance, CalendarsRoundTripAndVersionConflicts) {
  Unit root = AddUnit(store(), MakeUnit("H38", "Tỉnh", std::nullopt));
  app::StoredCalendar c = MakeCalendar("tthc", root.id);
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.InsertCalendar(c); }).ok());
  EXPECT_GT(c.id, 0);
  app::StoredCalendar dup = MakeCalendar("tthc", std::nullopt);
  EXPECT_EQ(store().Write([&](app::WriteTx& tx) { return tx.InsertCalendar(dup); }).error().code,
            ErrorCode::kAlreadyExists);
  app::StoredCalendar first = c, stale = c;
  first.name = "Đổi tên";
  first.weekly.days[5].clear();
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.UpdateCalendar(first); }).ok());
  EXPECT_EQ(first.version, 2);
  Status conflict = store().Write([&](app::WriteTx& tx) { return tx.UpdateCalendar(stale); });
  EXPECT_EQ(conflict.error().reason, "version-conflict");
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    auto got = **tx.FindCalendar(c.id);
    EXPECT_EQ(got.name, "Đổi tên");
    EXPECT_EQ(got.owner_unit_id, root.id);
    EXPECT_EQ(got.weekly.days, calendar::WeeklySchedule::Default().days);
    EXPECT_EQ(got.fallback, calendar::YearFallback::kGenerated);
    EXPECT_EQ(got.version, 2);
    EXPECT_EQ(tx.ListCalendars()->size(), 2u);
    return Ok();
  });
}

TEST_P(StoreConformance, CalendarYearsAreReplacedWholeAndAtomically) {
  app::StoredCalendar c = MakeCalendar("tthc", std::nullopt);
  const calendar::YearSchedule y2026 = MakeYear(2026, "Công văn 12729/VPCP-KGVX");
  ASSERT_TRUE(store()
                  .Write([&](app::WriteTx& tx) -> Status {
                    MOTCUA_RETURN_IF_ERROR(tx.InsertCalendar(c));
                    MOTCUA_RETURN_IF_ERROR(tx.PutCalendarYear(c.id, y2026));
                    return tx.PutCalendarYear(c.id, MakeYear(2025, "Thông báo 6150"));
                  })
                  .ok());
  // A replacement that fails half-way leaves the stored year as it was.
  calendar::YearSchedule smaller = y2026;
  smaller.holidays.resize(1);
  Status failed = store().Write([&](app::WriteTx& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.PutCalendarYear(c.id, smaller));
    return Error::InvalidArgument("changed my mind");
  });
  EXPECT_FALSE(failed.ok());
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    auto years = *tx.ListCalendarYears(c.id);
    EXPECT_EQ(years.size(), 2u);
    if (years.size() == 2) {
      EXPECT_EQ(years[0].year, 2025);
      EXPECT_EQ(years[1], y2026);
    }
    return Ok();
  });
  ASSERT_TRUE(
      store().Write([&](app::WriteTx& tx) { return tx.PutCalendarYear(c.id, smaller); }).ok());
  ASSERT_TRUE(
      store().Write([&](app::WriteTx& tx) { return tx.DeleteCalendarYear(c.id, 2025); }).ok());
  EXPECT_EQ(store()
                .Write([&](app::WriteTx& tx) { return tx.DeleteCalendarYear(c.id, 2025); })
                .error()
                .code,
            ErrorCode::kNotFound);
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    auto years = *tx.ListCalendarYears(c.id);
    EXPECT_EQ(years.size(), 1u);
    if (!years.empty()) {
      EXPECT_EQ(years[0], smaller);
    }
    return Ok();
  });
}

TEST_P(StoreConformance, CalendarClosures) {
  app::StoredCalendar c = MakeCalendar("tthc", std::nullopt);
  app::StoredClosure whole{0, 0, {{2026, 3, 5}, std::nullopt, "Mất điện toàn khu"}};
  app::StoredClosure part{0, 0, {{2026, 3, 2}, calendar::Session{13 * 3600, 17 * 3600}, "Di dời"}};
  ASSERT_TRUE(store()
                  .Write([&](app::WriteTx& tx) -> Status {
                    MOTCUA_RETURN_IF_ERROR(tx.InsertCalendar(c));
                    whole.calendar_id = part.calendar_id = c.id;
                    MOTCUA_RETURN_IF_ERROR(tx.InsertCalendarClosure(whole));
                    return tx.InsertCalendarClosure(part);
                  })
                  .ok());
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    auto closures = *tx.ListCalendarClosures(c.id);
    EXPECT_EQ(closures.size(), 2u);
    if (closures.size() == 2) {
      EXPECT_EQ(closures[0].id, part.id);  // by date
      EXPECT_EQ(closures[0].closure, part.closure);
      EXPECT_EQ(closures[1].closure, whole.closure);
    }
    return Ok();
  });
  ASSERT_TRUE(store()
                  .Write([&](app::WriteTx& tx) { return tx.DeleteCalendarClosure(c.id, part.id); })
                  .ok());
  EXPECT_EQ(
      store()
          .Write([&](app::WriteTx& tx) { return tx.DeleteCalendarClosure(c.id + 1, whole.id); })
          .error()
          .code,
      ErrorCode::kNotFound);
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    EXPECT_EQ(tx.ListCalendarClosures(c.id)->size(), 1u);
    return Ok();
  });
}

}  // namespace
}  // namespace motcua::storage::conformance
