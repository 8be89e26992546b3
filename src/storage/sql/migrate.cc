#include "storage/sql/migrate.h"

#include <map>

namespace motcua::storage::sql {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
inline constexpr Statement kSelectApplied{
    "migrations_select",
    "SELECT version, name, applied_at FROM schema_migrations ORDER BY version"};
inline constexpr Statement kInsertApplied{
    "migrations_insert",
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"};

Result<std::map<int, Instant>> Applied(Connection& conn) {
  MOTCUA_RETURN_IF_ERROR(conn.ExecScript(kCreateTable));
  MOTCUA_ASSIGN_OR_RETURN(auto rows, conn.Query(kSelectApplied, {}));
  std::map<int, Instant> applied;
  for (const Row& row : rows) applied[static_cast<int>(row.Int(0))] = row.Int(2);
  return applied;
}

}  // namespace

Status ApplyMigrations(Connection& conn, std::span<const Migration> migrations, Instant now) {
  MOTCUA_ASSIGN_OR_RETURN(auto applied, Applied(conn));
  for (const Migration& m : migrations) {
    if (applied.contains(m.version)) continue;
    MOTCUA_RETURN_IF_ERROR(conn.ExecScript("BEGIN"));
    Status s = conn.ExecScript(m.sql);
    if (s.ok()) {
      s = conn.Exec(kInsertApplied, {Int(m.version), Text(std::string(m.name)), Int(now)}).ok()
              ? Ok()
              : Status(Error::Internal("cannot record migration " + std::to_string(m.version)));
    }
    if (s.ok()) s = conn.ExecScript("COMMIT");
    if (!s.ok()) {
      (void)conn.ExecScript("ROLLBACK");
      Error e = std::move(s).error();
      e.message = "migration " + std::to_string(m.version) + " (" + std::string(m.name) +
                  ") failed: " + e.message;
      return e;
    }
  }
  return Ok();
}

Result<std::vector<app::MigrationStatus>> ReadMigrationState(
    Connection& conn, std::span<const Migration> migrations) {
  MOTCUA_ASSIGN_OR_RETURN(auto applied, Applied(conn));
  std::vector<app::MigrationStatus> out;
  for (const Migration& m : migrations) {
    app::MigrationStatus st{m.version, std::string(m.name), std::nullopt};
    if (auto it = applied.find(m.version); it != applied.end()) st.applied_at = it->second;
    out.push_back(std::move(st));
  }
  return out;
}

}  // namespace motcua::storage::sql
