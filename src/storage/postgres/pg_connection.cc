#include "storage/postgres/pg_connection.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "storage/postgres/pg_errors.h"

namespace motcua::storage::postgres {
namespace {

// Type OIDs from the server's pg_type.h (stable across releases).
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

std::string ConnectionMessage(PGconn* conn) {
  std::string message = conn ? PQerrorMessage(conn) : "out of memory";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// Parameters in the shape PQexecPrepared wants. Text values point into `storage`, which must not
// reallocate once pointers are taken (it is sized up front).
class Params {
 public:
  explicit Params(std::span<const sql::Value> values) {
    storage_.reserve(values.size());
    for (const sql::Value& v : values) Add(v);
  }
  int count() const { return static_cast<int>(values_.size()); }
  const char* const* values() const { return values_.data(); }
  const int* lengths() const { return lengths_.data(); }
  const int* formats() const { return formats_.data(); }

 private:
  void Add(const sql::Value& v) {
    if (std::holds_alternative<std::monostate>(v)) {
      Push(nullptr, 0, 0);
    } else if (auto* n = std::get_if<std::int64_t>(&v)) {
      storage_.push_back(std::to_string(*n));
      Push(storage_.back().c_str(), 0, 0);
    } else if (auto* d = std::get_if<double>(&v)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", *d);
      storage_.emplace_back(buf);
      Push(storage_.back().c_str(), 0, 0);
    } else if (auto* s = std::get_if<std::string>(&v)) {
      Push(s->c_str(), 0, 0);
    } else {
      const std::string& bytes = std::get<sql::Blob>(v).bytes;
      Push(bytes.data(), static_cast<int>(bytes.size()), 1);
    }
  }
  void Push(const char* value, int length, int format) {
    values_.push_back(value);
    lengths_.push_back(length);
    formats_.push_back(format);
  }

  std::vector<std::string> storage_;
  std::vector<const char*> values_;
  std::vector<int> lengths_;
  std::vector<int> formats_;
};

}  // namespace

sql::Value DecodeField(Oid type, const char* text, int length) {
  switch (type) {
    case kBoolOid: return std::int64_t{text[0] == 't' ? 1 : 0};
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      std::int64_t v = 0;
      std::from_chars(text, text + length, v);
      return v;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid:
      // strtod also reads "NaN", "Infinity" and "-Infinity", which from_chars does not.
      return std::strtod(text, nullptr);
    case kByteaOid: {
      std::size_t size = 0;
      unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
      if (bytes == nullptr) return sql::Blob{};
      sql::Blob blob{std::string(reinterpret_cast<const char*>(bytes), size)};
      PQfreemem(bytes);
      return blob;
    }
    default: return std::string(text, static_cast<std::size_t>(length));
  }
}

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& dsn) {
  // With expand_dbname, the DSN's own settings override the defaults before it; the ones after it
  // override the DSN. JIT is off: motcua's statements are short, and a plan estimated above
  // jit_above_cost spent 190 ms compiling for a queue page read in 5 (docs/benchmarks.md).
  const char* keywords[] = {"connect_timeout", "application_name", "options",
                            "dbname",          "client_encoding",  nullptr};
  const char* values[] = {"10", "motcua", "-c jit=off", dsn.c_str(), "UTF8", nullptr};
  char* parse_error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(dsn.c_str(), &parse_error);
  if (parsed == nullptr) {
    std::string message = parse_error ? parse_error : "out of memory";
    PQfreemem(parse_error);
    return Error::InvalidArgument("invalid PostgreSQL DSN: " + message);
  }
  PQconninfoFree(parsed);

  PgConnPtr conn(PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
  if (conn == nullptr || PQstatus(conn.get()) != CONNECTION_OK) {
    return ConnectionLostError(ConnectionMessage(conn.get()));
  }
  // Server notices ("relation already exists, skipping") are not errors; libpq would print them
  // to stderr.
  PQsetNoticeProcessor(
      conn.get(), [](void*, const char*) {}, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(std::move(conn)));
}

Error PgConnection::Fail(const PGresult* result) {
  const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  if (sqlstate != nullptr) {
    last_error_ = ErrorFromSqlState(sqlstate, primary ? primary : "");
  } else if (broken()) {
    last_error_ = ConnectionLostError(ConnectionMessage(conn_.get()));
  } else {
    // A client-side failure (out of memory, protocol error): no SQLSTATE, connection alive.
    last_error_ = Error::Internal("postgres: " + ConnectionMessage(conn_.get()));
  }
  return *last_error_;
}

Status PgConnection::Prepare(const sql::Statement& stmt) {
  auto it = prepared_.find(std::string(stmt.name));
  if (it != prepared_.end()) {
    if (it->second != stmt.sql) {
      return Error::Internal("statement name '" + std::string(stmt.name) + "' used for two SQLs");
    }
    return Ok();
  }
  const std::string name(stmt.name);
  const std::string text(stmt.sql);
  PgResultPtr result(PQprepare(conn_.get(), name.c_str(), text.c_str(), 0, nullptr));
  if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) return Fail(result.get());
  prepared_.emplace(name, text);
  return Ok();
}

Result<PgResultPtr> PgConnection::Run(const sql::Statement& stmt,
                                      std::span<const sql::Value> params) {
  MOTCUA_RETURN_IF_ERROR(Prepare(stmt));
  const std::string name(stmt.name);
  Params p(params);
  PgResultPtr result(PQexecPrepared(conn_.get(), name.c_str(), p.count(), p.values(), p.lengths(),
                                    p.formats(), /*resultFormat=*/0));
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return Fail(result.get());
  return result;
}

Result<std::vector<sql::Row>> PgConnection::Query(const sql::Statement& stmt,
                                                  std::span<const sql::Value> params) {
  MOTCUA_RETURN_IF_ERROR(Flush());
  MOTCUA_ASSIGN_OR_RETURN(PgResultPtr result, Run(stmt, params));
  PGresult* r = result.get();
  const int rows = PQntuples(r);
  const int columns = PQnfields(r);
  std::vector<sql::Row> out;
  out.reserve(static_cast<std::size_t>(rows));
  for (int i = 0; i < rows; ++i) {
    std::vector<sql::Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int j = 0; j < columns; ++j) {
      if (PQgetisnull(r, i, j)) {
        values.emplace_back(std::monostate{});
      } else {
        values.push_back(DecodeField(PQftype(r, j), PQgetvalue(r, i, j), PQgetlength(r, i, j)));
      }
    }
    out.emplace_back(std::move(values));
  }
  return out;
}

