// Forms 06 and 07: tables that break across pages.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "calendar/civil_time.h"
#include "render/forms.h"
#include "render/test_util.h"

namespace motcua::render {
namespace {

using calendar::ToInstant;
using testing::KeepSample;
using testing::PdfPages;
using testing::PdfText;

TEST(ControlSheetTest, OneRowPerHandover) {
  ControlSheet f;
  f.agency = {"ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HẢI", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Hải Phòng"};
  f.dossier_code = "H26.45-250715-0012";
  f.request = "Đăng ký kết hôn";
  f.applicant_name = "Nguyễn Thị Hương";
  f.received_at = ToInstant({2025, 7, 15}, 8 * 3600 + 30 * 60);
  f.due_at = ToInstant({2025, 7, 18}, 8 * 3600 + 30 * 60);
  f.lead_unit = "Ủy ban nhân dân phường Đông Hải";
  f.coordinating_units = {"Công an phường Đông Hải"};
  f.handovers = {
      {"Trung tâm Phục vụ hành chính công", "Phòng Văn hóa - Xã hội",
       ToInstant({2025, 7, 15}, 9 * 3600), Timeliness::kEarly, "Phạm Minh Tuấn", ""},
      {"Phòng Văn hóa - Xã hội", "Lãnh đạo Ủy ban nhân dân phường",
       ToInstant({2025, 7, 17}, 10 * 3600 + 15 * 60), Timeliness::kOnTime, "", ""},
      {"Lãnh đạo Ủy ban nhân dân phường", "Trung tâm Phục vụ hành chính công",
       ToInstant({2025, 7, 18}, 14 * 3600), Timeliness::kLate, "", "Chờ ký số"},
  };
  Result<std::string> pdf = RenderControlSheet(f);
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  KeepSample("06-kiem-soat.pdf", *pdf);
  EXPECT_EQ(PdfPages(*pdf), 1);
  const std::string text = PdfText(*pdf);
  for (const char* expected :
       {"PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Phòng Văn hóa", "09:00 15/07/2025",
        "10:15 17/07/2025", "Trước hạn", "Đúng hạn", "Quá hạn", "Chờ ký số", "Phạm Minh Tuấn",
        "Công an phường Đông Hải"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n in: " << text;
  }
}

LogBook LongLogBook(int rows) {
  LogBook f;
  f.agency = {"ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HẢI", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Hải Phòng"};
  f.volume = "03/2025";
  f.period = "Tháng 7 năm 2025";
  const char* procedures[] = {"Đăng ký kết hôn", "Đăng ký khai sinh",
                              "Chứng thực bản sao từ bản chính giấy tờ, văn bản"};
  const char* names[] = {"Nguyễn Thị Hương", "Trần Văn Đức", "Lê Thị Ngọc Ánh"};
  for (int i = 0; i < rows; ++i) {
    LogEntry e;
    e.dossier_code = "H26.45-250715-" +
                     std::string(i < 9    ? "000"
                                 : i < 99 ? "00"
                                          : "0") +
                     std::to_string(i + 1);
    e.procedure = procedures[i % 3];
    e.applicant = names[i % 3];
    e.address_phone = "Phường Đông Hải, Hải Phòng; 0912 345 " + std::to_string(100 + i);
    e.lead_unit = "Ủy ban nhân dân phường Đông Hải";
    e.received_at = ToInstant({2025, 7, 15}, 8 * 3600 + i * 60);
    e.due_at = ToInstant({2025, 7, 18}, 8 * 3600 + i * 60);
    if (i % 2 == 0) e.returned_at = ToInstant({2025, 7, 17}, 15 * 3600);
    e.return_method = i % 2 == 0 ? "Trực tiếp" : "";
    f.entries.push_back(std::move(e));
  }
  return f;
}

TEST(LogBookTest, LongBookRunsOverPagesWithTheHeaderRepeated) {
  Result<std::string> pdf = RenderLogBook(LongLogBook(120));
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  KeepSample("07-so-theo-doi.pdf", *pdf);
  const int pages = PdfPages(*pdf);
  EXPECT_GT(pages, 1);
  const std::string text = PdfText(*pdf);
  EXPECT_NE(text.find("SỔ THEO DÕI HỒ SƠ"), std::string::npos);
  EXPECT_NE(text.find("Tháng 7 năm 2025 - Quyển số: 03/2025"), std::string::npos);
  EXPECT_NE(text.find("H26.45-250715-0001"), std::string::npos);
  EXPECT_NE(text.find("H26.45-250715-0120"), std::string::npos);
  EXPECT_NE(text.find("Trần Văn Đức"), std::string::npos);
  // The header row is printed once per page.
  std::size_t headers = 0;
  for (std::size_t at = text.find("Cơ quan chủ trì"); at != std::string::npos;
       at = text.find("Cơ quan chủ trì", at + 1)) {
    ++headers;
  }
  EXPECT_EQ(headers, static_cast<std::size_t>(pages));
  const std::string total = std::to_string(pages);
  EXPECT_NE(text.find("Trang 1/" + total), std::string::npos);
  EXPECT_NE(text.find("Trang " + total + "/" + total), std::string::npos);
}

TEST(LogBookTest, EmptyBookIsOnePage) {
  Result<std::string> pdf = RenderLogBook(LongLogBook(0));
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  EXPECT_EQ(PdfPages(*pdf), 1);
}

}  // namespace
}  // namespace motcua::render
