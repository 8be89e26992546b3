// Hostile connections against a real server: clients that send their headers a byte at a time
// (slowloris) are cut off at the read timeout while everyone else is still answered promptly;
// bodies over the limit, declared or chunked, are refused before they are read and nothing is
// written.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "calendar/test_util.h"
#include "http/testing/api_fixture.h"

namespace motcua::http {
namespace {

using calendar::testing::L;
using std::chrono::milliseconds;
using std::chrono::steady_clock;
using testing::Session;

int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Whether the peer has closed `fd` (EOF or reset), waiting at most `wait`. Answer bytes are
// read and dropped.
bool ClosedByPeer(int fd, milliseconds wait) {
  pollfd p{fd, POLLIN, 0};
  const auto until = steady_clock::now() + wait;
  for (;;) {
    const auto left = std::chrono::duration_cast<milliseconds>(until - steady_clock::now()).count();
    if (poll(&p, 1, static_cast<int>(std::max<long>(left, 0))) <= 0) return false;
    char buf[4096];
    const ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n <= 0) return true;
  }
}

// One response with a Content-Length body; what arrived when the peer closes or 5 s pass.
std::string ReadResponse(int fd) {
  std::string data;
  char buf[4096];
  for (;;) {
    const auto header_end = data.find("\r\n\r\n");
    if (header_end != std::string::npos) {
      const auto cl = data.find("Content-Length: ");
      const std::size_t len =
          cl == std::string::npos || cl > header_end ? 0 : std::stoul(data.substr(cl + 16));
      if (data.size() >= header_end + 4 + len) return data.substr(0, header_end + 4 + len);
    }
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) return data;
    data.append(buf, static_cast<std::size_t>(n));
  }
}

class HostileConnectionTest : public testing::ApiFixture {
 protected:
  HostileConnectionTest() : ApiFixture(L("2026-03-02 08:00")) {}

  // Each test starts the server with its own options (stopping one at once after its start
  // races with httplib's listen loop).
  void SetUp() override { Prepare(); }

