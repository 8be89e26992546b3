// motcua's catalog file (catalog_json.h): round trips, and every error of every record listed.

#include "catalog_io/catalog_json.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "catalog_io/national.h"

namespace motcua::catalog_io {
namespace {

using catalog::Channel;
using catalog::Hours;
using Json = nlohmann::ordered_json;

CatalogEntry MarriageEntry() {
  catalog::Procedure p;
  p.code = "1.000894";
  p.name = "Đăng ký kết hôn";
  p.level = catalog::Level::kCommune;
  p.field = "Hộ tịch";
  p.competent_units = {"H99.10"};
  p.receiving_units = {"H99.10.01"};
  catalog::ChannelSpec counter{Channel::kInPerson, catalog::LegalTime::WorkingDays(1), {}, ""};
  counter.time.text = "Ngay trong ngày tiếp nhận hồ sơ";
  counter.fees.push_back({catalog::FeeType::kFee, 0, "Miễn lệ phí"});
  catalog::ChannelSpec online{Channel::kOnline, catalog::LegalTime::WorkingHours(4), {}, "x"};
  online.time.duration = calendar::Duration::WorkingHours(4, 30);
  online.time.unit = calendar::DurationUnit::kWorkingHours;
  p.channels = {online, counter};
  p.cases = {{"",
              "",
              {{"TP1", "Tờ khai đăng ký kết hôn", 1, 0, catalog::Requirement::kRequired, "",
                "TK-KH", false},
               {"", "Giấy xác nhận tình trạng hôn nhân", 1, 0, catalog::Requirement::kConditional,
                "khi cư trú nơi khác", "", true}}}};
  p.legal_basis = {{"87/2014/QH13", "Luật Hộ tịch", calendar::CivilDate{2014, 11, 20}, "Quốc hội"}};
  p.outcomes = {{"KQ1", "Giấy chứng nhận kết hôn"}};
  p.online_level = catalog::OnlineLevel::kPartial;
  p.location_independent = true;
  p.cutoff = calendar::ReceptionCutoff::Decree297();
  p.supplement_mode = catalog::SupplementMode::kRestart;
  CatalogEntry e;
  e.procedure.draft = catalog::NewDraft(p);
  e.procedure.draft.state = catalog::VersionState::kPublished;
  e.procedure.draft.published = catalog::Decision{"12/QĐ-UBND", {2025, 7, 1}};
  e.procedure.draft.expires = calendar::CivilDate{2030, 1, 1};
  e.procedure.notes = {{"field", catalog::Confidence::kDoubtful, "a", "b"}};
  e.procedure.draft.import_notes = e.procedure.notes;
  e.procedure.decision = catalog::Decision{"1872/QĐ-BTP", {2025, 6, 30}};
  e.procedure.agencies = {{"authority", "UBNDX", "Ủy ban nhân dân xã"}};
  e.procedure.keywords = {"kết hôn"};
  e.procedure.source = "dichvucong.gov.vn";
  catalog::Workflow w;
  w.procedure_code = p.code;
  w.version = 1;
  w.channels = {Channel::kOnline};
  w.steps = {
      {"s1",
       catalog::StepKind::kReceive,
       "Tiếp nhận",
       {"H99.10.01", "reception_officer"},
       Hours(0.5),
       true,
       {"s2"},
       {}},
      {"s2", catalog::StepKind::kAppraise, "Thẩm định", {"H99.10", ""}, Hours(3), true, {"s3"}, {}},
      {"s3", catalog::StepKind::kSign, "Ký", {"", "agency_head"}, Hours(1), true, {}, {"s2"}}};
  w.steps[1].pausable = true;  // set or unset, the flag survives the round trip
  e.workflows = {w};
  return e;
}

TEST(CatalogJsonTest, RoundTrip) {
  const std::vector<CatalogEntry> entries = {MarriageEntry()};
  const std::string text = EncodeCatalog(entries);
  Result<std::vector<CatalogEntry>> back = DecodeCatalog(text);
  ASSERT_TRUE(back.ok()) << ToString(back.error());
  EXPECT_EQ(*back, entries);
  EXPECT_EQ(EncodeCatalog(*back), text);
  const Json j = Json::parse(text);
  EXPECT_EQ(j[0]["channels"]["online"]["time"]["amount"], 4.5);
  EXPECT_EQ(j[0]["channels"]["in-person"]["time"]["amount"], 1);
  EXPECT_EQ(j[0]["cutoff"], "17:00");
  EXPECT_EQ(j[0]["workflows"][0]["steps"][0]["budget_hours"], 0.5);
  EXPECT_FALSE(j[0]["workflows"][0]["steps"][0].contains("pausable"));
  EXPECT_EQ(j[0]["workflows"][0]["steps"][1]["pausable"], true);
}

TEST(CatalogJsonTest, NationalSampleRoundTrips) {
  std::ifstream in(std::string(MOTCUA_SAMPLES_DIR) + "/national-portal-procedure.json");
  std::stringstream ss;
  ss << in.rdbuf();
  Result<ImportedProcedure> ip = DecodeNationalPortalRecord(ss.str());
  ASSERT_TRUE(ip.ok());
  const std::vector<CatalogEntry> entries = {{*ip, {}}};
  Result<std::vector<CatalogEntry>> back = DecodeCatalog(EncodeCatalog(entries));
  ASSERT_TRUE(back.ok()) << ToString(back.error());
  EXPECT_EQ(*back, entries);
}

TEST(CatalogJsonTest, EveryErrorOfEveryRecordIsListed) {
  Json j = Json::parse(
      EncodeCatalog({MarriageEntry(), MarriageEntry(), MarriageEntry(), MarriageEntry()}));
  j[1]["level"] = "district";
  j[1]["colour"] = "red";
  j[3]["channels"]["online"]["time"]["amount"] = -2;
  j[3]["channels"]["postal"] = {{"time", {{"amount", 3}, {"unit", "fortnights"}}}};
  j[3]["cases"][0]["components"][1]["copy_qty"] = 1.5;
  j[3]["workflows"][0]["steps"][2]["kind"] = "pray";
  j[3]["version"]["published"]["date"] = "2025-02-30";
  Result<std::vector<CatalogEntry>> r = DecodeCatalog(j.dump());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason, "validation");
  std::vector<std::string> fields;
  for (const FieldViolation& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{
                        "[1].colour",
                        "[1].level",
                        "[3].channels.online.time.amount",
                        "[3].channels.postal.time.unit",
                        "[3].cases[0].components[1].copy_qty",
                        "[3].version.published.date",
                        "[3].workflows[0].steps[2].kind",
                    }));
  EXPECT_EQ(r.error().fields[2].message, "a duration must be a finite, non-negative number");
  EXPECT_FALSE(DecodeCatalog("{}").ok());
  EXPECT_EQ(DecodeCatalog("[").error().reason, "malformed-json");
}

TEST(CatalogJsonTest, ValidateCatalogPrefixesPaths) {
  std::vector<CatalogEntry> entries = {MarriageEntry(), MarriageEntry()};
  catalog::KnownPerformers known{{"H99.10", "H99.10.01"}, {"reception_officer", "agency_head"}};
  // Online 4.5 h = 0.5 + 3 + 1: valid; the in-person channel is not served by this workflow.
  entries[0].workflows[0].channels = {Channel::kOnline};
  std::vector<FieldViolation> v = ValidateCatalog({entries[0]}, known);
  EXPECT_TRUE(v.empty()) << v[0].field << " " << v[0].message;
  entries[1].workflows[0].steps[1].budget_seconds = Hours(2);
  entries[1].procedure.draft.procedure.name = "";
  v = ValidateCatalog(entries, known);
  std::vector<std::string> fields;
  for (const FieldViolation& f : v) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"[1].version.number", "[1].name",
                                              "[1].workflows[0].channels.online.time"}));
}

}  // namespace
}  // namespace motcua::catalog_io
