#include "http/server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <regex>

#include "http/connection_pool.h"
#include "http/json_input.h"
#include "http/problem.h"

namespace motcua::http {
namespace {

bool IsWrite(const std::string& method) { return method != "GET" && method != "HEAD"; }

// A caller's X-Request-Id is kept when it is short and plain; otherwise a new one is made.
std::string RequestIdFor(const httplib::Request& raw) {
  std::string given = raw.get_header_value("X-Request-Id");
  if (!given.empty() && given.size() <= 64 &&
      std::all_of(given.begin(), given.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_' || c == '.';
      })) {
    return given;
  }
  unsigned char bytes[12];
  randombytes_buf(bytes, sizeof bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned char b : bytes) {
    id.push_back(kHex[b >> 4]);
    id.push_back(kHex[b & 15]);
  }
  return id;
}

std::string CookieValue(const httplib::Request& raw, std::string_view name) {
  const std::string header = raw.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view part(header.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return {};
}

// "/api/v1/units/{id}" -> "^/api/v1/units/([0-9]+)$" and the parameter names in order.
std::pair<std::string, std::vector<std::string>> PathRegex(const std::string& path) {
  std::string re = "^";
  std::vector<std::string> names;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      const std::size_t close = path.find('}', i);
      names.push_back(path.substr(i + 1, close - i - 1));
      re += "([^/]+)";
      i = close;
    } else if (std::string_view(".+*?()[]^$|\\").find(path[i]) != std::string_view::npos) {
      re += '\\';
      re += path[i];
    } else {
      re += path[i];
    }
  }
  return {re + "$", names};
}

// httplib creates its listening socket inside the shared library with listen(fd, 5) and does not
// expose it: find the socket listening on `port` and listen again with the system's maximum
// (Linux updates the backlog of a listening socket).
void RaiseListenBacklog(int port) {
  const long open_max = std::min(sysconf(_SC_OPEN_MAX), 1L << 20);
  for (int fd = 0; fd < open_max; ++fd) {
    int accepting = 0;
    socklen_t len = sizeof accepting;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &len) != 0 || !accepting) continue;
    sockaddr_storage addr{};
    socklen_t addr_len = sizeof addr;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &addr_len) != 0) continue;
    int bound = 0;
    if (addr.ss_family == AF_INET) {
      bound = ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
    } else if (addr.ss_family == AF_INET6) {
      bound = ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
    }
    if (bound == port) ::listen(fd, SOMAXCONN);
  }
}

// Every answer, unless its route said otherwise: not to be sniffed as another type, framed, sent
// on as a referrer, nor kept in a cache (API answers carry personal data).
void SetDefaultHeaders(httplib::Response& res) {
  static constexpr std::pair<const char*, const char*> kDefaults[] = {
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cache-Control", "no-store"},
  };
  for (const auto& [name, value] : kDefaults) {
    if (!res.has_header(name)) res.set_header(name, value);
  }
}

void SetProblem(httplib::Response& res, const Error& e, const std::string& request_id) {
  res.status = HttpStatus(e);
  res.set_content(ProblemJson(e, request_id), kProblemContentType);
  res.set_header("X-Request-Id", request_id);
}

Result<Reply> RunGuarded(const Handler& handler, Request& req) {
  try {
    return handler(req);
  } catch (const std::exception& e) {
    return Error::Internal(std::string("handler threw: ") + e.what());
  } catch (...) {
    return Error::Internal("handler threw");
  }
}

}  // namespace

// --- Request -------------------------------------------------------------------------------------

const std::string& Request::body() const { return raw.body; }

std::string Request::Header(const std::string& name) const { return raw.get_header_value(name); }

std::string Request::Cookie(std::string_view name) const { return CookieValue(raw, name); }

