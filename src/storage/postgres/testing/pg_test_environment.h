#pragma once

// One private PostgreSQL server per test binary, for GoogleTest `*_pgtest` binaries. The server
// starts on the first call of SharedPgTestServer() (listing tests starts nothing) and stops in a
// gtest Environment's TearDown, registered when this library is linked in.

#include <string>

#include "common/result.h"
#include "storage/postgres/testing/pg_test_server.h"

namespace motcua::storage::postgres::testing {

// The binary's server, started on first use; nullptr if it could not start (the reason is
// reported as a test failure once, and returned by CreateTestDatabase). Thread-safe.
PgTestServer* SharedPgTestServer();

// A new, empty database on the shared server, with a name unique within the binary
// ("t1", "t2", ...). Returns its DSN. Errors: the server's start error; the driver's errors.
Result<std::string> CreateTestDatabase();

}  // namespace motcua::storage::postgres::testing
