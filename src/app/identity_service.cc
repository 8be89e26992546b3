#include "app/identity_service.h"

#include "app/audit_service.h"

namespace motcua::app {
namespace {

using identity::Unit;
using identity::User;

Error BadCredentials() {
  return Error::Unauthenticated("wrong username or password").WithReason("bad-credentials");
}

std::string Describe(const Unit& u) {
  return "code=" + u.code + " name=" + u.name + " kind=" + std::string(UnitKindName(u.kind)) +
         " parent=" + (u.parent_id ? std::to_string(*u.parent_id) : "-");
}

std::string Describe(const User& u) {
  std::string roles;
  for (auto r : u.roles.list()) roles += (roles.empty() ? "" : ",") + std::string(RoleName(r));
  return "username=" + u.username + " unit=" + std::to_string(u.unit_id) + " roles=" + roles +
         " active=" + (u.active ? "true" : "false");
}

}  // namespace

IdentityService::IdentityService(Store& store, const Clock& clock, PasswordHasher& hasher,
                                 IdentityOptions options)
    : store_(store), clock_(clock), hasher_(hasher), options_(options) {}

audit::Record IdentityService::Audit(const Actor& actor, std::string action,
                                     std::string object_type, std::string object_id,
                                     std::string detail) const {
  return AuditRecordFor(actor, clock_.Now(), std::move(action), std::move(object_type),
                        std::move(object_id), std::move(detail));
}

Status IdentityService::CheckScope(ReadTx& tx, const Actor& actor, identity::UnitId unit) {
  if (actor.system) return Ok();
  if (!actor.user) return Error::Unauthenticated("login required");
  MOTCUA_ASSIGN_OR_RETURN(bool inside, tx.UnitInSubtree(actor.user->unit_id, unit));
  if (!inside) return Error::NotFound("not found in your units");
  return Ok();
}

// --- login, sessions, tokens ---------------------------------------------------------------------

Result<LoginOutcome> IdentityService::Login(const std::string& username,
                                            const std::string& password, const Actor& actor) {
  std::optional<User> user;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(user, tx.FindUserByUsername(username));
    return Ok();
  }));
  const Instant now = clock_.Now();
  Actor as_user = actor;
  as_user.user = user;
  // The slow hash runs outside any transaction so that it never holds up the writer.
  Error failure = BadCredentials();
  bool ok = false;
  if (!user) {
    hasher_.VerifyDummy(password);
  } else if (user->locked_until > now) {
    failure = Error::Unauthenticated("too many failed logins; try again after " +
                                     std::to_string(user->locked_until - now) + " s")
                  .WithReason("locked-out");
  } else {
    Status verified = hasher_.Verify(user->password_hash, password);
    if (!verified.ok() && verified.error().code == ErrorCode::kResourceExhausted)
      return verified.error();
    ok = verified.ok() && user->active;
  }

  LoginOutcome out;
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    audit::Record rec = Audit(as_user, "login", "user", user ? std::to_string(user->id) : "", "");
    rec.actor = username.substr(0, 200);
    if (!ok) {
      rec.result = std::string(failure.reason);
      if (user && failure.reason != "locked-out") {
        const std::int64_t failed = user->failed_logins + 1;
        const std::int64_t lock = identity::LockoutSeconds(failed);
        MOTCUA_RETURN_IF_ERROR(tx.SetLoginState(user->id, failed, lock ? now + lock : 0));
        rec.detail = "failed_logins=" + std::to_string(failed);
      }
      return tx.AppendAudit(rec);
    }
    MOTCUA_RETURN_IF_ERROR(tx.SetLoginState(user->id, 0, 0));
    out.user = *user;
    out.user.failed_logins = 0;
    out.user.locked_until = 0;
    out.session_token = RandomToken(32);
    out.csrf_token = RandomToken(24);
    out.expires_at = now + options_.session_ttl_seconds;
    MOTCUA_RETURN_IF_ERROR(tx.InsertSession(
        {Sha256Hex(out.session_token), user->id, out.csrf_token, now, out.expires_at}));
    return tx.AppendAudit(rec);
  }));
  if (!ok) return failure;
  return out;
}