  std::int64_t Rows(const std::string& table) {
    sqlite3* db = nullptr;
    std::int64_t n = -1;
    if (sqlite3_open_v2((dir_ / "t.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* st = nullptr;
      const std::string sql = "SELECT count(*) FROM " + table;
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
          sqlite3_step(st) == SQLITE_ROW) {
        n = sqlite3_column_int64(st, 0);
      }
      sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return n;
  }

  std::vector<std::int64_t> Written() {
    return {Rows("dossiers"), Rows("dossier_events"), Rows("attachments"), Rows("units")};
  }
};

// Slowloris: three times as many connections as the server has threads, each sending its
// request a byte every 1.5 s against a read timeout of 1 s, and reconnecting when cut off.
// Another client is answered within a second throughout, and the slow connections are closed by
// the server within its read timeout (and some slack) of their last byte.
TEST_F(HostileConnectionTest, SlowClientsAreCutOffWhileOthersAreAnsweredPromptly) {
  ServerOptions options;
  options.read_timeout_seconds = 1;
  StartServer(options);
  const int port = server_->port();
  const std::string request =
      "GET /healthz HTTP/1.1\r\nHost: slow\r\nX-Padding: " + std::string(40, 'x') + "\r\n\r\n";
  std::atomic<bool> stop{false};
  std::atomic<int> cut_off{0};
  std::atomic<long> longest_ms{0};  // from a slow client's last byte to the server's close
  std::vector<std::thread> slow;
  for (int i = 0; i < 12; ++i) {
    slow.emplace_back([&] {
      while (!stop) {
        const int fd = Connect(port);
        if (fd < 0) continue;
        std::size_t sent = 0;
        bool closed = false;
        while (!stop && sent < request.size() && !closed) {
          if (!SendAll(fd, std::string_view(request).substr(sent, 1))) {
            closed = true;
            break;
          }
          ++sent;
          const auto last_byte = steady_clock::now();
          closed = ClosedByPeer(fd, milliseconds(1500));
          if (closed) {
            const long ms =
                std::chrono::duration_cast<milliseconds>(steady_clock::now() - last_byte).count();
            long seen = longest_ms.load();
            while (ms > seen && !longest_ms.compare_exchange_weak(seen, ms)) {
            }
          }
        }
        if (closed) ++cut_off;
        close(fd);
      }
    });
  }
  // Meanwhile an ordinary client, a fresh connection each time.
  std::this_thread::sleep_for(milliseconds(300));
  long worst_ms = 0;
  int answered = 0;
  const auto until = steady_clock::now() + std::chrono::seconds(5);
  while (steady_clock::now() < until) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(10, 0);
    const auto start = steady_clock::now();
    auto res = client.Get("/healthz");
    const long ms = std::chrono::duration_cast<milliseconds>(steady_clock::now() - start).count();
    ASSERT_TRUE(res) << "no answer";
    EXPECT_EQ(res->status, 200);
    ++answered;
    worst_ms = std::max(worst_ms, ms);
    std::this_thread::sleep_for(milliseconds(100));
  }
  stop = true;
  for (auto& t : slow) t.join();
  EXPECT_GE(answered, 20);
  EXPECT_LT(worst_ms, 1000) << "an ordinary request waited behind the slow clients";
  EXPECT_GE(cut_off.load(), 12);
  EXPECT_LT(longest_ms.load(), 1500);
}

// A declared Content-Length over the limit is refused before the body is read: 413, the
// connection closed, nothing written. Also for the upload route, whose limit is its own.
TEST_F(HostileConnectionTest, BodiesOverTheLimitAreRefusedUnreadAndNothingIsWritten) {
  ServerOptions options;
  options.max_body_bytes = 64 << 10;
  dossiers_->set_max_attachment_bytes(256 << 10);  // read when the routes are added
  StartServer(options);
  Session admin = Login("admin");
  const auto before = Written();
  struct Case {
    const char* path;
    std::string length;
  };
  for (const Case& c : {Case{"/api/v1/dossiers", std::to_string((64 << 10) + 1)},
                        Case{"/api/v1/units", std::to_string(100 << 20)},
                        Case{"/api/v1/units", "99999999999999999999999999"},
                        Case{"/api/v1/attachments", std::to_string((256 << 10) + 1)},
                        Case{"/api/v1/auth/login", std::to_string(1ull << 62)}}) {
    const int fd = Connect(server_->port());
    ASSERT_GE(fd, 0);
    const std::string head = std::string("POST ") + c.path + " HTTP/1.1\r\nHost: x\r\n" +
                             "Cookie: " + admin.cookie + "\r\nX-CSRF-Token: " + admin.csrf +
                             "\r\nContent-Type: application/json\r\nContent-Length: " + c.length +
                             "\r\n\r\n";
    ASSERT_TRUE(SendAll(fd, head));
    // The answer comes on the headers alone; a body sent after it is not read as one.
    const std::string answer = ReadResponse(fd);
    SendAll(fd, "{\"code\":\"H99.99\",\"name\":\"" + std::string(8 << 10, 'a') + "\"}");
    close(fd);
    EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << c.path << " " << c.length << "\n" << answer;
    EXPECT_NE(answer.find("Connection: close"), std::string::npos);
    EXPECT_NE(answer.find("application/problem+json"), std::string::npos);
    EXPECT_NE(answer.find("payload-too-large"), std::string::npos);
  }
  // The same through an ordinary client, the whole body sent.
  auto unit =
      client_->Post("/api/v1/units", {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}},
                    "{\"code\":\"H99.99\",\"name\":\"" + std::string(128 << 10, 'a') +
                        "\",\"kind\":\"department\"}",
                    "application/json");
  ASSERT_TRUE(unit);
  EXPECT_EQ(unit->status, 413);
  EXPECT_EQ(Written(), before);
}

// A chunked body is not accepted at all (411, decision 0002): one far larger than the limit is
// refused on its headers, the connection is closed and nothing is written, however many chunks
// follow.
TEST_F(HostileConnectionTest, AChunkedBodyOverTheLimitIsRefusedUnreadAndNothingIsWritten) {
  ServerOptions options;
  options.max_body_bytes = 64 << 10;
  StartServer(options);
  Session admin = Login("admin");
  const auto before = Written();
  for (const char* path : {"/api/v1/units", "/api/v1/dossiers", "/api/v1/attachments"}) {
    for (const char* encoding : {"chunked", "Chunked", "gzip, chunked"}) {
      const int fd = Connect(server_->port());
      ASSERT_GE(fd, 0);
      const std::string head =
          std::string("POST ") + path + " HTTP/1.1\r\nHost: x\r\n" + "Cookie: " + admin.cookie +
          "\r\nX-CSRF-Token: " + admin.csrf +
          "\r\nContent-Type: application/json\r\nTransfer-Encoding: " + encoding + "\r\n\r\n";
      ASSERT_TRUE(SendAll(fd, head));
      // The answer comes on the headers alone; then 1 MiB in 16 chunks (the server may close
      // before all arrive), whose text must not be taken for a request that writes.
      const std::string answer = ReadResponse(fd);
      const std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
      for (int i = 0; i < 16 && SendAll(fd, chunk); ++i) {
      }
      SendAll(fd, "0\r\n\r\n");
      close(fd);
      EXPECT_EQ(answer.rfind("HTTP/1.1 411", 0), 0u) << path << " " << encoding << "\n" << answer;
      EXPECT_NE(answer.find("Connection: close"), std::string::npos);
      EXPECT_NE(answer.find("length-required"), std::string::npos);
    }
  }
  EXPECT_EQ(Written(), before);
  EXPECT_EQ(client_->Get("/healthz")->status, 200);
}

}  // namespace
}  // namespace motcua::http
