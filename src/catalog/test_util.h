#pragma once

// Builders shared by the catalog tests: a valid procedure and the workflows of shared/DOMAIN.md
// ("Per-step times").

#include <string>
#include <vector>

#include "catalog/procedure.h"
#include "catalog/version.h"
#include "catalog/workflow.h"

namespace motcua::catalog::testing {

// A commune-level civil-status procedure that passes ValidateProcedure: in person and online,
// `days` working days, a 0 đ fee, one case with two components.
inline Procedure MarriageRegistration(std::int64_t days = 10) {
  Procedure p;
  p.code = "1.000894";
  p.name = "Đăng ký kết hôn";
  p.level = Level::kCommune;
  p.field = "Hộ tịch";
  p.competent_units = {"000.00.21.H38"};
  p.receiving_units = {"000.00.21.H38"};
  for (Channel c : {Channel::kInPerson, Channel::kOnline}) {
    ChannelSpec spec{c, LegalTime::WorkingDays(days), {}, ""};
    spec.fees.push_back({FeeType::kFee, 0, "Miễn lệ phí"});
    p.channels.push_back(spec);
  }
  Case c;
  c.components.push_back(
      {"", "Tờ khai đăng ký kết hôn", 1, 0, Requirement::kRequired, "", "TK-KH", false});
  c.components.push_back({"", "Giấy xác nhận tình trạng hôn nhân", 1, 0, Requirement::kConditional,
                          "khi đăng ký ở nơi khác nơi cư trú", "", true});
  p.cases.push_back(c);
  p.legal_basis.push_back({"60/2014/QH13", "Luật Hộ tịch", {}, "Quốc hội"});
  p.outcomes.push_back({"", "Giấy chứng nhận kết hôn"});
  p.online_level = OnlineLevel::kPartial;
  return p;
}

inline Step MakeStep(std::string id, StepKind kind, double hours, std::vector<std::string> next,
                     bool counted = true) {
  Step s;
  s.id = id;
  s.kind = kind;
  s.name = id;
  s.performer = {"000.00.21.H38", "chuyên viên"};
  s.budget_seconds = Hours(hours);
  s.counted = counted;
  s.next = std::move(next);
  return s;
}

// A straight workflow with the given step budgets in working hours: s1 -> s2 -> ... -> sN.
inline Workflow Chain(const std::string& code, const std::vector<double>& hours) {
  Workflow w;
  w.procedure_code = code;
  for (std::size_t i = 0; i < hours.size(); ++i) {
    std::vector<std::string> next;
    if (i + 1 < hours.size()) next.push_back("s" + std::to_string(i + 2));
    const StepKind kind = i == 0                  ? StepKind::kReceive
                          : i + 1 == hours.size() ? StepKind::kReturn
                                                  : StepKind::kAppraise;
    w.steps.push_back(MakeStep("s" + std::to_string(i + 1), kind, hours[i], next));
  }
  return w;
}

// DOMAIN.md: 10 working days = 80 h split 2 / 4 / 58 / 6 / 8 / 2 h.
inline Workflow TenDayWorkflow(const std::string& code = "1.000894") {
  return Chain(code, {2, 4, 58, 6, 8, 2});
}

// DOMAIN.md: 30 working days split 0.5 / 0.5 / 1 / 1 / 16 / 1 / 1 / 7 / 2 days.
inline Workflow ThirtyDayWorkflow(const std::string& code = "1.000894") {
  std::vector<double> hours;
  for (double d : {0.5, 0.5, 1.0, 1.0, 16.0, 1.0, 1.0, 7.0, 2.0}) hours.push_back(d * 8);
  return Chain(code, hours);
}

inline KnownPerformers Known() { return {{"000.00.21.H38", "000.00.00.H38"}, {"chuyên viên"}}; }

inline calendar::CivilDate D(int y, int m, int d) { return {y, m, d}; }

// A published version 1 of `p`, effective `from`.
inline ProcedureVersion PublishedVersion(Procedure p, calendar::CivilDate from) {
  ProcedureVersion v = NewDraft(std::move(p));
  v.state = VersionState::kPublished;
  v.published = Decision{"100/QĐ-UBND", from};
  return v;
}

}  // namespace motcua::catalog::testing
