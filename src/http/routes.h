#pragma once

// The API's routes, grouped by area. Each group registers its routes, each with its permission,
// on an ApiServer. AddAllRoutes is what `motcua serve` uses; the route-table tests walk the result.

#include <functional>
#include <memory>

#include "app/audit_service.h"
#include "app/calendar_service.h"
#include "app/catalog_service.h"
#include "app/dossier_service.h"
#include "app/identity_service.h"
#include "app/jobs.h"
#include "app/report_service.h"
#include "app/store.h"
#include "http/metrics.h"
#include "http/server.h"

namespace motcua::http {

struct Services {
  app::Store& store;
  app::IdentityService& identity;
  app::AuditService& audit;
  Metrics& metrics;
  bool secure_cookies = false;
  // The legal clock; the calendar routes are registered only when it is set.
  app::CalendarService* calendar = nullptr;
  // The procedure catalog; its routes are registered only when it is set.
  app::CatalogService* catalog = nullptr;
  // The dossier lifecycle; its routes are registered only when it is set.
  app::DossierService* dossier = nullptr;
  // Reports and the public figures; their routes are registered only when it is set.
  app::ReportService* reports = nullptr;
  // Where citizens reach this server: the lookup link printed as a QR code on form 01.
  std::string public_url = "http://127.0.0.1:8080";
  // Public lookups a client address may make per minute (in bursts of as many).
  int lookups_per_minute = 30;
  // The built web UI (web/dist); served for every GET no API route matched, when set.
  std::string web_root = {};
  // Export jobs (routes_exports.cc): made by AddAllRoutes when unset; without them a download
  // asked with `Prefer: respond-async` is answered directly.
  std::shared_ptr<app::JobRegistry> exports = nullptr;
};

void AddSystemRoutes(ApiServer& server, Services& services);
void AddIdentityRoutes(ApiServer& server, Services& services);
void AddAuditRoutes(ApiServer& server, Services& services);
void AddCalendarRoutes(ApiServer& server, Services& services);
void AddCatalogRoutes(ApiServer& server, Services& services);
void AddDossierRoutes(ApiServer& server, Services& services);
// The dossier forms as PDF; needs both the dossier and the catalog services.
void AddFormRoutes(ApiServer& server, Services& services);
// The web UI's static files from services.web_root, with index.html for client-side routes.
void AddWebRoutes(ApiServer& server, Services& services);
// Statistics, the Decision 766 index and the public figures (issue 7).
void AddReportRoutes(ApiServer& server, Services& services);
// The caller's export jobs and their files (/api/v1/exports...); needs services.exports.
void AddExportRoutes(ApiServer& server, Services& services);
void AddAllRoutes(ApiServer& server, Services& services);

// The OpenAPI 3 document served at /api/v1/openapi.json (src/http/openapi.json, embedded).
const std::string& OpenApiDocument();

// Reads ?after=&limit= (limit 1..200, default 50).
Result<app::Page> PageParams(const Request& req);

// ?format=json (the default) or xlsx: true for xlsx.
Result<bool> XlsxFormat(const Request& req);
// A workbook as a download named `filename`.
Reply XlsxReply(std::string bytes, const std::string& filename);

// The making of a file to download: reports its progress (rows written of the total), returns
// the file or the error the download answers.
using ExportWork = std::function<Result<app::JobFile>(app::JobProgress&)>;
// True when the request asks for an export job (`Prefer: respond-async`) and the server runs them.
bool WantsExportJob(const Services& services, const Request& req);
// The file `work` makes, answered at once; or, when the request asks for an export job, `work`
// queued as a job of `kind` owned by the caller and 202 with the job. The caller checks first
// whatever the work would refuse for the caller (unit scope): a job is refused at submission.
Result<Reply> Download(Services& services, const Request& req, std::string kind, ExportWork work);

}  // namespace motcua::http
