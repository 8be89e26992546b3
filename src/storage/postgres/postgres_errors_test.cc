// Unit tests of the PostgreSQL driver's pure parts: the SQLSTATE taxonomy, field decoding and the
// helper-process runner. No server needed.

#include <gtest/gtest.h>

#include "storage/postgres/internal/subprocess.h"
#include "storage/postgres/pg_connection.h"
#include "storage/postgres/pg_errors.h"

namespace motcua::storage::postgres {
namespace {

struct SqlStateCase {
  const char* sqlstate;
  ErrorCode code;
  const char* reason;
};

// The driver.h contract, row by row (PostgreSQL manual, Appendix A).
constexpr SqlStateCase kCases[] = {
    {"23505", ErrorCode::kAlreadyExists, "unique-violation"},
    {"23503", ErrorCode::kFailedPrecondition, "constraint"},  // foreign_key_violation
    {"23514", ErrorCode::kFailedPrecondition, "constraint"},  // check_violation
    {"23502", ErrorCode::kFailedPrecondition, "constraint"},  // not_null_violation
    {"23001", ErrorCode::kFailedPrecondition, "constraint"},  // restrict: audit append-only
    {"23P01", ErrorCode::kFailedPrecondition, "constraint"},  // exclusion_violation
    {"40001", ErrorCode::kAborted, "retry"},                  // serialization_failure
    {"40P01", ErrorCode::kAborted, "retry"},                  // deadlock_detected
    {"40002", ErrorCode::kFailedPrecondition, "constraint"},  // deferred constraint at COMMIT
    {"40003", ErrorCode::kInternal, ""},                      // statement_completion_unknown
    {"08000", ErrorCode::kUnavailable, "connection-lost"},
    {"08006", ErrorCode::kUnavailable, "connection-lost"},  // connection_failure
    {"08P01", ErrorCode::kUnavailable, "connection-lost"},  // protocol_violation
    {"57P01", ErrorCode::kUnavailable, "connection-lost"},  // admin_shutdown
    {"57P02", ErrorCode::kUnavailable, "connection-lost"},  // crash_shutdown
    {"57P03", ErrorCode::kUnavailable, "connection-lost"},  // cannot_connect_now
    {"57014", ErrorCode::kDeadlineExceeded, "statement-timeout"},
    {"53300", ErrorCode::kUnavailable, "server-resources"},  // too_many_connections
    {"53100", ErrorCode::kUnavailable, "server-resources"},  // disk_full
    {"P0001", ErrorCode::kFailedPrecondition, ""},           // plain RAISE EXCEPTION
    {"42P01", ErrorCode::kInternal, ""},                     // undefined_table: a bug
    {"42601", ErrorCode::kInternal, ""},                     // syntax_error: a bug
    {"22021", ErrorCode::kInternal, ""},                     // bad UTF-8: validated earlier
    {"25006", ErrorCode::kInternal, ""},                     // write in a read-only tx: a bug
    {"", ErrorCode::kInternal, ""},
};

TEST(SqlStateTaxonomyTest, MapsEachCodeAsDriverHPromises) {
  for (const SqlStateCase& c : kCases) {
    Error e = ErrorFromSqlState(c.sqlstate, "server says no");
    EXPECT_EQ(e.code, c.code) << c.sqlstate;
    EXPECT_EQ(e.reason, c.reason) << c.sqlstate;
    EXPECT_NE(e.message.find("server says no"), std::string::npos) << c.sqlstate;
    EXPECT_NE(e.message.find(c.sqlstate), std::string::npos) << c.sqlstate;
  }
}

TEST(SqlStateTaxonomyTest, LostConnectionIsUnavailable) {
  Error e = ConnectionLostError("server closed the connection unexpectedly");
  EXPECT_EQ(e.code, ErrorCode::kUnavailable);
  EXPECT_EQ(e.reason, "connection-lost");
}

// Type OIDs as the server reports them.
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kText = 25,
              kFloat8 = 701, kNumeric = 1700, kVarchar = 1043;

sql::Value Decode(Oid type, std::string_view text) {
  const std::string copy(text);  // PQgetvalue's strings are NUL-terminated
  return DecodeField(type, copy.c_str(), static_cast<int>(copy.size()));
}

TEST(DecodeFieldTest, IntegersAndBooleansBecomeInt64) {
  EXPECT_EQ(Decode(kInt8, "9223372036854775807"), sql::Value(INT64_MAX));
  EXPECT_EQ(Decode(kInt8, "-9223372036854775808"), sql::Value(INT64_MIN));
  EXPECT_EQ(Decode(kInt4, "-42"), sql::Value(std::int64_t{-42}));
  EXPECT_EQ(Decode(kInt2, "7"), sql::Value(std::int64_t{7}));
  EXPECT_EQ(Decode(kBool, "t"), sql::Value(std::int64_t{1}));
  EXPECT_EQ(Decode(kBool, "f"), sql::Value(std::int64_t{0}));
}

TEST(DecodeFieldTest, FloatsAndNumericBecomeDouble) {
  EXPECT_EQ(Decode(kFloat8, "2.5"), sql::Value(2.5));
  EXPECT_EQ(Decode(kNumeric, "12345.125"), sql::Value(12345.125));
}

TEST(DecodeFieldTest, ByteaHexAndEscapeFormsBecomeBlob) {
  EXPECT_EQ(Decode(kBytea, "\\x00ff4100"), sql::Value(sql::Blob{std::string("\0\xff"
                                                                            "A\0",
                                                                            4)}));
  EXPECT_EQ(Decode(kBytea, "\\x"), sql::Value(sql::Blob{}));
  EXPECT_EQ(Decode(kBytea, "a\\000b"), sql::Value(sql::Blob{std::string("a\0b", 3)}));
}

TEST(DecodeFieldTest, OtherTypesStayText) {
  EXPECT_EQ(Decode(kText, "Sở Tư pháp"), sql::Value(std::string("Sở Tư pháp")));
  EXPECT_EQ(Decode(kVarchar, ""), sql::Value(std::string()));
}

TEST(SubprocessTest, CapturesOutputAndExitCodeWithoutAShell) {
  // The argument reaches the program verbatim: nothing is interpreted by a shell.
  auto outcome = internal::RunProcess({"echo", "$HOME; rm -rf / `x`"});
  ASSERT_TRUE(outcome.ok()) << ToString(outcome.error());
  EXPECT_EQ(outcome->exit_code, 0);
  EXPECT_EQ(outcome->output, "$HOME; rm -rf / `x`\n");
  auto failed = internal::RunProcess({"false"});
  ASSERT_TRUE(failed.ok());
  EXPECT_EQ(failed->exit_code, 1);
}

TEST(SubprocessTest, PassesExtraEnvironment) {
  auto outcome = internal::RunProcess({"printenv", "MOTCUA_TEST_VAR"}, {"MOTCUA_TEST_VAR=đúng"});
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->output, "đúng\n");
}

TEST(SubprocessTest, MissingProgramIsAnError) {
  auto outcome = internal::RunProcess({"/nonexistent/motcua-tool"});
  EXPECT_FALSE(outcome.ok());
}

TEST(SubprocessTest, TimeoutKillsTheProgram) {
  auto outcome = internal::RunProcess({"sleep", "30"}, {}, std::chrono::milliseconds(200));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::kDeadlineExceeded);
}

TEST(SubprocessTest, TailKeepsTheLastLines) {
  EXPECT_EQ(internal::Tail("a\nb\nc\n", 2), "b\nc\n");
  EXPECT_EQ(internal::Tail("a\nb\nc", 2), "b\nc");
  EXPECT_EQ(internal::Tail("a\nb\n", 5), "a\nb\n");
  EXPECT_EQ(internal::Tail("", 3), "");
}

}  // namespace
}  // namespace motcua::storage::postgres