Result<std::optional<std::string>> Request::Query(const std::string& name) const {
  if (!raw.has_param(name)) return std::optional<std::string>();
  std::string v = raw.get_param_value(name);
  if (!IsValidUtf8(v)) return Error::InvalidField(name, "is not valid UTF-8");
  if (v.size() > 1000) return Error::InvalidField(name, "is too long");
  return std::optional<std::string>(std::move(v));
}

Result<std::vector<std::string>> Request::QueryAll(const std::string& name) const {
  std::vector<std::string> out;
  const std::size_t n = raw.get_param_value_count(name);
  if (n > 100) return Error::InvalidField(name, "is repeated too often (at most 100)");
  for (std::size_t i = 0; i < n; ++i) {
    std::string v = raw.get_param_value(name, i);
    if (!IsValidUtf8(v)) return Error::InvalidField(name, "is not valid UTF-8");
    if (v.size() > 1000) return Error::InvalidField(name, "is too long");
    out.push_back(std::move(v));
  }
  return out;
}

Result<std::int64_t> Request::IdParam(const std::string& name) const {
  auto it = path_params.find(name);
  if (it == path_params.end()) return Error::Internal("no path parameter " + name);
  const std::string& s = it->second;
  std::int64_t v = 0;
  if (s.empty() || s.size() > 18 || !std::all_of(s.begin(), s.end(), ::isdigit) ||
      (v = std::stoll(s)) <= 0) {
    return Error::InvalidField(name, "must be a positive integer");
  }
  return v;
}

// --- ApiServer -----------------------------------------------------------------------------------

ApiServer::ApiServer(ServerOptions options, ServerDeps deps)
    : options_(std::move(options)), deps_(deps), server_(std::make_unique<httplib::Server>()) {
  httplib::Server& s = *server_;
  s.new_task_queue = [core = std::max(1, options_.threads),
                      max = std::max(1, options_.max_connection_threads)] {
    return new ConnectionPool(static_cast<std::size_t>(core), static_cast<std::size_t>(max));
  };
  s.set_keep_alive_max_count(static_cast<std::size_t>(options_.keep_alive_max));
  s.set_keep_alive_timeout(options_.keep_alive_timeout_seconds);
  s.set_read_timeout(options_.read_timeout_seconds, 0);
  s.set_write_timeout(options_.write_timeout_seconds, 0);
  s.set_payload_max_length(options_.max_body_bytes);
  s.set_tcp_nodelay(true);
  // Replacing the socket options drops httplib's default SO_REUSEADDR: set it again.
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  });
  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    // Refused before the body is read; the connection closes, so what follows is not parsed.
    auto refuse = [&](Error e, int status) {
      const std::string id = RequestIdFor(req);
      SetProblem(res, e, id);
      SetDefaultHeaders(res);
      res.status = status;
      res.set_header("Connection", "close");
      deps_.log.Info({{"request_id", id},
                      {"method", req.method},
                      {"path", req.path},
                      {"status", status},
                      {"remote", req.remote_addr}});
      return httplib::Server::HandlerResponse::Handled;
    };
    std::string encoding = req.get_header_value("Transfer-Encoding");
    std::transform(encoding.begin(), encoding.end(), encoding.begin(), ::tolower);
    if (encoding.find("chunked") != std::string::npos) {
      return refuse(Error::InvalidArgument("chunked request bodies are not accepted; send "
                                           "Content-Length (at most " +
                                           std::to_string(options_.max_body_bytes) + " bytes)")
                        .WithReason("length-required"),
                    411);
    }
    // A body larger than the server's limit is accepted only by a route that allows it
    // (uploads); httplib itself is set to the largest route limit.
    const std::string length = req.get_header_value("Content-Length");
    std::uint64_t bytes = 0;
    const auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), bytes);
    const bool too_long = ec == std::errc::result_out_of_range ||
                          (ec == std::errc() && end == length.data() + length.size() &&
                           bytes > options_.max_body_bytes && bytes > BodyLimit(req));
    if (too_long) {
      return refuse(Error::ResourceExhausted("request body larger than " +
                                             std::to_string(BodyLimit(req)) + " bytes")
                        .WithReason("payload-too-large"),
                    413);
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Unmatched routes, oversized bodies and other errors raised by httplib itself.
  s.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const std::string id = RequestIdFor(req);
        Error e = res.status == 404
                      ? Error::NotFound("no such endpoint: " + req.method + " " + req.path)
                  : res.status == 413
                      ? Error::ResourceExhausted("request body larger than " +
                                                 std::to_string(options_.max_body_bytes) + " bytes")
                            .WithReason("payload-too-large")
                      : Error::InvalidArgument("bad request").WithReason("http");
        const int status = res.status;
        SetProblem(res, e, id);
        SetDefaultHeaders(res);
        res.status = status;
        deps_.metrics.ObserveRequest(req.method, "(unmatched)", status, 0);
        deps_.log.Info({{"request_id", id},
                        {"method", req.method},
                        {"path", req.path},
                        {"status", status},
                        {"remote", req.remote_addr}});
        return httplib::Server::HandlerResponse::Handled;
      }));
}

