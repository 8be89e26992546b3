#include "http/rate_limit.h"

#include <algorithm>
#include <iterator>

namespace motcua::http {

RateLimiter::RateLimiter(int per_minute, std::size_t max_clients)
    : capacity_(std::max(per_minute, 1)),
      per_second_(std::max(per_minute, 1) / 60.0),
      max_clients_(std::max<std::size_t>(max_clients, 1)) {}

void RateLimiter::Refill(Bucket& b, Clock::time_point now) const {
  const double seconds = std::chrono::duration<double>(now - b.at).count();
  if (seconds > 0) b.tokens = std::min(capacity_, b.tokens + seconds * per_second_);
  b.at = std::max(b.at, now);
}

bool RateLimiter::Allow(const std::string& client, Clock::time_point now) {
  std::lock_guard lock(mu_);
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) {
      for (auto b = buckets_.begin(); b != buckets_.end();) {
        Refill(b->second, now);
        b = b->second.tokens >= capacity_ ? buckets_.erase(b) : std::next(b);
      }
      if (buckets_.size() >= max_clients_) return false;
    }
    it = buckets_.emplace(client, Bucket{capacity_, now}).first;
  }
  Bucket& b = it->second;
  Refill(b, now);
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

}  // namespace motcua::http
