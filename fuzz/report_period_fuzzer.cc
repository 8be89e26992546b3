// libFuzzer target over the query parameters of the report routes (?period=, ?from=&to=, the
// month of the Decision 766 index): what the route decoders hand the text to. Any bytes end in a
// period or kInvalidArgument. Beyond not crashing, an accepted period is well formed (first day
// not after the last, whole local days) and its label reads back as the same period; an accepted
// date prints back as the same date.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "calendar/civil_time.h"
#include "reports/period.h"

namespace {

using motcua::calendar::kSecondsPerDay;

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckPeriod(const motcua::Result<motcua::reports::Period>& p) {
  if (!p.ok()) {
    Check(p.error().code == motcua::ErrorCode::kInvalidArgument);
    return;
  }
  Check(p->first <= p->last);
  Check(p->from < p->to && (p->to - p->from) % kSecondsPerDay == 0);
  Check(!p->label.empty());
  auto again = motcua::reports::ParsePeriod(p->label);
  Check(again.ok() && *again == *p);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // ?period=<label>
  CheckPeriod(motcua::reports::ParsePeriod(text));
  // ?from=<date>&to=<date>, split where a query string would put the second parameter.
  const auto amp = text.find('&');
  const std::string_view from = text.substr(0, amp);
  const std::string_view to = amp == std::string_view::npos ? from : text.substr(amp + 1);
  auto first = motcua::calendar::ParseDate(from);
  auto last = motcua::calendar::ParseDate(to);
  for (const auto* d : {&first, &last}) {
    if (!d->ok()) continue;
    auto again = motcua::calendar::ParseDate(motcua::calendar::FormatDate(**d));
    Check(again.ok() && *again == **d);
  }
  if (first.ok() && last.ok()) CheckPeriod(motcua::reports::RangePeriod(*first, *last));
  return 0;
}
