#include "storage/sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <cctype>
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

}  // namespace

Error MapSqliteError(int code, std::string message) {
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

Error SqliteConnection::LastError() const {
  return MapSqliteError(sqlite3_extended_errcode(db_), sqlite3_errmsg(db_));
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
    return MapSqliteError(sqlite3_extended_errcode(db_), msg);
  }
  return Ok();
}

}  // namespace motcua::storage::sqlite
