// The procedure catalog: the public catalog (list, search, the version in force, published
// versions, workflows and their simulation) and its administration (drafts, publication decisions,
// workflows, hygiene), over app::CatalogService.
//
// Procedures and workflows travel in motcua's catalog JSON (src/catalog_io/catalog_json.h, the
// format of `motcua catalog import|export`), one record per version: the same members, the same
// field paths in errors. A version's reply adds "row_version", the number a write must send back
// as "version" (optimistic concurrency).
//
// The whole catalog moves as a file: exported as catalog JSON or as the XLSX workbook
// (src/catalog_io/catalog_xlsx.h), imported as a background job (app::JobRegistry) that decodes
// the file, reports its progress and runs CatalogService::ImportCatalog (all or nothing).
#include <algorithm>
#include <charconv>
#include <limits>
#include <memory>

#include "app/jobs.h"
#include "calendar/civil_time.h"
#include "catalog/hygiene.h"
#include "catalog_io/catalog_json.h"
#include "catalog_io/catalog_xlsx.h"
#include "catalog_io/xlsx_reader.h"
#include "http/encode.h"
#include "http/problem.h"
#include "http/routes.h"

namespace motcua::http {
namespace {

using identity::Permission;
using nlohmann::json;

// --- JSON through the catalog format -------------------------------------------------------------

catalog_io::CatalogEntry Entry(const catalog::ProcedureVersion& v,
                               std::vector<catalog::Workflow> workflows) {
  catalog_io::CatalogEntry e;
  e.procedure.draft = v;
  e.procedure.notes = v.import_notes;
  e.workflows = std::move(workflows);
  return e;
}

json VersionJson(const app::StoredProcedureVersion& v, std::vector<catalog::Workflow> workflows) {
  json record = json::parse(catalog_io::EncodeCatalog({Entry(v.value, std::move(workflows))}))[0];
  // Provenance members of the file format that a stored version does not keep.
  for (const char* key : {"decision", "agencies", "keywords", "source"}) record.erase(key);
  record["row_version"] = v.row_version;
  return record;
}

json SummaryJson(const app::ProcedureSummary& s) {
  return {{"code", s.code},
          {"version", s.number},
          {"name", s.name},
          {"level", s.level ? json(catalog::LevelName(*s.level)) : json(nullptr)},
          {"field", s.field},
          {"state", catalog::VersionStateName(s.state)},
          {"published", s.published ? json{{"number", s.published->number},
                                           {"date", calendar::FormatDate(s.published->date)}}
                                    : json(nullptr)}};
}

// Decodes one catalog record (`record`, a JSON object) with catalog_io; errors are renamed from
// "[0].x" to "<prefix>x".
Result<catalog_io::CatalogEntry> DecodeRecord(const json& record, const std::string& prefix) {
  auto decoded = catalog_io::DecodeCatalog(json::array({record}).dump());
  if (!decoded.ok()) {
    Error e = std::move(decoded).error();
    for (auto& f : e.fields) {
      if (f.field.rfind("[0]", 0) == 0) f.field = f.field.substr(3);
      if (!f.field.empty() && f.field[0] == '.') f.field = f.field.substr(1);
      f.field = prefix + f.field;
    }
    e.code = ErrorCode::kInvalidArgument;
    e.reason = "validation";
    return e;
  }
  return std::move(decoded->at(0));
}

// A request body: a JSON object whose members are all in `allowed`.
Result<json> BodyObject(const std::string& body, std::initializer_list<const char*> allowed) {
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Error::InvalidField("body", "must be a JSON object");
  }
  Error e = Error::InvalidArgument("invalid request").WithReason("validation");
  for (const auto& item : j.items()) {
    const std::string& key = item.key();
    if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }) ==
        allowed.end()) {
      e.fields.push_back({key, "is not a known field"});
    }
  }
  if (!e.fields.empty()) return e;
  return j;
}

// The "version" member: the row version the caller read.
Result<std::int64_t> RowVersion(const json& body) {
  if (!body.contains("version") || !body["version"].is_number_integer() ||
      body["version"].get<std::int64_t>() < 1) {
    return Error::InvalidField("version",
                               "is required: the row_version of the procedure version you read");
  }
  return body["version"].get<std::int64_t>();
}

