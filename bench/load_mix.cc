// A realistic mix of requests at a set rate for a set time, open loop: lookups by code and
// secret, work queues, dossier pages, receptions, forwards through the whole workflow, pauses
// and resumes, statistics and the public figures. Prints the rate achieved, and per route the
// requests, p50/p95/p99/max and errors.
//
//   load_mix [--rate 300] [--seconds 30] [--connections 32] [--prefill 300]
//            [--backend sqlite|postgres] [--motcua PATH]     (starts its own server, as `--demo`)
//   load_mix --target HOST:PORT --passwords FILE ...          (a running `motcua serve --demo`;
//                                                             FILE: what it printed on stdout)
//   load_mix --backend postgres --servers 2 ...               (scale-out, below)
//   load_mix --backend postgres --pg-restarts 2 ...           (PostgreSQL killed and restarted
//                                                             during the mix, below)
//   load_mix --backend postgres --servers 2 --server-kills 4  (one of the servers killed with
//                                                             SIGKILL and started again, below)
//
// With --pg-restarts N the private PostgreSQL is killed (immediate stop, as a crash) N times
// during the mix, evenly spaced, and restarted 2 s later. The driver prints the failed requests
// by status, inside the outages (from the kill to 5 s after the restart) and outside them: inside
// only 503 (or no answer) is expected, outside nothing. Afterwards every reception answered 201 is
// read back (missing: acknowledged-lost) and sent again with its Idempotency-Key (another dossier:
// duplicated).
//
// Scale-out: two servers on one PostgreSQL database, behind nginx when it is installed (else
// the connections alternate between the servers). Both run their background work every second
// and deliver every notification to a webhook kept by this driver. After the load the driver
// waits for the outbox to drain and checks that every message was delivered exactly once (the
// delivery lease and the claims must keep the two servers from sending one message twice), and
// says which server did the background work.
//
// With --server-kills N (scale-out only) the servers are killed in turn with SIGKILL, N times
// evenly spaced, and each started again 2 s later (--down-seconds) on its port. As with
// --pg-restarts the driver sorts the failures into inside the outages (no answer, 502 from nginx
// for a request the dead server held, 503) and outside them (none expected), and checks every
// acknowledged reception. The background work goes on on the other server once the dead one's lease
// expires. A server killed between a delivery and its record sends that message again on its next
// round: then every message must be delivered at least once, and a duplicate carries the same
// Idempotency-Key for the receiver to drop.
//
// Open loop: request i is due at start + i / rate whatever the answers before it, and its latency
// counts from that instant, so a server that falls behind shows it in the percentiles instead of
// slowing the driver down (no coordinated omission). Each connection sends the requests due on
// it in turn; "late" counts the requests that left more than 10 ms after their instant because
// the connection was still waiting for an earlier answer (add connections when it is not small).
//
// With --slowloris N, N more connections to the front (nginx, or the server) send a request's
// headers a byte a second and never end them, during the whole mix: the mix's latencies and
// errors show whether everyone else is still served; the driver counts the slow connections the
// other side cut off (the server's read timeout, nginx's client_header_timeout).
//
// A server started here gets --lookups-per-minute 100000: the public lookup is rate-limited per
// client address and every request comes from 127.0.0.1. Against a target, start it so.
#include <libpq-fe.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>

#include "common/time.h"
#include "load_fixture.h"
#include "raw_http.h"
#include "storage/postgres/testing/pg_test_server.h"

namespace motcua {
namespace {

using Clock = std::chrono::steady_clock;
using bench::AuthHeaders;

struct Options {
  std::string motcua = MOTCUA_BINARY;
  std::string backend = "sqlite";
  std::string target;  // HOST:PORT of a running server
  std::string passwords_file;
  double rate = 300;
  double seconds = 30;
  int connections = 32;
  int prefill = 300;
  int servers = 1;  // 2: scale-out on PostgreSQL
  int pg_restarts = 0;
  int server_kills = 0;
  double down_seconds = 2;  // how long a killed server (or PostgreSQL) stays down
  int slowloris = 0;        // connections that send their headers a byte a second, never ending
};

// Something broken `times` times during the mix, evenly spaced: `down(k)`, then `up(k)` 2 s
// later (k = 1..times). The outage counts from `down` to 5 s after `up`.
struct Outages {
  int times = 0;
  std::string what;  // "PostgreSQL restarts", "server kills"
  std::function<Status(int)> down, up;
};

// --- the mix ----------------------------------------------------------------------------------

enum Route {
  kLookup,
  kQueueMine,
  kQueueOpen,
  kDossierPage,
  kReceive,
  kForward,
  kPause,
  kResume,
  kStatistics,
  kPublicFigures,
  kRoutes
};
constexpr const char* kRouteNames[] = {
    "GET /lookup",         "GET /queues/mine", "GET /queues/open",
    "GET /dossiers/{id}",  "POST /dossiers",   "commands: forward/issue/return",
    "commands: pause",     "commands: resume", "GET /reports/statistics",
    "GET /public/figures",
};
// Out of every 100 requests. Resumes are not drawn: a forward that meets a paused dossier resumes
// it, so there are about as many resumes as pauses.
constexpr int kWeights[kRoutes] = {30, 10, 8, 14, 10, 18, 3, 0, 4, 3};

// A dossier the driver knows: for lookups and pages, and, while it is in the workflow, for
// commands. `step` is the index in the load procedure's workflow (0 reception .. 4 return, 5
// done).
struct Known {
  std::int64_t id = 0;
  std::string code, secret;
  int connection = 0;  // the reception's Idempotency-Key and body: ReceptionKey(connection, n)
  std::int64_t n = 0;
};
struct InFlight {
  std::int64_t id = 0, version = 0;
  int step = 0;
  bool paused = false;
  // The last command failed without a clear answer (503 or none: the database went away, maybe
  // after COMMIT): read the version before the next one; one more means it was made.
  enum class Unsure { kNo, kStep, kPause, kResume } unsure = Unsure::kNo;
};

// What the connections share. Each dossier in `in_flight` is taken by one connection at a time,
// so commands never race each other (a 409 here would be a driver bug, counted as an error).
struct Shared {
  std::mutex mu;
  std::vector<Known> known;
  std::deque<InFlight> in_flight;
  std::int64_t next_reception = 0;

