// The hostile input checks that concern the database, against PostgreSQL: SQL metacharacters in
// the free-text fields are stored and read back verbatim, and where names are expected they are
// refused or not found (the same body as on SQLite: http/testing/hostile_fixture.h).
#include <libpq-fe.h>

#include "http/testing/hostile_fixture.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/testing/pg_test_environment.h"

namespace motcua::http {
namespace {

namespace pg = storage::postgres;

class PgHostileInputTest : public testing::HostileFixture {
 protected:
  std::unique_ptr<app::Store> OpenStore() override {
    auto dsn = pg::testing::CreateTestDatabase();
    EXPECT_TRUE(dsn.ok()) << ToString(dsn.error());
    if (!dsn.ok()) return nullptr;
    dsn_ = *dsn;
    pg::PgOptions options;
    options.dsn = dsn_;
    options.pool_size = 4;
    options.clock = &clock_;
    auto store = pg::OpenPgStore(options);
    EXPECT_TRUE(store.ok()) << ToString(store.error());
    return store.ok() ? std::move(*store) : nullptr;
  }

  // Rows of `table`, read on a connection of its own.
  std::int64_t Rows(const std::string& table) override {
    PGconn* conn = PQconnectdb(dsn_.c_str());
    std::int64_t n = -1;
    if (PQstatus(conn) == CONNECTION_OK) {
      PGresult* r = PQexec(conn, ("SELECT count(*) FROM " + table).c_str());
      if (PQresultStatus(r) == PGRES_TUPLES_OK) n = std::stoll(PQgetvalue(r, 0, 0));
      PQclear(r);
    }
    PQfinish(conn);
    return n;
  }

  std::string dsn_;
};

TEST_F(PgHostileInputTest, SqlMetacharactersInTextFieldsAreStoredAndReadBackVerbatim) {
  ExpectSqlMetacharactersStoredAndReadBackVerbatim();
}

}  // namespace
}  // namespace motcua::http
