#pragma once

// What an attachment is allowed to be. Files are named by their SHA-256 and their type is read
// from their first bytes, never from a file name or a declared Content-Type: the accepted types
// are PDF, JPEG and PNG, the formats the national portal takes for scanned and signed documents.
// Pure; thread-safe.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::app {

// The default largest attachment (10 MiB); `motcua serve --max-upload-bytes` changes it.
inline constexpr std::size_t kDefaultMaxAttachmentBytes = 10u << 20;

// "application/pdf", "image/jpeg" or "image/png" from the bytes' signature; nullopt otherwise.
std::optional<std::string> DetectMediaType(std::string_view bytes);

// True for 64 lowercase hexadecimal digits (app::Sha256Hex in secrets.h makes them).
bool IsSha256Hex(std::string_view text);

}  // namespace motcua::app
