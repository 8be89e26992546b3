// PostgreSQL back end against a real server: the private test server of this binary
// (testing/pg_test_environment.h), one fresh database per test.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "app/background.h"
#include "app/calendar_service.h"
#include "app/dossier_service.h"
#include "calendar/civil_time.h"
#include "storage/conformance/conformance.h"
#include "storage/postgres/migrations.h"
#include "storage/postgres/pg_connection.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/testing/pg_test_environment.h"
#include "storage/sql/dossier_codec.h"
#include "storage/sql/migrate.h"

namespace motcua::storage::postgres {
namespace {

namespace fs = std::filesystem;
using testing::CreateTestDatabase;
using testing::PgTestServer;
using testing::SharedPgTestServer;

FakeClock kClock(1'770'000'000);

std::string NewDatabase() {
  auto dsn = CreateTestDatabase();
  EXPECT_TRUE(dsn.ok()) << ToString(dsn.error());
  return dsn.ok() ? *dsn : std::string("postgresql://invalid");
}

PgOptions OptionsFor(const std::string& dsn) {
  PgOptions options;
  options.dsn = dsn;
  options.pool_size = 4;
  options.clock = &kClock;
  if (PgTestServer* server = SharedPgTestServer()) options.tools_dir = server->bin_dir();
  return options;
}

std::unique_ptr<PgStore> OpenMigrated(PgOptions options) {
  auto store = OpenPgStore(options);
  EXPECT_TRUE(store.ok()) << ToString(store.error());
  if (!store.ok()) return nullptr;
  Status migrated = (*store)->Migrate();
  EXPECT_TRUE(migrated.ok()) << ToString(migrated.error());
  return std::move(store).value();
}

// A fresh path under the test server's scratch directory, deleted with the server.
std::string TempPath(const std::string& name) {
  static std::atomic<int> counter{0};
  PgTestServer* server = SharedPgTestServer();
  const std::string dir = server ? server->scratch_dir() : fs::temp_directory_path().string();
  return dir + "/" + std::to_string(counter++) + "-" + name;
}

// --- the shared conformance suite ----------------------------------------------------------------

std::unique_ptr<app::Store> MakeStore() { return OpenMigrated(OptionsFor(NewDatabase())); }

using conformance::StoreConformance;
INSTANTIATE_TEST_SUITE_P(Postgres, StoreConformance,
                         ::testing::Values(conformance::StoreFactory{
                             "postgres", &MakeStore, [] { return TempPath("backup.dump"); }}),
                         conformance::FactoryName);

// --- the driver
// ------------------------------------------------------------------------------------

class PgConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto conn = PgConnection::Connect(NewDatabase());
    ASSERT_TRUE(conn.ok()) << ToString(conn.error());
    conn_ = std::move(conn).value();
  }
  std::unique_ptr<PgConnection> conn_;
};

inline constexpr sql::Statement kInsertValues{
    "test_values_insert", "INSERT INTO t (i, s, b, d, f) VALUES ($1, $2, $3, $4, $5)"};
inline constexpr sql::Statement kSelectValues{"test_values_select",
                                              "SELECT i, s, b, d, f FROM t ORDER BY k"};

TEST_F(PgConnectionTest, ValuesRoundTrip) {
  ASSERT_TRUE(conn_
                  ->ExecScript("CREATE TABLE t (k BIGINT GENERATED ALWAYS AS IDENTITY, i BIGINT, "
                               "s TEXT, b BYTEA, d DOUBLE PRECISION, f BOOLEAN)")
                  .ok());
  const std::string vietnamese = "Ủy ban nhân dân tỉnh Hà Tĩnh — hồ sơ số 000.00.00.H38";
  const std::string bytes("\0\x01\xff\0z\\x00'", 9);
  std::vector<std::vector<sql::Value>> rows = {
      {sql::Int(INT64_MAX), sql::Text(vietnamese), sql::Blob{bytes}, 0.1, sql::Int(1)},
      {sql::Int(INT64_MIN), sql::Text(""), sql::Blob{}, -1e300, sql::Int(0)},
      {sql::Null(), sql::Null(), sql::Null(), sql::Null(), sql::Null()},
  };
  for (const auto& row : rows) {
    auto n = conn_->Exec(kInsertValues, row);
    ASSERT_TRUE(n.ok()) << ToString(n.error());
    EXPECT_EQ(*n, 1);
  }
  auto got = conn_->Query(kSelectValues, {});
  ASSERT_TRUE(got.ok()) << ToString(got.error());
  ASSERT_EQ(got->size(), 3u);
  for (std::size_t r = 0; r < 3; ++r) {
    for (std::size_t c = 0; c < 4; ++c) {
      EXPECT_EQ((*got)[r].raw(c), rows[r][c]) << "row " << r << " column " << c;
    }
  }
  EXPECT_TRUE((*got)[0].Bool(4));  // BOOLEAN comes back as 1/0
  EXPECT_FALSE((*got)[1].Bool(4));
  EXPECT_TRUE((*got)[2].IsNull(4));
}

inline constexpr sql::Statement kSetting{"test_setting", "SELECT current_setting($1)"};

// JIT is off for motcua's connections (a generic queue plan spent 190 ms compiling); a DSN that
// sets `options` itself replaces motcua's.
TEST_F(PgConnectionTest, JitIsOffUnlessTheDsnSetsOptions) {
  auto jit = conn_->QueryOne(kSetting, {sql::Text("jit")});
  ASSERT_TRUE(jit.ok()) << ToString(jit.error());
  EXPECT_EQ((*jit)->Text(0), "off");
  const std::string dsn = NewDatabase();
  auto own = PgConnection::Connect(dsn + (dsn.find('?') == std::string::npos ? "?" : "&") +
                                   "options=-c%20jit%3Don");
  ASSERT_TRUE(own.ok()) << ToString(own.error());
  auto on = (*own)->QueryOne(kSetting, {sql::Text("jit")});
  ASSERT_TRUE(on.ok()) << ToString(on.error());
  EXPECT_EQ((*on)->Text(0), "on");
}

inline constexpr sql::Statement kAdd{"test_add", "SELECT CAST($1 AS BIGINT) + 1"};
inline constexpr sql::Statement kAddClash{"test_add", "SELECT CAST($1 AS BIGINT) + 2"};

TEST_F(PgConnectionTest, PreparesEachStatementOncePerConnection) {
  for (std::int64_t i = 0; i < 3; ++i) {
    auto row = conn_->QueryOne(kAdd, {sql::Int(i)});
    ASSERT_TRUE(row.ok()) << ToString(row.error());
    EXPECT_EQ((*row)->Int(0), i + 1);
  }
  EXPECT_EQ(conn_->prepared_count(), 1u);
  static constexpr sql::Statement kCount{"test_count_prepared",
                                         "SELECT COUNT(*) FROM pg_prepared_statements"};
  auto count = conn_->QueryOne(kCount, {});
  ASSERT_TRUE(count.ok());
  EXPECT_EQ((*count)->Int(0), 2);  // test_add and test_count_prepared
  // A second SQL under a name already in use is a programming error, caught before the server.
  auto clash = conn_->QueryOne(kAddClash, {sql::Int(1)});
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().code, ErrorCode::kInternal);
}

