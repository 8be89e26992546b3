#pragma once

#include <string>
#include <vector>

#include "app/calendar_service.h"
#include "app/catalog_service.h"
#include "app/identity_service.h"

namespace motcua::app {

struct SeededUser {
  std::string username;
  std::string role;
  std::string unit;
  std::string password;  // shown once, on first start
};

// Seeds the demo province (units of a province after the 2025 reorganisation: service centers,
// departments with divisions, wards and communes; one user per role) when the database has no
// unit yet. With `calendars`, the province root gets the national default calendar (units below
// inherit it). Returns the users created with their generated passwords; empty when already
// seeded.
Result<std::vector<SeededUser>> SeedDemoProvince(IdentityService& identity,
                                                 CalendarService* calendars = nullptr);

// Seeds the demo catalog (`items`, e.g. decoded from data/demo-catalog.json by src/catalog_io)
// when no procedure is stored yet: one all-or-nothing CatalogService::ImportCatalog as the system
// actor. Returns the number of versions written; 0 when the catalog already had procedures.
Result<int> SeedDemoCatalog(CatalogService& catalog, std::vector<CatalogItem> items);

}  // namespace motcua::app
