#include "storage/postgres/testing/pg_test_server.h"

#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "storage/postgres/internal/subprocess.h"
#include "storage/postgres/pg_connection.h"

namespace motcua::storage::postgres::testing {
namespace {

namespace fs = std::filesystem;
using internal::RunProcess;
using internal::Tail;

constexpr char kSuperuser[] = "postgres";
constexpr char kOsUser[] = "postgres";

std::string FindBinDir() {
  if (const char* env = std::getenv("MOTCUA_PG_BIN"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  int best_major = -1;
  std::string best;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const std::string name = entry.path().filename().string();
    const int major = std::atoi(name.c_str());
    if (major > best_major && fs::exists(entry.path() / "bin" / "initdb", ec)) {
      best_major = major;
      best = (entry.path() / "bin").string();
    }
  }
  return best;
}

// A port that was free a moment ago (the kernel picks it). Another process may take it before
// the server binds it; StartOnce's caller then retries with a new one.
Result<int> FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return Error::Unavailable("socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
  close(fd);
  if (!ok) return Error::Unavailable("cannot find a free port");
  return static_cast<int>(ntohs(addr.sin_port));
}

Status RunOk(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) {
  auto outcome = RunProcess(argv, {}, timeout);
  if (!outcome.ok()) {
    Error e = std::move(outcome).error();
    e.code = ErrorCode::kUnavailable;
    return e;
  }
  if (outcome->exit_code != 0) {
    // Name the tool, not runuser: "pg_ctl start failed".
    auto tool = std::find(argv.begin(), argv.end(), "--");
    tool = tool == argv.end() ? argv.begin() : tool + 1;
    std::string what = fs::path(*tool).filename().string();
    if (tool + 1 != argv.end() && !tool[1].starts_with("-")) what += " " + tool[1];
    return Error::Unavailable(what + " failed (exit " + std::to_string(outcome->exit_code) +
                              "):\n" + Tail(outcome->output, 30));
  }
  return Ok();
}

}  // namespace

Result<std::unique_ptr<PgTestServer>> PgTestServer::Start(const PgTestServerOptions& options) {
  std::unique_ptr<PgTestServer> server(new PgTestServer());
  MOTCUA_RETURN_IF_ERROR(server->Init(options));
  for (int attempt = 1;; ++attempt) {
    Status started = server->StartOnce(options);
    if (started.ok()) return server;
    // Only a port taken between FreePort() and the server's bind is worth another try.
    const bool port_taken =
        started.error().message.find("Address already in use") != std::string::npos;
    if (!port_taken || attempt == 3) return std::move(started).error();
  }
}

std::vector<std::string> PgTestServer::Command(const std::string& tool) const {
  std::vector<std::string> argv;
  if (as_postgres_user_) argv = {"runuser", "-u", kOsUser, "--"};
  argv.push_back(bin_dir_.empty() ? tool : bin_dir_ + "/" + tool);
  return argv;
}

Status PgTestServer::Init(const PgTestServerOptions& options) {
  bin_dir_ = FindBinDir();
  as_postgres_user_ = geteuid() == 0;
  // As root, the directory must be reachable by the postgres user: /tmp, not root's TMPDIR.
  const char* tmp = std::getenv("TMPDIR");
  std::string base = !options.base_dir.empty()                                ? options.base_dir
                     : (!as_postgres_user_ && tmp != nullptr && *tmp != '\0') ? tmp
                                                                              : "/tmp";
  std::string pattern = base + "/motcua-pg-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    return Error::Unavailable("cannot create a temporary directory under " + base);
  }
  dir_ = pattern;
  data_dir_ = dir_ + "/data";
  log_path_ = dir_ + "/server.log";
  scratch_dir_ = dir_ + "/scratch";
  std::error_code ec;
  if (!fs::create_directory(scratch_dir_, ec)) {
    return Error::Unavailable("cannot create " + scratch_dir_ + ": " + ec.message());
  }
  if (as_postgres_user_) {
    const passwd* pw = getpwnam(kOsUser);
    if (pw == nullptr) {
      return Error::Unavailable(
          "running as root, but there is no 'postgres' user to run the "
          "server as (install the postgresql package)");
    }
    if (chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
      return Error::Unavailable("cannot hand " + dir_ + " to the postgres user");
    }
  }
  std::vector<std::string> initdb = Command("initdb");
  initdb.insert(initdb.end(), {"--pgdata=" + data_dir_, std::string("--username=") + kSuperuser,
                               "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"});
  MOTCUA_RETURN_IF_ERROR(RunOk(initdb, options.start_timeout));

