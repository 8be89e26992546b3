// Every form rejects an empty struct, naming the first missing field; none throws.

#include <gtest/gtest.h>

#include <functional>

#include "render/forms.h"

namespace motcua::render {
namespace {

TEST(ValidationTest, EmptyFormsNameTheirFirstMissingField) {
  struct Case {
    const char* form;
    std::function<Result<std::string>()> render;
    const char* field;
  } cases[] = {
      {"01", [] { return RenderReceiptSlip({}); }, "agency.name"},
      {"02", [] { return RenderSupplementRequest({}); }, "agency.name"},
      {"03", [] { return RenderRefusal({}); }, "agency.name"},
      {"04", [] { return RenderApology({}); }, "agency.name"},
      {"05", [] { return RenderStopNotice({}); }, "agency.name"},
      {"06", [] { return RenderControlSheet({}); }, "agency.name"},
      {"07", [] { return RenderLogBook({}); }, "agency.name"},
  };
  for (const Case& c : cases) {
    Result<std::string> pdf = c.render();
    ASSERT_FALSE(pdf.ok()) << c.form;
    EXPECT_EQ(pdf.error().code, ErrorCode::kInvalidArgument) << c.form;
    ASSERT_EQ(pdf.error().fields.size(), 1u) << c.form;
    EXPECT_EQ(pdf.error().fields[0].field, c.field) << c.form;
  }
}

TEST(ValidationTest, LogBookEntriesNeedACode) {
  LogBook book;
  book.agency = {"", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Hải Phòng"};
  book.entries.resize(3);
  book.entries[0].dossier_code = "H26-250715-0001";
  book.entries[1].dossier_code = "H26-250715-0002";
  Result<std::string> pdf = RenderLogBook(book);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.error().fields[0].field, "entries[2].dossier_code");
}

TEST(ValidationTest, ReceiptSlipTimesMustBeInOrder) {
  ReceiptSlip f;
  f.agency = {"", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Hải Phòng"};
  f.dossier_code = "H26-250715-0001";
  f.receiving_unit = "Trung tâm Phục vụ hành chính công";
  f.applicant.name = "Nguyễn Thị Hương";
  f.request = "Đăng ký kết hôn";
  f.legal_time = "03 ngày làm việc";
  f.return_place = "Trung tâm Phục vụ hành chính công";
  f.lookup_url = "https://dichvucong.haiphong.gov.vn/tra-cuu?ma=H26-250715-0001";
  EXPECT_EQ(RenderReceiptSlip(f).error().fields[0].field, "received_at");
  f.received_at = 1752546600;
  f.due_at = f.received_at - 60;
  EXPECT_EQ(RenderReceiptSlip(f).error().fields[0].field, "due_at");
  f.due_at = f.received_at + 3 * 86400;
  EXPECT_TRUE(RenderReceiptSlip(f).ok());
}

}  // namespace
}  // namespace motcua::render