Result<catalog::Decision> DecisionOf(const json& body) {
  Error e = Error::InvalidArgument("invalid decision").WithReason("validation");
  catalog::Decision d;
  const json* dj = body.contains("decision") ? &body["decision"] : nullptr;
  if (!dj || !dj->is_object()) {
    return Error::InvalidField("decision", "is required: {\"number\", \"date\"}");
  }
  for (const auto& [key, value] : dj->items()) {
    if (key != "number" && key != "date") e.fields.push_back({"decision." + key, "is not known"});
  }
  if (!dj->contains("number") || !(*dj)["number"].is_string() ||
      (*dj)["number"].get<std::string>().empty() ||
      (*dj)["number"].get<std::string>().size() > 100) {
    e.fields.push_back({"decision.number", "is required (e.g. \"1234/QĐ-UBND\")"});
  } else {
    d.number = (*dj)["number"].get<std::string>();
  }
  auto date = dj->contains("date") && (*dj)["date"].is_string()
                  ? calendar::ParseDate((*dj)["date"].get<std::string>())
                  : Result<calendar::CivilDate>(Error::InvalidArgument("missing"));
  if (!date.ok()) {
    e.fields.push_back({"decision.date", "must be a date \"YYYY-MM-DD\""});
  } else {
    d.date = *date;
  }
  if (!e.fields.empty()) return e;
  return d;
}

Result<int> NumberParam(const Request& req) {
  const std::string& text = req.path_params.at("number");
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1) {
    return Error::InvalidField("number", "must be a version number (1, 2, ...)");
  }
  return n;
}

bool CanManage(const Request& req) {
  return req.principal && identity::Grants(req.principal->user.roles, Permission::kCatalogManage);
}

Result<std::optional<calendar::CivilDate>> DateQuery(const Request& req, const std::string& name) {
  MOTCUA_ASSIGN_OR_RETURN(auto text, req.Query(name));
  if (!text) return std::optional<calendar::CivilDate>();
  auto d = calendar::ParseDate(*text);
  if (!d.ok()) return Error::InvalidField(name, "must be a date \"YYYY-MM-DD\"");
  return std::optional<calendar::CivilDate>(*d);
}

// An integer query parameter from `low` to `high`, if given.
Result<std::optional<std::int64_t>> IntQuery(const Request& req, const std::string& name,
                                             std::int64_t low, std::int64_t high) {
  MOTCUA_ASSIGN_OR_RETURN(auto text, req.Query(name));
  if (!text) return std::optional<std::int64_t>();
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || end != text->data() + text->size() || n < low || n > high) {
    return Error::InvalidField(
        name, "must be an integer from " + std::to_string(low) + " to " + std::to_string(high));
  }
  return std::optional<std::int64_t>(n);
}

Result<app::CatalogQuery> ListQuery(const Request& req) {
  app::CatalogQuery q;
  MOTCUA_ASSIGN_OR_RETURN(q.in_force_on, DateQuery(req, "in_force_on"));
  MOTCUA_ASSIGN_OR_RETURN(auto level, req.Query("level"));
  if (level) {
    auto l = catalog::ParseLevel(*level);
    if (!l.ok()) return Error::InvalidField("level", "must be province, commune or inter-level");
    q.level = *l;
  }
  MOTCUA_ASSIGN_OR_RETURN(q.field, req.Query("field"));
  if (q.field && q.field->size() > 300) return Error::InvalidField("field", "is too long");
  MOTCUA_ASSIGN_OR_RETURN(auto after, req.Query("after"));
  if (after) {
    if (after->size() > 64) return Error::InvalidField("after", "is too long");
    q.after_code = *after;
  }
  MOTCUA_ASSIGN_OR_RETURN(auto limit, IntQuery(req, "limit", 1, 200));
  if (limit) q.limit = static_cast<int>(*limit);
  return q;
}

json FindingJson(const catalog::Finding& f) {
  return {{"kind", catalog::FindingKindName(f.kind)},
          {"procedure_code", f.procedure_code},
          {"version", f.version},
          {"field", f.field},
          {"message_vi", f.message_vi},
          {"message_en", f.message_en},
          {"related_code", f.related_code.empty() ? json(nullptr) : json(f.related_code)}};
}

// --- public reading ------------------------------------------------------------------------------

