// The dossier API (issue 5): counter reception, online submission, reading a dossier with its
// clock and history, commands, work queues, form 06 rows and the public lookup.
//
// Commands send the dossier version they read ("version"); a stale one is 409 with the current
// version in the message. Reception and submission accept an Idempotency-Key header: a retry of
// the same request returns the first answer (201 again) and creates nothing.
#include <httplib.h>

#include <algorithm>

#include "app/secrets.h"
#include "calendar/civil_time.h"
#include "catalog_io/catalog_xlsx.h"
#include "catalog_io/xlsx_writer.h"
#include "http/dossier_input.h"
#include "http/encode.h"
#include "http/rate_limit.h"
#include "http/routes.h"
#include "render/vn_format.h"

namespace motcua::http {
namespace {

using identity::Permission;
using json = nlohmann::json;

// An outbox message and where its delivery stands (docs/notifications.md).
json MessageJson(const app::OutboxMessage& m) {
  const char* state = m.sent_at ? "sent" : m.gave_up_at ? "given-up" : "pending";
  return {{"id", m.id},
          {"kind", m.kind},
          {"channel", m.channel},
          {"recipient", m.recipient},
          {"state", state},
          {"attempts", m.attempts},
          {"created_at", InstantJson(m.created_at)},
          {"next_attempt_at",
           m.sent_at || m.gave_up_at ? json(nullptr) : InstantJson(m.next_attempt_at)},
          {"sent_at", InstantJson(m.sent_at)},
          {"gave_up_at", InstantJson(m.gave_up_at)},
          {"last_error", m.last_error}};
}

json StateJson(dossier::State s) {
  return {{"code", dossier::NationalCode(s)},
          {"name", dossier::StateName(s)},
          {"label", dossier::StateLabel(s)}};
}

json ComponentsJson(const std::vector<dossier::ProvidedComponent>& components) {
  json out = json::array();
  for (const auto& c : components) {
    out.push_back({{"name", c.name},
                   {"provision", dossier::ProvisionName(c.provision)},
                   {"digitized", c.digitized},
                   {"file_sha256", c.file_sha256}});
  }
  return out;
}

json EventJson(const dossier::Event& e) {
  json j = {{"seq", e.seq},
            {"kind", dossier::EventKindName(e.kind)},
            {"at", InstantJson(e.at)},
            {"actor", e.actor},
            {"unit_code", e.unit_code},
            {"step_id", e.step_id}};
  if (!e.to_step.empty()) j["to_step"] = e.to_step;
  if (!e.to_unit.empty()) j["to_unit"] = e.to_unit;
  if (e.to_user != 0) j["to_user"] = e.to_user;
  if (!e.reason.empty()) j["reason"] = e.reason;
  if (!e.items.empty()) j["items"] = e.items;
  if (e.kind == dossier::EventKind::kPaused) j["pause"] = calendar::ExclusionTypeName(e.pause);
  if (e.new_appointment) j["new_appointment"] = InstantJson(e.new_appointment);
  if (e.kind == dossier::EventKind::kReturned) {
    j["return_method"] = dossier::ReturnMethodName(e.return_method);
  }
  if (!e.reference.empty()) j["reference"] = e.reference;
  if (!e.components.empty()) j["components"] = ComponentsJson(e.components);
  if (!e.file_sha256.empty()) j["file_sha256"] = e.file_sha256;
  return j;
}

json SummaryJson(const app::StoredDossier& s) {
  const dossier::Dossier& d = s.value;
  const json kind = d.step_id.empty() ? json(nullptr) : json(catalog::StepKindName(d.step_kind));
  return {{"id", d.id},
          {"code", d.code},
          {"version", d.version},
          {"state", StateJson(d.state)},
          {"procedure_code", d.procedure_code},
          {"procedure_version", d.procedure_version},
          {"applicant_name", d.applicant.name},
          {"step_id", d.step_id},
          {"step_kind", kind},
          {"step_unit", s.step_unit},
          {"assignee", d.assignee == 0 ? json(nullptr) : json(d.assignee)},
          {"paused", d.paused},
          {"waiting_agency", d.waiting_agency},
          {"due", InstantJson(s.clock.due)},
          {"step_due", InstantJson(s.clock.step_due)},
          {"appointment", InstantJson(s.clock.appointment)},
          {"apology",
           {{"drafted", d.apology_drafted},
            {"signed", d.apology_signed},
            {"reason", d.apology_reason},
            {"new_appointment", InstantJson(d.new_appointment)}}}};
}

json ViewJson(const app::DossierView& v) {
  const dossier::Dossier& d = v.stored.value;
  json j = SummaryJson(v.stored);
  j["procedure_name"] = v.procedure_name;
  j["case_name"] = d.case_name;
  j["channel"] = catalog::ChannelName(d.channel);
  j["receiving_unit"] = d.receiving_unit;
  j["competent_unit"] = d.competent_unit;
  j["applicant"] = {{"organisation", d.applicant.organisation},
                    {"name", d.applicant.name},
                    {"id_number", d.applicant.id_number},
                    {"address", d.applicant.address},
                    {"commune_code", d.applicant.commune_code},
                    {"phone", d.applicant.phone},
                    {"email", d.applicant.email}};
  j["components"] = ComponentsJson(d.components);
  j["supplied"] = ComponentsJson(d.supplied);
  j["result_file"] = d.result_sha256.empty() ? json(nullptr) : json(d.result_sha256);
  j["postal_item"] = d.postal_item;
  j["supplement_requests"] = d.supplement_requests;
  j["refusal_proposed"] = d.refusal_proposed;
  j["originals_in_transit"] = d.originals_in_transit;
  json exclusions = json::array();
  for (const auto& x : v.times.exclusions) {
    exclusions.push_back({{"type", calendar::ExclusionTypeName(x.type)},
                          {"from", InstantJson(x.from)},
                          {"to", InstantJson(x.to)},
                          {"note", x.note}});
  }
  j["times"] = {{"counting_start", InstantJson(v.times.counting_start)},
                {"appointment", InstantJson(v.times.appointment)},
                {"due", InstantJson(v.times.due)},
                {"new_appointment", InstantJson(v.times.new_appointment)},
                {"step_due", InstantJson(v.times.step_due)},
                {"intake_due", InstantJson(v.times.intake_due)},
                {"intake_alert", InstantJson(v.times.intake_alert)},
                {"supplement_deadline", InstantJson(v.times.supplement_deadline)},
                {"outcome", dossier::TimelinessName(v.times.outcome)},
                {"overdue", v.times.overdue},
                {"remaining", v.remaining},
                {"exclusions", exclusions}};
  j["events"] = json::array();
  for (const auto& e : v.events) j["events"].push_back(EventJson(e));
  return j;
}

// A dossier's JSON with the commands the caller may give on it now (what the screens offer),
// and whether the caller may download its result document.
Result<json> WithAllowedCommands(Services& s, const Request& req, const app::DossierView& view,
                                 json dossier) {
  const dossier::Dossier& d = view.stored.value;
  const bool citizen = req.actor.user && req.actor.user->roles.Has(identity::Role::kCitizen);
  dossier["result_downloadable"] =
      !d.result_sha256.empty() && (!citizen || app::DossierService::ResultReleased(d));
  std::vector<dossier::CommandKind> kinds;
  if (view.allowed_commands) {
    kinds = *view.allowed_commands;
  } else {
    MOTCUA_ASSIGN_OR_RETURN(kinds, s.dossier->AllowedCommands(req.actor, view.stored.value.id));
  }
  json names = json::array();
  for (auto kind : kinds) names.push_back(std::string(dossier::CommandKindName(kind)));
  dossier["allowed_commands"] = std::move(names);
  return dossier;
}

// A page of dossier rows (a queue, "my dossiers"): each with "Còn / Quá ..." and its procedure.
json PageJson(const app::QueuePage& page) {
  json items = json::array();
  for (const auto& v : page.items) {
    items.push_back(SummaryJson(v.stored));
    items.back()["remaining"] = v.remaining;
    items.back()["procedure_name"] = v.procedure_name;
  }
  return {{"items", items},
          {"total", page.total < 0 ? json(nullptr) : json(page.total)},
          {"total_exact", page.total_exact},
          {"next_cursor", page.next.empty() ? json(nullptr) : json(page.next)}};
}

// The idempotency key (at most 100 printable ASCII characters) and the request's hash.
Result<std::pair<std::string, std::string>> Idempotency(const Request& req) {
  const std::string key = req.Header("Idempotency-Key");
  if (key.size() > 100 ||
      std::any_of(key.begin(), key.end(), [](char c) { return c < 0x21 || c > 0x7e; })) {
    return Error::InvalidField("Idempotency-Key", "at most 100 printable ASCII characters");
  }
  return std::pair(key, app::Sha256Hex(req.raw.method + " " + req.raw.path + "\n" + req.body()));
}

Result<Reply> Created(Services& s, const Request& req, const app::ReceptionAnswer& a) {
  MOTCUA_ASSIGN_OR_RETURN(json j, WithAllowedCommands(s, req, a.view, ViewJson(a.view)));
  j["secret"] = a.secret;
  Reply reply = Reply::Json(201, Dump(j));
  reply.headers.push_back(
      {"Location", "/api/v1/dossiers/" + std::to_string(a.view.stored.value.id)});
  return reply;
}

std::optional<app::Queue> ParseQueue(const std::string& name) {
  static const std::pair<const char*, app::Queue> kQueues[] = {
      {"open", app::Queue::kOpen},
      {"mine", app::Queue::kMine},
      {"unassigned", app::Queue::kUnassigned},
      {"due-soon", app::Queue::kDueSoon},
      {"overdue", app::Queue::kOverdue},
      {"paused", app::Queue::kPaused},
      {"waiting-agency", app::Queue::kWaitingAgency},
      {"submitted", app::Queue::kSubmitted},
      {"apology-drafted", app::Queue::kApologyDrafted}};
  for (const auto& [n, q] : kQueues) {
    if (name == n) return q;
  }
  return std::nullopt;
}

// `?step_kind=`: a workflow step kind (catalog::StepKindName), or absent for every kind.
Result<std::optional<catalog::StepKind>> StepKindParam(const Request& req) {
  MOTCUA_ASSIGN_OR_RETURN(auto text, req.Query("step_kind"));
  if (!text) return std::optional<catalog::StepKind>();
  auto kind = catalog::ParseStepKind(*text);
  if (!kind.ok()) {
    return Error::InvalidField("step_kind",
                               "must be receive, assign, appraise, approve, sign, issue, return, "
                               "inter-agency, wait-financial or other");
  }
  return std::optional<catalog::StepKind>(*kind);
}

json AttachmentJson(const app::Attachment& a) {
  return {{"sha256", a.sha256},
          {"size", a.size},
          {"media_type", a.media_type},
          {"created_at", InstantJson(a.created_at)}};
}

// A stored file as a download: its detected type, never rendered inline by the browser.
Reply FileReply(app::Attachment a) {
  static const std::pair<const char*, const char*> kExtensions[] = {
      {"application/pdf", ".pdf"}, {"image/jpeg", ".jpg"}, {"image/png", ".png"}};
  std::string name = a.sha256.substr(0, 16);
  for (const auto& [type, ext] : kExtensions) {
    if (a.media_type == type) name += ext;
  }
  Reply reply{200, std::move(a.data), a.media_type, {}};
  reply.headers.push_back({"Content-Disposition", "attachment; filename=\"" + name + "\""});
  reply.headers.push_back({"Cache-Control", "private, max-age=31536000, immutable"});
  reply.headers.push_back({"X-Content-Type-Options", "nosniff"});
  return reply;
}

// A whole queue as a workbook, walked page by page (at most kMaxExportRows rows); the rows
// written of the queue's count reported after each page.
constexpr int kMaxExportRows = 50'000;

Result<std::string> QueueWorkbook(app::DossierService& dossiers, const app::Actor& actor,
                                  app::Queue queue, std::optional<catalog::StepKind> step_kind,
                                  app::JobProgress& progress) {
  MOTCUA_ASSIGN_OR_RETURN(auto book, catalog_io::XlsxWriter::Create());
  MOTCUA_RETURN_IF_ERROR(book->AddSheet("Hồ sơ", {{"STT", 6, false},
                                                  {"Mã hồ sơ", 22},
                                                  {"Mã thủ tục", 14},
                                                  {"Người nộp", 26},
                                                  {"Trạng thái", 22},
                                                  {"Bước", 14},
                                                  {"Đơn vị xử lý", 14},
                                                  {"Người xử lý (mã)", 10, false},
                                                  {"Tạm dừng", 9},
                                                  {"Hẹn trả", 17},
                                                  {"Hạn giải quyết", 17},
                                                  {"Hạn của bước", 17},
                                                  {"Còn / Quá", 18}}));
  auto when = [](const std::optional<Instant>& t) {
    return t ? render::FormatShortDateTime(*t) : std::string();
  };
  int row = 1;
  std::string cursor;
  std::size_t total = 0;
  do {
    MOTCUA_ASSIGN_OR_RETURN(
        auto page, dossiers.ListQueue(actor, queue, cursor, 200, cursor.empty(), step_kind));
    if (cursor.empty()) total = static_cast<std::size_t>(std::max<std::int64_t>(0, page.total));
    for (const auto& v : page.items) {
      if (row > kMaxExportRows) {
        return Error::InvalidField("format", "the queue holds more than " +
                                                 std::to_string(kMaxExportRows) +
                                                 " dossiers; export a narrower queue");
      }
      const dossier::Dossier& d = v.stored.value;
      ++row;
      std::size_t col = 0;
      auto text = [&](const std::string& t) { return book->Text(row, col++, t); };
      MOTCUA_RETURN_IF_ERROR(book->Number(row, col++, row - 1));
      MOTCUA_RETURN_IF_ERROR(text(d.code));
      MOTCUA_RETURN_IF_ERROR(text(d.procedure_code));
      MOTCUA_RETURN_IF_ERROR(text(d.applicant.name));
      MOTCUA_RETURN_IF_ERROR(text(std::string(dossier::StateLabel(d.state))));
      MOTCUA_RETURN_IF_ERROR(text(d.step_id));
      MOTCUA_RETURN_IF_ERROR(text(v.stored.step_unit));
      if (d.assignee != 0) {
        MOTCUA_RETURN_IF_ERROR(book->Number(row, col, static_cast<double>(d.assignee)));
      }
      ++col;
      MOTCUA_RETURN_IF_ERROR(text(d.paused ? "có" : ""));
      MOTCUA_RETURN_IF_ERROR(text(when(v.stored.clock.appointment)));
      MOTCUA_RETURN_IF_ERROR(text(when(v.stored.clock.due)));
      MOTCUA_RETURN_IF_ERROR(text(when(v.stored.clock.step_due)));
      MOTCUA_RETURN_IF_ERROR(text(v.remaining));
    }
    progress.Report(static_cast<std::size_t>(row - 1), std::max<std::size_t>(total, row - 1));
    cursor = page.next;
  } while (!cursor.empty());
  return book->Finish();
}

}  // namespace

void AddDossierRoutes(ApiServer& server, Services& s) {
  server.Add({"POST", "/api/v1/dossiers", Permission::kDossierReceive, "dossier.receive",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto body, DecodeReception(req.body(), true));
                MOTCUA_ASSIGN_OR_RETURN(auto idem, Idempotency(req));
                MOTCUA_ASSIGN_OR_RETURN(auto answer,
                                        s.dossier->Receive(req.actor, body.input, body.decision,
                                                           body.details, idem.first, idem.second));
                return Created(s, req, answer);
              }});
  server.Add({"POST", "/api/v1/dossiers/online", Permission::kDossierSubmit, "dossier.submit",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto body, DecodeReception(req.body(), false));
                MOTCUA_ASSIGN_OR_RETURN(auto idem, Idempotency(req));
                MOTCUA_ASSIGN_OR_RETURN(
                    auto answer, s.dossier->Submit(req.actor, body.input, idem.first, idem.second));
                return Created(s, req, answer);
              }});
  server.Add({"GET", "/api/v1/dossiers/{id}", Permission::kDossierRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto view, s.dossier->Get(req.actor, id));
                MOTCUA_ASSIGN_OR_RETURN(auto out,
                                        WithAllowedCommands(s, req, view, ViewJson(view)));
                return Reply::Json(200, Dump(out));
              }});
  server.Add({"POST", "/api/v1/dossiers/{id}/commands", Permission::kDossierAct, "dossier.command",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                std::int64_t version = 0;
                MOTCUA_ASSIGN_OR_RETURN(auto command, DecodeCommand(req.body(), version));
                MOTCUA_ASSIGN_OR_RETURN(auto view, s.dossier->Act(req.actor, id, version, command));
                MOTCUA_ASSIGN_OR_RETURN(auto out,
                                        WithAllowedCommands(s, req, view, ViewJson(view)));
                return Reply::Json(200, Dump(out));
              }});
  server.Add({"GET", "/api/v1/dossiers/{id}/clock", Permission::kDossierRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto lang, req.Query("lang"));
                const auto language = lang && *lang == "en" ? calendar::Language::kEnglish
                                                            : calendar::Language::kVietnamese;
                MOTCUA_ASSIGN_OR_RETURN(auto c, s.dossier->TraceClock(req.actor, id));
                const dossier::Times& t = c.view.times;
                return Reply::Json(200,
                                   Dump({{"id", id},
                                         {"code", c.view.stored.value.code},
                                         {"legal_time", t.legal->ToString()},
                                         {"received", InstantJson(c.trace.received)},
                                         {"counting_start", InstantJson(c.trace.counting_start)},
                                         {"appointment", InstantJson(t.appointment)},
                                         {"due", InstantJson(c.trace.due)},
                                         {"new_appointment", InstantJson(t.new_appointment)},
                                         {"remaining", c.view.remaining},
                                         {"segments", TraceSegmentsJson(c.trace, language)},
                                         {"text", calendar::FormatTrace(c.trace, language)}}));
              }});
  // Attachments: the raw bytes as the body; named by SHA-256, typed by content.
  Route upload{"POST", "/api/v1/attachments", Permission::kDossierRead, "attachment.upload",
               [&s](Request& req) -> Result<Reply> {
                 MOTCUA_ASSIGN_OR_RETURN(
                     auto a, s.dossier->Upload(req.actor, req.body(), req.Header("Content-Type")));
                 Reply reply = Reply::Json(201, Dump(AttachmentJson(a)));
                 reply.headers.push_back({"Location", "/api/v1/attachments/" + a.sha256});
                 return reply;
               }};
  upload.max_body_bytes = s.dossier->max_attachment_bytes();
  server.Add(std::move(upload));
  server.Add({"GET", "/api/v1/attachments/{sha256}", Permission::kDossierRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto a, s.dossier->Download(req.actor, std::nullopt,
                                                                    req.path_params["sha256"]));
                return FileReply(std::move(a));
              }});
  server.Add({"GET", "/api/v1/dossiers/{id}/attachments/{sha256}", Permission::kDossierRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(
                    auto a, s.dossier->Download(req.actor, id, req.path_params["sha256"]));
                return FileReply(std::move(a));
              }});
  server.Add({"GET", "/api/v1/dossiers/{id}/result", Permission::kDossierRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto a, s.dossier->DownloadResult(req.actor, id));
                return FileReply(std::move(a));
              }});
  // The citizen's own (dossier.submit: citizens only; officers read the work queues).
  server.Add({"GET", "/api/v1/my/dossiers", Permission::kDossierSubmit, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto cursor, req.Query("cursor"));
                MOTCUA_ASSIGN_OR_RETURN(auto page, PageParams(req));
                MOTCUA_ASSIGN_OR_RETURN(
                    auto result, s.dossier->ListMine(req.actor, cursor.value_or(""), page.limit));
                return Reply::Json(200, Dump(PageJson(result)));
              }});
  // The applicant's data store: what is already digitized for a person (reception officers).
  server.Add(
      {"GET", "/api/v1/applicants/{id_number}/documents", Permission::kDossierReceive, "",
       [&s](Request& req) -> Result<Reply> {
         MOTCUA_ASSIGN_OR_RETURN(auto cursor, req.Query("cursor"));
         MOTCUA_ASSIGN_OR_RETURN(auto page, PageParams(req));
         MOTCUA_ASSIGN_OR_RETURN(
             auto held, s.dossier->ApplicantDocuments(req.actor, req.path_params["id_number"],
                                                      cursor.value_or(""), page.limit));
         json items = json::array();
         for (const auto& h : held.items) {
           items.push_back({{"name", h.name},
                            {"kind", h.kind},
                            {"file_sha256", h.sha256},
                            {"size", h.file.size},
                            {"media_type", h.file.media_type},
                            {"dossier_id", h.dossier_id},
                            {"dossier_code", h.dossier_code},
                            {"at", InstantJson(h.at)}});
         }
         return Reply::Json(
             200, Dump({{"items", items},
                        {"next_cursor", held.next.empty() ? json(nullptr) : json(held.next)}}));
       }});
  server.Add({"GET", "/api/v1/dossiers/{id}/handovers", Permission::kDossierRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto rows, s.dossier->Handovers(req.actor, id));
                json items = json::array();
                for (const auto& h : rows) {
                  items.push_back({{"step_id", h.step_id},
                                   {"from_unit", h.from_unit},
                                   {"to_unit", h.to_unit},
                                   {"actor", h.actor},
                                   {"entered", InstantJson(h.entered)},
                                   {"left", InstantJson(h.left)},
                                   {"due", InstantJson(h.due)},
                                   {"counted", h.counted},
                                   {"timeliness", dossier::TimelinessName(h.timeliness)}});
                }
                return Reply::Json(200, Dump({{"items", items}}));
              }});
  server.Add({"GET", "/api/v1/dossiers/{id}/messages", Permission::kDossierRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
                MOTCUA_ASSIGN_OR_RETURN(auto messages, s.dossier->Messages(req.actor, id));
                json items = json::array();
                for (const auto& m : messages) items.push_back(MessageJson(m));
                return Reply::Json(200, Dump({{"items", items}}));
              }});
  server.Add(
      {"GET", "/api/v1/queues/{queue}", Permission::kDossierRead, "",
       [&s](Request& req) -> Result<Reply> {
         auto queue = ParseQueue(req.path_params["queue"]);
         if (!queue) {
           return Error::InvalidField("queue",
                                      "must be open, mine, unassigned, due-soon, overdue, paused, "
                                      "waiting-agency, submitted or apology-drafted");
         }
         MOTCUA_ASSIGN_OR_RETURN(auto step_kind, StepKindParam(req));
         MOTCUA_ASSIGN_OR_RETURN(bool xlsx, XlsxFormat(req));
         if (xlsx) {
           // The queue is the caller's own: nothing outside their scope to refuse.
           const std::string name = "ho-so-" + req.path_params["queue"] + ".xlsx";
           return Download(s, req, "export.queue",
                           [dossiers = s.dossier, actor = req.actor, queue = *queue, step_kind,
                            name](app::JobProgress& progress) -> Result<app::JobFile> {
                             MOTCUA_ASSIGN_OR_RETURN(
                                 std::string bytes,
                                 QueueWorkbook(*dossiers, actor, queue, step_kind, progress));
                             return app::JobFile{name, std::string(catalog_io::kXlsxMediaType),
                                                 std::move(bytes)};
                           });
         }
         MOTCUA_ASSIGN_OR_RETURN(auto cursor, req.Query("cursor"));
         MOTCUA_ASSIGN_OR_RETURN(auto page, PageParams(req));
         // Only the first page is counted: the count reads up to 10,000 index entries, more
         // than a page costs, and the first page's count holds for the next ones.
         const bool first = cursor.value_or("").empty();
         MOTCUA_ASSIGN_OR_RETURN(
             auto result, s.dossier->ListQueue(req.actor, *queue, cursor.value_or(""), page.limit,
                                               first, step_kind));
         return Reply::Json(200, Dump(PageJson(result)));
       }});
  // Guessing codes and secrets is slowed per client address.
  auto limiter = std::make_shared<RateLimiter>(s.lookups_per_minute);
  server.Add({"GET", "/api/v1/lookup", Permission::kPublic, "",
              [&s, limiter](Request& req) -> Result<Reply> {
                if (!limiter->Allow(req.actor.address)) {
                  return Error::ResourceExhausted(
                             "too many lookups from this address; try again in a "
                             "minute")
                      .WithReason("rate-limited");
                }
                MOTCUA_ASSIGN_OR_RETURN(auto code, req.Query("code"));
                MOTCUA_ASSIGN_OR_RETURN(auto secret, req.Query("secret"));
                if (!code || code->empty() || code->size() > 80) {
                  return Error::InvalidField("code", "the dossier code is required");
                }
                if (!secret || secret->empty() || secret->size() > 40) {
                  return Error::InvalidField("secret", "the lookup secret is required");
                }
                MOTCUA_ASSIGN_OR_RETURN(auto st, s.dossier->Lookup(*code, *secret));
                return Reply::Json(200, Dump({{"code", st.code},
                                              {"procedure_name", st.procedure_name},
                                              {"applicant_initials", st.applicant_initials},
                                              {"state", StateJson(st.state)},
                                              {"step", st.step_name},
                                              {"appointment", InstantJson(st.appointment)},
                                              {"new_appointment", InstantJson(st.new_appointment)},
                                              {"result_ready", st.result_ready}}));
              }});
}

}  // namespace motcua::http
