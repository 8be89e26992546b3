#include "common/clock.h"

#include <chrono>

namespace motcua {

Instant SystemClock::Now() const {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace motcua
