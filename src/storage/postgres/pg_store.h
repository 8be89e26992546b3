#pragma once

// The PostgreSQL adapter of the storage port (app::Store), for production and scale-out: any
// number of motcua servers share one database. See docs/decisions/0004-postgresql-store.md for the
// choices made here (isolation, retries, what happens when COMMIT's answer is lost).

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/store.h"
#include "common/clock.h"
#include "storage/postgres/pg_connection.h"

namespace motcua::storage::postgres {

// The isolation level of Store::Write transactions. Reads always run REPEATABLE READ, READ ONLY.
enum class WriteIsolation {
  // PostgreSQL's default. Writes are protected by version checks in the UPDATEs and by unique
  // constraints; hot rows (the audit chain head) are serialised by row locks, without retries.
  kReadCommitted,
  kRepeatableRead,
  kSerializable,
};

struct PgOptions {
  // A libpq connection string: the store takes a URI ("postgresql://user:password@host:port/db?
  // param=value") or "key=value" pairs; `motcua --dsn` accepts the URI form only (main/wiring.cc).
  std::string dsn;
  // Connections kept open at most; opened on demand. Must be >= 1.
  int pool_size = 8;
  // How long Write/Read/Ping wait for a free connection before failing with kUnavailable.
  std::chrono::milliseconds acquire_timeout{5000};
  // Stamps schema_migrations.applied_at. Required; not owned; must outlive the store.
  const Clock* clock = nullptr;
  WriteIsolation write_isolation = WriteIsolation::kReadCommitted;
  // Attempts of one Write/Read, the first included, on a serialization failure, a deadlock or a
  // lost connection. Must be >= 1.
  int max_attempts = 5;
  // The directory of pg_dump and pg_restore; empty: look them up in PATH.
  std::string tools_dir;
};

// A pooled PostgreSQL store. Thread-safe (app::Store's contract). Built by OpenPgStore.
class PgStore final : public app::Store {
 public:
  ~PgStore() override;
  PgStore(const PgStore&) = delete;
  PgStore& operator=(const PgStore&) = delete;

  // BEGIN (at options.write_isolation); work(tx); COMMIT. On work's error: ROLLBACK, return it.
  // Retried, up to max_attempts with jittered backoff, on kAborted "retry" (serialization failure,
  // deadlock) and on a connection lost before COMMIT was sent (after reconnecting). If the
  // connection is lost while COMMIT is in flight the outcome is unknown: kUnavailable with reason
  // "commit-outcome-unknown", never retried (the work might be applied twice).
  // No free connection within acquire_timeout: kUnavailable, reason "pool-exhausted".
  Status Write(const std::function<Status(app::WriteTx&)>& work) override;
  // Write with the connection pipelined (PgConnection::set_pipelined).
  Status WriteBulk(const std::function<Status(app::WriteTx&)>& work) override;
  // BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; work(tx); COMMIT. Retried like Write.
  Status Read(const std::function<Status(app::ReadTx&)>& work) override;
  // SELECT 1 on a pooled connection (a dead idle connection is replaced once).
  Status Ping() override;
  // Applies pending migrations under a session advisory lock, so that servers starting together
  // apply each migration once.
  Status Migrate() override;
  Result<std::vector<app::MigrationStatus>> MigrationState() override;
  // pg_dump --format=custom of the connected database into `path` (overwritten). The password,
  // if the DSN has one, goes to pg_dump through PGPASSWORD, not its command line.
  // Errors: kInternal with pg_dump's output when it fails.
  Status Backup(const std::string& path) override;
  // pg_restore --clean --if-exists --no-owner --single-transaction of `path` into the connected
  // database: all or nothing. Pooled connections are replaced afterwards.
  Status Restore(const std::string& path) override;
  // Called after each successful Write with the seconds its COMMIT took, and 1 command.
  void SetCommitObserver(std::function<void(double seconds, int commands)> observer) override;

 private:
  friend Result<std::unique_ptr<PgStore>> OpenPgStore(const PgOptions& options);
  class Lease;

  explicit PgStore(PgOptions options);

  // A connection for the calling thread, idle or new, waiting up to acquire_timeout.
  Result<Lease> Acquire();
  void Release(std::unique_ptr<PgConnection> conn, std::uint64_t generation, bool discard);
  // Runs `body` on a leased connection inside a transaction started by `begin_sql`, with retries.
  Status RunTransaction(std::string_view begin_sql, bool observe_commit,
                        const std::function<Status(PgConnection&)>& body);
  // One attempt of RunTransaction.
  Status RunOnce(std::string_view begin_sql, bool observe_commit,
                 const std::function<Status(PgConnection&)>& body);
  void ObserveCommit(std::chrono::duration<double> took);
  // Runs pg_dump / pg_restore / psql with the DSN's settings (on_database false: no --dbname).
  Status RunTool(const std::string& tool, std::vector<std::string> args, bool on_database = true);

  const PgOptions options_;
  const std::string begin_write_sql_;

  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<PgConnection>> idle_;  // guarded by pool_mu_
  int open_ = 0;                  // connections idle, leased or being opened; guarded by pool_mu_
  std::uint64_t generation_ = 0;  // bumped by Restore; older connections are dropped on release

  std::mutex observer_mu_;
  std::shared_ptr<const std::function<void(double, int)>> observer_;  // guarded by observer_mu_
};

// Opens a store and one connection to check the DSN (no migration is applied).
// Errors: kInvalidArgument for bad options or a malformed DSN; kUnavailable when the server
// cannot be reached.
Result<std::unique_ptr<PgStore>> OpenPgStore(const PgOptions& options);

}  // namespace motcua::storage::postgres
