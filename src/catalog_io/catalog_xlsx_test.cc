// The catalog workbook (catalog_xlsx.h): the demo catalog round trips; errors name cells; a
// workbook edited by hand (columns reordered, dates typed as dates, lists on lines) reads back.
#include "catalog_io/catalog_xlsx.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "catalog_io/catalog_json.h"
#include "catalog_io/xlsx_reader.h"
#include "catalog_io/xlsx_writer.h"

namespace motcua::catalog_io {
namespace {

std::vector<CatalogEntry> Demo() {
  std::ifstream in(std::string(MOTCUA_DATA_DIR) + "/demo-catalog.json");
  std::stringstream ss;
  ss << in.rdbuf();
  auto entries = DecodeCatalog(ss.str());
  EXPECT_TRUE(entries.ok());
  return entries.ok() ? *entries : std::vector<CatalogEntry>{};
}

std::vector<std::string> Fields(const Error& e) {
  std::vector<std::string> out;
  for (const FieldViolation& f : e.fields) out.push_back(f.field);
  return out;
}

TEST(CatalogXlsxTest, DemoCatalogRoundTrips) {
  std::vector<CatalogEntry> entries = Demo();
  ASSERT_GE(entries.size(), 30u);
  // Give one entry everything the demo file leaves empty.
  CatalogEntry& e = entries[0];
  e.procedure.decision = catalog::Decision{"1291/QĐ-BTP", {2025, 6, 30}};
  e.procedure.agencies = {{"authority", "BTP", "Bộ Tư pháp"}};
  e.procedure.keywords = {"khai sinh", "giấy khai sinh"};
  e.procedure.notes = {{"channels.online.time", catalog::Confidence::kDoubtful, "15 ngày", "x"}};
  e.procedure.draft.import_notes = e.procedure.notes;
  e.procedure.draft.expires = calendar::CivilDate{2027, 12, 31};
  e.workflows.push_back(e.workflows[0]);
  e.workflows[1].channels = {catalog::Channel::kOnline, catalog::Channel::kPostal};
  e.procedure.draft.procedure.cases.push_back({"TH2", "Trường hợp khác", {}});

  auto bytes = EncodeCatalogXlsx(entries);
  ASSERT_TRUE(bytes.ok()) << ToString(bytes.error());
  std::size_t calls = 0;
  auto back = DecodeCatalogXlsx(*bytes, [&](std::size_t, std::size_t total) {
    ++calls;
    EXPECT_EQ(total, entries.size());
  });
  ASSERT_TRUE(back.ok()) << ToString(back.error());
  ASSERT_EQ(back->entries.size(), entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(back->entries[i], entries[i]) << i << "\n"
                                            << EncodeCatalog({back->entries[i]}) << "\n"
                                            << EncodeCatalog({entries[i]});
  }
  EXPECT_EQ(EncodeCatalog(back->entries), EncodeCatalog(entries));
  EXPECT_EQ(calls, 0u);  // fewer than kProgressEvery records
  // The locator names where values came from.
  auto place = back->locator.Find("[0].channels.in-person.time.amount");
  ASSERT_TRUE(place.has_value());
  EXPECT_EQ(place->cell.substr(0, place->cell.find('!')), "Cách thức");
  EXPECT_EQ(place->header, "Thời hạn");
}

// A workbook written by hand, sheet by sheet: rows are {cells...}.
using Rows = std::vector<std::vector<std::string>>;
std::string Workbook(const std::vector<std::pair<std::string, Rows>>& sheets) {
  auto w = XlsxWriter::Create();
  EXPECT_TRUE(w.ok());
  for (const auto& [name, rows] : sheets) {
    std::vector<XlsxWriter::Column> header;
    for (const std::string& h : rows[0]) header.push_back({h});
    EXPECT_TRUE((*w)->AddSheet(name, header).ok());
    for (std::size_t r = 1; r < rows.size(); ++r) {
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        const std::string& v = rows[r][c];
        if (v.starts_with("#")) {
          EXPECT_TRUE((*w)->Number(static_cast<int>(r + 1), c, std::stod(v.substr(1))).ok());
        } else {
          EXPECT_TRUE((*w)->Text(static_cast<int>(r + 1), c, v).ok());
        }
      }
    }
  }
  auto bytes = (*w)->Finish();
  EXPECT_TRUE(bytes.ok());
  return bytes.ok() ? *bytes : "";
}

TEST(CatalogXlsxTest, LongWorkbooksReportProgress) {
  std::vector<CatalogEntry> entries;
  const std::vector<CatalogEntry> demo = Demo();
  for (int i = 0; i < 250; ++i) {
    CatalogEntry e = demo[static_cast<std::size_t>(i) % demo.size()];
    e.procedure.draft.number = 1 + i / static_cast<int>(demo.size());
    e.procedure.draft.procedure.code = "1." + std::to_string(100000 + i);
    for (auto& w : e.workflows) w.procedure_code = e.procedure.draft.procedure.code;
    for (auto& w : e.workflows) w.version = e.procedure.draft.number;
    entries.push_back(std::move(e));
  }
  auto bytes = EncodeCatalogXlsx(entries);
  ASSERT_TRUE(bytes.ok());
  std::vector<std::size_t> seen;
  auto back = DecodeCatalogXlsx(*bytes, [&](std::size_t done, std::size_t total) {
    EXPECT_EQ(total, 250u);
    seen.push_back(done);
  });
  ASSERT_TRUE(back.ok()) << ToString(back.error());
  EXPECT_EQ(seen, (std::vector<std::size_t>{100, 200}));
  EXPECT_EQ(back->entries, entries);
}

TEST(CatalogXlsxTest, HandEditedWorkbookReads) {
  const std::string bytes = Workbook(
      {{"Thủ tục",
        {{"Tên thủ tục", "MÃ THU TUC", "Trạng thái", "Ngày hiệu lực", "Quyết định công bố",
          "Cơ quan có thẩm quyền", "Chỉ trực tuyến"},
         {"Đăng ký khai sinh", "1.001193", "published", "#45839", "15/QĐ-UBND", "H99.10\nH99.11",
          "không"},
         {},
         {"Cấp bản sao", "2.000635", "", "", "", "", "x"}}},
       {"Ghi chép riêng", {{"bất kỳ"}, {"gì cũng được"}}},
       {"Cách thức",
        {{"Mã thủ tục", "Cách thức", "Thời hạn", "Đơn vị thời hạn"},
         {"1.001193", "in-person", "#1", "working-days"}}},
       {"Phí, lệ phí",
        {{"Mã thủ tục", "Phiên bản", "Cách thức", "Loại", "Số tiền (đồng)"},
         {"1.001193", "#1", "in-person", "fee", "#8000"}}},
       {"Trường hợp", {{"Mã thủ tục", "STT trường hợp", "Tên trường hợp"}, {"1.001193", "#1", ""}}},
       {"Thành phần",
        {{"Mã thủ tục", "Tên giấy tờ", "Bản chính"}, {"1.001193", "Tờ khai", "#1"}}}});
  auto read = DecodeCatalogXlsx(bytes);
  ASSERT_TRUE(read.ok()) << ToString(read.error());
  ASSERT_EQ(read->entries.size(), 2u);
  const catalog::ProcedureVersion& v = read->entries[0].procedure.draft;
  EXPECT_EQ(v.state, catalog::VersionState::kPublished);
  EXPECT_EQ(calendar::FormatDate(v.published->date), "2025-07-01");
  EXPECT_EQ(v.procedure.competent_units, (std::vector<std::string>{"H99.10", "H99.11"}));
  ASSERT_EQ(v.procedure.channels.size(), 1u);
  EXPECT_EQ(v.procedure.channels[0].fees[0].amount_vnd, 8000);
  EXPECT_EQ(v.procedure.cases[0].components[0].name, "Tờ khai");
  EXPECT_TRUE(read->entries[1].procedure.draft.procedure.online_only);
  EXPECT_EQ(read->entries[1].procedure.draft.state, catalog::VersionState::kDraft);
}

TEST(CatalogXlsxTest, EveryErrorNamesItsCell) {
  const std::string bytes = Workbook(
      {{"Thủ tục",
        {{"Mã thủ tục", "Phiên bản", "Tên thủ tục", "Trạng thái", "Ngày hiệu lực", "Màu sắc"},
         {"1.001193", "#1", "Đăng ký khai sinh", "publish", "2025-13-01"},
         {"1.001193", "#1", "Lần nữa"},
         {"1.000894", "một", ""}}},
       {"Cách thức",
        {{"Mã thủ tục", "Cách thức", "Thời hạn", "Đơn vị thời hạn"},
         {"1.001193", "fax", "#1", "working-days"},
         {"9.999999", "online", "#1", "working-days"},
         {"1.001193", "online", "mười", "weeks"}}},
       {"Thành phần", {{"Mã thủ tục", "STT trường hợp", "Tên giấy tờ"}, {"1.001193", "#3", "X"}}}});
  auto read = DecodeCatalogXlsx(bytes);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().reason, "validation");
  const std::vector<std::string> fields = Fields(read.error());
  for (const char* cell :
       {"Thủ tục!F1", "Thủ tục!A3", "Thủ tục!B4", "Thủ tục!D2", "Thủ tục!E2", "Cách thức!B2",
        "Cách thức!A3", "Cách thức!C4", "Cách thức!D4", "Thành phần!B2"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), cell), fields.end()) << cell;
  }
  for (const FieldViolation& f : read.error().fields) {
    EXPECT_NE(f.field.find('!'), std::string::npos) << f.field << ": " << f.message;
  }
}

