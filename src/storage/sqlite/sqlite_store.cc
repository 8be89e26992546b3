#include "storage/sqlite/sqlite_store.h"

#include <sqlite3.h>

#include <chrono>
#include <exception>

#include "storage/sql/migrate.h"
#include "storage/sql/sql_tx.h"
#include "storage/sqlite/migrations.h"

namespace motcua::storage::sqlite {

// A queued command: either a write transaction's work, or a maintenance task that needs the
// writer connection alone (migrations, restore).
struct SqliteStore::Pending {
  const std::function<Status(app::WriteTx&)>* work = nullptr;
  bool alone = false;  // a bulk write: its own transaction, without a savepoint
  std::function<Status(SqliteConnection&)> task;
  Status result;

  // The caller sleeps until the writer has made `result` final. A mutex and condition variable
  // rather than a semaphore: libstdc++'s semaphore spins with sched_yield before it sleeps, which
  // with many waiting callers takes the CPU away from the writer.
  //
  // A batch's callers are woken as a tree: the writer wakes the first, and each caller, once
  // awake, wakes the two in `next`. Waking a thread is a system call of several microseconds on
  // a virtual machine; made by the callers, it leaves the writer free for the next batch.
  void Finish() {
    {
      std::lock_guard lock(mu);
      finished = true;
    }
    cv.notify_one();
  }
  void Wait() {
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return finished; });
    }
    for (Pending* n : next) {
      if (n != nullptr) n->Finish();
    }
  }
  Pending* next[2] = {nullptr, nullptr};  // set by the writer before it finishes this one
  std::mutex mu;
  std::condition_variable cv;
  bool finished = false;  // guarded by mu
};

