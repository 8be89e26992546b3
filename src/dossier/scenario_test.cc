// Whole dossier histories, rendered as text and compared whole (shared/STYLE.md).
#include <gtest/gtest.h>

#include "dossier/test_util.h"

namespace motcua::dossier {
namespace {

using namespace testing;  // NOLINT

// Receive, assign, appraise, approve, sign, issue, return: all on the planned path.
void PlainPathUntilIssued(Harness& h) {
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kForward)).ok());
  Command assign = Cmd(CommandKind::kAssign);
  assign.to_user = Specialist().user_id;
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-02 10:00", assign).ok());
  ASSERT_TRUE(
      h.Do(DivisionHead(), "2026-03-02 10:05", Cmd(CommandKind::kForward, "Giao chuyên viên"))
          .ok());
  ASSERT_TRUE(
      h.Do(Specialist(), "2026-03-09 16:00", Cmd(CommandKind::kForward, "Đủ điều kiện")).ok());
  ASSERT_TRUE(
      h.Do(DivisionHead(), "2026-03-10 09:00", Cmd(CommandKind::kForward, "Trình ký")).ok());
  ASSERT_TRUE(h.Do(AgencyHead(), "2026-03-10 14:00", Cmd(CommandKind::kForward, "Đồng ý")).ok());
  ASSERT_TRUE(h.Do(Clerk(), "2026-03-11 08:00", Cmd(CommandKind::kIssue)).ok());
}

TEST(ScenarioTest, PlainPath) {
  Harness h;
  PlainPathUntilIssued(h);
  Command ret = Cmd(CommandKind::kReturn);
  ASSERT_TRUE(h.Do(Reception(), "2026-03-11 10:00", ret).ok());
  EXPECT_EQ(h.History(),
            "1 02/03 08:00 received tiepnhan -> tiep-nhan [2]\n"
            "2 02/03 09:00 forwarded tiepnhan @tiep-nhan -> phan-cong [4]\n"
            "3 02/03 10:00 assigned truongphong @phan-cong user 3 [4]\n"
            "4 02/03 10:05 forwarded truongphong @phan-cong -> tham-dinh [4] Giao chuyên viên\n"
            "5 09/03 16:00 forwarded chuyenvien @tham-dinh -> duyet [4] Đủ điều kiện\n"
            "6 10/03 09:00 forwarded truongphong @duyet -> ky [4] Trình ký\n"
            "7 10/03 14:00 forwarded giamdoc @ky -> ban-hanh [4] Đồng ý\n"
            "8 11/03 08:00 issued vanthu @ban-hanh -> tra [9]\n"
            "9 11/03 10:00 returned tiepnhan @tra [10]\n");
  EXPECT_EQ(h.Clock("2026-03-20 08:00"), "appointment 16/03 08:00; due 16/03 08:00; early");
}

// Phi địa giới: a procedure received at any service center. A reception or return step without
// a unit of its own is performed where the dossier was received, not at the competent unit.
TEST(ScenarioTest, LocationIndependentReceptionAndReturnAtTheReceivingCenter) {
  catalog::Workflow w = PlainWorkflow();
  w.steps.front().performer.unit_code.clear();
  w.steps.back().performer.unit_code.clear();
  catalog::Procedure p = Procedure();
  p.location_independent = true;
  p.receiving_units = {};
  Harness h(Channel::kInPerson, w, p);
  const Actor elsewhere = Officer(9, "tiepnhan-huyen", "H99.40", Role::kReceptionOfficer);
  ASSERT_TRUE(h.Do(elsewhere, "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  EXPECT_EQ(h.dossier().receiving_unit, "H99.40");
  EXPECT_EQ(h.dossier().step_unit, "H99.40");
  EXPECT_EQ(h.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kForward)).error().reason,
            "not-performer");
  ASSERT_TRUE(h.Do(elsewhere, "2026-03-02 09:00", Cmd(CommandKind::kForward)).ok());
  EXPECT_EQ(h.dossier().step_unit, kDivision);
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-02 10:05", Cmd(CommandKind::kForward, "Giao")).ok());
  ASSERT_TRUE(h.Do(Specialist(), "2026-03-09 16:00", Cmd(CommandKind::kForward, "Đạt")).ok());
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-10 09:00", Cmd(CommandKind::kForward, "Trình")).ok());
  ASSERT_TRUE(h.Do(AgencyHead(), "2026-03-10 14:00", Cmd(CommandKind::kForward, "Ký")).ok());
  ASSERT_TRUE(h.Do(Clerk(), "2026-03-11 08:00", Cmd(CommandKind::kIssue)).ok());
  // The result goes back to the counter that received the dossier.
  EXPECT_EQ(h.dossier().step_unit, "H99.40");
  EXPECT_EQ(h.Do(Reception(), "2026-03-11 10:00", Cmd(CommandKind::kReturn)).error().reason,
            "not-performer");
  ASSERT_TRUE(h.Do(elsewhere, "2026-03-11 10:00", Cmd(CommandKind::kReturn)).ok());
  EXPECT_EQ(h.dossier().state, State::kReturned);
}

