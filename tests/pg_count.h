#pragma once

// A count read straight from a PostgreSQL database, past the server under test.

#include <libpq-fe.h>

#include <cstdint>
#include <string>

namespace motcua::testing {

// The single number `sql` answers on `dsn`; -1 when it cannot be read.
inline std::int64_t PgCount(const std::string& dsn, const char* sql) {
  PGconn* conn = PQconnectdb(dsn.c_str());
  std::int64_t out = -1;
  if (PQstatus(conn) == CONNECTION_OK) {
    PGresult* r = PQexec(conn, sql);
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
      out = std::stoll(PQgetvalue(r, 0, 0));
    }
    PQclear(r);
  }
  PQfinish(conn);
  return out;
}

}  // namespace motcua::testing
