#pragma once

// JSON-lines logs (one object per line) for access and error logs. Every line carries the request
// id when there is one. Thread-safe.

#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "common/clock.h"

namespace motcua::http {

class Logger {
 public:
  // Writes to `out` (not owned; stderr in the server). A null `out` discards everything.
  Logger(std::FILE* out, const Clock& clock) : out_(out), clock_(clock) {}

  // Adds "ts" and "level" to `fields` and writes one line.
  void Log(const char* level, nlohmann::json fields);
  void Info(nlohmann::json fields) { Log("info", std::move(fields)); }
  void Error(nlohmann::json fields) { Log("error", std::move(fields)); }

 private:
  std::FILE* out_;
  const Clock& clock_;
  std::mutex mu_;  // serialises writes so that lines never interleave
};

}  // namespace motcua::http
