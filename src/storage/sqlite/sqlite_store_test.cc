#include "storage/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "storage/conformance/conformance.h"
#include "storage/sql/sql_tx.h"

namespace motcua::storage::sqlite {
namespace {

namespace fs = std::filesystem;

FakeClock kClock(1'770'000'000);

// A fresh directory per call, removed at exit by the test's temporary directory policy.
std::string FreshPath(const char* name) {
  static std::atomic<int> counter{0};
  fs::path dir = fs::temp_directory_path() /
                 ("motcua-sqlite-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  // A dead process with the same pid may have left a database here: start empty.
  fs::remove_all(dir);
  fs::create_directories(dir);
  return (dir / name).string();
}

std::unique_ptr<app::Store> MakeStore() {
  auto store = SqliteStore::Open({FreshPath("motcua.db"), 2, 5000, 256, &kClock});
  EXPECT_TRUE(store.ok());
  EXPECT_TRUE((*store)->Migrate().ok());
  return std::move(*store);
}

using conformance::StoreConformance;
INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformance,
                         ::testing::Values(conformance::StoreFactory{
                             "sqlite", &MakeStore, [] { return FreshPath("backup.db"); }}),
                         conformance::FactoryName);

TEST(PlaceholderTest, RewritesOutsideQuotes) {
  EXPECT_EQ(RewritePlaceholders("SELECT $1, '$2', \"$3\" FROM t WHERE a = $12"),
            "SELECT ?1, '$2', \"$3\" FROM t WHERE a = ?12");
}

TEST(ErrorMapTest, MapsConstraintAndBusyCodes) {
  EXPECT_EQ(MapSqliteError(SQLITE_CONSTRAINT_UNIQUE, "x").reason, "unique-violation");
  EXPECT_EQ(MapSqliteError(SQLITE_CONSTRAINT_FOREIGNKEY, "x").code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(MapSqliteError(SQLITE_BUSY, "x").code, ErrorCode::kAborted);
  EXPECT_EQ(MapSqliteError(SQLITE_IOERR_FSYNC, "x").code, ErrorCode::kUnavailable);
}

TEST(ErrorMapTest, NoRoomToWriteIsUnavailableAndSaysSo) {
  for (const auto& [code, system_errno] :
       std::vector<std::pair<int, int>>{{SQLITE_FULL, 0},
                                        {SQLITE_FULL, ENOSPC},
                                        {SQLITE_IOERR_WRITE, ENOSPC},
                                        {SQLITE_IOERR_WRITE, EFBIG},
                                        {SQLITE_IOERR_FSYNC, EDQUOT}}) {
    const Error e = MapSqliteError(code, "disk I/O error", system_errno);
    EXPECT_EQ(e.code, ErrorCode::kUnavailable) << code << " " << system_errno;
    EXPECT_EQ(e.reason, "storage-full") << code << " " << system_errno;
    EXPECT_EQ(e.message.rfind("storage is full, nothing was written: ", 0), 0u) << e.message;
  }
  // Another I/O error is unavailable too, with the system's words for it.
  const Error eio = MapSqliteError(SQLITE_IOERR_READ, "disk I/O error", EIO);
  EXPECT_EQ(eio.code, ErrorCode::kUnavailable);
  EXPECT_EQ(eio.reason, "");
  EXPECT_NE(eio.message.find(std::strerror(EIO)), std::string::npos) << eio.message;
}

TEST(SqliteStoreTest, AuditLogIsAppendOnlyInTheDatabase) {
  auto store = MakeStore();
  audit::Record r;
  r.actor = "admin";
  r.action = "login";
  ASSERT_TRUE(store->Write([&](app::WriteTx& tx) { return tx.AppendAudit(r); }).ok());
  // A copy of the database, opened directly: an UPDATE or DELETE of an audit record is refused
  // by the schema itself, not only by the application.
  const std::string path = FreshPath("copy.db");
  ASSERT_TRUE(store->Backup(path).ok());
  auto direct = SqliteConnection::Open(path, false, 100);
  ASSERT_TRUE(direct.ok());
  Status upd = (*direct)->ExecScript("UPDATE audit_log SET actor = 'mallory'");
  ASSERT_FALSE(upd.ok());
  EXPECT_EQ(upd.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_FALSE((*direct)->ExecScript("DELETE FROM audit_log").ok());
}

// A copy of `store` put back as it was before migration `version`: `undo` removes what the
// migration made, and its record goes; the copy is then opened and migrated again. Null, with
// the failure reported, if any step fails.
std::unique_ptr<SqliteStore> MigratedAgain(std::unique_ptr<app::Store> store, int version,
                                           const std::string& undo) {
  const std::string path = FreshPath(("before-" + std::to_string(version) + ".db").c_str());
  EXPECT_TRUE(store->Backup(path).ok());
  store.reset();
  {
    auto direct = SqliteConnection::Open(path, false, 100);
    if (!direct.ok()) {
      ADD_FAILURE() << ToString(direct.error());
      return nullptr;
    }
    Status undone = (*direct)->ExecScript(
        undo + "; DELETE FROM schema_migrations WHERE version = " + std::to_string(version));
    if (!undone.ok()) {
      ADD_FAILURE() << ToString(undone.error());
      return nullptr;
    }
  }
  auto reopened = SqliteStore::Open({path, 2, 5000, 256, &kClock});
  if (!reopened.ok()) {
    ADD_FAILURE() << ToString(reopened.error());
    return nullptr;
  }
  Status migrated = (*reopened)->Migrate();
  if (!migrated.ok()) {
    ADD_FAILURE() << ToString(migrated.error());
    return nullptr;
  }
  return std::move(*reopened);
}

// Migration 13 fills the applicant's identification number of the dossiers already stored from
// their documents: a database as it was before it (the column, its index and its record
// removed) is migrated again and lists the dossier by that number.
TEST(SqliteStoreTest, MigrationThirteenFillsTheApplicantNumberFromTheStoredDocuments) {
  auto store = MakeStore();
  app::StoredDossier s;
  s.value.code = "H99.01-260302-0001";
  s.value.procedure_code = "1.000001";
  s.value.procedure_version = 1;
  s.value.applicant.name = "Nguyễn Thị Hương";
  s.value.applicant.id_number = "001190012345";
  ASSERT_TRUE(store->Write([&](app::WriteTx& tx) { return tx.InsertDossier(s, {}); }).ok());
  auto reopened = MigratedAgain(std::move(store), 13,
                                "DROP INDEX dossiers_applicant_number; "
                                "ALTER TABLE dossiers DROP COLUMN applicant_id_number");
  ASSERT_NE(reopened, nullptr);
  std::vector<app::StoredDossier> found;
  ASSERT_TRUE(reopened
                  ->Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(found,
                                            tx.ListDossiersOfApplicant("001190012345", 0, 10));
                    return Ok();
                  })
                  .ok());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value.code, "H99.01-260302-0001");
}

// Migration 14 fills the instant the current step was entered from the stored documents, into
// the per-step report's index: a database as it was before it (the column gone, the index as it
// was, its record removed) is migrated again and the report at a past instant counts the dossier
// only after that instant.
TEST(SqliteStoreTest, MigrationFourteenFillsTheStepEntryFromTheStoredDocuments) {
  auto store = MakeStore();
  identity::Unit unit;
  unit.code = "H99.02";
  unit.name = "Sở Tư pháp";
  ASSERT_TRUE(store->Write([&](app::WriteTx& tx) { return tx.InsertUnit(unit); }).ok());
  app::StoredDossier s;
  s.value.code = "H99.02-260302-0001";
  s.value.procedure_code = "1.000001";
  s.value.procedure_version = 1;
  s.value.state = dossier::State::kProcessing;
  s.value.step_id = "tham-dinh";
  s.value.step_entered = 1'772'424'000;
  s.step_unit = "H99.02";
  ASSERT_TRUE(store->Write([&](app::WriteTx& tx) { return tx.InsertDossier(s, {}); }).ok());
  auto reopened = MigratedAgain(std::move(store), 14,
                                "DROP INDEX dossiers_at_step; "
                                "ALTER TABLE dossiers DROP COLUMN step_entered_at; "
                                "CREATE INDEX dossiers_at_step ON dossiers(step_unit, step_id, "
                                "procedure_code, procedure_version, assignee, step_due_at) "
                                "WHERE state IN (2, 4, 5, 6, 7, 9)");
  ASSERT_NE(reopened, nullptr);
  auto at = [&](Instant as_of) {
    std::int64_t n = -1;
    EXPECT_TRUE(reopened
                    ->Read([&](app::ReadTx& tx) -> Status {
                      MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindUnitByCode("H99.02"));
                      app::StepQuery q;
                      q.unit = found ? found->id : 0;
                      q.as_of = as_of;
                      q.ended = true;
                      MOTCUA_ASSIGN_OR_RETURN(auto rows, tx.ReportOpenSteps(q));
                      n = 0;
                      for (const auto& r : rows) n += r.current;
                      return Ok();
                    })
                    .ok());
    return n;
  };
  EXPECT_EQ(at(1'772'424'000), 0);
  EXPECT_EQ(at(1'772'424'001), 1);
}

TEST(SqliteStoreTest, ExceptionInWorkIsAnInternalErrorAndTheWriterLives) {
  auto store = MakeStore();
  Status s = store->Write([](app::WriteTx&) -> Status { throw std::runtime_error("boom"); });
  EXPECT_EQ(s.error().code, ErrorCode::kInternal);
  identity::Unit u;
  u.code = "H38";
  u.name = "x";
  EXPECT_TRUE(store->Write([&](app::WriteTx& tx) { return tx.InsertUnit(u); }).ok());
}

TEST(SqliteStoreTest, CommitsAreGroupedUnderConcurrency) {
  auto store = MakeStore();
  std::atomic<int> commits{0}, commands{0};
  store->SetCommitObserver([&](double, int n) {
    ++commits;
    commands += n;
  });
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        audit::Record r;
        r.action = "x";
        ASSERT_TRUE(store->Write([&](app::WriteTx& tx) { return tx.AppendAudit(r); }).ok());
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(commands.load(), 320);
  EXPECT_LT(commits.load(), 320);  // at least some batches held more than one command
}

// The writer keeps the audit chain's head in memory: a command that appends a record and then
// fails must give its sequence number back, and a store opened later must continue the chain.
TEST(SqliteStoreTest, AuditChainSurvivesFailedCommandsInBatchesAndReopening) {
  const std::string path = FreshPath("chain.db");
  std::atomic<int> succeeded{0};
  for (int round = 0; round < 2; ++round) {
    auto opened = SqliteStore::Open({path, 2, 5000, 256, &kClock});
    ASSERT_TRUE(opened.ok());
    auto& store = **opened;
    ASSERT_TRUE(store.Migrate().ok());
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 30; ++i) {
          const bool fail = (t + i) % 3 == 0;
          Status s = store.Write([&](app::WriteTx& tx) -> Status {
            audit::Record r;
            r.action = fail ? "doomed" : "kept";
            MOTCUA_RETURN_IF_ERROR(tx.AppendAudit(r));
            if (fail) return Error::FailedPrecondition("refused after the audit record");
            return Ok();
          });
          EXPECT_EQ(s.ok(), !fail);
          if (s.ok()) ++succeeded;
        }
      });
    }
    for (auto& th : threads) th.join();
  }
  auto store = SqliteStore::Open({path, 2, 5000, 256, &kClock});
  ASSERT_TRUE(store.ok());
  audit::Verifier verifier;
  ASSERT_TRUE((*store)
                  ->Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(auto records, tx.ListAudit({0, 1000}));
                    for (const auto& r : records) {
                      EXPECT_EQ(r.action, "kept");
                      verifier.Feed(r);
                    }
                    return Ok();
                  })
                  .ok());
  EXPECT_TRUE(verifier.outcome().ok) << verifier.outcome().problem;
  EXPECT_EQ(verifier.outcome().checked, succeeded.load());
}

}  // namespace
}  // namespace motcua::storage::sqlite
