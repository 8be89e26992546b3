// migrate, backup, restore, audit verify.
#include <cstdio>
#include <cstdlib>

#include "app/audit_service.h"
#include "main/args.h"
#include "main/commands.h"
#include "main/wiring.h"

namespace motcua::main {
namespace {

std::string DefaultDsn() {
  const char* env = std::getenv("MOTCUA_DSN");
  return env && *env ? env : "sqlite:./var/motcua.db";
}

int Fail(const Error& e) {
  std::fprintf(stderr, "motcua: %s\n", ToString(e).c_str());
  return e.code == ErrorCode::kInvalidArgument ? 2 : 1;
}

// Parses the options and opens the store named by --dsn.
Result<std::unique_ptr<app::Store>> Open(const Args& args, const Clock& clock) {
  StoreConfig config;
  config.dsn = args.Get("dsn", DefaultDsn());
  return OpenStore(config, clock);
}

}  // namespace

int Migrate(const Argv& argv) {
  auto args = Args::Parse(argv, {"dsn"}, {"status"});
  if (!args) return Fail(args.error());
  SystemClock clock;
  auto store = Open(*args, clock);
  if (!store) return Fail(store.error());
  if (!args->Flag("status")) {
    if (Status s = (*store)->Migrate(); !s.ok()) return Fail(s.error());
  }
  auto state = (*store)->MigrationState();
  if (!state) return Fail(state.error());
  int pending = 0;
  for (const auto& m : *state) {
    std::printf("%4d  %-10s  %s\n", m.version,
                m.applied_at ? FormatRfc3339Utc(*m.applied_at).substr(0, 10).c_str() : "pending",
                m.name.c_str());
    pending += !m.applied_at;
  }
  std::printf("%d applied, %d pending\n", static_cast<int>(state->size()) - pending, pending);
  return 0;
}

int Backup(const Argv& argv) {
  auto args = Args::Parse(argv, {"dsn", "to"});
  if (!args) return Fail(args.error());
  auto to = args->Get("to");
  if (!to) return Fail(Error::InvalidField("--to", "is required"));
  SystemClock clock;
  auto store = Open(*args, clock);
  if (!store) return Fail(store.error());
  if (Status s = (*store)->Backup(*to); !s.ok()) return Fail(s.error());
  std::printf("backup written to %s\n", to->c_str());
  return 0;
}

int Restore(const Argv& argv) {
  auto args = Args::Parse(argv, {"dsn", "from"});
  if (!args) return Fail(args.error());
  auto from = args->Get("from");
  if (!from) return Fail(Error::InvalidField("--from", "is required"));
  SystemClock clock;
  auto store = Open(*args, clock);
  if (!store) return Fail(store.error());
  if (Status s = (*store)->Restore(*from); !s.ok()) return Fail(s.error());
  std::printf("restored from %s\n", from->c_str());
  return 0;
}

int Audit(const Argv& argv) {
  auto args = Args::Parse(argv, {"dsn"});
  if (!args) return Fail(args.error());
  if (args->positional() != std::vector<std::string>{"verify"}) {
    return Fail(Error::InvalidArgument("usage: motcua audit verify [--dsn DSN]"));
  }
  SystemClock clock;
  auto store = Open(*args, clock);
  if (!store) return Fail(store.error());
  app::AuditService audit(**store, clock);
  auto outcome = audit.Verify();
  if (!outcome) return Fail(outcome.error());
  if (outcome->ok) {
    std::printf("audit chain intact: %lld records verified\n",
                static_cast<long long>(outcome->checked));
    return 0;
  }
  std::printf("audit chain BROKEN at record %lld: %s (%lld records before it verified)\n",
              static_cast<long long>(*outcome->first_broken_seq), outcome->problem.c_str(),
              static_cast<long long>(outcome->checked));
  return 1;
}

}  // namespace motcua::main