ApiServer::~ApiServer() { Stop(); }

void ApiServer::Add(Route route) { routes_.push_back(std::move(route)); }

Status ApiServer::Authenticate(Request& req, const Route& route) {
  std::optional<Result<app::Principal>> attempt;
  const std::string auth = req.raw.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) == 0) {
    attempt = deps_.identity.AuthenticateBearer(auth.substr(7));
  } else if (std::string cookie = CookieValue(req.raw, kSessionCookie); !cookie.empty()) {
    attempt = deps_.identity.AuthenticateSession(cookie);
  }
  if (attempt && attempt->ok()) {
    req.principal = std::move(**attempt);
    req.actor.user = req.principal->user;
  }
  if (route.permission == identity::Permission::kPublic) return Ok();
  if (!req.principal) {
    if (attempt && !attempt->ok()) return attempt->error();
    return Error::Unauthenticated("login required");
  }
  if (!identity::Grants(req.principal->user.roles, route.permission)) {
    return Error::PermissionDenied("your roles do not allow " +
                                   std::string(identity::PermissionName(route.permission)));
  }
  if (IsWrite(route.method) && req.principal->via_session &&
      req.raw.get_header_value(kCsrfHeader) != req.principal->csrf_token) {
    return Error::PermissionDenied("missing or wrong " + std::string(kCsrfHeader) + " header")
        .WithReason("csrf");
  }
  return Ok();
}

std::size_t ApiServer::BodyLimit(const httplib::Request& raw) const {
  for (const Route& route : routes_) {
    if (route.max_body_bytes == 0 || route.method != raw.method) continue;
    if (std::regex_match(raw.path, std::regex(PathRegex(route.path).first))) {
      return route.max_body_bytes;
    }
  }
  return options_.max_body_bytes;
}

std::string ApiServer::ClientAddress(const httplib::Request& raw) const {
  const auto& proxies = options_.trusted_proxies;
  if (std::find(proxies.begin(), proxies.end(), raw.remote_addr) == proxies.end()) {
    return raw.remote_addr;
  }
  std::string forwarded = raw.get_header_value("X-Forwarded-For");
  const auto comma = forwarded.rfind(',');
  if (comma != std::string::npos) forwarded.erase(0, comma + 1);
  const auto first = forwarded.find_first_not_of(' ');
  const auto last = forwarded.find_last_not_of(' ');
  if (first == std::string::npos || last - first + 1 > 64) return raw.remote_addr;
  return forwarded.substr(first, last - first + 1);
}

