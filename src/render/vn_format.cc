#include "render/vn_format.h"

#include <cmath>
#include <cstdio>

#include "calendar/civil_time.h"

namespace motcua::render {

std::string TwoDigits(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string FormatVietnameseDate(Instant t) {
  const calendar::CivilDate d = calendar::ToLocal(t).date;
  return "ngày " + TwoDigits(d.day) + " tháng " + std::to_string(d.month) + " năm " +
         std::to_string(d.year);
}

std::string FormatVietnameseDateTime(Instant t) {
  const int s = calendar::LocalSecondsOfDay(t);
  return TwoDigits(s / 3600) + " giờ " + TwoDigits(s / 60 % 60) + " phút, " +
         FormatVietnameseDate(t);
}

std::string FormatShortDate(Instant t) {
  const calendar::CivilDate d = calendar::ToLocal(t).date;
  return TwoDigits(d.day) + "/" + TwoDigits(d.month) + "/" + std::to_string(d.year);
}

std::string FormatShortDateTime(Instant t) {
  const int s = calendar::LocalSecondsOfDay(t);
  return TwoDigits(s / 3600) + ":" + TwoDigits(s / 60 % 60) + " " + FormatShortDate(t);
}

std::string FormatCount(std::int64_t n) {
  // Magnitude as unsigned so that the most negative value does not overflow.
  std::uint64_t magnitude =
      n < 0 ? ~static_cast<std::uint64_t>(n) + 1 : static_cast<std::uint64_t>(n);
  std::string digits = std::to_string(magnitude);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';  // Vietnamese thousands separator.
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

std::string FormatMoney(std::int64_t dong) { return FormatCount(dong) + " đồng"; }

std::string FormatDecimal(double value, int decimals) {
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const std::int64_t scaled = std::llround(value * static_cast<double>(scale));
  const std::int64_t magnitude = scaled < 0 ? -scaled : scaled;
  std::string out = (scaled < 0 ? "-" : "") + FormatCount(magnitude / scale);
  std::string fraction = std::to_string(magnitude % scale);
  fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (!fraction.empty()) out += "," + fraction;
  return out;
}

std::string FormatPercent(double share) { return FormatDecimal(share * 100, 2) + "%"; }

}  // namespace motcua::render
