// Identity use cases over a real (temporary) SQLite store: logins, lockout, scope, audit.
#include "app/identity_service.h"

#include <chrono>
#include <set>
#include <thread>

#include "app/audit_service.h"
#include "app/testing/service_fixture.h"

namespace motcua::app {
namespace {

using identity::Role;

class IdentityServiceTest : public testing::ServiceFixture {
 protected:
  IdentityServiceTest() : ServiceFixture(1'770'000'000, /*unit_calendars=*/false) {}

  std::vector<audit::Record> AuditLog() {
    AuditService audit(*store_, clock_);
    return *audit.List({0, 1000});
  }
};

TEST_F(IdentityServiceTest, SeedIsIdempotentAndHasOneUserPerRole) {
  auto again = SeedDemoProvince(*identity_);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
  std::set<Role> roles;
  Actor system;
  system.system = true;
  const auto users = identity_->ListUsers(system, {0, 100});  // outlives the loop
  for (const auto& u : *users) {
    for (Role r : u.roles.list()) roles.insert(r);
  }
  EXPECT_EQ(roles.size(), std::size(identity::kAllRoles));
}

TEST_F(IdentityServiceTest, LoginOpensASessionThatAuthenticates) {
  auto login = identity_->Login("chuyenvien", passwords_["chuyenvien"], Actor{});
  ASSERT_TRUE(login.ok()) << ToString(login.error());
  auto principal = identity_->AuthenticateSession(login->session_token);
  ASSERT_TRUE(principal.ok());
  EXPECT_EQ(principal->user.username, "chuyenvien");
  EXPECT_EQ(principal->csrf_token, login->csrf_token);
  clock_.Advance(13 * 3600);
  EXPECT_EQ(identity_->AuthenticateSession(login->session_token).error().code,
            ErrorCode::kUnauthenticated);
}

TEST_F(IdentityServiceTest, WrongPasswordAndUnknownUserLookTheSame) {
  auto wrong = identity_->Login("chuyenvien", "not-the-password", Actor{});
  auto unknown = identity_->Login("nobody", "not-the-password", Actor{});
  EXPECT_EQ(wrong.error().reason, "bad-credentials");
  EXPECT_EQ(unknown.error().reason, "bad-credentials");
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  auto log = AuditLog();
  ASSERT_GE(log.size(), 2u);
  EXPECT_EQ(log[log.size() - 2].action, "login");
  EXPECT_EQ(log[log.size() - 2].result, "bad-credentials");
  EXPECT_EQ(log.back().actor, "nobody");
}

TEST_F(IdentityServiceTest, LockoutAfterRepeatedFailuresThenBackoffEnds) {
  for (int i = 0; i < 5; ++i) (void)identity_->Login("vanthu", "wrong-password", Actor{});
  auto locked = identity_->Login("vanthu", passwords_["vanthu"], Actor{});
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().reason, "locked-out");
  clock_.Advance(31);
  EXPECT_TRUE(identity_->Login("vanthu", passwords_["vanthu"], Actor{}).ok());
}

TEST_F(IdentityServiceTest, InactiveUserCannotLoginAndLosesSessions) {
  auto login = identity_->Login("vanthu", passwords_["vanthu"], Actor{});
  ASSERT_TRUE(login.ok());
  auto user = identity_->GetUser(As("admin"), login->user.id);
  ASSERT_TRUE(user.ok());
  ASSERT_TRUE(identity_->AuthenticateSession(login->session_token).ok());  // checked: remembered
  user->active = false;
  ASSERT_TRUE(identity_->UpdateUser(As("admin"), *user, std::nullopt).ok());
  EXPECT_FALSE(identity_->AuthenticateSession(login->session_token).ok());
  EXPECT_EQ(identity_->Login("vanthu", passwords_["vanthu"], Actor{}).error().reason,
            "bad-credentials");
}

// A checked session is believed for a moment without reading the store. A logout through the
// same service ends it at once; one through another service on the same database (another
// server) once the recheck time has passed.
TEST_F(IdentityServiceTest, ACheckedSessionIsBelievedOnlyUntilItsRecheck) {
  IdentityOptions options;
  options.session_recheck = std::chrono::milliseconds(200);
  IdentityService here(*store_, clock_, hasher_, options), elsewhere(*store_, clock_, hasher_);
  auto a = here.Login("vanthu", passwords_["vanthu"], Actor{});
  auto b = here.Login("chuyenvien", passwords_["chuyenvien"], Actor{});
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(here.AuthenticateSession(a->session_token).ok());
  ASSERT_TRUE(here.AuthenticateSession(b->session_token).ok());
  ASSERT_TRUE(here.Logout(a->session_token, Actor{}).ok());
  EXPECT_FALSE(here.AuthenticateSession(a->session_token).ok());
  ASSERT_TRUE(elsewhere.Logout(b->session_token, Actor{}).ok());
  const auto logged_out = std::chrono::steady_clock::now();
  auto still = here.AuthenticateSession(b->session_token);
  if (std::chrono::steady_clock::now() - logged_out < std::chrono::milliseconds(150)) {
    EXPECT_TRUE(still.ok()) << "believed within the recheck time";
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  EXPECT_EQ(here.AuthenticateSession(b->session_token).error().code, ErrorCode::kUnauthenticated);
  // The session's own expiry is never extended by the memory of it.
  auto c = here.Login("vanthu", passwords_["vanthu"], Actor{});
  ASSERT_TRUE(here.AuthenticateSession(c->session_token).ok());
  clock_.Advance(13 * 3600);
  EXPECT_FALSE(here.AuthenticateSession(c->session_token).ok());
}

TEST_F(IdentityServiceTest, OfficersSeeOnlyTheirSubtree) {
  Actor justice_head = As("giamdoc");  // Sở Tư pháp
  auto units = identity_->ListUnits(justice_head);
  ASSERT_TRUE(units.ok());
  EXPECT_EQ(units->size(), 2u);  // the department and its division
  auto other = identity_->GetUnit(justice_head, UnitId("H99.03"));
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  auto land_officer = identity_->GetUser(justice_head, As("chuyenvien.datdai").user->id);
  EXPECT_EQ(land_officer.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(identity_->GetUser(justice_head, As("chuyenvien").user->id).ok());
  auto users = identity_->ListUsers(justice_head, {0, 100});
  for (const auto& u : *users) EXPECT_NE(u.username, "chuyenvien.datdai");
}

TEST_F(IdentityServiceTest, UnitValidationNamesFieldsAndNothingIsWritten) {
  const std::size_t before = AuditLog().size();
  identity::Unit bad;
  bad.code = "h99-x";
  bad.parent_id = UnitId("H99");
  auto r = identity_->CreateUnit(As("admin"), bad);
  ASSERT_FALSE(r.ok());
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"code", "name"}));
  EXPECT_EQ(AuditLog().size(), before);
}

TEST_F(IdentityServiceTest, UnitCannotMoveBelowItself) {
  auto dept = identity_->GetUnit(As("admin"), UnitId("H99.02"));
  dept->parent_id = UnitId("H99.02.01");
  auto r = identity_->UpdateUnit(As("admin"), *dept);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "parent_id");
}

