// Background work in storage (migration 5): leader leases, outbox claims that two servers never
// share, delivery outcomes guarded by the claim, alerts raised once, and the sweeps' SQL filters.
#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "storage/conformance/conformance.h"

namespace motcua::storage::conformance {
namespace {

using app::OutboxClaim;
using app::OutboxMessage;
using app::StoredDossier;
using app::Sweep;
using app::SweepQuery;

constexpr Instant kNow = 1'772'420'400;  // 2026-03-02 10:00 Vietnam

void ExpectNoError(const Status& s) { EXPECT_TRUE(s.ok()) << ToString(s.error()); }

StoredDossier Row(std::string code, dossier::State state) {
  StoredDossier s;
  dossier::Dossier& d = s.value;
  d.code = std::move(code);
  d.procedure_code = "1.000001";
  d.procedure_version = 1;
  d.channel = catalog::Channel::kOnline;
  d.receiving_unit = "H38.30";
  d.competent_unit = "H38.03";
  d.applicant.name = "Trần Văn Bình";
  d.state = state;
  d.received = state != dossier::State::kSubmitted;
  d.version = 1;
  s.secret_hash = std::string(64, 'e');
  s.step_unit = "H38.03";
  return s;
}

std::int64_t Insert(app::Store& store, StoredDossier s) {
  Status st = store.Write([&](app::WriteTx& tx) { return tx.InsertDossier(s, {}); });
  EXPECT_TRUE(st.ok()) << ToString(st.error());
  return s.value.id;
}

OutboxMessage Message(std::int64_t dossier_id, std::string channel, Instant next) {
  OutboxMessage m;
  m.dossier_id = dossier_id;
  m.kind = "received";
  m.channel = std::move(channel);
  m.recipient = "binh@example.vn";
  m.payload = R"({"code":"H38.30-260302-0001","kind":"received"})";
  m.created_at = kNow - 60;
  m.next_attempt_at = next;
  return m;
}

std::int64_t Queue(app::Store& store, OutboxMessage m) {
  EXPECT_TRUE(store.Write([&](app::WriteTx& tx) { return tx.InsertOutbox(m); }).ok());
  return m.id;
}

OutboxClaim Claim(std::string holder, Instant now, int limit = 20) {
  return {std::move(holder), now, now + 300, {"email", "webhook"}, limit};
}

std::vector<OutboxMessage> ClaimAll(app::Store& store, const OutboxClaim& claim) {
  std::vector<OutboxMessage> out;
  Status s = store.Write([&](app::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out, tx.ClaimOutbox(claim));
    return Ok();
  });
  EXPECT_TRUE(s.ok()) << ToString(s.error());
  return out;
}

std::vector<OutboxMessage> AllMessages(app::Store& store) {
  std::vector<OutboxMessage> out;
  EXPECT_TRUE(store
                  .Read([&](app::ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(out, tx.ListOutbox(0, 0, 1000));
                    return Ok();
                  })
                  .ok());
  return out;
}

bool Acquire(app::Store& store, const std::string& holder, Instant now) {
  bool got = false;
  Status s = store.Write([&](app::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(got, tx.AcquireLease("background", holder, now, now + 90));
    return Ok();
  });
  EXPECT_TRUE(s.ok()) << ToString(s.error());
  return got;
}

TEST_P(StoreConformance, LeaseHasOneHolderUntilItExpiresOrIsReleased) {
  EXPECT_TRUE(Acquire(store(), "a", kNow));
  EXPECT_FALSE(Acquire(store(), "b", kNow + 10));
  EXPECT_TRUE(Acquire(store(), "a", kNow + 60));  // renewed until kNow + 150
  EXPECT_FALSE(Acquire(store(), "b", kNow + 149));
  EXPECT_TRUE(Acquire(store(), "b", kNow + 150));  // a stopped renewing: b takes over
  EXPECT_FALSE(Acquire(store(), "a", kNow + 151));
  ExpectNoError(store().Read([&](app::ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto lease, tx.FindLease("background"));
    EXPECT_TRUE(lease && lease->holder == "b" && lease->expires_at == kNow + 240);
    MOTCUA_ASSIGN_OR_RETURN(auto none, tx.FindLease("other"));
    EXPECT_FALSE(none.has_value());
    return Ok();
  }));
  // Releasing by someone else changes nothing; by the holder, frees it at once.
  ExpectNoError(store().Write([](app::WriteTx& tx) { return tx.ReleaseLease("background", "a"); }));
  EXPECT_FALSE(Acquire(store(), "a", kNow + 152));
  ExpectNoError(store().Write([](app::WriteTx& tx) { return tx.ReleaseLease("background", "b"); }));
  EXPECT_TRUE(Acquire(store(), "a", kNow + 153));
}

TEST_P(StoreConformance, RacingServersGetTheLeaseOnce) {
  std::atomic<int> winners{0};
  std::vector<std::thread> servers;
  for (int i = 0; i < 4; ++i) {
    servers.emplace_back([&, i] {
      if (Acquire(store(), "server-" + std::to_string(i), kNow)) ++winners;
    });
  }
  for (auto& t : servers) t.join();
  EXPECT_EQ(winners.load(), 1);
}

