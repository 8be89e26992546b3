#pragma once

// Units, users, roles and permissions: who may do what, where. Pure domain, no I/O.
//
// Units form a tree: the province at the root; departments (sở), communes and wards (xã, phường)
// and service centers (Trung tâm Phục vụ hành chính công) below it; divisions below those. An
// officer acts within the subtree of the unit they belong to: an officer of one department can
// neither read nor act on another department's data. Citizens own their own dossiers only.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"

namespace motcua::identity {

using UnitId = std::int64_t;
using UserId = std::int64_t;

enum class UnitKind { kProvince, kDepartment, kCommune, kServiceCenter, kDivision, kOther };

std::string_view UnitKindName(UnitKind kind);  // "province", "department", ...
std::optional<UnitKind> ParseUnitKind(std::string_view name);

struct Unit {
  UnitId id = 0;
  std::string code;  // electronic identification code (mã định danh), Decision 20/2020/QĐ-TTg
  std::string name;
  UnitKind kind = UnitKind::kOther;
  std::optional<UnitId> parent_id;
  std::string address;
  std::optional<std::int64_t> calendar_id;  // the unit's own calendar; absent: inherit parent's
  std::int64_t version = 1;
};

// Checks a unit code against Decision 20/2020/QĐ-TTg: at most 35 characters of digits, capital
// letters and dots, dot-separated non-empty groups; one group (the level-1 group) is a capital
// letter followed by two digits (H38, G12). Both the legacy right-aligned form "000.00.00.H38" and
// the left-to-right form "H55.242" are accepted.
Status ValidateUnitCode(std::string_view code);

enum class Role : std::uint8_t {
  kAdministrator,
  kReceptionOfficer,
  kSpecialist,
  kDivisionHead,
  kAgencyHead,
  kClerk,
  kInspector,
  kCitizen,
};
inline constexpr Role kAllRoles[] = {Role::kAdministrator, Role::kReceptionOfficer,
                                     Role::kSpecialist,    Role::kDivisionHead,
                                     Role::kAgencyHead,    Role::kClerk,
                                     Role::kInspector,     Role::kCitizen};

std::string_view RoleName(Role role);  // "administrator", "reception_officer", ...
std::optional<Role> ParseRole(std::string_view name);

// A set of roles as a bit mask (bit i = Role i), stored as an integer.
class RoleSet {
 public:
  RoleSet() = default;
  RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) Add(r);
  }
  static RoleSet FromBits(std::uint32_t bits) {
    RoleSet s;
    s.bits_ = bits & ((1u << std::size(kAllRoles)) - 1);
    return s;
  }
  void Add(Role r) { bits_ |= 1u << static_cast<unsigned>(r); }
  bool Has(Role r) const { return bits_ & (1u << static_cast<unsigned>(r)); }
  bool empty() const { return bits_ == 0; }
  std::uint32_t bits() const { return bits_; }
  std::vector<Role> list() const;
  bool operator==(const RoleSet&) const = default;

 private:
  std::uint32_t bits_ = 0;
};

struct User {
  UserId id = 0;
  std::string username;
  std::string full_name;
  UnitId unit_id = 0;
  RoleSet roles;
  bool active = true;
  std::string password_hash;  // argon2id string (libsodium crypto_pwhash_str)
  std::int64_t failed_logins = 0;
  Instant locked_until = 0;  // 0: not locked
  std::string citizen_id;    // personal identification number, for citizens
  std::int64_t version = 1;
};

// Validates the fields a user supplies (username shape, name, roles). Each bad field is named.
Status ValidateUser(const User& user);

// Lockout with backoff after repeated failed logins: no lock for the first 4 failures, then
// 30 s doubling with each further failure, capped at 1 hour.
std::int64_t LockoutSeconds(std::int64_t failed_logins);

}  // namespace motcua::identity