TEST(ScenarioTest, TwoPausesMoveTheDueInstantByTheirWorkingTime) {
  Harness h;
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kForward)).ok());
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-02 10:05", Cmd(CommandKind::kForward, "Giao")).ok());
  Command pause = Cmd(CommandKind::kPause, "Chờ giám định");
  pause.pause = calendar::ExclusionType::kExpertAssessment;
  ASSERT_TRUE(h.Do(Specialist(), "2026-03-03 08:00", pause).ok());
  // Paused: the due instant runs on with the pause.
  EXPECT_EQ(h.Clock("2026-03-04 08:00"),
            "appointment 16/03 08:00; due 17/03 08:00; step 12/03 10:05; pending");
  EXPECT_EQ(h.Do(Specialist(), "2026-03-04 09:00", Cmd(CommandKind::kForward, "x")).error().reason,
            "paused");
  ASSERT_TRUE(h.Do(Specialist(), "2026-03-05 08:00", Cmd(CommandKind::kResume)).ok());
  pause.reason = "Niêm yết công khai";
  pause.pause = calendar::ExclusionType::kPublicPosting;
  ASSERT_TRUE(h.Do(Specialist(), "2026-03-06 13:00", pause).ok());
  ASSERT_TRUE(h.Do(Specialist(), "2026-03-09 13:00", Cmd(CommandKind::kResume)).ok());
  EXPECT_EQ(h.History(),
            "1 02/03 08:00 received tiepnhan -> tiep-nhan [2]\n"
            "2 02/03 09:00 forwarded tiepnhan @tiep-nhan -> phan-cong [4]\n"
            "3 02/03 10:05 forwarded truongphong @phan-cong -> tham-dinh [4] Giao\n"
            "4 03/03 08:00 paused chuyenvien @tham-dinh [4] Chờ giám định\n"
            "5 05/03 08:00 resumed chuyenvien @tham-dinh [4]\n"
            "6 06/03 13:00 paused chuyenvien @tham-dinh [4] Niêm yết công khai\n"
            "7 09/03 13:00 resumed chuyenvien @tham-dinh [4]\n");
  // 2 working days, then Friday afternoon to Monday afternoon = 1 working day: 3 days later.
  EXPECT_EQ(h.Clock("2026-03-10 08:00"),
            "appointment 16/03 08:00; due 19/03 08:00; step 16/03 10:05; pending");
}