void AddReadRoutes(ApiServer& server, Services& s) {
  server.Add(
      {"GET", "/api/v1/procedures", Permission::kPublic, "", [&s](Request& req) -> Result<Reply> {
         MOTCUA_ASSIGN_OR_RETURN(auto query, ListQuery(req));
         MOTCUA_ASSIGN_OR_RETURN(auto text, req.Query("q"));
         json out = {{"items", json::array()}, {"next_after", nullptr}};
         if (text) {
           if (text->size() > 200) return Error::InvalidField("q", "is too long");
           MOTCUA_ASSIGN_OR_RETURN(auto found, s.catalog->Search(*text, query));
           for (const auto& r : found) {
             json item = SummaryJson(r.procedure);
             item["tier"] = static_cast<int>(r.tier);
             out["items"].push_back(std::move(item));
           }
           return Reply::Json(200, Dump(out));
         }
         MOTCUA_ASSIGN_OR_RETURN(auto list, s.catalog->List(query));
         for (const auto& p : list) out["items"].push_back(SummaryJson(p));
         if (static_cast<int>(list.size()) == query.limit) out["next_after"] = list.back().code;
         return Reply::Json(200, Dump(out));
       }});
  server.Add({"GET", "/api/v1/procedures/{code}", Permission::kPublic, "",
              [&s](Request& req) -> Result<Reply> {
                const std::string& code = req.path_params["code"];
                MOTCUA_ASSIGN_OR_RETURN(auto day, DateQuery(req, "in_force_on"));
                MOTCUA_ASSIGN_OR_RETURN(auto v, s.catalog->InForce(code, day));
                MOTCUA_ASSIGN_OR_RETURN(auto w,
                                        s.catalog->GetWorkflows(code, v.value.number, false));
                return Reply::Json(200, Dump(VersionJson(v, std::move(w))));
              }});
  server.Add({"GET", "/api/v1/procedures/{code}/versions", Permission::kPublic, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(
                    auto list, s.catalog->Versions(req.path_params["code"], CanManage(req)));
                json items = json::array();
                for (const auto& v : list) items.push_back(VersionJson(v, {}));
                return Reply::Json(200, Dump({{"items", items}}));
              }});
  server.Add({"GET", "/api/v1/procedures/{code}/versions/{number}", Permission::kPublic, "",
              [&s](Request& req) -> Result<Reply> {
                const std::string& code = req.path_params["code"];
                MOTCUA_ASSIGN_OR_RETURN(int number, NumberParam(req));
                MOTCUA_ASSIGN_OR_RETURN(auto v, s.catalog->Version(code, number, CanManage(req)));
                MOTCUA_ASSIGN_OR_RETURN(auto w, s.catalog->GetWorkflows(code, number, true));
                return Reply::Json(200, Dump(VersionJson(v, std::move(w))));
              }});
  server.Add({"GET", "/api/v1/procedures/{code}/versions/{number}/workflow", Permission::kPublic,
              "", [&s](Request& req) -> Result<Reply> {
                const std::string& code = req.path_params["code"];
                MOTCUA_ASSIGN_OR_RETURN(int number, NumberParam(req));
                MOTCUA_ASSIGN_OR_RETURN(auto v, s.catalog->Version(code, number, CanManage(req)));
                MOTCUA_ASSIGN_OR_RETURN(auto w, s.catalog->GetWorkflows(code, number, true));
                json record = VersionJson(v, std::move(w));
                return Reply::Json(200, Dump({{"code", code},
                                              {"version", number},
                                              {"row_version", v.row_version},
                                              {"workflows", record["workflows"]}}));
              }});
  server.Add({"POST", "/api/v1/procedures/{code}/versions/{number}/workflow/simulate",
              Permission::kPublic, "", [&s](Request& req) -> Result<Reply> {
                const std::string& code = req.path_params["code"];
                MOTCUA_ASSIGN_OR_RETURN(int number, NumberParam(req));
                MOTCUA_ASSIGN_OR_RETURN(auto body, BodyObject(req.body(), {"received", "channel"}));
                Error e = Error::InvalidArgument("invalid simulation").WithReason("validation");
                Instant received = 0;
                auto local = body.contains("received") && body["received"].is_string()
                                 ? calendar::ParseLocalDateTime(body["received"].get<std::string>())
                                 : Result<Instant>(Error::InvalidArgument("missing"));
                if (local.ok()) {
                  received = *local;
                } else if (!body.contains("received") || !body["received"].is_string() ||
                           !ParseRfc3339(body["received"].get<std::string>(), &received)) {
                  e.fields.push_back(
                      {"received", "must be \"YYYY-MM-DD HH:MM\" (Vietnam time) or RFC 3339"});
                }
                catalog::Channel channel = catalog::Channel::kInPerson;
                if (body.contains("channel")) {
                  auto c = body["channel"].is_string()
                               ? catalog::ParseChannel(body["channel"].get<std::string>())
                               : Result<catalog::Channel>(Error::InvalidArgument("type"));
                  if (c.ok()) {
                    channel = *c;
                  } else {
                    e.fields.push_back({"channel", "must be in-person, online or postal"});
                  }
                }
                if (!e.fields.empty()) return e;
                MOTCUA_ASSIGN_OR_RETURN(
                    auto a, s.catalog->Simulate(code, number, CanManage(req), received, channel));
                json steps = json::array();
                for (const auto& st : a.plan.steps) {
                  steps.push_back({{"step_id", st.step_id},
                                   {"start", InstantJson(st.start)},
                                   {"due", InstantJson(st.due)},
                                   {"counted", st.counted}});
                }
                return Reply::Json(
                    200, Dump({{"calendar",
                                {{"id", a.calendar.id},
                                 {"code", a.calendar.code},
                                 {"version", a.calendar.version}}},
                               {"unit", a.unit_code.empty() ? json(nullptr) : json(a.unit_code)},
                               {"channel", catalog::ChannelName(channel)},
                               {"legal_time", a.legal ? json(a.legal->ToString()) : json(nullptr)},
                               {"received", InstantJson(received)},
                               {"counting_start", InstantJson(a.plan.counting_start)},
                               {"steps", steps},
                               {"due", InstantJson(a.plan.due)},
                               {"legal_due",
                                a.plan.legal_due ? InstantJson(*a.plan.legal_due) : json(nullptr)},
                               {"within_legal", a.plan.within_legal}}));
              }});
}

