#include "main/wiring.h"

#include <filesystem>

#include "storage/postgres/pg_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace motcua::main {

Result<std::unique_ptr<app::Store>> OpenStore(const StoreConfig& config, const Clock& clock) {
  const std::string& dsn = config.dsn;
  if (dsn.rfind("sqlite:", 0) == 0) {
    const std::string path = dsn.substr(7);
    if (path.empty()) return Error::InvalidField("dsn", "sqlite: needs a file path");
    std::error_code ec;
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    storage::sqlite::SqliteOptions options;
    options.path = path;
    options.readers = config.readers;
    options.max_batch = config.max_batch;
    options.clock = &clock;
    MOTCUA_ASSIGN_OR_RETURN(auto store, storage::sqlite::SqliteStore::Open(options));
    return std::unique_ptr<app::Store>(std::move(store));
  }
  if (dsn.rfind("postgresql://", 0) == 0 || dsn.rfind("postgres://", 0) == 0) {
    storage::postgres::PgOptions options;
    options.dsn = dsn;
    options.pool_size = config.pool_size;
    options.clock = &clock;
    MOTCUA_ASSIGN_OR_RETURN(auto store, storage::postgres::OpenPgStore(options));
    return std::unique_ptr<app::Store>(std::move(store));
  }
  return Error::InvalidField("dsn", "must start with sqlite: or postgresql://");
}

}  // namespace motcua::main
