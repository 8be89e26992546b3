#include "delivery/message_text.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "calendar/civil_time.h"

namespace motcua::delivery {
namespace {

struct Wording {
  const char* kind;
  const char* subject;  // "%s": the dossier code
  const char* body;
};

// Applicant notifications (app/dossier_internal.cc Notify) and unit alerts (app/background.h).
constexpr Wording kWordings[] = {
    {"received", "Hồ sơ %s đã được tiếp nhận",
     "Hồ sơ %s của ông/bà đã được tiếp nhận. Ông/bà có thể tra cứu tình trạng giải quyết bằng mã "
     "hồ sơ và mã tra cứu trên phiếu tiếp nhận."},
    {"supplement", "Hồ sơ %s cần bổ sung, hoàn thiện",
     "Hồ sơ %s của ông/bà cần bổ sung, hoàn thiện theo phiếu yêu cầu bổ sung (mẫu 02). Đề nghị "
     "ông/bà bổ sung đầy đủ giấy tờ trong thời hạn quy định."},
    {"refused", "Hồ sơ %s không được tiếp nhận",
     "Hồ sơ %s của ông/bà không được tiếp nhận. Lý do được ghi trên phiếu từ chối (mẫu 03)."},
    {"result-ready", "Đã có kết quả giải quyết hồ sơ %s",
     "Hồ sơ %s của ông/bà đã có kết quả. Đề nghị ông/bà đến nhận kết quả theo phiếu hẹn hoặc "
     "theo hình thức đã đăng ký."},
    {"apology", "Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ %s",
     "Cơ quan giải quyết xin lỗi ông/bà vì hồ sơ %s chưa được giải quyết đúng hẹn, và hẹn lại "
     "ngày trả kết quả theo phiếu xin lỗi (mẫu 04)."},
    {"stopped", "Hồ sơ %s đã dừng xử lý",
     "Hồ sơ %s của ông/bà đã dừng xử lý. Lý do được ghi trên phiếu dừng xử lý (mẫu 05)."},
    {"intake-alert", "Cảnh báo: hồ sơ trực tuyến %s chưa được kiểm tra",
     "Hồ sơ trực tuyến %s đã nộp quá 2 giờ làm việc mà chưa được kiểm tra. Hồ sơ phải được tiếp "
     "nhận hoặc yêu cầu bổ sung trong 8 giờ làm việc kể từ khi nộp."},
    {"apology-signed", "Hồ sơ %s trễ hẹn: đã ký phiếu xin lỗi và hẹn lại",
     "Cơ quan giải quyết đã ký phiếu xin lỗi và hẹn lại ngày trả kết quả hồ sơ %s (mẫu 04). Đề "
     "nghị bộ phận một cửa thông báo cho tổ chức, cá nhân; ngày hẹn mới ghi dưới đây."},
    {"late-warning", "Cảnh báo: hồ sơ %s sắp quá hạn",
     "Hồ sơ %s còn không quá một ngày làm việc trước hạn giải quyết (hoặc đã quá hạn). Đề nghị "
     "đơn vị giải quyết kịp thời hoặc lập phiếu xin lỗi và hẹn lại ngày trả kết quả."},
};

std::string Fill(const char* pattern, const std::string& code) {
  std::string out = pattern;
  const auto at = out.find("%s");
  if (at != std::string::npos) out.replace(at, 2, code);
  return out;
}

}  // namespace

std::string FormatVietnamese(Instant t) {
  const calendar::LocalDateTime local = calendar::ToLocal(t);
  char date[32];
  std::snprintf(date, sizeof date, "%02d/%02d/%04d", local.date.day, local.date.month,
                local.date.year);
  return calendar::FormatTimeOfDay(local.seconds_of_day) + " ngày " + date;
}

Result<MessageText> ComposeText(const app::OutboxMessage& message) {
  const nlohmann::json payload = nlohmann::json::parse(message.payload, nullptr, false);
  if (!payload.is_object() || !payload.contains("code") || !payload["code"].is_string()) {
    return Error::InvalidArgument("outbox message " + std::to_string(message.id) +
                                  " has no dossier code in its payload");
  }
  const std::string code = payload["code"].get<std::string>();
  MessageText text{"Thông báo về hồ sơ " + code, "Có thông báo mới về hồ sơ " + code + "."};
  for (const Wording& w : kWordings) {
    if (message.kind == w.kind) text = {Fill(w.subject, code), Fill(w.body, code)};
  }
  if (payload.contains("unit") && payload["unit"].is_string()) {
    text.body += "\nĐơn vị: " + payload["unit"].get<std::string>() + ".";
  }
  if (payload.contains("due") && payload["due"].is_number_integer()) {
    text.body += "\nHạn: " + FormatVietnamese(payload["due"].get<Instant>()) + ".";
  }
  text.body += "\n\nThư này được gửi tự động từ hệ thống một cửa; vui lòng không trả lời.";
  return text;
}

}  // namespace motcua::delivery