// --- administration ------------------------------------------------------------------------------

void AddEditRoutes(ApiServer& server, Services& s) {
  server.Add({"POST", "/api/v1/procedures", Permission::kCatalogManage, "procedure.draft.create",
              [&s](Request& req) -> Result<Reply> {
                json body = json::parse(req.body(), nullptr, false);
                if (body.is_discarded() || !body.is_object()) {
                  return Error::InvalidField("body", "must be a catalog record (JSON object)");
                }
                for (const char* key : {"version", "workflows"}) {
                  if (body.contains(key)) {
                    return Error::InvalidField(
                        key, "is set by the lifecycle; create the draft, then use its routes");
                  }
                }
                MOTCUA_ASSIGN_OR_RETURN(auto entry, DecodeRecord(body, ""));
                MOTCUA_ASSIGN_OR_RETURN(
                    auto created,
                    s.catalog->CreateDraft(req.actor, entry.procedure.draft.procedure));
                return Reply::Json(201, Dump(VersionJson(created, {})));
              }});
  server.Add(
      {"PUT", "/api/v1/procedures/{code}/versions/{number}", Permission::kCatalogManage,
       "procedure.draft.edit", [&s](Request& req) -> Result<Reply> {
         const std::string& code = req.path_params["code"];
         MOTCUA_ASSIGN_OR_RETURN(int number, NumberParam(req));
         MOTCUA_ASSIGN_OR_RETURN(auto body, BodyObject(req.body(), {"version", "procedure"}));
         MOTCUA_ASSIGN_OR_RETURN(auto row, RowVersion(body));
         if (!body.contains("procedure") || !body["procedure"].is_object()) {
           return Error::InvalidField("procedure", "is required: a catalog record");
         }
         MOTCUA_ASSIGN_OR_RETURN(auto entry, DecodeRecord(body["procedure"], "procedure."));
         MOTCUA_ASSIGN_OR_RETURN(
             auto edited,
             s.catalog->EditDraft(req.actor, code, number, row, entry.procedure.draft.procedure));
         return Reply::Json(200, Dump(VersionJson(edited, {})));
       }});
  server.Add(
      {"PUT", "/api/v1/procedures/{code}/versions/{number}/workflow", Permission::kCatalogManage,
       "procedure.workflow.put", [&s](Request& req) -> Result<Reply> {
         const std::string& code = req.path_params["code"];
         MOTCUA_ASSIGN_OR_RETURN(int number, NumberParam(req));
         MOTCUA_ASSIGN_OR_RETURN(auto body, BodyObject(req.body(), {"version", "workflows"}));
         MOTCUA_ASSIGN_OR_RETURN(auto row, RowVersion(body));
         if (!body.contains("workflows") || !body["workflows"].is_array()) {
           return Error::InvalidField("workflows", "is required: an array of workflows");
         }
         // The catalog format decodes workflows inside a record.
         json record = {{"code", code}, {"name", "-"}, {"workflows", body["workflows"]}};
         MOTCUA_ASSIGN_OR_RETURN(auto entry, DecodeRecord(record, ""));
         MOTCUA_ASSIGN_OR_RETURN(auto updated, s.catalog->PutWorkflows(req.actor, code, number, row,
                                                                       std::move(entry.workflows)));
         MOTCUA_ASSIGN_OR_RETURN(auto w, s.catalog->GetWorkflows(code, number, true));
         return Reply::Json(200, Dump(VersionJson(updated, std::move(w))));
       }});
  struct Transition {
    const char* verb;
    const char* action;
  };
  for (Transition t :
       {Transition{"publish", "procedure.publish"}, Transition{"amend", "procedure.amend"},
        Transition{"replace", "procedure.replace"}, Transition{"repeal", "procedure.repeal"}}) {
    const std::string verb = t.verb;
    server.Add(
        {"POST", "/api/v1/procedures/{code}/versions/{number}/" + verb, Permission::kCatalogManage,
         t.action, [&s, verb](Request& req) -> Result<Reply> {
           const std::string& code = req.path_params["code"];
           MOTCUA_ASSIGN_OR_RETURN(int number, NumberParam(req));
           MOTCUA_ASSIGN_OR_RETURN(auto body,
                                   BodyObject(req.body(), {"version", "decision", "replaced_by"}));
           MOTCUA_ASSIGN_OR_RETURN(auto row, RowVersion(body));
           MOTCUA_ASSIGN_OR_RETURN(auto decision, DecisionOf(body));
           std::string replaced_by;
           if (verb == "replace") {
             if (!body.contains("replaced_by") || !body["replaced_by"].is_string() ||
                 body["replaced_by"].get<std::string>().empty()) {
               return Error::InvalidField("replaced_by", "is required: the replacing code");
             }
             replaced_by = body["replaced_by"].get<std::string>();
           } else if (body.contains("replaced_by")) {
             return Error::InvalidField("replaced_by", "only for replace");
           }
           Result<app::StoredProcedureVersion> done =
               verb == "publish" ? s.catalog->Publish(req.actor, code, number, row, decision)
               : verb == "amend"
                   ? s.catalog->End(req.actor, code, number, row, app::EndKind::kAmend, decision)
               : verb == "replace"
                   ? s.catalog->End(req.actor, code, number, row, app::EndKind::kReplace, decision,
                                    replaced_by)
                   : s.catalog->End(req.actor, code, number, row, app::EndKind::kRepeal, decision);
           if (!done.ok()) return std::move(done).error();
           return Reply::Json(200, Dump(VersionJson(*done, {})));
         }});
  }
  server.Add({"GET", "/api/v1/catalog/hygiene", Permission::kCatalogManage, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto today, DateQuery(req, "today"));
                MOTCUA_ASSIGN_OR_RETURN(bool xlsx, XlsxFormat(req));
                MOTCUA_ASSIGN_OR_RETURN(auto findings, s.catalog->Hygiene(req.actor, today));
                if (xlsx) {
                  MOTCUA_ASSIGN_OR_RETURN(std::string bytes,
                                          catalog_io::EncodeHygieneXlsx(findings));
                  return XlsxReply(std::move(bytes), "ra-soat-thu-tuc.xlsx");
                }
                json items = json::array();
                for (const auto& f : findings) items.push_back(FindingJson(f));
                return Reply::Json(200, Dump({{"items", items}}));
              }});
}

