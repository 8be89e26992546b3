#pragma once

#include <span>

#include "storage/sql/migrate.h"

namespace motcua::storage::postgres {

// PostgreSQL's numbered migrations. They mirror src/storage/sqlite/migrations.cc version for
// version: the same tables, columns and constraints in PostgreSQL's types (see migrations.cc).
// The returned span refers to static storage.
std::span<const sql::Migration> Migrations();

}  // namespace motcua::storage::postgres