TEST(ScenarioTest, SupplementThenCompletion) {
  Harness h;
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kForward)).ok());
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-02 10:05", Cmd(CommandKind::kForward, "Giao")).ok());
  Command supplement = Cmd(CommandKind::kRequestSupplement, "Thiếu giấy tờ");
  supplement.items = {"Giấy xác nhận tình trạng hôn nhân", "Bản sao hộ chiếu"};
  ASSERT_TRUE(h.Do(Specialist(), "2026-03-03 10:00", supplement).ok());
  EXPECT_EQ(h.Do(Specialist(), "2026-03-03 11:00", Cmd(CommandKind::kForward, "x")).error().reason,
            "state");
  // The applicant has 15 working days; the due instant waits with them.
  EXPECT_EQ(h.Clock("2026-03-04 10:00"),
            "appointment 16/03 08:00; due 17/03 08:00; step 12/03 10:05; supplement by 24/03 "
            "10:00; pending");
  ASSERT_TRUE(h.Do(Reception(), "2026-03-10 10:00", Cmd(CommandKind::kReceiveSupplement)).ok());
  // At most once during processing.
  EXPECT_EQ(h.Do(Specialist(), "2026-03-10 11:00", supplement).error().reason, "supplement-once");
  EXPECT_EQ(h.History(),
            "1 02/03 08:00 received tiepnhan -> tiep-nhan [2]\n"
            "2 02/03 09:00 forwarded tiepnhan @tiep-nhan -> phan-cong [4]\n"
            "3 02/03 10:05 forwarded truongphong @phan-cong -> tham-dinh [4] Giao\n"
            "4 03/03 10:00 supplement-requested chuyenvien @tham-dinh [5] Thiếu giấy tờ\n"
            "5 10/03 10:00 supplement-received tiepnhan @tham-dinh [4]\n");
  // The waiting week (5 working days) is excluded.
  EXPECT_EQ(h.Clock("2026-03-10 11:00"),
            "appointment 16/03 08:00; due 23/03 08:00; step 18/03 10:05; pending");
}

// The applicant brings the supplement online, as files: each item with its uploaded file; the
// files are recorded on the dossier beside the components received, and the clock counts the
// waiting days out as for a supplement at the counter. The result issued later carries its file.
TEST(ScenarioTest, SupplementBroughtOnlineWithFilesAndResultFile) {
  Harness h(Channel::kOnline);
  ASSERT_TRUE(h.Do(Citizen(), "2026-03-02 07:00", Cmd(CommandKind::kSubmit)).ok());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kForward)).ok());
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-02 10:05", Cmd(CommandKind::kForward, "Giao")).ok());
  Command receive = Cmd(CommandKind::kReceiveSupplement);
  // Not before it is asked for.
  EXPECT_EQ(h.Do(Citizen(), "2026-03-03 09:00", receive).error().reason, "state");
  Command supplement = Cmd(CommandKind::kRequestSupplement, "Thiếu giấy tờ");
  supplement.items = {"Bản sao hộ chiếu"};
  ASSERT_TRUE(h.Do(Specialist(), "2026-03-03 10:00", supplement).ok());
  // The applicant online brings files: none, an item without a name or one without its file
  // are refused, naming the field.
  EXPECT_EQ(h.Do(Citizen(), "2026-03-05 09:00", receive).error().field(), "components");
  receive.components = {{"", Provision::kElectronic, true, std::string(64, 'a')}};
  EXPECT_EQ(h.Do(Citizen(), "2026-03-05 09:00", receive).error().field(), "components[0].name");
  receive.components = {{"Bản sao hộ chiếu", Provision::kElectronic, true, ""}};
  EXPECT_EQ(h.Do(Citizen(), "2026-03-05 09:00", receive).error().field(),
            "components[0].file_sha256");
  receive.components[0].file_sha256 = std::string(64, 'a');
  ASSERT_TRUE(h.Do(Citizen(), "2026-03-10 10:00", receive).ok());
  EXPECT_EQ(h.dossier().state, State::kProcessing);
  EXPECT_EQ(h.dossier().supplied, receive.components);
  EXPECT_EQ(h.dossier().components, h.facts().components);  // as received
  EXPECT_EQ(h.events().back().actor, "applicant");
  // The waiting week is excluded, as at the counter (SupplementThenCompletion).
  EXPECT_EQ(h.Clock("2026-03-10 11:00"),
            "appointment 16/03 08:00; due 23/03 08:00; step 18/03 10:05; pending");
  ASSERT_TRUE(h.Do(Specialist(), "2026-03-11 16:00", Cmd(CommandKind::kForward, "Đủ")).ok());
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-12 09:00", Cmd(CommandKind::kForward, "Ký")).ok());
  ASSERT_TRUE(h.Do(AgencyHead(), "2026-03-12 14:00", Cmd(CommandKind::kForward, "Đồng ý")).ok());
  Command issue = Cmd(CommandKind::kIssue);
  issue.reference = "123/QĐ-UBND";
  issue.file_sha256 = std::string(64, 'b');
  ASSERT_TRUE(h.Do(Clerk(), "2026-03-13 08:00", issue).ok());
  EXPECT_EQ(h.dossier().result_sha256, issue.file_sha256);
  EXPECT_EQ(h.events().back().reference, "123/QĐ-UBND");
}

