// The facts of a dossier folded from its history, and kept across appends.
#include "reports/facts.h"

#include <gtest/gtest.h>

#include "calendar/civil_time.h"

namespace motcua::reports {
namespace {

using dossier::Event;
using dossier::EventKind;
using dossier::State;
using dossier::Timeliness;

Instant At(const char* local) { return *calendar::ParseLocalDateTime(local); }

Event Ev(std::int64_t seq, EventKind kind, const char* local, std::int64_t actor = 5) {
  Event e;
  e.seq = seq;
  e.kind = kind;
  e.at = At(local);
  e.actor_id = actor;
  return e;
}

dossier::Dossier Received(const char* local) {
  dossier::Dossier d;
  d.id = 42;
  d.procedure_code = "1.000001";
  d.procedure_version = 2;
  d.channel = dossier::Channel::kOnline;
  d.receiving_unit = "H38.30";
  d.competent_unit = "H38.03";
  d.state = State::kProcessing;
  d.received = true;
  d.received_at = At(local);
  d.submitted_at = d.received_at;
  d.components = {{"Tờ khai", dossier::Provision::kElectronic, false, ""},
                  {"Giấy khai sinh", dossier::Provision::kDataStore, false, ""},
                  {"Bản sao CCCD", dossier::Provision::kPaperCopy, false, ""},
                  {"Ảnh", dossier::Provision::kMissing, false, ""}};
  return d;
}

TEST(FactsTest, OpenDossierCarriesItsFixedFactsAndComponentCounts) {
  dossier::Dossier d = Received("2026-03-02 08:00");
  const std::vector<Event> events = {Ev(1, EventKind::kReceived, "2026-03-02 08:00")};
  const Facts f = FactsOf(d, events, At("2026-03-16 08:00"));
  EXPECT_EQ(f.dossier_id, 42);
  EXPECT_EQ(f.unit, "H38.03");
  EXPECT_EQ(f.receiving_unit, "H38.30");
  EXPECT_EQ(f.received_at, At("2026-03-02 08:00"));
  EXPECT_EQ(f.due, At("2026-03-16 08:00"));
  EXPECT_EQ(f.finish, Finish::kOpen);
  EXPECT_EQ(f.finished_at, 0);
  EXPECT_EQ(f.timeliness, Timeliness::kPending);
  EXPECT_EQ(f.components, 3);  // the missing one is not provided
  EXPECT_EQ(f.digitized, 2);   // electronic and data store; the paper copy was not scanned
  EXPECT_FALSE(f.reused);
  EXPECT_TRUE(f.data_store);
}

TEST(FactsTest, ResolvedIsClassifiedAgainstTheDueInstant) {
  dossier::Dossier d = Received("2026-03-02 08:00");
  d.state = State::kReturned;
  d.resolved_at = At("2026-03-16 07:59");
  const std::vector<Event> events = {Ev(1, EventKind::kReceived, "2026-03-02 08:00"),
                                     Ev(2, EventKind::kIssued, "2026-03-16 07:59", 9),
                                     Ev(3, EventKind::kReturned, "2026-03-16 09:00")};
  Facts f = FactsOf(d, events, At("2026-03-16 08:00"));
  EXPECT_EQ(f.finish, Finish::kResolved);
  EXPECT_EQ(f.finished_at, At("2026-03-16 07:59"));
  EXPECT_EQ(f.timeliness, Timeliness::kOnTime);  // the due day itself
  EXPECT_EQ(f.officer, 9);
  EXPECT_EQ(FactsOf(d, events, At("2026-03-17 08:00")).timeliness, Timeliness::kEarly);
  EXPECT_EQ(FactsOf(d, events, At("2026-03-16 07:00")).timeliness, Timeliness::kLate);
  EXPECT_EQ(FactsOf(d, events, std::nullopt).timeliness, Timeliness::kPending);
  // More than one supplement request counts as late whatever the clock says (766, 2.1).
  d.supplement_requests = 2;
  EXPECT_EQ(FactsOf(d, events, At("2026-03-17 08:00")).timeliness, Timeliness::kLate);
}

TEST(FactsTest, WithdrawalIsRememberedAfterTheStop) {
  dossier::Dossier d = Received("2026-03-02 08:00");
  d.state = State::kWithdrawal;
  const std::vector<Event> first = {Ev(1, EventKind::kReceived, "2026-03-02 08:00"),
                                    Ev(2, EventKind::kWithdrawalRequested, "2026-03-03 08:00")};
  const Facts before = FactsOf(d, first, std::nullopt);
  EXPECT_TRUE(before.withdrawal);
  EXPECT_EQ(before.finish, Finish::kOpen);
  d.state = State::kStopped;
  d.stopped_at = At("2026-03-04 08:00");
  const std::vector<Event> stop = {Ev(3, EventKind::kStopped, "2026-03-04 08:00")};
  const Facts after = UpdateFacts(before, d, stop, std::nullopt);
  EXPECT_TRUE(after.withdrawal);
  EXPECT_EQ(after.finish, Finish::kStopped);
  EXPECT_EQ(after.finished_at, At("2026-03-04 08:00"));
  // The same history folded whole gives the same facts as the two appends.
  std::vector<Event> all = first;
  all.insert(all.end(), stop.begin(), stop.end());
  EXPECT_EQ(FactsOf(d, all, std::nullopt), after);
  // A stop without a request is not a withdrawal.
  const std::vector<Event> plain = {Ev(1, EventKind::kReceived, "2026-03-02 08:00"),
                                    Ev(2, EventKind::kStopped, "2026-03-04 08:00")};
  EXPECT_FALSE(FactsOf(d, plain, std::nullopt).withdrawal);
}

TEST(FactsTest, RefusalAtReceptionIsNeverReceived) {
  dossier::Dossier d;
  d.id = 7;
  d.channel = dossier::Channel::kOnline;
  d.state = State::kRefused;
  d.submitted_at = At("2026-03-02 08:00");
  d.stopped_at = At("2026-03-02 10:00");
  const std::vector<Event> events = {Ev(1, EventKind::kSubmitted, "2026-03-02 08:00"),
                                     Ev(2, EventKind::kGuided, "2026-03-02 09:00"),
                                     Ev(3, EventKind::kRefused, "2026-03-02 10:00")};
  const Facts f = FactsOf(d, events, std::nullopt);
  EXPECT_EQ(f.finish, Finish::kRefused);
  EXPECT_EQ(f.finished_at, At("2026-03-02 10:00"));
  EXPECT_EQ(f.received_at, 0);
  EXPECT_TRUE(f.guided);
}

}  // namespace
}  // namespace motcua::reports
