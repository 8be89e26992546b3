// PostgreSQL stopped and started under load (issue 8): the real server on a private PostgreSQL,
// counter receptions from a few clients, and the database killed (immediate stop, as a crash)
// and restarted twice. While it is away the server answers 503, never 500, and /readyz says
// so; once it is back the server serves again on its own, without a restart; every reception
// answered 201 exists afterwards with its events, and each key sent again gives the same
// dossier and creates nothing.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "pg_count.h"
#include "reception_clients.h"
#include "server_process.h"
#include "storage/postgres/testing/pg_test_server.h"

namespace motcua {
namespace {

using json = nlohmann::json;
using storage::postgres::testing::PgTestServer;
using testing::ServerProcess;
using testing::Session;

TEST(PgOutage, AnswersServiceUnavailableWhileTheDatabaseIsAwayAndRecoversOnItsOwn) {
  auto pg = PgTestServer::Start();
  ASSERT_TRUE(pg.ok()) << ToString(pg.error());
  auto dsn = (*pg)->CreateDatabase("outage");
  ASSERT_TRUE(dsn.ok()) << ToString(dsn.error());
  ServerProcess server(MOTCUA_BINARY, ::testing::TempDir() + "/pg-outage-serve");
  Session officer;
  const std::string started = testing::StartDemoWithReceptionOfficer(server, *dsn, &officer);
  ASSERT_EQ(started, "") << started;
  httplib::Client http("127.0.0.1", server.port());

  testing::ReceptionsSeen seen;
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&, c] {
      testing::SendReceptions(server.port(), officer, "outage", c, "Trần Văn Mất Điện", stop, seen);
    });
  }

  auto acknowledged = [&] { return seen.Acknowledged(); };
  for (int cycle = 0; cycle < 2; ++cycle) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    ASSERT_TRUE((*pg)->Kill().ok());
    const std::size_t before = acknowledged();
    std::this_thread::sleep_for(std::chrono::seconds(2));
    // Away: readiness says so, and the clients get 503s (counted below).
    auto ready = http.Get("/readyz");
    ASSERT_TRUE(ready);
    EXPECT_EQ(ready->status, 503) << ready->body;
    const std::size_t during = acknowledged();
    EXPECT_LE(during - before, 4u) << "only requests in flight when it went away may succeed";
    const Status back = (*pg)->Restart();
    ASSERT_TRUE(back.ok()) << ToString(back.error());
    // Back on its own: receptions succeed again within a few seconds, without a server restart.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (acknowledged() < during + 8 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_GE(acknowledged(), during + 8) << "cycle " << cycle << ": no recovery within 15 s";
    std::printf(
        "cycle %d: serving again %.1f s after the restart\n", cycle,
        15 - std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count());
    ready = http.Get("/readyz");
    ASSERT_TRUE(ready);
    EXPECT_EQ(ready->status, 200) << ready->body;
  }
  stop = true;
  for (auto& t : clients) t.join();

  for (const auto& [status, count] : seen.statuses) std::printf("status %d: %d\n", status, count);
  EXPECT_EQ(seen.unexpected, std::vector<std::string>{}) << "only 201 and 503 are expected";
  EXPECT_GT(seen.statuses[503], 0) << "the outage was not seen by any client";
  EXPECT_EQ(seen.statuses[500], 0);

  // Every acknowledged dossier exists with its events; each key once more: the same dossier.
  testing::ExpectEveryAcknowledgedReceptionOnce(http, officer, seen, "Trần Văn Mất Điện");
  server.Stop();
  // Every key sent was answered 201 in the end (a client sends a key again until it is): the
  // database holds exactly one dossier per key.
  EXPECT_EQ(testing::PgCount(*dsn, "SELECT count(*) FROM dossiers"),
            static_cast<std::int64_t>(seen.acknowledged.size()));
}

}  // namespace
}  // namespace motcua
