#include "http/connection_pool.h"

#include <algorithm>

namespace motcua::http {

ConnectionPool::ConnectionPool(std::size_t core, std::size_t max,
                               std::chrono::milliseconds idle_exit)
    : core_(std::max<std::size_t>(core, 1)), max_(std::max(core_, max)), idle_exit_(idle_exit) {
  std::lock_guard lock(mu_);
  for (std::size_t i = 0; i < core_; ++i) StartThread();
}

ConnectionPool::~ConnectionPool() { shutdown(); }

void ConnectionPool::enqueue(std::function<void()> fn) {
  std::lock_guard lock(mu_);
  jobs_.push_back(std::move(fn));
  JoinFinished();
  // Every idle thread has a job waiting already: this one would wait behind a slow connection.
  if (idle_ < jobs_.size() && threads_.size() - finished_.size() < max_) StartThread();
  cv_.notify_one();
}

void ConnectionPool::shutdown() {
  std::map<std::thread::id, std::thread> threads;
  {
    std::lock_guard lock(mu_);
    shutdown_ = true;
    cv_.notify_all();
    threads.swap(threads_);
    finished_.clear();
  }
  for (auto& [id, t] : threads) t.join();
}

std::size_t ConnectionPool::threads() const {
  std::lock_guard lock(mu_);
  return threads_.size() - finished_.size();
}

void ConnectionPool::StartThread() {
  ++idle_;
  std::thread t([this] { Work(); });
  const auto id = t.get_id();
  threads_.emplace(id, std::move(t));
}

void ConnectionPool::JoinFinished() {
  // A finished thread recorded itself and released the lock for good: joining cannot wait long.
  for (const auto& id : finished_) {
    auto it = threads_.find(id);
    if (it == threads_.end()) continue;
    it->second.join();
    threads_.erase(it);
  }
  finished_.clear();
}

void ConnectionPool::Work() {
  // idle_ counts this thread whenever it is not running a job (StartThread counted it first).
  std::unique_lock lock(mu_);
  for (;;) {
    const bool woken =
        cv_.wait_for(lock, idle_exit_, [this] { return shutdown_ || !jobs_.empty(); });
    if (!jobs_.empty()) {
      auto job = std::move(jobs_.front());
      jobs_.pop_front();
      --idle_;
      lock.unlock();
      job();
      lock.lock();
      ++idle_;
      continue;
    }
    if (shutdown_) {
      --idle_;
      return;  // shutdown() took this thread to join it
    }
    if (!woken && threads_.size() - finished_.size() > core_) break;
  }
  --idle_;
  finished_.push_back(std::this_thread::get_id());
}

}  // namespace motcua::http