Result<std::int64_t> PgConnection::Exec(const sql::Statement& stmt,
                                        std::span<const sql::Value> params) {
  if (pipelined_) {
    MOTCUA_RETURN_IF_ERROR(Send(stmt, params));
    return -1;
  }
  MOTCUA_ASSIGN_OR_RETURN(PgResultPtr result, Run(stmt, params));
  const char* tuples = PQcmdTuples(result.get());  // "" for commands that report no count
  std::int64_t changed = 0;
  std::from_chars(tuples, tuples + std::char_traits<char>::length(tuples), changed);
  return changed;
}

Status PgConnection::ExecScript(std::string_view sql) {
  MOTCUA_RETURN_IF_ERROR(Flush());
  const std::string text(sql);
  PgResultPtr result(PQexec(conn_.get(), text.c_str()));
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return Fail(result.get());
  return Ok();
}

Status PgConnection::Begin(std::string_view begin_sql) {
  MOTCUA_RETURN_IF_ERROR(Flush());
  last_error_.reset();
  return ExecScript(begin_sql);
}

Status PgConnection::Send(const sql::Statement& stmt, std::span<const sql::Value> params) {
  PGconn* c = conn_.get();
  if (PQpipelineStatus(c) == PQ_PIPELINE_OFF && PQenterPipelineMode(c) != 1) return Fail(nullptr);
  const std::string name(stmt.name);
  auto it = prepared_.find(name);
  if (it == prepared_.end()) {
    const std::string text(stmt.sql);
    if (PQsendPrepare(c, name.c_str(), text.c_str(), 0, nullptr) != 1) return Fail(nullptr);
    prepared_.emplace(name, text);
    sent_.push_back(name);
  } else if (it->second != stmt.sql) {
    return Error::Internal("statement name '" + name + "' used for two SQLs");
  }
  Params p(params);
  if (PQsendQueryPrepared(c, name.c_str(), p.count(), p.values(), p.lengths(), p.formats(),
                          /*resultFormat=*/0) != 1) {
    return Fail(nullptr);
  }
  sent_.emplace_back();
  // Small pipelines: neither side's buffers fill up waiting for the other to read.
  if (sent_.size() >= 256) return Flush();
  return Ok();
}

Status PgConnection::Flush() {
  PGconn* c = conn_.get();
  if (PQpipelineStatus(c) == PQ_PIPELINE_OFF) return Ok();
  std::optional<Error> first;
  if (PQpipelineSync(c) != 1) first = Fail(nullptr);
  for (const std::string& prepared : sent_) {
    if (first && PQstatus(c) == CONNECTION_BAD) break;
    PgResultPtr result(PQgetResult(c));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      if (!prepared.empty()) prepared_.erase(prepared);
      // PIPELINE_ABORTED: not run, because an earlier statement failed.
      if (!first && status != PGRES_PIPELINE_ABORTED) first = Fail(result.get());
    }
    while (result) result.reset(PQgetResult(c));  // each statement's answer ends with a null
  }
  sent_.clear();
  // The sync's own answer, then back to one statement at a time.
  for (PgResultPtr r(PQgetResult(c)); r; r.reset(PQgetResult(c))) {
    if (PQresultStatus(r.get()) == PGRES_PIPELINE_SYNC) break;
  }
  if (PQexitPipelineMode(c) != 1 && !first) first = Fail(nullptr);
  if (first) return *first;
  return Ok();
}

Status PgConnection::Commit() {
  MOTCUA_RETURN_IF_ERROR(Flush());
  PgResultPtr result(PQexec(conn_.get(), "COMMIT"));
  if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) return Fail(result.get());
  if (std::string_view(PQcmdStatus(result.get())) == "ROLLBACK") {
    if (last_error_) return *last_error_;
    return Error::Internal("postgres: the transaction was aborted before COMMIT");
  }
  return Ok();
}

}  // namespace motcua::storage::postgres
