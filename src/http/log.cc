#include "http/log.h"

namespace motcua::http {

void Logger::Log(const char* level, nlohmann::json fields) {
  if (out_ == nullptr) return;
  fields["ts"] = FormatRfc3339Utc(clock_.Now());
  fields["level"] = level;
  const std::string line =
      fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::lock_guard lock(mu_);
  std::fwrite(line.data(), 1, line.size(), out_);
  std::fflush(out_);
}

}  // namespace motcua::http