namespace {

// Transaction control as prepared statements: parsed once, not once per command.
inline constexpr sql::Statement kBegin{"tx_begin", "BEGIN IMMEDIATE"};
inline constexpr sql::Statement kBeginRead{"tx_begin_read", "BEGIN"};
inline constexpr sql::Statement kCommit{"tx_commit", "COMMIT"};
inline constexpr sql::Statement kRollback{"tx_rollback", "ROLLBACK"};
inline constexpr sql::Statement kSavepoint{"tx_savepoint", "SAVEPOINT command"};
inline constexpr sql::Statement kRollbackTo{"tx_rollback_to", "ROLLBACK TO command"};
inline constexpr sql::Statement kRelease{"tx_release", "RELEASE command"};

Status Run(sql::Connection& conn, const sql::Statement& stmt) {
  MOTCUA_RETURN_IF_ERROR(conn.Exec(stmt, {}));
  return Ok();
}

constexpr std::string_view kWriterPragmas =
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
    "PRAGMA wal_autocheckpoint=10000;"
    // Each command runs in a savepoint: the sub-journal that lets it roll back alone stays in
    // memory instead of a temporary file (a write system call per page otherwise).
    "PRAGMA temp_store=MEMORY;"
    // 64 MiB of pages (the default is 2 MiB): the indexes' inner pages of a province's years
    // stay in memory, so an insert reads only the leaf pages it changes.
    "PRAGMA cache_size=-65536;";

// Runs a command's work, turning a stray exception into an internal error: an exception must not
// cross the store's boundary nor kill the writer thread.
Status RunGuarded(const std::function<Status()>& f) {
  try {
    return f();
  } catch (const std::exception& e) {
    return Error::Internal(std::string("command threw: ") + e.what());
  } catch (...) {
    return Error::Internal("command threw");
  }
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const SqliteOptions& options) {
  if (options.clock == nullptr) return Error::InvalidArgument("SqliteOptions.clock is required");
  std::unique_ptr<SqliteStore> store(new SqliteStore(options));
  MOTCUA_RETURN_IF_ERROR(store->Start());
  return store;
}

Status SqliteStore::Start() {
  MOTCUA_ASSIGN_OR_RETURN(writer_conn_,
                          SqliteConnection::Open(options_.path, false, options_.busy_timeout_ms));
  MOTCUA_RETURN_IF_ERROR(writer_conn_->ExecScript(kWriterPragmas));
  for (int i = 0; i < std::max(1, options_.readers); ++i) {
    MOTCUA_ASSIGN_OR_RETURN(auto reader,
                            SqliteConnection::Open(options_.path, true, options_.busy_timeout_ms));
    readers_.push_back(std::move(reader));
  }
  writer_ = std::thread([this] { WriterLoop(); });
  return Ok();
}

SqliteStore::~SqliteStore() {
  {
    std::lock_guard lock(queue_mu_);
    stopping_ = true;
  }
  queue_cv_.notify_all();
  if (writer_.joinable()) writer_.join();
}

Status SqliteStore::Write(const std::function<Status(app::WriteTx&)>& work) {
  Pending p;
  p.work = &work;
  return Enqueue(p);
}

Status SqliteStore::WriteBulk(const std::function<Status(app::WriteTx&)>& work) {
  Pending p;
  p.work = &work;
  p.alone = true;
  return Enqueue(p);
}

Status SqliteStore::RunOnWriter(std::function<Status(SqliteConnection&)> task) {
  Pending p;
  p.task = std::move(task);
  return Enqueue(p);
}

Status SqliteStore::Enqueue(Pending& p) {
  bool wake;
  {
    std::lock_guard lock(queue_mu_);
    if (stopping_) return Error::Unavailable("store is closing");
    queue_.push_back(&p);
    // A busy writer takes the queue when its batch is done, and a gathering writer wants a
    // number of commands: waking it before would cost a system call per command for nothing.
    wake = writer_idle_ && queue_.size() >= wanted_;
  }
  if (wake) queue_cv_.notify_one();
  p.Wait();
  return std::move(p.result);
}

void SqliteStore::WriterLoop() {
  std::vector<Pending*> batch;
  std::size_t last_batch = 1;
  for (;;) {
    {
      std::unique_lock lock(queue_mu_);
      wanted_ = 1;
      writer_idle_ = true;
      queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      // Gathering: the writers answered by the last batch are about to queue their next command.
      // Waiting a moment for as many as last time fills the batch (one fsync for all of them)
      // instead of committing the first arrival alone. Under light load last_batch is 1 and
      // nothing waits.
      if (!stopping_ && queue_.front()->work != nullptr && queue_.size() < last_batch &&
          options_.gather_micros > 0) {
        wanted_ = last_batch;
        queue_cv_.wait_for(lock, std::chrono::microseconds(options_.gather_micros),
                           [&] { return stopping_ || queue_.size() >= wanted_; });
      }
      writer_idle_ = false;
      if (queue_.empty()) return;  // stopping and drained
      // A maintenance task runs alone; otherwise take every queued write up to max_batch.
      if (queue_.front()->work == nullptr) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      } else {
        while (!queue_.empty() && queue_.front()->work != nullptr &&
               static_cast<int>(batch.size()) < std::max(1, options_.max_batch)) {
          const bool alone = queue_.front()->alone;
          if (alone && !batch.empty()) break;
          batch.push_back(queue_.front());
          queue_.pop_front();
          if (alone) break;
        }
      }
    }
    if (batch.front()->work == nullptr) {
      Pending* p = batch.front();
      p->result = RunGuarded([&] { return p->task(*writer_conn_); });
      p->Finish();
    } else {
      last_batch = batch.size();
      CommitBatch(batch);
    }
    batch.clear();
  }
}

