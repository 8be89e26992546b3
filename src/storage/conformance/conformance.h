#pragma once

// The storage conformance suite: one set of tests that every back end must pass. A back end's
// test file instantiates it with a factory that returns a fresh, migrated, empty store:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformance,
//                            ::testing::Values(StoreFactory{"sqlite", &MakeSqliteStore}));

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "app/store.h"

namespace motcua::storage::conformance {

struct StoreFactory {
  std::string name;
  // A fresh migrated store over an empty database.
  std::function<std::unique_ptr<app::Store>()> make;
  // A path for Backup() to write to (a file in a temporary directory).
  std::function<std::string()> backup_path;
};

// Test names and failure messages show the back end's name, not the factory's bytes.
inline void PrintTo(const StoreFactory& factory, std::ostream* os) { *os << factory.name; }

class StoreConformance : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override { store_ = GetParam().make(); }
  void TearDown() override { store_.reset(); }
  app::Store& store() { return *store_; }

 private:
  std::unique_ptr<app::Store> store_;
};

std::string FactoryName(const ::testing::TestParamInfo<StoreFactory>& info);

}  // namespace motcua::storage::conformance
