#include "storage/postgres/pg_store.h"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <random>
#include <thread>
#include <utility>

#include "calendar/civil_time.h"
#include "storage/postgres/internal/subprocess.h"
#include "storage/postgres/migrations.h"
#include "storage/postgres/pg_errors.h"
#include "storage/sql/migrate.h"
#include "storage/sql/sql_tx.h"

namespace motcua::storage::postgres {
namespace {

constexpr std::string_view kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
constexpr std::string_view kReasonPoolExhausted = "pool-exhausted";
constexpr std::string_view kReasonCommitUnknown = "commit-outcome-unknown";
// pg_advisory_lock key for migrations: "motcua" in ASCII.
constexpr std::string_view kLockMigrations = "SELECT pg_advisory_lock(120521264522593)";
constexpr std::string_view kUnlockMigrations = "SELECT pg_advisory_unlock(120521264522593)";
constexpr auto kToolTimeout = std::chrono::hours(2);

std::string BeginWriteSql(WriteIsolation isolation) {
  switch (isolation) {
    case WriteIsolation::kReadCommitted: return "BEGIN ISOLATION LEVEL READ COMMITTED";
    case WriteIsolation::kRepeatableRead: return "BEGIN ISOLATION LEVEL REPEATABLE READ";
    case WriteIsolation::kSerializable: return "BEGIN ISOLATION LEVEL SERIALIZABLE";
  }
  return "BEGIN";
}

bool IsConnectionLost(const Error& e) {
  return e.code == ErrorCode::kUnavailable && e.reason == kReasonConnectionLost;
}

// Worth running the whole transaction again: it was rolled back (or never reached the server).
bool IsRetryable(const Error& e) {
  return (e.code == ErrorCode::kAborted && e.reason == kReasonRetry) || IsConnectionLost(e);
}

// Full jitter (a random wait up to an exponentially growing cap), so that transactions that
// collided once do not collide again in lockstep.
void Backoff(int attempt) {
  thread_local std::minstd_rand rng{std::random_device{}()};
  const int cap_us = std::min(100'000, 2'000 << std::min(attempt, 10));
  std::uniform_int_distribution<int> wait(0, cap_us);
  std::this_thread::sleep_for(std::chrono::microseconds(wait(rng)));
}

// libpq conninfo quoting: 'value' with backslash and quote escaped.
std::string QuoteConninfo(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

// Splits the DSN into a conninfo string without the password (for a command line, which other
// users of the machine can read) and the password (for the PGPASSWORD variable).
Result<std::pair<std::string, std::string>> SplitPassword(const std::string& dsn) {
  char* err = nullptr;
  PQconninfoOption* options = PQconninfoParse(dsn.c_str(), &err);
  if (options == nullptr) {
    std::string message = err ? err : "out of memory";
    PQfreemem(err);
    return Error::InvalidArgument("invalid PostgreSQL DSN: " + message);
  }
  std::string conninfo;
  std::string password;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    if (std::string_view(o->keyword) == "password") {
      password = o->val;
      continue;
    }
    if (!conninfo.empty()) conninfo += ' ';
    conninfo += std::string(o->keyword) + "=" + QuoteConninfo(o->val);
  }
  PQconninfoFree(options);
  return std::make_pair(std::move(conninfo), std::move(password));
}

// Runs `body`, turning an exception (which must not cross the store's boundary, and must not
// leave the connection inside a transaction) into kInternal.
Status RunBody(const std::function<Status(PgConnection&)>& body, PgConnection& conn) {
  try {
    return body(conn);
  } catch (const std::exception& e) {
    return Error::Internal(std::string("exception in a transaction's work: ") + e.what());
  } catch (...) {
    return Error::Internal("exception in a transaction's work");
  }
}

}  // namespace

// A connection leased from the pool; returns it (or drops it) when destroyed.
class PgStore::Lease {
 public:
  Lease(PgStore* store, std::unique_ptr<PgConnection> conn, std::uint64_t generation)
      : store_(store), conn_(std::move(conn)), generation_(generation) {}
  Lease(Lease&& other) noexcept
      : store_(other.store_),
        conn_(std::move(other.conn_)),
        generation_(other.generation_),
        discard_(other.discard_) {}
  Lease& operator=(Lease&&) = delete;
  ~Lease() {
    if (!conn_) return;
    // Read before the move: the order in which arguments are evaluated is unspecified (a
    // compiler that moves the pointer first would call broken() on null).
    const bool drop = discard_ || conn_->broken();
    store_->Release(std::move(conn_), generation_, drop);
  }

  PgConnection& conn() { return *conn_; }
  // The connection's state is unknown (a failed ROLLBACK): close it instead of pooling it.
  void Discard() { discard_ = true; }

