#pragma once

// A procedure (thủ tục hành chính) as the national procedure database describes it: plain values,
// no behaviour beyond names and small lookups. The fields follow Decree 63/2010/NĐ-CP art. 8(2) as
// amended by Decree 92/2017/NĐ-CP (what a published procedure must state) and the national
// portal's record shape (shared/samples/national-portal-procedure.json).
//
// Text is stored as given (NFC-normalised upstream: the import layer normalises with ICU; this
// folder has no Unicode tables beyond the Vietnamese Latin letters of fold.h). Values parsed from
// free text keep the original text beside them (`text` members), so an officer can always see
// what the source said.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/civil_time.h"
#include "calendar/due.h"
#include "common/result.h"

namespace motcua::catalog {

// Cấp thực hiện. There is no district level since 1 July 2025 (two-level local government).
// kCentral: performed by a ministry or a vertical agency, kept when imported so that hygiene can
// point at it; a province's own catalog normally holds only the other three.
enum class Level { kProvince, kCommune, kInterLevel, kCentral };

// Submission channel, with the national portal's numbering (shared/DOMAIN.md): 1 in person,
// 2 online, 3 public postal service.
enum class Channel { kInPerson = 1, kOnline = 2, kPostal = 3 };

// Online service level (mức độ dịch vụ công trực tuyến): full (toàn trình) or partial (một phần).
enum class OnlineLevel { kNone, kPartial, kFull };

// What a supplement request during processing does to the legal time (shared/DOMAIN.md,
// "Supplement during processing"): by default the waiting time is excluded; some decrees restart
// the legal time from zero after the supplement (Decree 297/2025/NĐ-CP art. 6(4)(a)).
enum class SupplementMode { kExcludeWaiting, kRestart };

// Lệ phí (fee, for a state service) or phí (charge, for a public service); Law on Fees and
// Charges 2015.
enum class FeeType { kFee, kCharge };

enum class Requirement { kRequired, kConditional };

// How sure an import was of a value taken from untidy source data.
enum class Confidence { kParsed, kDoubtful, kUnparsed };

// Stable lower-case names ("province", "in-person", "full", "exclude-waiting", "fee",
// "required", "doubtful") and their parsers; parsers return kInvalidArgument for anything else.
std::string_view LevelName(Level level);
std::string_view ChannelName(Channel channel);
std::string_view OnlineLevelName(OnlineLevel level);
std::string_view SupplementModeName(SupplementMode mode);
std::string_view FeeTypeName(FeeType type);
std::string_view RequirementName(Requirement requirement);
std::string_view ConfidenceName(Confidence confidence);
Result<Level> ParseLevel(std::string_view text);
Result<Channel> ParseChannel(std::string_view text);
Result<OnlineLevel> ParseOnlineLevel(std::string_view text);
Result<SupplementMode> ParseSupplementMode(std::string_view text);
Result<FeeType> ParseFeeType(std::string_view text);

// A legal processing time. `duration` is absent when the source could not be interpreted.
// `unit` is the unit the source used (a Duration of 1 working day equals one of 8 working hours;
// the unit keeps how the law wrote it). `text` is the original wording, possibly empty.
struct LegalTime {
  std::optional<calendar::Duration> duration;
  calendar::DurationUnit unit = calendar::DurationUnit::kWorkingDays;
  std::string text;