TEST_F(PgConnectionTest, ServerErrorsMapBySqlState) {
  ASSERT_TRUE(conn_
                  ->ExecScript("CREATE TABLE p (id BIGINT PRIMARY KEY, n INT CHECK (n > 0));"
                               "CREATE TABLE c (p_id BIGINT NOT NULL REFERENCES p(id))")
                  .ok());
  static constexpr sql::Statement kInsertP{"test_p_insert",
                                           "INSERT INTO p (id, n) VALUES ($1, $2)"};
  static constexpr sql::Statement kInsertC{"test_c_insert", "INSERT INTO c (p_id) VALUES ($1)"};
  ASSERT_TRUE(conn_->Exec(kInsertP, {sql::Int(1), sql::Int(1)}).ok());
  auto dup = conn_->Exec(kInsertP, {sql::Int(1), sql::Int(1)});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(dup.error().reason, "unique-violation");
  auto check = conn_->Exec(kInsertP, {sql::Int(2), sql::Int(0)});
  EXPECT_EQ(check.error().reason, "constraint");
  auto fk = conn_->Exec(kInsertC, {sql::Int(99)});
  EXPECT_EQ(fk.error().code, ErrorCode::kFailedPrecondition);
  auto not_null = conn_->Exec(kInsertC, {sql::Null()});
  EXPECT_EQ(not_null.error().reason, "constraint");
  Status syntax = conn_->ExecScript("SELEC 1");
  EXPECT_EQ(syntax.error().code, ErrorCode::kInternal);
}

TEST_F(PgConnectionTest, CommitOfAnAbortedTransactionReturnsTheFailure) {
  ASSERT_TRUE(conn_->Begin("BEGIN").ok());
  EXPECT_FALSE(
      conn_->ExecScript("DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '40001'; END $$").ok());
  Status commit = conn_->Commit();  // the server answers ROLLBACK, not an error
  ASSERT_FALSE(commit.ok());
  EXPECT_EQ(commit.error().reason, "retry");
}

TEST_F(PgConnectionTest, PipelinedStatementsAreReadAtTheNextQueryWithTheirFirstError) {
  ASSERT_TRUE(conn_->ExecScript("CREATE TABLE q (id BIGINT PRIMARY KEY)").ok());
  static constexpr sql::Statement kInsert{"test_q_insert", "INSERT INTO q (id) VALUES ($1)"};
  static constexpr sql::Statement kCount{"test_q_count", "SELECT COUNT(*) FROM q"};
  conn_->set_pipelined(true);
  ASSERT_TRUE(conn_->Begin("BEGIN").ok());
  // More than one pipeline's worth: the connection reads the answers on its own as it goes.
  for (std::int64_t i = 1; i <= 600; ++i) {
    auto n = conn_->Exec(kInsert, {sql::Int(i)});
    ASSERT_TRUE(n.ok()) << ToString(n.error());
    EXPECT_EQ(*n, -1);  // not known: the answer is read later
  }
  auto count = conn_->QueryOne(kCount, {});
  ASSERT_TRUE(count.ok()) << ToString(count.error());
  EXPECT_EQ((*count)->Int(0), 600);
  // A failing statement answers later: at the next read, with the server's error; the statement
  // after it is not run.
  static constexpr sql::Statement kFirstUse{"test_q_insert_twice",
                                            "INSERT INTO q (id) VALUES ($1), ($1 + 1000)"};
  EXPECT_TRUE(conn_->Exec(kInsert, {sql::Int(5)}).ok());
  EXPECT_TRUE(conn_->Exec(kFirstUse, {sql::Int(700)}).ok());
  auto after = conn_->QueryOne(kCount, {});
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().reason, "unique-violation");
  Status commit = conn_->Commit();
  ASSERT_FALSE(commit.ok());
  EXPECT_EQ(commit.error().reason, "unique-violation");
  // Nothing of the transaction stays, and the connection works one statement at a time again,
  // including the statement first prepared in the failed pipeline.
  conn_->set_pipelined(false);
  ASSERT_TRUE(conn_->ExecScript("ROLLBACK").ok());
  auto none = conn_->QueryOne(kCount, {});
  ASSERT_TRUE(none.ok()) << ToString(none.error());
  EXPECT_EQ((*none)->Int(0), 0);
  auto twice = conn_->Exec(kFirstUse, {sql::Int(1)});
  ASSERT_TRUE(twice.ok()) << ToString(twice.error());
  EXPECT_EQ(*twice, 2);
}

