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

// A number with at least two digits: 7 -> "07".
std::string TwoDigits(int n);

}  // namespace motcua::render