void SqliteStore::CommitBatch(std::vector<Pending*>& batch) {
  const auto started = std::chrono::steady_clock::now();
  SqliteConnection& conn = *writer_conn_;
  Status begun = Run(conn, kBegin);
  if (begun.ok()) {
    // Read the head afresh once per batch: another process (the CLI) may have appended records
    // since; BEGIN IMMEDIATE holds the write lock, so it cannot change again before COMMIT.
    audit_head_.loaded = false;
    begun = sql::LoadAuditHead(conn, audit_head_);
    if (!begun.ok()) (void)Run(conn, kRollback);
  }
  if (begun.ok()) {
    sql::SqlTx tx(conn, &audit_head_);
    for (Pending* p : batch) {
      if (p->alone) {
        // A bulk write, alone in its transaction: no savepoint. A savepoint's sub-journal of
        // thousands of rows costs a walk of its whole length at the end of every statement.
        p->result = RunGuarded([&] { return (*p->work)(tx); });
        continue;
      }
      const sql::AuditHead before = audit_head_;
      p->result = Run(conn, kSavepoint);
      if (p->result.ok()) p->result = RunGuarded([&] { return (*p->work)(tx); });
      if (!p->result.ok()) {
        (void)Run(conn, kRollbackTo);
        audit_head_ = before;
      }
      Status released = Run(conn, kRelease);
      if (!released.ok() && p->result.ok()) p->result = released;
    }
    // The chain head row is written once for the batch, not once per audited command. A bulk
    // write that failed is rolled back whole.
    Status committed = batch.front()->alone && !batch.front()->result.ok()
                           ? batch.front()->result
                           : sql::SaveAuditHead(conn, audit_head_);
    if (committed.ok()) committed = Run(conn, kCommit);
    if (!committed.ok()) {
      (void)Run(conn, kRollback);
      for (Pending* p : batch) {
        if (p->result.ok()) p->result = committed;
      }
    }
    NoteWriteOutcome(committed, batch);
  } else {
    for (Pending* p : batch) p->result = begun;
    NoteWriteOutcome(begun, batch);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (commit_observer_) commit_observer_(seconds, static_cast<int>(batch.size()));
  for (std::size_t i = 0; i < batch.size(); ++i) {
    for (std::size_t k = 0; k < 2; ++k) {
      const std::size_t child = 2 * i + 1 + k;
      batch[i]->next[k] = child < batch.size() ? batch[child] : nullptr;
    }
  }
  batch.front()->Finish();
}

Result<std::unique_ptr<SqliteConnection>> SqliteStore::AcquireReader() {
  std::unique_lock lock(readers_mu_);
  if (!readers_cv_.wait_for(lock, std::chrono::seconds(30), [&] { return !readers_.empty(); })) {
    return Error::Unavailable("no reader connection free within 30 s");
  }
  auto conn = std::move(readers_.back());
  readers_.pop_back();
  return conn;
}

void SqliteStore::ReleaseReader(std::unique_ptr<SqliteConnection> conn) {
  {
    std::lock_guard lock(readers_mu_);
    readers_.push_back(std::move(conn));
  }
  readers_cv_.notify_one();
}

Status SqliteStore::Read(const std::function<Status(app::ReadTx&)>& work) {
  MOTCUA_ASSIGN_OR_RETURN(auto conn, AcquireReader());
  Status s = Run(*conn, kBeginRead);
  if (s.ok()) {
    sql::SqlTx tx(*conn);
    s = RunGuarded([&] { return work(tx); });
    (void)Run(*conn, s.ok() ? kCommit : kRollback);
  }
  ReleaseReader(std::move(conn));
  return s;
}

namespace {

bool IsStorageFull(const Status& s) { return !s.ok() && s.error().reason == "storage-full"; }

// Commits one page (the header's user_version, written back unchanged): whether a write that
// needs room at the end of the WAL goes through.
Status ProbeWrite(SqliteConnection& conn) {
  static constexpr sql::Statement kUserVersion{"probe_user_version", "PRAGMA user_version"};
  MOTCUA_RETURN_IF_ERROR(Run(conn, kBegin));
  Status s = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto rows, conn.Query(kUserVersion, {}));
    const std::int64_t version = rows.empty() ? 0 : rows.front().Int(0);
    MOTCUA_RETURN_IF_ERROR(conn.ExecScript("PRAGMA user_version = " + std::to_string(version)));
    return Run(conn, kCommit);
  }();
  if (!s.ok()) (void)Run(conn, kRollback);
  return s;
}

}  // namespace