  void AddReceived(Known k, std::int64_t version) {
    std::lock_guard lock(mu);
    in_flight.push_back({k.id, version, 0, false});
    known.push_back(std::move(k));
  }
  bool PickKnown(std::mt19937_64& rng, Known& out) {
    std::lock_guard lock(mu);
    if (known.empty()) return false;
    out = known[std::uniform_int_distribution<std::size_t>(0, known.size() - 1)(rng)];
    return true;
  }
  // The oldest dossier in the workflow; for a pause, the oldest at the appraisal step not paused.
  bool Take(bool for_pause, InFlight& out) {
    std::lock_guard lock(mu);
    for (auto it = in_flight.begin(); it != in_flight.end(); ++it) {
      if (for_pause && (it->step != 1 || it->paused)) continue;
      out = *it;
      in_flight.erase(it);
      return true;
    }
    return false;
  }
  void Put(const InFlight& d) {
    std::lock_guard lock(mu);
    if (d.step < 5) in_flight.push_back(d);
  }
};

struct Tally {
  std::vector<std::vector<double>> latency_ms = std::vector<std::vector<double>>(kRoutes);
  std::vector<std::int64_t> errors = std::vector<std::int64_t>(kRoutes, 0);
  std::int64_t late = 0;
  std::vector<std::string> samples;
  std::vector<std::pair<Clock::time_point, int>> failures;  // when answered, status (0: none)
};

// The status at the start of an error of Connection::Send ("503 {...}"), 0 for no answer.
int StatusOf(const std::string& error) {
  int status = 0;
  for (char c : error) {
    if (c < '0' || c > '9') break;
    status = status * 10 + (c - '0');
  }
  return status >= 100 && status < 600 ? status : 0;
}

std::string ReceptionKey(int connection, std::int64_t n) {
  return "Idempotency-Key: mix-" + std::to_string(::getpid()) + "-" + std::to_string(connection) +
         "-" + std::to_string(n) + "\r\n";
}

struct Target {
  std::string host;
  int port = 0;
};

// Slowloris beside the mix: `n` connections to `target`, each sending a request's headers one
// byte a second and never ending them; a connection the other side closes is opened again.
// Counts the connections the other side cut off.
class Slowloris {
 public:
  Slowloris(const Target& target, int n) {
    if (n <= 0) return;
    thread_ = std::thread([this, target, n] { Run(target, n); });
  }
  ~Slowloris() { Stop(); }
  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  int cut_off() const { return cut_off_; }
  int opened() const { return opened_; }

