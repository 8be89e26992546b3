// HTTP load of full dossier cycles against the real `motcua serve` binary, on SQLite and on
// PostgreSQL (a private server, fsync on), at a few concurrency levels; and, in the same run, the
// raw group-commit rate of the SQLite store (the command of bench/commit_benchmark.cc: one row
// and its audit record per durable transaction) for the ratio.
//
//   dossier_load [--motcua PATH] [--clients 16,64] [--seconds 10] [--backends sqlite,postgres]
//                [--perf FILE]   (perf record -g of the server during the first measured window)
//
// One cycle, each request a durable write answered with the dossier it wrote, each command with
// the version of the previous answer:
//   POST /api/v1/dossiers (reception at the counter, Idempotency-Key)          tiepnhan
//   forward tiep-nhan -> tham-dinh                                              tiepnhan
//   forward tham-dinh -> trinh-duyet                                            chuyenvien
//   forward trinh-duyet -> ky (the division head's approval)                    truongphong
//   issue at ky (signed, the result issued)                                     giamdoc
//   return at tra-ket-qua                                                       tiepnhan
// The procedure (9.999901, competent unit H99.02 where the demo officers work) is imported as
// the demo administrator through POST /api/v1/catalog/imports before the load.
//
// Why the real binary rather than an in-process ApiServer: what is measured is what operators
// run (the production password cost, the request log on stderr, the thread pool, the store as
// `serve` wires it), the server's CPU is measured apart from the clients' (/proc/PID/stat), and
// perf can sample the server alone.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <mutex>

#include "load_fixture.h"
#include "raw_http.h"
#include "server_process.h"
#include "storage/postgres/testing/pg_test_server.h"
#include "storage/sqlite/sqlite_store.h"

