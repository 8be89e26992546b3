// Decoding national-portal records (national.h): the real sample, then untidy variants of it.

#include "catalog_io/national.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace motcua::catalog_io {
namespace {

using calendar::CivilDate;
using calendar::Duration;
using catalog::Channel;
using catalog::Confidence;
using Json = nlohmann::ordered_json;

std::string ReadSample() {
  std::ifstream in(std::string(MOTCUA_SAMPLES_DIR) + "/national-portal-procedure.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Json Sample() { return Json::parse(ReadSample()); }

// "path confidence: text" per note, for whole-list comparisons.
std::vector<std::string> Show(const std::vector<catalog::ImportNote>& notes) {
  std::vector<std::string> out;
  for (const auto& n : notes) {
    out.push_back(n.path + " " + std::string(catalog::ConfidenceName(n.confidence)) + ": " +
                  n.text);
  }
  return out;
}

ImportedProcedure Decode(const Json& j) {
  Result<ImportedProcedure> r = DecodeNationalPortalRecord(j.dump());
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : ToString(r.error()));
  return r.ok() ? *r : ImportedProcedure{};
}

const catalog::ChannelSpec& Ch(const ImportedProcedure& ip, Channel c) {
  static const catalog::ChannelSpec none;
  const catalog::ChannelSpec* s = catalog::FindChannel(ip.draft.procedure, c);
  EXPECT_NE(s, nullptr) << catalog::ChannelName(c);
  return s != nullptr ? *s : none;
}

TEST(NationalTest, RealSampleMapsEveryField) {
  Result<ImportedProcedure> r = DecodeNationalPortalRecord(ReadSample());
  ASSERT_TRUE(r.ok()) << ToString(r.error());
  const catalog::ProcedureVersion& v = r->draft;
  const catalog::Procedure& p = v.procedure;
  EXPECT_EQ(v.state, catalog::VersionState::kDraft);
  EXPECT_EQ(v.number, 1);
  EXPECT_EQ(p.code, "1.013979");
  EXPECT_TRUE(p.name.starts_with("Tặng cho quyền sử dụng đất cho Nhà nước")) << p.name;
  EXPECT_EQ(p.field, "Đất đai");
  EXPECT_EQ(p.field_code, "G13-TN02");
  EXPECT_EQ(p.level, catalog::Level::kCommune);
  EXPECT_FALSE(p.location_independent);
  EXPECT_EQ(p.online_level, catalog::OnlineLevel::kPartial);
  EXPECT_FALSE(p.online_only);

  ASSERT_EQ(p.channels.size(), 3u);
  EXPECT_EQ(p.channels[0].channel, Channel::kOnline);
  EXPECT_EQ(p.channels[1].channel, Channel::kPostal);
  EXPECT_EQ(p.channels[2].channel, Channel::kInPerson);
  EXPECT_EQ(Ch(*r, Channel::kOnline).time.duration, Duration::WorkingDays(10));
  EXPECT_EQ(Ch(*r, Channel::kPostal).time.duration, Duration::WorkingDays(10));
  EXPECT_EQ(Ch(*r, Channel::kInPerson).time.duration, Duration::WorkingDays(20));
  EXPECT_EQ(Ch(*r, Channel::kInPerson).time.unit, calendar::DurationUnit::kWorkingDays);
  ASSERT_EQ(Ch(*r, Channel::kOnline).fees.size(), 1u);
  EXPECT_EQ(Ch(*r, Channel::kOnline).fees[0].amount_vnd, 0);
  EXPECT_EQ(Ch(*r, Channel::kOnline).fees[0].type, catalog::FeeType::kFee);
  EXPECT_EQ(Ch(*r, Channel::kOnline).fees[0].description, "Không quy định.");

  ASSERT_EQ(p.cases.size(), 1u);
  EXPECT_EQ(p.cases[0].name, "");
  ASSERT_EQ(p.cases[0].components.size(), 1u);
  const catalog::Component& c = p.cases[0].components[0];
  EXPECT_EQ(c.code, "000.00.00.G10-KQ006120");
  EXPECT_EQ(c.original_qty, 1);
  EXPECT_EQ(c.copy_qty, 1);
  EXPECT_EQ(c.requirement, catalog::Requirement::kConditional);
  EXPECT_EQ(c.form_code, "");

  EXPECT_TRUE(p.steps.starts_with("Bước 1: Người sử dụng đất nộp hồ sơ")) << p.steps;
  EXPECT_EQ(p.subjects, (std::vector<std::string>{"Công dân Việt Nam",
                                                  "Tổ chức (không bao gồm doanh nghiệp, HTX)"}));
  EXPECT_EQ(p.requirements, "");

  ASSERT_EQ(p.legal_basis.size(), 5u);
  EXPECT_EQ(p.legal_basis[0].number, "43/2024/QH15");
  EXPECT_EQ(p.legal_basis[0].date, (CivilDate{2024, 6, 29}));
  EXPECT_EQ(p.legal_basis[0].issuer, "Quốc hội");
  EXPECT_EQ(p.legal_basis[0].summary, "Luật số 43/2024/QH15 ngày 29/6/2024");
  EXPECT_EQ(p.legal_basis[1].number, "151/2025/NĐ-CP");
  EXPECT_EQ(p.legal_basis[1].issuer, "Chính phủ");
  EXPECT_EQ(p.legal_basis[1].date, std::nullopt);
  EXPECT_EQ(p.legal_basis[2].number, "118/2025/NĐ-C");  // truncated in the source: kept, noted
  EXPECT_EQ(p.legal_basis[2].issuer, "");
  EXPECT_EQ(p.legal_basis[3].number, "101/2024/NĐ-CP");  // code "Nghị định 101/2024/NĐ-CP"
  EXPECT_EQ(p.legal_basis[4].number, "31/2024/QH15");
  EXPECT_EQ(p.legal_basis[4].date, (CivilDate{2024, 1, 18}));

  ASSERT_EQ(p.outcomes.size(), 1u);
  EXPECT_EQ(p.outcomes[0].code, "KQ.G10.000923");

  EXPECT_TRUE(p.competent_units.empty());
  ASSERT_EQ(r->agencies.size(), 3u);
  EXPECT_EQ(r->agencies[1], (AgencyRef{"executing", "BNN-VPDK", "Văn phòng đăng ký đất đai"}));
  ASSERT_TRUE(r->decision.has_value());
  EXPECT_EQ(r->decision->number, "2304/QĐ-BNNMT");
  EXPECT_EQ(r->decision->date, (CivilDate{2025, 6, 23}));
  EXPECT_TRUE(r->keywords.empty());

  EXPECT_EQ(Show(r->notes),
            (std::vector<std::string>{
                "cases[0].components[0].requirement doubtful: required: false",
                "legal_basis[2].number doubtful: 118/2025/NĐ-C",
                "competent_units unparsed: Chi nhánh Văn phòng đăng ký đất đai (BNN-CNVP), Văn "
                "phòng đăng ký đất đai (BNN-VPDK), Chủ tịch Ủy ban nhân dân xã (CTUBNDX)",
                "decision doubtful: 2304/QĐ-BNNMT",
            }));
  EXPECT_EQ(v.import_notes, r->notes);
}

TEST(NationalTest, DecomposedUnicodeIsComposed) {
  Json j = Sample();
  j["name"] =
      "\xC4\x90"
      "a\xCC\x86ng ky\xCC\x81 ke\xCC\x82\xCC\x81t ho\xCC\x82n ";
  j["categoriesDetails"][0]["name"] =
      "Ho\xCC\xA3\xCC\x82 ti\xCC\xA3"
      "ch";
  const ImportedProcedure ip = Decode(j);
  EXPECT_EQ(ip.draft.procedure.name, "Đăng ký kết hôn");
  EXPECT_EQ(ip.draft.procedure.field, "Hộ tịch");
}

TEST(NationalTest, FreeFeesInThousandsAndTimeOnlyInText) {
  Json j = Sample();
  j["executionMethods"] = Json::array({
      {{"submissionMethod", "DIRECT"},
       {"processingTime", 0},
       {"processingTimeUnit", "OTHER"},
       {"description", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"},
       {"fees", Json::array({{{"type", "FEE"}, {"value", 50}, {"description", "50.000 đồng/hồ sơ"}},
                             {{"type", "CHARGE"}, {"value", 0}, {"description", "Miễn phí"}}})}},
      {{"submissionMethod", "ONLINE"},
       {"processingTime", 3},
       {"processingTimeUnit", "WORKING_DAY"},
       {"fees", Json::array({{{"type", "FEE"}, {"value", 20000}, {"description", "Miễn phí"}}})}},
  });
  const ImportedProcedure ip = Decode(j);
  const catalog::ChannelSpec& direct = Ch(ip, Channel::kInPerson);
  EXPECT_EQ(direct.time.duration, Duration::WorkingDays(5));
  EXPECT_EQ(direct.time.text, "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ");
  ASSERT_EQ(direct.fees.size(), 2u);
  EXPECT_EQ(direct.fees[0].amount_vnd, 50000);
  EXPECT_EQ(direct.fees[1].amount_vnd, 0);
  EXPECT_EQ(direct.fees[1].type, catalog::FeeType::kCharge);
  const catalog::ChannelSpec& online = Ch(ip, Channel::kOnline);
  EXPECT_EQ(online.time.duration, Duration::WorkingDays(3));
  EXPECT_EQ(online.fees[0].amount_vnd, std::nullopt);  // "Miễn phí" with 20000: unknown
  const std::vector<std::string> notes = Show(ip.notes);
  auto has = [&](const std::string& s) {
    return std::find(notes.begin(), notes.end(), s) != notes.end();
  };
  EXPECT_TRUE(
      has("channels.in-person.time doubtful: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ "
          "hợp lệ"));
  EXPECT_TRUE(has("channels.in-person.fees[0] doubtful: 50.000 đồng/hồ sơ"));
  EXPECT_FALSE(has("channels.in-person.fees[1] doubtful: Miễn phí"));
  EXPECT_TRUE(has("channels.online.fees[0] doubtful: Miễn phí"));
}

TEST(NationalTest, EmptyAuthoritiesAndTruncatedDecision) {
  Json j = Sample();
  j["departmentsExecuting"] = Json::array();
  j["departmentsAuthority"] = Json::array();
  j["decisionNo"] = "2304/QĐ-";
  const ImportedProcedure ip = Decode(j);
  EXPECT_TRUE(ip.draft.procedure.competent_units.empty());
  const std::vector<std::string> notes = Show(ip.notes);
  EXPECT_NE(std::find(notes.begin(), notes.end(), "competent_units unparsed: "), notes.end());
  EXPECT_NE(std::find(notes.begin(), notes.end(), "decision.number doubtful: 2304/QĐ-"),
            notes.end());
  ASSERT_TRUE(ip.decision.has_value());
  EXPECT_EQ(ip.decision->number, "2304/QĐ-");  // kept as written, with the note

  j["departmentsAuthority"] = Json::array({{{"code", "H99.02"}, {"name", "Sở Tư pháp"}}});
  const ImportedProcedure with = Decode(j);
  EXPECT_EQ(Show(with.notes)[2], "competent_units unparsed: Sở Tư pháp (H99.02)");
}

TEST(NationalTest, LevelsAndOnlineFlags) {
  Json j = Sample();
  j["isProvince"] = true;  // and isWard: inter-level, doubtful
  j["isNonTerritorial"] = true;
  j["isFullProcess"] = true;
  const ImportedProcedure ip = Decode(j);
  EXPECT_EQ(ip.draft.procedure.level, catalog::Level::kInterLevel);
  EXPECT_TRUE(ip.draft.procedure.location_independent);
  EXPECT_EQ(ip.draft.procedure.online_level, catalog::OnlineLevel::kFull);
  EXPECT_EQ(ip.notes[0].path, "level");

  j["isProvince"] = false;
  j["isWard"] = false;
  j["isFullProcess"] = false;
  j["isOfflineOnly"] = true;
  const ImportedProcedure none = Decode(j);
  EXPECT_EQ(none.draft.procedure.level, std::nullopt);
  EXPECT_EQ(none.notes[0].confidence, Confidence::kUnparsed);
  EXPECT_EQ(none.draft.procedure.online_level, catalog::OnlineLevel::kNone);
  EXPECT_EQ(Show(none.notes)[1], "online_level doubtful: isOfflineOnly");
}

TEST(NationalTest, MalformedInputNamesEveryPath) {
  Json j = Sample();
  j.erase("code");
  j["executionMethods"][1]["submissionMethod"] = "FAX";
  j["executionMethods"][2]["processingTime"] = "20";
  j["executionCases"][0]["profileComponents"][0]["originalQty"] = -1;
  j["isWard"] = "yes";
  Result<ImportedProcedure> r = DecodeNationalPortalRecord(j.dump());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const FieldViolation& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{
                        "code",
                        "isWard",
                        "executionMethods[1].submissionMethod",
                        "executionMethods[2].processingTime",
                        "executionCases[0].profileComponents[0].originalQty",
                    }));

  Result<ImportedProcedure> bad = DecodeNationalPortalRecord("{\"code\": ");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().reason, "malformed-json");
  EXPECT_FALSE(DecodeNationalPortalRecord("[1]").ok());
}

TEST(NationalTest, ArrayOfRecordsWithProgress) {
  Json arr = Json::array();
  for (int i = 0; i < 250; ++i) {
    Json j = Sample();
    j["code"] = "1." + std::to_string(100000 + i);
    arr.push_back(j);
  }
  arr[7]["name"] = 5;
  std::vector<std::size_t> calls;
  Result<std::vector<ImportedProcedure>> r =
      DecodeNationalPortalRecords(arr.dump(), [&](std::size_t done, std::size_t total) {
        EXPECT_EQ(total, 250u);
        calls.push_back(done);
      });
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "[7].name");
  EXPECT_EQ(calls, (std::vector<std::size_t>{100, 200}));
  arr[7]["name"] = "Tên";
  r = DecodeNationalPortalRecords(arr.dump());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 250u);
  EXPECT_EQ((*r)[249].draft.procedure.code, "1.100249");
}

}  // namespace
}  // namespace motcua::catalog_io
