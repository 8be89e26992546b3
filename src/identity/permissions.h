#pragma once

// What each role may do, and where. Every HTTP route declares one Permission; a user holds a
// permission if any of their roles grants it (the table in permissions.cc). Where the object
// belongs to a unit, the permission applies only inside the subtree of the user's own unit
// (`UnitTree::Contains`): an officer of one department cannot read another department's data.

#include <string_view>
#include <unordered_map>
#include <vector>

#include "identity/identity.h"

namespace motcua::identity {

enum class Permission {
  kPublic,         // anyone, no login
  kAuthenticated,  // any logged-in user, about themselves
  kUnitsRead,
  kUnitsManage,
  kUsersRead,
  kUsersManage,
  kAuditRead,
  kCalendarRead,
  kCalendarManage,
  kCatalogManage,  // drafts, publication decisions, workflows, hygiene, import (the public
                   // catalog itself is kPublic); scope: the procedure's competent units
  // Dossiers (issue 5). The state machine decides who acts at which step; these decide who may
  // call the endpoint at all. Scope: the dossier's units; a citizen's own dossiers.
  kDossierReceive,  // counter and postal reception
  kDossierSubmit,   // online submission
  kDossierRead,     // a dossier, its history, clock and forms; work queues
  kDossierAct,      // commands on a dossier
  // Reports (issue 7): statistics and the Decision 766 index of the units in the caller's
  // subtree. Officers only; the public figures are kPublic.
  kReportsRead,
};
inline constexpr Permission kAllPermissions[] = {
    Permission::kPublic,        Permission::kAuthenticated,  Permission::kUnitsRead,
    Permission::kUnitsManage,   Permission::kUsersRead,      Permission::kUsersManage,
    Permission::kAuditRead,     Permission::kCalendarRead,   Permission::kCalendarManage,
    Permission::kCatalogManage, Permission::kDossierReceive, Permission::kDossierSubmit,
    Permission::kDossierRead,   Permission::kDossierAct,     Permission::kReportsRead,
};

std::string_view PermissionName(Permission p);

// Whether a holder of `roles` has `p` (ignoring unit scope).
bool Grants(const RoleSet& roles, Permission p);

// The unit tree as parent links, for scope checks without I/O. Built from the full unit list.
class UnitTree {
 public:
  UnitTree() = default;
  explicit UnitTree(const std::vector<Unit>& units);

  // True when `unit` is `root` or one of its descendants. Unknown units are in no scope.
  bool Contains(UnitId root, UnitId unit) const;
  bool Has(UnitId unit) const { return parent_.contains(unit); }

 private:
  std::unordered_map<UnitId, UnitId> parent_;  // 0 for the root
};

}  // namespace motcua::identity