TEST(CatalogXlsxTest, NotAWorkbookNamesTheFile) {
  auto read = DecodeCatalogXlsx("[]");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().reason, "malformed-xlsx");
  EXPECT_EQ(read.error().fields[0].field, "file");
  auto empty = DecodeCatalogXlsx(Workbook({{"Sheet1", {{"a"}}}}));
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().fields[0].field, "file");
}

TEST(CatalogXlsxTest, HygieneReportHasOneRowPerFinding) {
  std::vector<catalog::Finding> findings = {
      {catalog::FindingKind::kNoWorkflow, "1.001193", 1, "", "Chưa có quy trình nội bộ",
       "no internal workflow", ""},
      {catalog::FindingKind::kDuplicate, "1.000894", 2, "name", "Trùng", "duplicate", "1.000895"}};
  auto bytes = EncodeHygieneXlsx(findings);
  ASSERT_TRUE(bytes.ok());
  auto sheets = ReadXlsx(*bytes);
  ASSERT_TRUE(sheets.ok());
  ASSERT_EQ((*sheets)[0].rows.size(), 3u);
  EXPECT_EQ((*sheets)[0].rows[1].At(0).text, "no-workflow");
  EXPECT_EQ((*sheets)[0].rows[2].At(2).text, "2");
  EXPECT_EQ((*sheets)[0].rows[2].At(6).text, "1.000895");
}

}  // namespace
}  // namespace motcua::catalog_io
