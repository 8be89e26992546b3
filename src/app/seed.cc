#include "app/seed.h"

#include <map>

namespace motcua::app {
namespace {

using identity::Role;
using identity::UnitKind;

struct DemoUnit {
  const char* code;
  const char* parent;  // nullptr: the root
  UnitKind kind;
  const char* name;
  const char* address;
};

// A fictional province with the real shape of one after 1 July 2025: province and communes, no
// district level; departments merged as in Resolution 190/2025/QH15.
constexpr DemoUnit kUnits[] = {
    {"H99", nullptr, UnitKind::kProvince, "UBND tỉnh Sơn Hà (dữ liệu mẫu)",
     "01 Quảng trường Trung tâm"},
    {"H99.01", "H99", UnitKind::kServiceCenter, "Trung tâm Phục vụ hành chính công tỉnh",
     "12 đường Lê Lợi, phường Hòa Bình"},
    {"H99.02", "H99", UnitKind::kDepartment, "Sở Tư pháp", "5 đường Trần Phú"},
    {"H99.02.01", "H99.02", UnitKind::kDivision, "Phòng Hành chính tư pháp", "5 đường Trần Phú"},
    {"H99.03", "H99", UnitKind::kDepartment, "Sở Nông nghiệp và Môi trường", "20 đường Hùng Vương"},
    {"H99.03.01", "H99.03", UnitKind::kDivision, "Văn phòng Đăng ký đất đai",
     "22 đường Hùng Vương"},
    {"H99.04", "H99", UnitKind::kDepartment, "Sở Xây dựng", "8 đường Nguyễn Huệ"},
    {"H99.05", "H99", UnitKind::kDepartment, "Sở Khoa học và Công nghệ", "3 đường Quang Trung"},
    {"H99.06", "H99", UnitKind::kDepartment, "Sở Tài chính", "15 đường Lý Thường Kiệt"},
    {"H99.10", "H99", UnitKind::kCommune, "UBND phường Hòa Bình", "1 đường Đinh Tiên Hoàng"},
    {"H99.10.01", "H99.10", UnitKind::kServiceCenter,
     "Trung tâm Phục vụ hành chính công phường Hòa Bình", "1 đường Đinh Tiên Hoàng"},
    {"H99.11", "H99", UnitKind::kCommune, "UBND xã Tân Lập", "Thôn Trung, xã Tân Lập"},
    {"H99.11.01", "H99.11", UnitKind::kServiceCenter,
     "Trung tâm Phục vụ hành chính công xã Tân Lập", "Thôn Trung, xã Tân Lập"},
};

struct DemoUser {
  const char* username;
  const char* full_name;
  const char* unit;
  Role role;
};

constexpr DemoUser kUsers[] = {
    {"admin", "Quản trị hệ thống", "H99", Role::kAdministrator},
    {"tiepnhan", "Lê Thị Tiếp Nhận", "H99.01", Role::kReceptionOfficer},
    {"chuyenvien", "Trần Văn Chuyên", "H99.02.01", Role::kSpecialist},
    {"truongphong", "Phạm Thị Trưởng", "H99.02.01", Role::kDivisionHead},
    {"giamdoc", "Hoàng Văn Giám", "H99.02", Role::kAgencyHead},
    {"vanthu", "Đỗ Thị Văn", "H99.02", Role::kClerk},
    {"thanhtra", "Vũ Văn Thanh", "H99", Role::kInspector},
    {"congdan", "Nguyễn Thị Dân", "H99", Role::kCitizen},
    {"chuyenvien.datdai", "Bùi Văn Đất", "H99.03.01", Role::kSpecialist},
};

}  // namespace

Result<std::vector<SeededUser>> SeedDemoProvince(IdentityService& identity,
                                                 CalendarService* calendars) {
  const Actor system = Actor::System();
  MOTCUA_ASSIGN_OR_RETURN(auto existing, identity.ListUnits(system));
  if (!existing.empty()) return std::vector<SeededUser>{};

  std::map<std::string, identity::UnitId> ids;
  for (const DemoUnit& d : kUnits) {
    identity::Unit u;
    u.code = d.code;
    u.name = d.name;
    u.kind = d.kind;
    u.address = d.address;
    if (d.parent) u.parent_id = ids.at(d.parent);
    MOTCUA_ASSIGN_OR_RETURN(auto created, identity.CreateUnit(system, u));
    ids[d.code] = created.id;
    if (calendars && !d.parent) {
      MOTCUA_ASSIGN_OR_RETURN(auto national, calendars->ForUnit(std::nullopt));
      MOTCUA_RETURN_IF_ERROR(
          calendars->AttachToUnit(system, created.id, national.first.id, created.version));
    }
  }
  std::vector<SeededUser> out;
  for (const DemoUser& d : kUsers) {
    identity::User u;
    u.username = d.username;
    u.full_name = d.full_name;
    u.unit_id = ids.at(d.unit);
    u.roles = {d.role};
    if (d.role == Role::kCitizen) u.citizen_id = "001190012345";
    const std::string password = RandomToken(12);
    MOTCUA_RETURN_IF_ERROR(identity.CreateUser(system, u, password));
    out.push_back({d.username, std::string(RoleName(d.role)), d.unit, password});
  }
  return out;
}

Result<int> SeedDemoCatalog(CatalogService& catalog, std::vector<CatalogItem> items) {
  const Actor system = Actor::System();
  MOTCUA_ASSIGN_OR_RETURN(auto existing, catalog.ExportCatalog(system));
  if (!existing.empty()) return 0;
  return catalog.ImportCatalog(system, std::move(items));
}

}  // namespace motcua::app
