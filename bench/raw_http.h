// The load driver's HTTP/1.1 client: one keep-alive connection, one write and (usually) one read
// per request. A load generator on the same two cores as the server takes its CPU from the
// server, so it has to be as lean as wrk is; cpp-httplib's client polls before every read and
// write and builds a header map per request (about 60 µs of CPU per request more than this).
//
// It speaks only what motcua answers: a status line, headers, and a Content-Length body (no
// chunked answers, no 1xx). A connection the server has closed is reopened and the request sent
// once more, but only when nothing of an answer was read (the request did not reach a handler).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

namespace motcua::bench {

struct RawAnswer {
  int status = 0;     // 0: no answer (see error)
  std::string body;   // the body only
  std::string error;  // why there is no answer
};

class RawHttp {
 public:
  // `host`: an IPv4 address.
  explicit RawHttp(int port, std::string host = "127.0.0.1")
      : host_(std::move(host)), port_(port) {}
  ~RawHttp() { Close(); }
  RawHttp(const RawHttp&) = delete;
  RawHttp& operator=(const RawHttp&) = delete;

  // POST `body` (JSON) to `path`; `headers` is zero or more "Name: value\r\n" lines.
  RawAnswer Post(std::string_view path, std::string_view headers, std::string_view body) {
    request_.clear();
    request_.append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host_);
    request_.append("\r\n").append(headers);
    request_.append("Content-Type: application/json\r\nContent-Length: ");
    request_.append(std::to_string(body.size())).append("\r\n\r\n").append(body);
    return Send();
  }

  RawAnswer Get(std::string_view path, std::string_view headers) {
    request_.clear();
    request_.append("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(host_);
    request_.append("\r\n").append(headers).append("\r\n");
    return Send();
  }

 private:
  RawAnswer Send() {
    for (int attempt = 0;; ++attempt) {
      if (fd_ < 0 && !Connect()) return {0, {}, "connect: " + std::string(std::strerror(errno))};
      bool nothing_read = false;
      RawAnswer a = Exchange(nothing_read);
      if (a.status != 0 || !nothing_read || attempt == 1) return a;
      Close();  // the server closed an idle connection before reading the request: once more
    }
  }

  bool Connect() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) return false;
    const int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port_));
    if (::inet_pton(AF_INET, host_.c_str(), &addr.sin_addr) != 1) {
      errno = EINVAL;
      Close();
      return false;
    }
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
      Close();
      return false;
    }
    buffer_.clear();
    return true;
  }

  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  RawAnswer Exchange(bool& nothing_read) {
    errno = 0;
    for (std::size_t sent = 0; sent < request_.size();) {
      const ssize_t n = ::send(fd_, request_.data() + sent, request_.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) {
        nothing_read = true;
        return Fail("send");
      }
      sent += static_cast<std::size_t>(n);
    }
    // Headers first, then exactly Content-Length bytes of body.
    std::size_t header_end;
    while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) {
        nothing_read = buffer_.empty();
        return Fail("read (headers)");
      }
    }
    const std::string_view head(buffer_.data(), header_end);
    RawAnswer a;
    if (head.size() < 12 || head.substr(0, 5) != "HTTP/") return Fail("not an HTTP answer");
    a.status = std::atoi(std::string(head.substr(9, 3)).c_str());
    const std::size_t length = ContentLength(head);
    const bool close = HasCloseHeader(head);
    const std::size_t total = header_end + 4 + length;
    while (buffer_.size() < total) {
      if (!Fill()) return Fail("read (body)");
    }
    a.body.assign(buffer_, header_end + 4, length);
    buffer_.erase(0, total);
    if (close) Close();
    return a;
  }

  bool Fill() {
    char chunk[16384];
    errno = 0;
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  RawAnswer Fail(const char* what) {
    RawAnswer a;
    a.error = std::string(what) + (errno != 0 ? ": " + std::string(std::strerror(errno)) : "");
    Close();
    return a;
  }

  // The value of a header, matched case-insensitively at the start of a line.
  static std::string_view Header(std::string_view head, std::string_view name) {
    for (std::size_t at = head.find("\r\n"); at != std::string_view::npos;
         at = head.find("\r\n", at + 2)) {
      const std::string_view line = head.substr(at + 2, head.find("\r\n", at + 2) - (at + 2));
      if (line.size() <= name.size() || line[name.size()] != ':') continue;
      bool same = true;
      for (std::size_t i = 0; i < name.size() && same; ++i) {
        same = std::tolower(static_cast<unsigned char>(line[i])) == name[i];
      }
      if (!same) continue;
      std::string_view value = line.substr(name.size() + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      return value;
    }
    return {};
  }
  static std::size_t ContentLength(std::string_view head) {
    return std::strtoull(std::string(Header(head, "content-length")).c_str(), nullptr, 10);
  }
  static bool HasCloseHeader(std::string_view head) {
    const std::string_view v = Header(head, "connection");
    return v.size() == 5 && std::tolower(static_cast<unsigned char>(v[0])) == 'c';
  }

  std::string host_;
  int port_;
  int fd_ = -1;
  std::string request_;
  std::string buffer_;  // bytes read and not yet consumed
};

// The text of a value at the top level of a JSON object (`"name": value`), without decoding the
// rest: nested objects, arrays and strings are skipped. Empty when absent.
inline std::string_view TopLevelValue(std::string_view json, std::string_view name) {
  int depth = 0;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '"') {
      const std::size_t start = i + 1;
      for (++i; i < json.size() && json[i] != '"'; ++i) {
        if (json[i] == '\\') ++i;
      }
      if (depth != 1 || json.substr(start, i - start) != name) continue;
      std::size_t j = i + 1;
      while (j < json.size() && json[j] == ' ') ++j;
      if (j >= json.size() || json[j] != ':') continue;  // a value, not a key
      for (++j; j < json.size() && json[j] == ' ';) ++j;
      std::size_t end = j;
      if (end < json.size() && json[end] == '"') {
        for (++end; end < json.size() && json[end] != '"'; ++end) {
          if (json[end] == '\\') ++end;
        }
        return json.substr(j, std::min(json.size(), end + 1) - j);
      }
      while (end < json.size() && json[end] != ',' && json[end] != '}') ++end;
      return json.substr(j, end - j);
    }
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') --depth;
  }
  return {};
}

// A number at the top level; -1 when absent or not a number.
inline std::int64_t TopLevelNumber(std::string_view json, std::string_view name) {
  const std::string_view v = TopLevelValue(json, name);
  if (v.empty() || (v[0] != '-' && (v[0] < '0' || v[0] > '9'))) return -1;
  return std::strtoll(std::string(v).c_str(), nullptr, 10);
}

// A string at the top level, without its quotes (escapes left as they are: for codes and
// secrets); empty when absent or not a string.
inline std::string TopLevelString(std::string_view json, std::string_view name) {
  const std::string_view v = TopLevelValue(json, name);
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return "";
  return std::string(v.substr(1, v.size() - 2));
}

}  // namespace motcua::bench
