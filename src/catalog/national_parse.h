#pragma once

// Interpreting the national procedure database's untidy values (shared/samples/README.md), over
// strings and numbers a JSON/XLSX reader has already decoded. Each function returns the value
// with a Confidence and a note:
//   kParsed    the value is what the source means;
//   kDoubtful  a value was read, but the source is ambiguous or self-contradictory; the importer
//              keeps the value and records an ImportNote, which the hygiene report shows;
//   kUnparsed  nothing usable; the value is absent and an ImportNote is recorded.
// Nothing is guessed silently: every departure from the literal source is a doubtful note.
//
// Pure functions; safe from any thread.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/procedure.h"

namespace motcua::catalog {

struct ParsedTime {
  LegalTime time;  // time.text = the source text; time.duration absent when unparsed
  Confidence confidence = Confidence::kUnparsed;
  std::string note;                 // English, empty when parsed cleanly
  bool mentions_exclusion = false;  // "không kể thời gian ...", "không tính thời gian ..."
};

// A free-text legal time: "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ" (5 working days,
// parsed), "03 giờ làm việc" (3 working hours), "0,5 ngày làm việc", "10 ngày" (10 calendar
// days, doubtful: "ngày" without "làm việc"), "15 ngày (không kể thời gian ...)" (also flags the
// exclusion), "03 giờ" (working hours, doubtful). Doubtful too: several different times in the
// text, a range ("03 - 05 ngày"); unparsed: months, no number, no unit.
ParsedTime ParseTimeText(std::string_view text);

// processingTimeUnit: "WORKING_DAY", "WORKING_HOUR", "DAY" (calendar days); nullopt for "OTHER"
// and anything else.
std::optional<calendar::DurationUnit> MapTimeUnit(std::string_view code);

// The structured processingTime + processingTimeUnit, checked against the free text (may be
// empty). A usable structured value wins and is kParsed when the text agrees or says nothing;
// kDoubtful when they disagree. Amount 0 or unit OTHER falls back to the text (kDoubtful at
// best, since the structured field was unusable).
ParsedTime ParseStructuredTime(double amount, std::string_view unit_code, std::string_view text);

struct ParsedFee {
  Fee fee;  // fee.description = the source description
  Confidence confidence = Confidence::kUnparsed;
  std::string note;
};

// Amounts in đồng written in `text`: "50.000 đồng", "1.200.000đ", "100,000 VND", "50 nghìn
// đồng" -> {50000, 1200000, 100000, 50000}. Only numbers followed by a currency word count.
std::vector<std::int64_t> AmountsInText(std::string_view text);

// One fee from "type" ("FEE" lệ phí / "CHARGE" phí), "value" and "description":
//   value > 0, description silent or naming the same amount         -> parsed
//   value > 0, description names value x 1000 ("50" vs "50.000 đồng") -> doubtful, the x 1000
//   value 0, description "Miễn phí" / "Miễn lệ phí" / "Không quy định" / "Không thu" -> parsed 0
//   value 0 and an empty description                                  -> doubtful 0
//   "Miễn phí" with value > 0, or value 0 with an amount in the text,
//   or a description naming other amounts                             -> doubtful, amount unknown
//                                                                         unless value matches one
//   negative or missing value without a usable description            -> unparsed
ParsedFee ParseFee(std::string_view type_code, std::optional<double> value,
                   std::string_view description);

// The level flags of a national record.
struct LevelFlags {
  bool is_province = false;
  bool is_ward = false;  // commune / ward level
  bool is_ministry = false;
  bool is_vertical = false;  // vertical agency (ngành dọc)
  bool is_other_agency = false;
  bool is_undetermined = false;
};

struct ParsedLevel {
  std::optional<Level> level;
  Confidence confidence = Confidence::kUnparsed;
  std::string note;
};

// Exactly one of province / ward -> that level (parsed); both -> inter-level (doubtful: the
// record may mean "at either level"); ministry or vertical only -> central (doubtful: not a
// provincial procedure); none, other agency, undetermined -> unparsed.
ParsedLevel MapLevel(const LevelFlags& flags);

// submissionMethod: "DIRECT" in person, "ONLINE", "POSTAL"; kInvalidArgument otherwise.
Result<Channel> MapSubmissionMethod(std::string_view code);

// Online level from isFullProcess, isOfflineOnly and whether an ONLINE method exists: full;
// none when offline-only or no online method; else partial. Both flags set -> doubtful.
struct ParsedOnlineLevel {
  OnlineLevel level = OnlineLevel::kNone;
  Confidence confidence = Confidence::kParsed;
  std::string note;
};
ParsedOnlineLevel MapOnlineLevel(bool is_full_process, bool is_offline_only,
                                 bool has_online_method);

// The ImportNote for a result that is not cleanly parsed, or nullopt when it is.
std::optional<ImportNote> NoteFor(std::string path, const ParsedTime& parsed);
std::optional<ImportNote> NoteFor(std::string path, const ParsedFee& parsed);
std::optional<ImportNote> NoteFor(std::string path, const ParsedLevel& parsed);

}  // namespace motcua::catalog
