#include "storage/postgres/testing/pg_test_environment.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

namespace motcua::storage::postgres::testing {
namespace {

std::mutex server_mu;
std::unique_ptr<PgTestServer> server;  // guarded by server_mu
std::optional<Error> start_error;      // guarded by server_mu
bool tried = false;                    // guarded by server_mu
std::atomic<int> database_counter{0};

class PgServerEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    std::lock_guard lock(server_mu);
    server.reset();
    tried = false;  // --gtest_repeat runs SetUp/TearDown again: start a new server then
    start_error.reset();
  }
};

[[maybe_unused]] ::testing::Environment* const kEnvironment =
    ::testing::AddGlobalTestEnvironment(new PgServerEnvironment);

}  // namespace

PgTestServer* SharedPgTestServer() {
  std::lock_guard lock(server_mu);
  if (!tried) {
    tried = true;
    auto started = PgTestServer::Start();
    if (started.ok()) {
      server = std::move(started).value();
    } else {
      start_error = std::move(started).error();
      ADD_FAILURE() << "cannot start the PostgreSQL test server: " << start_error->message;
    }
  }
  return server.get();
}

Result<std::string> CreateTestDatabase() {
  PgTestServer* s = SharedPgTestServer();
  if (s == nullptr) {
    std::lock_guard lock(server_mu);
    return start_error ? *start_error : Error::Unavailable("the PostgreSQL test server stopped");
  }
  return s->CreateDatabase("t" + std::to_string(++database_counter));
}

}  // namespace motcua::storage::postgres::testing
