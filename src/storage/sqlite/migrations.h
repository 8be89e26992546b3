#pragma once

#include <span>

#include "storage/sql/migrate.h"

namespace motcua::storage::sqlite {

// SQLite's numbered migrations. The PostgreSQL list in src/storage/postgres mirrors it version for
// version: the same tables, columns and constraints in each back end's types.
std::span<const sql::Migration> Migrations();

}  // namespace motcua::storage::sqlite