namespace motcua {
namespace {

using json = nlohmann::json;
using testing::ServerProcess;
using testing::Session;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string motcua = MOTCUA_BINARY;
  std::vector<int> clients = {16, 64};
  double seconds = 10;
  std::vector<std::string> backends = {"sqlite", "postgres"};
  std::string perf_out;
};

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from <= s.size()) {
    const auto comma = s.find(',', from);
    out.push_back(s.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  return out;
}

// --- the raw group-commit rate (bench/commit_benchmark.cc's command) -------------------------

FakeClock kFakeClock(1'770'000'000);

Status RawCommand(app::WriteTx& tx, std::int64_t n) {
  identity::Unit unit;
  unit.code = "B" + std::to_string(n % 90 + 10) + "." + std::to_string(n);
  unit.name = "Đơn vị đo " + std::to_string(n);
  MOTCUA_RETURN_IF_ERROR(tx.InsertUnit(unit));
  audit::Record record;
  record.at = kFakeClock.Now();
  record.actor = "bench";
  record.action = "unit.create";
  record.object_type = "unit";
  record.object_id = std::to_string(unit.id);
  record.result = "ok";
  return tx.AppendAudit(record);
}

// Durable commands per second with `threads` writers for `seconds` on a fresh SQLite store.
double RawGroupCommitRate(const std::string& dir, int threads, double seconds) {
  const std::string path = dir + "/raw-" + std::to_string(threads) + ".db";
  auto store = storage::sqlite::SqliteStore::Open({path, 2, 5000, 256, &kFakeClock});
  if (!store.ok() || !(*store)->Migrate().ok()) return 0;
  std::atomic<std::int64_t> next{0}, done{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  const auto start = Clock::now();
  for (int t = 0; t < threads; ++t) {
    writers.emplace_back([&] {
      while (!stop) {
        const std::int64_t n = next++;
        if ((*store)->Write([n](app::WriteTx& tx) { return RawCommand(tx, n); }).ok()) ++done;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  const std::int64_t counted = done;
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  stop = true;
  for (auto& w : writers) w.join();
  return counted / elapsed;
}

// --- the load --------------------------------------------------------------------------------

enum Route { kReceive, kForward, kIssue, kReturn, kRoutes };
constexpr const char* kRouteNames[] = {"POST /dossiers (receive)", "commands: forward",
                                       "commands: issue", "commands: return"};

struct Tally {
  std::vector<std::vector<double>> latency_ms = std::vector<std::vector<double>>(kRoutes);
  std::int64_t cycles = 0;
  std::int64_t writes = 0;
  std::int64_t errors = 0;
  std::vector<std::string> samples;  // the first errors, verbatim
};

// One client: whole cycles until `stop`; latencies and writes count only within the window.
// Errors are counted from the start of the window to the end of the run (a request stuck in the
// window and failing later counts).
void RunClient(int index, int port, const bench::Sessions& s, const std::atomic<bool>& measuring,
               const std::atomic<bool>& counting_errors, const std::atomic<bool>& stop,
               Tally& tally) {
  bench::RawHttp http(port);
  auto fail = [&](const std::string& what) {
    if (!counting_errors) return;
    ++tally.errors;
    if (tally.samples.size() < 5) tally.samples.push_back(what);
  };
  using bench::AuthHeaders;
  const std::string reception = AuthHeaders(s.reception), specialist = AuthHeaders(s.specialist),
                    division_head = AuthHeaders(s.division_head),
                    agency_head = AuthHeaders(s.agency_head);
  for (std::int64_t n = 0; !stop; ++n) {
    const bool counted = measuring;
    // Sends one write; returns the answer's id and version, or -1s (counted as an error).
    auto write = [&](Route route, const std::string& who, const std::string& path,
                     const std::string& body, int expected, const std::string& extra = {}) {
      const auto t0 = Clock::now();
      const bench::RawAnswer res = http.Post(path, extra.empty() ? who : who + extra, body);
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      if (res.status != expected) {
        fail(path + " " + body.substr(0, 80) + ": " +
             (res.status != 0 ? std::to_string(res.status) + " " + res.body.substr(0, 300)
                              : res.error));
        return std::pair<std::int64_t, std::int64_t>{-1, -1};
      }
      if (counted && measuring) {
        tally.latency_ms[route].push_back(ms);
        ++tally.writes;
      }
      // Only two numbers of the top level are read (the answer also carries the events and the
      // clock): the client's CPU is taken from the same two cores as the server's.
      return std::pair<std::int64_t, std::int64_t>{bench::TopLevelNumber(res.body, "id"),
                                                   bench::TopLevelNumber(res.body, "version")};
    };
    const std::string key =
        "Idempotency-Key: tai-" + std::to_string(index) + "-" + std::to_string(n) + "\r\n";
    auto [id, version] =
        write(kReceive, reception, "/api/v1/dossiers", bench::ReceptionBody(index, n), 201, key);
    if (version < 0) continue;
    const std::string path = "/api/v1/dossiers/" + std::to_string(id) + "/commands";
    struct Step {
      Route route;
      const std::string* who;
      const char* command;  // the command's JSON without its closing brace and version
    };
    const Step steps[] = {
        {kForward, &reception, R"({"command":"forward")"},
        {kForward, &specialist, R"({"command":"forward","reason":"Đủ điều kiện")"},
        {kForward, &division_head, R"({"command":"forward","reason":"Đồng ý trình ký")"},
        {kIssue, &agency_head, R"({"command":"issue","reference":"123/GCN")"},
        {kReturn, &reception, R"({"command":"return","return_method":"counter")"},
    };
    bool whole = true;
    for (const Step& step : steps) {
      const std::string command =
          std::string(step.command) + ",\"version\":" + std::to_string(version) + "}";
      version = write(step.route, *step.who, path, command, 200).second;
      if (version < 0) {
        whole = false;
        break;
      }
    }
    if (whole && counted && measuring) ++tally.cycles;
  }
}

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
  return v[i];
}

// utime + stime of a process, in seconds.
double CpuSeconds(pid_t pid) {
  const std::string stat = testing::ReadFile("/proc/" + std::to_string(pid) + "/stat");
  std::istringstream in(stat.substr(stat.rfind(')') + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && in >> field; ++i) {
    if (i == 14 || i == 15) ticks += std::stod(field);
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double SelfCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct LevelResult {
  std::string backend;
  int clients = 0;
  double seconds = 0;
  Tally total;
  double server_cpu = 0, client_cpu = 0;
};

// One backend at one concurrency level on a fresh database. Returns false on a setup failure.
bool RunLevel(const Options& o, const std::string& backend, const std::string& dsn,
              const std::string& dir, int clients, bool perf, LevelResult& out) {
  ServerProcess server(o.motcua, dir + "/serve-" + backend + "-" + std::to_string(clients));
  const std::string e = server.Start(
      {"--demo", "--dsn", dsn, "--listen", "127.0.0.1:0", "--threads", std::to_string(clients + 8)},
      std::chrono::seconds(120));
  if (!e.empty()) {
    std::printf("%s: %s\n", backend.c_str(), e.c_str());
    return false;
  }
  httplib::Client http("127.0.0.1", server.port());
  bench::Sessions s;
  const std::string error = bench::PrepareLoad(http, server.Passwords(), s);
  if (!error.empty()) {
    std::printf("%s: %s\n", backend.c_str(), error.c_str());
    return false;
  }

  std::atomic<bool> measuring{false}, counting_errors{false}, stop{false};
  std::vector<Tally> tallies(static_cast<std::size_t>(clients));
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back(RunClient, c, server.port(), std::cref(s), std::cref(measuring),
                         std::cref(counting_errors), std::cref(stop),
                         std::ref(tallies[static_cast<std::size_t>(c)]));
  }
  std::this_thread::sleep_for(std::chrono::seconds(2));  // warm-up: connections, caches
  pid_t perf_pid = -1;
  if (perf) {
    const std::string pid = std::to_string(server.pid());
    std::fflush(nullptr);
    perf_pid = fork();
    if (perf_pid == 0) {
      execlp("perf", "perf", "record", "--call-graph", "dwarf,16384", "-F", "250", "-p",
             pid.c_str(), "-o", o.perf_out.c_str(), "--quiet", static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  const double server_cpu0 = CpuSeconds(server.pid()), client_cpu0 = SelfCpuSeconds();
  const auto t0 = Clock::now();
  measuring = true;
  counting_errors = true;
  std::this_thread::sleep_for(std::chrono::duration<double>(o.seconds));
  measuring = false;
  out.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  out.server_cpu = CpuSeconds(server.pid()) - server_cpu0;
  out.client_cpu = SelfCpuSeconds() - client_cpu0;
  if (perf_pid > 0) {
    kill(perf_pid, SIGINT);
    waitpid(perf_pid, nullptr, 0);
  }
  stop = true;
  for (auto& t : threads) t.join();
  server.Stop();
  out.backend = backend;
  out.clients = clients;
  for (auto& t : tallies) {
    for (int r = 0; r < kRoutes; ++r) {
      out.total.latency_ms[r].insert(out.total.latency_ms[r].end(), t.latency_ms[r].begin(),
                                     t.latency_ms[r].end());
    }
    out.total.cycles += t.cycles;
    out.total.writes += t.writes;
    out.total.errors += t.errors;
    for (auto& m : t.samples) {
      if (out.total.samples.size() < 5) out.total.samples.push_back(m);
    }
  }
  return true;
}

void Print(LevelResult& r) {
  const double commands = r.total.writes / r.seconds;
  if (r.total.writes == 0) {
    std::printf(
        "\n%s, %d clients, %.1f s: no request answered in the window (stalled), errors %lld\n",
        r.backend.c_str(), r.clients, r.seconds, static_cast<long long>(r.total.errors));
    for (const auto& m : r.total.samples) std::printf("  error: %s\n", m.c_str());
    std::fflush(stdout);
    return;
  }
  std::printf(
      "\n%s, %d clients, %.1f s: %.0f cycles/s, %.0f commands/s, errors %lld; server CPU %.0f "
      "us/command, client CPU %.0f us/command\n",
      r.backend.c_str(), r.clients, r.seconds, r.total.cycles / r.seconds, commands,
      static_cast<long long>(r.total.errors),
      1e6 * r.server_cpu / std::max<double>(1, r.total.writes),
      1e6 * r.client_cpu / std::max<double>(1, r.total.writes));
  std::printf("  %-26s %9s %8s %8s %8s %8s\n", "route", "requests", "p50 ms", "p95 ms", "p99 ms",
              "max ms");
  for (int i = 0; i < kRoutes; ++i) {
    auto& v = r.total.latency_ms[i];
    const double max = v.empty() ? 0 : *std::max_element(v.begin(), v.end());
    std::printf("  %-26s %9zu %8.2f %8.2f %8.2f %8.1f\n", kRouteNames[i], v.size(),
                Percentile(v, 0.50), Percentile(v, 0.95), Percentile(v, 0.99), max);
  }
  for (const auto& m : r.total.samples) std::printf("  error: %s\n", m.c_str());
  std::fflush(stdout);
}

int Main(const Options& o) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("motcua-load-" + std::to_string(getpid())))
          .string();
  std::filesystem::create_directories(dir);
  std::unique_ptr<storage::postgres::testing::PgTestServer> pg;
  int failures = 0;
  bool perf = !o.perf_out.empty();
  std::vector<LevelResult> results;
  for (const auto& backend : o.backends) {
    for (int clients : o.clients) {
      std::string dsn;
      if (backend == "sqlite") {
        dsn = "sqlite:" + dir + "/load-" + std::to_string(clients) + ".db";
      } else if (backend == "postgres") {
        if (!pg) {
          auto started = storage::postgres::testing::PgTestServer::Start();
          if (!started.ok()) {
            std::printf("postgres: no test server: %s\n", ToString(started.error()).c_str());
            ++failures;
            break;
          }
          pg = std::move(*started);
        }
        auto created = pg->CreateDatabase("load" + std::to_string(clients));
        if (!created.ok()) {
          std::printf("postgres: %s\n", ToString(created.error()).c_str());
          ++failures;
          continue;
        }
        dsn = *created;
      } else {
        std::printf("unknown backend %s\n", backend.c_str());
        return 2;
      }
      LevelResult r;
      if (!RunLevel(o, backend, dsn, dir, clients, perf, r)) {
        ++failures;
        continue;
      }
      perf = false;
      Print(r);
      if (r.total.errors > 0) ++failures;
      results.push_back(std::move(r));
    }
  }

  // The raw group-commit rate of the same machine, in the same run.
  std::printf("\nraw SQLite group commit (bench/commit_benchmark's command), same run:\n");
  for (int clients : o.clients) {
    const double raw = RawGroupCommitRate(dir, clients, 3);
    std::printf("  %d writers: %.0f commands/s\n", clients, raw);
    std::fflush(stdout);
    for (auto& r : results) {
      if (r.backend == "sqlite" && r.clients == clients) {
        std::printf("    HTTP dossier commands at %d clients: %.0f/s = 1/%.2f of raw\n", clients,
                    r.total.writes / r.seconds, raw / (r.total.writes / r.seconds));
      }
    }
  }
  pg.reset();
  std::filesystem::remove_all(dir);
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace motcua

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  motcua::Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--motcua") {
      o.motcua = value;
    } else if (flag == "--clients") {
      o.clients.clear();
      for (const auto& c : motcua::Split(value)) o.clients.push_back(std::stoi(c));
    } else if (flag == "--seconds") {
      o.seconds = std::stod(value);
    } else if (flag == "--backends") {
      o.backends = motcua::Split(value);
    } else if (flag == "--perf") {
      o.perf_out = value;
    } else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  return motcua::Main(o);
}
