// `motcua serve`: migrate, optionally seed the demo province, serve HTTP and run the background
// work (sweeps, notification delivery) until SIGTERM/SIGINT, then stop accepting, finish the
// requests in flight, stop the background worker and close the store.
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <thread>

#include "app/audit_service.h"
#include "app/background.h"
#include "app/calendar_service.h"
#include "app/catalog_service.h"
#include "app/dossier_service.h"
#include "app/identity_service.h"
#include "app/seed.h"
#include "http/routes.h"
#include "main/args.h"
#include "main/background_flags.h"
#include "main/catalog_items.h"
#include "main/commands.h"
#include "main/wiring.h"

namespace motcua::main {
namespace {

struct ListenAddress {
  std::string host;
  int port = 0;
};

Result<ListenAddress> ParseListen(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return Error::InvalidField("--listen", "must be HOST:PORT");
  }
  ListenAddress out{text.substr(0, colon), 0};
  const char* first = text.data() + colon + 1;
  const char* last = text.data() + text.size();
  const auto [end, ec] = std::from_chars(first, last, out.port);
  if (ec != std::errc() || end != last || out.port < 0 || out.port > 65535) {
    return Error::InvalidField("--listen", "needs a port from 0 (any free port) to 65535");
  }
  return out;
}

void PrintSeededUsers(const std::vector<app::SeededUser>& users, const std::string& url) {
  std::printf(
      "\nTỉnh mẫu đã được tạo. Demo province created. Passwords are shown only this once:\n\n"
      "  %-20s %-18s %-10s %s\n",
      "username", "role", "unit", "password");
  for (const auto& u : users) {
    std::printf("  %-20s %-18s %-10s %s\n", u.username.c_str(), u.role.c_str(), u.unit.c_str(),
                u.password.c_str());
  }
  std::printf(
      "\nLog in: curl -c jar -H 'Content-Type: application/json' -d "
      "'{\"username\":\"admin\",\"password\":\"...\"}' %s/api/v1/auth/login\n\n",
      url.c_str());
  std::fflush(stdout);
}

// The built web UI: --web-root DIR, else web/dist of the source tree when it was built; "" when
// there is none (the API alone is served).
Result<std::string> WebRoot(const Args& args) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (auto dir = args.Get("web-root")) {
    if (!fs::is_regular_file(fs::path(*dir) / "index.html", ec)) {
      return Error::InvalidField("--web-root", "must be a directory with index.html (web/dist)");
    }
    return *dir;
  }
#ifdef MOTCUA_SOURCE_WEB_DIR
  if (fs::is_regular_file(fs::path(MOTCUA_SOURCE_WEB_DIR) / "index.html", ec)) {
    return std::string(MOTCUA_SOURCE_WEB_DIR);
  }
#endif
  return std::string();
}

int Fail(const Error& e) {
  std::fprintf(stderr, "motcua serve: %s\n", ToString(e).c_str());
  return e.code == ErrorCode::kInvalidArgument ? 2 : 1;
}

}  // namespace