TEST(PgConnectionStandaloneTest, UnreachableServerIsUnavailable) {
  auto conn = PgConnection::Connect("postgresql://postgres@127.0.0.1:1/x?connect_timeout=2");
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.error().code, ErrorCode::kUnavailable);
  auto bad = PgConnection::Connect("postgresql://[bad");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
}

// --- the store
// ---------------------------------------------------------------------------------------

identity::Unit MakeUnit(const std::string& code) {
  identity::Unit u;
  u.code = code;
  u.name = "Sở Nội vụ";
  u.kind = identity::UnitKind::kDepartment;
  return u;
}

class PgStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dsn_ = NewDatabase();
    store_ = OpenMigrated(OptionsFor(dsn_));
    ASSERT_NE(store_, nullptr);
    store_->SetCommitObserver([this](double seconds, int commands) {
      EXPECT_GE(seconds, 0.0);
      EXPECT_EQ(commands, 1);
      ++commits_;
    });
    auto side = PgConnection::Connect(dsn_);
    ASSERT_TRUE(side.ok());
    side_ = std::move(side).value();
  }

  std::int64_t CountUnits() {
    static constexpr sql::Statement kCount{"test_count_units", "SELECT COUNT(*) FROM units"};
    auto row = side_->QueryOne(kCount, {});
    return row.ok() && *row ? (*row)->Int(0) : -1;
  }

  std::string dsn_;
  std::unique_ptr<PgStore> store_;
  std::unique_ptr<PgConnection> side_;  // a second session, outside the store
  std::atomic<int> commits_{0};
};

TEST_F(PgStoreTest, WorkErrorRollsBackEverything) {
  Status s = store_->Write([](app::WriteTx& tx) -> Status {
    identity::Unit u = MakeUnit("H38");
    MOTCUA_RETURN_IF_ERROR(tx.InsertUnit(u));
    return Error::FailedPrecondition("changed my mind");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "changed my mind");
  EXPECT_EQ(CountUnits(), 0);
  EXPECT_EQ(commits_.load(), 0);
}

TEST_F(PgStoreTest, BulkWriteIsAllOrNothingAndItsErrorsAreTheServers) {
  Status ok = store_->WriteBulk([](app::WriteTx& tx) -> Status {
    for (const char* code : {"H38", "H38.01", "H38.02"}) {
      identity::Unit u = MakeUnit(code);
      MOTCUA_RETURN_IF_ERROR(tx.InsertUnit(u));
    }
    return Ok();
  });
  ASSERT_TRUE(ok.ok()) << ToString(ok.error());
  EXPECT_EQ(CountUnits(), 3);
  Status refused = store_->WriteBulk([](app::WriteTx& tx) -> Status {
    identity::Unit fresh = MakeUnit("H38.03");
    MOTCUA_RETURN_IF_ERROR(tx.InsertUnit(fresh));
    // A session of no user: the foreign key refuses it, which the work does not learn (the
    // insert answers only a count); the commit does.
    return tx.InsertSession(app::Session{"hash", 999999, "csrf", 0, 1});
  });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition) << ToString(refused.error());
  EXPECT_EQ(CountUnits(), 3);
  // The pooled connection is clean for the next transaction.
  Status next = store_->Write([](app::WriteTx& tx) -> Status {
    identity::Unit u = MakeUnit("H38.04");
    return tx.InsertUnit(u);
  });
  ASSERT_TRUE(next.ok()) << ToString(next.error());
  EXPECT_EQ(CountUnits(), 4);
}

TEST_F(PgStoreTest, ExceptionInWorkIsInternalAndTheConnectionIsClean) {
  PgOptions options = OptionsFor(dsn_);
  options.pool_size = 1;
  auto store = OpenMigrated(options);
  Status s = store->Write([](app::WriteTx& tx) -> Status {
    identity::Unit u = MakeUnit("H38");
    (void)tx.InsertUnit(u);
    throw std::runtime_error("boom");
  });
  EXPECT_EQ(s.error().code, ErrorCode::kInternal);
  identity::Unit u = MakeUnit("H38");
  EXPECT_TRUE(store->Write([&](app::WriteTx& tx) { return tx.InsertUnit(u); }).ok());
  EXPECT_EQ(CountUnits(), 1);
}

TEST_F(PgStoreTest, ForcedSerializationFailureIsRetriedAndCommitsOnce) {
  // A sequence is not transactional: the first attempt's nextval survives its rollback, so only
  // the first INSERT fails with 40001.
  ASSERT_TRUE(side_
                  ->ExecScript(R"sql(
    CREATE SEQUENCE test_attempts;
    CREATE FUNCTION test_fail_first() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF nextval('test_attempts') = 1 THEN
        RAISE EXCEPTION 'forced serialization failure' USING ERRCODE = '40001';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER test_fail_first BEFORE INSERT ON units
      FOR EACH ROW EXECUTE FUNCTION test_fail_first();
  )sql")
                  .ok());
  int runs = 0;
  Status s = store_->Write([&](app::WriteTx& tx) {
    ++runs;
    identity::Unit u = MakeUnit("H38");
    return tx.InsertUnit(u);
  });
  ASSERT_TRUE(s.ok()) << ToString(s.error());
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(commits_.load(), 1);
  EXPECT_EQ(CountUnits(), 1);
}

