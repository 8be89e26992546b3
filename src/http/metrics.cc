#include "http/metrics.h"

#include <sstream>

namespace motcua::http {
namespace {

std::string Label(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

void Metrics::Histogram::Observe(double v) {
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (v <= kBuckets[i]) ++buckets[i];
  }
  ++count;
  sum += v;
}

void Metrics::ObserveRequest(const std::string& method, const std::string& route, int status,
                             double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{method, route, status}];
  latency_[{method, route}].Observe(seconds);
}

void Metrics::ObserveCommit(double seconds, int commands) {
  std::lock_guard lock(mu_);
  commit_latency_.Observe(seconds);
  commands_committed_ += static_cast<std::uint64_t>(commands);
}

std::string Metrics::Render() const {
  std::lock_guard lock(mu_);
  std::ostringstream out;
  auto histogram = [&](const std::string& name, const std::string& labels, const Histogram& h) {
    const std::string sep = labels.empty() ? "" : ",";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out << name << "_bucket{" << labels << sep << "le=\"" << kBuckets[i] << "\"} " << h.buckets[i]
          << "\n";
    }
    out << name << "_bucket{" << labels << sep << "le=\"+Inf\"} " << h.count << "\n";
    out << name << "_sum" << (labels.empty() ? "" : "{" + labels + "}") << " " << h.sum << "\n";
    out << name << "_count" << (labels.empty() ? "" : "{" + labels + "}") << " " << h.count << "\n";
  };
  out << "# HELP motcua_http_requests_total HTTP requests by route and status.\n"
      << "# TYPE motcua_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [method, route, status] = key;
    out << "motcua_http_requests_total{method=\"" << method << "\",route=\"" << Label(route)
        << "\",status=\"" << status << "\"} " << n << "\n";
  }
  out << "# HELP motcua_http_request_duration_seconds HTTP request latency by route.\n"
      << "# TYPE motcua_http_request_duration_seconds histogram\n";
  for (const auto& [key, h] : latency_) {
    histogram("motcua_http_request_duration_seconds",
              "method=\"" + key.first + "\",route=\"" + Label(key.second) + "\"", h);
  }
  out << "# HELP motcua_storage_commit_duration_seconds Durable commit latency (one batch).\n"
      << "# TYPE motcua_storage_commit_duration_seconds histogram\n";
  histogram("motcua_storage_commit_duration_seconds", "", commit_latency_);
  out << "# HELP motcua_storage_commands_committed_total Commands made durable.\n"
      << "# TYPE motcua_storage_commands_committed_total counter\n"
      << "motcua_storage_commands_committed_total " << commands_committed_ << "\n";
  return out.str();
}

}  // namespace motcua::http
