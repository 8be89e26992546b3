#include "main/catalog_items.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "catalog_io/catalog_json.h"
#include "catalog_io/national.h"

namespace motcua::main {

Result<std::vector<app::CatalogItem>> CatalogItems(std::string_view text,
                                                   const catalog_io::Progress& progress) {
  MOTCUA_ASSIGN_OR_RETURN(std::vector<catalog_io::CatalogEntry> entries,
                          catalog_io::DecodeCatalog(text, progress));
  std::vector<app::CatalogItem> items;
  items.reserve(entries.size());
  for (catalog_io::CatalogEntry& e : entries) {
    items.push_back({std::move(e.procedure.draft), std::move(e.workflows)});
  }
  return items;
}

Result<std::vector<app::CatalogItem>> CatalogItemsFromXlsx(std::string_view bytes,
                                                           const catalog_io::Progress& progress,
                                                           catalog_io::XlsxLocator* locator) {
  MOTCUA_ASSIGN_OR_RETURN(catalog_io::XlsxCatalog read,
                          catalog_io::DecodeCatalogXlsx(bytes, progress));
  if (locator != nullptr) *locator = std::move(read.locator);
  std::vector<app::CatalogItem> items;
  items.reserve(read.entries.size());
  for (catalog_io::CatalogEntry& e : read.entries) {
    items.push_back({std::move(e.procedure.draft), std::move(e.workflows)});
  }
  return items;
}

Result<std::vector<app::CatalogItem>> NationalItems(std::string_view text,
                                                    const catalog_io::Progress& progress) {
  MOTCUA_ASSIGN_OR_RETURN(std::vector<catalog_io::ImportedProcedure> records,
                          catalog_io::DecodeNationalPortalRecords(text, progress));
  std::vector<app::CatalogItem> items;
  items.reserve(records.size());
  for (catalog_io::ImportedProcedure& r : records) {
    r.draft.number = 0;  // the next version of its code
    items.push_back({std::move(r.draft), {}});
  }
  return items;
}

std::vector<catalog_io::CatalogEntry> ToEntries(const std::vector<app::CatalogItem>& items) {
  std::vector<catalog_io::CatalogEntry> out;
  out.reserve(items.size());
  for (const app::CatalogItem& item : items) {
    catalog_io::CatalogEntry e;
    e.procedure.draft = item.version;
    e.procedure.notes = item.version.import_notes;
    e.workflows = item.workflows;
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<app::CatalogItem>> DemoCatalogItems() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("MOTCUA_DEMO_CATALOG"); env && *env) candidates.push_back(env);
  candidates.push_back("data/demo-catalog.json");
  candidates.push_back(MOTCUA_SOURCE_DATA_DIR "/demo-catalog.json");
  for (const std::string& path : candidates) {
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    return CatalogItems(ss.str());
  }
  return Error::NotFound("data/demo-catalog.json not found (set MOTCUA_DEMO_CATALOG)");
}

}  // namespace motcua::main