Status IdentityService::Logout(const std::string& session_token, const Actor& actor) {
  const std::string hash = Sha256Hex(session_token);
  Forget(hash);
  return store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.DeleteSession(hash));
    audit::Record rec = Audit(actor, "logout", "session", "", "");
    return tx.AppendAudit(rec);
  });
}

std::optional<Principal> IdentityService::RecentlyChecked(const std::string& token_hash,
                                                          Instant now) {
  if (options_.session_recheck.count() <= 0) return std::nullopt;
  std::lock_guard lock(sessions_mu_);
  auto it = sessions_.find(token_hash);
  if (it == sessions_.end()) return std::nullopt;
  const auto age = std::chrono::steady_clock::now() - it->second.checked;
  if (age > options_.session_recheck || it->second.expires_at <= now) {
    sessions_.erase(it);
    return std::nullopt;
  }
  return it->second.principal;
}

void IdentityService::Remember(const std::string& token_hash, const Principal& p,
                               Instant expires_at) {
  if (options_.session_recheck.count() <= 0) return;
  std::lock_guard lock(sessions_mu_);
  if (sessions_.size() >= 100'000) sessions_.clear();  // a bound, not a policy
  sessions_[token_hash] = {p, expires_at, std::chrono::steady_clock::now()};
}

void IdentityService::Forget(const std::string& token_hash) {
  std::lock_guard lock(sessions_mu_);
  if (token_hash.empty()) {
    sessions_.clear();
  } else {
    sessions_.erase(token_hash);
  }
}

Result<Principal> IdentityService::AuthenticateSession(const std::string& session_token) {
  const Instant now = clock_.Now();
  const std::string hash = Sha256Hex(session_token);
  if (auto recent = RecentlyChecked(hash, now)) return *recent;
  Principal p;
  Instant expires_at = 0;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto session, tx.FindSession(hash));
    if (!session || session->expires_at <= now) return Error::Unauthenticated("session expired");
    MOTCUA_ASSIGN_OR_RETURN(auto user, tx.FindUser(session->user_id));
    if (!user || !user->active) return Error::Unauthenticated("session expired");
    p.user = std::move(*user);
    p.via_session = true;
    p.csrf_token = session->csrf_token;
    expires_at = session->expires_at;
    return Ok();
  }));
  Remember(hash, p, expires_at);
  return p;
}

Result<Principal> IdentityService::AuthenticateBearer(const std::string& token) {
  Principal p;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto stored, tx.FindApiToken(Sha256Hex(token)));
    if (!stored || stored->revoked_at) return Error::Unauthenticated("invalid or revoked token");
    MOTCUA_ASSIGN_OR_RETURN(auto user, tx.FindUser(stored->user_id));
    if (!user || !user->active) return Error::Unauthenticated("invalid or revoked token");
    p.user = std::move(*user);
    return Ok();
  }));
  return p;
}

Result<std::pair<ApiToken, std::string>> IdentityService::CreateApiToken(const Actor& actor,
                                                                         const std::string& name) {
  if (!actor.user) return Error::Unauthenticated("login required");
  if (name.empty() || name.size() > 100) {
    return Error::InvalidField("name", "must have 1 to 100 bytes");
  }
  const std::string secret = "mct_" + RandomToken(32);
  ApiToken token{0, actor.user->id, name, Sha256Hex(secret), clock_.Now(), std::nullopt};
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.InsertApiToken(token));
    audit::Record rec =
        Audit(actor, "token.create", "api_token", std::to_string(token.id), "name=" + name);
    return tx.AppendAudit(rec);
  }));
  return std::make_pair(token, secret);
}

Result<std::vector<ApiToken>> IdentityService::ListApiTokens(const Actor& actor) {
  if (!actor.user) return Error::Unauthenticated("login required");
  std::vector<ApiToken> out;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out, tx.ListApiTokens(actor.user->id));
    return Ok();
  }));
  return out;
}

