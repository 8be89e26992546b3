#pragma once

// The PostgreSQL error taxonomy: SQLSTATE codes (and lost connections) mapped to the canonical
// codes that src/storage/sql/driver.h promises. One table, in pg_errors.cc; the unit test
// postgres_errors_test.cc walks it. Modelled on userver's storages/postgres/exceptions.hpp, which
// follows the SQLSTATE classes of the PostgreSQL manual (Appendix A).

#include <string_view>

#include "common/error.h"

namespace motcua::storage::postgres {

// Reasons that callers branch on.
inline constexpr std::string_view kReasonUniqueViolation = "unique-violation";
inline constexpr std::string_view kReasonConstraint = "constraint";
inline constexpr std::string_view kReasonRetry = "retry";
inline constexpr std::string_view kReasonConnectionLost = "connection-lost";

// Maps a five-character SQLSTATE and the server's primary message to an Error:
//   23505                        -> kAlreadyExists,      "unique-violation"
//   other class 23, 40002        -> kFailedPrecondition, "constraint" (23503 foreign key,
//                                   23514 check, 23502 not null, 23001 restrict: the audit log's
//                                   append-only trigger raises 23001)
//   P0001 (plain RAISE)          -> kFailedPrecondition
//   40001, 40P01                 -> kAborted,            "retry" (serialization failure, deadlock)
//   class 08, 57P01..57P03       -> kUnavailable,        "connection-lost"
//   class 53 (resources)         -> kUnavailable
//   57014 (statement timeout)    -> kDeadlineExceeded
//   anything else                -> kInternal
// The message keeps the SQLSTATE for logs. Pure; thread-safe.
Error ErrorFromSqlState(std::string_view sqlstate, std::string_view message);

// The error for a connection that libpq reports as broken (no SQLSTATE): kUnavailable,
// "connection-lost".
Error ConnectionLostError(std::string_view message);

}  // namespace motcua::storage::postgres
