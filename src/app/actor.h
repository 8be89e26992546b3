#pragma once

#include <optional>
#include <string>

#include "identity/identity.h"

namespace motcua::app {

// Who is asking, from where: passed to every use case, recorded in the audit log.
struct Actor {
  std::optional<identity::User> user;  // absent: anonymous (public endpoints, login)
  std::string address;                 // client IP address
  std::string request_id;
  bool system = false;  // the command line on the server itself: no unit scope applies

  // The server's own command line: not scoped to a unit.
  static Actor System() {
    Actor a;
    a.system = true;
    a.address = "local";
    return a;
  }

  std::string name() const { return user ? user->username : std::string("anonymous"); }
  std::optional<std::int64_t> user_id() const {
    return user ? std::optional<std::int64_t>(user->id) : std::nullopt;
  }
};

}  // namespace motcua::app