TEST(ScenarioTest, SupplementRestartsTheLegalTimeWhenTheProcedureSaysSo) {
  catalog::Procedure p = Procedure();
  p.supplement_mode = catalog::SupplementMode::kRestart;
  Harness h(Channel::kInPerson, PlainWorkflow(), p);
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kForward)).ok());
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-02 10:05", Cmd(CommandKind::kForward, "Giao")).ok());
  Command supplement = Cmd(CommandKind::kRequestSupplement, "Thiếu giấy tờ");
  supplement.items = {"Bản sao hộ chiếu"};
  ASSERT_TRUE(h.Do(Specialist(), "2026-03-03 10:00", supplement).ok());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-10 10:00", Cmd(CommandKind::kReceiveSupplement)).ok());
  // 10 working days again from the supplement, and the step's 7 days again too.
  EXPECT_EQ(h.Clock("2026-03-10 11:00"),
            "appointment 16/03 08:00; due 24/03 10:00; step 19/03 10:00; pending");
}

TEST(ScenarioTest, ReturnedForRework) {
  Harness r;
  ASSERT_TRUE(r.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  ASSERT_TRUE(r.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kForward)).ok());
  ASSERT_TRUE(r.Do(DivisionHead(), "2026-03-02 10:05", Cmd(CommandKind::kForward, "Giao")).ok());
  ASSERT_TRUE(r.Do(Specialist(), "2026-03-05 16:00", Cmd(CommandKind::kForward, "Đạt")).ok());
  EXPECT_EQ(r.Do(DivisionHead(), "2026-03-06 08:00", To(CommandKind::kRework, "phan-cong", "x"))
                .error()
                .field(),
            "to_step");
  EXPECT_EQ(r.Do(DivisionHead(), "2026-03-06 08:00", To(CommandKind::kRework, "tham-dinh", ""))
                .error()
                .field(),
            "reason");
  ASSERT_TRUE(r.Do(DivisionHead(), "2026-03-06 08:00",
                   To(CommandKind::kRework, "tham-dinh", "Bổ sung lý do"))
                  .ok());
  ASSERT_TRUE(r.Do(Specialist(), "2026-03-06 15:00", Cmd(CommandKind::kForward, "Đã sửa")).ok());
  EXPECT_EQ(r.History(),
            "1 02/03 08:00 received tiepnhan -> tiep-nhan [2]\n"
            "2 02/03 09:00 forwarded tiepnhan @tiep-nhan -> phan-cong [4]\n"
            "3 02/03 10:05 forwarded truongphong @phan-cong -> tham-dinh [4] Giao\n"
            "4 05/03 16:00 forwarded chuyenvien @tham-dinh -> duyet [4] Đạt\n"
            "5 06/03 08:00 reworked truongphong @duyet -> tham-dinh [4] Bổ sung lý do\n"
            "6 06/03 15:00 forwarded chuyenvien @tham-dinh -> duyet [4] Đã sửa\n");
}

