#pragma once

// A running API server over a temporary SQLite store (or another: OpenStore) with the demo
// province and every service, for HTTP tests: log in as a demo user and send requests with the
// session cookie and CSRF token.

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/seed.h"
#include "catalog/test_util.h"
#include "http/log.h"
#include "http/routes.h"
#include "storage/sqlite/sqlite_store.h"

namespace motcua::http::testing {

struct Session {
  std::string cookie;
  std::string csrf;
};

class ApiFixture : public ::testing::Test {
 protected:
  using json = nlohmann::json;

  explicit ApiFixture(Instant start) : clock_(start) {}

  void SetUp() override {
    Prepare();
    StartServer();
  }

  // The store the server runs on, empty: SQLite in dir_ (t.db) unless a fixture says otherwise.
  virtual std::unique_ptr<app::Store> OpenStore() {
    auto store =
        storage::sqlite::SqliteStore::Open({(dir_ / "t.db").string(), 4, 5000, 256, &clock_});
    EXPECT_TRUE(store.ok()) << ToString(store.error());
    return store.ok() ? std::move(*store) : nullptr;
  }

  // The store, the services and the demo province, without the server.
  void Prepare() {
    static std::atomic<int> n{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("motcua-api-" + std::to_string(getpid()) + "-" + std::to_string(n++));
    std::filesystem::create_directories(dir_);
    store_ = OpenStore();
    ASSERT_TRUE(store_);
    ASSERT_TRUE(store_->Migrate().ok());
    store_->SetCommitObserver([this](double s, int n) { metrics_.ObserveCommit(s, n); });
    identity_ = std::make_unique<app::IdentityService>(*store_, clock_, hasher_);
    audit_ = std::make_unique<app::AuditService>(*store_, clock_);
    calendars_ = std::make_unique<app::CalendarService>(*store_, clock_);
    catalog_ = std::make_unique<app::CatalogService>(*store_, clock_, *calendars_);
    dossiers_ = std::make_unique<app::DossierService>(*store_, clock_, *calendars_);
    reports_ = std::make_unique<app::ReportService>(*store_, clock_);
    auto seeded = app::SeedDemoProvince(*identity_, calendars_.get());
    ASSERT_TRUE(seeded.ok());
    for (const auto& u : *seeded) passwords_[u.username] = u.password;
    log_file_ = std::fopen((dir_ / "log.jsonl").c_str(), "w");
    log_ = std::make_unique<Logger>(log_file_, clock_);
  }

  // The server on a free port with every route (and `extra`), and a client to it.
  void StartServer(ServerOptions options = {}, std::vector<Route> extra = {}) {
    options.port = 0;
    options.threads = 4;
    server_ = std::make_unique<ApiServer>(options,
                                          ServerDeps{*identity_, *audit_, clock_, *log_, metrics_});
    services_ =
        std::make_unique<Services>(Services{*store_, *identity_, *audit_, metrics_, false,
                                            calendars_.get(), catalog_.get(), dossiers_.get()});
    services_->reports = reports_.get();
    AddAllRoutes(*server_, *services_);
    for (auto& r : extra) server_->Add(std::move(r));
    ASSERT_TRUE(server_->Start().ok());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }

  void TearDown() override {
    if (server_) server_->Stop();
    server_.reset();
    services_.reset();  // the export jobs: joined before the store goes
    if (log_file_) std::fclose(log_file_);
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  Session Login(const std::string& username) {
    auto res =
        client_->Post("/api/v1/auth/login",
                      json{{"username", username}, {"password", passwords_[username]}}.dump(),
                      "application/json");
    EXPECT_TRUE(res && res->status == 200) << username << " " << (res ? res->body : "no answer");
    if (!res || res->status != 200) return {};
    std::string cookie = res->get_header_value("Set-Cookie");
    return {cookie.substr(0, cookie.find(';')), json::parse(res->body)["csrf_token"]};
  }

  httplib::Result Send(const std::string& method, const std::string& path, const Session* s,
                       const std::string& body = "", httplib::Headers h = {}) {
    if (s) {
      h.emplace("Cookie", s->cookie);
      h.emplace("X-CSRF-Token", s->csrf);
    }
    if (method == "GET") return client_->Get(path, h);
    if (method == "POST") return client_->Post(path, h, body, "application/json");
    if (method == "PUT") return client_->Put(path, h, body, "application/json");
    return client_->Delete(path, h, body, "application/json");
  }

  // Sends a command to dossier `id` with its current version.
  httplib::Result Command(const Session& s, std::int64_t id, json command) {
    auto current = Body(Send("GET", "/api/v1/dossiers/" + std::to_string(id), &s));
    command["version"] = current["version"];
    return Send("POST", "/api/v1/dossiers/" + std::to_string(id) + "/commands", &s, command.dump());
  }

  static json Body(const httplib::Result& res) {
    return res ? json::parse(res->body, nullptr, false) : json();
  }

  // The fields named by a validation problem, in order.
  static std::vector<std::string> Fields(const httplib::Result& res) {
    std::vector<std::string> out;
    const json body = Body(res);  // not a temporary: the loop iterates over a part of it
    for (const auto& e : body["errors"]) out.push_back(e["field"]);
    return out;
  }

  identity::UnitId UnitId(const std::string& code) {
    identity::UnitId id = 0;
    EXPECT_TRUE(store_
                    ->Read([&](app::ReadTx& tx) -> Status {
                      MOTCUA_ASSIGN_OR_RETURN(auto unit, tx.FindUnitByCode(code));
                      id = unit ? unit->id : 0;
                      return Ok();
                    })
                    .ok());
    return id;
  }

  // A user besides the demo ones, with a known password.
  void AddUser(const std::string& username, const std::string& unit, identity::Role role) {
    identity::User u;
    u.username = username;
    u.full_name = "Người dùng thử";
    u.unit_id = UnitId(unit);
    u.roles = {role};
    ASSERT_TRUE(identity_->CreateUser(app::Actor::System(), u, "mat-khau-dai-1").ok());
    passwords_[username] = "mat-khau-dai-1";
  }

  // Procedure 1.000001 (marriage registration, province level), published with a workflow:
  // received and returned at H99.01, appraised at H99.02.01, signed at H99.02.
  void ImportCounterProcedure() {
    auto step = [](std::string id, catalog::StepKind kind, std::string unit, std::string role,
                   double hours, std::vector<std::string> next) {
      catalog::Step s = catalog::testing::MakeStep(std::move(id), kind, hours, std::move(next));
      s.performer = {std::move(unit), std::move(role)};
      return s;
    };
    using catalog::StepKind;
    catalog::Procedure p = catalog::testing::MarriageRegistration(10);
    p.code = "1.000001";
    p.level = catalog::Level::kProvince;
    p.competent_units = {"H99.02"};
    p.receiving_units = {"H99.01"};
    catalog::Workflow w;
    w.procedure_code = p.code;
    w.steps = {step("tiep-nhan", StepKind::kReceive, "H99.01", "reception_officer", 4, {"xu-ly"}),
               step("xu-ly", StepKind::kAppraise, "H99.02.01", "specialist", 64, {"ky"}),
               step("ky", StepKind::kSign, "H99.02", "agency_head", 8, {"tra"}),
               step("tra", StepKind::kReturn, "H99.01", "reception_officer", 4, {})};
    app::CatalogItem item{catalog::testing::PublishedVersion(p, {2025, 1, 1}), {w}};
    auto imported = catalog_->ImportCatalog(app::Actor::System(), {item});
    ASSERT_TRUE(imported.ok()) << ToString(imported.error());
  }

  std::filesystem::path dir_;
  FakeClock clock_;
  app::PasswordHasher hasher_{app::PasswordCost::Minimum(), 2, 5000};
  std::unique_ptr<app::Store> store_;
  std::unique_ptr<app::IdentityService> identity_;
  std::unique_ptr<app::AuditService> audit_;
  std::unique_ptr<app::CalendarService> calendars_;
  std::unique_ptr<app::CatalogService> catalog_;
  std::unique_ptr<app::DossierService> dossiers_;
  std::unique_ptr<app::ReportService> reports_;
  std::map<std::string, std::string> passwords_;
  Metrics metrics_;
  std::FILE* log_file_ = nullptr;
  std::unique_ptr<Logger> log_;
  std::unique_ptr<ApiServer> server_;
  std::unique_ptr<Services> services_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace motcua::http::testing
