#include "identity/identity.h"

#include <algorithm>
#include <cctype>

namespace motcua::identity {
namespace {

constexpr std::pair<UnitKind, std::string_view> kUnitKinds[] = {
    {UnitKind::kProvince, "province"}, {UnitKind::kDepartment, "department"},
    {UnitKind::kCommune, "commune"},   {UnitKind::kServiceCenter, "service_center"},
    {UnitKind::kDivision, "division"}, {UnitKind::kOther, "other"},
};

constexpr std::pair<Role, std::string_view> kRoleNames[] = {
    {Role::kAdministrator, "administrator"}, {Role::kReceptionOfficer, "reception_officer"},
    {Role::kSpecialist, "specialist"},       {Role::kDivisionHead, "division_head"},
    {Role::kAgencyHead, "agency_head"},      {Role::kClerk, "clerk"},
    {Role::kInspector, "inspector"},         {Role::kCitizen, "citizen"},
};

bool IsLevelOneGroup(std::string_view g) {
  return g.size() == 3 && std::isupper(static_cast<unsigned char>(g[0])) &&
         std::isdigit(static_cast<unsigned char>(g[1])) &&
         std::isdigit(static_cast<unsigned char>(g[2]));
}

}  // namespace

std::string_view UnitKindName(UnitKind kind) {
  for (auto [k, name] : kUnitKinds) {
    if (k == kind) return name;
  }
  return "other";
}

std::optional<UnitKind> ParseUnitKind(std::string_view name) {
  for (auto [k, n] : kUnitKinds) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::string_view RoleName(Role role) {
  for (auto [r, name] : kRoleNames) {
    if (r == role) return name;
  }
  return "unknown";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (auto [r, n] : kRoleNames) {
    if (n == name) return r;
  }
  return std::nullopt;
}

std::vector<Role> RoleSet::list() const {
  std::vector<Role> out;
  for (Role r : kAllRoles) {
    if (Has(r)) out.push_back(r);
  }
  return out;
}

// Decision 20/2020/QĐ-TTg, art. 4-5: groups of digits and capitals separated by dots, at most 35
// characters; the level-1 group is one letter and two digits.
Status ValidateUnitCode(std::string_view code) {
  if (code.empty()) return Error::InvalidField("code", "is required");
  if (code.size() > 35) return Error::InvalidField("code", "has more than 35 characters");
  bool has_level_one = false;
  std::size_t start = 0;
  while (start <= code.size()) {
    std::size_t dot = code.find('.', start);
    if (dot == std::string_view::npos) dot = code.size();
    std::string_view group = code.substr(start, dot - start);
    if (group.empty()) return Error::InvalidField("code", "has an empty group between dots");
    for (char c : group) {
      if (!std::isdigit(static_cast<unsigned char>(c)) &&
          !std::isupper(static_cast<unsigned char>(c))) {
        return Error::InvalidField("code", "may hold only digits, capital letters and dots");
      }
    }
    has_level_one = has_level_one || IsLevelOneGroup(group);
    start = dot + 1;
  }
  if (!has_level_one) {
    return Error::InvalidField("code", "needs a level-1 group: a capital letter and two digits");
  }
  return Ok();
}

Status ValidateUser(const User& user) {
  Error e = Error::InvalidArgument("invalid user").WithReason("validation");
  const auto& name = user.username;
  if (name.size() < 3 || name.size() > 64) {
    e.fields.push_back({"username", "must have 3 to 64 characters"});
  } else if (!std::all_of(name.begin(), name.end(), [](unsigned char c) {
               return std::islower(c) || std::isdigit(c) || c == '.' || c == '_' || c == '-';
             })) {
    e.fields.push_back({"username", "may hold only lower-case letters, digits, '.', '_' and '-'"});
  }
  if (user.full_name.empty() || user.full_name.size() > 200) {
    e.fields.push_back({"full_name", "must have 1 to 200 bytes"});
  }
  if (user.roles.empty()) e.fields.push_back({"roles", "must hold at least one role"});
  if (user.unit_id <= 0) e.fields.push_back({"unit_id", "is required"});
  if (!e.fields.empty()) return e;
  return Ok();
}

std::int64_t LockoutSeconds(std::int64_t failed_logins) {
  constexpr std::int64_t kFree = 4, kFirst = 30, kMax = 3600;
  if (failed_logins <= kFree) return 0;
  const std::int64_t doublings = std::min<std::int64_t>(failed_logins - kFree - 1, 20);
  return std::min(kMax, kFirst << doublings);
}

}  // namespace motcua::identity
