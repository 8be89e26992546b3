#include "http/rate_limit.h"

#include <gtest/gtest.h>

namespace motcua::http {
namespace {

using namespace std::chrono_literals;

TEST(RateLimiterTest, ABurstThenOneTokenPerRefillInterval) {
  RateLimiter limiter(6);  // one token every 10 s
  const auto t0 = RateLimiter::Clock::time_point{} + 1h;
  for (int i = 0; i < 6; ++i) EXPECT_TRUE(limiter.Allow("10.0.0.1", t0)) << i;
  EXPECT_FALSE(limiter.Allow("10.0.0.1", t0));
  EXPECT_FALSE(limiter.Allow("10.0.0.1", t0 + 9s));
  EXPECT_TRUE(limiter.Allow("10.0.0.1", t0 + 10s));
  EXPECT_FALSE(limiter.Allow("10.0.0.1", t0 + 10s));
  // Another client has its own bucket.
  EXPECT_TRUE(limiter.Allow("10.0.0.2", t0 + 10s));
  // A long rest refills to the burst size, not beyond.
  for (int i = 0; i < 6; ++i) EXPECT_TRUE(limiter.Allow("10.0.0.1", t0 + 24h)) << i;
  EXPECT_FALSE(limiter.Allow("10.0.0.1", t0 + 24h));
}

TEST(RateLimiterTest, MemoryIsBoundedAndIdleClientsAreForgottenFirst) {
  RateLimiter limiter(60, 2);  // one token a second, two clients at most
  const auto t0 = RateLimiter::Clock::time_point{} + 1h;
  EXPECT_TRUE(limiter.Allow("a", t0));
  EXPECT_TRUE(limiter.Allow("b", t0));
  // Both buckets are in use: a third client waits.
  EXPECT_FALSE(limiter.Allow("c", t0));
  // A minute later both have filled up again and are forgotten.
  EXPECT_TRUE(limiter.Allow("c", t0 + 60s));
  EXPECT_TRUE(limiter.Allow("d", t0 + 60s));
}

}  // namespace
}  // namespace motcua::http
