#include "catalog_io/national_legal.h"

#include <cctype>
#include <regex>
#include <vector>

namespace motcua::catalog_io::internal {
namespace {

// UTF-8 "Đ" and "đ" are two bytes each, so they appear as alternatives, not in classes.
const std::regex& NumberPattern() {
  static const std::regex re(
      "([0-9]{1,6})/(?:([0-9]{4})/"
      ")?((?:[A-Za-z]|\xC4\x90|\xC4\x91)(?:[A-Za-z0-9]|\xC4\x90|\xC4\x91)*"
      "(?:-(?:[A-Za-z0-9]|\xC4\x90|\xC4\x91)*)*)?");
  return re;
}

std::vector<std::string> SplitDash(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '-') {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool TwoDigitsAfter(std::string_view s, std::string_view prefix) {
  if (!StartsWith(s, prefix) || s.size() != prefix.size() + 2) return false;
  return std::isdigit(static_cast<unsigned char>(s[prefix.size()])) &&
         std::isdigit(static_cast<unsigned char>(s[prefix.size() + 1]));
}

}  // namespace

DocumentNumber FindDocumentNumber(std::string_view text) {
  DocumentNumber out;
  const std::string s(text);
  std::smatch m;
  // Skip matches glued to a preceding digit or slash (part of a date such as 29/6/2024).
  auto begin = s.cbegin();
  while (std::regex_search(begin, s.cend(), m, NumberPattern())) {
    const auto pos = static_cast<std::size_t>(m[0].first - s.cbegin());
    const bool glued =
        pos > 0 && (std::isdigit(static_cast<unsigned char>(s[pos - 1])) || s[pos - 1] == '/');
    if (!glued && m[3].matched) break;
    if (!glued && m[2].matched) break;  // "12/2024/" (suffix missing) is still a number
    begin = m[0].second;
    m = std::smatch();
  }
  if (m.empty()) return out;
  out.number = m[0].str();
  const std::string suffix = m[3].matched ? m[3].str() : "";
  if (suffix.empty() || out.number.back() == '-' || out.number.back() == '/') {
    out.truncated = true;
    out.why = "the document number ends without its type and issuer";
    return out;
  }
  const std::vector<std::string> parts = SplitDash(suffix);
  const std::string& type = parts[0];
  const std::string issuer = parts.size() > 1 ? parts[1] : "";
  if (StartsWith(type, "UBTVQH")) {
    if (!TwoDigitsAfter(type, "UBTVQH")) out.truncated = true;
    out.issuer = "Ủy ban Thường vụ Quốc hội";
  } else if (StartsWith(type, "QH")) {
    if (!TwoDigitsAfter(type, "QH")) out.truncated = true;
    out.issuer = "Quốc hội";
  } else if (type == "NĐ") {
    if (issuer != "CP") out.truncated = true;
    out.issuer = "Chính phủ";
  } else if (type == "QĐ" || type == "TT" || type == "NQ" || type == "TTLT" || type == "CT") {
    if (issuer.size() < 2) out.truncated = true;
    if (type == "QĐ" && issuer == "TTg") out.issuer = "Thủ tướng Chính phủ";
    if (type == "NQ" && issuer == "CP") out.issuer = "Chính phủ";
  }
  if (out.truncated) {
    out.issuer.clear();
    out.why = "the document number looks cut short (type or issuer incomplete)";
  }
  return out;
}

std::optional<calendar::CivilDate> FindDate(std::string_view text) {
  static const std::regex re("(^|[^0-9/])([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?![0-9/])");
  const std::string s(text);
  std::smatch m;
  if (!std::regex_search(s, m, re)) return std::nullopt;
  const int day = std::stoi(m[2].str());
  const int month = std::stoi(m[3].str());
  const int year = std::stoi(m[4].str());
  if (!calendar::IsValidDate(year, month, day)) return std::nullopt;
  return calendar::CivilDate{year, month, day};
}

}  // namespace motcua::catalog_io::internal
