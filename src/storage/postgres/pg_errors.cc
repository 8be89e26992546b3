#include "storage/postgres/pg_errors.h"

#include <string>

namespace motcua::storage::postgres {
namespace {

// A prefix of a SQLSTATE (the whole code, or its two-character class) and what it maps to.
// Exact codes come before the class that contains them; the first match wins.
struct SqlStateRule {
  std::string_view prefix;
  ErrorCode code;
  std::string_view reason;
};

constexpr SqlStateRule kRules[] = {
    // Class 23: integrity constraint violation.
    {"23505", ErrorCode::kAlreadyExists, kReasonUniqueViolation},
    {"23", ErrorCode::kFailedPrecondition, kReasonConstraint},
    // Class 40: transaction rollback. 40002 is a deferred constraint checked at COMMIT.
    {"40001", ErrorCode::kAborted, kReasonRetry},
    {"40P01", ErrorCode::kAborted, kReasonRetry},
    {"40002", ErrorCode::kFailedPrecondition, kReasonConstraint},
    // Class 08: connection exception. Class 57: the server is going away or not up yet.
    {"08", ErrorCode::kUnavailable, kReasonConnectionLost},
    {"57P01", ErrorCode::kUnavailable, kReasonConnectionLost},  // admin_shutdown
    {"57P02", ErrorCode::kUnavailable, kReasonConnectionLost},  // crash_shutdown
    {"57P03", ErrorCode::kUnavailable, kReasonConnectionLost},  // cannot_connect_now
    {"57014", ErrorCode::kDeadlineExceeded, "statement-timeout"},
    // Class 53: insufficient resources (disk full, out of memory, too many connections).
    {"53", ErrorCode::kUnavailable, "server-resources"},
    // PL/pgSQL RAISE EXCEPTION without an explicit code: a rule written in the schema.
    {"P0001", ErrorCode::kFailedPrecondition, ""},
};

}  // namespace

Error ErrorFromSqlState(std::string_view sqlstate, std::string_view message) {
  std::string text = "postgres " + std::string(sqlstate) + ": " + std::string(message);
  for (const SqlStateRule& rule : kRules) {
    if (sqlstate.starts_with(rule.prefix)) {
      return Error{rule.code, std::move(text), std::string(rule.reason), {}};
    }
  }
  return Error::Internal(std::move(text));
}

Error ConnectionLostError(std::string_view message) {
  return Error::Unavailable("postgres connection lost: " + std::string(message))
      .WithReason(std::string(kReasonConnectionLost));
}

}  // namespace motcua::storage::postgres
