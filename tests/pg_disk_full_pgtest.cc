// The disk filling up under PostgreSQL (issue 8): a private PostgreSQL whose data directory is on
// a small file system of its own (a tmpfs), the real server on it, counter receptions from a few
// clients, and a ballast file written until the file system has no room left. While there is no
// room the server answers 503, never 500 (PostgreSQL refuses to extend a table with SQLSTATE
// 53100, or stops itself when its WAL cannot grow). Once the ballast is gone (and PostgreSQL
// started again if it stopped itself, as an operator would) the server serves again on its own,
// without a restart. Every reception answered 201 exists afterwards with its events, each key sent
// again gives the same dossier and creates nothing, and the database holds one dossier per key.
//
// A tmpfs needs root with the right to mount (CI containers run as root); elsewhere the test is
// skipped and says why.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "pg_count.h"
#include "reception_clients.h"
#include "server_process.h"
#include "storage/postgres/testing/pg_test_server.h"

namespace motcua {
namespace {

namespace fs = std::filesystem;
using storage::postgres::testing::PgTestServer;
using storage::postgres::testing::PgTestServerOptions;
using testing::ServerProcess;
using testing::Session;

// A tmpfs of `megabytes` at a fresh directory, unmounted (lazily) and removed at the end.
class SmallDisk {
 public:
  explicit SmallDisk(int megabytes)
      : dir_(fs::temp_directory_path() / ("motcua-small-disk-" + std::to_string(getpid()))) {
    fs::create_directories(dir_);
    const std::string options = "size=" + std::to_string(megabytes) + "m,mode=0777";
    if (mount("tmpfs", dir_.c_str(), "tmpfs", 0, options.c_str()) != 0) {
      why_not_ = std::string("cannot mount a tmpfs: ") + std::strerror(errno);
    }
  }
  ~SmallDisk() {
    if (why_not_.empty()) umount2(dir_.c_str(), MNT_DETACH);
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const std::string& why_not() const { return why_not_; }
  std::string path() const { return dir_.string(); }

  // Writes `file` until the file system has no room left; the bytes written.
  std::int64_t Fill(const std::string& file) const {
    std::FILE* f = std::fopen(file.c_str(), "wb");
    if (f == nullptr) return 0;
    static const std::string chunk(64 * 1024, 'x');
    std::int64_t written = 0;
    for (;;) {
      const std::size_t n = std::fwrite(chunk.data(), 1, chunk.size(), f);
      written += static_cast<std::int64_t>(n);
      if (n < chunk.size() || std::fflush(f) != 0) break;
    }
    std::fclose(f);
    return written;
  }

 private:
  fs::path dir_;
  std::string why_not_;
};

TEST(PgDiskFull, AnswersServiceUnavailableWhileTheDiskIsFullAndRecoversOnceThereIsRoom) {
  SmallDisk disk(256);
  if (!disk.why_not().empty()) GTEST_SKIP() << disk.why_not();
  PgTestServerOptions options;
  options.base_dir = disk.path();
  // WAL segments are recycled within a few checkpoints, so the data files and the WAL both meet
  // the full disk.
  options.settings = {"max_wal_size = 64MB", "min_wal_size = 32MB"};
  auto pg = PgTestServer::Start(options);
  ASSERT_TRUE(pg.ok()) << ToString(pg.error());
  auto dsn = (*pg)->CreateDatabase("full");
  ASSERT_TRUE(dsn.ok()) << ToString(dsn.error());
  ServerProcess server(MOTCUA_BINARY, ::testing::TempDir() + "/pg-disk-full-serve");
  Session officer;
  const std::string started = testing::StartDemoWithReceptionOfficer(server, *dsn, &officer);
  ASSERT_EQ(started, "") << started;
  httplib::Client http("127.0.0.1", server.port());

  const std::string name = "Phạm Thị Hết Chỗ";
  testing::ReceptionsSeen seen;
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back(
        [&, c] { testing::SendReceptions(server.port(), officer, "full", c, name, stop, seen); });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  ASSERT_GT(seen.Acknowledged(), 0u) << "no reception before the disk filled";

  // No room: the clients get 503s, and receptions stop being acknowledged.
  const std::string ballast = disk.path() + "/ballast";
  const std::int64_t filled = disk.Fill(ballast);
  const int unavailable_before = seen.Count(503) + seen.Count(0);
  const auto full_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (seen.Count(503) + seen.Count(0) < unavailable_before + 8 &&
         std::chrono::steady_clock::now() < full_deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    disk.Fill(ballast + "-more");  // what the database freed meanwhile (a recycled WAL file)
  }
  const std::size_t during = seen.Acknowledged();
  std::printf("ballast %lld MiB; %d answers 503 or none so far\n",
              static_cast<long long>(filled >> 20), seen.Count(503) + seen.Count(0));
  EXPECT_GE(seen.Count(503) + seen.Count(0), unavailable_before + 8) << "the full disk went unseen";

  // Room again. PostgreSQL may have stopped itself (a WAL file it could not grow is a PANIC, and
  // its recovery needs room too): then it is started again, the server is not.
  fs::remove(ballast);
  fs::remove(ballast + "-more");
  auto serving = [&](std::chrono::seconds within) {
    const auto deadline = std::chrono::steady_clock::now() + within;
    while (seen.Acknowledged() < during + 8 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return seen.Acknowledged() >= during + 8;
  };
  bool restarted = false;
  if (!serving(std::chrono::seconds(10))) {
    restarted = true;
    (void)(*pg)->Kill();  // nothing to stop when it stopped itself
    const Status back = (*pg)->Restart();
    ASSERT_TRUE(back.ok()) << ToString(back.error()) << "\n" << (*pg)->LogTail(30);
  }
  EXPECT_TRUE(serving(std::chrono::seconds(30))) << "no recovery\n" << (*pg)->LogTail(30);
  std::printf("serving again%s\n", restarted ? " after PostgreSQL was started again" : "");
  auto ready = http.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200) << ready->body;
  stop = true;
  for (auto& t : clients) t.join();

  for (const auto& [status, count] : seen.statuses) std::printf("status %d: %d\n", status, count);
  std::printf("first 503: %s\n", seen.a_503.c_str());
  EXPECT_EQ(seen.unexpected, std::vector<std::string>{}) << "only 201 and 503 are expected";
  EXPECT_EQ(seen.statuses[500], 0);
  EXPECT_NE(seen.a_503.find("application/problem+json"), std::string::npos) << seen.a_503;

  testing::ExpectEveryAcknowledgedReceptionOnce(http, officer, seen, name);
  server.Stop();
  EXPECT_EQ(testing::PgCount(*dsn, "SELECT count(*) FROM dossiers"),
            static_cast<std::int64_t>(seen.acknowledged.size()));
}

}  // namespace
}  // namespace motcua