TEST(ScenarioTest, InterAgencyAndFinancialObligations) {
  Harness h(Channel::kInPerson, InterAgencyWorkflow());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kForward)).ok());
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-02 10:05", Cmd(CommandKind::kForward, "Giao")).ok());
  ASSERT_TRUE(
      h.Do(Specialist(), "2026-03-04 16:00", Cmd(CommandKind::kForward, "Chuyển thuế")).ok());
  // Waiting for the tax office: nobody moves it until it answers.
  EXPECT_EQ(h.Do(TaxOfficer(), "2026-03-05 08:00", Cmd(CommandKind::kForward, "x")).error().reason,
            "waiting-agency");
  EXPECT_EQ(h.Do(Outsider(), "2026-03-05 08:00", Cmd(CommandKind::kAgencyAnswer, "x")).error().code,
            ErrorCode::kPermissionDenied);
  Command answer = Cmd(CommandKind::kAgencyAnswer, "Thông báo thuế 2.500.000 đồng");
  answer.reference = "TB-123/CCT";
  ASSERT_TRUE(h.Do(TaxOfficer(), "2026-03-05 10:00", answer).ok());
  ASSERT_TRUE(
      h.Do(TaxOfficer(), "2026-03-05 10:30", Cmd(CommandKind::kForward, "Đã xác định")).ok());
  EXPECT_EQ(h.dossier().state, State::kFinancial);
  ASSERT_TRUE(h.Do(Reception(), "2026-03-09 08:00", Cmd(CommandKind::kForward)).ok());
  EXPECT_EQ(h.History(),
            "1 02/03 08:00 received tiepnhan -> tiep-nhan [2]\n"
            "2 02/03 09:00 forwarded tiepnhan @tiep-nhan -> phan-cong [4]\n"
            "3 02/03 10:05 forwarded truongphong @phan-cong -> tham-dinh [4] Giao\n"
            "4 04/03 16:00 forwarded chuyenvien @tham-dinh -> thue [4] Chuyển thuế\n"
            "5 04/03 16:00 sent-to-agency chuyenvien @thue unit H99.07 [4]\n"
            "6 05/03 10:00 agency-answered thue @thue [4] Thông báo thuế 2.500.000 đồng\n"
            "7 05/03 10:30 forwarded thue @thue -> nop-thue [6] Đã xác định\n"
            "8 09/03 08:00 forwarded tiepnhan @nop-thue -> duyet [4]\n");
  // Thursday 10:30 to Monday 08:00 waiting for the payment is not counted: 5 h on Thursday, 8 h
  // on Friday, 30 min on Monday = 13.5 working hours later than the appointment.
  EXPECT_EQ(h.Clock("2026-03-09 09:00"),
            "appointment 16/03 08:00; due 17/03 15:00; step 10/03 08:00; pending");
}

TEST(ScenarioTest, RefusalAtReception) {
  Harness h;
  EXPECT_EQ(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kRefuse)).error().field(),
            "reason");
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:00",
                   Cmd(CommandKind::kRefuse, "Không thuộc thẩm quyền giải quyết"))
                  .ok());
  EXPECT_EQ(h.History(), "1 02/03 08:00 refused tiepnhan [3] Không thuộc thẩm quyền giải quyết\n");
  EXPECT_EQ(h.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kReceive)).error().reason,
            "state");
}

TEST(ScenarioTest, IncompleteAtTheCounterIsGuidedNotReceived) {
  Harness h;
  h.facts().components.push_back(
      {"Giấy xác nhận tình trạng hôn nhân", Provision::kMissing, false, ""});
  h.ResetFacts();
  EXPECT_EQ(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).error().field(),
            "components[1]");
  Command guide = Cmd(CommandKind::kGuide);
  guide.items = {"Giấy xác nhận tình trạng hôn nhân"};
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:05", guide).ok());
  EXPECT_EQ(h.dossier().state, State::kSupplement);
  EXPECT_FALSE(h.dossier().received);
  EXPECT_EQ(h.Clock("2026-03-02 09:00"), "pending");
}

TEST(ScenarioTest, OnlineSubmissionIsAnsweredWithinEightWorkingHours) {
  Harness h(Channel::kOnline);
  ASSERT_TRUE(h.Do(Citizen(), "2026-03-02 16:00", Cmd(CommandKind::kSubmit)).ok());
  EXPECT_EQ(h.Clock("2026-03-02 16:30"), "intake 03/03 16:00; pending");
  ASSERT_TRUE(h.Do(Reception(), "2026-03-03 08:00", Cmd(CommandKind::kReceive)).ok());
  EXPECT_EQ(h.History(),
            "1 02/03 16:00 submitted applicant [1]\n"
            "2 03/03 08:00 received tiepnhan -> tiep-nhan [2]\n");
}

