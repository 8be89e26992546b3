#include "identity/permissions.h"

namespace motcua::identity {
namespace {

struct Grant {
  Permission permission;
  RoleSet roles;
};

// The permission matrix. Inspectors read; administrators manage; leaders read their people.
const Grant kGrants[] = {
    {Permission::kUnitsRead,
     {Role::kAdministrator, Role::kReceptionOfficer, Role::kSpecialist, Role::kDivisionHead,
      Role::kAgencyHead, Role::kClerk, Role::kInspector}},
    {Permission::kUnitsManage, {Role::kAdministrator}},
    {Permission::kUsersRead,
     {Role::kAdministrator, Role::kDivisionHead, Role::kAgencyHead, Role::kInspector}},
    {Permission::kUsersManage, {Role::kAdministrator}},
    {Permission::kAuditRead, {Role::kAdministrator, Role::kInspector}},
    {Permission::kCalendarRead,
     {Role::kAdministrator, Role::kReceptionOfficer, Role::kSpecialist, Role::kDivisionHead,
      Role::kAgencyHead, Role::kClerk, Role::kInspector}},
    {Permission::kCalendarManage, {Role::kAdministrator}},
    {Permission::kCatalogManage, {Role::kAdministrator}},
    {Permission::kDossierReceive, {Role::kReceptionOfficer, Role::kClerk}},
    {Permission::kDossierSubmit, {Role::kCitizen}},
    {Permission::kDossierRead,
     {Role::kAdministrator, Role::kReceptionOfficer, Role::kSpecialist, Role::kDivisionHead,
      Role::kAgencyHead, Role::kClerk, Role::kInspector, Role::kCitizen}},
    {Permission::kDossierAct,
     {Role::kReceptionOfficer, Role::kSpecialist, Role::kDivisionHead, Role::kAgencyHead,
      Role::kClerk, Role::kCitizen}},
    {Permission::kReportsRead,
     {Role::kAdministrator, Role::kReceptionOfficer, Role::kSpecialist, Role::kDivisionHead,
      Role::kAgencyHead, Role::kClerk, Role::kInspector}},
};

}  // namespace

std::string_view PermissionName(Permission p) {
  switch (p) {
    case Permission::kPublic: return "public";
    case Permission::kAuthenticated: return "authenticated";
    case Permission::kUnitsRead: return "units.read";
    case Permission::kUnitsManage: return "units.manage";
    case Permission::kUsersRead: return "users.read";
    case Permission::kUsersManage: return "users.manage";
    case Permission::kAuditRead: return "audit.read";
    case Permission::kCalendarRead: return "calendar.read";
    case Permission::kCalendarManage: return "calendar.manage";
    case Permission::kCatalogManage: return "catalog.manage";
    case Permission::kDossierReceive: return "dossier.receive";
    case Permission::kDossierSubmit: return "dossier.submit";
    case Permission::kDossierRead: return "dossier.read";
    case Permission::kDossierAct: return "dossier.act";
    case Permission::kReportsRead: return "reports.read";
  }
  return "unknown";
}

bool Grants(const RoleSet& roles, Permission p) {
  if (p == Permission::kPublic) return true;
  if (p == Permission::kAuthenticated) return !roles.empty();
  for (const Grant& g : kGrants) {
    if (g.permission == p) return (g.roles.bits() & roles.bits()) != 0;
  }
  return false;
}

UnitTree::UnitTree(const std::vector<Unit>& units) {
  for (const Unit& u : units) parent_[u.id] = u.parent_id.value_or(0);
}

bool UnitTree::Contains(UnitId root, UnitId unit) const {
  // Depth is bounded by the tree's size, which also guards against a cycle in bad data.
  for (std::size_t steps = 0; steps <= parent_.size(); ++steps) {
    auto it = parent_.find(unit);
    if (it == parent_.end()) return false;
    if (unit == root) return true;
    if (it->second == 0) return false;
    unit = it->second;
  }
  return false;
}

}  // namespace motcua::identity
