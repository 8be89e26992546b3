// libFuzzer target over the strict JSON request decoding: whatever bytes arrive as a request body,
// decoding must end in values or field violations, never a crash, a leak or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/json_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  (void)motcua::http::IsValidUtf8(body);
  auto in = motcua::http::JsonInput::Parse(body);
  if (!in.ok()) return 0;
  // The shapes the handlers read: the unit and user inputs, and login.
  (void)in->String("code", {.required = true, .max_bytes = 35});
  (void)in->String("name", {.required = true, .min_bytes = 1, .max_bytes = 300});
  (void)in->String("kind", {.required = true, .max_bytes = 30});
  (void)in->Int("parent_id", {.min = 1});
  (void)in->Int("version", {.required = true, .min = 1});
  (void)in->StringList("roles", {.required = true, .max_items = 8, .max_bytes = 40});
  (void)in->Bool("active");
  (void)in->IsNull("parent_id");
  (void)in->Finish();
  return 0;
}
