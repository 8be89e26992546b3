// Logins and sessions, API tokens, units and users.
#include "http/encode.h"
#include "http/json_input.h"
#include "http/routes.h"

namespace motcua::http {
namespace {

using identity::Permission;
using nlohmann::json;

std::string SessionCookie(const std::string& value, std::int64_t max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" +
         "; Max-Age=" + std::to_string(max_age) + (secure ? "; Secure" : "");
}

// Fields shared by unit create and update.
void ReadUnitFields(JsonInput& in, identity::Unit& unit, bool create) {
  auto code = in.String("code", {.required = true, .max_bytes = 35});
  auto name = in.String("name", {.required = true, .min_bytes = 1, .max_bytes = 300});
  auto kind = in.String("kind", {.required = true, .max_bytes = 30});
  auto parent = in.Int("parent_id", {.min = 1});
  auto address = in.String("address", {.max_bytes = 500});
  if (code) unit.code = *code;
  if (name) unit.name = *name;
  if (kind) {
    if (auto k = identity::ParseUnitKind(*kind)) {
      unit.kind = *k;
    } else {
      in.Violation("kind",
                   "must be one of province, department, commune, service_center, "
                   "division, other");
    }
  }
  unit.parent_id = parent;
  if (address) unit.address = *address;
  if (!create) {
    auto version = in.Int("version", {.required = true, .min = 1});
    if (version) unit.version = *version;
  }
}

// Fields shared by user create and update.
void ReadUserFields(JsonInput& in, identity::User& user, bool create) {
  auto username = in.String("username", {.required = true, .max_bytes = 64});
  auto full_name = in.String("full_name", {.required = true, .min_bytes = 1, .max_bytes = 200});
  auto unit = in.Int("unit_id", {.required = true, .min = 1});
  auto roles = in.StringList("roles", {.required = true, .max_items = 8, .max_bytes = 40});
  auto active = in.Bool("active");
  auto citizen_id = in.String("citizen_id", {.max_bytes = 12});
  if (username) user.username = *username;
  if (full_name) user.full_name = *full_name;
  if (unit) user.unit_id = *unit;
  if (roles) {
    user.roles = {};
    for (std::size_t i = 0; i < roles->size(); ++i) {
      if (auto r = identity::ParseRole((*roles)[i])) {
        user.roles.Add(*r);
      } else {
        in.Violation("roles[" + std::to_string(i) + "]", "is not a known role");
      }
    }
  }
  user.active = active.value_or(true);
  if (citizen_id) {
    if (!citizen_id->empty() && (citizen_id->size() != 12 ||
                                 !std::all_of(citizen_id->begin(), citizen_id->end(), ::isdigit))) {
      in.Violation("citizen_id", "must be the 12 digits of a personal identification number");
    }
    user.citizen_id = *citizen_id;
  }
  if (!create) {
    auto version = in.Int("version", {.required = true, .min = 1});
    if (version) user.version = *version;
  }
}

void AddAuthRoutes(ApiServer& server, Services& s) {
  server.Add(
      {"POST", "/api/v1/auth/login", Permission::kPublic, "", [&s](Request& req) -> Result<Reply> {
         MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(req.body()));
         auto username = in.String("username", {.required = true, .max_bytes = 64});
         auto password = in.String("password", {.required = true, .max_bytes = 256});
         MOTCUA_RETURN_IF_ERROR(in.Finish());
         MOTCUA_ASSIGN_OR_RETURN(auto login, s.identity.Login(*username, *password, req.actor));
         Reply reply = Reply::Json(200, Dump({{"user", UserJson(login.user)},
                                              {"csrf_token", login.csrf_token},
                                              {"expires_at", FormatRfc3339Utc(login.expires_at)}}));
         reply.headers.push_back(
             {"Set-Cookie", SessionCookie(login.session_token, 12 * 3600, s.secure_cookies)});
         reply.headers.push_back({"Cache-Control", "no-store"});
         return reply;
       }});
  server.Add({"POST", "/api/v1/auth/logout", Permission::kAuthenticated, "",
              [&s](Request& req) -> Result<Reply> {
                if (req.principal->via_session) {
                  MOTCUA_RETURN_IF_ERROR(s.identity.Logout(req.Cookie(kSessionCookie), req.actor));
                }
                Reply reply = Reply::NoContent();
                reply.headers.push_back({"Set-Cookie", SessionCookie("", 0, s.secure_cookies)});
                return reply;
              }});
  server.Add({"GET", "/api/v1/auth/me", Permission::kAuthenticated, "",
              [&s](Request& req) -> Result<Reply> {
                json out = {{"user", UserJson(req.principal->user)}};
                // The user's own unit by name, for the header of every screen (citizens included,
                // who may not read units).
                std::optional<identity::Unit> unit;
                MOTCUA_RETURN_IF_ERROR(s.store.Read([&](app::ReadTx& tx) -> Status {
                  MOTCUA_ASSIGN_OR_RETURN(unit, tx.FindUnit(req.principal->user.unit_id));
                  return Ok();
                }));
                out["unit"] =
                    unit ? json{{"id", unit->id}, {"code", unit->code}, {"name", unit->name}}
                         : json(nullptr);
                if (req.principal->via_session) out["csrf_token"] = req.principal->csrf_token;
                return Reply::Json(200, Dump(out));
              }});
}

void AddTokenRoutes(ApiServer& server, Services& s) {
  server.Add({"GET", "/api/v1/tokens", Permission::kAuthenticated, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto tokens, s.identity.ListApiTokens(req.actor));
                json items = json::array();
                for (const auto& t : tokens) items.push_back(TokenJson(t));
                return Reply::Json(200, Dump({{"items", items}}));
              }});
  server.Add({"POST", "/api/v1/tokens", Permission::kAuthenticated, "token.create",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(req.body()));
                auto name = in.String("name", {.required = true, .min_bytes = 1, .max_bytes = 100});
                MOTCUA_RETURN_IF_ERROR(in.Finish());
                MOTCUA_ASSIGN_OR_RETURN(auto created, s.identity.CreateApiToken(req.actor, *name));
                json out = TokenJson(created.first);
                out["secret"] = created.second;
                return Reply::Json(201, Dump(out));
              }});
  server.Add({"DELETE", "/api/v1/tokens/{id}", Permission::kAuthenticated, "token.revoke",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_RETURN_IF_ERROR(s.identity.RevokeApiToken(req.actor, id));
                return Reply::NoContent();
              }});
}