 private:
  PgStore* store_;
  std::unique_ptr<PgConnection> conn_;
  std::uint64_t generation_;
  bool discard_ = false;
};

PgStore::PgStore(PgOptions options)
    : options_(std::move(options)), begin_write_sql_(BeginWriteSql(options_.write_isolation)) {}

PgStore::~PgStore() = default;

Result<PgStore::Lease> PgStore::Acquire() {
  std::unique_lock lock(pool_mu_);
  const bool available = pool_cv_.wait_for(
      lock, options_.acquire_timeout, [&] { return !idle_.empty() || open_ < options_.pool_size; });
  if (!available) {
    return Error::Unavailable("no free PostgreSQL connection within " +
                              std::to_string(options_.acquire_timeout.count()) + " ms")
        .WithReason(std::string(kReasonPoolExhausted));
  }
  const std::uint64_t generation = generation_;
  if (!idle_.empty()) {
    std::unique_ptr<PgConnection> conn = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(conn), generation);
  }
  ++open_;  // reserve the slot, then connect without holding the lock
  lock.unlock();
  auto conn = PgConnection::Connect(options_.dsn);
  if (!conn.ok()) {
    lock.lock();
    --open_;
    pool_cv_.notify_one();
    return std::move(conn).error();
  }
  return Lease(this, std::move(conn).value(), generation);
}

void PgStore::Release(std::unique_ptr<PgConnection> conn, std::uint64_t generation, bool discard) {
  {
    std::lock_guard lock(pool_mu_);
    if (discard || generation != generation_) {
      --open_;
    } else {
      idle_.push_back(std::move(conn));
    }
  }
  pool_cv_.notify_one();
  // A dropped connection closes here, outside the lock.
}

Status PgStore::RunTransaction(std::string_view begin_sql, bool observe_commit,
                               const std::function<Status(PgConnection&)>& body) {
  for (int attempt = 1;; ++attempt) {
    Status status = RunOnce(begin_sql, observe_commit, body);
    if (status.ok() || !IsRetryable(status.error()) || attempt >= options_.max_attempts) {
      return status;
    }
    Backoff(attempt);
  }
}

Status PgStore::RunOnce(std::string_view begin_sql, bool observe_commit,
                        const std::function<Status(PgConnection&)>& body) {
  MOTCUA_ASSIGN_OR_RETURN(Lease lease, Acquire());
  PgConnection& conn = lease.conn();
  Status status = conn.Begin(begin_sql);
  if (status.ok()) status = RunBody(body, conn);
  if (!status.ok()) {
    if (!conn.broken() && !conn.ExecScript("ROLLBACK").ok()) lease.Discard();
    return status;
  }
  // A connection that died under `work` (which then returned Ok anyway) never sees the COMMIT:
  // the transaction surely did not happen, so running it again is safe.
  if (conn.broken()) return ConnectionLostError("the connection died before COMMIT");
  const auto start = std::chrono::steady_clock::now();
  status = conn.Commit();
  if (status.ok()) {
    if (observe_commit) {
      ObserveCommit(std::chrono::duration<double>(std::chrono::steady_clock::now() - start));
    }
    return Ok();
  }
  if (IsConnectionLost(status.error())) {
    // COMMIT may have been applied before the connection went: running `work` again could
    // apply it twice. The caller decides (an idempotency key makes the retry safe).
    return Error::Unavailable(
               "connection lost during COMMIT, the transaction may or may not "
               "have been applied: " +
               status.error().message)
        .WithReason(std::string(kReasonCommitUnknown));
  }
  // Any other COMMIT failure rolled the transaction back (a serialization failure found at
  // commit under SERIALIZABLE, a deferred constraint).
  return status;
}

void PgStore::ObserveCommit(std::chrono::duration<double> took) {
  std::shared_ptr<const std::function<void(double, int)>> observer;
  {
    std::lock_guard lock(observer_mu_);
    observer = observer_;
  }
  if (observer) (*observer)(took.count(), 1);
}

Status PgStore::Write(const std::function<Status(app::WriteTx&)>& work) {
  return RunTransaction(begin_write_sql_, /*observe_commit=*/true, [&](PgConnection& conn) {
    sql::SqlTx tx(conn);
    return work(tx);
  });
}

Status PgStore::WriteBulk(const std::function<Status(app::WriteTx&)>& work) {
  return RunTransaction(begin_write_sql_, /*observe_commit=*/true, [&](PgConnection& conn) {
    conn.set_pipelined(true);
    sql::SqlTx tx(conn);
    Status status = work(tx);
    // Every answer read before the connection is one-at-a-time again (or rolled back).
    Status flushed = conn.Flush();
    conn.set_pipelined(false);
    return status.ok() ? flushed : status;
  });
}

Status PgStore::Read(const std::function<Status(app::ReadTx&)>& work) {
  return RunTransaction(kBeginRead, /*observe_commit=*/false, [&](PgConnection& conn) {
    sql::SqlTx tx(conn);
    return work(tx);
  });
}

Status PgStore::Ping() {
  Status status = Ok();
  for (int attempt = 0; attempt < 2; ++attempt) {
    MOTCUA_ASSIGN_OR_RETURN(Lease lease, Acquire());
    status = lease.conn().ExecScript("SELECT 1");
    if (status.ok() || !lease.conn().broken()) return status;
  }
  return status;
}

