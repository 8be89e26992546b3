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

}  // namespace motcua::app::testing
