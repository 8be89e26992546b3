// libFuzzer target over what an upload is judged by (POST /api/v1/attachments): the type read
// from the bytes and the name a component gives a file. Only the three accepted signatures may
// be recognised, whatever the bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "app/attachments.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto type = motcua::app::DetectMediaType(bytes)) {
    if (*type != "application/pdf" && *type != "image/jpeg" && *type != "image/png") std::abort();
  }
  (void)motcua::app::IsSha256Hex(bytes);
  return 0;
}
