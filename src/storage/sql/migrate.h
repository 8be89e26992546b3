#pragma once

// Numbered schema migrations, one list per back end, applied in order at start-up and recorded in
// the table schema_migrations(version, name, applied_at). Each migration runs in its own
// transaction together with its record, so a failed migration leaves nothing behind.

#include <span>
#include <string_view>
#include <vector>

#include "app/store.h"
#include "storage/sql/driver.h"

namespace motcua::storage::sql {

struct Migration {
  int version;  // 1, 2, 3, ... without gaps
  std::string_view name;
  std::string_view sql;  // one or more statements, run with Connection::ExecScript
};

// Applies every migration newer than the recorded version. `now` stamps applied_at.
// The connection must not be inside a transaction; each migration gets BEGIN/COMMIT.
Status ApplyMigrations(Connection& conn, std::span<const Migration> migrations, Instant now);

// Applied and pending migrations, in version order.
Result<std::vector<app::MigrationStatus>> ReadMigrationState(Connection& conn,
                                                             std::span<const Migration> migrations);

}  // namespace motcua::storage::sql
