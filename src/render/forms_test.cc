// Forms 01-05 rendered with Vietnamese data and read back with pdftotext and zbarimg.
// With MOTCUA_RENDER_SAMPLE_DIR set, every rendered PDF (and the PNG of form 01) is kept there.

#include "render/forms.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "calendar/civil_time.h"
#include "render/test_util.h"

namespace motcua::render {
namespace {

using calendar::ToInstant;
using testing::KeepSample;
using testing::PdfPages;
using testing::PdfText;

constexpr const char* kLookupUrl =
    "https://dichvucong.haiphong.gov.vn/tra-cuu?ma=H26.45-250715-0012";

Agency WardCenter() {
  return {"ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HẢI", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Hải Phòng"};
}

Applicant Huong() {
  return {.name = "Nguyễn Thị Hương",
          .id_number = "031190012345",
          .address = "Số 12 ngõ 45 Lê Thánh Tông, Phường Đông Hải, thành phố Hải Phòng",
          .phone = "0912 345 678",
          .email = "huong.nguyen@example.vn",
          .representative = ""};
}

ReceiptSlip Slip() {
  ReceiptSlip f;
  f.agency = WardCenter();
  f.number = "125/TNHS";
  f.dossier_code = "H26.45-250715-0012";
  f.receiving_unit = "Trung tâm Phục vụ hành chính công phường Đông Hải";
  f.applicant = Huong();
  f.request = "Đăng ký kết hôn";
  f.components = {{"Tờ khai đăng ký kết hôn (theo mẫu)", "01 bản chính"},
                  {"Giấy xác nhận tình trạng hôn nhân của bên nữ", "01 bản chính"},
                  {"Căn cước của hai bên nam, nữ (xuất trình)", "Xuất trình"}};
  f.sets = 1;
  f.legal_time = "03 ngày làm việc";
  f.received_at = ToInstant({2025, 7, 15}, 8 * 3600 + 30 * 60);
  f.due_at = ToInstant({2025, 7, 18}, 8 * 3600 + 30 * 60);
  f.return_place = "Trung tâm Phục vụ hành chính công phường Đông Hải";
  f.fee_dong = 1250000;
  f.log_volume = "03/2025";
  f.log_number = 412;
  f.lookup_url = kLookupUrl;
  f.receiver_name = "Trần Văn Đức";
  return f;
}

TEST(ReceiptSlipTest, PrintsTheFieldsWithTheirDiacritics) {
  Result<std::string> pdf = RenderReceiptSlip(Slip());
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  KeepSample("01-giay-tiep-nhan.pdf", *pdf);
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  EXPECT_EQ(PdfPages(*pdf), 1);
  const std::string text = PdfText(*pdf);
  for (const char* expected : {
           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc",
           "ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HẢI",
           "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
           "Hải Phòng, ngày 15 tháng 7 năm 2025",
           "Mã hồ sơ: H26.45-250715-0012",
           "Nguyễn Thị Hương",
           "Phường Đông Hải",
           "Đăng ký kết hôn",
           "Giấy xác nhận tình trạng hôn nhân của bên nữ",
           "03 ngày làm việc",
           "08 giờ 30 phút, ngày 15 tháng 7 năm 2025",
           "08 giờ 30 phút, ngày 18 tháng 7 năm 2025",
           "1.250.000 đồng",
           "Quyển số: 03/2025, Số thứ tự: 412",
           "NGƯỜI TIẾP NHẬN HỒ SƠ",
           "Trần Văn Đức",
       }) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n in: " << text;
  }
}

TEST(ReceiptSlipTest, EmbedsNotoSerif) {
  // Without fonts-noto-core fontconfig would substitute another font silently.
  Result<std::string> pdf = RenderReceiptSlip(Slip());
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  testing::TempFile file(".pdf");
  testing::WriteFile(file.path(), *pdf);
  const std::string fonts = testing::Run("pdffonts '" + file.path() + "'");
  for (const char* face : {"NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic"}) {
    EXPECT_NE(fonts.find(face), std::string::npos) << face << "\n" << fonts;
  }
}

TEST(ReceiptSlipTest, QrCodeOpensTheLookup) {
  Result<std::string> pdf = RenderReceiptSlip(Slip());
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  testing::TempFile png(".png");
  EXPECT_EQ(testing::DecodeQr(*pdf, png.path()), kLookupUrl);
  if (const char* dir = std::getenv("MOTCUA_RENDER_SAMPLE_DIR")) {
    std::filesystem::copy_file(png.path(), std::filesystem::path(dir) / "01-giay-tiep-nhan.png",
                               std::filesystem::copy_options::overwrite_existing);
  }
}

TEST(ReceiptSlipTest, SameFormSameBytes) {
  // The creation date is the form's date, not the system clock's.
  Result<std::string> first = RenderReceiptSlip(Slip());
  Result<std::string> second = RenderReceiptSlip(Slip());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_TRUE(*first == *second);
  testing::TempFile file(".pdf");
  testing::WriteFile(file.path(), *first);
  const std::string info = testing::Run("pdfinfo -isodates '" + file.path() + "'");
  EXPECT_NE(info.find("Giấy tiếp nhận hồ sơ và hẹn trả kết quả H26.45-250715-0012"),
            std::string::npos)
      << info;
  EXPECT_NE(info.find("CreationDate:    2025-07-15T01:30:00Z"), std::string::npos) << info;
}

TEST(ReceiptSlipTest, MissingFieldsAreNamed) {
  ReceiptSlip f = Slip();
  f.dossier_code.clear();
  Result<std::string> pdf = RenderReceiptSlip(f);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(pdf.error().fields.size(), 1u);
  EXPECT_EQ(pdf.error().fields[0].field, "dossier_code");

  f = Slip();
  f.lookup_url = std::string(8000, 'x');  // more than a QR code holds
  pdf = RenderReceiptSlip(f);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.error().code, ErrorCode::kInvalidArgument);
}

TEST(ReceiptSlipTest, MarkupInValuesIsPrintedAsText) {
  ReceiptSlip f = Slip();
  f.applicant.name = "Công ty TNHH <Hải & Sơn>";
  Result<std::string> pdf = RenderReceiptSlip(f);
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  EXPECT_NE(PdfText(*pdf).find("Công ty TNHH <Hải & Sơn>"), std::string::npos);
}

TEST(ReceiptSlipTest, DecomposedInputIsPrintedComposed) {
  ReceiptSlip f = Slip();
  gchar* nfd = g_utf8_normalize("Nguyễn Thị Hương", -1, G_NORMALIZE_NFD);
  f.applicant.name = nfd;
  g_free(nfd);
  ASSERT_NE(f.applicant.name, "Nguyễn Thị Hương");
  Result<std::string> pdf = RenderReceiptSlip(f);
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  // No normalisation on the reading side: the PDF's own text layer is NFC.
  EXPECT_NE(testing::PdfRawText(*pdf).find("Nguyễn Thị Hương"), std::string::npos);
}

TEST(ReceiptSlipTest, InvalidUtf8IsReplacedNotFatal) {
  ReceiptSlip f = Slip();
  f.applicant.name = "Nguy\xff\xfe Thị Hương";
  Result<std::string> pdf = RenderReceiptSlip(f);
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  EXPECT_NE(PdfText(*pdf).find("Thị Hương"), std::string::npos);
}

TEST(SupplementRequestTest, ListsEverythingMissing) {
  SupplementRequest f;
  f.agency = WardCenter();
  f.number = "37/YCBS";
  f.issued_at = ToInstant({2025, 7, 16}, 9 * 3600);
  f.dossier_code = "H26.45-250715-0012";
  f.applicant = Huong();
  f.request = "Đăng ký kết hôn";
  f.items = {"Giấy xác nhận tình trạng hôn nhân còn thời hạn sử dụng (cấp trong vòng 6 tháng)",
             "Bản sao trích lục ghi chú ly hôn của bên nam"};
  f.reason = "Giấy xác nhận tình trạng hôn nhân đã hết hạn sử dụng.";
  f.contact_officer = "ông Trần Văn Đức";
  f.contact_phone = "0225 3842 111";
  f.officer_name = "Trần Văn Đức";
  Result<std::string> pdf = RenderSupplementRequest(f);
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  KeepSample("02-yeu-cau-bo-sung.pdf", *pdf);
  const std::string text = PdfText(*pdf);
  for (const char* expected :
       {"PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Hải Phòng, ngày 16 tháng 7 năm 2025",
        "Hồ sơ của: Nguyễn Thị Hương", "1. Giấy xác nhận tình trạng hôn nhân còn thời hạn",
        "2. Bản sao trích lục ghi chú ly hôn của bên nam", "Lý do: Giấy xác nhận",
        "ông Trần Văn Đức, số điện thoại 0225 3842 111", "NGƯỜI HƯỚNG DẪN"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n in: " << text;
  }
  f.items.clear();
  EXPECT_FALSE(RenderSupplementRequest(f).ok());
}

TEST(RefusalTest, GivesTheReason) {
  Refusal f;
  f.agency = WardCenter();
  f.issued_at = ToInstant({2025, 7, 15}, 10 * 3600);
  f.receiving_unit = "Trung tâm Phục vụ hành chính công phường Đông Hải";
  f.applicant = Huong();
  f.request = "Đăng ký khai sinh";
  f.reason =
      "Thủ tục thuộc thẩm quyền của Ủy ban nhân dân nơi cư trú của người mẹ ở tỉnh Quảng Ninh.";
  f.officer_name = "Lê Thu Hà";
  Result<std::string> pdf = RenderRefusal(f);
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  KeepSample("03-tu-choi.pdf", *pdf);
  const std::string text = PdfText(*pdf);
  for (const char* expected : {"PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Đăng ký khai sinh",
                               "người mẹ ở tỉnh Quảng Ninh", "Lê Thu Hà"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n in: " << text;
  }
  EXPECT_EQ(text.find("Mã hồ sơ"), std::string::npos);  // no code was given
}

TEST(ApologyTest, GivesTheNewAppointment) {
  Apology f;
  f.agency = {"ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Hải Phòng"};
  f.number = "1520/SNNMT-VP";
  f.issued_at = ToInstant({2025, 8, 20}, 14 * 3600);
  f.dossier_code = "H26.21-250801-0107";
  f.competent_unit = "Sở Nông nghiệp và Môi trường thành phố Hải Phòng";
  f.applicant = Huong();
  f.request = "Đăng ký biến động quyền sử dụng đất";
  f.received_at = ToInstant({2025, 8, 1}, 15 * 3600);
  f.original_due_at = ToInstant({2025, 8, 22}, 17 * 3600);
  f.reason = "Cần xác minh thêm nguồn gốc thửa đất tại Ủy ban nhân dân xã Kiến Thụy.";
  f.new_due_at = ToInstant({2025, 8, 29}, 16 * 3600 + 30 * 60);
  f.head_title = "GIÁM ĐỐC";
  f.head_name = "Phạm Quốc Hưng";
  f.recipients = {"Như trên", "Trung tâm Phục vụ hành chính công thành phố", "Lưu: VT"};
  Result<std::string> pdf = RenderApology(f);
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  KeepSample("04-xin-loi.pdf", *pdf);
  const std::string text = PdfText(*pdf);
  for (const char* expected :
       {"PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Kính gửi: Nguyễn Thị Hương",
        "17 giờ 00 phút, ngày 22 tháng 8 năm 2025", "16 giờ 30 phút, ngày 29 tháng 8 năm 2025",
        "xã Kiến Thụy", "GIÁM ĐỐC", "Phạm Quốc Hưng", "Nơi nhận:", "Lưu: VT"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n in: " << text;
  }
  f.new_due_at = f.original_due_at;
  EXPECT_FALSE(RenderApology(f).ok());
}

TEST(StopNoticeTest, GivesTheReason) {
  StopNotice f;
  f.agency = WardCenter();
  f.number = "08/TB-TTPVHCC";
  f.issued_at = ToInstant({2025, 7, 17}, 9 * 3600);
  f.dossier_code = "H26.45-250715-0012";
  f.competent_unit = "Ủy ban nhân dân phường Đông Hải";
  f.applicant = Huong();
  f.request = "Đăng ký kết hôn";
  f.received_at = ToInstant({2025, 7, 15}, 8 * 3600 + 30 * 60);
  f.reason = "Theo đề nghị rút hồ sơ của Ông/Bà ngày 16/07/2025.";
  f.guidance = "Ông/Bà nhận lại các giấy tờ đã nộp tại Trung tâm Phục vụ hành chính công phường.";
  f.signer_title = "CHỦ TỊCH";
  f.signer_name = "Vũ Thị Lan";
  Result<std::string> pdf = RenderStopNotice(f);
  ASSERT_TRUE(pdf.ok()) << ToString(pdf.error());
  KeepSample("05-dung-giai-quyet.pdf", *pdf);
  const std::string text = PdfText(*pdf);
  for (const char* expected :
       {"THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Ngày 15/07/2025",
        "rút hồ sơ của Ông/Bà ngày 16/07/2025", "nhận lại các giấy tờ", "CHỦ TỊCH", "Vũ Thị Lan"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n in: " << text;
  }
}

}  // namespace
}  // namespace motcua::render
