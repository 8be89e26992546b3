#pragma once

// Between catalog files (src/catalog_io) and the catalog service's items (app::CatalogItem: a
// version and its workflows). Used by `motcua catalog` and by `serve --demo`.

#include <string>
#include <string_view>
#include <vector>

#include "app/catalog_service.h"
#include "catalog_io/catalog_xlsx.h"
#include "catalog_io/imported.h"
#include "common/result.h"

namespace motcua::main {

// motcua catalog JSON -> items. kInvalidArgument with every decoding error ("[3].channels...").
Result<std::vector<app::CatalogItem>> CatalogItems(std::string_view text,
                                                   const catalog_io::Progress& progress = {});

// The catalog workbook (catalog_io/catalog_xlsx.h) -> items. kInvalidArgument with every problem
// by cell ("Thủ tục!D12"); `locator` (when given) receives where each record came from, to name
// cells in ImportCatalog's errors too.
Result<std::vector<app::CatalogItem>> CatalogItemsFromXlsx(
    std::string_view bytes, const catalog_io::Progress& progress = {},
    catalog_io::XlsxLocator* locator = nullptr);

// National-portal records (one object or an array) -> draft items numbered 0 (the next version
// of their code: re-importing a newer record makes a new version).
Result<std::vector<app::CatalogItem>> NationalItems(std::string_view text,
                                                    const catalog_io::Progress& progress = {});

// Items -> catalog entries for export (notes from the versions' import notes).
std::vector<catalog_io::CatalogEntry> ToEntries(const std::vector<app::CatalogItem>& items);

// The demo catalog's items: data/demo-catalog.json, looked up at $MOTCUA_DEMO_CATALOG, then
// ./data/demo-catalog.json, then the source tree this binary was built from. kNotFound when none.
Result<std::vector<app::CatalogItem>> DemoCatalogItems();

}  // namespace motcua::main
