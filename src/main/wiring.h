#pragma once

// The one place that picks storage adapters: a DSN names the back end.
//   sqlite:./var/motcua.db        embedded SQLite (the default)
//   postgresql://user@host/db     PostgreSQL (also postgres://)

#include <memory>
#include <string>

#include "app/store.h"
#include "common/clock.h"

namespace motcua::main {

struct StoreConfig {
  std::string dsn = "sqlite:./var/motcua.db";
  int readers = 4;      // SQLite reader connections
  int pool_size = 16;   // PostgreSQL connections
  int max_batch = 256;  // SQLite group commit
};

// Opens (and for SQLite creates) the database. Does not migrate.
Result<std::unique_ptr<app::Store>> OpenStore(const StoreConfig& config, const Clock& clock);

}  // namespace motcua::main
