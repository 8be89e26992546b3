#pragma once

// The use cases over a real, temporary SQLite store with the demo province (units, one user per
// role, their passwords in passwords_), for the application tests: every service, an actor for a
// demo user, a unit's id by code.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "app/calendar_service.h"
#include "app/catalog_service.h"
#include "app/dossier_service.h"
#include "app/identity_service.h"
#include "app/seed.h"
#include "catalog/test_util.h"
#include "storage/sqlite/sqlite_store.h"

namespace motcua::app::testing {

class ServiceFixture : public ::testing::Test {
 protected:
  // `start`: the fake clock's first instant. `unit_calendars`: whether the demo province's units
  // get the national default calendar (the identity tests count audit records without it).
  explicit ServiceFixture(Instant start, bool unit_calendars = true)
      : clock_(start), unit_calendars_(unit_calendars) {}

  void SetUp() override {
    static std::atomic<int> n{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("motcua-app-" + std::to_string(getpid()) + "-" + std::to_string(n++));
    std::filesystem::create_directories(dir_);
    auto store =
        storage::sqlite::SqliteStore::Open({(dir_ / "t.db").string(), 2, 5000, 64, &clock_});
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
    ASSERT_TRUE(store_->Migrate().ok());
    identity_ = std::make_unique<IdentityService>(*store_, clock_, hasher_);
    calendars_ = std::make_unique<CalendarService>(*store_, clock_);
    catalog_ = std::make_unique<CatalogService>(*store_, clock_, *calendars_);
    dossiers_ = std::make_unique<DossierService>(*store_, clock_, *calendars_);
    auto seeded = SeedDemoProvince(*identity_, unit_calendars_ ? calendars_.get() : nullptr);
    ASSERT_TRUE(seeded.ok()) << ToString(seeded.error());
    for (const auto& u : *seeded) passwords_[u.username] = u.password;
  }

  void TearDown() override {
    dossiers_.reset();
    catalog_.reset();
    calendars_.reset();
    identity_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // The demo user `username` acting from 10.0.0.1.
  Actor As(const std::string& username) {
    Actor a;
    a.address = "10.0.0.1";
    a.request_id = "req-1";
    Status s = store_->Read([&](ReadTx& tx) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(a.user, tx.FindUserByUsername(username));
      return Ok();
    });
    EXPECT_TRUE(s.ok() && a.user) << username;
    return a;
  }

  identity::UnitId UnitId(const std::string& code) {
    identity::UnitId id = 0;
    EXPECT_TRUE(store_
                    ->Read([&](ReadTx& tx) -> Status {
                      MOTCUA_ASSIGN_OR_RETURN(auto u, tx.FindUnitByCode(code));
                      id = u ? u->id : 0;
                      return Ok();
                    })
                    .ok());
    return id;
  }

  std::filesystem::path dir_;
  FakeClock clock_;
  bool unit_calendars_;
  PasswordHasher hasher_{PasswordCost::Minimum(), 2, 5000};
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<IdentityService> identity_;
  std::unique_ptr<CalendarService> calendars_;
  std::unique_ptr<CatalogService> catalog_;
  std::unique_ptr<DossierService> dossiers_;
  std::map<std::string, std::string> passwords_;
};

// The demo province's units that the dossier tests use.
inline constexpr char kCenter[] = "H99.01";       // the provincial service center
inline constexpr char kJustice[] = "H99.02";      // the Justice department
inline constexpr char kDivision[] = "H99.02.01";  // its civil-status division

// A workflow step performed by `role` in `unit`, with `hours` of budget.
inline catalog::Step Step(std::string id, catalog::StepKind kind, std::string unit,
                          std::string role, double hours, std::vector<std::string> next,
                          std::vector<std::string> back = {}) {
  catalog::Step s = catalog::testing::MakeStep(std::move(id), kind, hours, std::move(next));
  s.performer = {std::move(unit), std::move(role)};
  s.back = std::move(back);
  return s;
}

// Đăng ký kết hôn (procedure 1.000001) at the Justice department, received at the provincial
// center: 10 days, in six steps (reception, appraisal, approval that may send back, signature,
// issue, return).
inline CatalogItem Marriage() {
  catalog::Procedure p = catalog::testing::MarriageRegistration(10);
  p.code = "1.000001";
  p.level = catalog::Level::kProvince;
  p.competent_units = {kJustice};
  p.receiving_units = {kCenter};
  catalog::Workflow w;
  w.procedure_code = p.code;
  using catalog::StepKind;
  w.steps = {
      Step("tiep-nhan", StepKind::kReceive, kCenter, "reception_officer", 4, {"tham-dinh"}),
      Step("tham-dinh", StepKind::kAppraise, kDivision, "specialist", 60, {"duyet"}),
      Step("duyet", StepKind::kApprove, kDivision, "division_head", 6, {"ky"}, {"tham-dinh"}),
      Step("ky", StepKind::kSign, kJustice, "agency_head", 4, {"ban-hanh"}),
      Step("ban-hanh", StepKind::kIssue, kJustice, "clerk", 2, {"tra"}),
      Step("tra", StepKind::kReturn, kCenter, "reception_officer", 4, {})};
  CatalogItem item{catalog::testing::PublishedVersion(p, {2025, 1, 1}), {}};
  item.workflows.push_back(w);
  return item;
}

// Đăng ký kết hôn (procedure 1.000001) brought by Nguyễn Thị Hương with the declaration on paper.
inline ReceptionInput Input(dossier::Channel channel = dossier::Channel::kInPerson) {
  ReceptionInput in;
  in.procedure_code = "1.000001";
  in.channel = channel;
  in.applicant = {false,    "Nguyễn Thị Hương", "001190012345",    "Phường Hòa Bình",
                  "H99.10", "0912345678",       "huong@example.vn"};
  in.components = {{"Tờ khai đăng ký kết hôn", dossier::Provision::kPaperOriginal, false, ""}};
  return in;
}

}  // namespace motcua::app::testing
