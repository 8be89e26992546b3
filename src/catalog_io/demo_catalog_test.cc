// data/demo-catalog.json: decodes, has at least 30 published procedures across the required
// fields, every procedure valid and every workflow's budget equal to its legal time, and the file
// is exactly what EncodeCatalog writes (so export after seeding gives the same text).

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "catalog/hygiene.h"
#include "catalog/validate.h"
#include "catalog/workflow.h"
#include "catalog_io/catalog_json.h"

namespace motcua::catalog_io {
namespace {

std::string ReadDemo() {
  std::ifstream in(std::string(MOTCUA_DATA_DIR) + "/demo-catalog.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The demo province's units and the identity roles (src/app/seed.cc, identity/identity.cc).
catalog::KnownPerformers DemoPerformers() {
  return {{"H99", "H99.01", "H99.02", "H99.02.01", "H99.03", "H99.03.01", "H99.04", "H99.05",
           "H99.06", "H99.10", "H99.10.01", "H99.11", "H99.11.01"},
          {"reception_officer", "specialist", "division_head", "agency_head", "clerk"}};
}

TEST(DemoCatalogTest, EveryProcedureAndWorkflowIsValid) {
  const std::string text = ReadDemo();
  ASSERT_FALSE(text.empty());
  Result<std::vector<CatalogEntry>> entries = DecodeCatalog(text);
  ASSERT_TRUE(entries.ok()) << ToString(entries.error());
  EXPECT_GE(entries->size(), 30u);

  const catalog::KnownPerformers known = DemoPerformers();
  std::map<std::string, int> per_field;
  for (const CatalogEntry& e : *entries) {
    const catalog::ProcedureVersion& v = e.procedure.draft;
    SCOPED_TRACE(v.code() + " " + v.procedure.name);
    EXPECT_EQ(v.state, catalog::VersionState::kPublished);
    EXPECT_TRUE(catalog::CheckInvariants(v).ok());
    for (const FieldViolation& f : catalog::ValidateProcedure(v.procedure)) {
      ADD_FAILURE() << f.field << ": " << f.message;
    }
    ASSERT_EQ(e.workflows.size(), 1u);  // the service stores one workflow per version
    for (const FieldViolation& f : catalog::ValidateWorkflow(e.workflows[0], v.procedure, known)) {
      ADD_FAILURE() << "workflow " << f.field << ": " << f.message;
    }
    for (const std::string& unit : v.procedure.competent_units) {
      EXPECT_TRUE(known.unit_codes.contains(unit)) << unit;
    }
    for (const std::string& unit : v.procedure.receiving_units) {
      EXPECT_TRUE(known.unit_codes.contains(unit)) << unit;
    }
    EXPECT_FALSE(e.procedure.source.empty());
    for (const catalog::ChannelSpec& c : v.procedure.channels) EXPECT_FALSE(c.fees.empty());
    ++per_field[v.procedure.field];
  }
  EXPECT_GE(per_field["Hộ tịch"], 5);
  EXPECT_GE(per_field["Đất đai"], 5);
  EXPECT_GE(per_field["Thành lập và hoạt động của hộ kinh doanh"] +
                per_field["Thành lập và hoạt động doanh nghiệp"],
            5);
  EXPECT_GE(per_field["Hoạt động xây dựng"], 3);
  EXPECT_GE(per_field["Hoạt động khoa học và công nghệ"], 3);
  EXPECT_TRUE(ValidateCatalog(*entries, known).empty());

  // Seeded as is, the catalog gives a clean hygiene report (forms are not checked here).
  std::vector<catalog::ProcedureVersion> versions;
  std::vector<catalog::Workflow> workflows;
  for (const CatalogEntry& e : *entries) {
    versions.push_back(e.procedure.draft);
    workflows.push_back(e.workflows[0]);
  }
  for (const catalog::Finding& f :
       catalog::CheckHygiene({versions, workflows, {}, calendar::CivilDate{2026, 3, 2}})) {
    if (f.kind == catalog::FindingKind::kMissingForm) continue;
    ADD_FAILURE() << catalog::FindingKindName(f.kind) << " " << f.procedure_code << " " << f.field
                  << ": " << f.message_en;
  }

  const std::string again = EncodeCatalog(*entries);
  std::size_t at = 0;
  while (at < again.size() && at < text.size() && again[at] == text[at]) ++at;
  EXPECT_EQ(again.size(), text.size());
  EXPECT_EQ(at, text.size()) << "first difference at byte " << at << ": file has \""
                             << text.substr(at > 60 ? at - 60 : 0, 120) << "\", encoder writes \""
                             << again.substr(at > 60 ? at - 60 : 0, 120) << "\"";
}

}  // namespace
}  // namespace motcua::catalog_io
