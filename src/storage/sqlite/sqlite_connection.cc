#include "storage/sqlite/sqlite_connection.h"

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <mutex>

namespace motcua::storage::sqlite {
namespace {

// Resets a cached statement on every exit path so that it never holds a read lock.
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* s) : s_(s) {}
  ~ResetOnExit() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }

 private:
  sqlite3_stmt* s_;
};

sql::Value ColumnValue(sqlite3_stmt* s, int i) {
  switch (sqlite3_column_type(s, i)) {
    case SQLITE_INTEGER: return std::int64_t{sqlite3_column_int64(s, i)};
    case SQLITE_FLOAT: return sqlite3_column_double(s, i);
    case SQLITE_TEXT:
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, i)),
                         sqlite3_column_bytes(s, i));
    case SQLITE_BLOB: {
      const auto* p = static_cast<const char*>(sqlite3_column_blob(s, i));
      return sql::Blob{std::string(p ? p : "", sqlite3_column_bytes(s, i))};
    }
    default: return std::monostate{};
  }
}

int Bind(sqlite3_stmt* s, int i, const sql::Value& v) {
  if (auto* n = std::get_if<std::int64_t>(&v)) return sqlite3_bind_int64(s, i, *n);
  if (auto* d = std::get_if<double>(&v)) return sqlite3_bind_double(s, i, *d);
  if (auto* t = std::get_if<std::string>(&v)) {
    return sqlite3_bind_text64(s, i, t->data(), t->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  }
  if (auto* b = std::get_if<sql::Blob>(&v)) {
    return sqlite3_bind_blob64(s, i, b->bytes.data(), b->bytes.size(), SQLITE_TRANSIENT);
  }
  return sqlite3_bind_null(s, i);
}

// Why the files of database `path` cannot grow, as an errno: EFBIG when the database or its WAL
// has reached the process's file size limit (RLIMIT_FSIZE), ENOSPC when its file system has less
// than 1 MiB left for the server; 0 when neither. SQLite does not keep the errno of a failed
// write of the WAL (sqlite3_system_errno is 0 or another call's by the time it is read).
int NoRoomErrno(const char* path) {
  if (path == nullptr || *path == '\0') return 0;
  rlimit limit{};
  if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
    for (const std::string& file : {std::string(path), std::string(path) + "-wal"}) {
      struct stat st {};
      if (stat(file.c_str(), &st) == 0 &&
          static_cast<rlim_t>(st.st_size) + 64 * 1024 >= limit.rlim_cur) {
        return EFBIG;
      }
    }
  }
  struct statvfs fs {};
  if (statvfs(path, &fs) == 0 && fs.f_bavail * fs.f_frsize < (1u << 20)) return ENOSPC;
  return 0;
}

}  // namespace

Error MapSqliteError(int code, std::string message, int system_errno) {
  // No room to write: the disk (or the quota, or the process's file size limit) is full. The
  // write rolled back; it succeeds again once there is room, without a restart.
  const bool no_room = system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT;
  if ((code & 0xff) == SQLITE_FULL || ((code & 0xff) == SQLITE_IOERR && no_room)) {
    if (system_errno != 0) message += std::string(" (") + std::strerror(system_errno) + ")";
    return Error::Unavailable("storage is full, nothing was written: " + message)
        .WithReason("storage-full");
  }
  if ((code & 0xff) == SQLITE_IOERR && system_errno != 0) {
    message += std::string(" (") + std::strerror(system_errno) + ")";
  }
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Error::AlreadyExists(std::move(message)).WithReason("unique-violation");
    default: break;
  }
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      return Error::FailedPrecondition(std::move(message)).WithReason("constraint");
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Error::Aborted(std::move(message)).WithReason("retry");
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL: return Error::Unavailable(std::move(message));
    case SQLITE_READONLY:
      return Error::FailedPrecondition(std::move(message)).WithReason("read-only");
    default: return Error::Internal(std::move(message));
  }
}

std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '$' && i + 1 < sql.size() &&
               std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      out.push_back('?');
      continue;
    }
    out.push_back(c);
  }
  return out;
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path,
                                                                 bool read_only,
                                                                 int busy_timeout_ms) {
  // Debian's SQLite counts its memory (SQLITE_DEFAULT_MEMSTATUS) and has no lookaside, so every
  // one of its many allocations took one process-wide mutex, which the writer and the readers
  // contended for. The setting must precede SQLite's initialisation; once it is initialised (the
  // first open) it is refused, harmlessly.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  sqlite3* db = nullptr;
  const int flags =
      (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
      SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return MapSqliteError(rc, "cannot open " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  return std::unique_ptr<SqliteConnection>(new SqliteConnection(db));
}

SqliteConnection::~SqliteConnection() {
  for (auto& [name, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Error SqliteConnection::LastError() const { return ErrorWith(sqlite3_errmsg(db_)); }

Error SqliteConnection::ErrorWith(std::string message) const {
  const int code = sqlite3_extended_errcode(db_);
  int system_errno = sqlite3_system_errno(db_);
  if ((code & 0xff) == SQLITE_IOERR && system_errno != ENOSPC && system_errno != EFBIG &&
      system_errno != EDQUOT) {
    if (const int no_room = NoRoomErrno(sqlite3_db_filename(db_, "main")); no_room != 0) {
      system_errno = no_room;
    }
  }
  return MapSqliteError(code, std::move(message), system_errno);
}

Result<sqlite3_stmt*> SqliteConnection::Prepare(const sql::Statement& stmt,
                                                std::span<const sql::Value> params) {
  sqlite3_stmt*& s = cache_[std::string(stmt.name)];
  if (s == nullptr) {
    const std::string text = RewritePlaceholders(stmt.sql);
    if (sqlite3_prepare_v3(db_, text.c_str(), static_cast<int>(text.size()),
                           SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
      Error e = LastError();
      cache_.erase(std::string(stmt.name));
      e.message = std::string(stmt.name) + ": " + e.message;
      return e;
    }
  }
  if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(s)) {
    return Error::Internal(std::string(stmt.name) + ": expected " +
                           std::to_string(sqlite3_bind_parameter_count(s)) + " parameters, got " +
                           std::to_string(params.size()));
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (Bind(s, static_cast<int>(i + 1), params[i]) != SQLITE_OK) return LastError();
  }
  return s;
}

Result<std::vector<sql::Row>> SqliteConnection::Query(const sql::Statement& stmt,
                                                      std::span<const sql::Value> params) {
  MOTCUA_ASSIGN_OR_RETURN(sqlite3_stmt * s, Prepare(stmt, params));
  ResetOnExit reset(s);
  std::vector<sql::Row> rows;
  const int columns = sqlite3_column_count(s);
  for (;;) {
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return LastError();
    std::vector<sql::Value> values;
    values.reserve(columns);
    for (int i = 0; i < columns; ++i) values.push_back(ColumnValue(s, i));
    rows.emplace_back(std::move(values));
  }
  return rows;
}

Result<std::int64_t> SqliteConnection::Exec(const sql::Statement& stmt,
                                            std::span<const sql::Value> params) {
  MOTCUA_ASSIGN_OR_RETURN(sqlite3_stmt * s, Prepare(stmt, params));
  ResetOnExit reset(s);
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) return LastError();
  return std::int64_t{sqlite3_changes64(db_)};
}

Status SqliteConnection::ExecScript(std::string_view sql) {
  const std::string text(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "error";
    sqlite3_free(err);
    return ErrorWith(std::move(msg));
  }
  return Ok();
}

}  // namespace motcua::storage::sqlite