TEST_F(IdentityServiceTest, ConcurrentEditsConflict) {
  auto a = identity_->GetUnit(As("admin"), UnitId("H99.04"));
  auto b = a;
  a->name = "Sở Xây dựng (mới)";
  b->name = "Sở Xây dựng (khác)";
  ASSERT_TRUE(identity_->UpdateUnit(As("admin"), *a).ok());
  auto second = identity_->UpdateUnit(As("admin"), *b);
  EXPECT_EQ(second.error().reason, "version-conflict");
}

TEST_F(IdentityServiceTest, ApiTokensAuthenticateUntilRevoked) {
  Actor officer = As("chuyenvien");
  auto created = identity_->CreateApiToken(officer, "một cửa liên thông");
  ASSERT_TRUE(created.ok());
  auto p = identity_->AuthenticateBearer(created->second);
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p->via_session);
  EXPECT_EQ(identity_->RevokeApiToken(As("vanthu"), created->first.id).error().code,
            ErrorCode::kNotFound);
  ASSERT_TRUE(identity_->RevokeApiToken(officer, created->first.id).ok());
  EXPECT_FALSE(identity_->AuthenticateBearer(created->second).ok());
}

TEST_F(IdentityServiceTest, EveryWriteIsAuditedAndTheChainVerifies) {
  ASSERT_TRUE(identity_->Login("admin", passwords_["admin"], Actor{}).ok());
  AuditService audit(*store_, clock_);
  auto outcome = audit.Verify();
  ASSERT_TRUE(outcome.ok());
  EXPECT_TRUE(outcome->ok);
  // Seed: 13 units + 9 users; then one login.
  EXPECT_EQ(outcome->checked, 13 + 9 + 1);
  auto log = AuditLog();
  EXPECT_EQ(log.front().action, "unit.create");
  EXPECT_EQ(log.front().actor, "system");
  EXPECT_EQ(log.back().action, "login");
  EXPECT_EQ(log.back().result, "ok");
}

}  // namespace
}  // namespace motcua::app