int Serve(const Argv& argv) {
  std::set<std::string> known = {"dsn",
                                 "listen",
                                 "threads",
                                 "max-body-bytes",
                                 "login-concurrency",
                                 "read-timeout",
                                 "idle-timeout",
                                 "public-url",
                                 "trusted-proxy",
                                 "lookups-per-minute",
                                 "max-upload-bytes",
                                 "web-root",
                                 "max-connection-threads"};
  known.insert(BackgroundFlagNames().begin(), BackgroundFlagNames().end());
  auto args = Args::Parse(argv, known, {"demo", "secure-cookies"});
  if (!args) return Fail(args.error());
  auto listen = ParseListen(args->Get("listen", "127.0.0.1:8080"));
  if (!listen) return Fail(listen.error());
  auto threads = args->Int("threads", 16, 1, 1024);
  // Beyond --threads, more connection threads start while every one is busy (slow clients).
  auto max_threads = args->Int("max-connection-threads", 512, 1, 4096);
  auto max_body = args->Int("max-body-bytes", 1 << 20, 1024, 1 << 30);
  auto login_slots = args->Int("login-concurrency", 2, 1, 64);
  auto read_timeout = args->Int("read-timeout", 10, 1, 3600);
  auto idle_timeout = args->Int("idle-timeout", 30, 1, 3600);
  auto lookups = args->Int("lookups-per-minute", 30, 1, 100'000);
  auto max_upload = args->Int("max-upload-bytes", static_cast<int>(app::kDefaultMaxAttachmentBytes),
                              1024, 1 << 30);
  auto web_root = WebRoot(*args);
  if (!web_root) return Fail(web_root.error());
  for (const Status& s : {threads.ok() ? Ok() : Status(threads.error()),
                          max_threads.ok() ? Ok() : Status(max_threads.error()),
                          max_body.ok() ? Ok() : Status(max_body.error()),
                          login_slots.ok() ? Ok() : Status(login_slots.error()),
                          read_timeout.ok() ? Ok() : Status(read_timeout.error()),
                          idle_timeout.ok() ? Ok() : Status(idle_timeout.error()),
                          lookups.ok() ? Ok() : Status(lookups.error()),
                          max_upload.ok() ? Ok() : Status(max_upload.error())}) {
    if (!s.ok()) return Fail(s.error());
  }

  // Block the stop signals in every thread; the main thread waits for them with sigwait.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  // A file size limit (ulimit -f, systemd's LimitFSIZE) reached is a write that fails with EFBIG,
  // answered 503 like a full disk, rather than a server killed by SIGXFSZ.
  std::signal(SIGXFSZ, SIG_IGN);

  SystemClock clock;
  auto background_setup = ConfigureBackground(*args, clock);
  if (!background_setup) return Fail(background_setup.error());
  http::Logger log(stderr, clock);
  http::Metrics metrics;
  StoreConfig config;
  const char* env_dsn = std::getenv("MOTCUA_DSN");
  config.dsn = args->Get("dsn", env_dsn && *env_dsn ? env_dsn : "sqlite:./var/motcua.db");
  auto store = OpenStore(config, clock);
  if (!store) return Fail(store.error());
  if (Status s = (*store)->Migrate(); !s.ok()) return Fail(s.error());
  (*store)->SetCommitObserver([&metrics](double s, int n) { metrics.ObserveCommit(s, n); });

  app::PasswordHasher hasher(app::PasswordCost::Interactive(), *login_slots, 10'000);
  app::IdentityService identity(**store, clock, hasher);
  app::AuditService audit(**store, clock);
  app::CalendarService calendars(**store, clock);
  app::CatalogService catalog(**store, clock, calendars);
  app::DossierService dossiers(**store, clock, calendars);
  dossiers.set_max_attachment_bytes(static_cast<std::size_t>(*max_upload));
  app::ReportService reports(**store, clock);
  std::vector<app::SeededUser> seeded_users;
  if (args->Flag("demo")) {
    auto seeded = app::SeedDemoProvince(identity, &calendars);
    if (!seeded) return Fail(seeded.error());
    seeded_users = std::move(*seeded);
    // The demo catalog (data/demo-catalog.json), once: skipped when procedures are stored.
    auto demo_catalog = DemoCatalogItems();
    if (!demo_catalog) {
      std::fprintf(stderr, "motcua serve: no demo catalog: %s\n",
                   ToString(demo_catalog.error()).c_str());
    } else {
      auto written = app::SeedDemoCatalog(catalog, std::move(*demo_catalog));
      if (!written) return Fail(written.error());
      if (*written > 0) std::fprintf(stderr, "motcua serve: seeded %d demo procedures\n", *written);
    }
  }

  http::ServerOptions options;
  options.host = listen->host;
  options.port = listen->port;
  options.threads = *threads;
  options.max_connection_threads = std::max(*threads, *max_threads);
  options.max_body_bytes = static_cast<std::size_t>(*max_body);
  options.read_timeout_seconds = *read_timeout;
  options.write_timeout_seconds = *read_timeout;
  options.keep_alive_timeout_seconds = *idle_timeout;
  options.secure_cookies = args->Flag("secure-cookies");
  options.trusted_proxies = args->All("trusted-proxy");  // repeatable: --trusted-proxy 10.0.0.5
  http::ApiServer server(options, {identity, audit, clock, log, metrics});
  http::Services services{**store,    identity, audit,    metrics, options.secure_cookies,
                          &calendars, &catalog, &dossiers};
  // The lookup link on form 01 must reach this server from a citizen's phone: behind a proxy,
  // pass --public-url https://dichvucong.example.gov.vn.
  services.public_url =
      args->Get("public-url", "http://" + listen->host + ":" + std::to_string(listen->port));
  services.lookups_per_minute = *lookups;
  services.web_root = *web_root;
  services.reports = &reports;
  http::AddAllRoutes(server, services);
  if (Status s = server.Start(); !s.ok()) return Fail(s.error());
  const std::string url = "http://" + listen->host + ":" + std::to_string(server.port());
  if (!seeded_users.empty()) PrintSeededUsers(seeded_users, url);
  log.Info({{"msg", "listening"},
            {"url", url},
            {"dsn_kind", config.dsn.substr(0, config.dsn.find(':'))},
            {"threads", *threads},
            {"web_root", *web_root}});

  // Background work starts once the server serves, and stops before the store closes.
  app::BackgroundOptions background_options = (*background_setup)->options;
  background_options.reports = &reports;
  background_options.log = [&log](const char* level, const std::string& message) {
    log.Log(level, {{"msg", message}, {"component", "background"}});
  };
  app::BackgroundWorker background(**store, clock, calendars, dossiers, background_options);
  log.Info({{"msg", "background work started"},
            {"server_id", background_options.server_id},
            {"senders", (*background_setup)->summary}});
  background.Start();

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  log.Info({{"msg", "stopping: finishing requests in flight"}, {"signal", signal_number}});
  server.Stop();
  background.Stop();
  store->reset();
  log.Info({{"msg", "stopped"}});
  return 0;
}

}  // namespace motcua::main
