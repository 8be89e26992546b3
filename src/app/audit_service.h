#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/store.h"
#include "common/clock.h"

namespace motcua::app {

// A successful action's audit record: who (`actor`, or "system"), from where, which request, what
// and on which object. The store assigns seq and the chain hashes on append.
audit::Record AuditRecordFor(const Actor& actor, Instant at, std::string action,
                             std::string object_type, std::string object_id, std::string detail);

// Reading and verifying the audit log, and recording attempts that failed (their own transaction
// rolled back, so the record is written on its own).
class AuditService {
 public:
  AuditService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Walks the whole chain in pages; reports the first broken link. Reads only.
  Result<audit::VerifyOutcome> Verify();
  Result<std::vector<audit::Record>> List(Page page);
  // Appends a record of a refused or failed write; `result` is the error's code name.
  Status RecordFailure(const Actor& actor, const std::string& action,
                       const std::string& object_type, const std::string& object_id,
                       const Error& error);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace motcua::app
