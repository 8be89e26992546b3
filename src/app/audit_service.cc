#include "app/audit_service.h"

namespace motcua::app {

audit::Record AuditRecordFor(const Actor& actor, Instant at, std::string action,
                             std::string object_type, std::string object_id, std::string detail) {
  audit::Record r;
  r.at = at;
  r.actor_user_id = actor.user_id();
  r.actor = actor.system ? "system" : actor.name();
  r.action = std::move(action);
  r.object_type = std::move(object_type);
  r.object_id = std::move(object_id);
  r.address = actor.address;
  r.result = "ok";
  r.detail = std::move(detail);
  r.request_id = actor.request_id;
  return r;
}

Result<audit::VerifyOutcome> AuditService::Verify() {
  audit::Verifier verifier;
  Page page{0, 1000};
  for (;;) {
    std::vector<audit::Record> batch;
    MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(batch, tx.ListAudit(page));
      return Ok();
    }));
    if (batch.empty()) break;
    for (const auto& r : batch) {
      if (!verifier.Feed(r)) return verifier.outcome();
    }
    page.after = batch.back().seq;
  }
  return verifier.outcome();
}

Result<std::vector<audit::Record>> AuditService::List(Page page) {
  std::vector<audit::Record> out;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out, tx.ListAudit(page));
    return Ok();
  }));
  return out;
}

Status AuditService::RecordFailure(const Actor& actor, const std::string& action,
                                   const std::string& object_type, const std::string& object_id,
                                   const Error& error) {
  audit::Record r = AuditRecordFor(actor, clock_.Now(), action, object_type, object_id,
                                   error.message.substr(0, 500));
  r.result = std::string(ErrorCodeName(error.code));
  return store_.Write([&](WriteTx& tx) { return tx.AppendAudit(r); });
}

}  // namespace motcua::app
