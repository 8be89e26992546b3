#pragma once

// A small province for the dossier tests: a service center, a department with a division, a
// commune, officers with their roles, a procedure of 10 working days with a 7-step workflow, and
// a harness that runs commands and renders the history as text.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "calendar/civil_time.h"
#include "calendar/test_util.h"
#include "dossier/machine.h"
#include "dossier/times.h"

namespace motcua::dossier::testing {

using calendar::testing::L;
using calendar::testing::National;
using catalog::Hours;
using catalog::Step;
using catalog::StepKind;
using identity::Role;

inline const char* kCenter = "H99.30";       // Trung tâm Phục vụ hành chính công
inline const char* kDept = "H99.03";         // Sở Tư pháp
inline const char* kDivision = "H99.03.01";  // a division of the department
inline const char* kOtherDept = "H99.05";
inline const char* kTax = "H99.07";  // the tax office (inter-agency)

inline bool InSubtree(const std::string& root, const std::string& unit) {
  return unit == root || (unit.size() > root.size() && unit.compare(0, root.size(), root) == 0 &&
                          unit[root.size()] == '.');
}

inline Actor Officer(std::int64_t id, std::string name, std::string unit, Role role) {
  Actor a;
  a.user_id = id;
  a.username = std::move(name);
  a.unit_code = std::move(unit);
  a.roles = identity::RoleSet{role};
  return a;
}

inline Actor Reception() { return Officer(1, "tiepnhan", kCenter, Role::kReceptionOfficer); }
inline Actor DivisionHead() { return Officer(2, "truongphong", kDivision, Role::kDivisionHead); }
inline Actor Specialist() { return Officer(3, "chuyenvien", kDivision, Role::kSpecialist); }
inline Actor Specialist2() { return Officer(7, "chuyenvien2", kDivision, Role::kSpecialist); }
inline Actor AgencyHead() { return Officer(4, "giamdoc", kDept, Role::kAgencyHead); }
inline Actor Clerk() { return Officer(5, "vanthu", kDept, Role::kClerk); }
inline Actor Outsider() { return Officer(6, "khac", kOtherDept, Role::kSpecialist); }
inline Actor TaxOfficer() { return Officer(8, "thue", kTax, Role::kSpecialist); }
inline Actor Citizen() {
  Actor a;
  a.applicant = true;
  a.user_id = 100;
  a.username = "congdan";
  return a;
}

inline Step MakeStep(std::string id, StepKind kind, std::string unit, std::string role,
                     double hours, std::vector<std::string> next,
                     std::vector<std::string> back = {}, bool counted = true) {
  Step s;
  s.id = std::move(id);
  s.kind = kind;
  s.name = s.id;
  s.performer = {std::move(unit), std::move(role)};
  s.budget_seconds = Hours(hours);
  s.counted = counted;
  s.next = std::move(next);
  s.back = std::move(back);
  return s;
}

// 10 working days = 80 h: 4 / 4 / 56 / 8 / 4 / 2 / 2.
inline catalog::Workflow PlainWorkflow() {
  catalog::Workflow w;
  w.procedure_code = "1.000001";
  w.steps = {
      MakeStep("tiep-nhan", StepKind::kReceive, kCenter, "reception_officer", 4, {"phan-cong"}),
      MakeStep("phan-cong", StepKind::kAssign, kDivision, "division_head", 4, {"tham-dinh"}),
      MakeStep("tham-dinh", StepKind::kAppraise, kDivision, "specialist", 56, {"duyet"}),
      MakeStep("duyet", StepKind::kApprove, kDivision, "division_head", 8, {"ky"}, {"tham-dinh"}),
      MakeStep("ky", StepKind::kSign, kDept, "agency_head", 4, {"ban-hanh"}, {"tham-dinh"}),
      MakeStep("ban-hanh", StepKind::kIssue, kDept, "clerk", 2, {"tra"}),
      MakeStep("tra", StepKind::kReturn, kCenter, "reception_officer", 2, {}),
  };
  return w;
}

// The same with an inter-agency step (tax) and a financial wait (not counted) after appraisal.
inline catalog::Workflow InterAgencyWorkflow() {
  catalog::Workflow w = PlainWorkflow();
  w.steps[2].budget_seconds = Hours(40);
  w.steps[2].next = {"thue"};
  w.steps.insert(w.steps.begin() + 3,
                 MakeStep("thue", StepKind::kInterAgency, kTax, "specialist", 16, {"nop-thue"}));
  w.steps.insert(w.steps.begin() + 4, MakeStep("nop-thue", StepKind::kWaitFinancial, kCenter,
                                               "reception_officer", 0, {"duyet"}, {}, false));
  return w;
}

inline catalog::Procedure Procedure() {
  catalog::Procedure p;
  p.code = "1.000001";
  p.name = "Đăng ký kết hôn có yếu tố nước ngoài";
  p.level = catalog::Level::kProvince;
  p.field = "Hộ tịch";
  p.competent_units = {kDept};
  p.receiving_units = {kCenter};
  p.channels = {{Channel::kInPerson, catalog::LegalTime::WorkingDays(10), {}, {}},
                {Channel::kOnline, catalog::LegalTime::WorkingDays(10), {}, {}}};
  p.online_level = catalog::OnlineLevel::kFull;
  return p;
}

inline std::string Local(Instant t) {
  const auto l = calendar::ToLocal(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d %02d:%02d", l.date.day, l.date.month,
                l.seconds_of_day / 3600, l.seconds_of_day % 3600 / 60);
  return buf;
}

// Runs commands against one dossier and keeps its history.
class Harness {
 public:
  explicit Harness(Channel channel = Channel::kInPerson,
                   catalog::Workflow workflow = PlainWorkflow(),
                   catalog::Procedure procedure = Procedure())
      : procedure_(std::move(procedure)), workflow_(std::move(workflow)) {
    facts_.procedure_code = procedure_.code;
    facts_.procedure_version = 1;
    facts_.channel = channel;
    facts_.competent_unit = kDept;
    facts_.applicant.name = "Nguyễn Thị Hương";
    facts_.components = {{"Tờ khai đăng ký kết hôn", Provision::kPaperOriginal, true, ""}};
    dossier_ = facts_;
  }

