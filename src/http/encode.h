#pragma once

// JSON shapes of the API's objects (see the OpenAPI document). Secrets never leave: no password
// hash, no token hash.

#include <nlohmann/json.hpp>
#include <optional>

#include "app/store.h"
#include "audit/audit.h"
#include "calendar/format.h"
#include "calendar/trace.h"
#include "identity/identity.h"

namespace motcua::http {

nlohmann::json UnitJson(const identity::Unit& unit);
nlohmann::json UserJson(const identity::User& user);
nlohmann::json TokenJson(const app::ApiToken& token);
nlohmann::json AuditJson(const audit::Record& record);

// {"utc": "2026-03-02T01:00:00Z", "local": "2026-03-02 08:00"} (Vietnam time); null when absent.
nlohmann::json InstantJson(Instant t);
nlohmann::json InstantJson(const std::optional<Instant>& t);

// The segments of a clock trace: [{"from", "to", "counted", "reason", "detail", "text"}].
nlohmann::json TraceSegmentsJson(const calendar::DueTrace& trace, calendar::Language language);

// {"items": [...], "next_after": <last id> | null}: `next_after` is null on the last page.
template <typename T, typename F, typename Id>
nlohmann::json PageJson(const std::vector<T>& items, int limit, F to_json, Id id_of) {
  nlohmann::json out = {{"items", nlohmann::json::array()}, {"next_after", nullptr}};
  for (const T& item : items) out["items"].push_back(to_json(item));
  if (static_cast<int>(items.size()) == limit && !items.empty())
    out["next_after"] = id_of(items.back());
  return out;
}

std::string Dump(const nlohmann::json& j);

}  // namespace motcua::http
