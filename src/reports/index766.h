#pragma once

// The Decision 766/QĐ-TTg (2022) index of a unit and a period: five groups, 100 points, each
// indicator a ratio of two counts scored against its points and, where it has one, a threshold
// (full marks at or above the threshold, otherwise ratio x points / threshold; without a
// threshold ratio x points). shared/DOMAIN.md "Measures the province is judged by" gives the
// table; the group totals are sure, the split of indicators is likely and kept as data
// (Index766Table) so that a corrected annex replaces the table, not the code.
//
// An indicator whose counts do not exist in motcua yet (feedback, fees, the catalog's publication
// record, synchronisation with the national portal) is "not measurable": it scores nothing and is
// reported as such, never as 0. So are ratios over nothing (no dossier in the period).
// Pure; thread-safe.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reports/statistics.h"

namespace motcua::reports {

struct IndicatorSpec {
  std::string id;                   // "2.1"
  int group = 0;                    // 1..5
  std::string name;                 // Vietnamese, as the annex names it
  std::string formula;              // in words, for the report
  std::string numerator;            // an input name (Index766Inputs)
  std::string denominator;          // an input name
  double points = 0;                // 0: monitored, not scored
  std::optional<double> threshold;  // in (0, 1]
};

struct GroupSpec {
  int group = 0;
  std::string name;
  double points = 0;
};

struct Index766Spec {
  std::string source;  // the legal text and version of the table
  std::vector<GroupSpec> groups;
  std::vector<IndicatorSpec> indicators;
};

// The table of shared/DOMAIN.md, as data.
const Index766Spec& Index766Table();

// Checks a table (a replacement annex): indicator ids unique, groups known, inputs named, points
// >= 0, thresholds in (0, 1], the scored points of a group not above its total.
// kInvalidArgument naming the first fault.
Status ValidateIndex766(const Index766Spec& spec);

// The counts the index is made of, by name; an absent name is not measurable. From a unit's
// statistics for the period:
//   received, online, digitized, reused, data_store    (Statistics)
//   timely    resolved early or on time + in progress on time
//   processed resolved with a legal time + in progress
// Not measurable yet (absent): synced (no synchronisation with the national portal yet),
// with_fees / paid_online, e_result, feedback counts, the catalog's publication counts.
using Index766Inputs = std::map<std::string, std::int64_t>;
Index766Inputs InputsOf(const Statistics& s);

struct IndicatorScore {
  const IndicatorSpec* spec = nullptr;  // points into the table scored
  bool measurable = false;
  // When not measurable: why, as a code the screens and documents translate ("not-recorded":
  // motcua does not record `missing_input` yet; "no-dossier": no dossier counts towards the
  // denominator in the period), and in English words.
  std::string reason_code;
  std::string missing_input;
  std::string reason;
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  double ratio = 0;
  double score = 0;
};

struct Index766Result {
  std::vector<IndicatorScore> indicators;  // in the table's order
  double score = 0;                        // the sum over measurable indicators
  double measurable_points = 0;            // the points those indicators carry
  double total_points = 0;                 // the groups' totals (100)
};

// Scores `inputs` against `spec`. `spec` must outlive the result.
Index766Result ScoreIndex766(const Index766Spec& spec, const Index766Inputs& inputs);

}  // namespace motcua::reports