  Context MakeContext(const Actor& actor, Instant now) const {
    Context c;
    c.now = now;
    c.procedure = &procedure_;
    c.workflow = &workflow_;
    c.actor = actor;
    c.in_subtree = InSubtree;
    c.supplement_expired = supplement_expired;
    return c;
  }

  // Decides and applies; checks the invariants after each event and that a refusal changed
  // nothing.
  Status Do(const Actor& actor, const std::string& at, Command command) {
    const Dossier before = dossier_;
    auto events = Decide(dossier_, command, MakeContext(actor, L(at)));
    if (!events.ok()) {
      EXPECT_EQ(dossier_, before) << "a refused command changed the dossier";
      return std::move(events).error();
    }
    for (const Event& e : *events) {
      EXPECT_EQ(e.seq, static_cast<std::int64_t>(events_.size()) + 1);
      Apply(dossier_, e);
      events_.push_back(e);
      const auto problems = CheckInvariants(dossier_, events_, &workflow_);
      EXPECT_TRUE(problems.empty()) << problems.front();
    }
    EXPECT_EQ(Replay(facts_, events_), dossier_);
    EXPECT_EQ(Replay(FixedFacts(dossier_), events_), dossier_);
    return Ok();
  }

  // One line per event: "#seq dd/mm hh:mm kind actor step -> to_step [state] reason".
  std::string History() const {
    std::ostringstream out;
    Dossier d = facts_;
    for (const Event& e : events_) {
      Apply(d, e);
      out << e.seq << " " << Local(e.at) << " " << EventKindName(e.kind) << " " << e.actor;
      if (!e.step_id.empty()) out << " @" << e.step_id;
      if (!e.to_step.empty()) out << " -> " << e.to_step;
      if (e.to_user != 0) out << " user " << e.to_user;
      if (!e.to_unit.empty() && e.kind != EventKind::kForwarded && e.kind != EventKind::kReceived &&
          e.kind != EventKind::kReworked && e.kind != EventKind::kIssued) {
        out << " unit " << e.to_unit;
      }
      out << " [" << NationalCode(d.state) << "]";
      if (!e.reason.empty()) out << " " << e.reason;
      out << "\n";
    }
    return out.str();
  }

  // "appointment dd/mm hh:mm, due dd/mm hh:mm, step due ..., outcome" at `now`.
  std::string Clock(const std::string& now) const {
    auto t = ComputeTimes(dossier_, events_, procedure_, National(), L(now));
    EXPECT_TRUE(t.ok());
    if (!t.ok()) return "error";
    std::ostringstream out;
    auto put = [&](const char* name, const std::optional<Instant>& v) {
      if (v) out << name << " " << Local(*v) << "; ";
    };
    put("appointment", t->appointment);
    put("due", t->due);
    put("new", t->new_appointment);
    put("step", t->step_due);
    put("intake", t->intake_due);
    put("supplement by", t->supplement_deadline);
    out << TimelinessName(t->outcome) << (t->overdue ? " overdue" : "");
    return out.str();
  }

  const Dossier& dossier() const { return dossier_; }
  const std::vector<Event>& events() const { return events_; }
  catalog::Procedure& procedure() { return procedure_; }
  Dossier& facts() { return facts_; }
  void ResetFacts() { dossier_ = facts_; }
  bool supplement_expired = false;

 private:
  catalog::Procedure procedure_;
  catalog::Workflow workflow_;
  Dossier facts_;
  Dossier dossier_;
  std::vector<Event> events_;
};

inline Command Cmd(CommandKind kind, std::string reason = {}) {
  Command c;
  c.kind = kind;
  c.reason = std::move(reason);
  return c;
}

inline Command To(CommandKind kind, std::string step, std::string reason) {
  Command c = Cmd(kind, std::move(reason));
  c.to_step = std::move(step);
  return c;
}

}  // namespace motcua::dossier::testing
