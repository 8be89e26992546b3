#pragma once

// The facts a report needs of one dossier, folded from its history: who decides it, when it was
// received and finished, how it finished and against which due instant, and the flags the
// Decision 766 index counts (channel, digitization, reuse, online payment, synchronisation).
// Storage keeps one row of these per dossier, written in the same transaction as the events
// (migration 7), so that reports aggregate rows instead of replaying histories; the same fold
// over the whole history recomputes them (the cross-check of docs/reports.md).
// Pure; thread-safe.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/time.h"
#include "dossier/dossier.h"
#include "dossier/times.h"

namespace motcua::reports {

// How a dossier left the one-stop flow, if it did. A result (granted or a reasoned refusal after
// processing) is kResolved; a refusal at reception (form 03) is kRefused and the dossier was never
// received; a stop (form 05) is kStopped, and counts as a withdrawal when the applicant asked.
enum class Finish : int { kOpen = 0, kResolved = 1, kRefused = 2, kStopped = 3 };
std::string_view FinishName(Finish finish);  // "open", "resolved", "refused", "stopped"

struct Facts {
  std::int64_t dossier_id = 0;
  std::string unit;            // the competent unit's code (reports group by it)
  std::string receiving_unit;  // the service center that received it
  std::string procedure_code;
  int procedure_version = 0;
  dossier::Channel channel = dossier::Channel::kInPerson;
  Instant submitted_at = 0;
  Instant received_at = 0;        // 0: never received (online and unchecked, guided, refused)
  std::optional<Instant> due;     // the legal due instant net of excluded time
  Finish finish = Finish::kOpen;  // see Finish
  Instant finished_at = 0;        // the result issued, the refusal, the stop
  // Resolved: early / on time / late against `due` (dossier::Classify); otherwise pending. A
  // dossier whose processing saw more than one supplement request is late (Decision 766, 2.1).
  dossier::Timeliness timeliness = dossier::Timeliness::kPending;
  std::int64_t officer = 0;     // the officer who issued the result (0: none yet)
  int supplement_requests = 0;  // during processing (form 02)
  bool guided = false;          // answered with form 02 at reception before being received
  bool withdrawal = false;      // the applicant asked to withdraw (state 7 was reached)
  bool apology = false;         // a signed apology (form 04)
  int components = 0;           // provided at reception (missing ones not counted)
  int digitized = 0;            // of them: digitized or electronic
  bool reused = false;          // at least one component reused from motcua's own copies
  bool data_store = false;      // at least one component taken from the applicant's data store
  bool paid_online = false;
  bool synced_national = false;
  bool operator==(const Facts&) const = default;
};

// Folds `appended` (the events just appended, in order) and the dossier they produced into
// `previous` (the facts before them; default-constructed for a new dossier). `d` is the dossier
// after the events and `due` its due instant as dossier::ComputeTimes reckons it (absent when the
// procedure has no legal time for the channel). The flags that the current state forgets
// (withdrawal, guided, officer) are kept from `previous`.
Facts UpdateFacts(const Facts& previous, const dossier::Dossier& d,
                  std::span<const dossier::Event> appended, std::optional<Instant> due);

// The facts of a whole history: UpdateFacts from nothing over every event.
inline Facts FactsOf(const dossier::Dossier& d, std::span<const dossier::Event> events,
                     std::optional<Instant> due) {
  return UpdateFacts(Facts{}, d, events, due);
}

}  // namespace motcua::reports
