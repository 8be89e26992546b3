#pragma once

// The small SQL driver interface that both storage back ends implement (SQLite's C API in
// src/storage/sqlite, libpq in src/storage/postgres). The repositories in this folder are written
// once against it, so each query exists once for both back ends.
//
// Placeholders are PostgreSQL style, $1..$n, in both back ends (the SQLite driver rewrites them
// to ?1..?n). Statements are named constants (`Statement`), prepared once per connection and
// cached by name.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/result.h"

namespace motcua::storage::sql {

// Raw bytes (BLOB in SQLite, BYTEA in PostgreSQL).
struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

// NULL, INTEGER/BIGINT, REAL/DOUBLE PRECISION, TEXT, BLOB/BYTEA.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

inline Value Null() { return std::monostate{}; }
inline Value Int(std::int64_t v) { return v; }
inline Value Text(std::string v) { return v; }
inline Value Bool(bool v) { return std::int64_t{v ? 1 : 0}; }
inline Value OptText(const std::optional<std::string>& v) {
  return v ? Value(*v) : Value(std::monostate{});
}

// One result row. Accessors convert where the back ends differ (PostgreSQL returns text for
// every column type; SQLite returns its storage class), so repositories read `Int(0)` on both.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  bool IsNull(std::size_t i) const;
  std::int64_t Int(std::size_t i) const;   // 0 for NULL
  double Real(std::size_t i) const;        // 0 for NULL
  std::string Text(std::size_t i) const;   // "" for NULL
  std::string Bytes(std::size_t i) const;  // raw bytes of a BLOB/BYTEA column
  bool Bool(std::size_t i) const { return Int(i) != 0; }
  std::optional<std::string> OptText(std::size_t i) const;
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  const Value& raw(std::size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

// A statement with a stable name (used as the prepared-statement name in PostgreSQL and the cache
// key in SQLite) and its SQL text, valid on both back ends. Define as `inline constexpr`.
struct Statement {
  std::string_view name;
  std::string_view sql;
};

// A statement whose text is made at run time (an UPDATE of the columns a write changes): made by
// `make` the first time `name` is asked for, and kept for the process under that name.
const Statement& KeptStatement(const std::string& name, const std::function<std::string()>& make);

enum class Dialect { kSqlite, kPostgres };

// One connection inside a transaction that the back end opened. Not thread-safe: a connection
// belongs to one thread at a time. Errors map to canonical codes:
//   unique/primary-key violation -> kAlreadyExists (reason "unique-violation"),
//   foreign-key/check/not-null violation -> kFailedPrecondition (reason "constraint"),
//   serialization failure, deadlock, SQLITE_BUSY -> kAborted (reason "retry"),
//   connection lost -> kUnavailable, anything else -> kInternal.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs a statement that returns rows.
  virtual Result<std::vector<Row>> Query(const Statement& stmt, std::span<const Value> params) = 0;
  // Runs a statement that returns no rows; returns the number of rows changed.
  virtual Result<std::int64_t> Exec(const Statement& stmt, std::span<const Value> params) = 0;
  // Runs literal SQL with no parameters (DDL, BEGIN, SAVEPOINT); may hold several statements.
  virtual Status ExecScript(std::string_view sql) = 0;

  // Conveniences over Query.
  Result<std::optional<Row>> QueryOne(const Statement& stmt, std::span<const Value> params);
  Result<std::vector<Row>> Query(const Statement& stmt, std::initializer_list<Value> params) {
    return Query(stmt, std::span<const Value>(params.begin(), params.size()));
  }
  Result<std::int64_t> Exec(const Statement& stmt, std::initializer_list<Value> params) {
    return Exec(stmt, std::span<const Value>(params.begin(), params.size()));
  }
  Result<std::optional<Row>> QueryOne(const Statement& stmt, std::initializer_list<Value> params) {
    return QueryOne(stmt, std::span<const Value>(params.begin(), params.size()));
  }
};

}  // namespace motcua::storage::sql
