// Reports as landscape tables: the text survives with its diacritics, long tables run over
// pages numbered, and a malformed sheet names its field.

#include "render/report_sheet.h"

#include <gtest/gtest.h>

#include "render/test_util.h"

namespace motcua::render {
namespace {

using testing::KeepSample;
using testing::PdfPages;
using testing::PdfText;

ReportSheet Sheet(int rows) {
  ReportSheet s;
  s.agency = {"Ủy ban nhân dân tỉnh Sơn Hà", "Sở Tư pháp", ""};
  s.title = "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
  s.subtitle = "Kỳ báo cáo: Quý I năm 2026";
  s.lines = {"Đơn vị: Sở Tư pháp (H99.02), gồm các đơn vị trực thuộc"};
  ReportSection section;
  section.heading = "I. Theo lĩnh vực";
  section.columns = {{"STT", 0.5, true},
                     {"Lĩnh vực", 3, false},
                     {"Tổng số", 1, true},
                     {"Trước hạn", 1, true},
                     {"Quá hạn", 1, true}};
  const char* fields[] = {"Hộ tịch", "Chứng thực", "Đất đai", "Quốc tịch"};
  for (int i = 0; i < rows; ++i) {
    section.rows.push_back(
        {std::to_string(i + 1), fields[i % 4], std::to_string(10 + i), std::to_string(i), "1"});
  }
  section.rows.push_back({"", "Tổng cộng", "42"});  // a short row is padded
  s.sections.push_back(section);
  s.notes = {"Số liệu tính đến 00 giờ 00 phút, ngày 01 tháng 4 năm 2026."};
  return s;
}

TEST(ReportSheetTest, TextKeepsItsDiacritics) {
  Result<std::string> pdf = RenderReportSheet(Sheet(4));
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  KeepSample("bao-cao.pdf", *pdf);
  EXPECT_EQ(PdfPages(*pdf), 1);
  const std::string text = PdfText(*pdf);
  for (const char* expected :
       {"ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "SỞ TƯ PHÁP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "Kỳ báo cáo: Quý I năm 2026",
        "I. Theo lĩnh vực", "Hộ tịch", "Chứng thực", "Đất đai", "Quốc tịch", "Tổng cộng",
        "Số liệu tính đến 00 giờ 00 phút"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n in: " << text;
  }
}

TEST(ReportSheetTest, LongTablesRunOverNumberedPages) {
  Result<std::string> pdf = RenderReportSheet(Sheet(80));
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  const int pages = PdfPages(*pdf);
  EXPECT_GE(pages, 2);
  const std::string text = PdfText(*pdf);
  EXPECT_NE(text.find("Trang 2/" + std::to_string(pages)), std::string::npos) << text;
  EXPECT_NE(text.find("80 Quốc tịch 89 79 1"), std::string::npos);  // the last row, whole
}

TEST(ReportSheetTest, AMalformedSheetNamesItsField) {
  ReportSheet s = Sheet(1);
  s.sections[0].rows.push_back({"1", "2", "3", "4", "5", "6"});
  Result<std::string> pdf = RenderReportSheet(s);
  ASSERT_FALSE(pdf.ok());
  ASSERT_EQ(pdf.error().fields.size(), 1u);
  EXPECT_EQ(pdf.error().fields[0].field, "sections[0].rows[2]");
  s = Sheet(1);
  s.title.clear();
  pdf = RenderReportSheet(s);
  ASSERT_FALSE(pdf.ok());
  ASSERT_EQ(pdf.error().fields.size(), 1u);
  EXPECT_EQ(pdf.error().fields[0].field, "title");
}

}  // namespace
}  // namespace motcua::render