TEST_P(StoreConformance, ClaimTakesDueUnheldMessagesOfServedChannelsOldestFirst) {
  const std::int64_t id = Insert(store(), Row("H38.30-260302-0001", dossier::State::kReceived));
  const std::int64_t later = Queue(store(), Message(id, "email", kNow - 10));
  const std::int64_t first = Queue(store(), Message(id, "webhook", kNow - 20));
  const std::int64_t not_due = Queue(store(), Message(id, "email", kNow + 1000));
  Queue(store(), Message(id, "staff", kNow - 30));  // no sender for this channel here
  auto claimed = ClaimAll(store(), Claim("a", kNow));
  ASSERT_EQ(claimed.size(), 2u);
  EXPECT_EQ(claimed[0].id, first);
  EXPECT_EQ(claimed[1].id, later);
  EXPECT_EQ(claimed[0].claimed_by, "a");
  EXPECT_EQ(claimed[0].claimed_until, kNow + 300);
  // Held messages are not claimed again until the claim lapses.
  EXPECT_TRUE(ClaimAll(store(), Claim("b", kNow + 100)).empty());
  auto lapsed = ClaimAll(store(), Claim("b", kNow + 300));
  ASSERT_EQ(lapsed.size(), 2u);
  EXPECT_EQ(lapsed[0].claimed_by, "b");

  // Only the holder records the outcome.
  ExpectNoError(store().Write([&](app::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(bool by_a, tx.MarkOutboxSent(first, "a", kNow + 301));
    EXPECT_FALSE(by_a);
    MOTCUA_ASSIGN_OR_RETURN(bool by_b, tx.MarkOutboxSent(first, "b", kNow + 301));
    EXPECT_TRUE(by_b);
    MOTCUA_ASSIGN_OR_RETURN(bool again, tx.MarkOutboxSent(first, "b", kNow + 302));
    EXPECT_FALSE(again);
    app::OutboxFailure failure{later, "b", "421 Dịch vụ tạm ngừng", kNow + 400, std::nullopt};
    MOTCUA_ASSIGN_OR_RETURN(bool failed, tx.MarkOutboxFailed(failure));
    EXPECT_TRUE(failed);
    return Ok();
  }));
  std::map<std::int64_t, OutboxMessage> by_id;
  for (auto& m : AllMessages(store())) by_id[m.id] = m;
  EXPECT_EQ(by_id[first].sent_at, kNow + 301);
  EXPECT_EQ(by_id[first].attempts, 1);
  EXPECT_EQ(by_id[first].claimed_by, std::nullopt);
  EXPECT_EQ(by_id[later].sent_at, std::nullopt);
  EXPECT_EQ(by_id[later].attempts, 1);
  EXPECT_EQ(by_id[later].last_error, "421 Dịch vụ tạm ngừng");
  EXPECT_EQ(by_id[later].next_attempt_at, kNow + 400);
  EXPECT_EQ(by_id[later].claimed_until, std::nullopt);

  // A sent message is never claimed again; a failed one when its next attempt is due.
  EXPECT_TRUE(ClaimAll(store(), Claim("a", kNow + 399)).empty());
  auto retry = ClaimAll(store(), Claim("a", kNow + 400));
  ASSERT_EQ(retry.size(), 1u);
  EXPECT_EQ(retry[0].id, later);
  // Given up: kept, visible, never claimed.
  ExpectNoError(store().Write([&](app::WriteTx& tx) -> Status {
    app::OutboxFailure f{later, "a", "550 Không có hộp thư", kNow + 999, kNow + 401};
    MOTCUA_ASSIGN_OR_RETURN(bool done, tx.MarkOutboxFailed(f));
    EXPECT_TRUE(done);
    return Ok();
  }));
  auto rest = ClaimAll(store(), Claim("c", kNow + 5000));
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].id, not_due);
  auto all = AllMessages(store());
  ASSERT_EQ(all.size(), 4u);
  for (const auto& m : all) {
    if (m.id != later) continue;
    EXPECT_EQ(m.gave_up_at, kNow + 401);
    EXPECT_EQ(m.attempts, 2);
  }
  // One dossier's messages; keyset by id.
  ExpectNoError(store().Read([&](app::ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto mine, tx.ListOutbox(id, 0, 10));
    EXPECT_EQ(mine.size(), 4u);
    MOTCUA_ASSIGN_OR_RETURN(auto none, tx.ListOutbox(id + 1000, 0, 10));
    EXPECT_TRUE(none.empty());
    MOTCUA_ASSIGN_OR_RETURN(auto after, tx.ListOutbox(0, first, 10));
    EXPECT_EQ(after.size(), 2u);
    return Ok();
  }));
}

