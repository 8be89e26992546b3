// The layout engine: page breaks inside paragraphs and tables, and rendering on many threads.

#include "render/internal/pdf_page.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "calendar/civil_time.h"
#include "render/forms.h"
#include "render/test_util.h"

namespace motcua::render {
namespace {

using testing::KeepSample;
using testing::PdfPages;
using testing::PdfText;

TEST(PdfDocumentTest, LongParagraphContinuesOnTheNextPage) {
  auto doc = PdfDocument::Create(Orientation::kPortrait);
  ASSERT_TRUE(doc.ok()) << ToString(doc.error());
  std::string text;
  for (int i = 1; i <= 400; ++i) text += "Câu thứ " + std::to_string(i) + " của đoạn văn dài. ";
  (*doc)->Paragraph(Escape(text), {});
  Result<std::string> pdf = (*doc)->Finish();
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  EXPECT_GT(PdfPages(*pdf), 1);
  const std::string read = PdfText(*pdf);
  EXPECT_NE(read.find("Câu thứ 1 của đoạn văn dài."), std::string::npos);
  EXPECT_NE(read.find("Câu thứ 400 của đoạn văn dài."), std::string::npos);
}

TEST(PdfDocumentTest, TableRowsMoveToTheNextPageWhole) {
  auto doc = PdfDocument::Create(Orientation::kPortrait);
  ASSERT_TRUE(doc.ok()) << ToString(doc.error());
  std::vector<std::vector<std::string>> rows;
  for (int i = 1; i <= 80; ++i) rows.push_back({std::to_string(i), "Dòng số " + std::to_string(i)});
  (*doc)->Table({{"STT", 1, Align::kCenter}, {"Nội dung", 5, Align::kLeft}}, rows, 11);
  Result<std::string> pdf = (*doc)->Finish();
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  const int pages = PdfPages(*pdf);
  EXPECT_GT(pages, 1);
  const std::string read = PdfText(*pdf);
  EXPECT_NE(read.find("Dòng số 80"), std::string::npos);
  std::size_t headers = 0;
  for (std::size_t at = read.find("Nội dung"); at != std::string::npos;
       at = read.find("Nội dung", at + 1)) {
    ++headers;
  }
  EXPECT_EQ(headers, static_cast<std::size_t>(pages));
}

TEST(PdfDocumentTest, RowTallerThanAPageIsSplitBetweenLines) {
  auto doc = PdfDocument::Create(Orientation::kPortrait);
  ASSERT_TRUE(doc.ok()) << ToString(doc.error());
  std::string note;
  for (int i = 1; i <= 150; ++i) note += "Ghi chú dòng " + std::to_string(i) + "\n";
  (*doc)->Table({{"STT", 1, Align::kCenter}, {"Nội dung", 5, Align::kLeft}},
                {{"1", "Dòng đầu"}, {"2", note}, {"3", "Dòng cuối"}}, 11);
  Result<std::string> pdf = (*doc)->Finish();
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  const int pages = PdfPages(*pdf);
  EXPECT_GE(pages, 3);
  const std::string read = PdfText(*pdf);
  for (const char* expected : {"Dòng đầu", "Ghi chú dòng 1 ", "Ghi chú dòng 150", "Dòng cuối"}) {
    EXPECT_NE(read.find(expected), std::string::npos) << expected;
  }
  std::size_t headers = 0;
  for (std::size_t at = read.find("Nội dung"); at != std::string::npos;
       at = read.find("Nội dung", at + 1)) {
    ++headers;
  }
  EXPECT_EQ(headers, static_cast<std::size_t>(pages));
}

ReceiptSlip ManyComponents(int count) {
  ReceiptSlip f;
  f.agency = {"ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
              "Hải Phòng"};
  f.dossier_code = "H26-250715-0001";
  f.receiving_unit = "Trung tâm Phục vụ hành chính công thành phố";
  f.applicant.name = "Công ty TNHH Thương mại Đông Hải";
  f.request = "Cấp giấy phép xây dựng";
  for (int i = 1; i <= count; ++i) {
    f.components.push_back({"Bản vẽ thiết kế số " + std::to_string(i), "01 bản sao"});
  }
  f.legal_time = "15 ngày";
  f.received_at = calendar::ToInstant({2025, 7, 15}, 14 * 3600);
  f.due_at = calendar::ToInstant({2025, 8, 5}, 14 * 3600);
  f.return_place = "Trung tâm Phục vụ hành chính công thành phố";
  f.lookup_url = "https://dichvucong.haiphong.gov.vn/tra-cuu?ma=H26-250715-0001";
  return f;
}

TEST(PdfDocumentTest, LongReceiptSlipRunsOverPages) {
  Result<std::string> pdf = RenderReceiptSlip(ManyComponents(40));
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  KeepSample("01-giay-tiep-nhan-dai.pdf", *pdf);
  EXPECT_EQ(PdfPages(*pdf), 2);
  const std::string read = PdfText(*pdf);
  EXPECT_NE(read.find("Bản vẽ thiết kế số 40"), std::string::npos);
  EXPECT_NE(read.find("NGƯỜI TIẾP NHẬN HỒ SƠ"), std::string::npos);
}

// Each call owns its font map, so concurrent renders share no Pango state.
TEST(PdfDocumentTest, RendersOnManyThreads) {
  constexpr int kThreads = 4;
  std::vector<std::string> outputs(kThreads);
  std::vector<bool> ok(kThreads, false);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &outputs, &ok] {
      Result<std::string> pdf = RenderReceiptSlip(ManyComponents(3 + t));
      ok[t] = pdf.ok();
      if (pdf.ok()) outputs[t] = std::move(*pdf);
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_TRUE(ok[t]) << t;
    EXPECT_NE(PdfText(outputs[t]).find("Bản vẽ thiết kế số " + std::to_string(3 + t)),
              std::string::npos);
  }
}

}  // namespace
}  // namespace motcua::render
