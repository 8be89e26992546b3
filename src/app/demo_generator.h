#pragma once

// `motcua demo generate`: a realistic data set of dossiers for trying reports and measuring them
// (issue 7). Every dossier is driven through the real state machine (dossier::Decide, the same
// checks and events as the use cases) by officers of the step's unit, with the procedures and
// workflows of the stored catalog, then stored with its current-state row, clock and facts by
// the same WriteTx::InsertDossier as a reception, in batches. The mix: channels (online, counter,
// post), refusals at reception, pauses, supplements (some never brought: stopped), withdrawals,
// dossiers resolved early, on time and late (late ones with a signed apology), and the ones still
// open at `end`.
//
// Deterministic for a seed. Not a use case for users: the server's command line only.

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "app/calendar_service.h"
#include "app/store.h"

namespace motcua::app {

struct DemoOptions {
  std::int64_t dossiers = 1000;
  int years = 1;    // receptions spread evenly over the `years` years before `end`
  int days = 0;     // ... or over these days instead, when not 0 (most dossiers stay open)
  Instant end = 0;  // "now" of the data set: later events are not written (dossiers stay open)
  std::uint32_t seed = 766;
  int batch = 500;  // dossiers per transaction
};

struct DemoSummary {
  std::int64_t dossiers = 0;
  std::int64_t events = 0;
  std::int64_t skipped = 0;  // a planned history the state machine refused (counted, not stored)
  std::map<std::string, std::int64_t> by_state;  // "returned", "processing", ...
  std::string first_refusal;                     // why the first skipped one was refused
};

// kFailedPrecondition when the store holds no unit or no published procedure with a workflow
// (run `motcua serve --demo` once, or import a catalog). `progress(done, total)` after each batch.
Result<DemoSummary> GenerateDemo(Store& store, CalendarService& calendars,
                                 const DemoOptions& options,
                                 const std::function<void(std::int64_t, std::int64_t)>& progress);

}  // namespace motcua::app