TEST_P(StoreConformance, ConcurrentClaimsNeverShareAMessage) {
  const std::int64_t id = Insert(store(), Row("H38.30-260302-0001", dossier::State::kReceived));
  constexpr int kMessages = 60;
  for (int i = 0; i < kMessages; ++i) Queue(store(), Message(id, "email", kNow - i));
  std::mutex mu;
  std::map<std::int64_t, int> times_claimed;
  std::vector<std::thread> servers;
  for (int s = 0; s < 4; ++s) {
    servers.emplace_back([&, s] {
      for (;;) {
        auto got = ClaimAll(store(), Claim("server-" + std::to_string(s), kNow, 3));
        if (got.empty()) return;
        std::lock_guard lock(mu);
        for (const auto& m : got) ++times_claimed[m.id];
      }
    });
  }
  for (auto& t : servers) t.join();
  EXPECT_EQ(times_claimed.size(), static_cast<std::size_t>(kMessages));
  for (const auto& [message, times] : times_claimed) EXPECT_EQ(times, 1) << message;
}

TEST_P(StoreConformance, AnAlertIsRaisedOncePerDossierAndKind) {
  const std::int64_t id = Insert(store(), Row("H38.30-260302-0001", dossier::State::kSubmitted));
  ExpectNoError(store().Write([&](app::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(bool first, tx.InsertDossierAlert(id, app::kIntakeAlert, kNow));
    EXPECT_TRUE(first);
    MOTCUA_ASSIGN_OR_RETURN(bool second, tx.InsertDossierAlert(id, app::kIntakeAlert, kNow + 5));
    EXPECT_FALSE(second);
    MOTCUA_ASSIGN_OR_RETURN(bool other, tx.InsertDossierAlert(id, app::kLateWarning, kNow));
    EXPECT_TRUE(other);
    return Ok();
  }));
}

TEST_P(StoreConformance, SweepsSelectByStateInstantAndRaisedAlerts) {
  StoredDossier online = Row("H38.30-260302-0001", dossier::State::kSubmitted);
  online.clock.intake_alert = kNow - 60;
  StoredDossier fresh = Row("H38.30-260302-0002", dossier::State::kSubmitted);
  fresh.clock.intake_alert = kNow + 60;
  StoredDossier waiting = Row("H38.30-260302-0003", dossier::State::kSupplement);
  waiting.clock.supplement_deadline = kNow - 1;
  waiting.clock.due = kNow + 86400;
  StoredDossier in_time = Row("H38.30-260302-0004", dossier::State::kSupplement);
  in_time.clock.supplement_deadline = kNow + 3600;
  StoredDossier near = Row("H38.30-260302-0005", dossier::State::kProcessing);
  near.clock.due = kNow + 3600;
  StoredDossier done = Row("H38.30-260302-0006", dossier::State::kResolved);
  done.clock.due = kNow - 3600;
  const std::int64_t online_id = Insert(store(), online);
  Insert(store(), fresh);
  const std::int64_t waiting_id = Insert(store(), waiting);
  Insert(store(), in_time);
  const std::int64_t near_id = Insert(store(), near);
  Insert(store(), done);

  auto ids = [&](Sweep sweep, Instant until, std::int64_t after = 0) {
    std::vector<std::int64_t> out;
    ExpectNoError(store().Read([&](app::ReadTx& tx) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(auto rows, tx.ListSweep(SweepQuery{sweep, until, after, 10}));
      for (const auto& r : rows) out.push_back(r.value.id);
      return Ok();
    }));
    return out;
  };
  EXPECT_EQ(ids(Sweep::kIntakeAlert, kNow), std::vector<std::int64_t>{online_id});
  EXPECT_EQ(ids(Sweep::kSupplementExpired, kNow), std::vector<std::int64_t>{waiting_id});
  EXPECT_EQ(ids(Sweep::kApproachingDue, kNow + 4 * 3600), std::vector<std::int64_t>{near_id});
  EXPECT_EQ(ids(Sweep::kApproachingDue, kNow + 2 * 86400),
            (std::vector<std::int64_t>{waiting_id, near_id}));
  EXPECT_EQ(ids(Sweep::kApproachingDue, kNow + 2 * 86400, waiting_id),
            std::vector<std::int64_t>{near_id});
  // The row keeps the sweep instants.
  ExpectNoError(store().Read([&](app::ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto row, tx.FindDossier(waiting_id));
    EXPECT_TRUE(row && row->clock.supplement_deadline == kNow - 1);
    return Ok();
  }));
  // Once raised, an alert's dossier drops out of its sweep.
  ExpectNoError(store().Write([&](app::WriteTx& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.InsertDossierAlert(online_id, app::kIntakeAlert, kNow));
    MOTCUA_RETURN_IF_ERROR(tx.InsertDossierAlert(near_id, app::kLateWarning, kNow));
    return Ok();
  }));
  EXPECT_TRUE(ids(Sweep::kIntakeAlert, kNow).empty());
  EXPECT_EQ(ids(Sweep::kApproachingDue, kNow + 2 * 86400), std::vector<std::int64_t>{waiting_id});
}

}  // namespace
}  // namespace motcua::storage::conformance
