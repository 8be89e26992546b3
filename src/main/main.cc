// motcua: the server (`motcua serve`) and the administrator's command line.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "main/commands.h"

namespace {

constexpr char kUsage[] = R"(motcua — Hệ thống thông tin giải quyết thủ tục hành chính

Usage:
  motcua serve   [--dsn DSN] [--listen HOST:PORT] [--threads N] [--max-connection-threads N]
                 [--max-body-bytes N] [--demo]
  motcua migrate [--dsn DSN] [--status]
  motcua backup  [--dsn DSN] --to PATH
  motcua restore [--dsn DSN] --from PATH
  motcua audit verify [--dsn DSN]
  motcua calendar due --start "YYYY-MM-DD HH:MM" (--working-days N | --working-hours N |
                      --calendar-days N) [--cutoff 15:00|17:00|HH:MM|last-hour|none]
                      [--pause "FROM..TO"]... [--saturday-morning | --unit CODE [--dsn DSN]]
  motcua calendar holidays YEAR [--unit CODE] [--dsn DSN]
      (without --unit and --dsn: the built-in national calendar, no database needed)
  motcua catalog import FILE [--format motcua|national] [--dsn DSN]   (FILE "-": stdin)
  motcua catalog export [--dsn DSN] > FILE
  motcua catalog hygiene [--dsn DSN]
  motcua reports rebuild [--check] [--dsn DSN]
  motcua reports show --unit CODE --period P [--group-by G] [--dsn DSN]
  motcua demo generate --dossiers N [--years Y] [--seed S] [--end YYYY-MM-DD] [--dsn DSN]

DSN: sqlite:./var/motcua.db (default; also $MOTCUA_DSN) or postgresql://user@host:port/db
)";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help")) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  const std::vector<std::string> rest(argv + 2, argv + argc);
  using namespace motcua::main;
  if (command == "serve") return Serve(rest);
  if (command == "migrate") return Migrate(rest);
  if (command == "backup") return Backup(rest);
  if (command == "restore") return Restore(rest);
  if (command == "audit") return Audit(rest);
  if (command == "calendar") return Calendar(rest);
  if (command == "catalog") return Catalog(rest);
  if (command == "reports") return Reports(rest);
  if (command == "demo") return Demo(rest);
  std::fprintf(stderr, "motcua: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return 2;
}
