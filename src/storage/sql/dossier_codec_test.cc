// The stored text of dossiers and events decodes to exactly what was encoded (the memo hands out
// the written value in place of a decode, so the two must agree), and the memo answers only from
// the text it is given.
#include "storage/sql/dossier_codec.h"

#include <gtest/gtest.h>

#include "storage/sql/dossier_memo.h"

namespace motcua::storage::sql {
namespace {

using dossier::Event;
using dossier::EventKind;

// Every member set to something other than its default.
dossier::Dossier Full() {
  dossier::Dossier d;
  d.id = 42;
  d.code = "H38.30-260302-0001";
  d.procedure_code = "1.001234";
  d.procedure_version = 3;
  d.case_name = "Cấp lần đầu";
  d.channel = dossier::Channel::kPostal;
  d.receiving_unit = "H38.30";
  d.competent_unit = "H38.03";
  d.applicant = {true,        "Công ty Đông Á", "0101234567", "Số 1, phường Điện Biên",
                 "H38.03.01", "0912 345 678",   "a@b.vn"};
  d.components = {{"Tờ khai", dossier::Provision::kPaperOriginal, true, "ab12"},
                  {"Bản sao giấy phép", dossier::Provision::kReused, true, ""}};
  d.postal_item = "EMS123";
  d.paid_online = true;
  d.synced_national = true;
  d.version = 7;
  d.state = dossier::State::kSupplement;
  d.received = true;
  d.step_id = "tham-dinh";
  d.step_unit = "H38.03.02";
  d.step_kind = catalog::StepKind::kApprove;
  d.step_counted = false;
  d.step_budget = 28'800;
  d.assignee = 9;
  d.step_entered = 1'773'000'100;
  d.paused = true;
  d.waiting_agency = true;
  d.supplement_open = true;
  d.supplement_requests = 1;
  d.refusal_proposed = true;
  d.apology_drafted = true;
  d.apology_signed = true;
  d.new_appointment = 1'773'900'000;
  d.apology_reason = "Chờ xác minh";
  d.outcome = dossier::Outcome::kRefusal;
  d.originals_in_transit = true;
  d.supplied = {{"Bản sao hộ chiếu", dossier::Provision::kElectronic, true, "cd34"}};
  d.result_sha256 = "ef56";
  d.updated_at = 1'773'000'200;
  d.submitted_at = 1'773'000'000;
  d.received_at = 1'773'000'050;
  d.resolved_at = 1'773'000'300;
  d.returned_at = 1'773'000'400;
  d.stopped_at = 1'773'000'500;
  return d;
}

Event FullEvent(EventKind kind, std::int64_t seq) {
  Event e;
  e.seq = seq;
  e.kind = kind;
  e.at = 1'773'000'000 + seq;
  e.actor_id = 5;
  e.actor = "canbo";
  e.unit_code = "H38.03";
  e.step_id = "tiep-nhan";
  e.to_step = "tham-dinh";
  e.to_kind = catalog::StepKind::kApprove;
  e.to_counted = false;
  e.to_budget = 3'600;
  e.to_unit = "H38.03.02";
  e.to_user = 9;
  e.reason = "Đủ điều kiện";
  e.pause = calendar::ExclusionType::kExpertAssessment;
  e.new_appointment = 1'773'900'000;
  e.items = {"Tờ khai", "Ảnh"};
  e.return_method = dossier::ReturnMethod::kOnline;
  e.reference = "123/QĐ";
  e.components = {{"Ảnh", dossier::Provision::kElectronic, true, "cd34"}};
  e.file_sha256 = "ef56";
  return e;
}

TEST(DossierCodec, ADossierDecodesToWhatWasEncoded) {
  const dossier::Dossier d = Full();
  auto back = DecodeDossier(EncodeDossier(d));
  ASSERT_TRUE(back.ok()) << ToString(back.error());
  EXPECT_EQ(*back, d);
  const dossier::Dossier empty;
  auto empty_back = DecodeDossier(EncodeDossier(empty));
  ASSERT_TRUE(empty_back.ok());
  EXPECT_EQ(*empty_back, empty);
}

// Documents and events stored before supplied files and result documents were recorded.
TEST(DossierCodec, OlderDocumentsWithoutFilesDecode) {
  dossier::Dossier d = Full();
  std::string text = EncodeDossier(d);
  for (const std::string member :
       {R"(,"supplied":[{"name":"Bản sao hộ chiếu","provision":"electronic","digitized":true,)"
        R"("file_sha256":"cd34"}])",
        R"(,"result_sha256":"ef56")"}) {
    const auto at = text.find(member);
    ASSERT_NE(at, std::string::npos) << member;
    text.erase(at, member.size());
  }
  d.supplied.clear();
  d.result_sha256.clear();
  auto back = DecodeDossier(text);
  ASSERT_TRUE(back.ok()) << ToString(back.error());
  EXPECT_EQ(*back, d);
  Event e = FullEvent(EventKind::kIssued, 3);
  e.components.clear();
  e.file_sha256.clear();
  std::string event_text = EncodeEvent(e);
  const std::string tail = R"(,"components":[],"file_sha256":"")";
  const auto at = event_text.find(tail);
  ASSERT_NE(at, std::string::npos);
  event_text.erase(at, tail.size());
  auto event_back = DecodeEvent(event_text);
  ASSERT_TRUE(event_back.ok());
  EXPECT_EQ(*event_back, e);
}

TEST(DossierCodec, TextThatNeedsEscapingSurvives) {
  dossier::Dossier d = Full();
  d.applicant.name = "Tên \"trong ngoặc\" \\ gạch\nxuống dòng\t\x01";
  d.apology_reason = std::string("nul\0byte", 8);
  d.components[0].name = "}{][,:";
  auto back = DecodeDossier(EncodeDossier(d));
  ASSERT_TRUE(back.ok()) << ToString(back.error());
  EXPECT_EQ(*back, d);
  Event e = FullEvent(EventKind::kGuided, 2);
  e.items = {"\"", "\\", "ổ\n"};
  auto event_back = DecodeEvent(EncodeEvent(e));
  ASSERT_TRUE(event_back.ok());
  EXPECT_EQ(*event_back, e);
}

TEST(DossierCodec, EveryEventKindDecodesToWhatWasEncoded) {
  for (int k = 0; k <= static_cast<int>(EventKind::kOriginalsReceived); ++k) {
    const Event e = FullEvent(static_cast<EventKind>(k), k + 1);
    auto back = DecodeEvent(EncodeEvent(e));
    ASSERT_TRUE(back.ok()) << k;
    EXPECT_EQ(*back, e) << EventKindName(e.kind);
  }
}

TEST(DossierMemo, AnswersFromTheTextNotFromWhatItHolds) {
  DossierMemo memo;
  dossier::Dossier d = Full();
  const std::string text = EncodeDossier(d);
  memo.RememberDossier(d.id, text, d);
  auto hit = memo.Dossier(d.id, text);
  ASSERT_TRUE(hit.ok());
  EXPECT_EQ(*hit, d);
  EXPECT_EQ(memo.counts().hits, 1);
  // Another text for the same id (another server wrote it): decoded, not remembered.
  dossier::Dossier other = d;
  other.version = 8;
  other.step_id = "ky";
  auto fresh = memo.Dossier(d.id, EncodeDossier(other));
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(*fresh, other);
  EXPECT_EQ(memo.counts().misses, 1);
  // The same slot, another dossier.
  auto clash = memo.Dossier(d.id + 1024, text);
  ASSERT_TRUE(clash.ok());
  EXPECT_EQ(clash->version, 7);
  EXPECT_EQ(memo.counts().misses, 2);
  // Text that does not decode is refused, hit or not.
  EXPECT_FALSE(memo.Dossier(d.id, "{").ok());
}

TEST(DossierMemo, EventsReuseTheBodiesSeenAndDecodeTheRest) {
  DossierMemo memo;
  std::vector<Event> events = {FullEvent(EventKind::kReceived, 1),
                               FullEvent(EventKind::kForwarded, 2)};
  memo.RememberEvents(7, 0, {EncodeEvent(events[0]), EncodeEvent(events[1])}, events);
  const Event third = FullEvent(EventKind::kPaused, 3);
  auto listed =
      memo.Events(7, {EncodeEvent(events[0]), EncodeEvent(events[1]), EncodeEvent(third)});
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[2], third);
  EXPECT_EQ(memo.counts().misses, 1);
  // Appended after exactly the three it holds: kept; after a number it does not hold: ignored.
  const Event fourth = FullEvent(EventKind::kResumed, 4);
  memo.RememberEvents(7, 3, {EncodeEvent(fourth)}, {fourth});
  memo.RememberEvents(7, 9, {EncodeEvent(third)}, {third});
  std::vector<std::string> bodies = {EncodeEvent(events[0]), EncodeEvent(events[1]),
                                     EncodeEvent(third), EncodeEvent(fourth)};
  auto all = memo.Events(7, bodies);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->back(), fourth);
  EXPECT_EQ(memo.counts().hits, 1);
  // A history that is shorter than what the memo holds (a rolled-back append) is what is read.
  bodies.pop_back();
  auto shorter = memo.Events(7, bodies);
  ASSERT_TRUE(shorter.ok());
  EXPECT_EQ(shorter->size(), 3u);
  // A body that differs is decoded from its text.
  Event edited = events[1];
  edited.reason = "khác";
  auto differs = memo.Events(7, {EncodeEvent(events[0]), EncodeEvent(edited)});
  ASSERT_TRUE(differs.ok());
  EXPECT_EQ((*differs)[1], edited);
}

}  // namespace
}  // namespace motcua::storage::sql
