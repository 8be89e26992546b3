// The disk filling up under load: the real server on SQLite, counter receptions from a few
// clients, and the server's file size limit (RLIMIT_FSIZE, lowered and raised on the running
// process with prlimit) set below the size its WAL has reached, so that every commit finds no
// room, as on a full disk. While there is no room the server answers 503 with a problem naming
// the cause (never 500, never a crash) and /readyz says so; once there is room again it serves
// without a restart. Then the limit is hit again and the server is killed while its WAL holds a
// write that did not fit: it starts again on that WAL. In the end every reception answered 201
// exists with its events, each key sent again gives the same dossier, the database holds exactly
// one dossier per key and passes SQLite's integrity check.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "reception_clients.h"
#include "server_process.h"

namespace motcua {
namespace {

using testing::ServerProcess;
using testing::Session;

// Sets the soft file size limit of process `pid` (the hard one stays): `bytes`, or none.
bool SetFileSizeLimit(pid_t pid, rlim_t bytes) {
  rlimit old{};
  if (prlimit(pid, RLIMIT_FSIZE, nullptr, &old) != 0) return false;
  const rlimit limit{bytes, old.rlim_max};
  return prlimit(pid, RLIMIT_FSIZE, &limit, nullptr) == 0;
}

std::uintmax_t FileSize(const std::filesystem::path& p) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(p, ec);
  return ec ? 0 : size;
}

// One scalar from the stopped server's database.
std::string Scalar(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  std::string out = "cannot open " + path;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(st, 0);
      out = text ? reinterpret_cast<const char*>(text) : "NULL";
    } else {
      out = std::string(sql) + ": " + sqlite3_errmsg(db);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

class DiskFullTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() / ("motcua-disk-full-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    server_ = std::make_unique<ServerProcess>(MOTCUA_BINARY, (dir_ / "serve").string());
    const int port = testing::FreePort();
    args_ = {
        "--demo",    "--dsn", "sqlite:" + db(), "--listen", "127.0.0.1:" + std::to_string(port),
        "--threads", "16"};
  }
  void TearDown() override {
    server_->Kill();
    if (!HasFailure()) std::filesystem::remove_all(dir_);
  }

  std::string db() const { return (dir_ / "m.db").string(); }
  std::size_t Acknowledged() { return seen_.Acknowledged(); }
  int Count(int status) { return seen_.Count(status); }
  // Waits up to `limit` for `done`.
  template <typename F>
  static bool WaitFor(F done, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
  }
  // A limit below the size the WAL (the file every commit appends to) has reached: the next
  // commit finds no room. The size is read while the clients are sending, so a commit may be
  // half-written at that moment: a limit at the size would leave that commit's written part as
  // room, too little for a reception but enough for the one-page probe behind /readyz (which
  // then says "ready"). A mebibyte below the size, more than any commit of four clients (about
  // 65 kB a reception), no write finds room. The server's log (stderr) is well below it, so it
  // can still be written.
  rlim_t NoRoom() {
    constexpr std::uintmax_t kMargin = 1024 * 1024;
    const auto wal = FileSize(dir_ / "m.db-wal");
    const auto log = FileSize(server_->ErrPath());
    EXPECT_GT(wal, log + kMargin + 512 * 1024) << "the WAL is not far enough beyond the log";
    return wal - kMargin;
  }
  // A limit a little past the WAL's size: room for two frames (a page and its 24-byte header)
  // and a part of a third. A reception needs more, so it writes what fits and fails, and the WAL
  // ends in frames of a commit that never happened. Read while the limit is below the WAL, when
  // no write can add to it: a commit running past the new limit before it is set would leave
  // the WAL beyond it, and every later write refused before writing anything.
  rlim_t RoomForAFewFrames() {
    const auto wal = FileSize(dir_ / "m.db-wal");
    EXPECT_GT(wal, FileSize(server_->ErrPath()) + 512 * 1024) << "the WAL is not beyond the log";
    return wal + 2 * (4096 + 24) + 1000;
  }

  void RunClient(int c, const Session& officer, const std::atomic<bool>& stop) {
    testing::SendReceptions(port(), officer, "full", c, "Lê Thị Đầy Đĩa", stop, seen_,
                            std::chrono::milliseconds(10));
  }

  int port() const { return std::stoi(args_[4].substr(args_[4].rfind(':') + 1)); }

  std::filesystem::path dir_;
  std::vector<std::string> args_;
  std::unique_ptr<ServerProcess> server_;
  testing::ReceptionsSeen seen_;
};

TEST_F(DiskFullTest, AnswersServiceUnavailableWhileThereIsNoRoomAndServesAgainWhenThereIs) {
  const std::string started = server_->Start(args_);
  ASSERT_EQ(started, "") << started;
  httplib::Client http("127.0.0.1", port());
  std::string error;
  const Session officer =
      testing::Login(http, "tiepnhan", server_->Passwords()["tiepnhan"], &error);
  ASSERT_EQ(error, "");
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) clients.emplace_back([&, c] { RunClient(c, officer, stop); });
  auto finish = [&] {
    stop = true;
    for (auto& t : clients) t.join();
  };