 private:
  int Open(const Target& target) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(target.port));
    inet_pton(AF_INET, target.host.c_str(), &addr.sin_addr);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close(fd);
      return -1;
    }
    ++opened_;
    return fd;
  }
  void Run(const Target& target, int n) {
    static const std::string request =
        "GET /api/v1/public/figures HTTP/1.1\r\nHost: x\r\nX-Slow: "
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    std::vector<std::pair<int, std::size_t>> conns;  // socket, bytes sent
    for (int i = 0; i < n; ++i) conns.emplace_back(Open(target), 0);
    while (!stop_) {
      for (auto& [fd, sent] : conns) {
        const char byte = request[std::min(sent, request.size() - 1)];
        if (fd < 0 || send(fd, &byte, 1, MSG_NOSIGNAL) != 1) {
          if (fd >= 0) {
            ++cut_off_;
            close(fd);
          }
          fd = Open(target);
          sent = 0;
        } else {
          ++sent;
        }
      }
      for (int i = 0; i < 10 && !stop_; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
    for (auto& c : conns) {
      if (c.first >= 0) close(c.first);
    }
  }
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::atomic<int> cut_off_{0};
  std::atomic<int> opened_{0};
};

class Connection {
 public:
  Connection(const Target& t, const bench::Sessions& s, Shared& shared, int index)
      : http_(t.port, t.host),
        shared_(shared),
        index_(index),
        rng_(static_cast<std::uint64_t>(index) * 7919 + 17),
        reception_(AuthHeaders(s.reception)),
        specialist_(AuthHeaders(s.specialist)),
        division_head_(AuthHeaders(s.division_head)),
        agency_head_(AuthHeaders(s.agency_head)) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char month[8];
    std::strftime(month, sizeof month, "%Y-%m", &local);
    month_ = month;
  }

  // One request of `route` (another when the mix has nothing for it yet); returns the route
  // actually sent and whether it was answered as expected.
  std::pair<Route, bool> Send(Route route, std::string& error) {
    switch (route) {
      case kLookup: {
        Known k;
        if (!shared_.PickKnown(rng_, k)) return Send(kReceive, error);
        return {route,
                Expect(http_.Get("/api/v1/lookup?code=" + k.code + "&secret=" + k.secret, ""), 200,
                       error)};
      }
      case kQueueMine:
        return {route, Expect(http_.Get("/api/v1/queues/mine?limit=50", specialist_), 200, error)};
      case kQueueOpen:
        return {route,
                Expect(http_.Get("/api/v1/queues/open?limit=50", division_head_), 200, error)};
      case kDossierPage: {
        Known k;
        if (!shared_.PickKnown(rng_, k)) return Send(kReceive, error);
        return {route, Expect(http_.Get("/api/v1/dossiers/" + std::to_string(k.id), agency_head_),
                              200, error)};
      }
      case kReceive: return {route, Receive(error)};
      case kForward:
      case kResume: return Advance(error);
      case kPause: return Pause(error);
      case kStatistics:
        return {route, Expect(http_.Get("/api/v1/reports/statistics?unit=H99.02&period=" + month_,
                                        agency_head_),
                              200, error)};
      case kPublicFigures:
        return {route, Expect(http_.Get("/api/v1/public/figures?unit=H99&month=" + month_, ""), 200,
                              error)};
      case kRoutes: break;
    }
    return {route, false};
  }

  bool Receive(std::string& error) {
    std::int64_t n;
    {
      std::lock_guard lock(shared_.mu);
      n = shared_.next_reception++;
    }
    const bench::RawAnswer a = http_.Post("/api/v1/dossiers", reception_ + ReceptionKey(index_, n),
                                          bench::ReceptionBody(index_, n));
    if (!Expect(a, 201, error)) return false;
    Known k;
    k.connection = index_;
    k.n = n;
    k.id = bench::TopLevelNumber(a.body, "id");
    k.code = bench::TopLevelString(a.body, "code");
    k.secret = bench::TopLevelString(a.body, "secret");
    const std::int64_t version = bench::TopLevelNumber(a.body, "version");
    if (k.id < 0 || version < 0 || k.code.empty() || k.secret.empty()) {
      error = "POST /dossiers: no id, version, code or secret in " + a.body.substr(0, 200);
      return false;
    }
    shared_.AddReceived(std::move(k), version);
    return true;
  }

  // An acknowledged reception once more: read back (else `lost`), and sent again with its key
  // (another dossier: `duplicated`).
  void Recheck(const Known& k, bool& lost, bool& duplicated) {
    lost = http_.Get("/api/v1/dossiers/" + std::to_string(k.id), agency_head_).status != 200;
    const bench::RawAnswer again =
        http_.Post("/api/v1/dossiers", reception_ + ReceptionKey(k.connection, k.n),
                   bench::ReceptionBody(k.connection, k.n));
    duplicated = again.status != 201 || bench::TopLevelNumber(again.body, "id") != k.id;
  }

 private:
  // The next command of a dossier in the workflow: resume when paused, else the step's command.
  std::pair<Route, bool> Advance(std::string& error) {
    InFlight d;
    if (!shared_.Take(false, d)) return {kReceive, Receive(error)};
    if (!Settle(d, error)) {
      shared_.Put(d);
      return {kDossierPage, false};
    }
    if (d.step >= 5) return {kReceive, Receive(error)};  // the return in doubt was made
    static constexpr const char* kStepCommand[] = {
        R"({"command":"forward")",
        R"({"command":"forward","reason":"Đủ điều kiện")",
        R"({"command":"forward","reason":"Đồng ý trình ký")",
        R"({"command":"issue","reference":"123/GCN")",
        R"({"command":"return","return_method":"counter")",
    };
    const std::string* who[] = {&reception_, &specialist_, &division_head_, &agency_head_,
                                &reception_};
    const Route route = d.paused ? kResume : kForward;
    const std::string body =
        d.paused
            ? R"({"command":"resume","reason":"Đã có kết quả giám định","version":)" +
                  std::to_string(d.version) + "}"
            : std::string(kStepCommand[d.step]) + ",\"version\":" + std::to_string(d.version) + "}";
    const bool ok = Command(d, *who[d.step], body, error);
    if (ok) {
      if (d.paused) {
        d.paused = false;
      } else {
        ++d.step;
      }
    } else if (Unclear(error)) {
      d.unsure = d.paused ? InFlight::Unsure::kResume : InFlight::Unsure::kStep;
    }
    shared_.Put(d);
    return {route, ok};
  }

  std::pair<Route, bool> Pause(std::string& error) {
    InFlight d;
    if (!shared_.Take(true, d)) return Advance(error);
    if (!Settle(d, error)) {
      shared_.Put(d);
      return {kDossierPage, false};
    }
    if (d.paused || d.step != 1) {  // the pause in doubt was made
      shared_.Put(d);
      return Advance(error);
    }
    const bool ok = Command(d, specialist_,
                            R"({"command":"pause","pause":"expert-assessment",)"
                            R"("reason":"Chờ kết quả giám định","version":)" +
                                std::to_string(d.version) + "}",
                            error);
    if (ok) {
      d.paused = true;
    } else if (Unclear(error)) {
      d.unsure = InFlight::Unsure::kPause;
    }
    shared_.Put(d);
    return {kPause, ok};
  }

  bool Command(InFlight& d, const std::string& who, const std::string& body, std::string& error) {
    const bench::RawAnswer a =
        http_.Post("/api/v1/dossiers/" + std::to_string(d.id) + "/commands", who, body);
    if (!Expect(a, 200, error)) return false;
    d.version = bench::TopLevelNumber(a.body, "version");
    return d.version >= 0;
  }

  static bool Unclear(const std::string& error) {
    const int status = StatusOf(error);
    return status == 503 || status == 0;
  }

  // A dossier whose last command is in doubt: its version tells whether that command was made.
  // False, with `error`, when it cannot be read now (the dossier stays in doubt).
  bool Settle(InFlight& d, std::string& error) {
    if (d.unsure == InFlight::Unsure::kNo) return true;
    const bench::RawAnswer a = http_.Get("/api/v1/dossiers/" + std::to_string(d.id), agency_head_);
    if (!Expect(a, 200, error)) return false;
    const std::int64_t version = bench::TopLevelNumber(a.body, "version");
    if (version == d.version + 1) {
      if (d.unsure == InFlight::Unsure::kStep) ++d.step;
      if (d.unsure == InFlight::Unsure::kPause) d.paused = true;
      if (d.unsure == InFlight::Unsure::kResume) d.paused = false;
    }
    d.version = version;
    d.unsure = InFlight::Unsure::kNo;
    return true;
  }

  static bool Expect(const bench::RawAnswer& a, int status, std::string& error) {
    if (a.status == status) return true;
    error = a.status != 0 ? std::to_string(a.status) + " " + a.body.substr(0, 300) : a.error;
    return false;
  }

  bench::RawHttp http_;
  Shared& shared_;
  int index_;
  std::mt19937_64 rng_;
  std::string reception_, specialist_, division_head_, agency_head_, month_;
};

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
  return v[i];
}