Status PgStore::Migrate() {
  MOTCUA_ASSIGN_OR_RETURN(Lease lease, Acquire());
  PgConnection& conn = lease.conn();
  MOTCUA_RETURN_IF_ERROR(conn.ExecScript(kLockMigrations));
  Status status = sql::ApplyMigrations(conn, Migrations(), options_.clock->Now());
  if (status.ok()) {
    // The partitions of the clock's year and its neighbours (migration 14 made those of the
    // database server's year; the background work makes each next year's ahead).
    const int year = calendar::ToLocal(options_.clock->Now()).date.year;
    status = conn.ExecScript("SELECT motcua_prepare_years(" + std::to_string(year - 1) + ", " +
                             std::to_string(year + 1) + ")");
  }
  if (!conn.ExecScript(kUnlockMigrations).ok()) lease.Discard();  // closing also unlocks
  return status;
}

Result<std::vector<app::MigrationStatus>> PgStore::MigrationState() {
  MOTCUA_ASSIGN_OR_RETURN(Lease lease, Acquire());
  PgConnection& conn = lease.conn();
  // The lock also keeps ReadMigrationState's CREATE TABLE IF NOT EXISTS from racing Migrate.
  MOTCUA_RETURN_IF_ERROR(conn.ExecScript(kLockMigrations));
  auto state = sql::ReadMigrationState(conn, Migrations());
  if (!conn.ExecScript(kUnlockMigrations).ok()) lease.Discard();
  return state;
}

Status PgStore::RunTool(const std::string& tool, std::vector<std::string> args, bool on_database) {
  MOTCUA_ASSIGN_OR_RETURN(auto split, SplitPassword(options_.dsn));
  std::vector<std::string> argv = {options_.tools_dir.empty() ? tool
                                                              : options_.tools_dir + "/" + tool};
  if (on_database) argv.push_back("--dbname=" + split.first);
  argv.insert(argv.end(), std::make_move_iterator(args.begin()),
              std::make_move_iterator(args.end()));
  std::vector<std::string> env;
  if (!split.second.empty()) env.push_back("PGPASSWORD=" + split.second);
  MOTCUA_ASSIGN_OR_RETURN(auto outcome, internal::RunProcess(argv, env, kToolTimeout));
  if (outcome.exit_code != 0) {
    return Error::Internal(tool + " failed (exit " + std::to_string(outcome.exit_code) +
                           "): " + internal::Tail(outcome.output, 20));
  }
  return Ok();
}

Status PgStore::Backup(const std::string& path) {
  return RunTool("pg_dump", {"--format=custom", "--no-password", "--file=" + path});
}

// `pg_restore --clean` cannot undo a partitioned schema (it drops a partition's primary key before
// the table, which PostgreSQL refuses: "cannot drop inherited constraint"). So the archive becomes
// an SQL script (mode 0600: it holds personal data), and psql runs, in one transaction, a fresh
// public schema and the script: all of the backup or nothing changed.
Status PgStore::Restore(const std::string& path) {
  // A relative path that starts with '-' would read as an option.
  const std::string file = path.starts_with("-") ? "./" + path : path;
  std::string script = (std::filesystem::temp_directory_path() / "motcua-restore-XXXXXX").string();
  const int fd = ::mkstemp(script.data());
  if (fd < 0) return Error::Internal("cannot create a temporary file for the restore script");
  ::close(fd);
  Status status =
      RunTool("pg_restore", {"--no-owner", "--exit-on-error", "--file=" + script, file}, false);
  if (status.ok()) {
    status = RunTool("psql", {"--no-psqlrc", "--quiet", "--no-password", "--set=ON_ERROR_STOP=1",
                              "--single-transaction", "--command=DROP SCHEMA public CASCADE",
                              "--command=CREATE SCHEMA public", "--file=" + script});
  }
  std::error_code ignored;
  std::filesystem::remove(script, ignored);
  MOTCUA_RETURN_IF_ERROR(status);
  // Replace pooled connections: their sessions predate the restored schema.
  std::vector<std::unique_ptr<PgConnection>> dropped;
  {
    std::lock_guard lock(pool_mu_);
    ++generation_;
    open_ -= static_cast<int>(idle_.size());
    dropped.swap(idle_);
  }
  pool_cv_.notify_all();
  return Ok();
}

void PgStore::SetCommitObserver(std::function<void(double seconds, int commands)> observer) {
  auto shared = observer
                    ? std::make_shared<const std::function<void(double, int)>>(std::move(observer))
                    : nullptr;
  std::lock_guard lock(observer_mu_);
  observer_ = std::move(shared);
}

Result<std::unique_ptr<PgStore>> OpenPgStore(const PgOptions& options) {
  if (options.pool_size < 1) return Error::InvalidArgument("pool_size must be at least 1");
  if (options.max_attempts < 1) return Error::InvalidArgument("max_attempts must be at least 1");
  if (options.clock == nullptr) return Error::InvalidArgument("a clock is required");
  std::unique_ptr<PgStore> store(new PgStore(options));
  {
    // Check the DSN and the server now; the connection stays in the pool.
    MOTCUA_ASSIGN_OR_RETURN(PgStore::Lease lease, store->Acquire());
  }
  return store;
}

}  // namespace motcua::storage::postgres