  ASSERT_TRUE(WaitFor([&] { return Acknowledged() >= 20; }, std::chrono::seconds(20)));
  // 1. No room: every write is a 503 naming the cause, reads still work, /readyz says so.
  ASSERT_TRUE(SetFileSizeLimit(server_->pid(), NoRoom())) << std::strerror(errno);
  const int before_503 = Count(503);
  ASSERT_TRUE(WaitFor([&] { return Count(503) >= before_503 + 8; }, std::chrono::seconds(10)))
      << "no 503 while there is no room";
  const std::size_t during = Acknowledged();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  EXPECT_EQ(Acknowledged(), during) << "a reception was acknowledged while there was no room";
  auto ready = http.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 503) << ready->body;
  EXPECT_NE(ready->body.find("storage is full"), std::string::npos) << ready->body;
  std::int64_t first = 0;
  {
    std::lock_guard lock(seen_.mu);
    first = seen_.acknowledged.begin()->second;
  }
  auto read = http.Get("/api/v1/dossiers/" + std::to_string(first), officer.Headers());
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, 200) << "reads need no room: " << read->body;

  // 2. Room again: the same server serves, without a restart.
  ASSERT_TRUE(SetFileSizeLimit(server_->pid(), RLIM_INFINITY));
  EXPECT_TRUE(WaitFor([&] { return Acknowledged() >= during + 8; }, std::chrono::seconds(15)))
      << "no recovery within 15 s once there was room";
  ready = http.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200) << ready->body;

  // 3. No room again, and the server killed while its WAL ends in a write that did not fit: it
  // starts on that WAL, and the clients' pending keys go through.
  ASSERT_TRUE(SetFileSizeLimit(server_->pid(), NoRoom()));
  const int before_few = Count(503);
  ASSERT_TRUE(WaitFor([&] { return Count(503) >= before_few + 4; }, std::chrono::seconds(10)));
  const rlim_t few_frames = RoomForAFewFrames();
  ASSERT_TRUE(SetFileSizeLimit(server_->pid(), few_frames));
  const int before_kill = Count(503);
  ASSERT_TRUE(WaitFor([&] { return Count(503) >= before_kill + 8; }, std::chrono::seconds(10)));
  server_->Kill();
  EXPECT_EQ(FileSize(dir_ / "m.db-wal"), few_frames) << "the WAL is not filled to the limit";
  const std::size_t at_kill = Acknowledged();
  const std::string restarted = server_->Start(args_);
  ASSERT_EQ(restarted, "") << restarted;
  EXPECT_TRUE(WaitFor([&] { return Acknowledged() >= at_kill + 8; }, std::chrono::seconds(15)))
      << "no reception acknowledged within 15 s after the restart";
  finish();

  for (const auto& [status, count] : seen_.statuses) std::printf("status %d: %d\n", status, count);
  std::printf("acknowledged: %zu\nthe first 503: %s\n", seen_.acknowledged.size(),
              seen_.a_503.c_str());
  EXPECT_EQ(seen_.unexpected, std::vector<std::string>{}) << "only 201 and 503 are expected";
  EXPECT_EQ(seen_.statuses[500], 0);
  EXPECT_NE(seen_.a_503.find("application/problem+json"), std::string::npos) << seen_.a_503;
  EXPECT_NE(seen_.a_503.find("unavailable/storage-full"), std::string::npos) << seen_.a_503;
  EXPECT_NE(seen_.a_503.find("storage is full"), std::string::npos) << seen_.a_503;
  // The operator's side: the log names the cause.
  EXPECT_NE(testing::ReadFile(dir_ / "serve-1.err").find("storage is full"), std::string::npos);

  // Every acknowledged dossier exists with its events; each key once more: the same dossier.
  testing::ExpectEveryAcknowledgedReceptionOnce(http, officer, seen_, "Lê Thị Đầy Đĩa");
  http.stop();
  EXPECT_EQ(server_->Stop(), 0);
  // Every key sent was answered 201 in the end: exactly one dossier per key, each with events.
  EXPECT_EQ(Scalar(db(), "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(Scalar(db(), "SELECT count(*) FROM dossiers"),
            std::to_string(seen_.acknowledged.size()));
  EXPECT_EQ(Scalar(db(),
                   "SELECT count(*) FROM dossiers d WHERE NOT EXISTS "
                   "(SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id)"),
            "0");
}

}  // namespace
}  // namespace motcua
