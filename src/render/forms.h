#pragma once

// The dossier forms of Circular 03/2025/TT-VPCP, Annex I, rendered as A4 PDF documents.
//
//   01 ReceiptSlip        Giấy tiếp nhận hồ sơ và hẹn trả kết quả
//   02 SupplementRequest  Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
//   03 Refusal            Phiếu từ chối tiếp nhận giải quyết hồ sơ
//   04 Apology            Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết
//   05 StopNotice         Thông báo dừng giải quyết hồ sơ
//   06 ControlSheet       Phiếu kiểm soát quá trình giải quyết hồ sơ
//   07 LogBook            Sổ theo dõi hồ sơ
//
// and for each struct X a function RenderX (RenderReceiptSlip, ..., RenderLogBook).
//
// The structs are plain values, filled by the caller (the dossier lifecycle) and independent of
// it. Strings are UTF-8 and printed as given: no case is changed, so headings the official forms
// print in capitals (Agency::parent and name, signers' titles) are supplied in capitals. Text is
// composed to NFC; invalid UTF-8 becomes U+FFFD. Instants are UTC and printed in Vietnam local
// time ("08 giờ 30 phút, ngày 15 tháng 7 năm 2025", "15/07/2025"); money in đồng
// ("1.250.000 đồng"). docs/forms.md maps every field to the official form.
//
// Every Render function returns the bytes of a PDF document (A4; form 07 in landscape), or
// kInvalidArgument naming the first missing or inconsistent field (Error::InvalidField), or
// kInternal when cairo or Pango fail. No exception leaves these functions.
//
// Thread-safety: every call builds its own Pango font map and cairo surface and shares nothing
// mutable, so the functions may run concurrently on any number of threads. The cost is that each
// call loads its fonts afresh (about 20 ms for a one-page form).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"