TEST(ScenarioTest, OnlineOnlyProcedureRefusesTheCounter) {
  catalog::Procedure p = Procedure();
  p.online_only = true;
  Harness h(Channel::kInPerson, PlainWorkflow(), p);
  const Error e = h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).error();
  EXPECT_EQ(e.reason, "online-only");
  EXPECT_NE(e.message.find("chỉ tiếp nhận trực tuyến"), std::string::npos);
}

TEST(ScenarioTest, Withdrawal) {
  Harness h;
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kForward)).ok());
  ASSERT_TRUE(
      h.Do(Citizen(), "2026-03-03 09:00", Cmd(CommandKind::kRequestWithdrawal, "Không còn nhu cầu"))
          .ok());
  EXPECT_EQ(h.Do(Specialist(), "2026-03-03 10:00", Cmd(CommandKind::kStop, "x")).error().code,
            ErrorCode::kPermissionDenied);
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-03 10:00",
                   Cmd(CommandKind::kStop, "Theo đề nghị rút hồ sơ của công dân"))
                  .ok());
  EXPECT_EQ(h.History(),
            "1 02/03 08:00 received tiepnhan -> tiep-nhan [2]\n"
            "2 02/03 09:00 forwarded tiepnhan @tiep-nhan -> phan-cong [4]\n"
            "3 03/03 09:00 withdrawal-requested applicant @phan-cong [7] Không còn nhu cầu\n"
            "4 03/03 10:00 stopped truongphong @phan-cong [8] Theo đề nghị rút hồ sơ của công "
            "dân\n");
}

TEST(ScenarioTest, LateWithApology) {
  Harness h;
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kForward)).ok());
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-02 10:05", Cmd(CommandKind::kForward, "Giao")).ok());
  Command draft = Cmd(CommandKind::kDraftApology, "Chờ xác minh nhân thân ở nước ngoài");
  draft.new_appointment = L("2026-03-20 16:00");
  EXPECT_EQ(h.Do(AgencyHead(), "2026-03-12 08:00", Cmd(CommandKind::kSignApology)).error().reason,
            "no-draft");
  ASSERT_TRUE(h.Do(Specialist(), "2026-03-12 08:00", draft).ok());
  EXPECT_EQ(h.Do(DivisionHead(), "2026-03-12 09:00", Cmd(CommandKind::kSignApology)).error().code,
            ErrorCode::kPermissionDenied);
  ASSERT_TRUE(h.Do(AgencyHead(), "2026-03-12 09:00", Cmd(CommandKind::kSignApology)).ok());
  EXPECT_EQ(h.Do(Specialist(), "2026-03-13 08:00", draft).error().reason, "apology-once");
  ASSERT_TRUE(h.Do(Specialist(), "2026-03-17 08:00", Cmd(CommandKind::kForward, "Đạt")).ok());
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-17 09:00", Cmd(CommandKind::kForward, "Trình")).ok());
  ASSERT_TRUE(h.Do(AgencyHead(), "2026-03-17 10:00", Cmd(CommandKind::kForward, "Ký")).ok());
  ASSERT_TRUE(h.Do(Clerk(), "2026-03-18 08:00", Cmd(CommandKind::kIssue)).ok());
  // The new appointment stands beside the legal one; the dossier still counts as late.
  EXPECT_EQ(h.Clock("2026-03-18 09:00"),
            "appointment 16/03 08:00; due 16/03 08:00; new 20/03 16:00; late overdue");
}

TEST(ScenarioTest, CalendarEditWhileOpenMovesTheDueInstant) {
  Harness h;
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  EXPECT_EQ(h.Clock("2026-03-02 09:00"),
            "appointment 16/03 08:00; due 16/03 08:00; step 02/03 13:30; pending");
  // The province closes offices on Friday 6 March: the same events, a later due instant.
  calendar::CalendarSpec spec;
  spec.id = "closed";
  spec.closures.push_back(
      {calendar::CivilDate{2026, 3, 6}, std::nullopt, "Nghỉ theo quyết định của tỉnh"});
  auto closed = calendar::Calendar::Build(spec, {2025, 2027});
  ASSERT_TRUE(closed.ok()) << ToString(closed.error());
  auto t = ComputeTimes(h.dossier(), h.events(), h.procedure(), *closed, L("2026-03-02 09:00"));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(Local(*t->due), "17/03 08:00");
}

