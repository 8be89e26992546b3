// Procedure validation (validate.h): one defect per row, and the path it is reported at.

#include "catalog/validate.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "catalog/test_util.h"

namespace motcua::catalog {
namespace {

using testing::MarriageRegistration;

std::string Paths(const std::vector<FieldViolation>& v) {
  std::string out;
  for (const FieldViolation& f : v) out += (out.empty() ? "" : ", ") + f.field;
  return out;
}

TEST(ValidateTest, SampleIsValid) {
  EXPECT_EQ(Paths(ValidateProcedure(MarriageRegistration())), "");
  EXPECT_TRUE(CheckProcedure(MarriageRegistration()).ok());
}

TEST(ValidateTest, EachDefectAtItsPath) {
  const struct {
    const char* name;
    std::function<void(Procedure&)> defect;
    const char* want;
  } cases[] = {
      {"no code", [](Procedure& p) { p.code.clear(); }, "code"},
      {"bad code", [](Procedure& p) { p.code = "1.0011"; }, "code"},
      {"lower-case unit", [](Procedure& p) { p.code = "1.011442.000.00.00.h38"; }, "code"},
      {"no name", [](Procedure& p) { p.name.clear(); }, "name"},
      {"no level", [](Procedure& p) { p.level.reset(); }, "level"},
      {"no field", [](Procedure& p) { p.field.clear(); }, "field"},
      {"no competent unit", [](Procedure& p) { p.competent_units.clear(); }, "competent_units"},
      {"empty receiving unit", [](Procedure& p) { p.receiving_units.push_back(""); },
       "receiving_units[1]"},
      {"no channels",
       [](Procedure& p) {
         p.channels.clear();
         p.online_level = OnlineLevel::kNone;
       },
       "channels"},
      {"zero time", [](Procedure& p) { p.channels[1].time = LegalTime::WorkingDays(0); },
       "channels.online.time"},
      {"uninterpreted time",
       [](Procedure& p) {
         p.channels[0].time = {std::nullopt, {}, "theo quy định"};
       },
       "channels.in-person.time"},
      {"unit disagrees",
       [](Procedure& p) { p.channels[0].time.unit = calendar::DurationUnit::kCalendarDays; },
       "channels.in-person.time"},
      {"negative fee", [](Procedure& p) { p.channels[0].fees[0].amount_vnd = -5; },
       "channels.in-person.fees[0].amount_vnd"},
      {"unknown fee", [](Procedure& p) { p.channels[1].fees[0].amount_vnd.reset(); },
       "channels.online.fees[0].amount_vnd"},
      {"channel twice", [](Procedure& p) { p.channels.push_back(p.channels[0]); },
       "channels.in-person"},
      {"online level without online channel", [](Procedure& p) { p.channels.pop_back(); },
       "online_level"},
      {"online-only without online service",
       [](Procedure& p) {
         p.online_only = true;
         p.online_level = OnlineLevel::kNone;
         p.channels.erase(p.channels.begin());
       },
       "online_only"},
      {"online-only with a counter", [](Procedure& p) { p.online_only = true; }, "online_only"},
      {"no cases", [](Procedure& p) { p.cases.clear(); }, "cases"},
      {"no components", [](Procedure& p) { p.cases[0].components.clear(); }, "cases[0].components"},
      {"component without name", [](Procedure& p) { p.cases[0].components[1].name.clear(); },
       "cases[0].components[1].name"},
      {"quantity 0", [](Procedure& p) { p.cases[0].components[0].original_qty = 0; },
       "cases[0].components[0].original_qty"},
      {"negative copies", [](Procedure& p) { p.cases[0].components[0].copy_qty = -1; },
       "cases[0].components[0].copy_qty"},
      {"unnamed second case", [](Procedure& p) { p.cases.push_back(p.cases[0]); },
       "cases[0].name, cases[1].name"},
      {"no legal basis", [](Procedure& p) { p.legal_basis.clear(); }, "legal_basis"},
      {"legal basis without number", [](Procedure& p) { p.legal_basis[0].number.clear(); },
       "legal_basis[0].number"},
      {"no result", [](Procedure& p) { p.outcomes.clear(); }, "outcomes"},
      {"bad cut-off", [](Procedure& p) { p.cutoff = calendar::ReceptionCutoff::At(-1); }, "cutoff"},
  };
  for (const auto& c : cases) {
    Procedure p = MarriageRegistration();
    c.defect(p);
    EXPECT_EQ(Paths(ValidateProcedure(p)), c.want) << c.name;
  }
}

TEST(ValidateTest, CheckProcedureCarriesViolations) {
  Procedure p = MarriageRegistration();
  p.name.clear();
  p.cases[0].components[0].original_qty = 0;
  const Status s = CheckProcedure(p);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().reason, "validation");
  EXPECT_EQ(s.error().fields.size(), 2u);
}

TEST(ValidateTest, CodeShapes) {
  const struct {
    const char* code;
    bool valid;
  } cases[] = {
      {"1.001193", true},         {"1.011442.000.00.00.H38", true},
      {"2.002345.H55.242", true}, {"1.00119", false},
      {"1.0011933", false},       {"A.001193", false},
      {"1.001193.", false},       {"1.001193..H38", false},
      {"1-001193", false},        {"1.001193.000-00.H38", false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsValidProcedureCode(c.code), c.valid) << c.code;
  EXPECT_TRUE(IsValidUnitCode("000.00.00.H38"));
  EXPECT_FALSE(IsValidUnitCode(std::string(36, '1')));
}

}  // namespace
}  // namespace motcua::catalog