Status IdentityService::RevokeApiToken(const Actor& actor, std::int64_t id) {
  if (!actor.user) return Error::Unauthenticated("login required");
  return store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto tokens, tx.ListApiTokens(actor.user->id));
    bool own = false;
    for (const auto& t : tokens) own = own || (t.id == id && !t.revoked_at);
    if (!own) return Error::NotFound("no active token " + std::to_string(id));
    MOTCUA_RETURN_IF_ERROR(tx.RevokeApiToken(id, clock_.Now()));
    audit::Record rec = Audit(actor, "token.revoke", "api_token", std::to_string(id), "");
    return tx.AppendAudit(rec);
  });
}

// --- units ---------------------------------------------------------------------------------------

Status IdentityService::ValidateUnit(const Unit& unit) const {
  Error e = Error::InvalidArgument("invalid unit").WithReason("validation");
  if (Status code = identity::ValidateUnitCode(unit.code); !code.ok()) {
    e.fields.insert(e.fields.end(), code.error().fields.begin(), code.error().fields.end());
  }
  if (unit.name.empty() || unit.name.size() > 300) {
    e.fields.push_back({"name", "must have 1 to 300 bytes"});
  }
  if (unit.address.size() > 500) e.fields.push_back({"address", "must have at most 500 bytes"});
  if (!e.fields.empty()) return e;
  return Ok();
}

Result<std::vector<Unit>> IdentityService::ListUnits(const Actor& actor) {
  std::vector<Unit> out;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    if (actor.system) {
      MOTCUA_ASSIGN_OR_RETURN(out, tx.ListUnits());
    } else {
      if (!actor.user) return Error::Unauthenticated("login required");
      MOTCUA_ASSIGN_OR_RETURN(out, tx.ListUnitsInSubtree(actor.user->unit_id));
    }
    return Ok();
  }));
  return out;
}

Result<Unit> IdentityService::GetUnit(const Actor& actor, identity::UnitId id) {
  Unit out;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(CheckScope(tx, actor, id));
    MOTCUA_ASSIGN_OR_RETURN(auto unit, tx.FindUnit(id));
    if (!unit) return Error::NotFound("unit " + std::to_string(id) + " not found");
    out = std::move(*unit);
    return Ok();
  }));
  return out;
}

Result<Unit> IdentityService::CreateUnit(const Actor& actor, Unit unit) {
  MOTCUA_RETURN_IF_ERROR(ValidateUnit(unit));
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    if (unit.parent_id) {
      MOTCUA_ASSIGN_OR_RETURN(auto parent, tx.FindUnit(*unit.parent_id));
      if (!parent) return Error::InvalidField("parent_id", "no such unit");
      MOTCUA_RETURN_IF_ERROR(CheckScope(tx, actor, *unit.parent_id));
    } else if (!actor.system) {
      MOTCUA_ASSIGN_OR_RETURN(auto all, tx.ListUnits());
      if (!all.empty()) return Error::InvalidField("parent_id", "is required: the root exists");
    }
    Status inserted = tx.InsertUnit(unit);
    if (!inserted.ok() && inserted.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("a unit with code " + unit.code + " exists")
          .WithReason("duplicate-code")
          .WithField("code", "is taken by another unit");
    }
    MOTCUA_RETURN_IF_ERROR(inserted);
    audit::Record rec =
        Audit(actor, "unit.create", "unit", std::to_string(unit.id), Describe(unit));
    return tx.AppendAudit(rec);
  }));
  return unit;
}

Result<Unit> IdentityService::UpdateUnit(const Actor& actor, Unit unit) {
  MOTCUA_RETURN_IF_ERROR(ValidateUnit(unit));
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(CheckScope(tx, actor, unit.id));
    MOTCUA_ASSIGN_OR_RETURN(auto current, tx.FindUnit(unit.id));
    if (!current) return Error::NotFound("unit " + std::to_string(unit.id) + " not found");
    if (unit.parent_id != current->parent_id) {
      if (!unit.parent_id) return Error::InvalidField("parent_id", "cannot become a root");
      MOTCUA_RETURN_IF_ERROR(CheckScope(tx, actor, *unit.parent_id));
      MOTCUA_ASSIGN_OR_RETURN(bool cycle, tx.UnitInSubtree(unit.id, *unit.parent_id));
      if (cycle) return Error::InvalidField("parent_id", "would put the unit below itself");
    }
    MOTCUA_RETURN_IF_ERROR(tx.UpdateUnit(unit));
    audit::Record rec =
        Audit(actor, "unit.update", "unit", std::to_string(unit.id), Describe(unit));
    return tx.AppendAudit(rec);
  }));
  return unit;
}

