// Export jobs: a queue's workbook or a report's workbook or PDF asked with
// `Prefer: respond-async` is made in the background (app::JobRegistry) instead of in the request.
// The download route checks what the direct download would (its permission, the parameters, the
// caller's unit scope) and answers 202 with the job; the job is polled at /api/v1/exports/{id}
// (progress: rows written of the total) and its file downloaded at /api/v1/exports/{id}/file.
// Only the caller (and administrators) see a job. Jobs and files live in memory: a restart
// forgets them, and the files kept together are bounded (the oldest jobs are forgotten first).
#include <algorithm>
#include <cctype>

#include "http/encode.h"
#include "http/problem.h"
#include "http/routes.h"

namespace motcua::http {
namespace {

using identity::Permission;
using json = nlohmann::json;

// The work of a direct download: progress goes nowhere, the file is the answer.
class Unreported final : public app::JobProgress {
 public:
  void Report(std::size_t, std::size_t) override {}
  void Keep(app::JobFile) override {}
};

Reply FileReply(const app::JobFile& file) {
  Reply reply{200, file.bytes, file.media_type, {}};
  reply.headers.push_back({"Content-Disposition", "attachment; filename=\"" + file.name + "\""});
  return reply;
}

bool IsAdministrator(const Request& req) {
  return req.principal && req.principal->user.roles.Has(identity::Role::kAdministrator);
}

json ExportJson(const app::JobStatus& job) {
  json out = {{"id", job.id},
              {"kind", job.kind},
              {"state", app::JobStateName(job.state)},
              {"progress", {{"done", job.done}, {"total", job.total}}},
              {"submitted", FormatRfc3339Utc(job.submitted)},
              {"finished", job.finished ? json(FormatRfc3339Utc(*job.finished)) : json(nullptr)},
              {"file", nullptr},
              {"problem", nullptr}};
  if (job.state == app::JobState::kSucceeded && !job.file_name.empty()) {
    out["file"] = {{"name", job.file_name},
                   {"bytes", job.file_bytes},
                   {"href", "/api/v1/exports/" + job.id + "/file"}};
  }
  if (job.error) out["problem"] = json::parse(ProblemJson(*job.error, job.id));
  return out;
}

}  // namespace

bool WantsExportJob(const Services& services, const Request& req) {
  if (!services.exports) return false;
  std::string prefer = req.Header("Prefer");
  std::transform(prefer.begin(), prefer.end(), prefer.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  // Preferences are separated by commas, each may carry parameters after ';'.
  std::size_t start = 0;
  while (start <= prefer.size()) {
    std::size_t end = prefer.find(',', start);
    if (end == std::string::npos) end = prefer.size();
    std::string token = prefer.substr(start, end - start);
    token = token.substr(0, token.find(';'));
    token.erase(0, token.find_first_not_of(" \t"));
    token.erase(token.find_last_not_of(" \t") + 1);
    if (token == "respond-async") return true;
    start = end + 1;
  }
  return false;
}

Result<Reply> Download(Services& services, const Request& req, std::string kind, ExportWork work) {
  if (!WantsExportJob(services, req)) {
    Unreported unreported;
    MOTCUA_ASSIGN_OR_RETURN(app::JobFile file, work(unreported));
    return FileReply(file);
  }
  MOTCUA_ASSIGN_OR_RETURN(
      app::JobStatus job,
      services.exports->Submit(
          std::move(kind), req.actor.user_id(),
          [work = std::move(work)](app::JobProgress& progress) -> Result<std::int64_t> {
            MOTCUA_ASSIGN_OR_RETURN(app::JobFile file, work(progress));
            const auto size = static_cast<std::int64_t>(file.bytes.size());
            progress.Keep(std::move(file));
            return size;
          }));
  Reply reply = Reply::Json(202, Dump(ExportJson(job)));
  reply.headers.push_back({"Location", "/api/v1/exports/" + job.id});
  reply.headers.push_back({"Preference-Applied", "respond-async"});
  return reply;
}

void AddExportRoutes(ApiServer& server, Services& s) {
  std::shared_ptr<app::JobRegistry> jobs = s.exports;
  // The caller's own exports, newest first; the cursor is the seq of the last job of the page.
  server.Add({"GET", "/api/v1/exports", Permission::kAuthenticated, "",
              [jobs](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(app::Page page, PageParams(req));
                const auto n = static_cast<std::size_t>(page.limit);
                // One more than asked tells whether a next page exists.
                auto list =
                    jobs->List(req.actor.user_id(),
                               page.after > 0 ? std::optional(page.after) : std::nullopt, n + 1);
                json out = {{"items", json::array()}, {"next_after", nullptr}};
                for (std::size_t i = 0; i < list.size() && i < n; ++i) {
                  out["items"].push_back(ExportJson(list[i]));
                }
                if (list.size() > n) out["next_after"] = list[n - 1].seq;
                return Reply::Json(200, Dump(out));
              }});
  server.Add({"GET", "/api/v1/exports/{id}", Permission::kAuthenticated, "",
              [jobs](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(
                    app::JobStatus job,
                    jobs->Get(req.path_params["id"], req.actor.user_id(), IsAdministrator(req)));
                return Reply::Json(200, Dump(ExportJson(job)));
              }});
  server.Add({"GET", "/api/v1/exports/{id}/file", Permission::kAuthenticated, "",
              [jobs](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(
                    auto file,
                    jobs->File(req.path_params["id"], req.actor.user_id(), IsAdministrator(req)));
                Reply reply = FileReply(*file);
                reply.headers.push_back({"Cache-Control", "private, no-store"});
                return reply;
              }});
}

}  // namespace motcua::http
