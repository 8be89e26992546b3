#include "catalog/national_parse.h"

#include <cctype>
#include <cmath>
#include <string>
#include <utility>

#include "catalog/fold.h"
#include "catalog/national_scan.h"

namespace motcua::catalog {
namespace {

using calendar::DurationUnit;
using internal::TimeMention;

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Number(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

ParsedTime Unparsed(std::string text, std::string note) {
  ParsedTime out;
  out.time.text = std::move(text);
  out.note = std::move(note);
  return out;
}

}  // namespace

ParsedTime ParseTimeText(std::string_view text) {
  const std::string folded = Fold(text);
  std::vector<TimeMention> mentions = internal::FindTimes(folded);
  if (mentions.empty()) {
    return Unparsed(std::string(text), text.empty() ? "no time given" : "no time found in text");
  }
  const TimeMention& first = mentions.front();
  if (!first.unit) return Unparsed(std::string(text), first.note);
  ParsedTime out;
  out.time.text = std::string(text);
  out.time.unit = *first.unit;
  out.mentions_exclusion = Contains(folded, "khong ke thoi gian") ||
                           Contains(folded, "khong tinh thoi gian") ||
                           Contains(folded, "khong bao gom thoi gian");
  Result<calendar::Duration> d = calendar::Duration::Of(first.amount, *first.unit);
  if (!d.ok()) return Unparsed(std::string(text), d.error().message);
  out.time.duration = *d;
  out.confidence = first.doubtful ? Confidence::kDoubtful : Confidence::kParsed;
  out.note = first.note;
  for (std::size_t i = 1; i < mentions.size(); ++i) {
    if (mentions[i].unit != first.unit || mentions[i].amount != first.amount) {
      out.confidence = Confidence::kDoubtful;
      if (!out.note.empty()) out.note += "; ";
      out.note += "several different times in the text; the first was kept";
      break;
    }
  }
  return out;
}

std::optional<calendar::DurationUnit> MapTimeUnit(std::string_view code) {
  if (code == "WORKING_DAY") return DurationUnit::kWorkingDays;
  if (code == "WORKING_HOUR") return DurationUnit::kWorkingHours;
  if (code == "DAY") return DurationUnit::kCalendarDays;
  return std::nullopt;
}

ParsedTime ParseStructuredTime(double amount, std::string_view unit_code, std::string_view text) {
  const std::optional<DurationUnit> unit = MapTimeUnit(unit_code);
  ParsedTime from_text = ParseTimeText(text);
  if (!unit || !(amount > 0)) {
    const std::string why = "structured time unusable (" + Number(amount) + " " +
                            std::string(unit_code.empty() ? "no unit" : unit_code) + ")";
    if (from_text.confidence == Confidence::kUnparsed) {
      return Unparsed(std::string(text), why + "; " + from_text.note);
    }
    from_text.confidence = Confidence::kDoubtful;
    from_text.note =
        why + "; read from the text" + (from_text.note.empty() ? "" : ": " + from_text.note);
    return from_text;
  }
  Result<calendar::Duration> d = calendar::Duration::Of(amount, *unit);
  if (!d.ok()) return Unparsed(std::string(text), d.error().message);
  ParsedTime out;
  out.time = {*d, *unit, std::string(text)};
  out.mentions_exclusion = from_text.mentions_exclusion;
  out.confidence = Confidence::kParsed;
  if (from_text.time.duration && !(*from_text.time.duration == *d)) {
    out.confidence = Confidence::kDoubtful;
    out.note = "structured " + d->ToString() + " disagrees with the text (" +
               from_text.time.duration->ToString() + "); the structured value was kept";
  }
  return out;
}

std::vector<std::int64_t> AmountsInText(std::string_view text) {
  return internal::FindAmounts(Fold(text));
}

ParsedFee ParseFee(std::string_view type_code, std::optional<double> value,
                   std::string_view description) {
  ParsedFee out;
  out.fee.type = type_code == "CHARGE" ? FeeType::kCharge : FeeType::kFee;
  out.fee.description = std::string(description);
  const std::string folded = Fold(description);
  const bool free = Contains(folded, "mien phi") || Contains(folded, "mien le phi") ||
                    Contains(folded, "mien thu") || Contains(folded, "khong thu") ||
                    Contains(folded, "khong quy dinh") || Contains(folded, "khong phai nop");
  const std::vector<std::int64_t> amounts = internal::FindAmounts(folded);
  return internal::DecideFee(std::move(out), value, free, amounts);
}

ParsedLevel MapLevel(const LevelFlags& f) {
  if (f.is_province && f.is_ward) {
    return {Level::kInterLevel, Confidence::kDoubtful,
            "both province and commune flagged: mapped to inter-level; it may mean either level"};
  }
  if (f.is_province) return {Level::kProvince, Confidence::kParsed, ""};
  if (f.is_ward) return {Level::kCommune, Confidence::kParsed, ""};
  if (f.is_ministry || f.is_vertical) {
    return {Level::kCentral, Confidence::kDoubtful,
            "a ministry or vertical-agency procedure, not a provincial one"};
  }
  return {std::nullopt, Confidence::kUnparsed, "no level flag set (other agency or undetermined)"};
}

Result<Channel> MapSubmissionMethod(std::string_view code) {
  if (code == "DIRECT") return Channel::kInPerson;
  if (code == "ONLINE") return Channel::kOnline;
  if (code == "POSTAL") return Channel::kPostal;
  return Error::InvalidArgument("unknown submissionMethod \"" + std::string(code) + "\"");
}

ParsedOnlineLevel MapOnlineLevel(bool is_full_process, bool is_offline_only,
                                 bool has_online_method) {
  if (is_full_process && is_offline_only) {
    return {OnlineLevel::kNone, Confidence::kDoubtful,
            "isFullProcess and isOfflineOnly both set: kept none"};
  }
  if (is_full_process && !has_online_method) {
    return {OnlineLevel::kFull, Confidence::kDoubtful,
            "full online service without an ONLINE method"};
  }
  if (is_full_process) return {OnlineLevel::kFull, Confidence::kParsed, ""};
  if (is_offline_only || !has_online_method) return {OnlineLevel::kNone, Confidence::kParsed, ""};
  return {OnlineLevel::kPartial, Confidence::kParsed, ""};
}

std::optional<ImportNote> NoteFor(std::string path, const ParsedTime& parsed) {
  if (parsed.confidence == Confidence::kParsed) return std::nullopt;
  return ImportNote{std::move(path), parsed.confidence, parsed.time.text, parsed.note};
}

std::optional<ImportNote> NoteFor(std::string path, const ParsedFee& parsed) {
  if (parsed.confidence == Confidence::kParsed) return std::nullopt;
  return ImportNote{std::move(path), parsed.confidence, parsed.fee.description, parsed.note};
}

std::optional<ImportNote> NoteFor(std::string path, const ParsedLevel& parsed) {
  if (parsed.confidence == Confidence::kParsed) return std::nullopt;
  return ImportNote{std::move(path), parsed.confidence, "", parsed.note};
}

}  // namespace motcua::catalog
