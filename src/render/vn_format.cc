#include "render/vn_format.h"

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

std::string FormatMoney(std::int64_t dong) {
  // Magnitude as unsigned so that the most negative value does not overflow.
  std::uint64_t magnitude =
      dong < 0 ? ~static_cast<std::uint64_t>(dong) + 1 : static_cast<std::uint64_t>(dong);
  std::string digits = std::to_string(magnitude);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';  // Vietnamese thousands separator.
    out += digits[i];
  }
  return (dong < 0 ? "-" : "") + out + " đồng";
}

}  // namespace motcua::render
