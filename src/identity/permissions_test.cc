#include "identity/permissions.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace motcua::identity {
namespace {

// Citizens submit, read and act on dossiers (their own, by scope: the state machine lets them
// withdraw and supplement); nothing else beyond the public catalog and their own account.
TEST(PermissionsTest, CitizensHoldNoOfficerPermission) {
  RoleSet citizen{Role::kCitizen};
  const Permission kCitizens[] = {Permission::kPublic, Permission::kAuthenticated,
                                  Permission::kDossierSubmit, Permission::kDossierRead,
                                  Permission::kDossierAct};
  for (Permission p : kAllPermissions) {
    const bool theirs =
        std::find(std::begin(kCitizens), std::end(kCitizens), p) != std::end(kCitizens);
    EXPECT_EQ(Grants(citizen, p), theirs) << PermissionName(p);
  }
  // Officers do not submit online in a citizen's name; citizens do not receive at a counter.
  EXPECT_FALSE(Grants(RoleSet{Role::kReceptionOfficer}, Permission::kDossierSubmit));
  EXPECT_FALSE(Grants(citizen, Permission::kDossierReceive));
  EXPECT_FALSE(Grants(RoleSet{Role::kInspector}, Permission::kDossierAct));
}

TEST(PermissionsTest, OnlyAdministratorsManage) {
  for (Role r : kAllRoles) {
    EXPECT_EQ(Grants(RoleSet{r}, Permission::kUsersManage), r == Role::kAdministrator)
        << RoleName(r);
    EXPECT_EQ(Grants(RoleSet{r}, Permission::kUnitsManage), r == Role::kAdministrator);
    EXPECT_EQ(Grants(RoleSet{r}, Permission::kCatalogManage), r == Role::kAdministrator);
  }
  EXPECT_EQ(PermissionName(Permission::kCatalogManage), "catalog.manage");
  EXPECT_TRUE(Grants(RoleSet{Role::kInspector}, Permission::kAuditRead));
  EXPECT_FALSE(Grants(RoleSet{}, Permission::kAuthenticated));
}

TEST(UnitTreeTest, ScopeIsTheSubtree) {
  // 1 province -> 2 department -> 4 division; 1 -> 3 commune.
  UnitTree tree({{1, "H38", "Tỉnh", UnitKind::kProvince, std::nullopt, "", std::nullopt, 1},
                 {2, "H38.01", "Sở", UnitKind::kDepartment, 1, "", std::nullopt, 1},
                 {3, "H38.02", "Xã", UnitKind::kCommune, 1, "", std::nullopt, 1},
                 {4, "H38.01.1", "Phòng", UnitKind::kDivision, 2, "", std::nullopt, 1}});
  EXPECT_TRUE(tree.Contains(1, 4));
  EXPECT_TRUE(tree.Contains(2, 4));
  EXPECT_TRUE(tree.Contains(2, 2));
  EXPECT_FALSE(tree.Contains(2, 3));
  EXPECT_FALSE(tree.Contains(4, 2));
  EXPECT_FALSE(tree.Contains(1, 99));
}

TEST(UnitTreeTest, CycleInDataDoesNotHang) {
  UnitTree tree({{1, "H38", "a", UnitKind::kOther, 2, "", std::nullopt, 1},
                 {2, "H39", "b", UnitKind::kOther, 1, "", std::nullopt, 1}});
  EXPECT_FALSE(tree.Contains(3, 1));
}

}  // namespace
}  // namespace motcua::identity