namespace motcua::render {

// The heading of every form: left, the issuing unit under its parent; right, the national motto
// and the place and date of issue.
struct Agency {
  // Tên cơ quan chủ quản: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"; may be empty.
  std::string parent{};
  // Tên cơ quan: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" (required).
  std::string name{};
  // Địa danh before the date: "Hải Phòng" in "Hải Phòng, ngày 15 tháng 7 năm 2025" (required).
  std::string place{};
};

// The person or organisation applying (tổ chức, cá nhân).
struct Applicant {
  std::string name{};       // required
  std::string id_number{};  // số định danh cá nhân / mã số doanh nghiệp; may be empty
  std::string address{};    // may be empty
  std::string phone{};      // may be empty
  std::string email{};      // may be empty
  std::string representative{};  // người được ủy quyền, when someone submits for the applicant
};

// One document of a dossier (thành phần hồ sơ) with its quantity: "01 bản chính".
struct Component {
  std::string name{};
  std::string quantity{};  // may be empty
};

// Form 01: given to the applicant when a complete dossier is received.
struct ReceiptSlip {
  Agency agency;
  std::string number{};          // số văn bản ("125/TNHS"); may be empty
  std::string dossier_code{};    // mã hồ sơ (required)
  std::string receiving_unit{};  // Bộ phận Một cửa that received it (required)
  Applicant applicant;
  std::string request{};  // nội dung yêu cầu giải quyết: the procedure's name (required)
  std::vector<Component> components{};
  int sets = 1;              // số lượng hồ sơ (bộ)
  std::string legal_time{};  // thời gian giải quyết theo quy định: "05 ngày làm việc" (required)
  Instant received_at = 0;                 // thời gian nhận hồ sơ (required: not 0)
  Instant due_at = 0;                      // thời gian trả kết quả (the appointment)
  std::string return_place{};              // đăng ký nhận kết quả tại (required)
  std::optional<std::int64_t> fee_dong{};  // phí, lệ phí; nullopt prints nothing
  std::string log_volume{};                // Sổ theo dõi hồ sơ, quyển số; may be empty
  int log_number = 0;                      // số thứ tự in the log book; 0 prints nothing
  // The public lookup link, printed and encoded as a QR code (required). Keep it short: a scan
  // at 150 dpi decodes links up to 500 bytes and fails at 800; a phone wants far fewer.
  std::string lookup_url{};
  std::string receiver_name{};  // người tiếp nhận hồ sơ
  std::string digital_signature{};  // "Ký số bởi ... lúc ..." for an electronic slip; may be empty
};

// Form 02: the dossier is incomplete; everything missing is listed at once.
struct SupplementRequest {
  Agency agency;
  std::string number{};        // số văn bản; may be empty
  Instant issued_at = 0;       // the date in the heading
  std::string dossier_code{};  // required
  Applicant applicant;
  std::string request{};             // required
  std::vector<std::string> items{};  // what to add or fix, numbered (at least one)
  std::string reason{};              // may be empty
  std::string contact_officer{};     // who answers questions; may be empty
  std::string contact_phone{};       // may be empty
  std::string officer_name{};        // người hướng dẫn, who signs
};

// Form 03: the dossier is not accepted, with the reason.
struct Refusal {
  Agency agency;
  std::string number{};          // số văn bản; may be empty
  Instant issued_at = 0;         // the date in the heading
  std::string dossier_code{};    // may be empty (a refused dossier may never get a code)
  std::string receiving_unit{};  // required
  Applicant applicant;
  std::string request{};  // required
  std::string reason{};   // required
  std::string officer_name{};
};

// Form 04: the result will be late; apology and the new appointment (set only once).
struct Apology {
  Agency agency;
  std::string number{};        // số văn bản; may be empty
  Instant issued_at = 0;       // the date in the heading
  std::string dossier_code{};  // required
  std::string competent_unit{};  // in running text: "Sở Tư pháp thành phố Hải Phòng" (required)
  Applicant applicant;
  std::string request{};  // required
  Instant received_at = 0;
  Instant original_due_at = 0;  // the appointment on form 01 (required: not 0)
  std::string reason{};         // required
  Instant new_due_at = 0;
  std::string head_title{};  // "GIÁM ĐỐC", "CHỦ TỊCH" (required)
  std::string head_name{};
  std::vector<std::string> recipients{};  // nơi nhận; may be empty
};

// Form 05: processing of the dossier is stopped.
struct StopNotice {
  Agency agency;
  std::string number{};          // số văn bản; may be empty
  Instant issued_at = 0;         // the date in the heading
  std::string dossier_code{};    // required
  std::string competent_unit{};  // in running text, as in Apology (required)
  Applicant applicant;
  std::string request{};  // required
  Instant received_at = 0;
  std::string reason{};    // required: "theo đề nghị rút hồ sơ của ông/bà ngày ..."
  std::string guidance{};  // what happens next (documents returned, ...); may be empty
  std::string signer_title{};  // "GIÁM ĐỐC" (required)
  std::string signer_name{};
  std::vector<std::string> recipients{};
};

// How a hand-over compares with the step's time in the workflow: early (before time), on time,
// late. The form prints "Trước hạn", "Đúng hạn", "Quá hạn".
enum class Timeliness { kEarly, kOnTime, kLate };

// One hand-over of the dossier between units (a row of form 06).
struct Handover {
  std::string from_unit{};
  std::string to_unit{};
  Instant at = 0;
  Timeliness timeliness = Timeliness::kOnTime;
  std::string handed_by{};  // who handed over, printed in the signature cell; may be empty
  std::string note{};
};

// Form 06: the control sheet, kept automatically by the system.
struct ControlSheet {
  Agency agency;
  std::string dossier_code{};  // required
  std::string request{};       // required
  std::string applicant_name{};
  Instant received_at = 0;
  Instant due_at = 0;
  std::string lead_unit{};                        // cơ quan giải quyết
  std::vector<std::string> coordinating_units{};  // cơ quan phối hợp; may be empty
  std::vector<Handover> handovers{};
};

// One row of form 07.
struct LogEntry {
  std::string dossier_code{};
  std::string procedure{};
  std::string applicant{};
  std::string address_phone{};  // "Phường Đông Hải, Hải Phòng; 0912 345 678"
  std::string lead_unit{};
  Instant received_at = 0;
  Instant due_at = 0;
  std::optional<Instant> returned_at{};  // nullopt: not returned yet
  std::string return_method{};  // "Trực tiếp", "Dịch vụ bưu chính", "Trực tuyến"
  std::string note{};
};

// Form 07: the log book of a service center, landscape, the header repeated on every page.
struct LogBook {
  Agency agency;
  std::string volume{};  // quyển số; may be empty
  std::string period{};  // "Năm 2025", "Tháng 7 năm 2025"; may be empty
  int first_number = 1;  // the STT of the first entry
  std::vector<LogEntry> entries{};
};

// The word the forms use for a timeliness: "Trước hạn", "Đúng hạn", "Quá hạn".
const char* TimelinessText(Timeliness t);

Result<std::string> RenderReceiptSlip(const ReceiptSlip& form);
Result<std::string> RenderSupplementRequest(const SupplementRequest& form);
Result<std::string> RenderRefusal(const Refusal& form);
Result<std::string> RenderApology(const Apology& form);
Result<std::string> RenderStopNotice(const StopNotice& form);
Result<std::string> RenderControlSheet(const ControlSheet& form);
Result<std::string> RenderLogBook(const LogBook& form);

}  // namespace motcua::render
