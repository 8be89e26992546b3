// libFuzzer target over the national public-service portal's procedure records (`motcua catalog
// import --format national`): one record or an array, any bytes, never a crash, a leak or
// undefined behaviour. The seed is the record in shared/samples.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "catalog_io/national.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)motcua::catalog_io::DecodeNationalPortalRecords(text);
  (void)motcua::catalog_io::DecodeNationalPortalRecord(text);
  return 0;
}