TEST_F(PgStoreTest, RetriesAreBounded) {
  ASSERT_TRUE(side_
                  ->ExecScript(R"sql(
    CREATE FUNCTION test_fail_always() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'forced deadlock' USING ERRCODE = '40P01';
    END $$;
    CREATE TRIGGER test_fail_always BEFORE INSERT ON units
      FOR EACH ROW EXECUTE FUNCTION test_fail_always();
  )sql")
                  .ok());
  int runs = 0;
  Status s = store_->Write([&](app::WriteTx& tx) {
    ++runs;
    identity::Unit u = MakeUnit("H38");
    return tx.InsertUnit(u);
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kAborted);
  EXPECT_EQ(s.error().reason, "retry");
  EXPECT_EQ(runs, PgOptions{}.max_attempts);
  EXPECT_EQ(commits_.load(), 0);
}

TEST_F(PgStoreTest, ConnectionLostDuringCommitIsNotRetried) {
  // A deferred constraint trigger makes COMMIT itself take a while; the side session kills the
  // backend meanwhile. The store cannot know whether the COMMIT happened, so it must not run the
  // work again.
  ASSERT_TRUE(side_
                  ->ExecScript(R"sql(
    CREATE FUNCTION test_slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_sleep(30);
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER test_slow_commit AFTER INSERT ON units
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_slow_commit();
  )sql")
                  .ok());
  std::thread killer([&] {
    static constexpr sql::Statement kKillCommit{
        "test_kill_commit",
        "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
        "WHERE datname = current_database() AND query = 'COMMIT' AND state = 'active'"};
    for (int i = 0; i < 1000; ++i) {
      auto killed = side_->QueryOne(kKillCommit, {});
      if (killed.ok() && (*killed)->Int(0) > 0) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "no COMMIT to kill";
  });
  int runs = 0;
  Status s = store_->Write([&](app::WriteTx& tx) {
    ++runs;
    identity::Unit u = MakeUnit("H38");
    return tx.InsertUnit(u);
  });
  killer.join();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(s.error().reason, "commit-outcome-unknown");
  EXPECT_EQ(runs, 1);
  EXPECT_TRUE(store_->Ping().ok());  // the pool recovers
}

TEST_F(PgStoreTest, RealSerializationFailureIsRetried) {
  PgOptions options = OptionsFor(dsn_);
  options.write_isolation = WriteIsolation::kSerializable;
  auto store = OpenMigrated(options);
  identity::Unit unit = MakeUnit("H38");
  ASSERT_TRUE(store->Write([&](app::WriteTx& tx) { return tx.InsertUnit(unit); }).ok());
  static constexpr sql::Statement kRename{"test_rename",
                                          "UPDATE units SET name = $1, version = version + 1 "
                                          "WHERE id = $2"};
  int runs = 0;
  Status s = store->Write([&](app::WriteTx& tx) -> Status {
    ++runs;
    MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindUnit(unit.id));  // takes the snapshot
    if (runs == 1) {
      // Another session changes the row after our snapshot: our update must fail with 40001.
      auto n = side_->Exec(kRename, {sql::Text("đổi tên"), sql::Int(unit.id)});
      EXPECT_TRUE(n.ok());
    }
    identity::Unit u = *found;
    u.address = "Hà Tĩnh";
    return tx.UpdateUnit(u);
  });
  ASSERT_TRUE(s.ok()) << ToString(s.error());
  EXPECT_EQ(runs, 2);
  ASSERT_TRUE(store
                  ->Read([&](app::ReadTx& tx) -> Status {
                    auto found = tx.FindUnit(unit.id);
                    EXPECT_EQ((*found)->name, "đổi tên");
                    EXPECT_EQ((*found)->address, "Hà Tĩnh");
                    EXPECT_EQ((*found)->version, 3);
                    return Ok();
                  })
                  .ok());
}

TEST_F(PgStoreTest, LostConnectionBeforeCommitIsRetriedOnANewConnection) {
  static constexpr sql::Statement kKillOthers{
      "test_kill_others",
      "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
      "WHERE datname = current_database() AND pid <> pg_backend_pid()"};
  static constexpr sql::Statement kOthers{
      "test_others",
      "SELECT COUNT(*) FROM pg_stat_activity "
      "WHERE datname = current_database() AND pid <> pg_backend_pid()"};
  int runs = 0;
  Status s = store_->Write([&](app::WriteTx& tx) -> Status {
    if (++runs == 1) {
      EXPECT_TRUE(side_->QueryOne(kKillOthers, {}).ok());
      // Wait until the killed sessions are gone, so the next statement surely meets a dead one.
      for (int i = 0; i < 500; ++i) {
        auto others = side_->QueryOne(kOthers, {});
        if (others.ok() && (*others)->Int(0) == 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
    identity::Unit u = MakeUnit("H38");
    return tx.InsertUnit(u);
  });
  ASSERT_TRUE(s.ok()) << ToString(s.error());
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(CountUnits(), 1);
  EXPECT_TRUE(store_->Ping().ok());
}

TEST_F(PgStoreTest, PoolExhaustionIsUnavailableAfterTheTimeout) {
  PgOptions options = OptionsFor(dsn_);
  options.pool_size = 1;
  options.acquire_timeout = std::chrono::milliseconds(200);
  auto store = OpenMigrated(options);
  Status inner = Ok();
  std::chrono::duration<double> waited{};
  Status outer = store->Write([&](app::WriteTx& tx) {
    // The only connection is ours: a nested Read cannot get one.
    const auto start = std::chrono::steady_clock::now();
    inner = store->Read([](app::ReadTx&) { return Ok(); });
    waited = std::chrono::steady_clock::now() - start;
    identity::Unit u = MakeUnit("H38");
    return tx.InsertUnit(u);
  });
  EXPECT_TRUE(outer.ok());
  ASSERT_FALSE(inner.ok());
  EXPECT_EQ(inner.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(inner.error().reason, "pool-exhausted");
  EXPECT_GE(waited.count(), 0.19);
  EXPECT_TRUE(store->Read([](app::ReadTx&) { return Ok(); }).ok());  // free again
}

TEST_F(PgStoreTest, ReadsSeeOneSnapshot) {
  identity::Unit unit = MakeUnit("H38");
  ASSERT_TRUE(store_->Write([&](app::WriteTx& tx) { return tx.InsertUnit(unit); }).ok());
  static constexpr sql::Statement kInsert{
      "test_insert_unit", "INSERT INTO units (code, name, kind) VALUES ('H39', 'x', 'other')"};
  Status s = store_->Read([&](app::ReadTx& tx) -> Status {
    EXPECT_EQ(tx.ListUnits()->size(), 1u);
    EXPECT_TRUE(side_->Exec(kInsert, {}).ok());
    EXPECT_EQ(tx.ListUnits()->size(), 1u);  // REPEATABLE READ: the insert is not seen
    return Ok();
  });
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(CountUnits(), 2);
}

TEST_F(PgStoreTest, AuditLogIsAppendOnlyInTheDatabase) {
  audit::Record r;
  r.actor = "admin";
  r.action = "login";
  ASSERT_TRUE(store_->Write([&](app::WriteTx& tx) { return tx.AppendAudit(r); }).ok());
  Status update = side_->ExecScript("UPDATE audit_log SET actor = 'mallory'");
  ASSERT_FALSE(update.ok());
  EXPECT_EQ(update.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(update.error().reason, "constraint");
  EXPECT_EQ(side_->ExecScript("DELETE FROM audit_log").error().code,
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(side_->ExecScript("TRUNCATE audit_log").error().code, ErrorCode::kFailedPrecondition);
}

TEST(PgMigrationTest, StatusBeforeAndAfterMigrate) {
  auto store = OpenPgStore(OptionsFor(NewDatabase()));
  ASSERT_TRUE(store.ok()) << ToString(store.error());
  auto before = (*store)->MigrationState();
  ASSERT_TRUE(before.ok()) << ToString(before.error());
  ASSERT_FALSE(before->empty());
  for (const auto& m : *before) EXPECT_FALSE(m.applied_at.has_value()) << m.name;
  ASSERT_TRUE((*store)->Migrate().ok());
  ASSERT_TRUE((*store)->Migrate().ok());  // idempotent
  auto after = (*store)->MigrationState();
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), before->size());
  for (const auto& m : *after) EXPECT_EQ(m.applied_at, kClock.Now()) << m.name;
}

TEST(PgMigrationTest, ServersStartingTogetherApplyEachMigrationOnce) {
  const std::string dsn = NewDatabase();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      auto store = OpenPgStore(OptionsFor(dsn));
      if (!store.ok() || !(*store)->Migrate().ok()) ++failures;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
}

// --- partitions by year (migration 14) ---------------------------------------------------------

// A dossier received at local time `when` (its first event), with `code`.
// Bound to references, not a structured binding: clang 14 lets no lambda capture one.
std::pair<app::StoredDossier, dossier::Event> DossierAt(const std::string& code,
                                                        const std::string& when) {
  const Instant at = *calendar::ParseLocalDateTime(when);
  app::StoredDossier s;
  dossier::Dossier& d = s.value;
  d.code = code;
  d.procedure_code = "1.000001";
  d.procedure_version = 1;
  d.channel = catalog::Channel::kInPerson;
  d.receiving_unit = "H38.30";
  d.competent_unit = "H38.03";
  d.applicant.name = "Trần Văn Đức";
  d.state = dossier::State::kProcessing;
  d.received = true;
  d.received_at = at;
  d.submitted_at = at;
  d.step_id = "tham-dinh";
  d.version = 1;
  s.secret_hash = std::string(64, 'f');
  s.step_unit = "H38.03";
  s.clock.due = at + 10 * 86400;
  dossier::Event e;
  e.seq = 1;
  e.kind = dossier::EventKind::kReceived;
  e.at = at;
  e.actor_id = 5;
  e.unit_code = "H38.30";
  e.to_step = "tham-dinh";
  return {s, e};
}

class PgPartitionTest : public PgStoreTest {
 protected:
  // The partition that holds `id` in `table` (by its key column), or "" when none does.
  std::string PartitionOf(const std::string& table, const std::string& key, std::int64_t id) {
    const sql::Statement& stmt = sql::KeptStatement("test_partition_of_" + table, [&] {
      return "SELECT tableoid::regclass::text FROM " + table + " WHERE " + key + " = $1 LIMIT 1";
    });
    auto row = side_->QueryOne(stmt, {sql::Int(id)});
    return row.ok() && *row ? (*row)->Text(0) : std::string();
  }

  Status Insert(app::StoredDossier& s, const dossier::Event& e) {
    return store_->Write([&](app::WriteTx& tx) { return tx.InsertDossier(s, {e}); });
  }

  // Another dossier with `code`, in 2026, is refused as a taken code.
  void ExpectCodeTaken(const std::string& code) {
    auto twin_at = DossierAt(code, "2026-05-05 09:00");
    app::StoredDossier& twin = twin_at.first;
    dossier::Event& received = twin_at.second;
    Status dup = Insert(twin, received);
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  }

  Result<int> PrepareYears(int first, int last) {
    int made = -1;
    MOTCUA_RETURN_IF_ERROR(store_->Write([&](app::WriteTx& tx) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(made, tx.PrepareYears(first, last));
      return Ok();
    }));
    return made;
  }
};

TEST_F(PgPartitionTest, ADossiersRowsLieInThePartitionsOfItsYear) {
  // The test clock is in 2026: its year and the neighbours were prepared by Migrate.
  auto a_at = DossierAt("H38.30-250302-0001", "2025-03-02 09:00");
  app::StoredDossier& a = a_at.first;
  dossier::Event& a_received = a_at.second;
  auto b_at = DossierAt("H38.30-260101-0001", "2026-01-01 00:30");  // 2025 in UTC
  app::StoredDossier& b = b_at.first;
  dossier::Event& b_received = b_at.second;
  ASSERT_TRUE(Insert(a, a_received).ok());
  ASSERT_TRUE(Insert(b, b_received).ok());
  EXPECT_EQ(a.value.id / 10'000'000'000, 2025);
  EXPECT_EQ(b.value.id / 10'000'000'000, 2026);
  EXPECT_GT(b.value.id % 10'000'000'000, a.value.id % 10'000'000'000);
  EXPECT_EQ(PartitionOf("dossiers", "id", a.value.id), "dossiers_2025");
  EXPECT_EQ(PartitionOf("dossier_events", "dossier_id", a.value.id), "dossier_events_2025");
  EXPECT_EQ(PartitionOf("dossier_facts", "dossier_id", a.value.id), "dossier_facts_2025");
  EXPECT_EQ(PartitionOf("dossiers", "id", b.value.id), "dossiers_2026");
  ASSERT_TRUE(store_
                  ->Write([&](app::WriteTx& tx) {
                    return tx.InsertStepVisits(
                        b.value.id, {{b.value.id, 1, "tham-dinh", "H38.03", 5, b_received.at,
                                      b_received.at + 3600, b_received.at + 7200, true, 3600,
                                      reports::VisitOutcome::kOnTime}});
                  })
                  .ok());
  EXPECT_EQ(PartitionOf("step_visits", "dossier_id", b.value.id), "step_visits_2026");

  // Found by id and by code, whatever the partition.
  ASSERT_TRUE(store_
                  ->Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(auto by_id, tx.FindDossier(a.value.id));
                    EXPECT_TRUE(by_id && by_id->value.code == "H38.30-250302-0001");
                    MOTCUA_ASSIGN_OR_RETURN(auto by_code, tx.FindDossierByCode(b.value.code));
                    EXPECT_TRUE(by_code && by_code->value.id == b.value.id);
                    MOTCUA_ASSIGN_OR_RETURN(auto events, tx.ListDossierEvents(a.value.id));
                    EXPECT_EQ(events.size(), 1u);
                    return Ok();
                  })
                  .ok());

  // A code is unique across the partitions: the same code in another year is refused, and
  // nothing of it is written.
  ExpectCodeTaken("H38.30-250302-0001");
  static constexpr sql::Statement kCount{"test_count_dossiers", "SELECT COUNT(*) FROM dossiers"};
  auto count = side_->QueryOne(kCount, {});
  ASSERT_TRUE(count.ok() && *count);
  EXPECT_EQ((*count)->Int(0), 2);
  // The events stay append-only in every partition.
  EXPECT_FALSE(side_->ExecScript("UPDATE dossier_events SET kind = 'x'").ok());
  EXPECT_FALSE(side_->ExecScript("DELETE FROM dossier_events_2025").ok());
}

// The leader's background round makes this local year's partitions and the next's, once per
// local year: a year after the server started, a new year's dossiers still get their own.
TEST_F(PgPartitionTest, TheBackgroundRoundMakesThisYearsAndTheNextsPartitionsOncePerYear) {
  FakeClock clock(*calendar::ParseLocalDateTime("2029-06-01 08:00"));  // Migrate made 2025-2027
  app::CalendarService calendars(*store_, clock);
  app::DossierService dossiers(*store_, clock, calendars);
  app::BackgroundOptions options;
  options.server_id = "pg-partitions";
  app::BackgroundWorker worker(*store_, clock, calendars, dossiers, options);
  auto round = worker.RunRound();
  ASSERT_TRUE(round.ok()) << ToString(round.error());
  EXPECT_TRUE(round->leader);
  EXPECT_EQ(round->partitions, 8);  // 2029 and 2030, four tables each
  round = worker.RunRound();
  ASSERT_TRUE(round.ok()) << ToString(round.error());
  EXPECT_EQ(round->partitions, 0);  // asked once per local year
  // 00:30 on 1 January in Vietnam is still 31 December in UTC: the local year counts.
  clock.Set(*calendar::ParseLocalDateTime("2030-01-01 00:30"));
  round = worker.RunRound();
  ASSERT_TRUE(round.ok()) << ToString(round.error());
  EXPECT_EQ(round->partitions, 4);  // 2031
  auto next_at = DossierAt("H38.30-310302-0001", "2031-03-02 09:00");
  app::StoredDossier& next = next_at.first;
  dossier::Event& received = next_at.second;
  ASSERT_TRUE(Insert(next, received).ok());
  EXPECT_EQ(PartitionOf("dossiers", "id", next.value.id), "dossiers_2031");
  EXPECT_EQ(PartitionOf("dossier_events", "dossier_id", next.value.id), "dossier_events_2031");
}

TEST_F(PgPartitionTest, AYearNotPreparedGoesToTheDefaultPartitionsAndStaysThere) {
  auto late_at = DossierAt("H38.30-310302-0001", "2031-03-02 09:00");
  app::StoredDossier& late = late_at.first;
  dossier::Event& received = late_at.second;
  ASSERT_TRUE(Insert(late, received).ok());  // never refused for want of a partition
  EXPECT_EQ(late.value.id / 10'000'000'000, 2031);
  EXPECT_EQ(PartitionOf("dossiers", "id", late.value.id), "dossiers_default");
  EXPECT_EQ(PartitionOf("dossier_events", "dossier_id", late.value.id), "dossier_events_default");
  // 2031 has rows in the default partitions: it stays there; 2032 is made, four tables.
  auto made = PrepareYears(2031, 2032);
  ASSERT_TRUE(made.ok()) << ToString(made.error());
  EXPECT_EQ(*made, 4);
  EXPECT_EQ(*PrepareYears(2031, 2032), 0);  // idempotent
  EXPECT_EQ(PartitionOf("dossiers", "id", late.value.id), "dossiers_default");
  auto next_at = DossierAt("H38.30-320302-0001", "2032-03-02 09:00");
  app::StoredDossier& next = next_at.first;
  dossier::Event& next_received = next_at.second;
  ASSERT_TRUE(Insert(next, next_received).ok());
  EXPECT_EQ(PartitionOf("dossiers", "id", next.value.id), "dossiers_2032");
  EXPECT_EQ(PartitionOf("dossier_facts", "dossier_id", next.value.id), "dossier_facts_2032");
}

TEST_F(PgPartitionTest, AFinishedYearIsDetachedWholeAndItsCodesStayTaken) {
  auto done_at = DossierAt("H38.30-250302-0001", "2025-03-02 09:00");
  app::StoredDossier& done = done_at.first;
  dossier::Event& done_received = done_at.second;
  auto open_at = DossierAt("H38.30-250303-0001", "2025-03-03 09:00");
  app::StoredDossier& open = open_at.first;
  dossier::Event& open_received = open_at.second;
  auto now_at = DossierAt("H38.30-260303-0001", "2026-03-03 09:00");
  app::StoredDossier& now = now_at.first;
  dossier::Event& now_received = now_at.second;
  ASSERT_TRUE(Insert(done, done_received).ok());
  ASSERT_TRUE(Insert(open, open_received).ok());
  ASSERT_TRUE(Insert(now, now_received).ok());
  ASSERT_TRUE(
      store_
          ->Write([&](app::WriteTx& tx) -> Status {
            MOTCUA_RETURN_IF_ERROR(tx.InsertStepVisits(
                done.value.id, {{done.value.id, 1, "tham-dinh", "H38.03", 5, done_received.at,
                                 done_received.at + 3600, done_received.at + 7200, true, 3600,
                                 reports::VisitOutcome::kOnTime}}));
            MOTCUA_RETURN_IF_ERROR(
                tx.InsertDossierAlert(done.value.id, "late-warning", done_received.at));
            return Ok();
          })
          .ok());
  static constexpr sql::Statement kDetach{"test_detach_year", "SELECT motcua_detach_year($1)"};

  // A year with a dossier still in processing stays.
  auto refused = side_->QueryOne(kDetach, {sql::Int(2025)});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("unfinished"), std::string::npos);
  EXPECT_EQ(PartitionOf("dossiers", "id", done.value.id), "dossiers_2025");

  ASSERT_TRUE(side_->ExecScript("UPDATE dossiers SET state = 10 WHERE id < 20260000000000").ok());
  auto detached = side_->QueryOne(kDetach, {sql::Int(2025)});
  ASSERT_TRUE(detached.ok()) << ToString(detached.error());
  EXPECT_EQ((*detached)->Int(0), 2);
  for (const char* table : {"dossiers", "dossier_events", "dossier_facts", "step_visits"}) {
    EXPECT_EQ(
        PartitionOf(table, table == std::string("dossiers") ? "id" : "dossier_id", done.value.id),
        "")
        << table;
  }
  static constexpr sql::Statement kKept{
      "test_detached_rows",
      "SELECT (SELECT COUNT(*) FROM dossiers_2025), (SELECT COUNT(*) FROM dossier_events_2025), "
      "(SELECT COUNT(*) FROM step_visits_2025), (SELECT COUNT(*) FROM dossier_alerts)"};
  auto kept = side_->QueryOne(kKept, {});
  ASSERT_TRUE(kept.ok() && *kept);
  EXPECT_EQ((*kept)->Int(0), 2);  // kept as plain tables
  EXPECT_EQ((*kept)->Int(1), 2);
  EXPECT_EQ((*kept)->Int(2), 1);
  EXPECT_EQ((*kept)->Int(3), 0);  // the year's alerts are gone
  ASSERT_TRUE(store_
                  ->Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(auto gone, tx.FindDossier(done.value.id));
                    EXPECT_FALSE(gone.has_value());
                    MOTCUA_ASSIGN_OR_RETURN(auto here, tx.FindDossier(now.value.id));
                    EXPECT_TRUE(here.has_value());
                    return Ok();
                  })
                  .ok());
  // Its codes stay taken; the other years go on.
  ExpectCodeTaken("H38.30-250302-0001");
  auto next_at = DossierAt("H38.30-260505-0002", "2026-05-05 09:00");
  app::StoredDossier& next = next_at.first;
  dossier::Event& next_received = next_at.second;
  EXPECT_TRUE(Insert(next, next_received).ok());
  // Twice, or a year without partitions: refused.
  EXPECT_FALSE(side_->QueryOne(kDetach, {sql::Int(2025)}).ok());
  EXPECT_FALSE(side_->QueryOne(kDetach, {sql::Int(2019)}).ok());
}

// Also migration 15: the step entry of a dossier stored before it is filled from its document.
TEST(PgMigrationTest, DossiersStoredBeforeThePartitionsKeepTheirIdsAndCodes) {
  const std::string dsn = NewDatabase();
  {
    auto conn = PgConnection::Connect(dsn);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(
        sql::ApplyMigrations(**conn, Migrations().first(13), kClock.Now()).ok());  // before 14
    auto old_at = DossierAt("H38.30-250302-0007", "2025-03-02 09:00");
    app::StoredDossier& old = old_at.first;
    dossier::Event& received = old_at.second;
    old.value.step_entered = received.at;  // filled into step_entered_at by migration 15
    static constexpr sql::Statement kOld{
        "test_insert_old_dossier",
        "INSERT INTO dossiers (code, secret_hash, procedure_code, procedure_version, channel, "
        "receiving_unit, competent_unit, step_unit, applicant_name, state, step_id, assignee, "
        "paused, waiting_agency, received_at, version, doc) VALUES ($1, $2, '1.000001', 1, 1, "
        "'H38.30', 'H38.03', 'H38.03', $3, 2, 'tham-dinh', 0, 0, 0, $4, 1, $5) RETURNING id"};
    auto id = (*conn)->QueryOne(
        kOld,
        {sql::Text(old.value.code), sql::Text(old.secret_hash), sql::Text(old.value.applicant.name),
         sql::Int(old.value.received_at), sql::Text(sql::EncodeDossier(old.value))});
    ASSERT_TRUE(id.ok() && *id) << (id.ok() ? "" : ToString(id.error()));
    ASSERT_EQ((*id)->Int(0), 1);
    static constexpr sql::Statement kOldEvent{
        "test_insert_old_event",
        "INSERT INTO dossier_events (dossier_id, seq, kind, at, actor_id, unit_code, step_id, "
        "body) VALUES (1, 1, 'received', $1, 5, 'H38.30', 'tham-dinh', $2)"};
    ASSERT_TRUE(
        (*conn)
            ->Exec(kOldEvent, {sql::Int(received.at), sql::Text(sql::EncodeEvent(received))})
            .ok());
  }
  std::unique_ptr<PgStore> store = OpenMigrated(OptionsFor(dsn));
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindDossierByCode("H38.30-250302-0007"));
                    EXPECT_TRUE(found && found->value.id == 1);
                    MOTCUA_ASSIGN_OR_RETURN(auto events, tx.ListDossierEvents(1));
                    EXPECT_EQ(events.size(), 1u);
                    return Ok();
                  })
                  .ok());
  static constexpr sql::Statement kEntered{"test_step_entered",
                                           "SELECT step_entered_at FROM dossiers WHERE id = 1"};
  auto side = PgConnection::Connect(dsn);
  ASSERT_TRUE(side.ok());
  auto entered = (*side)->QueryOne(kEntered, {});
  ASSERT_TRUE(entered.ok() && *entered);
  EXPECT_EQ((*entered)->Int(0), *calendar::ParseLocalDateTime("2025-03-02 09:00"));
  // A new dossier continues the sequence in its year; the old code stays taken.
  auto fresh_at = DossierAt("H38.30-260302-0001", "2026-03-02 09:00");
  app::StoredDossier& fresh = fresh_at.first;
  dossier::Event& fresh_received = fresh_at.second;
  ASSERT_TRUE(
      store->Write([&](app::WriteTx& tx) { return tx.InsertDossier(fresh, {fresh_received}); })
          .ok());
  EXPECT_EQ(fresh.value.id, 2026 * 10'000'000'000 + 2);
  auto twin_at = DossierAt("H38.30-250302-0007", "2026-03-03 09:00");
  app::StoredDossier& twin = twin_at.first;
  dossier::Event& twin_received = twin_at.second;
  Status dup =
      store->Write([&](app::WriteTx& tx) { return tx.InsertDossier(twin, {twin_received}); });
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
}

