#include "catalog_io/xlsx_sheets.h"

namespace motcua::catalog_io::internal {
namespace {

using K = CellKind;

const ColumnSpec kCode{"Mã thủ tục", kKeyCode, K::kText, 24};
const ColumnSpec kVersion{"Phiên bản", kKeyVersion, K::kNumber, 10};

std::vector<ColumnSpec> Keyed(std::vector<ColumnSpec> columns) {
  columns.insert(columns.begin(), {kCode, kVersion});
  return columns;
}

}  // namespace

const std::vector<SheetSpec>& CatalogSheets() {
  static const std::vector<SheetSpec> kSheets = {
      {"Thủ tục",
       SheetShape::kRecord,
       "",
       "",
       {{"Mã thủ tục", "code", K::kText, 24},
        {"Phiên bản", "version.number", K::kNumber, 10},
        {"Trạng thái", "version.state", K::kText, 12},
        {"Tên thủ tục", "name", K::kText, 48},
        {"Cấp thực hiện", "level", K::kText, 14},
        {"Lĩnh vực", "field", K::kText, 24},
        {"Mã lĩnh vực", "field_code", K::kText, 14},
        {"Cơ quan có thẩm quyền", "competent_units", K::kList, 18},
        {"Cơ quan tiếp nhận", "receiving_units", K::kList, 18},
        {"Cơ quan phối hợp", "coordinating_units", K::kList, 18},
        {"Trình tự thực hiện", "steps", K::kText, 48},
        {"Đối tượng thực hiện", "subjects", K::kList, 24},
        {"Yêu cầu, điều kiện", "requirements", K::kText, 36},
        {"Mức độ trực tuyến", "online_level", K::kText, 12},
        {"Chỉ trực tuyến", "online_only", K::kBool, 10},
        {"Phi địa giới", "location_independent", K::kBool, 10},
        {"Giờ chốt tiếp nhận", "cutoff", K::kText, 12},
        {"Khi bổ sung hồ sơ", "supplement_mode", K::kText, 16},
        {"Quyết định công bố", "version.published.number", K::kText, 18},
        {"Ngày hiệu lực", "version.published.date", K::kDate, 12},
        {"Quyết định kết thúc", "version.ended.number", K::kText, 18},
        {"Ngày kết thúc", "version.ended.date", K::kDate, 12},
        {"Thay thế bởi", "version.replaced_by", K::kText, 16},
        {"Hết hiệu lực từ", "version.expires", K::kDate, 12},
        {"Quyết định nguồn", "decision.number", K::kText, 18},
        {"Ngày quyết định nguồn", "decision.date", K::kDate, 12},
        {"Từ khóa", "keywords", K::kList, 24},
        {"Nguồn", "source", K::kText, 48}}},
      {"Cách thức", SheetShape::kChannel, "", "",
       Keyed({{"Cách thức", kKeyChannel, K::kText, 12},
              {"Thời hạn", "time.amount", K::kNumber, 10},
              {"Đơn vị thời hạn", "time.unit", K::kText, 16},
              {"Thời hạn (nguyên văn)", "time.text", K::kText, 36},
              {"Mô tả", "description", K::kText, 36}})},
      {"Phí, lệ phí", SheetShape::kFee, "", "",
       Keyed({{"Cách thức", kKeyChannel, K::kText, 12},
              {"Loại", "type", K::kText, 10},
              {"Số tiền (đồng)", "amount_vnd", K::kNumber, 14},
              {"Mô tả", "description", K::kText, 36}})},
      {"Trường hợp", SheetShape::kIndexed, "cases", "",
       Keyed({{"STT trường hợp", kKeyIndex, K::kNumber, 10},
              {"Mã trường hợp", "code", K::kText, 14},
              {"Tên trường hợp", "name", K::kText, 48}})},
      {"Thành phần", SheetShape::kNested, "cases", "components",
       Keyed({{"STT trường hợp", kKeyIndex, K::kNumber, 10},
              {"Mã thành phần", "code", K::kText, 14},
              {"Tên giấy tờ", "name", K::kText, 48},
              {"Bản chính", "original_qty", K::kNumber, 10},
              {"Bản sao", "copy_qty", K::kNumber, 10},
              {"Bắt buộc", "requirement", K::kText, 12},
              {"Điều kiện", "condition", K::kText, 30},
              {"Mã mẫu đơn", "form_code", K::kText, 14},
              {"Lấy từ kho dữ liệu", "reusable_from_data_store", K::kBool, 10}})},
      {"Căn cứ pháp lý", SheetShape::kList, "legal_basis", "",
       Keyed({{"Số hiệu", "number", K::kText, 18},
              {"Trích yếu", "summary", K::kText, 48},
              {"Ngày ban hành", "date", K::kDate, 12},
              {"Cơ quan ban hành", "issuer", K::kText, 24}})},
      {"Kết quả", SheetShape::kList, "outcomes", "",
       Keyed({{"Mã kết quả", "code", K::kText, 14}, {"Tên kết quả", "name", K::kText, 48}})},
      {"Cơ quan nguồn", SheetShape::kList, "agencies", "",
       Keyed({{"Vai trò", "role", K::kText, 14},
              {"Mã cơ quan", "code", K::kText, 16},
              {"Tên cơ quan", "name", K::kText, 40}})},
      {"Ghi chú nhập liệu", SheetShape::kList, "import_notes", "",
       Keyed({{"Trường", "path", K::kText, 28},
              {"Mức tin cậy", "confidence", K::kText, 12},
              {"Nội dung nguồn", "text", K::kText, 36},
              {"Ghi chú", "note", K::kText, 48}})},
      {"Quy trình", SheetShape::kIndexed, "workflows", "",
       Keyed({{"STT quy trình", kKeyIndex, K::kNumber, 10},
              {"Áp dụng cho cách thức", "channels", K::kList, 16}})},
      {"Bước xử lý", SheetShape::kNested, "workflows", "steps",
       Keyed({{"STT quy trình", kKeyIndex, K::kNumber, 10},
              {"Mã bước", "id", K::kText, 10},
              {"Loại bước", "kind", K::kText, 14},
              {"Tên bước", "name", K::kText, 36},
              {"Đơn vị", "unit", K::kText, 12},
              {"Vai trò", "role", K::kText, 16},
              {"Số giờ", "budget_hours", K::kNumber, 8},
              {"Tính vào thời hạn", "counted", K::kBool, 10},
              {"Được tạm dừng", "pausable", K::kBool, 10},
              {"Bước tiếp theo", "next", K::kList, 12},
              {"Quay lại", "back", K::kList, 12}})},
  };
  return kSheets;
}

}  // namespace motcua::catalog_io::internal
