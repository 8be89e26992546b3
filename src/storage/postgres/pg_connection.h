#pragma once

// A thin RAII wrapper of one libpq connection that implements the shared SQL driver interface.
//
// Statements are prepared once per connection under their `Statement::name` (PQprepare) and run
// with PQexecPrepared. Parameters go as text (int64, double, text) or binary (Blob); NULL as a null
// pointer; the server infers each parameter's type from the SQL. Results are requested in text
// format and decoded by column type OID: int2/int4/int8/oid/bool -> int64 (bool 't'/'f' -> 1/0),
// float4/float8/numeric -> double, bytea -> Blob (PQunescapeBytea, hex or escape output), any
// other type -> std::string, SQL NULL -> monostate. Errors map through pg_errors.h.

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/sql/driver.h"

namespace motcua::storage::postgres {

struct PgConnDeleter {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct PgResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgConnPtr = std::unique_ptr<PGconn, PgConnDeleter>;
using PgResultPtr = std::unique_ptr<PGresult, PgResultDeleter>;

// One connection. Not thread-safe: it belongs to one thread at a time (the pool hands it out).
class PgConnection final : public sql::Connection {
 public:
  // Connects to `dsn` (a libpq URI "postgresql://user@host:port/db" or "key=value" string).
  // Adds client_encoding=UTF8, and connect_timeout=10 and application_name=motcua unless the DSN
  // sets them. Errors: kUnavailable (reason "connection-lost") when the server cannot be reached
  // or refuses the connection; kInvalidArgument for a malformed DSN.
  static Result<std::unique_ptr<PgConnection>> Connect(const std::string& dsn);

  sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }
  Result<std::vector<sql::Row>> Query(const sql::Statement& stmt,
                                      std::span<const sql::Value> params) override;
  Result<std::int64_t> Exec(const sql::Statement& stmt,
                            std::span<const sql::Value> params) override;
  // Runs with PQexec (simple protocol): several statements are allowed, rows are discarded.
  Status ExecScript(std::string_view sql) override;
  using sql::Connection::Exec;
  using sql::Connection::Query;

  // Starts a transaction with `begin_sql` ("BEGIN", "BEGIN ISOLATION LEVEL ...") and forgets
  // the errors of earlier transactions.
  Status Begin(std::string_view begin_sql);
  // COMMIT. A transaction that a failed statement had already aborted ends in ROLLBACK, which the
  // server reports as success; this returns that statement's error instead (so a swallowed
  // serialization failure is still retried), or kInternal if there was none.
  Status Commit();

  // True once libpq reports the connection as dead; such a connection is only good to discard.
  bool broken() const { return PQstatus(conn_.get()) == CONNECTION_BAD; }
  // Pipelined (libpq's pipeline mode), for loading many rows: Exec sends its statement without
  // waiting for the answer and answers -1 (the count is not known). The answers are read by the
  // next Query, ExecScript, Begin or Commit, or by Flush, which return the first error among
  // them; a statement after a failed one is not run. Only for work that checks no count.
  void set_pipelined(bool on) { pipelined_ = on; }
  // Reads the answers of the statements sent pipelined; the first error, if any.
  Status Flush();

  // How many statements this connection has prepared so far (for tests of the cache).
  std::size_t prepared_count() const { return prepared_.size(); }
  // The raw handle, for tests and for libpq calls not wrapped here. Owned by this object.
  PGconn* raw() const { return conn_.get(); }

 private:
  explicit PgConnection(PgConnPtr conn) : conn_(std::move(conn)) {}

  // Prepares `stmt` on first use; kInternal if its name was prepared with other SQL.
  Status Prepare(const sql::Statement& stmt);
  // Prepares and runs `stmt`; returns the result, which has status COMMAND_OK or TUPLES_OK.
  Result<PgResultPtr> Run(const sql::Statement& stmt, std::span<const sql::Value> params);
  // The error of a failed result (or of a null one), remembered in last_error_.
  Error Fail(const PGresult* result);
  // Exec when pipelined: prepares (on first use) and sends, without reading.
  Status Send(const sql::Statement& stmt, std::span<const sql::Value> params);

  PgConnPtr conn_;
  std::unordered_map<std::string, std::string> prepared_;  // name -> SQL
  std::optional<Error> last_error_;                        // the last statement error since Begin()
  bool pipelined_ = false;
  // What was sent pipelined and not read yet, in order: a statement (empty) or the preparation
  // of the named statement (forgotten again if it fails).
  std::vector<std::string> sent_;
};

// Decodes one text-format field of a result by its column type OID (see the file comment).
// Exposed for tests. `text` is what PQgetvalue returns, `length` what PQgetlength returns.
sql::Value DecodeField(Oid type, const char* text, int length);

}  // namespace motcua::storage::postgres
