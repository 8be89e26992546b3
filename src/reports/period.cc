#include "reports/period.h"

#include <charconv>

namespace motcua::reports {
namespace {

using calendar::CivilDate;

// The longest custom range a report accepts: three years of days.
constexpr std::int64_t kMaxRangeDays = 3 * 366;

std::optional<int> Number(std::string_view text) {
  int value = 0;
  if (text.empty()) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

Error Bad(std::string_view label) {
  return Error::InvalidArgument("period '" + std::string(label) +
                                "' is not YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY or "
                                "YYYY-MM-DD..YYYY-MM-DD");
}

Result<Period> Months(int year, int first_month, int months, std::string label) {
  MOTCUA_ASSIGN_OR_RETURN(CivilDate first, calendar::MakeDate(year, first_month, 1));
  const int end_month = first_month + months;  // the month after the last, maybe 13
  MOTCUA_ASSIGN_OR_RETURN(CivilDate after, end_month > 12 ? calendar::MakeDate(year + 1, 1, 1)
                                                          : calendar::MakeDate(year, end_month, 1));
  MOTCUA_ASSIGN_OR_RETURN(
      Period p, RangePeriod(first, calendar::FromDayNumber(calendar::ToDayNumber(after) - 1)));
  p.label = std::move(label);
  return p;
}

}  // namespace

Result<Period> RangePeriod(CivilDate first, CivilDate last) {
  const calendar::DayNumber a = calendar::ToDayNumber(first);
  const calendar::DayNumber b = calendar::ToDayNumber(last);
  if (b < a) return Error::InvalidArgument("the period ends before it starts");
  if (b - a >= kMaxRangeDays) return Error::InvalidArgument("the period is longer than 3 years");
  Period p;
  p.first = first;
  p.last = last;
  p.from = calendar::InstantOf(a, 0);
  p.to = calendar::InstantOf(b + 1, 0);
  p.label = calendar::FormatDate(first) + ".." + calendar::FormatDate(last);
  return p;
}

Result<Period> ParsePeriod(std::string_view label) {
  if (const auto dots = label.find(".."); dots != std::string_view::npos) {
    auto first = calendar::ParseDate(label.substr(0, dots));
    auto last = calendar::ParseDate(label.substr(dots + 2));
    if (!first || !last) return Bad(label);
    return RangePeriod(*first, *last);
  }
  if (label.size() < 4) return Bad(label);
  const std::optional<int> year = Number(label.substr(0, 4));
  if (!year || *year < 1970 || *year > 2200) return Bad(label);
  if (label.size() == 4) return Months(*year, 1, 12, std::string(label));
  if (label[4] != '-') return Bad(label);
  const std::string_view rest = label.substr(5);
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H')) {
    const std::optional<int> n = Number(rest.substr(1));
    if (!n) return Bad(label);
    if (rest[0] == 'Q' && *n >= 1 && *n <= 4) {
      return Months(*year, 3 * (*n - 1) + 1, 3, std::string(label));
    }
    if (rest[0] == 'H' && *n >= 1 && *n <= 2) {
      return Months(*year, 6 * (*n - 1) + 1, 6, std::string(label));
    }
    return Bad(label);
  }
  if (rest.size() == 2) {
    const std::optional<int> month = Number(rest);
    if (!month || *month < 1 || *month > 12) return Bad(label);
    return Months(*year, *month, 1, std::string(label));
  }
  if (rest.size() == 5) {
    auto day = calendar::ParseDate(label);
    if (!day) return Bad(label);
    MOTCUA_ASSIGN_OR_RETURN(Period p, RangePeriod(*day, *day));
    p.label = std::string(label);
    return p;
  }
  return Bad(label);
}

PeriodKind KindOf(const Period& p) {
  const std::string_view label = p.label;
  if (label.find("..") != std::string_view::npos) return PeriodKind::kRange;
  if (label.size() == 4) return PeriodKind::kYear;
  if (label.size() == 7 && label[5] == 'Q') return PeriodKind::kQuarter;
  if (label.size() == 7 && label[5] == 'H') return PeriodKind::kHalfYear;
  if (label.size() == 7) return PeriodKind::kMonth;
  return PeriodKind::kDay;
}

namespace {

std::string TwoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string ShortDate(CivilDate d) {
  return TwoDigits(d.day) + "/" + TwoDigits(d.month) + "/" + std::to_string(d.year);
}

}  // namespace

std::string PeriodText(const Period& p) {
  const std::string year = std::to_string(p.first.year);
  switch (KindOf(p)) {
    case PeriodKind::kYear: return "Năm " + year;
    case PeriodKind::kMonth: return "Tháng " + std::to_string(p.first.month) + " năm " + year;
    case PeriodKind::kQuarter: {
      static constexpr const char* kRoman[] = {"I", "II", "III", "IV"};
      return std::string("Quý ") + kRoman[(p.first.month - 1) / 3] + " năm " + year;
    }
    case PeriodKind::kHalfYear:
      return (p.first.month == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
    case PeriodKind::kDay: return "Ngày " + ShortDate(p.first);
    case PeriodKind::kRange:
      return "Từ ngày " + ShortDate(p.first) + " đến ngày " + ShortDate(p.last);
  }
  return p.label;
}

}  // namespace motcua::reports
