#pragma once

// The figures of the periodic report of procedure results (issue 7), for one group of dossiers
// (a unit with or without its sub-units, a procedure, a field, a channel, an officer) and one
// period. Every count is of dossiers; docs/reports.md gives each figure's definition, and the
// storage back ends compute the same counts in SQL (the conformance suite compares them with
// Accumulate over the same facts).
//
// With E = min(period.to, now), the instant the report looks from:
//   in the period      received before `to`, and open or finished at or after `from`
//   received           received_at in [from, to) (by channel: in person, online, postal)
//   carried over       received before `from`, open or finished at or after `from`
//   resolved           a result issued in [from, to): early / on time / late against the due
//                      instant (net of excluded time); without a legal time: untimed
//   withdrawn/stopped  stopped in [from, to), after the applicant's request / for another reason
//   in progress        in the period and not finished before `to`: overdue when the due instant
//                      is before E, on time otherwise
//   refused            refused at reception (form 03, never received) in [from, to)
//   supplement         in the period, with a supplement requested during processing
//   apologies          in the period, with a signed apology (form 04)
//   digitized, reused, data store, synchronised, paid online: of the dossiers received
// so that carried_over + received = resolved + withdrawn + stopped + in progress.
// Pure; thread-safe.

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "reports/facts.h"
#include "reports/period.h"

namespace motcua::reports {

struct Statistics {
  std::int64_t received = 0;
  std::int64_t received_in_person = 0;
  std::int64_t received_online = 0;
  std::int64_t received_postal = 0;
  std::int64_t carried_over = 0;
  std::int64_t resolved_early = 0;
  std::int64_t resolved_on_time = 0;
  std::int64_t resolved_late = 0;
  std::int64_t resolved_untimed = 0;
  std::int64_t withdrawn = 0;
  std::int64_t stopped = 0;
  std::int64_t in_progress_on_time = 0;
  std::int64_t in_progress_overdue = 0;
  std::int64_t refused = 0;
  std::int64_t supplement = 0;
  std::int64_t apologies = 0;
  std::int64_t digitized = 0;    // received, every provided component digitized (and at least one)
  std::int64_t reused = 0;       // received, at least one component reused
  std::int64_t data_store = 0;   // received, at least one component from the data store
  std::int64_t synced = 0;       // received, synchronised to the national portal
  std::int64_t paid_online = 0;  // received, fees paid online

  std::int64_t Total() const { return carried_over + received; }
  std::int64_t Resolved() const {
    return resolved_early + resolved_on_time + resolved_late + resolved_untimed;
  }
  std::int64_t InProgress() const { return in_progress_on_time + in_progress_overdue; }
  Statistics& operator+=(const Statistics& other);
  bool operator==(const Statistics&) const = default;
};

// Adds `f` to `s` for `period` seen from `now` (the definitions above).
void Accumulate(Statistics& s, const Facts& f, const Period& period, Instant now);

// A share in [0, 1]; absent when the denominator is 0 (nothing to measure, never 0%).
std::optional<double> Share(std::int64_t part, std::int64_t whole);

// The shares a report shows beside the counts. on_time: (early + on time) / timed resolved;
// online: online / received; digitized: digitized / received. Fees paid online and electronic
// results are not measurable yet (motcua does not know which dossiers owe fees, nor records
// results issued electronically): always absent, with the reason in docs/reports.md.
struct Shares {
  std::optional<double> on_time;
  std::optional<double> online;
  std::optional<double> digitized;
  std::optional<double> reused;
  std::optional<double> data_store;
  std::optional<double> fees_paid_online;  // not measurable yet
};
Shares SharesOf(const Statistics& s);

// Why the fees-paid-online share is absent.
inline constexpr char kFeesNotMeasurable[] =
    "not measurable: dossiers do not yet record which fees they owe";

}  // namespace motcua::reports
