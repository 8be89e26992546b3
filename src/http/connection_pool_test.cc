// The connection pool grows while every thread is busy (slow connections), up to its maximum,
// shrinks back to its core when idle, and runs what is queued before shutting down.
#include "http/connection_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace motcua::http {
namespace {

using std::chrono::milliseconds;

// Jobs that block until released, counting how many run at once.
class Gate {
 public:
  std::function<void()> Job() {
    return [this] {
      std::unique_lock lock(mu_);
      ++running_;
      max_running_ = std::max(max_running_, running_);
      cv_.notify_all();
      cv_.wait(lock, [this] { return open_; });
      --running_;
      ++done_;
      cv_.notify_all();
    };
  }
  // Waits until `n` jobs run at once (or 5 s pass); returns how many do.
  int AwaitRunning(int n) {
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(5), [&] { return running_ >= n; });
    return running_;
  }
  void Open() {
    std::lock_guard lock(mu_);
    open_ = true;
    cv_.notify_all();
  }
  int AwaitDone(int n) {
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(5), [&] { return done_ >= n; });
    return done_;
  }
  int max_running() {
    std::lock_guard lock(mu_);
    return max_running_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int running_ = 0;
  int max_running_ = 0;
  int done_ = 0;
  bool open_ = false;
};

bool Eventually(const std::function<bool()>& condition) {
  for (int i = 0; i < 500 && !condition(); ++i) std::this_thread::sleep_for(milliseconds(10));
  return condition();
}

TEST(ConnectionPoolTest, GrowsWhileEveryThreadIsBusyAndShrinksBackWhenIdle) {
  ConnectionPool pool(2, 16, milliseconds(50));
  EXPECT_EQ(pool.threads(), 2u);
  Gate gate;
  for (int i = 0; i < 6; ++i) pool.enqueue(gate.Job());
  EXPECT_EQ(gate.AwaitRunning(6), 6);  // none waits behind a busy thread
  EXPECT_EQ(pool.threads(), 6u);
  gate.Open();
  EXPECT_EQ(gate.AwaitDone(6), 6);
  EXPECT_TRUE(Eventually([&] { return pool.threads() == 2; })) << pool.threads();
  // And grows again.
  Gate again;
  for (int i = 0; i < 4; ++i) pool.enqueue(again.Job());
  EXPECT_EQ(again.AwaitRunning(4), 4);
  again.Open();
  EXPECT_EQ(again.AwaitDone(4), 4);
  pool.shutdown();
}

TEST(ConnectionPoolTest, NeverRunsMoreThanItsMaximumAtOnce) {
  ConnectionPool pool(1, 3, milliseconds(50));
  Gate gate;
  for (int i = 0; i < 7; ++i) pool.enqueue(gate.Job());
  EXPECT_EQ(gate.AwaitRunning(3), 3);
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(gate.max_running(), 3);
  EXPECT_EQ(pool.threads(), 3u);
  gate.Open();
  EXPECT_EQ(gate.AwaitDone(7), 7);
  EXPECT_EQ(gate.max_running(), 3);
  pool.shutdown();
}

TEST(ConnectionPoolTest, ShutdownRunsWhatIsQueuedThenJoins) {
  std::atomic<int> ran{0};
  {
    ConnectionPool pool(1, 1);
    for (int i = 0; i < 20; ++i) {
      pool.enqueue([&] {
        std::this_thread::sleep_for(milliseconds(1));
        ++ran;
      });
    }
    pool.shutdown();
    EXPECT_EQ(ran.load(), 20);
  }
  EXPECT_EQ(ran.load(), 20);
}

}  // namespace
}  // namespace motcua::http