// --- the catalog as a file
// ------------------------------------------------------------------------

std::vector<app::CatalogItem> ToItems(std::vector<catalog_io::CatalogEntry> entries) {
  std::vector<app::CatalogItem> items;
  items.reserve(entries.size());
  for (catalog_io::CatalogEntry& e : entries) {
    items.push_back({std::move(e.procedure.draft), std::move(e.workflows)});
  }
  return items;
}

std::vector<catalog_io::CatalogEntry> ToEntries(std::vector<app::CatalogItem> items) {
  std::vector<catalog_io::CatalogEntry> out;
  out.reserve(items.size());
  for (app::CatalogItem& item : items) {
    catalog_io::CatalogEntry e;
    e.procedure.notes = item.version.import_notes;
    e.procedure.draft = std::move(item.version);
    e.workflows = std::move(item.workflows);
    out.push_back(std::move(e));
  }
  return out;
}

// The file formats of an import body, by Content-Type.
enum class FileFormat { kJson, kXlsx };

Result<FileFormat> BodyFormat(const Request& req) {
  std::string type = req.Header("Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  if (type == "application/json") return FileFormat::kJson;
  if (type == catalog_io::kXlsxMediaType) return FileFormat::kXlsx;
  return Error::InvalidField("Content-Type", "must be application/json (motcua catalog JSON) or " +
                                                 std::string(catalog_io::kXlsxMediaType));
}

// What can be refused before the job starts: an empty body, JSON that is not an array, bytes
// that are not a workbook. The rest (every record) is the job's.
Status CheckBody(const std::string& body, FileFormat format) {
  if (format == FileFormat::kXlsx) {
    auto sheets = catalog_io::XlsxSheetNames(body);
    if (!sheets.ok()) return std::move(sheets).error();
    return Ok();
  }
  const std::size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || body[first] != '[') {
    return Error::InvalidField("body", "must be a catalog file: a JSON array of procedures");
  }
  return Ok();
}

