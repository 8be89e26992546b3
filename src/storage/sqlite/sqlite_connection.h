#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "storage/sql/driver.h"

struct sqlite3;
struct sqlite3_stmt;

namespace motcua::storage::sqlite {

// Maps an SQLite (extended) result code to the canonical error that driver.h promises.
// `system_errno` (sqlite3_system_errno, 0 if unknown) tells a full disk from other I/O errors:
// SQLITE_FULL, or an I/O error with ENOSPC, EFBIG (the file size limit) or EDQUOT, is
// kUnavailable with reason "storage-full" and a message that says so; other I/O errors are
// kUnavailable with the system's words for the cause.
Error MapSqliteError(int extended_code, std::string message, int system_errno = 0);

// Rewrites PostgreSQL placeholders ($1..$n) to SQLite's numbered ones (?1..?n), leaving quoted
// strings and identifiers untouched.
std::string RewritePlaceholders(std::string_view sql);

// One SQLite connection implementing the shared driver interface, with a prepared-statement cache
// keyed by Statement::name. Owns its handle. Not thread-safe: one thread at a time.
class SqliteConnection final : public sql::Connection {
 public:
  // Opens `path`. `read_only` connections cannot write. Sets the busy timeout; the writer's
  // pragmas (WAL, synchronous=FULL, foreign keys) are set by SqliteStore.
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path, bool read_only,
                                                        int busy_timeout_ms);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }
  using sql::Connection::Exec;
  using sql::Connection::Query;
  Result<std::vector<sql::Row>> Query(const sql::Statement& stmt,
                                      std::span<const sql::Value> params) override;
  Result<std::int64_t> Exec(const sql::Statement& stmt,
                            std::span<const sql::Value> params) override;
  Status ExecScript(std::string_view sql) override;

  sqlite3* handle() { return db_; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  Result<sqlite3_stmt*> Prepare(const sql::Statement& stmt, std::span<const sql::Value> params);
  Error LastError() const;
  // The canonical error for the last failure, with `message`.
  Error ErrorWith(std::string message) const;

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace motcua::storage::sqlite