TEST_F(PgStoreTest, BackupThenRestoreUndoesDeletesAndSchemaChanges) {
  identity::Unit unit = MakeUnit("H38");
  ASSERT_TRUE(store_->Write([&](app::WriteTx& tx) { return tx.InsertUnit(unit); }).ok());
  const std::string path = TempPath("backup.dump");
  Status backed = store_->Backup(path);
  ASSERT_TRUE(backed.ok()) << ToString(backed.error());
  ASSERT_TRUE(side_->ExecScript("DELETE FROM units; ALTER TABLE units ADD COLUMN junk TEXT").ok());
  EXPECT_EQ(CountUnits(), 0);
  Status restored = store_->Restore(path);
  ASSERT_TRUE(restored.ok()) << ToString(restored.error());
  EXPECT_EQ(CountUnits(), 1);
  // The junk column is gone and pooled statements still work on the restored tables.
  EXPECT_FALSE(side_->ExecScript("SELECT junk FROM units").ok());
  ASSERT_TRUE(store_
                  ->Read([&](app::ReadTx& tx) -> Status {
                    auto found = tx.FindUnitByCode("H38");
                    EXPECT_TRUE(found.ok() && found->has_value());
                    return Ok();
                  })
                  .ok());
  // New ids continue after the restored ones.
  identity::Unit next = MakeUnit("H39");
  ASSERT_TRUE(store_->Write([&](app::WriteTx& tx) { return tx.InsertUnit(next); }).ok());
  EXPECT_GT(next.id, unit.id);
}

TEST_F(PgStoreTest, RestoreOfAMissingFileFailsAndChangesNothing) {
  identity::Unit unit = MakeUnit("H38");
  ASSERT_TRUE(store_->Write([&](app::WriteTx& tx) { return tx.InsertUnit(unit); }).ok());
  Status restored = store_->Restore(TempPath("missing.dump"));
  ASSERT_FALSE(restored.ok());
  EXPECT_EQ(CountUnits(), 1);
}

}  // namespace
}  // namespace motcua::storage::postgres