// --- users ---------------------------------------------------------------------------------------

Result<std::vector<User>> IdentityService::ListUsers(const Actor& actor, Page page) {
  std::vector<User> out;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    std::optional<identity::UnitId> scope;
    if (!actor.system) {
      if (!actor.user) return Error::Unauthenticated("login required");
      scope = actor.user->unit_id;
    }
    MOTCUA_ASSIGN_OR_RETURN(out, tx.ListUsers(scope, page));
    return Ok();
  }));
  return out;
}

Result<User> IdentityService::GetUser(const Actor& actor, identity::UserId id) {
  User out;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto user, tx.FindUser(id));
    if (!user) return Error::NotFound("user " + std::to_string(id) + " not found");
    MOTCUA_RETURN_IF_ERROR(CheckScope(tx, actor, user->unit_id));
    out = std::move(*user);
    return Ok();
  }));
  return out;
}

Result<User> IdentityService::CreateUser(const Actor& actor, User user,
                                         const std::string& password) {
  Status valid = identity::ValidateUser(user);
  Status pw = ValidatePassword(password);
  if (!valid.ok() || !pw.ok()) {
    Error e = valid.ok() ? Error::InvalidArgument("invalid user").WithReason("validation")
                         : valid.error();
    if (!pw.ok()) e.fields.push_back(pw.error().fields.front());
    return e;
  }
  MOTCUA_ASSIGN_OR_RETURN(user.password_hash, hasher_.Hash(password));
  user.failed_logins = 0;
  user.locked_until = 0;
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto unit, tx.FindUnit(user.unit_id));
    if (!unit) return Error::InvalidField("unit_id", "no such unit");
    MOTCUA_RETURN_IF_ERROR(CheckScope(tx, actor, user.unit_id));
    Status inserted = tx.InsertUser(user);
    if (!inserted.ok() && inserted.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("username " + user.username + " is taken")
          .WithReason("duplicate-username")
          .WithField("username", "is taken");
    }
    MOTCUA_RETURN_IF_ERROR(inserted);
    audit::Record rec =
        Audit(actor, "user.create", "user", std::to_string(user.id), Describe(user));
    return tx.AppendAudit(rec);
  }));
  return user;
}

Result<User> IdentityService::UpdateUser(const Actor& actor, User user,
                                         const std::optional<std::string>& new_password) {
  MOTCUA_RETURN_IF_ERROR(identity::ValidateUser(user));
  std::optional<std::string> new_hash;
  if (new_password) {
    MOTCUA_RETURN_IF_ERROR(ValidatePassword(*new_password));
    MOTCUA_ASSIGN_OR_RETURN(new_hash, hasher_.Hash(*new_password));
  }
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto current, tx.FindUser(user.id));
    if (!current) return Error::NotFound("user " + std::to_string(user.id) + " not found");
    MOTCUA_RETURN_IF_ERROR(CheckScope(tx, actor, current->unit_id));
    MOTCUA_RETURN_IF_ERROR(CheckScope(tx, actor, user.unit_id));
    user.password_hash = new_hash.value_or(current->password_hash);
    user.failed_logins = new_hash ? 0 : current->failed_logins;
    user.locked_until = new_hash ? 0 : current->locked_until;
    Status updated = tx.UpdateUser(user);
    if (!updated.ok() && updated.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("username " + user.username + " is taken")
          .WithReason("duplicate-username")
          .WithField("username", "is taken");
    }
    MOTCUA_RETURN_IF_ERROR(updated);
    if (new_hash || !user.active) MOTCUA_RETURN_IF_ERROR(tx.DeleteSessionsOfUser(user.id));
    audit::Record rec = Audit(actor, "user.update", "user", std::to_string(user.id),
                              Describe(user) + (new_hash ? " password=changed" : ""));
    return tx.AppendAudit(rec);
  }));
  Forget("");  // roles, unit, active flag or password changed: sessions are checked afresh
  return user;
}

}  // namespace motcua::app
