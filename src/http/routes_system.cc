// Health, readiness, metrics and the API description.
#include <nlohmann/json.hpp>

#include "catalog_io/catalog_xlsx.h"
#include "http/encode.h"
#include "http/routes.h"

namespace motcua::http {

Result<bool> XlsxFormat(const Request& req) {
  MOTCUA_ASSIGN_OR_RETURN(auto format, req.Query("format"));
  if (!format || *format == "json") return false;
  if (*format == "xlsx") return true;
  return Error::InvalidField("format", "must be json or xlsx");
}

Reply XlsxReply(std::string bytes, const std::string& filename) {
  Reply reply{200, std::move(bytes), std::string(catalog_io::kXlsxMediaType), {}};
  reply.headers.push_back({"Content-Disposition", "attachment; filename=\"" + filename + "\""});
  return reply;
}

Result<app::Page> PageParams(const Request& req) {
  app::Page page;
  MOTCUA_ASSIGN_OR_RETURN(auto after, req.Query("after"));
  MOTCUA_ASSIGN_OR_RETURN(auto limit, req.Query("limit"));
  auto number = [](const std::string& s, std::int64_t lo,
                   std::int64_t hi) -> std::optional<std::int64_t> {
    if (s.empty() || s.size() > 18 || !std::all_of(s.begin(), s.end(), ::isdigit))
      return std::nullopt;
    const std::int64_t v = std::stoll(s);
    if (v < lo || v > hi) return std::nullopt;
    return v;
  };
  if (after) {
    auto v = number(*after, 0, INT64_MAX / 2);
    if (!v) return Error::InvalidField("after", "must be a non-negative integer");
    page.after = *v;
  }
  if (limit) {
    auto v = number(*limit, 1, 200);
    if (!v) return Error::InvalidField("limit", "must be an integer from 1 to 200");
    page.limit = static_cast<int>(*v);
  }
  return page;
}

void AddSystemRoutes(ApiServer& server, Services& s) {
  server.Add({"GET", "/healthz", identity::Permission::kPublic, "",
              [](Request&) -> Result<Reply> { return Reply::Json(200, R"({"status":"ok"})"); }});
  server.Add({"GET", "/readyz", identity::Permission::kPublic, "", [&s](Request&) -> Result<Reply> {
                Status ping = s.store.Ping();
                if (!ping.ok()) {
                  return Error::Unavailable("storage unreachable: " + ping.error().message);
                }
                return Reply::Json(200, R"({"status":"ready","storage":"ok"})");
              }});
  server.Add(
      {"GET", "/metrics", identity::Permission::kPublic, "", [&s](Request&) -> Result<Reply> {
         return Reply{200, s.metrics.Render(), "text/plain; version=0.0.4", {}};
       }});
  server.Add({"GET", "/api/v1/openapi.json", identity::Permission::kPublic, "",
              [](Request&) -> Result<Reply> { return Reply::Json(200, OpenApiDocument()); }});
}

void AddAllRoutes(ApiServer& server, Services& services) {
  AddSystemRoutes(server, services);
  AddIdentityRoutes(server, services);
  AddAuditRoutes(server, services);
  if (services.calendar) AddCalendarRoutes(server, services);
  if (services.catalog) AddCatalogRoutes(server, services);
  if (services.dossier) AddDossierRoutes(server, services);
  if (services.dossier && services.catalog) AddFormRoutes(server, services);
  if (services.reports) AddReportRoutes(server, services);
  if (!services.exports) {
    services.exports = std::make_shared<app::JobRegistry>(
        server.clock(),
        app::JobOptions{
            .workers = 1, .max_queued = 8, .max_kept = 100, .max_file_bytes = 64 << 20});
  }
  AddExportRoutes(server, services);
  if (!services.web_root.empty()) AddWebRoutes(server, services);
}

}  // namespace motcua::http