void AddUnitRoutes(ApiServer& server, Services& s) {
  server.Add(
      {"GET", "/api/v1/units", Permission::kUnitsRead, "", [&s](Request& req) -> Result<Reply> {
         MOTCUA_ASSIGN_OR_RETURN(auto units, s.identity.ListUnits(req.actor));
         json items = json::array();
         for (const auto& u : units) items.push_back(UnitJson(u));
         return Reply::Json(200, Dump({{"items", items}}));
       }});
  server.Add({"GET", "/api/v1/units/{id}", Permission::kUnitsRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto unit, s.identity.GetUnit(req.actor, id));
                return Reply::Json(200, Dump(UnitJson(unit)));
              }});
  server.Add({"POST", "/api/v1/units", Permission::kUnitsManage, "unit.create",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(req.body()));
                identity::Unit unit;
                ReadUnitFields(in, unit, true);
                MOTCUA_RETURN_IF_ERROR(in.Finish());
                MOTCUA_ASSIGN_OR_RETURN(auto created, s.identity.CreateUnit(req.actor, unit));
                return Reply::Json(201, Dump(UnitJson(created)));
              }});
  server.Add({"PUT", "/api/v1/units/{id}", Permission::kUnitsManage, "unit.update",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(req.body()));
                identity::Unit unit;
                unit.id = id;
                ReadUnitFields(in, unit, false);
                MOTCUA_RETURN_IF_ERROR(in.Finish());
                MOTCUA_ASSIGN_OR_RETURN(auto current, s.identity.GetUnit(req.actor, id));
                unit.calendar_id = current.calendar_id;
                MOTCUA_ASSIGN_OR_RETURN(auto updated, s.identity.UpdateUnit(req.actor, unit));
                return Reply::Json(200, Dump(UnitJson(updated)));
              }});
}

void AddUserRoutes(ApiServer& server, Services& s) {
  server.Add(
      {"GET", "/api/v1/users", Permission::kUsersRead, "", [&s](Request& req) -> Result<Reply> {
         MOTCUA_ASSIGN_OR_RETURN(auto page, PageParams(req));
         MOTCUA_ASSIGN_OR_RETURN(auto users, s.identity.ListUsers(req.actor, page));
         return Reply::Json(
             200, Dump(PageJson(users, page.limit, UserJson, [](const auto& u) { return u.id; })));
       }});
  server.Add({"GET", "/api/v1/users/{id}", Permission::kUsersRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto user, s.identity.GetUser(req.actor, id));
                return Reply::Json(200, Dump(UserJson(user)));
              }});
  server.Add({"POST", "/api/v1/users", Permission::kUsersManage, "user.create",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(req.body()));
                identity::User user;
                ReadUserFields(in, user, true);
                auto password = in.String("password", {.required = true, .max_bytes = 256});
                MOTCUA_RETURN_IF_ERROR(in.Finish());
                MOTCUA_ASSIGN_OR_RETURN(auto created,
                                        s.identity.CreateUser(req.actor, user, *password));
                return Reply::Json(201, Dump(UserJson(created)));
              }});
  server.Add({"PUT", "/api/v1/users/{id}", Permission::kUsersManage, "user.update",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(req.body()));
                identity::User user;
                user.id = id;
                ReadUserFields(in, user, false);
                auto password = in.String("password", {.max_bytes = 256});
                MOTCUA_RETURN_IF_ERROR(in.Finish());
                MOTCUA_ASSIGN_OR_RETURN(auto updated,
                                        s.identity.UpdateUser(req.actor, user, password));
                return Reply::Json(200, Dump(UserJson(updated)));
              }});
}

}  // namespace

void AddIdentityRoutes(ApiServer& server, Services& services) {
  AddAuthRoutes(server, services);
  AddTokenRoutes(server, services);
  AddUnitRoutes(server, services);
  AddUserRoutes(server, services);
}

}  // namespace motcua::http
