// `motcua catalog import|export|hygiene`: the procedure catalog from the command line, as the
// system actor (no unit scope). The database must be migrated (`motcua migrate`).
//
//   import FILE [--format motcua|national|xlsx]  all or nothing; every problem listed, one per
//                                                line (XLSX: by cell); progress on stderr. The
//                                                format defaults to xlsx for a zip (an .xlsx
//                                                file), else motcua.
//   export [--format json|xlsx] [--out F]        motcua's catalog JSON (stdout by default) or
//                                                the workbook (--out required)
//   hygiene [--format text|xlsx] [--out F]       the hygiene report, one finding per line, or a
//                                                workbook with one row per finding
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/catalog_service.h"
#include "catalog_io/catalog_json.h"
#include "catalog_io/catalog_xlsx.h"
#include "catalog_io/national.h"
#include "main/args.h"
#include "main/catalog_items.h"
#include "main/commands.h"
#include "main/wiring.h"

namespace motcua::main {
namespace {

int Fail(const Error& e) {
  std::fprintf(stderr, "motcua catalog: %s\n", e.message.c_str());
  for (const FieldViolation& f : e.fields) {
    std::fprintf(stderr, "  %s: %s\n", f.field.c_str(), f.message.c_str());
  }
  return e.code == ErrorCode::kInvalidArgument && e.reason != "import" ? 2 : 1;
}

Result<std::string> ReadFile(const std::string& path) {
  std::stringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::InvalidField("FILE", "cannot open " + path);
  ss << in.rdbuf();
  return ss.str();
}

// Writes `bytes` to --out (stdout when "-" or absent and `stdout_ok`).
Status WriteOut(const Args& args, const std::string& bytes, bool stdout_ok) {
  const std::string out = args.Get("out", stdout_ok ? "-" : "");
  if (out.empty()) return Error::InvalidField("--out", "is required for a workbook");
  if (out == "-") {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    return Ok();
  }
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) return Error::InvalidField("--out", "cannot write " + out);
  std::fprintf(stderr, "motcua catalog: wrote %s (%zu bytes)\n", out.c_str(), bytes.size());
  return Ok();
}

// A line per kProgressEvery records on stderr: long imports show they are alive.
void Progress(std::size_t done, std::size_t total) {
  std::fprintf(stderr, "motcua catalog: decoded %zu of %zu records\n", done, total);
}

struct Service {
  SystemClock clock;
  std::unique_ptr<app::Store> store;
  std::unique_ptr<app::CalendarService> calendars;
  std::unique_ptr<app::CatalogService> catalog;
};

Result<std::unique_ptr<Service>> Open(const Args& args) {
  auto s = std::make_unique<Service>();
  const char* env = std::getenv("MOTCUA_DSN");
  StoreConfig config;
  config.dsn = args.Get("dsn", env && *env ? env : "sqlite:./var/motcua.db");
  MOTCUA_ASSIGN_OR_RETURN(s->store, OpenStore(config, s->clock));
  s->calendars = std::make_unique<app::CalendarService>(*s->store, s->clock);
  s->catalog = std::make_unique<app::CatalogService>(*s->store, s->clock, *s->calendars);
  return s;
}

int Import(const Args& args) {
  if (args.positional().size() != 2) {
    return Fail(Error::InvalidArgument("usage: motcua catalog import FILE [--format F]"));
  }
  auto text = ReadFile(args.positional()[1]);
  if (!text) return Fail(text.error());
  const std::string format = args.Get("format", text->starts_with("PK") ? "xlsx" : "motcua");
  if (format != "motcua" && format != "national" && format != "xlsx") {
    return Fail(Error::InvalidField("--format", "must be motcua, national or xlsx"));
  }
  catalog_io::XlsxLocator locator;
  Result<std::vector<app::CatalogItem>> items =
      format == "national" ? NationalItems(*text, Progress)
      : format == "xlsx"   ? CatalogItemsFromXlsx(*text, Progress, &locator)
                           : CatalogItems(*text, Progress);
  if (!items) return Fail(items.error());
  std::size_t notes = 0;
  for (const app::CatalogItem& item : *items) notes += item.version.import_notes.size();
  auto service = Open(args);
  if (!service) return Fail(service.error());
  const std::size_t count = items->size();
  auto written = (*service)->catalog->ImportCatalog(app::Actor::System(), std::move(*items));
  if (!written) {
    Error e = written.error();
    locator.Relocate(e.fields, "items");  // XLSX: name the cells
    return Fail(e);
  }
  std::printf(
      "Đã nhập %d phiên bản thủ tục từ %zu bản ghi (%zu ghi chú nhập liệu: xem `motcua "
      "catalog hygiene`)\n",
      *written, count, notes);
  return 0;
}

int Export(const Args& args) {
  const std::string format = args.Get("format", "json");
  if (format != "json" && format != "xlsx") {
    return Fail(Error::InvalidField("--format", "must be json or xlsx"));
  }
  auto service = Open(args);
  if (!service) return Fail(service.error());
  auto items = (*service)->catalog->ExportCatalog(app::Actor::System());
  if (!items) return Fail(items.error());
  if (format == "json") {
    Status s = WriteOut(args, catalog_io::EncodeCatalog(ToEntries(*items)), true);
    return s.ok() ? 0 : Fail(s.error());
  }
  auto bytes = catalog_io::EncodeCatalogXlsx(ToEntries(*items));
  if (!bytes) return Fail(bytes.error());
  Status s = WriteOut(args, *bytes, false);
  return s.ok() ? 0 : Fail(s.error());
}

int Hygiene(const Args& args) {
  const std::string format = args.Get("format", "text");
  if (format != "text" && format != "xlsx") {
    return Fail(Error::InvalidField("--format", "must be text or xlsx"));
  }
  auto service = Open(args);
  if (!service) return Fail(service.error());
  auto findings = (*service)->catalog->Hygiene(app::Actor::System());
  if (!findings) return Fail(findings.error());
  if (format == "xlsx") {
    auto bytes = catalog_io::EncodeHygieneXlsx(*findings);
    if (!bytes) return Fail(bytes.error());
    Status s = WriteOut(args, *bytes, false);
    if (!s.ok()) return Fail(s.error());
    std::fprintf(stderr, "motcua catalog: %zu findings\n", findings->size());
    return 0;
  }
  for (const catalog::Finding& f : *findings) {
    std::printf("%s\t%s v%d\t%s\t%s%s%s\n", std::string(catalog::FindingKindName(f.kind)).c_str(),
                f.procedure_code.c_str(), f.version, f.field.empty() ? "-" : f.field.c_str(),
                f.message_vi.c_str(), f.related_code.empty() ? "" : " — ", f.related_code.c_str());
  }
  std::fprintf(stderr, "motcua catalog: %zu findings\n", findings->size());
  return 0;
}

}  // namespace

int Catalog(const Argv& argv) {
  auto args = Args::Parse(argv, {"format", "dsn", "out"});
  if (!args) return Fail(args.error());
  const auto& words = args->positional();
  if (!words.empty() && words[0] == "import") return Import(*args);
  if (!words.empty() && words[0] == "export" && words.size() == 1) return Export(*args);
  if (!words.empty() && words[0] == "hygiene" && words.size() == 1) return Hygiene(*args);
  return Fail(Error::InvalidArgument(
      "usage: motcua catalog import FILE [--format motcua|national|xlsx] | export [--format "
      "json|xlsx] [--out F] | hygiene [--format text|xlsx] [--out F]"));
}

}  // namespace motcua::main
