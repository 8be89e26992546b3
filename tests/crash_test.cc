// The crash test of the dossier store (issue 5): the real server is killed with SIGKILL
// repeatedly during a burst of online submissions. After each restart every submission that was
// answered 201 exists with all its events, and retries with the same idempotency key create
// nothing.
//
//   crash_test path/to/motcua [cycles (6, at least 5)] [clients (8)]
//
// Client threads submit online dossiers as the demo citizen, each with a fresh Idempotency-Key,
// and retry a request that got no answer (the server was killed under it) with the same key until
// it is answered, as a real client would. The main thread kills the server's process group at
// random moments (0-400 ms after the run's first answer), restarts it on the same SQLite
// database (with --demo again: seeding is skipped on a database that has units) and goes on. At the
// end it checks:
//   - every 201 answer: GET by id gives the same code and the same events;
//   - every key ever sent, once more: the same dossier, and nothing new is created;
//   - after a clean stop, the database holds exactly one dossier per distinct key, each with
//     its events.
// Exit status 0 when all hold; otherwise the first failures are printed, precisely.
#include <sqlite3.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <random>
#include <set>

#include "server_process.h"

namespace {

using json = nlohmann::json;
using motcua::testing::ServerProcess;
using motcua::testing::Session;

// Procedure 9.900303 of the demo catalog: province level, online channel, received at H99.01.
// Both components are the same scanned file, uploaded once before the burst (`file_sha256`).
std::string SubmissionBody(const std::string& key, const std::string& file_sha256) {
  return json{{"procedure_code", "9.900303"},
              {"applicant",
               {{"name", "Nguyễn Thị Dân " + key},
                {"id_number", "001190012345"},
                {"address", "Phường Hòa Bình"}}},
              {"components",
               {{{"name", "Đơn đăng ký biến động theo Mẫu số 11/ĐK"},
                 {"provision", "electronic"},
                 {"file_sha256", file_sha256}},
                {{"name", "Bản gốc Giấy chứng nhận đã cấp"},
                 {"provision", "electronic"},
                 {"file_sha256", file_sha256}}}}}
      .dump();
}

struct Answer {
  std::int64_t id = 0;
  std::string code;
  json events;
};

// What the clients saw, shared by their threads.
struct Ledger {
  std::mutex mu;
  std::map<std::string, Answer> answered;  // key -> the first 201 answer
  std::set<std::string> interrupted;       // keys whose request got no answer at least once
  std::vector<std::string> failures;

  void Fail(std::string what) {
    std::lock_guard lock(mu);
    if (failures.size() < 20) failures.push_back(std::move(what));
  }
};

class Client {
 public:
  Client(int port, const Session& session, std::string file_sha256)
      : http_("127.0.0.1", port), session_(session), file_sha256_(std::move(file_sha256)) {
    http_.set_connection_timeout(std::chrono::seconds(2));
    http_.set_read_timeout(std::chrono::seconds(20));
    http_.set_keep_alive(true);
    http_.set_tcp_nodelay(true);  // else Nagle and delayed ACKs add 40 ms to each request
  }

  // Submits with `key` until answered (retrying through kills). Returns the 201 answer, or
  // std::nullopt after recording a failure (an answer other than 201, or `give_up` set).
  std::optional<Answer> Submit(const std::string& key, Ledger& ledger,
                               const std::atomic<bool>& give_up) {
    httplib::Headers headers = session_.Headers();
    headers.emplace("Idempotency-Key", key);
    const std::string body = SubmissionBody(key, file_sha256_);
    for (int attempt = 0;; ++attempt) {
      auto res = http_.Post("/api/v1/dossiers/online", headers, body, "application/json");
      if (!res) {  // killed under us, or not up yet: the same request again
        {
          std::lock_guard lock(ledger.mu);
          ledger.interrupted.insert(key);
        }
        if (give_up) {
          ledger.Fail("key " + key + ": no answer after the server stopped being killed (" +
                      httplib::to_string(res.error()) + ")");
          return std::nullopt;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        continue;
      }
      if (res->status != 201) {
        ledger.Fail("key " + key + " (attempt " + std::to_string(attempt + 1) + "): answered " +
                    std::to_string(res->status) + " " + res->body.substr(0, 300));
        return std::nullopt;
      }
      const json d = json::parse(res->body, nullptr, false);
      if (!d.is_object() || !d.contains("id") || !d.contains("events")) {
        ledger.Fail("key " + key + ": a 201 without id or events: " + res->body.substr(0, 300));
        return std::nullopt;
      }
      return Answer{d["id"].get<std::int64_t>(), d["code"].get<std::string>(), d["events"]};
    }
  }

  httplib::Result Get(const std::string& path) { return http_.Get(path, session_.Headers()); }
  void Close() { http_.stop(); }

 private:
  httplib::Client http_;
  Session session_;
  std::string file_sha256_;
};

// Counts rows of the stopped server's database: dossiers, and dossiers without any event.
std::string CountRows(const std::string& path, std::int64_t* dossiers, std::int64_t* eventless) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "cannot open " + path;
  }
  auto scalar = [db](const char* sql, std::int64_t* out) -> std::string {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
      return std::string(sql) + ": " + sqlite3_errmsg(db);
    }
    std::string error;
    if (sqlite3_step(st) == SQLITE_ROW) {
      *out = sqlite3_column_int64(st, 0);
    } else {
      error = std::string(sql) + ": " + sqlite3_errmsg(db);
    }
    sqlite3_finalize(st);
    return error;
  };
  std::string error = scalar("SELECT count(*) FROM dossiers", dossiers);
  if (error.empty()) {
    error = scalar(
        "SELECT count(*) FROM dossiers d WHERE NOT EXISTS "
        "(SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id)",
        eventless);
  }
  sqlite3_close(db);
  return error;
}

