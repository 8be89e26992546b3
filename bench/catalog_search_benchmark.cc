// Catalog search latency at 10,000 procedures (issue 4), on SQLite and on PostgreSQL (a private
// server), through app::CatalogService::Search: the SQL prefilter on the folded index columns,
// then catalog::Match ranking in C++. Each iteration runs the next query of a fixed mix (with and
// without marks, with đ, codes, rare and common words); p50 and p99 are computed over every
// query's own latency and reported as counters (microseconds).
//
//   ./build/bench/catalog_search_benchmark
//   ./build/bench/catalog_search_benchmark --benchmark_filter=Sqlite
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>

#include "app/catalog_service.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/testing/pg_test_server.h"
#include "storage/sqlite/sqlite_store.h"

namespace motcua {
namespace {

FakeClock kClock(1'770'000'000);  // 2026-02-02
constexpr int kProcedures = 10'000;

constexpr const char* kActions[] = {
    "Cấp",      "Cấp lại",   "Đăng ký",   "Đăng ký lại", "Điều chỉnh", "Gia hạn",  "Thu hồi",
    "Xác nhận", "Thẩm định", "Phê duyệt", "Công nhận",   "Chấp thuận", "Cho phép", "Đổi",
};
constexpr const char* kObjects[] = {
    "giấy phép xây dựng",
    "kết hôn",
    "khai sinh",
    "giấy chứng nhận quyền sử dụng đất",
    "doanh nghiệp",
    "hộ kinh doanh",
    "giấy phép lái xe",
    "chứng chỉ hành nghề dược",
    "giấy phép môi trường",
    "văn phòng công chứng",
    "giấy chứng nhận đầu tư",
    "hợp đồng chuyển nhượng",
    "phiếu lý lịch tư pháp",
    "giấy phép hoạt động khoa học và công nghệ",
    "dự án đầu tư",
    "quy hoạch chi tiết",
    "nhà ở xã hội",
    "trang trại",
};
constexpr const char* kQualifiers[] = {
    "",
    " cho tổ chức",
    " cho cá nhân",
    " có yếu tố nước ngoài",
    " tại cấp xã",
    " trong trường hợp bị mất",
    " đối với doanh nghiệp nhỏ và vừa",
};
constexpr const char* kFields[] = {
    "Hộ tịch",
    "Đất đai",
    "Xây dựng",
    "Thành lập và hoạt động doanh nghiệp",
    "Khoa học và công nghệ",
    "Môi trường",
    "Y tế",
    "Giao thông vận tải",
    "Tư pháp",
};
constexpr const char* kQueries[] = {
    "dang ky ket hon",
    "Đăng ký kết hôn",
    "đăng ký doanh nghiệp",
    "cap giay phep xay dung",
    "giay chung nhan quyen su dung dat",
    "gia han",
    "1.004321",
    "thu hoi giay phep moi truong cho to chuc",
    "ho tich",
    "cong chung",
    "nha o xa hoi",
    "cấp lại giấy phép lái xe trong trường hợp bị mất",
};

app::CatalogItem Generated(int i) {
  catalog::Procedure p;
  char code[16];
  std::snprintf(code, sizeof code, "1.%06d", i);
  p.code = code;
  const std::size_t a = i % std::size(kActions);
  const std::size_t o = (i / std::size(kActions)) % std::size(kObjects);
  const std::size_t q = (i / 7) % std::size(kQualifiers);
  p.name = std::string(kActions[a]) + " " + kObjects[o] + kQualifiers[q] + " (" +
           std::to_string(i / 1000) + ")";
  p.level = i % 3 == 0 ? catalog::Level::kProvince : catalog::Level::kCommune;
  p.field = kFields[(i / 3) % std::size(kFields)];
  p.competent_units = {"H99.02"};
  p.channels.push_back({catalog::Channel::kInPerson, catalog::LegalTime::WorkingDays(10), {}, ""});
  p.outcomes.push_back({"", "Giấy phép"});
  app::CatalogItem item;
  item.version = catalog::NewDraft(std::move(p));
  item.version.state = catalog::VersionState::kPublished;
  item.version.published = catalog::Decision{"100/QĐ-UBND", {2025, 1, 1}};
  return item;
}

Status Seed(app::Store& store) {
  app::CalendarService calendars(store, kClock);
  app::CatalogService catalog(store, kClock, calendars);
  std::vector<app::CatalogItem> items;
  for (int i = 0; i < kProcedures; ++i) items.push_back(Generated(i));
  return catalog.ImportCatalog(app::Actor::System(), std::move(items)).ok()
             ? Ok()
             : Status(Error::Internal("seeding the catalog failed"));
}

std::string TempDir() {
  auto dir =
      std::filesystem::temp_directory_path() / ("motcua-search-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

app::Store* SqliteStore() {
  static std::once_flag once;
  static std::unique_ptr<app::Store> store;
  std::call_once(once, [] {
    const std::string path = TempDir() + "/catalog.db";
    std::filesystem::remove(path);
    auto opened = storage::sqlite::SqliteStore::Open({path, 4, 5000, 256, &kClock});
    if (!opened.ok() || !(*opened)->Migrate().ok() || !Seed(**opened).ok()) return;
    store = std::move(*opened);
  });
  return store.get();
}

app::Store* PostgresStore() {
  static std::once_flag once;
  static std::unique_ptr<storage::postgres::testing::PgTestServer> server;
  static std::unique_ptr<app::Store> store;
  std::call_once(once, [] {
    auto started = storage::postgres::testing::PgTestServer::Start();
    if (!started.ok()) return;
    server = std::move(*started);
    auto dsn = server->CreateDatabase("search");
    if (!dsn.ok()) return;
    storage::postgres::PgOptions options;
    options.dsn = *dsn;
    options.pool_size = 4;
    options.clock = &kClock;
    options.tools_dir = server->bin_dir();
    auto opened = storage::postgres::OpenPgStore(options);
    if (!opened.ok() || !(*opened)->Migrate().ok() || !Seed(**opened).ok()) return;
    store = std::move(*opened);
  });
  return store.get();
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()));
  return v[i];
}

void RunSearches(benchmark::State& state, app::Store* store) {
  if (store == nullptr) {
    state.SkipWithError("store not available");
    return;
  }
  app::CalendarService calendars(*store, kClock);
  app::CatalogService catalog(*store, kClock, calendars);
  std::vector<double> micros;
  std::size_t next = 0;
  std::int64_t results = 0;
  for (auto _ : state) {
    const char* q = kQueries[next++ % std::size(kQueries)];
    const auto start = std::chrono::steady_clock::now();
    auto found = catalog.Search(q, {});
    const auto end = std::chrono::steady_clock::now();
    if (!found.ok()) {
      state.SkipWithError(ToString(found.error()).c_str());
      return;
    }
    results += static_cast<std::int64_t>(found->size());
    micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
  }
  state.counters["p50_us"] = Percentile(micros, 0.50);
  state.counters["p99_us"] = Percentile(micros, 0.99);
  state.counters["queries"] = static_cast<double>(micros.size());
  state.counters["results_per_query"] =
      micros.empty() ? 0 : static_cast<double>(results) / static_cast<double>(micros.size());
}

void BM_SearchSqlite(benchmark::State& state) { RunSearches(state, SqliteStore()); }
void BM_SearchPostgres(benchmark::State& state) { RunSearches(state, PostgresStore()); }

BENCHMARK(BM_SearchSqlite)->Unit(benchmark::kMicrosecond)->Iterations(1200)->UseRealTime();
BENCHMARK(BM_SearchPostgres)->Unit(benchmark::kMicrosecond)->Iterations(1200)->UseRealTime();

}  // namespace
}  // namespace motcua

BENCHMARK_MAIN();