void SqliteStore::NoteWriteOutcome(const Status& batch_status, const std::vector<Pending*>& batch) {
  const Status* full = IsStorageFull(batch_status) ? &batch_status : nullptr;
  for (const Pending* p : batch) {
    if (full == nullptr && IsStorageFull(p->result)) full = &p->result;
  }
  std::lock_guard lock(health_mu_);
  if (full != nullptr) {
    write_failure_ = full->error();
  } else if (batch_status.ok()) {
    write_failure_.reset();
  }
}

Status SqliteStore::Ping() {
  static constexpr sql::Statement kPing{"ping", "SELECT 1"};
  MOTCUA_ASSIGN_OR_RETURN(auto conn, AcquireReader());
  auto rows = conn->Query(kPing, {});
  ReleaseReader(std::move(conn));
  if (!rows) return std::move(rows).error();
  {
    std::lock_guard lock(health_mu_);
    if (!write_failure_) return Ok();
  }
  // The last write found no room: reads work, writes do not. Is there room again? Without this
  // probe a server taken out of service by its readiness would never learn that there is.
  Status probe = RunOnWriter(ProbeWrite);
  std::lock_guard lock(health_mu_);
  if (probe.ok()) {
    write_failure_.reset();
  } else if (IsStorageFull(probe)) {
    write_failure_ = probe.error();
  }
  return probe;
}

Status SqliteStore::Migrate() {
  const Instant now = options_.clock->Now();
  return RunOnWriter(
      [now](SqliteConnection& conn) { return sql::ApplyMigrations(conn, Migrations(), now); });
}

Result<std::vector<app::MigrationStatus>> SqliteStore::MigrationState() {
  std::vector<app::MigrationStatus> out;
  MOTCUA_RETURN_IF_ERROR(RunOnWriter([&](SqliteConnection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out, sql::ReadMigrationState(conn, Migrations()));
    return Ok();
  }));
  return out;
}

namespace {

// Copies every page of `from` into `to` with SQLite's online backup API.
Status CopyDatabase(sqlite3* from, sqlite3* to) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (b == nullptr) return MapSqliteError(sqlite3_extended_errcode(to), sqlite3_errmsg(to));
  int rc;
  while ((rc = sqlite3_backup_step(b, 1024)) == SQLITE_OK || rc == SQLITE_BUSY ||
         rc == SQLITE_LOCKED) {
    if (rc != SQLITE_OK) sqlite3_sleep(5);
  }
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return MapSqliteError(rc, std::string("backup: ") + sqlite3_errstr(rc));
  return Ok();
}

}  // namespace

Status SqliteStore::Backup(const std::string& path) {
  MOTCUA_ASSIGN_OR_RETURN(auto dest, SqliteConnection::Open(path, false, options_.busy_timeout_ms));
  MOTCUA_ASSIGN_OR_RETURN(auto source, AcquireReader());
  Status s = CopyDatabase(source->handle(), dest->handle());
  ReleaseReader(std::move(source));
  return s;
}

Status SqliteStore::Restore(const std::string& path) {
  MOTCUA_ASSIGN_OR_RETURN(auto source,
                          SqliteConnection::Open(path, true, options_.busy_timeout_ms));
  static constexpr sql::Statement kCheck{"restore_check", "SELECT COUNT(*) FROM schema_migrations"};
  if (!source->Query(kCheck, {}).ok()) {
    return Error::InvalidArgument(path + " is not a motcua backup");
  }
  return RunOnWriter(
      [&](SqliteConnection& conn) { return CopyDatabase(source->handle(), conn.handle()); });
}

void SqliteStore::SetCommitObserver(std::function<void(double, int)> observer) {
  commit_observer_ = std::move(observer);
}

}  // namespace motcua::storage::sqlite
