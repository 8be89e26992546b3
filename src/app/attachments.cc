#include "app/attachments.h"

#include <algorithm>

namespace motcua::app {

std::optional<std::string> DetectMediaType(std::string_view b) {
  if (b.starts_with("%PDF-")) return "application/pdf";
  if (b.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (b.starts_with(std::string_view("\x89PNG\r\n\x1A\n", 8))) return "image/png";
  return std::nullopt;
}

bool IsSha256Hex(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace motcua::app
