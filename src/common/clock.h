#pragma once

#include <atomic>

#include "common/time.h"

namespace motcua {

// The source of "now". Nothing outside the program's entry point reads the system clock: code
// that needs the time takes a Clock. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

// The real clock; created only in src/main.
class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

// A clock that tests set and advance by hand (absl/time/simulated_clock.h).
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Instant start) : now_(start) {}
  Instant Now() const override { return now_.load(); }
  void Set(Instant t) { now_.store(t); }
  void Advance(std::int64_t seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<Instant> now_;
};

}  // namespace motcua