// Runs the mix against `t`; returns the number of errors (-1 when the set-up failed). With
// `outages`, breaks something during the mix and returns the errors outside the outages (and
// those inside that are not 503, 502 or no answer) plus the acknowledged receptions lost or
// duplicated.
std::int64_t RunMix(const Options& o, const std::vector<Target>& targets,
                    const std::map<std::string, std::string>& passwords, const std::string& label,
                    const Outages& outages_planned = {}) {
  httplib::Client setup(targets.front().host, targets.front().port);
  bench::Sessions s;
  if (const std::string e = bench::PrepareLoad(setup, passwords, s); !e.empty()) {
    std::printf("%s: %s\n", label.c_str(), e.c_str());
    return -1;
  }
  Shared shared;
  const int connections = std::max(1, o.connections);
  std::vector<std::unique_ptr<Connection>> conns;
  for (int c = 0; c < connections; ++c) {
    conns.push_back(std::make_unique<Connection>(
        targets[static_cast<std::size_t>(c) % targets.size()], s, shared, c));
  }
  // The prefill: dossiers to look up, open and move along from the first second.
  {
    std::vector<std::thread> fill;
    std::atomic<int> next{0}, failed{0};
    std::string first_error;
    std::mutex error_mu;
    for (int c = 0; c < connections; ++c) {
      fill.emplace_back([&, c] {
        std::string error;
        while (next++ < o.prefill) {
          if (!conns[static_cast<std::size_t>(c)]->Receive(error)) {
            ++failed;
            std::lock_guard lock(error_mu);
            if (first_error.empty()) first_error = error;
          }
        }
      });
    }
    for (auto& f : fill) f.join();
    if (failed > 0) {
      std::printf("%s: prefill: %d receptions failed: %s\n", label.c_str(), failed.load(),
                  first_error.c_str());
      return -1;
    }
  }

  // The schedule: request i at start + i / rate, drawn by weight, on connection i % connections.
  std::vector<Route> plan;
  {
    std::mt19937_64 rng(42);
    std::discrete_distribution<int> pick(std::begin(kWeights), std::end(kWeights));
    const auto total = static_cast<std::int64_t>(o.rate * o.seconds);
    for (std::int64_t i = 0; i < total; ++i) plan.push_back(static_cast<Route>(pick(rng)));
  }
  std::vector<Tally> tallies(static_cast<std::size_t>(connections));
  Slowloris slowloris(targets.front(), o.slowloris);
  const auto start = Clock::now() + std::chrono::milliseconds(100);
  std::vector<std::thread> threads;
  for (int c = 0; c < connections; ++c) {
    threads.emplace_back([&, c] {
      Tally& tally = tallies[static_cast<std::size_t>(c)];
      Connection& conn = *conns[static_cast<std::size_t>(c)];
      for (std::size_t i = static_cast<std::size_t>(c); i < plan.size();
           i += static_cast<std::size_t>(connections)) {
        const auto due = start + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(i / o.rate));
        std::this_thread::sleep_until(due);
        if (Clock::now() - due > std::chrono::milliseconds(10)) ++tally.late;
        std::string error;
        const auto [route, ok] = conn.Send(plan[i], error);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - due).count();
        tally.latency_ms[route].push_back(ms);
        if (!ok) {
          tally.failures.emplace_back(Clock::now(), StatusOf(error));
          ++tally.errors[route];
          if (tally.samples.size() < 3)
            tally.samples.push_back(kRouteNames[route] + (": " + error));
        }
      }
    });
  }
  // The outages: [down, up + 5 s].
  std::vector<std::pair<Clock::time_point, Clock::time_point>> outages;
  std::thread outage_driver;
  const int times = outages_planned.times;
  if (times > 0) {
    outage_driver = std::thread([&] {
      for (int k = 1; k <= times; ++k) {
        std::this_thread::sleep_until(
            start + std::chrono::duration_cast<Clock::duration>(
                        std::chrono::duration<double>(o.seconds * k / (times + 1))));
        const auto down = Clock::now();
        const Status broken = outages_planned.down(k);
        std::this_thread::sleep_for(std::chrono::duration<double>(o.down_seconds));
        const Status back = outages_planned.up(k);
        if (!broken.ok() || !back.ok()) {
          std::printf("%s %d failed: %s\n", outages_planned.what.c_str(), k,
                      ToString(broken.ok() ? back.error() : broken.error()).c_str());
        }
        outages.emplace_back(down, Clock::now() + std::chrono::seconds(5));
      }
    });
  }
  for (auto& th : threads) th.join();
  if (outage_driver.joinable()) outage_driver.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  slowloris.Stop();

  Tally all;
  for (auto& t : tallies) {
    for (int r = 0; r < kRoutes; ++r) {
      all.latency_ms[r].insert(all.latency_ms[r].end(), t.latency_ms[r].begin(),
                               t.latency_ms[r].end());
      all.errors[r] += t.errors[r];
    }
    all.late += t.late;
    for (auto& m : t.samples) {
      if (all.samples.size() < 5) all.samples.push_back(m);
    }
  }
  std::int64_t errors = 0;
  for (int r = 0; r < kRoutes; ++r) errors += all.errors[r];
  std::printf(
      "\n%s: %.0f requests/s asked for %.0f s, %zu sent in %.1f s (%.0f/s), %d connections, "
      "%lld late, %lld errors\n",
      label.c_str(), o.rate, o.seconds, plan.size(), elapsed, plan.size() / elapsed, connections,
      static_cast<long long>(all.late), static_cast<long long>(errors));
  std::printf("  %-32s %9s %8s %8s %8s %8s %8s\n", "route", "requests", "p50 ms", "p95 ms",
              "p99 ms", "max ms", "errors");
  for (int r = 0; r < kRoutes; ++r) {
    auto& v = all.latency_ms[r];
    if (v.empty()) continue;
    const double max = *std::max_element(v.begin(), v.end());
    std::printf("  %-32s %9zu %8.2f %8.2f %8.2f %8.1f %8lld\n", kRouteNames[r], v.size(),
                Percentile(v, 0.50), Percentile(v, 0.95), Percentile(v, 0.99), max,
                static_cast<long long>(all.errors[r]));
  }
  for (const auto& m : all.samples) std::printf("  error: %s\n", m.c_str());
  if (o.slowloris > 0) {
    std::printf(
        "  slowloris: %d connections sending a header byte a second; %d opened in all, %d "
        "cut off by the other side\n",
        o.slowloris, slowloris.opened(), slowloris.cut_off());
  }
  if (!outages.empty()) {
    std::map<int, std::int64_t> inside, outside;
    for (const auto& t : tallies) {
      for (const auto& [at, status] : t.failures) {
        const bool during = std::any_of(outages.begin(), outages.end(), [&](const auto& w) {
          return at >= w.first && at <= w.second;
        });
        ++(during ? inside : outside)[status];
      }
    }
    auto print = [](const char* what, const std::map<int, std::int64_t>& by_status) {
      std::printf("  failed %s:", what);
      for (const auto& [status, n] : by_status) {
        std::printf(" %lld x %s", static_cast<long long>(n),
                    status == 0 ? "no answer" : std::to_string(status).c_str());
      }
      std::printf("%s", by_status.empty() ? " none\n" : "\n");
    };
    print("during the outages", inside);
    print("outside them", outside);
    std::int64_t outside_errors = 0;
    for (const auto& [status, n] : outside) outside_errors += n;
    for (const auto& [status, n] : inside) {
      // Expected inside: 503 (the database away), 502 (nginx: the server died holding the
      // request) or no answer.
      if (status != 503 && status != 502 && status != 0) outside_errors += n;
    }
    // Every acknowledged reception: read back, and sent again with its key.
    std::vector<Known> known;
    {
      std::lock_guard lock(shared.mu);
      known = shared.known;
    }
    std::atomic<std::int64_t> lost{0}, duplicated{0};
    std::vector<std::thread> checkers;
    for (int c = 0; c < connections; ++c) {
      checkers.emplace_back([&, c] {
        for (std::size_t i = static_cast<std::size_t>(c); i < known.size();
             i += static_cast<std::size_t>(connections)) {
          bool l = false, d = false;
          conns[static_cast<std::size_t>(c)]->Recheck(known[i], l, d);
          lost += l;
          duplicated += d;
        }
      });
    }
    for (auto& th : checkers) th.join();
    std::printf("  %d %s; %zu receptions acknowledged: lost = %lld, duplicated = %lld\n", times,
                outages_planned.what.c_str(), known.size(), static_cast<long long>(lost.load()),
                static_cast<long long>(duplicated.load()));
    std::fflush(stdout);
    return outside_errors + lost + duplicated;
  }
  std::fflush(stdout);
  return errors;
}

