// Due-date queries over the national calendar spanning 2000-2100: the indexed clock (due.h)
// against the day-by-day reference walk (naive_clock.h) as the baseline, in the same binary.
// The same query set is run through npm date-holidays by tools/js/date_holidays_peer.js.
//
// Query i: received on day (i * 7919) mod 34000 after 2001-01-01 at (i * 131) mod 96 quarter
// hours after midnight, legal time 1 + i mod 30 working days, default 15:00 cut-off.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <vector>

#include "calendar/due.h"
#include "calendar/naive_clock.h"

namespace motcua::calendar {
namespace {

struct Query {
  Instant received;
  Duration duration;
};

const Calendar& Span2000To2100() {
  static const Calendar* const kCalendar = [] {
    CalendarSpec spec;
    spec.id = "national";
    Result<Calendar> c = Calendar::Build(spec, {2000, 2100});
    if (!c.ok()) std::abort();
    return new Calendar(std::move(c).value());
  }();
  return *kCalendar;
}

std::vector<Query> Queries(int n) {
  std::vector<Query> out;
  const DayNumber first = ToDayNumber({2001, 1, 1});
  for (int i = 0; i < n; ++i) {
    const DayNumber day = first + static_cast<DayNumber>((std::int64_t{i} * 7919) % 34000);
    const int seconds = static_cast<int>((std::int64_t{i} * 131) % 96) * 900;
    out.push_back({InstantOf(day, seconds), Duration::WorkingDays(1 + i % 30)});
  }
  return out;
}

void BM_DueIndexed(benchmark::State& state) {
  const Calendar& cal = Span2000To2100();
  const std::vector<Query> queries = Queries(1 << 16);
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& q = queries[i++ & (queries.size() - 1)];
    Result<Instant> due = Due(q.received, q.duration, cal);
    benchmark::DoNotOptimize(due);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DueIndexed);

void BM_DueIndexedWithTwoPauses(benchmark::State& state) {
  const Calendar& cal = Span2000To2100();
  const std::vector<Query> queries = Queries(1 << 16);
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& q = queries[i++ & (queries.size() - 1)];
    const Exclusion pauses[] = {
        {ExclusionType::kSupplement, q.received + 86400, q.received + 4 * 86400, ""},
        {ExclusionType::kFinancialObligation, q.received + 6 * 86400, q.received + 7 * 86400, ""}};
    Result<Instant> due = Due(q.received, q.duration, cal, pauses);
    benchmark::DoNotOptimize(due);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DueIndexedWithTwoPauses);

void BM_DueNaiveBaseline(benchmark::State& state) {
  const Calendar& cal = Span2000To2100();
  const std::vector<Query> queries = Queries(1 << 16);
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& q = queries[i++ & (queries.size() - 1)];
    Result<Instant> due = NaiveDue(q.received, q.duration, cal);
    benchmark::DoNotOptimize(due);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DueNaiveBaseline);

void BM_WorkingTimeBetween(benchmark::State& state) {
  const Calendar& cal = Span2000To2100();
  const std::vector<Query> queries = Queries(1 << 16);
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& q = queries[i++ & (queries.size() - 1)];
    Result<std::int64_t> w = WorkingTimeBetween(q.received, q.received + 20 * 86400, cal);
    benchmark::DoNotOptimize(w);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WorkingTimeBetween);

void BM_BuildCalendar2000To2100(benchmark::State& state) {
  for (auto _ : state) {
    Result<Calendar> c = Calendar::Build(CalendarSpec{}, {2000, 2100});
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_BuildCalendar2000To2100)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace motcua::calendar

BENCHMARK_MAIN();
