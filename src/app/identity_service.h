#pragma once

// Use cases of identity: logins and sessions, API tokens, units and users. Each write and each
// login (success or failure) appends an audit record in the same transaction as the change.
//
// Permissions by role are checked by the caller (every HTTP route declares one); this service
// enforces the unit scope: an actor reads and changes only objects inside the subtree of their own
// unit (a system actor, the server's command line, is not scoped).

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/actor.h"
#include "app/secrets.h"
#include "app/store.h"
#include "common/clock.h"

namespace motcua::app {

struct IdentityOptions {
  std::int64_t session_ttl_seconds = 12 * 3600;
  // How long a checked session is believed without reading the store again (0: never). Logout
  // and user changes made through this server take effect at once; made elsewhere (another
  // server on the same database, the command line) within this time.
  std::chrono::milliseconds session_recheck{2000};
};

// The authenticated caller of a request.
struct Principal {
  identity::User user;
  bool via_session = false;  // cookie session (needs CSRF on writes) or bearer token
  std::string csrf_token;    // of the session
};

struct LoginOutcome {
  identity::User user;
  std::string session_token;  // secret for the cookie; only its hash is stored
  std::string csrf_token;
  Instant expires_at = 0;
};

class IdentityService {
 public:
  IdentityService(Store& store, const Clock& clock, PasswordHasher& hasher,
                  IdentityOptions options = {});

  // Checks the password (argon2id), applies lockout with backoff after repeated failures, opens a
  // session. Errors: kUnauthenticated (reason "bad-credentials" for an unknown user, a wrong
  // password or an inactive account, indistinguishably; "locked-out" while locked),
  // kResourceExhausted when too many logins are being hashed at once.
  Result<LoginOutcome> Login(const std::string& username, const std::string& password,
                             const Actor& actor);
  Status Logout(const std::string& session_token, const Actor& actor);

  // kUnauthenticated for an unknown, expired or revoked credential or an inactive user.
  Result<Principal> AuthenticateSession(const std::string& session_token);
  Result<Principal> AuthenticateBearer(const std::string& token);

  Result<std::vector<identity::Unit>> ListUnits(const Actor& actor);
  Result<identity::Unit> GetUnit(const Actor& actor, identity::UnitId id);
  // Validates the code (Decision 20/2020/QĐ-TTg) and name; the parent must exist and be in scope.
  Result<identity::Unit> CreateUnit(const Actor& actor, identity::Unit unit);
  // `unit.version` is the version the caller read.
  Result<identity::Unit> UpdateUnit(const Actor& actor, identity::Unit unit);

  Result<std::vector<identity::User>> ListUsers(const Actor& actor, Page page);
  Result<identity::User> GetUser(const Actor& actor, identity::UserId id);
  Result<identity::User> CreateUser(const Actor& actor, identity::User user,
                                    const std::string& password);
  // Changes profile, unit, roles, active flag; and the password when given. Deactivating a user
  // or changing their password ends their sessions.
  Result<identity::User> UpdateUser(const Actor& actor, identity::User user,
                                    const std::optional<std::string>& new_password);

  // Returns the stored token and its secret (shown once).
  Result<std::pair<ApiToken, std::string>> CreateApiToken(const Actor& actor,
                                                          const std::string& name);
  Result<std::vector<ApiToken>> ListApiTokens(const Actor& actor);
  Status RevokeApiToken(const Actor& actor, std::int64_t id);

 private:
  // Ok when the actor may see objects of `unit`; kNotFound otherwise (existence is not revealed).
  Status CheckScope(ReadTx& tx, const Actor& actor, identity::UnitId unit);
  audit::Record Audit(const Actor& actor, std::string action, std::string object_type,
                      std::string object_id, std::string detail) const;
  Status ValidateUnit(const identity::Unit& unit) const;

  // Sessions checked within options_.session_recheck, by the token's hash: most requests of a
  // working officer then need no read transaction to authenticate.
  struct CheckedSession {
    Principal principal;
    Instant expires_at = 0;
    std::chrono::steady_clock::time_point checked;
  };
  std::optional<Principal> RecentlyChecked(const std::string& token_hash, Instant now);
  void Remember(const std::string& token_hash, const Principal& p, Instant expires_at);
  void Forget(const std::string& token_hash);  // "" forgets every session

  Store& store_;
  const Clock& clock_;
  PasswordHasher& hasher_;
  const IdentityOptions options_;
  std::mutex sessions_mu_;
  std::unordered_map<std::string, CheckedSession> sessions_;  // guarded by sessions_mu_
};

}  // namespace motcua::app
