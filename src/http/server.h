#pragma once

// The HTTP server: cpp-httplib configured for real use, and the route table with its middleware.
//
// Every request gets a request id (the caller's X-Request-Id when well-formed, otherwise a new
// one) on the response and in every log line. Each route declares the Permission it needs; the
// middleware authenticates (session cookie or bearer token), authorizes, checks the CSRF token of
// cookie-authenticated writes, calls the handler, maps errors to problem+json, records a failed or
// refused write in the audit log, and observes metrics and the access log.
//
// cpp-httplib defaults that are wrong for a server that officers use all day, and what we set:
//   keep-alive capped at 5 requests per connection  -> ServerOptions::keep_alive_max
//   Nagle on                                        -> TCP_NODELAY (and SO_REUSEADDR, which the
//                                                      default socket options set and ours replace)
//   chunked request bodies bypass the size limit    -> refused with 411 (and Connection: close)
//                                                      before the body is read
//   one thread per core                             -> ServerOptions::threads
//   a fixed pool, each connection holding a thread  -> ConnectionPool: more threads when all are
//   until it closes: a few slow clients (slowloris)    busy, up to max_connection_threads; the
//   keep everyone else waiting                         slow ones are cut off by the read timeout
//   a listen backlog of 5, built into Debian's      -> the listening socket's backlog raised to
//   shared library: bursts of new connections          SOMAXCONN after bind (with SYN cookies the
//   overflow it                                        kernel otherwise resets some of them after
//                                                      the client sent its request)

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/actor.h"
#include "app/audit_service.h"
#include "app/identity_service.h"
#include "common/clock.h"
#include "common/result.h"
#include "http/log.h"
#include "http/metrics.h"
#include "identity/permissions.h"

namespace httplib {
class Server;
struct Request;
}  // namespace httplib

namespace motcua::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  int threads = 8;
  // Connections served at once: threads are added above `threads` while every one is busy (a
  // thread serves one connection from accept to close), and end after a few idle seconds.
  int max_connection_threads = 512;
  std::size_t max_body_bytes = 1 << 20;
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  int keep_alive_timeout_seconds = 30;  // idle keep-alive connections close after this
  int keep_alive_max = 10000;           // requests per connection
  bool secure_cookies = false;          // Secure attribute on cookies (behind TLS)
  // Reverse proxies (nginx) whose X-Forwarded-For is believed: a request from one of these
  // addresses is attributed to the last address the proxy appended (logs, audit, rate limits).
  std::vector<std::string> trusted_proxies;
};

// What a handler sees of a request.
struct Request {
  const httplib::Request& raw;
  std::string request_id;
  app::Actor actor;  // actor.user is set when authenticated
  std::optional<app::Principal> principal;
  std::map<std::string, std::string> path_params;

  const std::string& body() const;
  // A query parameter, or nullopt. Invalid UTF-8 is reported as a violation of that parameter.
  Result<std::optional<std::string>> Query(const std::string& name) const;
  // Every value of a repeatable query parameter, in order. Invalid UTF-8 is a violation of it.
  Result<std::vector<std::string>> QueryAll(const std::string& name) const;
  // The path parameter `name` as a positive integer id; kInvalidArgument naming it otherwise.
  Result<std::int64_t> IdParam(const std::string& name) const;
  std::string Header(const std::string& name) const;
  // The value of cookie `name` from the Cookie header, or "".
  std::string Cookie(std::string_view name) const;
};

struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;

  static Reply Json(int status, std::string body) {
    return {status, std::move(body), "application/json", {}};
  }
  static Reply NoContent() { return {204, "", "", {}}; }
};

using Handler = std::function<Result<Reply>(Request&)>;

struct Route {
  std::string method;  // GET, POST, PUT, DELETE
  std::string path;    // OpenAPI template, e.g. "/api/v1/units/{id}"
  identity::Permission permission;
  std::string audit_action;  // writes: the action recorded when the request is refused or fails
  Handler handler;
  // The largest body this route accepts (uploads); 0: the server's max_body_bytes.
  std::size_t max_body_bytes = 0;
};

// Services the middleware itself needs.
struct ServerDeps {
  app::IdentityService& identity;
  app::AuditService& audit;
  const Clock& clock;
  Logger& log;
  Metrics& metrics;
};

class ApiServer {
 public:
  ApiServer(ServerOptions options, ServerDeps deps);
  ~ApiServer();

  // Registers a route. All routes must be added before Start.
  void Add(Route route);
  // The GET handler for every path no route matched (the web UI's files); `route.path` names it
  // in logs and metrics. Set before Start; at most one.
  void SetFallback(Route route) { fallback_ = std::move(route); }
  const std::vector<Route>& routes() const { return routes_; }

  // Binds the port (resolving port 0) and serves on a background thread.
  Status Start();
  int port() const { return port_; }
  const Clock& clock() const { return deps_.clock; }
  // Stops accepting, lets requests in flight finish, joins the threads. Idempotent; callable
  // from any thread (the signal thread on SIGTERM).
  void Stop();

 private:
  void Dispatch(const Route& route, const httplib::Request& raw, void* response);
  // The client's address: the peer, or what a trusted proxy says the peer was.
  std::string ClientAddress(const httplib::Request& raw) const;
  // The body limit for a request: its route's own, else the server's.
  std::size_t BodyLimit(const httplib::Request& raw) const;
  Status Authenticate(Request& req, const Route& route);

  const ServerOptions options_;
  ServerDeps deps_;
  std::unique_ptr<httplib::Server> server_;
  std::vector<Route> routes_;
  std::optional<Route> fallback_;
  int port_ = 0;
  std::mutex stop_mu_;  // serialises Stop()
  std::unique_ptr<std::thread> thread_;
};

// The session cookie's name; the CSRF token travels in the X-CSRF-Token header.
inline constexpr char kSessionCookie[] = "motcua_session";
inline constexpr char kCsrfHeader[] = "X-CSRF-Token";

}  // namespace motcua::http
