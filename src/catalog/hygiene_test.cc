// The hygiene report (hygiene.h) on a catalog seeded with one defect per procedure; the report
// is rendered one finding per line and compared whole.

#include "catalog/hygiene.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "catalog/test_util.h"

namespace motcua::catalog {
namespace {

using testing::D;
using testing::MarriageRegistration;
using testing::PublishedVersion;
using testing::TenDayWorkflow;

ProcedureVersion Clean(const std::string& code, const std::string& name) {
  Procedure p = MarriageRegistration();
  p.code = code;
  p.name = name;
  return PublishedVersion(p, D(2025, 7, 1));
}

std::string Render(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += f.procedure_code + " v" + std::to_string(f.version) + " " +
           std::string(FindingKindName(f.kind)) + " " + f.field +
           (f.related_code.empty() ? "" : " ~" + f.related_code) + "\n";
  }
  return out;
}

TEST(HygieneTest, OneDefectEach) {
  std::vector<ProcedureVersion> versions;
  std::vector<Workflow> workflows;
  const auto add = [&](ProcedureVersion v, bool with_workflow = true) {
    if (with_workflow) {
      workflows.push_back(TenDayWorkflow(v.code()));
      workflows.back().version = v.number;
    }
    versions.push_back(std::move(v));
  };
  add(Clean("1.000894", "Đăng ký kết hôn"));  // clean
  ProcedureVersion expired = Clean("1.000001", "Trích lục bản sao hộ tịch");
  expired.expires = D(2025, 12, 31);
  add(expired);
  add(Clean("1.000002", "ĐĂNG KÝ KẾT HÔN."));  // duplicate of 1.000894
  ProcedureVersion budget = Clean("1.000003", "Thay đổi cải chính hộ tịch");
  add(budget);
  workflows.back() = testing::Chain("1.000003", {2, 4, 58});
  ProcedureVersion no_unit = Clean("1.000004", "Đăng ký khai sinh");
  no_unit.procedure.competent_units.clear();
  add(no_unit);
  add(Clean("1.000005", "Đăng ký khai tử"), /*with_workflow=*/false);
  ProcedureVersion no_form = Clean("1.000006", "Đăng ký giám hộ");
  no_form.procedure.cases[0].components[1].form_code = "TK-XX";
  add(no_form);
  ProcedureVersion imported = Clean("1.000007", "Đăng ký nhận cha mẹ con");
  imported.import_notes = {
      {"channels.online.time", Confidence::kDoubtful, "10 ngày", "read as calendar days"},
      {"channels.in-person.fees[0]", Confidence::kUnparsed, "", "no usable value"}};
  add(imported);
  ProcedureVersion v1 = Clean("1.000008", "Đăng ký việc nuôi con nuôi");
  ProcedureVersion v2 = v1;
  v2.number = 2;
  add(v1);
  add(v2);
  ProcedureVersion draft = NewDraft(MarriageRegistration());
  draft.procedure.code = "1.000009";
  draft.import_notes = {{"level", Confidence::kUnparsed, "", "no level flag set"}};
  versions.push_back(draft);
  ProcedureVersion province = Clean("1.000010", "Đăng ký kết hôn");  // other level: no duplicate
  province.procedure.level = Level::kProvince;
  add(province);
  ProcedureVersion repealed = Clean("1.000011", "Đăng ký kết hôn");  // not in force
  repealed = *Repeal(repealed, {"5/QĐ", D(2025, 8, 1)});
  add(repealed, false);

  HygieneInput input{versions, workflows, {"TK-KH"}, D(2026, 3, 1)};
  EXPECT_EQ(Render(CheckHygiene(input)),
            "1.000001 v1 expired-in-force expires\n"
            "1.000002 v1 duplicate name ~1.000894\n"
            "1.000003 v1 budget-mismatch channels.in-person.time\n"
            "1.000003 v1 budget-mismatch channels.online.time\n"
            "1.000004 v1 no-competent-unit competent_units\n"
            "1.000005 v1 no-workflow \n"
            "1.000006 v1 missing-form cases[0].components[1].form_code\n"
            "1.000007 v1 import-doubtful channels.online.time\n"
            "1.000007 v1 import-unparsed channels.in-person.fees[0]\n"
            "1.000008 v1 overlapping-versions \n"
            "1.000009 v1 import-unparsed level\n");
}

TEST(HygieneTest, MessagesInBothLanguages) {
  ProcedureVersion v = Clean("1.000004", "Đăng ký khai sinh");
  v.procedure.competent_units.clear();
  const std::vector<ProcedureVersion> versions = {v};
  const std::vector<Workflow> workflows = {TenDayWorkflow("1.000004")};
  const auto findings = CheckHygiene({versions, workflows, {"TK-KH"}, D(2026, 1, 1)});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message_vi, "Chưa có cơ quan có thẩm quyền");
  EXPECT_EQ(findings[0].message_en, "no competent unit");
}

TEST(HygieneTest, NearSameNames) {
  const struct {
    const char* a;
    const char* b;
    bool near;
  } cases[] = {
      {"Đăng ký kết hôn", "dang ky ket hon", true},
      {"Đăng ký kết hôn", "Kết hôn đăng ký", true},  // same words
      {"Cấp giấy phép xây dựng công trình nhà ở riêng lẻ tại khu vực nông thôn",
       "Cấp giấy phép xây dựng công trình nhà ở riêng lẻ tại khu vực nông thôn mới", true},
      {"Đăng ký kết hôn", "Đăng ký lại kết hôn", false},  // 4/5 = 0.8
  };
  for (const auto& c : cases) {
    EXPECT_EQ(TokenJaccard(c.a, c.b) >= kNearSameJaccard, c.near) << c.a << " / " << c.b;
  }
  EXPECT_DOUBLE_EQ(TokenJaccard("", ""), 1.0);
}

}  // namespace
}  // namespace motcua::catalog
