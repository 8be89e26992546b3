// The XLSX reader on workbooks written by hand (inline strings, rich shared strings, cells
// without references, a date cell) and on bodies that are not workbooks.
#include "catalog_io/xlsx_reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <random>

#include "catalog_io/xlsx_writer.h"

namespace motcua::catalog_io {
namespace {

const char* kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
          xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Thủ tục" sheetId="1" r:id="rId7"/></sheets></workbook>)";
const char* kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/a.xml"/>
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>
</Relationships>)";
const char* kStrings =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<si><t>Mã thủ tục</t></si>
<si><r><t>Đăng ký </t></r><r><t xml:space="preserve">khai sinh</t></r><rPh><t>x</t></rPh></si>
</sst>)";
const char* kSheet =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c></row>
<row r="4"><c t="s"><v>1</v></c><c><v>0.5</v></c><c t="b"><v>1</v></c><c r="AA4"><v>45839</v></c></row>
</sheetData></worksheet>)";

std::string Zip(const std::map<std::string, std::string>& files) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  zip_source_keep(buffer);
  for (const auto& [name, text] : files) {
    zip_source_t* s = zip_source_buffer(zip, text.data(), text.size(), 0);
    zip_file_add(zip, name.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  zip_close(zip);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size), '\0');
  zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

std::map<std::string, std::string> Parts() {
  return {{"xl/workbook.xml", kWorkbook},
          {"xl/_rels/workbook.xml.rels", kRels},
          {"xl/strings.xml", kStrings},
          {"xl/worksheets/a.xml", kSheet}};
}

TEST(XlsxReaderTest, ReadsSharedInlineNumberAndBooleanCells) {
  auto sheets = ReadXlsx(Zip(Parts()));
  ASSERT_TRUE(sheets.ok()) << ToString(sheets.error());
  ASSERT_EQ(sheets->size(), 1u);
  const XlsxSheet& s = (*sheets)[0];
  EXPECT_EQ(s.name, "Thủ tục");
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(s.rows[0].At(0).text, "Mã thủ tục");
  EXPECT_TRUE(s.rows[0].At(1).empty());
  EXPECT_EQ(s.rows[0].At(2).text, "inline");
  EXPECT_EQ(s.rows[1].number, 4);
  EXPECT_EQ(s.rows[1].At(0).text, "Đăng ký khai sinh");  // phonetic run left out
  EXPECT_EQ(s.rows[1].At(1).type, XlsxCell::Type::kNumber);
  EXPECT_EQ(s.rows[1].At(1).text, "0.5");
  EXPECT_EQ(s.rows[1].At(2).type, XlsxCell::Type::kBool);
  EXPECT_EQ(s.rows[1].At(26).text, "45839");
  EXPECT_EQ(calendar::FormatDate(*ExcelSerialToDate(45839)), "2025-07-01");
}

TEST(XlsxReaderTest, RefusesWhatIsNotAWorkbook) {
  for (const std::string& body :
       {std::string(""), std::string("[{\"code\": 1}]"), std::string("PK\x03\x04garbage"),
        Zip({{"hello.txt", "hi"}}), Zip({{"xl/workbook.xml", "<workbook><sheets>"}}),
        Zip({{"xl/workbook.xml", "<!DOCTYPE x [<!ENTITY a \"b\">]><workbook/>"}})}) {
    auto read = ReadXlsx(body);
    ASSERT_FALSE(read.ok()) << body;
    EXPECT_EQ(read.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(read.error().reason, "malformed-xlsx");
    ASSERT_EQ(read.error().fields.size(), 1u);
    EXPECT_EQ(read.error().fields[0].field, "file");
  }
  auto parts = Parts();
  parts["xl/worksheets/a.xml"] =
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>9</v></c></row></sheetData></worksheet>)";
  auto missing = ReadXlsx(Zip(parts));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().fields[0].message.find("shared string"), std::string::npos);
}

TEST(XlsxReaderTest, LimitsBoundWhatIsRead) {
  XlsxLimits small;
  small.max_cells = 3;
  EXPECT_FALSE(ReadXlsx(Zip(Parts()), small).ok());
  small = {};
  small.max_part_bytes = 100;
  EXPECT_FALSE(ReadXlsx(Zip(Parts()), small).ok());
}

TEST(XlsxReaderTest, ReadsWhatTheWriterWrites) {
  auto w = XlsxWriter::Create();
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->AddSheet("Rà soát", {{"Loại"}, {"Số", 8, false}}).ok());
  ASSERT_TRUE((*w)->Text(2, 0, "  dấu cách\nhai dòng ").ok());
  ASSERT_TRUE((*w)->Number(2, 1, 2.5).ok());
  ASSERT_TRUE((*w)->Text(3, 0, std::string(40000, 'a')).ok() == false);
  auto bytes = (*w)->Finish();
  ASSERT_TRUE(bytes.ok());
  auto sheets = ReadXlsx(*bytes);
  ASSERT_TRUE(sheets.ok()) << ToString(sheets.error());
  ASSERT_EQ((*sheets)[0].rows.size(), 2u);
  EXPECT_EQ((*sheets)[0].rows[1].At(0).text, "  dấu cách\nhai dòng ");
  EXPECT_EQ((*sheets)[0].rows[1].At(1).text, "2.5");
  EXPECT_EQ(CellRef(27, 3), "AB3");
}

// Damaged workbooks (bytes flipped, cut short) are refused or read, never a crash: a seeded loop
// over mutations of a real workbook.
TEST(XlsxReaderTest, DamagedWorkbooksNeverCrash) {
  auto w = XlsxWriter::Create();
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->AddSheet("Thủ tục", {{"Mã thủ tục"}, {"Tên thủ tục"}}).ok());
  for (int r = 2; r < 40; ++r) {
    ASSERT_TRUE((*w)->Text(r, 0, "1.00" + std::to_string(1000 + r)).ok());
    ASSERT_TRUE((*w)->Text(r, 1, "Thủ tục số " + std::to_string(r)).ok());
  }
  auto bytes = (*w)->Finish();
  ASSERT_TRUE(bytes.ok());
  std::mt19937 rng(20251122);
  int refused = 0;
  for (int i = 0; i < 400; ++i) {
    std::string damaged = *bytes;
    if (i % 4 == 0) {
      damaged.resize(rng() % damaged.size());
    } else {
      for (int k = 0; k < 1 + i % 8; ++k) {
        damaged[rng() % damaged.size()] = static_cast<char>(rng());
      }
    }
    auto read = ReadXlsx(damaged);
    if (!read.ok()) {
      ++refused;
      EXPECT_EQ(read.error().code, ErrorCode::kInvalidArgument) << ToString(read.error());
    }
  }
  EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace motcua::catalog_io