Result<std::int64_t> RunImport(app::CatalogService& catalog, const app::Actor& actor,
                               const std::string& body, FileFormat format,
                               app::JobProgress& progress) {
  auto report = [&progress](std::size_t done, std::size_t total) { progress.Report(done, total); };
  std::vector<catalog_io::CatalogEntry> entries;
  catalog_io::XlsxLocator locator;
  if (format == FileFormat::kXlsx) {
    MOTCUA_ASSIGN_OR_RETURN(catalog_io::XlsxCatalog read,
                            catalog_io::DecodeCatalogXlsx(body, report));
    entries = std::move(read.entries);
    locator = std::move(read.locator);
  } else {
    MOTCUA_ASSIGN_OR_RETURN(entries, catalog_io::DecodeCatalog(body, report));
  }
  progress.Report(entries.size(), entries.size());
  Result<int> written = catalog.ImportCatalog(actor, ToItems(std::move(entries)));
  if (!written.ok()) {
    Error e = std::move(written).error();
    if (format == FileFormat::kXlsx) locator.Relocate(e.fields, "items");
    return e;
  }
  return *written;
}

json JobJson(const app::JobStatus& job) {
  json out = {
      {"id", job.id},
      {"kind", job.kind},
      {"state", app::JobStateName(job.state)},
      {"progress", {{"done", job.done}, {"total", job.total}}},
      {"submitted", FormatRfc3339Utc(job.submitted)},
      {"finished", job.finished ? json(FormatRfc3339Utc(*job.finished)) : json(nullptr)},
      {"written", job.state == app::JobState::kSucceeded ? json(job.result) : json(nullptr)},
      {"problem", nullptr}};
  if (job.error) out["problem"] = json::parse(ProblemJson(*job.error, job.id));
  return out;
}

bool IsAdministrator(const Request& req) {
  return req.principal && req.principal->user.roles.Has(identity::Role::kAdministrator);
}

