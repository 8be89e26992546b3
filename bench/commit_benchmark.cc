// Durable command commits: SQLite with group commit against SQLite with one fsync per command,
// and PostgreSQL (a private server with fsync on), all with the same command: insert one row and
// append one audit record, in one transaction, acknowledged only once durable.
//
//   ./build/bench/commit_benchmark --benchmark_filter='/threads:16'
//
// items_per_second is durable commands per second; compare the rows with the same thread count.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>

#include "storage/postgres/pg_store.h"
#include "storage/postgres/testing/pg_test_server.h"
#include "storage/sqlite/sqlite_store.h"

namespace motcua {
namespace {

FakeClock kClock(1'770'000'000);

// One command as the application issues it: a small write and its audit record.
Status Command(app::WriteTx& tx, std::int64_t n) {
  identity::Unit unit;
  unit.code = "B" + std::to_string(n % 90 + 10) + "." + std::to_string(n);
  unit.name = "Đơn vị đo " + std::to_string(n);
  MOTCUA_RETURN_IF_ERROR(tx.InsertUnit(unit));
  audit::Record record;
  record.at = kClock.Now();
  record.actor = "bench";
  record.action = "unit.create";
  record.object_type = "unit";
  record.object_id = std::to_string(unit.id);
  record.result = "ok";
  return tx.AppendAudit(record);
}

std::string TempDir() {
  auto dir = std::filesystem::temp_directory_path() / ("motcua-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::atomic<std::int64_t> next_id{0};
std::atomic<std::int64_t> commits{0}, committed{0};

void RunCommands(benchmark::State& state, app::Store& store) {
  if (state.thread_index() == 0) {
    commits = 0;
    committed = 0;
  }
  for (auto _ : state) {
    const std::int64_t n = next_id++;
    Status s = store.Write([n](app::WriteTx& tx) { return Command(tx, n); });
    if (!s.ok()) state.SkipWithError(ToString(s.error()).c_str());
  }
  state.SetItemsProcessed(state.iterations());
  if (state.thread_index() == 0) {
    // Commands per durable commit (per fsync), averaged over the run.
    state.counters["per_commit"] =
        benchmark::Counter(commits ? double(committed) / double(commits) : 0);
  }
}

void CountCommits(app::Store& store) {
  store.SetCommitObserver([](double, int n) {
    ++commits;
    committed += n;
  });
}

// Stores are opened once per configuration and kept for the process's life; threads share them.
app::Store& SqliteStore(int max_batch) {
  static std::mutex mu;
  static std::map<int, std::unique_ptr<app::Store>> stores;
  std::lock_guard lock(mu);
  auto& slot = stores[max_batch];
  if (!slot) {
    const std::string path = TempDir() + "/commit-" + std::to_string(max_batch) + ".db";
    std::filesystem::remove(path);
    auto store = storage::sqlite::SqliteStore::Open({path, 2, 5000, max_batch, &kClock});
    if (!store.ok() || !(*store)->Migrate().ok()) std::abort();
    slot = std::move(*store);
    CountCommits(*slot);
  }
  return *slot;
}

app::Store* PostgresStore() {
  static std::once_flag once;
  static std::unique_ptr<storage::postgres::testing::PgTestServer> server;
  static std::unique_ptr<app::Store> store;
  std::call_once(once, [] {
    auto started = storage::postgres::testing::PgTestServer::Start();
    if (!started.ok()) return;
    server = std::move(*started);
    auto dsn = server->CreateDatabase("bench");
    if (!dsn.ok()) return;
    storage::postgres::PgOptions options;
    options.dsn = *dsn;
    options.pool_size = 20;
    options.clock = &kClock;
    options.tools_dir = server->bin_dir();
    auto opened = storage::postgres::OpenPgStore(options);
    if (!opened.ok() || !(*opened)->Migrate().ok()) return;
    store = std::move(*opened);
    CountCommits(*store);
  });
  return store.get();
}

void BM_SqliteGroupCommit(benchmark::State& state) { RunCommands(state, SqliteStore(256)); }
void BM_SqliteOneFsyncPerCommit(benchmark::State& state) { RunCommands(state, SqliteStore(1)); }
void BM_Postgres(benchmark::State& state) {
  app::Store* store = PostgresStore();
  if (store == nullptr) {
    state.SkipWithError("no PostgreSQL test server");
    return;
  }
  RunCommands(state, *store);
}

// The writer's CPU per command, without fsync or thread hand-offs: 100 commands in one transaction.
void BM_SqliteCommandCpu(benchmark::State& state) {
  app::Store& store = SqliteStore(256);
  for (auto _ : state) {
    Status s = store.Write([](app::WriteTx& tx) -> Status {
      for (int i = 0; i < 100; ++i) MOTCUA_RETURN_IF_ERROR(Command(tx, next_id++));
      return Ok();
    });
    if (!s.ok()) state.SkipWithError(ToString(s.error()).c_str());
  }
  state.SetItemsProcessed(state.iterations() * 100);
}
BENCHMARK(BM_SqliteCommandCpu)->UseRealTime();

BENCHMARK(BM_SqliteOneFsyncPerCommit)
    ->Threads(1)
    ->Threads(16)
    ->Threads(64)
    ->UseRealTime()
    ->MinTime(2);
BENCHMARK(BM_SqliteGroupCommit)->Threads(1)->Threads(16)->Threads(64)->UseRealTime()->MinTime(2);
BENCHMARK(BM_Postgres)->Threads(1)->Threads(16)->UseRealTime()->MinTime(2);

}  // namespace
}  // namespace motcua

BENCHMARK_MAIN();