// --- scale-out: two servers, one PostgreSQL database -------------------------------------------

// Every notification the servers deliver, by its Idempotency-Key (one per outbox message).
class Webhook {
 public:
  Webhook() {
    server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mu_);
      ++seen_[req.get_header_value("Idempotency-Key")];
      ++total_;
      res.status = 200;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~Webhook() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  // Deliveries, distinct messages.
  std::pair<std::int64_t, std::int64_t> Counts() {
    std::lock_guard lock(mu_);
    return {total_, static_cast<std::int64_t>(seen_.size())};
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::map<std::string, int> seen_;
  std::int64_t total_ = 0;
};

// nginx in front of `upstreams`, on a free port, as a child process; pid -1 when nginx is not
// installed or did not start.
struct Nginx {
  pid_t pid = -1;
  int port = 0;
  std::string why_not;
};

Nginx StartNginx(const std::string& dir, const std::vector<Target>& upstreams) {
  Nginx n;
  const char* binary = nullptr;
  for (const char* candidate : {"/usr/sbin/nginx", "/usr/bin/nginx"}) {
    if (::access(candidate, X_OK) == 0) binary = candidate;
  }
  if (binary == nullptr) {
    n.why_not = "nginx is not installed (apt-get install nginx-light)";
    return n;
  }
  n.port = testing::FreePort();
  const std::string conf = dir + "/nginx.conf";
  std::string servers;
  for (const Target& t : upstreams) {
    // A server that failed is left alone for 3 s: one killed and started again is back in the
    // rotation before the next kill (--server-kills), as docs/operations.md advises.
    servers +=
        "    server " + t.host + ":" + std::to_string(t.port) + " max_fails=3 fail_timeout=3s;\n";
  }
  std::ofstream(conf) << "worker_processes 1;\ndaemon off;\npid " << dir << "/nginx.pid;\n"
                      << "error_log " << dir << "/nginx-error.log;\n"
                      << "events { worker_connections 1024; }\nhttp {\n  access_log off;\n"
                      << "  client_header_timeout 15s;\n"  // as docs/operations.md advises
                      << "  client_body_temp_path " << dir << "/nginx-body;\n"
                      << "  proxy_temp_path " << dir << "/nginx-proxy;\n"
                      << "  fastcgi_temp_path " << dir << "/nginx-fastcgi;\n"
                      << "  uwsgi_temp_path " << dir << "/nginx-uwsgi;\n"
                      << "  scgi_temp_path " << dir << "/nginx-scgi;\n"
                      << "  upstream motcua {\n"
                      << servers << "    keepalive 64;\n  }\n"
                      << "  server {\n    listen 127.0.0.1:" << n.port << ";\n"
                      << "    location / {\n      proxy_pass http://motcua;\n"
                      << "      proxy_http_version 1.1;\n"
                      << "      proxy_set_header Connection \"\";\n"
                      << "      proxy_set_header Host $host;\n"
                      << "      proxy_set_header X-Forwarded-For $remote_addr;\n    }\n  }\n}\n";
  std::fflush(nullptr);
  n.pid = fork();
  if (n.pid == 0) {
    execl(binary, binary, "-c", conf.c_str(), "-p", dir.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 100; ++i) {
    httplib::Client probe("127.0.0.1", n.port);
    if (auto r = probe.Get("/healthz"); r && r->status == 200) return n;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill(n.pid, SIGKILL);
  waitpid(n.pid, nullptr, 0);
  n.pid = -1;
  n.why_not = "nginx did not answer (" + dir + "/nginx-error.log)";
  return n;
}

// The outbox of `dsn`.
struct OutboxState {
  std::int64_t rows = -1;
  std::int64_t sent = -1;
  std::int64_t claimed = -1;  // not sent, held by a server's claim (until it lapses)
};
OutboxState OutboxCounts(const std::string& dsn) {
  OutboxState out;
  PGconn* conn = PQconnectdb(dsn.c_str());
  if (PQstatus(conn) == CONNECTION_OK) {
    PGresult* r = PQexec(conn,
                         "SELECT count(*), count(sent_at), "
                         "count(*) FILTER (WHERE sent_at IS NULL AND claimed_by IS NOT NULL) "
                         "FROM outbox");
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
      out = {std::atoll(PQgetvalue(r, 0, 0)), std::atoll(PQgetvalue(r, 0, 1)),
             std::atoll(PQgetvalue(r, 0, 2))};
    }
    PQclear(r);
  }
  PQfinish(conn);
  return out;
}

// How many "background round" lines with deliveries a server logged, over its starts
// (`log_prefix`-1.err, -2.err, ...).
// The instants of the background rounds that delivered, from a server's logs (one per start).
std::vector<Instant> DeliveryRounds(const std::string& log_prefix) {
  std::vector<Instant> rounds;
  for (int start = 1; std::filesystem::exists(log_prefix + "-" + std::to_string(start) + ".err");
       ++start) {
    std::istringstream in(testing::ReadFile(log_prefix + "-" + std::to_string(start) + ".err"));
    for (std::string line; std::getline(in, line);) {
      if (line.find("background round") == std::string::npos ||
          line.find("sent") == std::string::npos) {
        continue;
      }
      const auto fields = nlohmann::json::parse(line, nullptr, false);
      Instant at = 0;
      if (fields.is_object() && fields.contains("ts") && fields["ts"].is_string() &&
          ParseRfc3339(fields["ts"].get<std::string>(), &at)) {
        rounds.push_back(at);
      }
    }
  }
  return rounds;
}

int ScaleOut(const Options& o, const std::string& dir) {
  auto started = storage::postgres::testing::PgTestServer::Start();
  if (!started.ok()) {
    std::printf("postgres: no test server: %s\n", ToString(started.error()).c_str());
    return 1;
  }
  auto pg = std::move(*started);
  auto dsn = pg->CreateDatabase("scaleout");
  if (!dsn.ok()) {
    std::printf("postgres: %s\n", ToString(dsn.error()).c_str());
    return 1;
  }
  Webhook hook;
  const std::string base = "http://127.0.0.1:" + std::to_string(hook.port());
  std::vector<std::unique_ptr<testing::ServerProcess>> servers;
  std::vector<std::vector<std::string>> server_args;
  std::vector<Target> targets;
  for (int i = 0; i < o.servers; ++i) {
    const std::string id = "server-" + std::to_string(i + 1);
    servers.push_back(std::make_unique<testing::ServerProcess>(o.motcua, dir + "/" + id));
    std::vector<std::string> args = {"--dsn",
                                     *dsn,
                                     "--listen",
                                     "127.0.0.1:0",
                                     "--threads",
                                     std::to_string(o.connections + 8),
                                     "--lookups-per-minute",
                                     "100000",
                                     "--server-id",
                                     id,
                                     "--background-interval",
                                     "1",
                                     "--webhook-url",
                                     base + "/applicant",
                                     "--service-center-webhook",
                                     base + "/staff"};
    if (i == 0) args.insert(args.begin(), "--demo");  // the first seeds the province
    const std::string e = servers.back()->Start(args, std::chrono::seconds(120));
    if (!e.empty()) {
      std::printf("%s: %s\n", id.c_str(), e.c_str());
      return 1;
    }
    targets.push_back({"127.0.0.1", servers.back()->port()});
    // A restart listens where nginx sends: the same port.
    args[std::find(args.begin(), args.end(), "127.0.0.1:0") - args.begin()] =
        "127.0.0.1:" + std::to_string(targets.back().port);
    server_args.push_back(std::move(args));
  }
  Nginx nginx = StartNginx(dir, targets);
  std::string label = "postgres, " + std::to_string(o.servers) + " servers";
  std::vector<Target> front = targets;
  if (nginx.pid > 0) {
    front = {{"127.0.0.1", nginx.port}};
    label += " behind nginx";
  } else {
    std::printf("%s; the connections alternate between the servers\n", nginx.why_not.c_str());
  }
  Outages kills;
  std::vector<Instant> killed_at;  // wall-clock instant of each kill
  if (o.server_kills > 0) {
    kills.times = o.server_kills;
    kills.what = "server kills";
    kills.down = [&](int k) {
      servers[static_cast<std::size_t>(k - 1) % servers.size()]->Kill();
      killed_at.push_back(std::time(nullptr));
      return Ok();
    };
    kills.up = [&](int k) -> Status {
      const std::size_t i = static_cast<std::size_t>(k - 1) % servers.size();
      const std::string e = servers[i]->Start(server_args[i], std::chrono::seconds(60));
      if (!e.empty()) return Error::Unavailable(e);
      return Ok();
    };
  }
  const std::int64_t errors = RunMix(o, front, servers.front()->Passwords(), label, kills);

  // The outbox drains within a few background rounds once the load stops, but for what a killed
  // server had claimed: that waits for its claim to lapse (5 min), then the others send it.
  const bool killed = o.server_kills > 0;
  OutboxState outbox;
  for (int i = 0; i < 60; ++i) {
    outbox = OutboxCounts(*dsn);
    if (outbox.rows >= 0 && outbox.rows == outbox.sent + (killed ? outbox.claimed : 0)) break;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  std::this_thread::sleep_for(std::chrono::seconds(2));  // a late duplicate would show now
  const auto [deliveries, distinct] = hook.Counts();
  std::printf(
      "  outbox: %lld messages, %lld marked sent, %lld held by a killed server's claim; webhook: "
      "%lld deliveries of %lld distinct messages, %lld duplicated\n",
      static_cast<long long>(outbox.rows), static_cast<long long>(outbox.sent),
      static_cast<long long>(outbox.claimed), static_cast<long long>(deliveries),
      static_cast<long long>(distinct), static_cast<long long>(deliveries - distinct));
  std::vector<std::vector<Instant>> rounds;
  for (std::size_t i = 0; i < servers.size(); ++i) {
    rounds.push_back(DeliveryRounds(dir + "/server-" + std::to_string(i + 1)));
    std::printf("  server-%zu: %zu background rounds that delivered\n", i + 1, rounds[i].size());
  }
  // Who did the background work while a server was down: when the dead server held the lease,
  // it lapses (90 s after its last renewal) and the other server takes it on its next round. A
  // server down longer than the lease must have been replaced (--down-seconds 100 or more).
  int not_taken_over = 0;
  for (std::size_t k = 0; k < killed_at.size(); ++k) {
    const std::size_t dead = k % servers.size();
    const Instant from = killed_at[k];
    const Instant until = from + static_cast<Instant>(o.down_seconds);
    int others = 0;
    std::optional<Instant> first;
    for (std::size_t i = 0; i < rounds.size(); ++i) {
      if (i == dead) continue;
      for (const Instant at : rounds[i]) {
        if (at < from || at > until) continue;
        ++others;
        if (!first || at < *first) first = at;
      }
    }
    std::printf(
        "  kill %zu (server-%zu down %.0f s): %d delivering rounds by the other server "
        "meanwhile",
        k + 1, dead + 1, o.down_seconds, others);
    if (first)
      std::printf(", the first %lld s after the kill", static_cast<long long>(*first - from));
    std::printf("\n");
    if (o.down_seconds >= 100 && others == 0) ++not_taken_over;
  }
  if (not_taken_over > 0) std::printf("  NOT taken over while a server was down past the lease\n");
  if (nginx.pid > 0) {
    kill(nginx.pid, SIGTERM);
    waitpid(nginx.pid, nullptr, 0);
  }
  for (auto& s : servers) s->Stop();
  // Without kills: every message sent, once. With kills: every message sent or waiting for a
  // dead server's claim to lapse, every one marked sent delivered (one the dead server delivered
  // without recording it is sent again later, with the same Idempotency-Key).
  const bool delivered = killed ? outbox.rows > 0 && outbox.rows == outbox.sent + outbox.claimed &&
                                      distinct >= outbox.sent && distinct <= outbox.rows
                                : outbox.rows > 0 && outbox.rows == outbox.sent &&
                                      distinct == outbox.rows && deliveries == distinct;
  if (!delivered) std::printf("  NOT %s\n", killed ? "delivered or held" : "exactly once");
  std::fflush(stdout);
  return errors == 0 && delivered && not_taken_over == 0 ? 0 : 1;
}

int Main(const Options& o) {
  if (!o.target.empty()) {
    const auto colon = o.target.rfind(':');
    if (colon == std::string::npos || o.passwords_file.empty()) {
      std::fprintf(stderr, "--target HOST:PORT needs --passwords FILE\n");
      return 2;
    }
    Target t{o.target.substr(0, colon), std::stoi(o.target.substr(colon + 1))};
    const auto passwords = testing::ParsePasswords(testing::ReadFile(o.passwords_file));
    const std::int64_t errors = RunMix(o, {t}, passwords, o.target);
    return errors == 0 ? 0 : 1;
  }
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("motcua-mix-" + std::to_string(getpid())))
          .string();
  std::filesystem::create_directories(dir);
  if (o.server_kills > 0 && o.servers < 2) {
    std::fprintf(stderr, "--server-kills needs --servers 2\n");
    return 2;
  }
  if (o.servers > 1) {
    if (o.backend != "postgres") {
      std::fprintf(stderr, "--servers 2 needs --backend postgres\n");
      return 2;
    }
    const int status = ScaleOut(o, dir);
    std::filesystem::remove_all(dir);
    return status;
  }
  std::unique_ptr<storage::postgres::testing::PgTestServer> pg;
  std::string dsn;
  if (o.backend == "sqlite") {
    dsn = "sqlite:" + dir + "/mix.db";
  } else if (o.backend == "postgres") {
    auto started = storage::postgres::testing::PgTestServer::Start();
    if (!started.ok()) {
      std::printf("postgres: no test server: %s\n", ToString(started.error()).c_str());
      return 1;
    }
    pg = std::move(*started);
    auto created = pg->CreateDatabase("mix");
    if (!created.ok()) {
      std::printf("postgres: %s\n", ToString(created.error()).c_str());
      return 1;
    }
    dsn = *created;
  } else {
    std::fprintf(stderr, "unknown backend %s\n", o.backend.c_str());
    return 2;
  }
  std::int64_t errors = -1;
  {
    testing::ServerProcess server(o.motcua, dir + "/serve");
    const std::string e =
        server.Start({"--demo", "--dsn", dsn, "--listen", "127.0.0.1:0", "--threads",
                      std::to_string(o.connections + 8), "--lookups-per-minute", "100000"},
                     std::chrono::seconds(120));
    if (!e.empty()) {
      std::printf("%s: %s\n", o.backend.c_str(), e.c_str());
    } else {
      Outages restarts;
      if (pg != nullptr && o.pg_restarts > 0) {
        restarts.times = o.pg_restarts;
        restarts.what = "PostgreSQL restarts";
        restarts.down = [&](int) { return pg->Kill(); };
        restarts.up = [&](int) { return pg->Restart(); };
      }
      errors = RunMix(o, {{"127.0.0.1", server.port()}}, server.Passwords(), o.backend, restarts);
    }
    server.Stop();
  }
  pg.reset();
  std::filesystem::remove_all(dir);
  return errors == 0 ? 0 : 1;
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
    } else if (flag == "--backend") {
      o.backend = value;
    } else if (flag == "--target") {
      o.target = value;
    } else if (flag == "--passwords") {
      o.passwords_file = value;
    } else if (flag == "--rate") {
      o.rate = std::stod(value);
    } else if (flag == "--seconds") {
      o.seconds = std::stod(value);
    } else if (flag == "--connections") {
      o.connections = std::stoi(value);
    } else if (flag == "--servers") {
      o.servers = std::stoi(value);
    } else if (flag == "--prefill") {
      o.prefill = std::stoi(value);
    } else if (flag == "--pg-restarts") {
      o.pg_restarts = std::stoi(value);
    } else if (flag == "--slowloris") {
      o.slowloris = std::stoi(value);
    } else if (flag == "--down-seconds") {
      o.down_seconds = std::stod(value);
    } else if (flag == "--server-kills") {
      o.server_kills = std::stoi(value);
    } else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  return motcua::Main(o);
}
