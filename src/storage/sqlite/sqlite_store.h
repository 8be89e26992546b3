#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/store.h"
#include "common/clock.h"
#include "storage/sql/sql_tx.h"
#include "storage/sqlite/sqlite_connection.h"

namespace motcua::storage::sqlite {

struct SqliteOptions {
  std::string path;              // database file; created if missing
  int readers = 4;               // reader connections in the pool
  int busy_timeout_ms = 5000;    // wait for locks held by other processes (CLI, backup)
  int max_batch = 256;           // commands committed together; 1 = one fsync per command
  const Clock* clock = nullptr;  // for migration timestamps; required
  int gather_micros = 250;       // how long the writer may wait to fill a batch (0: never)
};

// The embedded back end (ADR docs/decisions/0001-storage.md).
//
// Writes go through one writer thread. Callers of Write() queue their work; the writer takes
// everything queued (up to max_batch), opens one transaction, runs each command inside its own
// SAVEPOINT (a failing command rolls back to its savepoint and fails alone), commits once with
// synchronous=FULL in WAL mode (one fsync for the batch), and only then answers every caller.
// Durability therefore costs one fsync per batch instead of one per command (group commit).
// When the last batch held n commands and fewer are queued, the writer waits up to gather_micros
// for n before committing, so that batches stay full under steady concurrency.
//
// Reads use a pool of read-only connections; each Read() is one deferred transaction, i.e. a
// consistent WAL snapshot, and never blocks the writer.
//
// Thread-safe. The destructor drains queued writes and joins the writer.
class SqliteStore final : public app::Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const SqliteOptions& options);
  ~SqliteStore() override;

  Status Write(const std::function<Status(app::WriteTx&)>& work) override;
  // Write in a transaction of its own, without the savepoint that lets a command of a batch
  // fail alone (all or nothing as the transaction).
  Status WriteBulk(const std::function<Status(app::WriteTx&)>& work) override;
  Status Read(const std::function<Status(app::ReadTx&)>& work) override;
  // A read on a reader connection; and, while the last write failed for lack of room (reason
  // "storage-full": disk, quota or file size limit), a probe that commits one page: its error
  // until there is room again.
  Status Ping() override;
  Status Migrate() override;
  Result<std::vector<app::MigrationStatus>> MigrationState() override;
  Status Backup(const std::string& path) override;
  Status Restore(const std::string& path) override;
  void SetCommitObserver(std::function<void(double, int)> observer) override;

 private:
  struct Pending;
  explicit SqliteStore(const SqliteOptions& options) : options_(options) {}
  Status Start();
  // Runs `task` on the writer thread with the writer connection, outside any batch.
  Status RunOnWriter(std::function<Status(SqliteConnection&)> task);
  // Queues `p` for the writer and blocks until it has been committed or failed.
  Status Enqueue(Pending& p);
  void WriterLoop();
  void CommitBatch(std::vector<Pending*>& batch);
  // Remembers a batch that failed for lack of room, and forgets it once a batch commits.
  void NoteWriteOutcome(const Status& batch_status, const std::vector<Pending*>& batch);
  Result<std::unique_ptr<SqliteConnection>> AcquireReader();
  void ReleaseReader(std::unique_ptr<SqliteConnection> conn);

  const SqliteOptions options_;
  std::unique_ptr<SqliteConnection> writer_conn_;  // used only by the writer thread
  sql::AuditHead audit_head_;                      // used only by the writer thread
  std::thread writer_;

  std::mutex queue_mu_;  // guards queue_, stopping_, writer_idle_, wanted_
  std::condition_variable queue_cv_;
  std::deque<Pending*> queue_;
  bool stopping_ = false;
  bool writer_idle_ = false;  // the writer is waiting on queue_cv_
  std::size_t wanted_ = 1;    // queue length at which a waiting writer wants to be woken

  std::mutex readers_mu_;  // guards readers_
  std::condition_variable readers_cv_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;

  std::mutex health_mu_;                // guards write_failure_
  std::optional<Error> write_failure_;  // the last write's storage-full error, until one commits

  std::function<void(double, int)> commit_observer_;  // set before serving
};

}  // namespace motcua::storage::sqlite
