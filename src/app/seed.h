#pragma once

#include <string>
#include <vector>

#include "app/calendar_service.h"
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

}  // namespace motcua::app