int Run(const std::string& motcua, int cycles, int client_threads) {
  const auto started = std::chrono::steady_clock::now();
  const auto dir =
      std::filesystem::temp_directory_path() / ("motcua-crash-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string db = (dir / "m.db").string();
  const int port = motcua::testing::FreePort();
  const std::vector<std::string> args = {
      "--demo",    "--dsn", "sqlite:" + db, "--listen", "127.0.0.1:" + std::to_string(port),
      "--threads", "16"};
  ServerProcess server(motcua, (dir / "serve").string());
  auto fail = [&](const std::string& what) {
    std::printf("FAIL: %s\n--- server stderr (tail)\n%s\n", what.c_str(),
                server.StderrTail().c_str());
    server.Kill();
    return 1;
  };

  if (std::string e = server.Start(args); !e.empty()) return fail(e);
  const auto passwords = server.Passwords();
  if (!passwords.count("congdan")) return fail("no password printed for the demo citizen");
  httplib::Client login_client("127.0.0.1", port);
  std::string error;
  const Session citizen =
      motcua::testing::Login(login_client, "congdan", passwords.at("congdan"), &error);
  if (!error.empty()) return fail(error);
  auto uploaded = login_client.Post("/api/v1/attachments", citizen.Headers(),
                                    "%PDF-1.7\nĐơn đăng ký (bản quét)\n%%EOF\n", "application/pdf");
  if (!uploaded || uploaded->status != 201) {
    return fail("the scanned file was not uploaded: " + (uploaded ? uploaded->body : "no answer"));
  }
  const std::string file_sha256 = json::parse(uploaded->body).at("sha256");

  Ledger ledger;
  std::atomic<bool> stop_clients{false}, give_up{false};
  std::atomic<int> next_key{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < client_threads; ++t) {
    clients.emplace_back([&, t] {
      Client client(port, citizen, file_sha256);
      while (!stop_clients) {
        const std::string key = "crash-" + std::to_string(t) + "-" + std::to_string(next_key++);
        auto answer = client.Submit(key, ledger, give_up);
        if (!answer) return;
        std::lock_guard lock(ledger.mu);
        ledger.answered.emplace(key, *answer);
      }
    });
  }

  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> ms(0, 400);
  std::vector<std::size_t> answered_at_kill;
  auto answered = [&] {
    std::lock_guard lock(ledger.mu);
    return ledger.answered.size();
  };
  for (int cycle = 1; cycle <= cycles; ++cycle) {
    // Each kill lands in a burst the server is answering: after this run's first answer (a slow
    // sanitizer build on a busy machine may take seconds to get there), at a random moment.
    const std::size_t before = answered();
    const auto patience = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (answered() == before && std::chrono::steady_clock::now() < patience) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(ms(random)));
    server.Kill();
    {
      std::lock_guard lock(ledger.mu);
      answered_at_kill.push_back(ledger.answered.size());
    }
    if (std::string e = server.Start(args); !e.empty()) {
      stop_clients = give_up = true;
      for (auto& c : clients) c.join();
      return fail("restart " + std::to_string(cycle) + ": " + e);
    }
    {
      std::lock_guard lock(ledger.mu);
      std::printf("kill %d at %.1f s: %zu answered so far, %zu interrupted; restarted\n", cycle,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
                  answered_at_kill.back(), ledger.interrupted.size());
      std::fflush(stdout);
    }
    if (!server.Passwords().empty()) {
      stop_clients = give_up = true;
      for (auto& c : clients) c.join();
      return fail("restart " + std::to_string(cycle) +
                  " with --demo seeded the demo province again (printed passwords)");
    }
  }
  // The last run goes on for a while unharmed; then the clients finish their request.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  stop_clients = true;
  std::thread watchdog([&] {
    for (int i = 0; i < 300 && !give_up; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    give_up = true;  // a client still unanswered 30 s after the burst ended reports it
  });
  for (auto& c : clients) c.join();
  give_up = true;
  watchdog.join();
  std::printf("burst over at %.1f s; checking\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  if (!ledger.failures.empty()) {
    std::string all;
    for (const auto& f : ledger.failures) all += "\n  " + f;
    return fail("during the burst:" + all);
  }
  // The kills must land in a burst: most runs between two kills answered something (a slow
  // sanitizer build may spend a short run restarting).
  int runs_with_answers = 0;
  for (std::size_t i = 1; i < answered_at_kill.size(); ++i) {
    if (answered_at_kill[i] > answered_at_kill[i - 1]) ++runs_with_answers;
  }
  if (answered_at_kill.front() == 0 || runs_with_answers < (cycles - 1) / 2) {
    return fail("only " + std::to_string(runs_with_answers) + " of the " +
                std::to_string(cycles - 1) +
                " runs between kills answered a submission: the burst did not reach the server");
  }

  // Every acknowledged submission exists with the same code and events.
  Client checker(port, citizen, file_sha256);
  std::set<std::int64_t> ids;
  std::int64_t lost = 0, duplicated = 0, changed = 0;
  std::vector<std::string> problems;
  auto problem = [&](std::string p) {
    if (problems.size() < 20) problems.push_back(std::move(p));
  };
  for (const auto& [key, a] : ledger.answered) {
    if (!ids.insert(a.id).second) {
      ++duplicated;
      problem("key " + key + ": dossier " + std::to_string(a.id) + " answered for another key");
    }
    auto res = checker.Get("/api/v1/dossiers/" + std::to_string(a.id));
    if (!res || res->status != 200) {
      ++lost;
      problem("key " + key + ": acknowledged dossier " + std::to_string(a.id) + " (" + a.code +
              ") is gone: GET answered " +
              (res ? std::to_string(res->status) : httplib::to_string(res.error())));
      continue;
    }
    const json d = json::parse(res->body, nullptr, false);
    if (d.value("code", "") != a.code || d.value("events", json()) != a.events) {
      ++changed;
      problem("key " + key + ": dossier " + std::to_string(a.id) + " was " + a.code + " with " +
              a.events.dump() + ", now " + d.value("code", "") + " with " +
              d.value("events", json()).dump());
    }
  }
  // Every key ever sent, once more: the first dossier, nothing new.
  for (const auto& [key, a] : ledger.answered) {
    auto again = checker.Submit(key, ledger, give_up);
    if (!again || again->id != a.id || again->code != a.code) {
      ++duplicated;
      problem("key " + key + ": a retry answered " +
              (again ? std::to_string(again->id) + " " + again->code : "no 201") +
              ", the first answer was " + std::to_string(a.id) + " " + a.code);
    }
  }
  for (const auto& f : ledger.failures) problem(f);

  // A clean stop, then the database itself: one dossier per distinct key, each with events.
  // The clients close their connections first: the server waits for open keep-alive connections
  // to go idle-timeout (--idle-timeout, 30 s) before it stops.
  checker.Close();
  login_client.stop();
  if (int status = server.Stop(); status != 0) {
    return fail("the last server did not stop cleanly on SIGTERM: status " +
                std::to_string(status));
  }
  std::int64_t stored = 0, eventless = 0;
  if (std::string e = CountRows(db, &stored, &eventless); !e.empty()) return fail(e);
  const auto keys = static_cast<std::int64_t>(ledger.answered.size());
  if (stored != keys) {
    problem("the database holds " + std::to_string(stored) + " dossiers for " +
            std::to_string(keys) + " distinct keys");
    if (stored > keys) duplicated += stored - keys;
  }
  if (eventless != 0) problem(std::to_string(eventless) + " stored dossiers have no event");

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf(
      "crash test: %d kill cycles, %lld submissions acknowledged (distinct keys), %zu in flight "
      "at a kill (retried with their key), lost = %lld, duplicated = %lld, changed = %lld, "
      "stored = %lld, %.1f s\n",
      cycles, static_cast<long long>(keys), ledger.interrupted.size(), static_cast<long long>(lost),
      static_cast<long long>(duplicated), static_cast<long long>(changed),
      static_cast<long long>(stored), seconds);
  if (!problems.empty()) {
    for (const auto& p : problems) std::printf("FAIL: %s\n", p.c_str());
    return 1;
  }
  if (!std::getenv("MOTCUA_KEEP_CRASH_DIR")) std::filesystem::remove_all(dir);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: crash_test path/to/motcua [cycles]\n");
    return 2;
  }
  std::signal(SIGPIPE, SIG_IGN);
  const int cycles = argc > 2 ? std::atoi(argv[2]) : 6;
  const int clients = argc > 3 ? std::atoi(argv[3]) : 8;
  return Run(argv[1], cycles < 5 ? 5 : cycles, clients < 1 ? 1 : clients);
}
