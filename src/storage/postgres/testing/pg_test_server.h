#pragma once

// A private PostgreSQL server for tests and benchmarks: initdb into a fresh temporary directory,
// pg_ctl start on a free loopback port with its unix socket in that directory, and, in the
// destructor, pg_ctl stop and removal of the directory. Run as root (CI containers), it
// runs initdb and pg_ctl as the `postgres` user (initdb refuses root) through runuser, and hands
// the directory to that user; otherwise it runs them as the current user.
//
// The server runs with fsync=on and synchronous_commit=on: durable commits are what the
// benchmarks measure. initdb itself runs with --no-sync (its files are throw-away).
//
// Binaries: $MOTCUA_PG_BIN if set, else the newest /usr/lib/postgresql/<major>/bin (Debian),
// else PATH.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"

namespace motcua::storage::postgres::testing {

struct PgTestServerOptions {
  bool fsync = true;
  int max_connections = 60;
  // Extra postgresql.conf lines ("name = value").
  std::vector<std::string> settings;
  // Limit for initdb, and for the server to start and accept connections.
  std::chrono::seconds start_timeout{90};
  // Where its temporary directory (data, log) is made: "" for $TMPDIR or /tmp (as root, /tmp).
  // A test of a full disk gives a small file system of its own.
  std::string base_dir;
};

class PgTestServer {
 public:
  // Starts a server. Errors: kUnavailable with the server log's tail (or the failing tool's
  // output) when it cannot be set up or does not become ready in time.
  static Result<std::unique_ptr<PgTestServer>> Start(const PgTestServerOptions& options = {});

  // Stops the server (pg_ctl stop -m immediate: no shutdown checkpoint, the data is thrown away)
  // and deletes its directory. Never fails loudly: a failure is printed to stderr.
  ~PgTestServer();
  PgTestServer(const PgTestServer&) = delete;
  PgTestServer& operator=(const PgTestServer&) = delete;

  // Creates an empty database (name: [a-z0-9_]+) and returns its DSN.
  // Errors: kInvalidArgument for a bad name; the driver's errors (kAlreadyExists if taken).
  Result<std::string> CreateDatabase(const std::string& name);
  // The DSN of `database` on this server: postgresql://postgres@127.0.0.1:<port>/<database>.
  std::string Dsn(const std::string& database) const;

  // The database going away under load: Kill stops the server as a crash would (immediate mode:
  // no checkpoint, clients cut off) and keeps its data; Restart brings it back on the same port,
  // where it recovers from its WAL. Errors: kUnavailable with the log's tail.
  Status Kill();
  Status Restart();

  int port() const { return port_; }
  // Where initdb, pg_ctl, pg_dump and pg_restore of the server's version live ("" = PATH).
  const std::string& bin_dir() const { return bin_dir_; }
  // A directory for the test's own files (backups), deleted with the server's.
  const std::string& scratch_dir() const { return scratch_dir_; }
  // The last `lines` lines of the server log.
  std::string LogTail(int lines) const;

 private:
  PgTestServer() = default;
  // The argv to run `tool` from bin_dir_, through runuser when running as root.
  std::vector<std::string> Command(const std::string& tool) const;
  Status Init(const PgTestServerOptions& options);
  Status StartOnce(const PgTestServerOptions& options);
  Status StartOn(int port);
  void Stop();

  std::string bin_dir_;
  std::string dir_;          // the temporary directory: data/, server.log and the unix socket
  std::string data_dir_;     // dir_/data
  std::string log_path_;     // dir_/server.log
  std::string scratch_dir_;  // dir_/scratch
  int port_ = 0;
  std::chrono::seconds start_timeout_{90};
  bool as_postgres_user_ = false;
  bool running_ = false;
};

}  // namespace motcua::storage::postgres::testing
