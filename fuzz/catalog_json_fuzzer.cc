// libFuzzer target over the catalog JSON import (POST /api/v1/catalog/imports, `motcua catalog
// import`): any bytes end in entries or listed problems, never a crash, a leak or undefined
// behaviour. What is accepted survives a round trip: exported and imported again it decodes, and
// exports to the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "catalog_io/catalog_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto entries = motcua::catalog_io::DecodeCatalog(text);
  if (!entries.ok()) return 0;
  const std::string exported = motcua::catalog_io::EncodeCatalog(*entries);
  auto again = motcua::catalog_io::DecodeCatalog(exported);
  if (!again.ok()) std::abort();  // an export that does not import
  if (motcua::catalog_io::EncodeCatalog(*again) != exported) std::abort();
  return 0;
}