void AddFileRoutes(ApiServer& server, Services& s) {
  // Owned by the routes' handlers: destroyed with the server, which is stopped before the
  // services it uses go away.
  auto jobs = std::make_shared<app::JobRegistry>(
      s.catalog->clock(), app::JobOptions{.workers = 1, .max_queued = 4, .max_kept = 100});
  server.Add({"GET", "/api/v1/catalog/export", Permission::kCatalogManage, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(bool xlsx, XlsxFormat(req));
                MOTCUA_ASSIGN_OR_RETURN(auto items, s.catalog->ExportCatalog(req.actor));
                auto entries = ToEntries(std::move(items));
                if (xlsx) {
                  MOTCUA_ASSIGN_OR_RETURN(std::string bytes,
                                          catalog_io::EncodeCatalogXlsx(entries));
                  return XlsxReply(std::move(bytes), "danh-muc-thu-tuc.xlsx");
                }
                Reply reply = Reply::Json(200, catalog_io::EncodeCatalog(entries));
                reply.headers.push_back(
                    {"Content-Disposition", "attachment; filename=\"danh-muc-thu-tuc.json\""});
                return reply;
              }});
  // The drafts the caller may edit, newest edit first (a draft never published is in no list of
  // versions in force).
  server.Add({"GET", "/api/v1/catalog/drafts", Permission::kCatalogManage, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto cursor, req.Query("cursor"));
                MOTCUA_ASSIGN_OR_RETURN(auto limit, IntQuery(req, "limit", 1, 100));
                MOTCUA_ASSIGN_OR_RETURN(
                    auto page, s.catalog->ListDrafts(req.actor, cursor.value_or(""),
                                                     static_cast<int>(limit.value_or(20))));
                json items = json::array();
                for (const auto& d : page.items) {
                  const catalog::Procedure& p = d.value.procedure;
                  items.push_back(
                      {{"code", p.code},
                       {"version", d.value.number},
                       {"name", p.name},
                       {"field", p.field},
                       {"competent_units", p.competent_units},
                       {"row_version", d.row_version},
                       {"edited_at", d.edited_at > 0 ? InstantJson(d.edited_at) : json(nullptr)}});
                }
                return Reply::Json(
                    200,
                    Dump({{"items", items},
                          {"next_cursor", page.next.empty() ? json(nullptr) : json(page.next)}}));
              }});
  server.Add({"POST", "/api/v1/catalog/imports", Permission::kCatalogManage, "catalog.import",
              [&s, jobs](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(FileFormat format, BodyFormat(req));
                MOTCUA_RETURN_IF_ERROR(CheckBody(req.body(), format));
                app::CatalogService* catalog = s.catalog;
                MOTCUA_ASSIGN_OR_RETURN(app::JobStatus job,
                                        jobs->Submit("catalog.import", req.actor.user_id(),
                                                     [catalog, actor = req.actor, body = req.body(),
                                                      format](app::JobProgress& progress) {
                                                       return RunImport(*catalog, actor, body,
                                                                        format, progress);
                                                     }));
                Reply reply = Reply::Json(202, Dump(JobJson(job)));
                reply.headers.push_back({"Location", "/api/v1/catalog/imports/" + job.id});
                return reply;
              }});
  // The caller's own imports, newest first (administrators too: the list is "my imports"; a job
  // of another is opened by its id). The cursor is the seq of the last job of the page read.
  server.Add({"GET", "/api/v1/catalog/imports", Permission::kCatalogManage, "",
              [jobs](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(
                    auto after,
                    IntQuery(req, "after", 1, std::numeric_limits<std::int64_t>::max()));
                MOTCUA_ASSIGN_OR_RETURN(auto limit, IntQuery(req, "limit", 1, 100));
                const std::size_t n = static_cast<std::size_t>(limit.value_or(20));
                // One more than asked tells whether a next page exists.
                auto list = jobs->List(req.actor.user_id(), after, n + 1);
                json out = {{"items", json::array()}, {"next_after", nullptr}};
                for (std::size_t i = 0; i < list.size() && i < n; ++i) {
                  json item = JobJson(list[i]);
                  // The list stays small: a failed job says how many problems, its own route
                  // lists them.
                  item["problems"] =
                      list[i].error ? json(std::max<std::size_t>(1, list[i].error->fields.size()))
                                    : json(0);
                  item.erase("problem");
                  out["items"].push_back(std::move(item));
                }
                if (list.size() > n) out["next_after"] = list[n - 1].seq;
                return Reply::Json(200, Dump(out));
              }});
  server.Add({"GET", "/api/v1/catalog/imports/{id}", Permission::kCatalogManage, "",
              [jobs](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(
                    app::JobStatus job,
                    jobs->Get(req.path_params["id"], req.actor.user_id(), IsAdministrator(req)));
                return Reply::Json(200, Dump(JobJson(job)));
              }});
}

}  // namespace

void AddCatalogRoutes(ApiServer& server, Services& services) {
  AddReadRoutes(server, services);
  AddEditRoutes(server, services);
  AddFileRoutes(server, services);
}

}  // namespace motcua::http
