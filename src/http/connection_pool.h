#pragma once

// The thread pool the HTTP server runs connections on. cpp-httplib serves a connection on one
// pool thread from accept until it closes, waiting for each read up to the read timeout (and for
// the next request up to the keep-alive timeout). With a fixed pool, as many slow or idle clients
// as there are threads (slowloris: headers a byte at a time) hold every thread, and everyone else
// waits in the queue. This pool keeps `core` threads and starts another whenever a connection
// arrives and no thread is idle, up to `max`; threads above `core` end after `idle_exit` without
// work. Slow clients are still cut off by the read timeout; meanwhile others are served.
//
// Thread-safe. shutdown() runs the queued work, then joins every thread; nothing may be enqueued
// after it.

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace motcua::http {

class ConnectionPool final : public httplib::TaskQueue {
 public:
  ConnectionPool(std::size_t core, std::size_t max,
                 std::chrono::milliseconds idle_exit = std::chrono::seconds(5));
  ~ConnectionPool() override;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

  // Threads running now (for tests and metrics).
  std::size_t threads() const;

 private:
  void Work();
  void StartThread();   // mu_ held
  void JoinFinished();  // mu_ held

  const std::size_t core_;
  const std::size_t max_;
  const std::chrono::milliseconds idle_exit_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::map<std::thread::id, std::thread> threads_;
  std::vector<std::thread::id> finished_;  // ended, not yet joined
  std::size_t idle_ = 0;                   // threads not running a job
  bool shutdown_ = false;
};

}  // namespace motcua::http
