#pragma once

// Prometheus metrics kept in memory: request counts and latency histograms per route, and the
// storage's commit latency. Rendered in the text exposition format at /metrics. Thread-safe.

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace motcua::http {

class Metrics {
 public:
  // `route` is the route's template ("/api/v1/units/{id}"), never the raw path, so that label
  // cardinality stays bounded.
  void ObserveRequest(const std::string& method, const std::string& route, int status,
                      double seconds);
  // One durable commit holding `commands` commands.
  void ObserveCommit(double seconds, int commands);
  std::string Render() const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
    void Observe(double v);
  };

  mutable std::mutex mu_;  // guards everything below
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::pair<std::string, std::string>, Histogram> latency_;
  Histogram commit_latency_;
  std::uint64_t commands_committed_ = 0;
};

}  // namespace motcua::http