  static LegalTime WorkingDays(std::int64_t days) {
    return {calendar::Duration::WorkingDays(days), calendar::DurationUnit::kWorkingDays, {}};
  }
  static LegalTime WorkingHours(std::int64_t hours) {
    return {calendar::Duration::WorkingHours(hours), calendar::DurationUnit::kWorkingHours, {}};
  }
  static LegalTime CalendarDays(std::int64_t days) {
    return {calendar::Duration::CalendarDays(days), calendar::DurationUnit::kCalendarDays, {}};
  }
  bool operator==(const LegalTime&) const = default;
};

// One fee or charge. `amount_vnd` is whole đồng; absent when unknown (not the same as 0 = free).
struct Fee {
  FeeType type = FeeType::kFee;
  std::optional<std::int64_t> amount_vnd;
  std::string description;  // "50.000 đồng/hồ sơ", "Miễn phí"
  bool operator==(const Fee&) const = default;
};

// How a procedure is carried out through one channel (cách thức thực hiện): its legal time and
// fees. A channel absent from Procedure::channels is not accepted.
struct ChannelSpec {
  Channel channel = Channel::kInPerson;
  LegalTime time;
  std::vector<Fee> fees;
  std::string description;
  bool operator==(const ChannelSpec&) const = default;
};

// A dossier component (thành phần hồ sơ).
struct Component {
  std::string code;  // national component code, may be empty
  std::string name;
  int original_qty = 0;  // bản chính
  int copy_qty = 0;      // bản sao
  Requirement requirement = Requirement::kRequired;
  std::string condition;  // when kConditional: in which situation it is needed
  std::string form_code;  // template (mẫu đơn, tờ khai) reference; empty = none
  bool reusable_from_data_store = false;  // may be taken from the applicant's data store
  bool operator==(const Component&) const = default;
};

// A case (trường hợp) of a procedure with its own components; a procedure without cases has one
// case with an empty name.
struct Case {
  std::string code;
  std::string name;
  std::vector<Component> components;
  bool operator==(const Case&) const = default;
};

// Căn cứ pháp lý: "43/2024/QH15", "Luật Đất đai", 2024-06-29, "Quốc hội".
struct LegalBasis {
  std::string number;
  std::string summary;
  std::optional<calendar::CivilDate> date;
  std::string issuer;
  bool operator==(const LegalBasis&) const = default;
};

// What the procedure issues (kết quả thực hiện).
struct Outcome {
  std::string code;
  std::string name;
  bool operator==(const Outcome&) const = default;
};

// Something an import could not interpret with certainty, kept with the version so that the
// hygiene report can show it later. `path` uses the validation path syntax.
struct ImportNote {
  std::string path;  // "channels.online.time", "channels.in-person.fees[0]"
  Confidence confidence = Confidence::kDoubtful;
  std::string text;  // the source text or value
  std::string note;  // why it is doubtful, and what was kept
  bool operator==(const ImportNote&) const = default;
};

struct Procedure {
  std::string code;  // "1.001193" (national) or "1.011442.000.00.00.H38" (localised)
  std::string name;
  std::optional<Level> level;                   // absent when an import could not tell
  std::string field;                            // lĩnh vực, e.g. "Hộ tịch"
  std::string field_code;                       // e.g. "G13-TN02"; may be empty
  std::vector<std::string> competent_units;     // unit codes (cơ quan có thẩm quyền)
  std::vector<std::string> receiving_units;     // unit codes where dossiers are received
  std::vector<std::string> coordinating_units;  // unit codes (cơ quan phối hợp)
  std::vector<ChannelSpec> channels;            // at most one per channel
  std::vector<Case> cases;
  std::string steps;                  // trình tự thực hiện, as published text
  std::vector<std::string> subjects;  // đối tượng thực hiện
  std::string requirements;           // yêu cầu, điều kiện
  std::vector<LegalBasis> legal_basis;
  std::vector<Outcome> outcomes;
  OnlineLevel online_level = OnlineLevel::kNone;
  bool online_only = false;           // reception only online
  bool location_independent = false;  // phi địa giới: receivable at any service center
  calendar::ReceptionCutoff cutoff = calendar::ReceptionCutoff::Default();
  SupplementMode supplement_mode = SupplementMode::kExcludeWaiting;

  bool operator==(const Procedure&) const = default;
};

// The channel spec, or nullptr when the procedure does not accept `channel`. The pointer lives as
// long as `procedure` is not modified.
const ChannelSpec* FindChannel(const Procedure& procedure, Channel channel);
inline bool AcceptsChannel(const Procedure& p, Channel c) { return FindChannel(p, c) != nullptr; }

}  // namespace motcua::catalog
