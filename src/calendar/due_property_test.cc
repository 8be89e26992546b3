// Seeded property loops over random calendars and inputs: the indexed clock agrees with the
// day-by-day reference, and the due instant behaves as the law reads.

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "calendar/due.h"
#include "calendar/naive_clock.h"

namespace motcua::calendar {
namespace {

constexpr int kFirstYear = 2024;
constexpr int kLastYear = 2027;

class RandomWorld {
 public:
  explicit RandomWorld(std::uint32_t seed) : rng_(seed) {}

  int Between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  // Up to three sessions a day on a 5-minute grid; some days without any.
  std::vector<Session> RandomDay() {
    std::vector<Session> out;
    int t = Between(0, 10 * 12) * 300;
    for (int n = Between(0, 3); n > 0 && t < kSecondsPerDay - 600; --n) {
      const int end = std::min(kSecondsPerDay, t + Between(1, 6 * 12) * 300);
      out.push_back({t, end});
      t = end + Between(0, 3 * 12) * 300;
    }
    return out;
  }

  CalendarSpec RandomSpec() {
    CalendarSpec spec;
    spec.fallback = Between(0, 1) == 0 ? YearFallback::kOfficialThenGenerated : YearFallback::kNone;
    for (auto& day : spec.weekly.days) day = RandomDay();
    if (spec.weekly.days[0].empty()) spec.weekly.days[0] = {{8 * 3600, 12 * 3600}};
    YearSchedule extra{kFirstYear + 1, "test", {}, {}};
    for (int i = 0; i < 20; ++i) {
      const DayNumber d = ToDayNumber({kFirstYear + 1, 1, 1}) + Between(0, 360);
      const CivilDate date = FromDayNumber(d);
      if (i % 2 == 0) {
        extra.holidays.push_back({date, "random holiday", HolidayKind::kLocal});
      } else {
        extra.make_up_days.push_back({date, "random make-up", {}});
      }
    }
    std::erase_if(extra.make_up_days, [&extra](const MakeUpDay& m) {
      for (const Holiday& h : extra.holidays) {
        if (h.date == m.date) return true;
      }
      return false;
    });
    if (Between(0, 1) == 0) spec.years.push_back(extra);
    for (int i = 0; i < 5; ++i) {
      const CivilDate date = FromDayNumber(ToDayNumber({kFirstYear, 6, 1}) + Between(0, 400));
      std::optional<Session> part;
      if (Between(0, 1) == 0) part = Session{9 * 3600, 10 * 3600 + Between(0, 12) * 300};
      spec.closures.push_back({date, part, "random closure"});
    }
    return spec;
  }

  Instant RandomInstant() {
    return InstantOf(ToDayNumber({kFirstYear, 1, 1}) + Between(0, 700), Between(0, 287) * 300);
  }

  std::vector<Exclusion> RandomExclusions(Instant near) {
    std::vector<Exclusion> out;
    for (int n = Between(0, 3); n > 0; --n) {
      const Instant from = near + Between(-2, 40) * 3600 * 6;
      out.push_back({ExclusionType::kSupplement, from, from + Between(0, 20) * 3600 * 4, ""});
    }
    return out;
  }

  ReceptionCutoff RandomCutoff() {
    switch (Between(0, 3)) {
      case 0: return ReceptionCutoff::Default();
      case 1: return ReceptionCutoff::None();
      case 2: return ReceptionCutoff::Decree297();
      default: return ReceptionCutoff::LastOfficeHour();
    }
  }

 private:
  std::mt19937 rng_;
};

TEST(DuePropertyTest, FastAgreesWithNaiveAndBehaves) {
  RandomWorld w(20250101);
  for (int world = 0; world < 40; ++world) {
    const Result<Calendar> built = Calendar::Build(w.RandomSpec(), {kFirstYear, kLastYear});
    ASSERT_TRUE(built.ok()) << ToString(built.error());
    const Calendar& cal = *built;
    for (int q = 0; q < 150; ++q) {
      const Instant received = w.RandomInstant();
      const Duration d = Duration::WorkingSeconds(w.Between(0, 20 * 8 * 12) * 300);
      const std::vector<Exclusion> ex = w.RandomExclusions(received);
      const ReceptionCutoff cutoff = w.RandomCutoff();
      SCOPED_TRACE(::testing::Message() << "world " << world << " query " << q << " received "
                                        << FormatLocal(received) << " " << d.ToString());
      const Result<Instant> fast = Due(received, d, cal, ex, cutoff);
      const Result<Instant> naive = NaiveDue(received, d, cal, ex, cutoff);
      ASSERT_EQ(fast.ok(), naive.ok());
      if (!fast.ok()) continue;
      ASSERT_EQ(FormatLocal(*fast), FormatLocal(*naive));
      // A due instant is a working instant or a session end.
      EXPECT_TRUE(cal.IsWorkingOrSessionEnd(*fast));
      const Instant start = *CountingStart(received, cal, cutoff);
      EXPECT_EQ(*NaiveCountingStart(received, cal, cutoff), start);
      // Exactly d of counted time lies between the counting start and the due instant.
      EXPECT_EQ(*WorkingTimeBetween(start, *fast, cal, ex), d.working_seconds());
      EXPECT_EQ(*WorkingTimeBetween(start, *fast, cal, ex),
                *NaiveWorkingTimeBetween(start, *fast, cal, ex));
      // Never earlier when the duration grows.
      const Result<Instant> longer =
          Due(received, Duration::WorkingSeconds(d.working_seconds() + 300), cal, ex, cutoff);
      if (longer.ok()) {
        EXPECT_GT(*longer, *fast);
      }
      // Never earlier when a pause grows (or is added).
      std::vector<Exclusion> more = ex;
      if (more.empty()) {
        more.push_back({ExclusionType::kOther, received, received + 3600, ""});
      } else {
        more[0].to += 4 * 3600;
      }
      const Result<Instant> paused = Due(received, d, cal, more, cutoff);
      if (paused.ok()) {
        EXPECT_GE(*paused, *fast);
      }
      // Calendar days agree too.
      const Duration days = Duration::CalendarDays(w.Between(0, 40));
      const Result<Instant> fast_days = Due(received, days, cal, ex, cutoff);
      const Result<Instant> naive_days = NaiveDue(received, days, cal, ex, cutoff);
      ASSERT_EQ(fast_days.ok(), naive_days.ok());
      if (fast_days.ok()) {
        EXPECT_EQ(FormatLocal(*fast_days), FormatLocal(*naive_days))
            << days.ToString() << " start " << FormatLocal(start) << " cutoff "
            << static_cast<int>(cutoff.kind) << " exclusions " << ex.size()
            << (ex.empty() ? ""
                           : " first " + FormatLocal(ex[0].from) + " - " + FormatLocal(ex[0].to));
      }
    }
  }
}

TEST(DuePropertyTest, WorkingTimeBetweenAgreesWithNaive) {
  RandomWorld w(7);
  for (int world = 0; world < 20; ++world) {
    const Result<Calendar> cal = Calendar::Build(w.RandomSpec(), {kFirstYear, kLastYear});
    ASSERT_TRUE(cal.ok()) << ToString(cal.error());
    for (int q = 0; q < 200; ++q) {
      const Instant a = w.RandomInstant();
      const Instant b = a + w.Between(-10, 500) * 3600;
      const std::vector<Exclusion> ex = w.RandomExclusions(a);
      EXPECT_EQ(*WorkingTimeBetween(a, b, *cal, ex), *NaiveWorkingTimeBetween(a, b, *cal, ex));
    }
  }
}

}  // namespace
}  // namespace motcua::calendar
