#pragma once

// How the forms print instants and money: Vietnam local time (UTC+7), Vietnamese style, as in the
// examples of Circular 03/2025/TT-VPCP, Annex I. All functions are pure and thread-safe.

#include <cstdint>
#include <string>

#include "common/time.h"

namespace motcua::render {

// "08 giờ 30 phút, ngày 15 tháng 7 năm 2025" (day two digits, month without a leading zero).
std::string FormatVietnameseDateTime(Instant t);

// "ngày 15 tháng 7 năm 2025".
std::string FormatVietnameseDate(Instant t);

// "15/07/2025".
std::string FormatShortDate(Instant t);

// "08:30 15/07/2025", for narrow table cells.
std::string FormatShortDateTime(Instant t);

// "1.250.000 đồng"; negative amounts get a leading minus sign.
std::string FormatMoney(std::int64_t dong);

// A count with the Vietnamese thousands separator: 1234567 -> "1.234.567".
std::string FormatCount(std::int64_t n);

// A decimal with `decimals` places (rounded half away from zero), a decimal comma and thousands
// dots, trailing zeros dropped: (18.5, 2) -> "18,5"; (1234.0, 2) -> "1.234".
std::string FormatDecimal(double value, int decimals);

// A share in [0, 1] as a percentage with two decimals: 0.8125 -> "81,25%".
std::string FormatPercent(double share);

// A number with at least two digits: 7 -> "07".
std::string TwoDigits(int n);

}  // namespace motcua::render
