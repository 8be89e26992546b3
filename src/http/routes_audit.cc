// The audit log: reading and verifying the chain.
#include "http/encode.h"
#include "http/routes.h"

namespace motcua::http {

void AddAuditRoutes(ApiServer& server, Services& s) {
  server.Add({"GET", "/api/v1/audit", identity::Permission::kAuditRead, "",
              [&s](Request& req) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto page, PageParams(req));
                MOTCUA_ASSIGN_OR_RETURN(auto records, s.audit.List(page));
                return Reply::Json(200, Dump(PageJson(records, page.limit, AuditJson,
                                                      [](const auto& r) { return r.seq; })));
              }});
  server.Add({"GET", "/api/v1/audit/verify", identity::Permission::kAuditRead, "",
              [&s](Request&) -> Result<Reply> {
                MOTCUA_ASSIGN_OR_RETURN(auto outcome, s.audit.Verify());
                nlohmann::json out = {{"ok", outcome.ok}, {"checked", outcome.checked}};
                out["first_broken_seq"] = outcome.first_broken_seq
                                              ? nlohmann::json(*outcome.first_broken_seq)
                                              : nlohmann::json(nullptr);
                out["problem"] = outcome.problem;
                return Reply::Json(200, Dump(out));
              }});
}

}  // namespace motcua::http
