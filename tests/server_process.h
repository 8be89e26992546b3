#pragma once

// The `motcua serve` binary as a child process, for the tests and benchmarks that drive the real
// server over HTTP (tests/crash_test.cc, bench/dossier_load.cc): start it in its own process
// group with stdout and stderr in files, wait until it listens, read the demo users' passwords
// it prints once, kill it (SIGKILL) or stop it (SIGTERM); and a logged-in HTTP session.
//
// Not thread-safe: one thread owns a ServerProcess. The helpers of sessions are thread-safe as
// httplib clients are (one client per thread).

#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace motcua::testing {

// A loopback port that was free a moment ago (bound to port 0, then closed).
inline int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  return port;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The demo users' passwords from what `motcua serve --demo` printed on stdout: the table's rows
// are "  username role unit password".
inline std::map<std::string, std::string> ParsePasswords(const std::string& printed) {
  std::map<std::string, std::string> out;
  std::istringstream in(printed);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  ", 0) != 0) continue;
    std::istringstream words(line);
    std::string user, role, unit, password;
    if (words >> user >> role >> unit >> password && user != "username") out[user] = password;
  }
  return out;
}

class ServerProcess {
 public:
  // `motcua`: the binary; `log_prefix`: where stdout and stderr go, one pair of files per start
  // (prefix + "-1.out" / "-1.err", "-2.out", ...).
  ServerProcess(std::string motcua, std::string log_prefix)
      : motcua_(std::move(motcua)), log_prefix_(std::move(log_prefix)) {}
  ~ServerProcess() { Kill(); }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Runs `motcua serve <args>` and waits (up to `timeout`) for its "listening" log line.
  // Returns "" on success, else why not (with the tail of its stderr).
  std::string Start(const std::vector<std::string>& args,
                    std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
    Kill();
    url_.clear();
    ++starts_;
    const std::string out = OutPath(), err = ErrPath();
    std::remove(out.c_str());
    std::remove(err.c_str());
    std::vector<std::string> argv_s = {motcua_, "serve"};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::fflush(nullptr);  // else the child's freopen writes our buffered output a second time
    pid_ = fork();
    if (pid_ < 0) return "fork failed";
    if (pid_ == 0) {
      setpgid(0, 0);  // its own group: a kill reaches it and nothing else
      if (!std::freopen(out.c_str(), "w", stdout) || !std::freopen(err.c_str(), "w", stderr)) {
        _exit(127);
      }
      execv(argv[0], argv.data());
      _exit(127);
    }
    setpgid(pid_, pid_);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      const std::string log = ReadFile(err);
      const auto at = log.find("\"msg\":\"listening\"");
      if (at != std::string::npos) {
        const auto line_start = log.rfind('\n', at);
        const auto from = log.find("\"url\":\"", line_start == std::string::npos ? 0 : line_start);
        if (from != std::string::npos) {
          const auto end = log.find('"', from + 7);
          url_ = log.substr(from + 7, end - from - 7);
          return "";
        }
      }
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return "motcua serve exited (status " + std::to_string(status) +
               ") before listening: " + Tail(err);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    Kill();
    return "motcua serve did not listen within the timeout: " + Tail(err);
  }

  // SIGKILL to the process group, then reaps the child. No-op when not running.
  void Kill() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  // SIGTERM (graceful stop); returns the exit status (0 expected), -1 when not running.
  int Stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  // The demo users' passwords printed on stdout by `serve --demo` on a fresh database.
  std::map<std::string, std::string> Passwords() const {
    return ParsePasswords(ReadFile(OutPath()));
  }

  std::string Tail(const std::string& path, std::size_t bytes = 2000) const {
    const std::string s = ReadFile(path);
    return s.size() > bytes ? s.substr(s.size() - bytes) : s;
  }
  std::string StderrTail() const { return Tail(ErrPath()); }
  // The files of the last start.
  std::string OutPath() const { return log_prefix_ + "-" + std::to_string(starts_) + ".out"; }
  std::string ErrPath() const { return log_prefix_ + "-" + std::to_string(starts_) + ".err"; }

  pid_t pid() const { return pid_; }
  // http://host:port, known once Start succeeded.
  const std::string& url() const { return url_; }
  int port() const { return std::stoi(url_.substr(url_.rfind(':') + 1)); }

 private:
  std::string motcua_;
  std::string log_prefix_;
  pid_t pid_ = -1;
  int starts_ = 0;
  std::string url_;
};

// A session cookie and its CSRF token.
struct Session {
  std::string cookie;
  std::string csrf;

  httplib::Headers Headers() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
};

// Logs in; on failure returns an empty session and sets `error`.
inline Session Login(httplib::Client& client, const std::string& username,
                     const std::string& password, std::string* error) {
  const nlohmann::json body = {{"username", username}, {"password", password}};
  auto res = client.Post("/api/v1/auth/login", body.dump(), "application/json");
  if (!res || res->status != 200) {
    *error =
        "login of " + username + ": " +
        (res ? std::to_string(res->status) + " " + res->body : httplib::to_string(res.error()));
    return {};
  }
  const std::string cookie = res->get_header_value("Set-Cookie");
  const auto parsed = nlohmann::json::parse(res->body, nullptr, false);
  if (!parsed.is_object() || !parsed.contains("csrf_token")) {
    *error = "login of " + username + ": no csrf_token in " + res->body;
    return {};
  }
  return {cookie.substr(0, cookie.find(';')), parsed["csrf_token"].get<std::string>()};
}

// Starts `server` on the demo province over `dsn` (16 threads, any free port) and logs in the
// demo's reception officer into `officer`. "" when both went well, else what went wrong.
inline std::string StartDemoWithReceptionOfficer(ServerProcess& server, const std::string& dsn,
                                                 Session* officer) {
  const std::string started =
      server.Start({"--demo", "--dsn", dsn, "--listen", "127.0.0.1:0", "--threads", "16"},
                   std::chrono::seconds(120));
  if (!started.empty()) return started;
  httplib::Client http("127.0.0.1", server.port());
  std::string error;
  *officer = Login(http, "tiepnhan", server.Passwords()["tiepnhan"], &error);
  return error;
}

}  // namespace motcua::testing
