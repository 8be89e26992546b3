// libFuzzer target over the catalog workbook import (XLSX: a ZIP of XML parts read with libzip
// and expat): any bytes end in entries or problems by cell, never a crash, a leak or undefined
// behaviour. The seed is the demo catalog as the server exports it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "catalog_io/catalog_xlsx.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)motcua::catalog_io::DecodeCatalogXlsx(bytes);
  return 0;
}