TEST(ScenarioTest, AnotherUnitCannotActAndTheAssigneeIsRespected) {
  Harness h;
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kForward)).ok());
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-02 10:05", Cmd(CommandKind::kForward, "Giao")).ok());
  Command assign = Cmd(CommandKind::kAssign);
  assign.to_user = Specialist().user_id;
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-02 10:10", assign).ok());
  EXPECT_EQ(h.Do(Outsider(), "2026-03-03 08:00", Cmd(CommandKind::kForward, "x")).error().reason,
            "not-performer");
  EXPECT_EQ(h.Do(Specialist2(), "2026-03-03 08:00", Cmd(CommandKind::kForward, "x")).error().reason,
            "not-performer");
  EXPECT_EQ(h.Do(Reception(), "2026-03-03 08:00", Cmd(CommandKind::kForward, "x")).error().reason,
            "not-performer");
  EXPECT_TRUE(h.Do(Specialist(), "2026-03-03 08:00", Cmd(CommandKind::kForward, "Đạt")).ok());
}

// Two servers' clocks differ a little: an event is never stamped before the one it follows.
TEST(ScenarioTest, AnEventIsNeverEarlierThanTheLastOne) {
  Harness h;
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kForward)).ok());
  Command assign = Cmd(CommandKind::kAssign);
  assign.to_user = Specialist().user_id;
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-02 11:00", assign).ok());
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-02 10:58", Cmd(CommandKind::kForward, "Giao")).ok());
  EXPECT_EQ(Local(h.events().back().at), "02/03 11:00");
}

TEST(ScenarioTest, HandoversForTheControlSheet) {
  Harness h;
  PlainPathUntilIssued(h);
  auto rows = ComputeHandovers(h.events(), National());
  ASSERT_TRUE(rows.ok());
  std::string text;
  for (const auto& r : *rows) {
    text += r.step_id + " " + r.from_unit + "->" + r.to_unit + " " + Local(r.left) + " due " +
            Local(r.due) + " " + std::string(TimelinessName(r.timeliness)) + "\n";
  }
  EXPECT_EQ(text,
            "tiep-nhan H99.30->H99.03.01 02/03 09:00 due 02/03 13:30 on-time\n"
            "phan-cong H99.03.01->H99.03.01 02/03 10:05 due 02/03 14:30 on-time\n"
            "tham-dinh H99.03.01->H99.03.01 09/03 16:00 due 11/03 10:05 early\n"
            "duyet H99.03.01->H99.03 10/03 09:00 due 10/03 16:00 on-time\n"
            "ky H99.03->H99.03 10/03 14:00 due 10/03 14:30 on-time\n"
            "ban-hanh H99.03->H99.30 11/03 08:00 due 10/03 16:00 late\n");
}

// The workflow decides where a dossier may pause; without a word from it, the step's kind does.
TEST(ScenarioTest, TheWorkflowSaysWhichStepsMayPause) {
  catalog::Workflow w = PlainWorkflow();
  w.steps[2].pausable = false;  // tham-dinh: this province does not pause appraisal
  w.steps[3].pausable = true;   // duyet: but pauses approval (consultation)
  Harness h(Channel::kInPerson, w);
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 08:00", Cmd(CommandKind::kReceive)).ok());
  ASSERT_TRUE(h.Do(Reception(), "2026-03-02 09:00", Cmd(CommandKind::kForward)).ok());
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-02 10:00", Cmd(CommandKind::kForward, "Giao")).ok());
  Command pause = Cmd(CommandKind::kPause, "Lấy ý kiến");
  pause.pause = calendar::ExclusionType::kConsultation;
  EXPECT_EQ(h.Do(Specialist(), "2026-03-03 08:00", pause).error().reason, "not-pausable");
  ASSERT_TRUE(h.Do(Specialist(), "2026-03-03 09:00", Cmd(CommandKind::kForward, "Đạt")).ok());
  ASSERT_TRUE(h.Do(DivisionHead(), "2026-03-03 10:00", pause).ok());
  EXPECT_TRUE(h.dossier().paused);
}

}  // namespace
}  // namespace motcua::dossier
