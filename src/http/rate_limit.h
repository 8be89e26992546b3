#pragma once

// A token bucket per client: `per_minute` requests a minute, in bursts of at most `per_minute`.
// Used where a client could otherwise guess (the public dossier lookup). Memory is bounded: past
// `max_clients` buckets, the buckets that have filled up again are forgotten first (a full bucket
// is the same as no bucket), and if every bucket is in use the newcomer is refused.
//
// Thread-safe.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace motcua::http {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateLimiter(int per_minute, std::size_t max_clients = 100'000);

  // Takes one token from `client`'s bucket; false when it is empty.
  bool Allow(const std::string& client) { return Allow(client, Clock::now()); }
  bool Allow(const std::string& client, Clock::time_point now);

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point at;
  };
  void Refill(Bucket& b, Clock::time_point now) const;

  const double capacity_;
  const double per_second_;
  const std::size_t max_clients_;
  std::mutex mu_;  // guards buckets_
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace motcua::http
