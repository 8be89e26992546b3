#include "catalog/national_scan.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string>
#include <utility>

namespace motcua::catalog::internal {
namespace {

using calendar::DurationUnit;

bool Digit(std::string_view s, std::size_t i) {
  return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
}
bool Letter(std::string_view s, std::size_t i) {
  return i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]));
}
void SkipSpaces(std::string_view s, std::size_t& i) {
  while (i < s.size() && s[i] == ' ') ++i;
}

// A number starts at i when it is not glued to a letter, digit, '/' or '.' on its left.
bool NumberStart(std::string_view s, std::size_t i) {
  if (!Digit(s, i)) return false;
  if (i == 0) return true;
  const char c = s[i - 1];
  return !std::isalnum(static_cast<unsigned char>(c)) && c != '/' && c != '.' && c != ',';
}

double ReadDigits(std::string_view s, std::size_t& i) {
  double v = 0;
  while (Digit(s, i)) v = v * 10 + (s[i++] - '0');
  return v;
}

// "05", "0,5", "1.5", "1/2" at i. Returns false for a date-like "29/6/2024".
bool ReadTimeNumber(std::string_view s, std::size_t& i, double* out) {
  *out = ReadDigits(s, i);
  if (i < s.size() && (s[i] == ',' || s[i] == '.') && Digit(s, i + 1)) {
    std::size_t j = i + 1;
    const double frac = ReadDigits(s, j);
    if (j - i - 1 > 2) return false;
    *out += frac / std::pow(10.0, static_cast<double>(j - i - 1));
    i = j;
  } else if (i < s.size() && s[i] == '/' && Digit(s, i + 1)) {
    std::size_t j = i + 1;
    const double den = ReadDigits(s, j);
    // "1/2", "3/4"; anything else ("43/2024", "29/6/2024") is a number of a document or a date.
    if ((j < s.size() && s[j] == '/') || den > 10 || *out >= den) return false;
    *out /= den;
    i = j;
  }
  return true;
}

std::string ReadWord(std::string_view s, std::size_t& i) {
  SkipSpaces(s, i);
  std::string w;
  while (Letter(s, i)) w += s[i++];
  return w;
}

// Skips "(nam)" after "05": numbers are often repeated in words.
void SkipParenthesis(std::string_view s, std::size_t& i) {
  std::size_t j = i;
  SkipSpaces(s, j);
  if (j >= s.size() || s[j] != '(') return;
  const std::size_t close = s.find(')', j);
  if (close != std::string_view::npos && close - j < 20) i = close + 1;
}

// A range "03 - 05" or "03 den 05": reads the upper bound into *amount.
bool ReadRange(std::string_view s, std::size_t& i, double* amount) {
  std::size_t j = i;
  SkipSpaces(s, j);
  if (s.substr(j, 1) == "-") {
    j += 1;
  } else if (s.substr(j, 3) == "\xE2\x80\x93") {  // en dash
    j += 3;
  } else if (s.substr(j, 4) == "den ") {
    j += 4;
  } else {
    return false;
  }
  SkipSpaces(s, j);
  double upper = 0;
  if (!Digit(s, j) || !ReadTimeNumber(s, j, &upper)) return false;
  *amount = std::max(*amount, upper);
  i = j;
  return true;
}

// The unit words after a number, or false when they are not a time unit.
bool ReadTimeUnit(std::string_view s, std::size_t& i, TimeMention* m) {
  std::size_t j = i;
  const std::string w1 = ReadWord(s, j);
  std::size_t k = j;
  const bool working = ReadWord(s, k) == "lam" && ReadWord(s, k) == "viec";
  if (w1 == "ngay" || w1 == "gio") {
    m->unit = w1 == "ngay" ? (working ? DurationUnit::kWorkingDays : DurationUnit::kCalendarDays)
                           : DurationUnit::kWorkingHours;
    if (!working) {
      m->doubtful = true;
      m->note = w1 == "ngay" ? "\"ngay\" without \"lam viec\": read as calendar days"
                             : "\"gio\" without \"lam viec\": read as working hours";
    }
    i = working ? k : j;
    return true;
  }
  if (w1 == "thang" || w1 == "tuan" || w1 == "nam") {
    m->note = "months, weeks and years are not a legal-time unit motcua counts";
    i = j;
    return true;
  }
  return false;
}

}  // namespace