void ApiServer::Dispatch(const Route& route, const httplib::Request& raw, void* response) {
  auto& res = *static_cast<httplib::Response*>(response);
  const auto started = std::chrono::steady_clock::now();
  Request req{raw, RequestIdFor(raw), {}, std::nullopt, {}};
  req.actor.address = ClientAddress(raw);
  req.actor.request_id = req.request_id;
  const auto names = PathRegex(route.path).second;
  for (std::size_t i = 0; i < names.size() && i + 1 < raw.matches.size(); ++i) {
    req.path_params[names[i]] = raw.matches[i + 1].str();
  }

  Result<Reply> reply = [&]() -> Result<Reply> {
    MOTCUA_RETURN_IF_ERROR(Authenticate(req, route));
    return RunGuarded(route.handler, req);
  }();

  if (reply.ok()) {
    res.status = reply->status;
    if (!reply->body.empty() || !reply->content_type.empty()) {
      res.set_content(reply->body, reply->content_type);
    }
    for (auto& [k, v] : reply->headers) res.set_header(k, v);
    res.set_header("X-Request-Id", req.request_id);
  } else {
    const Error& e = reply.error();
    SetProblem(res, e, req.request_id);
    const bool anonymous_refusal = e.code == ErrorCode::kUnauthenticated && !req.actor.user;
    if (!route.audit_action.empty() && !anonymous_refusal) {
      std::string object = req.path_params.empty() ? "" : req.path_params.begin()->second;
      Status audited = deps_.audit.RecordFailure(
          req.actor, route.audit_action, route.audit_action.substr(0, route.audit_action.find('.')),
          object, e);
      if (!audited.ok()) {
        deps_.log.Error({{"request_id", req.request_id},
                         {"msg", "audit of a refusal failed"},
                         {"error", ToString(audited.error())}});
      }
    }
    if (res.status >= 500) {
      deps_.log.Error(
          {{"request_id", req.request_id}, {"route", route.path}, {"error", ToString(e)}});
    }
  }
  SetDefaultHeaders(res);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  deps_.metrics.ObserveRequest(route.method, route.path, res.status, seconds);
  deps_.log.Info({{"request_id", req.request_id},
                  {"method", raw.method},
                  {"route", route.path},
                  {"path", raw.path},
                  {"status", res.status},
                  {"duration_ms", seconds * 1000},
                  {"user", req.actor.user ? req.actor.user->username : ""},
                  {"remote", req.actor.address}});
}

Status ApiServer::Start() {
  std::size_t largest = options_.max_body_bytes;
  for (const Route& route : routes_) largest = std::max(largest, route.max_body_bytes);
  server_->set_payload_max_length(largest);
  for (const Route& route : routes_) {
    const std::string pattern = PathRegex(route.path).first;
    auto handler = [this, &route](const httplib::Request& req, httplib::Response& res) {
      Dispatch(route, req, &res);
    };
    if (route.method == "GET") {
      server_->Get(pattern, handler);
    } else if (route.method == "POST") {
      server_->Post(pattern, handler);
    } else if (route.method == "PUT") {
      server_->Put(pattern, handler);
    } else if (route.method == "DELETE") {
      server_->Delete(pattern, handler);
    } else if (route.method == "PATCH") {
      server_->Patch(pattern, handler);
    } else {
      return Error::Internal("unsupported method " + route.method);
    }
  }
  // httplib tries handlers in the order they were registered: the fallback comes last.
  if (fallback_) {
    server_->Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
      Dispatch(*fallback_, req, &res);
    });
  }
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.host);
  } else {
    port_ = server_->bind_to_port(options_.host, options_.port) ? options_.port : -1;
  }
  if (port_ <= 0) {
    return Error::Unavailable("cannot listen on " + options_.host + ":" +
                              std::to_string(options_.port));
  }
  RaiseListenBacklog(port_);
  thread_ = std::make_unique<std::thread>([this] { server_->listen_after_bind(); });
  return Ok();
}

void ApiServer::Stop() {
  std::lock_guard lock(stop_mu_);
  server_->stop();
  if (thread_ && thread_->joinable()) thread_->join();
}

}  // namespace motcua::http
