#pragma once

// Internal to src/catalog: the scanners behind national_parse.h, over Fold()ed text (plain ASCII
// for Vietnamese). Not part of the public API.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/national_parse.h"

namespace motcua::catalog::internal {

// A number followed by a time unit: "05 ngay lam viec", "0,5 ngay", "03 - 05 ngay", "1/2 ngay".
struct TimeMention {
  double amount = 0;
  std::optional<calendar::DurationUnit> unit;  // absent: months, weeks, years (unsupported)
  bool doubtful = false;
  std::string note;
};

// Every time mention in `folded`, in order. Numbers glued to letters, dots or slashes on their
// left (codes, dates such as "29/6/2024") are not read.
std::vector<TimeMention> FindTimes(std::string_view folded);

// Every amount of money in `folded`: a number (with "." or "," thousands separators), an optional
// "nghin"/"ngan" (x1000) or "trieu" (x1,000,000), then "dong", "d" or "vnd".
std::vector<std::int64_t> FindAmounts(std::string_view folded);

// The fee decision table of ParseFee (national_parse.h). `free`: the description says free or
// not prescribed; `amounts`: AmountsInText of the description.
ParsedFee DecideFee(ParsedFee out, std::optional<double> value, bool free,
                    const std::vector<std::int64_t>& amounts);

}  // namespace motcua::catalog::internal