  std::ofstream conf(data_dir_ + "/postgresql.conf", std::ios::app);
  conf << "\n# motcua test server\n"
       << "listen_addresses = '127.0.0.1'\n"
       << "unix_socket_directories = '" << dir_ << "'\n"
       << "fsync = " << (options.fsync ? "on" : "off") << "\n"
       << "synchronous_commit = on\n"
       << "max_connections = " << options.max_connections << "\n";
  for (const std::string& line : options.settings) conf << line << "\n";
  conf.close();
  if (!conf) return Error::Unavailable("cannot write " + data_dir_ + "/postgresql.conf");
  return Ok();
}

Status PgTestServer::StartOnce(const PgTestServerOptions& options) {
  MOTCUA_ASSIGN_OR_RETURN(int port, FreePort());
  start_timeout_ = options.start_timeout;
  return StartOn(port);
}

Status PgTestServer::StartOn(int port) {
  port_ = port;
  std::vector<std::string> start = Command("pg_ctl");
  const auto timeout = start_timeout_;
  start.insert(start.end(), {"start", "--pgdata=" + data_dir_, "--log=" + log_path_, "--wait",
                             "--timeout=" + std::to_string(timeout.count()), "-o",
                             "-p " + std::to_string(port_)});
  Status started = RunOk(start, timeout + std::chrono::seconds(10));
  if (!started.ok()) {
    Stop();  // in case it came up after pg_ctl gave up
    return Error::Unavailable("PostgreSQL did not start on port " + std::to_string(port_) + ": " +
                              started.error().message + "\nserver log:\n" + LogTail(30));
  }
  running_ = true;
  // pg_ctl --wait already waited for the server; check that it accepts TCP connections too.
  const std::string dsn = Dsn("postgres");
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (PQping(dsn.c_str()) != PQPING_OK) {
    if (std::chrono::steady_clock::now() > deadline) {
      Stop();
      return Error::Unavailable("PostgreSQL does not accept connections at " + dsn +
                                "\nserver log:\n" + LogTail(30));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return Ok();
}

void PgTestServer::Stop() {
  // Immediate mode skips the shutdown checkpoint: the data directory is deleted next anyway.
  std::vector<std::string> stop = Command("pg_ctl");
  stop.insert(stop.end(),
              {"stop", "--pgdata=" + data_dir_, "--mode=immediate", "--wait", "--timeout=60"});
  Status s = RunOk(stop, std::chrono::seconds(70));
  running_ = false;
  if (!s.ok() && fs::exists(data_dir_ + "/postmaster.pid")) {
    std::cerr << "motcua pg test server: cannot stop the server in " << dir_ << ": "
              << s.error().message << "\n";
  }
}

Status PgTestServer::Kill() {
  if (!running_) return Error::FailedPrecondition("the test server is not running");
  Stop();
  if (fs::exists(data_dir_ + "/postmaster.pid")) {
    return Error::Unavailable("the test server did not stop\nserver log:\n" + LogTail(30));
  }
  return Ok();
}

Status PgTestServer::Restart() {
  if (running_) return Error::FailedPrecondition("the test server is running");
  return StartOn(port_);
}

PgTestServer::~PgTestServer() {
  if (running_) Stop();
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

std::string PgTestServer::Dsn(const std::string& database) const {
  return std::string("postgresql://") + kSuperuser + "@127.0.0.1:" + std::to_string(port_) + "/" +
         database;
}

Result<std::string> PgTestServer::CreateDatabase(const std::string& name) {
  if (name.empty() ||
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
    return Error::InvalidArgument("bad database name '" + name + "'");
  }
  MOTCUA_ASSIGN_OR_RETURN(auto conn, PgConnection::Connect(Dsn("postgres")));
  MOTCUA_RETURN_IF_ERROR(conn->ExecScript("CREATE DATABASE \"" + name + "\""));
  return Dsn(name);
}

std::string PgTestServer::LogTail(int lines) const {
  std::ifstream in(log_path_);
  if (!in) return "(no server log at " + log_path_ + ")";
  std::stringstream text;
  text << in.rdbuf();
  return Tail(text.str(), lines);
}

}  // namespace motcua::storage::postgres::testing