std::vector<TimeMention> FindTimes(std::string_view s) {
  std::vector<TimeMention> out;
  for (std::size_t i = 0; i < s.size();) {
    if (!NumberStart(s, i)) {
      ++i;
      continue;
    }
    TimeMention m;
    if (!ReadTimeNumber(s, i, &m.amount)) continue;
    SkipParenthesis(s, i);
    const bool range = ReadRange(s, i, &m.amount);
    if (!ReadTimeUnit(s, i, &m)) continue;
    if (range) {
      m.doubtful = true;
      m.note += std::string(m.note.empty() ? "" : "; ") + "a range: the upper bound was kept";
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<std::int64_t> FindAmounts(std::string_view s) {
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < s.size();) {
    if (!NumberStart(s, i)) {
      ++i;
      continue;
    }
    double v = ReadDigits(s, i);
    while (i < s.size() && (s[i] == '.' || s[i] == ',') && Digit(s, i + 1) && Digit(s, i + 2) &&
           Digit(s, i + 3) && !Digit(s, i + 4)) {
      std::size_t j = i + 1;
      v = v * 1000 + ReadDigits(s, j);
      i = j;
    }
    std::size_t j = i;
    std::string w = ReadWord(s, j);
    if (w == "nghin" || w == "ngan" || w == "trieu") {
      v *= w == "trieu" ? 1e6 : 1e3;
      w = ReadWord(s, j);
    }
    if (w == "dong" || w == "d" || w == "vnd") {
      out.push_back(static_cast<std::int64_t>(v));
      i = j;
    }
  }
  return out;
}

ParsedFee DecideFee(ParsedFee out, std::optional<double> value, bool free,
                    const std::vector<std::int64_t>& amounts) {
  const std::set<std::int64_t> distinct(amounts.begin(), amounts.end());
  const bool silent = out.fee.description.find_first_not_of(" \t\r\n.") == std::string::npos;
  const auto set = [&](Confidence c, std::optional<std::int64_t> amount, std::string note) {
    out.confidence = c;
    out.fee.amount_vnd = amount;
    out.note = std::move(note);
    return out;
  };
  if (!value || !std::isfinite(*value) || *value < 0 || *value != std::floor(*value)) {
    if (free) return set(Confidence::kDoubtful, 0, "no usable value; the description says free");
    if (distinct.size() == 1) {
      return set(Confidence::kDoubtful, *distinct.begin(),
                 "no usable value; the amount was read from the description");
    }
    return set(Confidence::kUnparsed, std::nullopt, "no usable value or amount");
  }
  const auto v = static_cast<std::int64_t>(*value);
  const std::string vs = std::to_string(v);
  if (v > 0) {
    if (free)
      return set(Confidence::kDoubtful, std::nullopt,
                 "value " + vs + " but the description says free");
    if (distinct.empty() || (distinct.size() == 1 && *distinct.begin() == v)) {
      return set(Confidence::kParsed, v, "");
    }
    if (distinct.size() == 1 && *distinct.begin() == v * 1000) {
      return set(Confidence::kDoubtful, v * 1000,
                 "value " + vs + " looks entered in thousands: the description says " +
                     std::to_string(v * 1000) + " dong");
    }
    if (distinct.contains(v)) {
      return set(Confidence::kDoubtful, v, "the description names several amounts");
    }
    return set(Confidence::kDoubtful, std::nullopt,
               "value " + vs + " disagrees with the description: amount unknown");
  }
  if (!distinct.empty()) {
    return set(Confidence::kDoubtful, std::nullopt,
               "value 0 but the description names an amount: amount unknown");
  }
  if (free) return set(Confidence::kParsed, 0, "");
  if (silent) return set(Confidence::kDoubtful, 0, "0 without a description: free or unknown?");
  return set(Confidence::kDoubtful, std::nullopt,
             "value 0 and the description neither says free nor names an amount");
}

}  // namespace motcua::catalog::internal
