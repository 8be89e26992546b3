// The background worker over a real (temporary) SQLite store with the demo province and a fake
// clock: delivery with retries, backoff and give-up; two workers delivering each message once;
// the lease passing to another server; the three sweeps, each alert raised once.
#include "app/background.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "app/testing/service_fixture.h"
#include "calendar/test_util.h"
#include "catalog/test_util.h"

namespace motcua::app {
namespace {

using calendar::testing::L;
using catalog::StepKind;
using dossier::Command;
using dossier::CommandKind;
using dossier::State;

using testing::Input;
using testing::kCenter;
using testing::kDivision;
using testing::kJustice;
using testing::Step;

// Records what it was asked to send; fails while `failure` is set. Thread-safe.
class FakeSender final : public Sender {
 public:
  Status Send(const OutboxMessage& message) override {
    std::lock_guard lock(mu_);
    calls_.push_back(message);
    if (slow_clock_ != nullptr) slow_clock_->Advance(slow_seconds_);
    if (failure_) return *failure_;
    return Ok();
  }
  void FailWith(std::optional<Error> e) {
    std::lock_guard lock(mu_);
    failure_ = std::move(e);
  }
  // Each send takes `seconds` of `clock`.
  void TakeTime(FakeClock* clock, std::int64_t seconds) {
    std::lock_guard lock(mu_);
    slow_clock_ = clock;
    slow_seconds_ = seconds;
  }
  std::vector<OutboxMessage> calls() {
    std::lock_guard lock(mu_);
    return calls_;
  }

 private:
  std::mutex mu_;
  std::vector<OutboxMessage> calls_;
  std::optional<Error> failure_;
  FakeClock* slow_clock_ = nullptr;
  std::int64_t slow_seconds_ = 0;
};

// Đăng ký kết hôn at the Justice department, received at the provincial center: 10 days.
CatalogItem Marriage() {
  catalog::Procedure p = catalog::testing::MarriageRegistration(10);
  p.code = "1.000001";
  p.level = catalog::Level::kProvince;
  p.competent_units = {kJustice};
  p.receiving_units = {kCenter};
  catalog::Workflow w;
  w.procedure_code = p.code;
  w.steps = {Step("tiep-nhan", StepKind::kReceive, kCenter, "reception_officer", 4, {"tham-dinh"}),
             Step("tham-dinh", StepKind::kAppraise, kDivision, "specialist", 64, {"ky"}),
             Step("ky", StepKind::kSign, kJustice, "agency_head", 8, {"tra"}),
             Step("tra", StepKind::kReturn, kCenter, "reception_officer", 4, {})};
  CatalogItem item{catalog::testing::PublishedVersion(p, {2025, 1, 1}), {}};
  item.workflows.push_back(w);
  return item;
}

// The same procedure settled within one working day.
CatalogItem SameDay() {
  CatalogItem item = Marriage();
  catalog::Procedure& p = item.version.procedure;
  for (auto& channel : p.channels) channel.time = catalog::LegalTime::WorkingDays(1);
  p.code = "1.000002";
  item.workflows[0].procedure_code = p.code;
  const std::int64_t hours[] = {2, 4, 1, 1};
  for (std::size_t i = 0; i < 4; ++i) item.workflows[0].steps[i].budget_seconds = hours[i] * 3600;
  return item;
}

class BackgroundTest : public testing::ServiceFixture {
 protected:
  BackgroundTest() : ServiceFixture(L("2026-03-02 08:00")) {}

  void SetUp() override {
    ServiceFixture::SetUp();
    auto imported = catalog_->ImportCatalog(Actor::System(), {Marriage(), SameDay()});
    ASSERT_TRUE(imported.ok()) << ToString(imported.error());
  }

  BackgroundOptions Options(std::string server_id) {
    BackgroundOptions o;
    o.server_id = std::move(server_id);
    o.interval = std::chrono::milliseconds(10);
    o.max_attempts = 4;
    o.senders = {{"email", &email_}, {"webhook", &webhook_}, {"staff", &staff_}};
    return o;
  }
  std::unique_ptr<BackgroundWorker> Worker(BackgroundOptions options) {
    return std::make_unique<BackgroundWorker>(*store_, clock_, *calendars_, *dossiers_,
                                              std::move(options));
  }

  // A dossier received at the counter at `at`, forwarded to the division at `at` + 1 h.
  std::int64_t Received(const std::string& at) {
    clock_.Set(L(at));
    auto r = dossiers_->Receive(As("tiepnhan"), Input(), ReceptionDecision::kReceive, {}, "", "");
    EXPECT_TRUE(r.ok()) << ToString(r.error());
    const std::int64_t id = r->view.stored.value.id;
    clock_.Advance(3600);
    Act("tiepnhan", id, Cmd(CommandKind::kForward));
    return id;
  }
  DossierView Act(const std::string& who, std::int64_t id, const Command& cmd) {
    auto current = dossiers_->Get(As(who), id);
    EXPECT_TRUE(current.ok());
    auto done = dossiers_->Act(As(who), id, current->stored.value.version, cmd);
    EXPECT_TRUE(done.ok()) << ToString(done.error());
    return done.ok() ? *done : DossierView{};
  }
  static Command Cmd(CommandKind kind, std::string reason = {}) {
    Command c;
    c.kind = kind;
    c.reason = std::move(reason);
    return c;
  }

  std::vector<OutboxMessage> Outbox(std::int64_t dossier_id = 0) {
    std::vector<OutboxMessage> out;
    EXPECT_TRUE(store_
                    ->Read([&](ReadTx& tx) -> Status {
                      MOTCUA_ASSIGN_OR_RETURN(out, tx.ListOutbox(dossier_id, 0, 1000));
                      return Ok();
                    })
                    .ok());
    return out;
  }
  std::vector<OutboxMessage> OfKind(const std::string& kind) {
    std::vector<OutboxMessage> out;
    for (auto& m : Outbox()) {
      if (m.kind == kind) out.push_back(m);
    }
    return out;
  }

  FakeSender email_, webhook_, staff_;
};

TEST(BackoffTest, DoublesFromOneMinuteAndIsCapped) {
  BackgroundOptions o;
  o.first_retry_seconds = 60;
  o.max_retry_seconds = 3600;
  const Instant t = 1'000'000;
  EXPECT_EQ(BackgroundWorker::NextAttempt(o, t, 1), t + 60);
  EXPECT_EQ(BackgroundWorker::NextAttempt(o, t, 2), t + 120);
  EXPECT_EQ(BackgroundWorker::NextAttempt(o, t, 3), t + 240);
  EXPECT_EQ(BackgroundWorker::NextAttempt(o, t, 6), t + 1920);
  EXPECT_EQ(BackgroundWorker::NextAttempt(o, t, 7), t + 3600);
  EXPECT_EQ(BackgroundWorker::NextAttempt(o, t, 60), t + 3600);
}

TEST_F(BackgroundTest, AFailedMessageIsRetriedWithBackoffThenGivenUp) {
  Received("2026-03-02 08:00");  // queues the applicant's "received" e-mail
  email_.FailWith(Error::Unavailable("connection refused"));
  auto worker = Worker(Options("a"));
  const Instant t0 = L("2026-03-02 10:00");
  clock_.Set(t0);
  auto first = worker->Deliver();
  ASSERT_TRUE(first.ok()) << ToString(first.error());
  EXPECT_EQ(first->retried, 1);
  auto m = Outbox().at(0);
  EXPECT_EQ(m.kind, "received");
  EXPECT_EQ(m.attempts, 1);
  EXPECT_EQ(m.next_attempt_at, t0 + 60);
  EXPECT_EQ(m.last_error, "unavailable: connection refused");
  EXPECT_EQ(m.claimed_by, std::nullopt);

  clock_.Set(t0 + 59);  // not due yet
  EXPECT_EQ(worker->Deliver()->retried, 0);
  clock_.Set(t0 + 60);
  EXPECT_EQ(worker->Deliver()->retried, 1);
  EXPECT_EQ(Outbox().at(0).next_attempt_at, t0 + 60 + 120);
  clock_.Set(t0 + 180);
  EXPECT_EQ(worker->Deliver()->retried, 1);
  EXPECT_EQ(Outbox().at(0).next_attempt_at, t0 + 180 + 240);
  clock_.Set(t0 + 420);
  auto last = worker->Deliver();  // the 4th attempt is the last
  EXPECT_EQ(last->gave_up, 1);
  m = Outbox().at(0);
  EXPECT_EQ(m.attempts, 4);
  EXPECT_EQ(m.gave_up_at, t0 + 420);
  EXPECT_EQ(m.sent_at, std::nullopt);
  // Given up: kept and visible, never tried again.
  email_.FailWith(std::nullopt);
  clock_.Set(t0 + 100'000);
  EXPECT_EQ(worker->Deliver()->sent, 0);
  EXPECT_EQ(email_.calls().size(), 4u);
}

TEST_F(BackgroundTest, AnErrorNotWorthRetryingGivesUpAtOnce) {
  Received("2026-03-02 08:00");
  email_.FailWith(Error::InvalidArgument("550 5.1.1 mailbox unavailable"));
  auto worker = Worker(Options("a"));
  clock_.Set(L("2026-03-02 10:00"));
  EXPECT_EQ(worker->Deliver()->gave_up, 1);
  EXPECT_EQ(Outbox().at(0).attempts, 1);
  EXPECT_TRUE(Outbox().at(0).gave_up_at.has_value());
}

TEST_F(BackgroundTest, TwoWorkersDeliverEachMessageExactlyOnce) {
  const std::int64_t id = Received("2026-03-02 08:00");
  ASSERT_TRUE(store_
                  ->Write([&](WriteTx& tx) -> Status {
                    for (int i = 0; i < 40; ++i) {
                      OutboxMessage m;
                      m.dossier_id = id;
                      m.kind = "supplement";
                      m.channel = i % 2 == 0 ? "email" : "webhook";
                      m.recipient = "huong@example.vn";
                      m.payload = "{}";
                      m.created_at = clock_.Now();
                      m.next_attempt_at = clock_.Now();
                      MOTCUA_RETURN_IF_ERROR(tx.InsertOutbox(m));
                    }
                    return Ok();
                  })
                  .ok());
  BackgroundOptions a = Options("server-a");
  BackgroundOptions b = Options("server-b");
  a.batch = b.batch = 3;
  auto wa = Worker(a);
  auto wb = Worker(b);
  std::atomic<int> sent{0};
  std::thread ta([&] { sent += wa->Deliver()->sent; });
  std::thread tb([&] { sent += wb->Deliver()->sent; });
  ta.join();
  tb.join();
  EXPECT_EQ(sent.load(), 41);  // and the "received" e-mail
  std::map<std::int64_t, int> times;
  for (const auto& m : email_.calls()) ++times[m.id];
  for (const auto& m : webhook_.calls()) ++times[m.id];
  EXPECT_EQ(times.size(), 41u);
  for (const auto& [message, n] : times) EXPECT_EQ(n, 1) << "message " << message;
  for (const auto& m : Outbox()) EXPECT_TRUE(m.sent_at.has_value()) << m.id;
}

// Slow sends: a message whose claim would lapse during its send is left for the next claim, so
// that another server taking it then never sends it at the same time.
TEST_F(BackgroundTest, AMessageIsNotSentWhenItsClaimCouldLapseMeanwhile) {
  const std::int64_t id = Received("2026-03-02 08:00");
  ASSERT_TRUE(store_
                  ->Write([&](WriteTx& tx) -> Status {
                    for (int i = 0; i < 2; ++i) {
                      OutboxMessage m;
                      m.dossier_id = id;
                      m.kind = "supplement";
                      m.channel = "email";
                      m.recipient = "huong@example.vn";
                      m.payload = "{}";
                      m.created_at = m.next_attempt_at = clock_.Now();
                      MOTCUA_RETURN_IF_ERROR(tx.InsertOutbox(m));
                    }
                    return Ok();
                  })
                  .ok());
  BackgroundOptions o = Options("server-a");
  o.claim_seconds = 100;
  o.send_margin_seconds = 60;
  email_.TakeTime(&clock_, 50);
  const Instant t = clock_.Now();
  auto a = Worker(o);
  auto first = a->Deliver();  // claims all three until t + 100; the first send ends at t + 50
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->sent, 1);
  EXPECT_EQ(first->not_sent, 2);
  EXPECT_EQ(email_.calls().size(), 1u);
  o.server_id = "server-b";
  clock_.Set(t + 99);  // still held by server-a
  EXPECT_EQ(Worker(o)->Deliver()->sent, 0);
  clock_.Set(t + 100);
  EXPECT_EQ(Worker(o)->Deliver()->sent, 1);  // each send takes 50 s: one per claim
  clock_.Set(t + 300);
  EXPECT_EQ(Worker(o)->Deliver()->sent, 1);
  std::set<std::int64_t> sent;
  for (const auto& m : email_.calls()) EXPECT_TRUE(sent.insert(m.id).second) << m.id;
  EXPECT_EQ(sent.size(), 3u);
}

TEST_F(BackgroundTest, AnotherServerTakesTheLeaseWhenItExpires) {
  auto a = Worker(Options("server-a"));
  auto b = Worker(Options("server-b"));
  clock_.Set(L("2026-03-02 10:00"));
  EXPECT_TRUE(a->RunRound()->leader);
  EXPECT_FALSE(b->RunRound()->leader);
  clock_.Advance(60);
  EXPECT_TRUE(a->RunRound()->leader);  // renewed
  clock_.Advance(89);
  EXPECT_FALSE(b->RunRound()->leader);
  clock_.Advance(1);  // a stopped renewing 90 s ago
  EXPECT_TRUE(b->RunRound()->leader);
  EXPECT_FALSE(a->RunRound()->leader);
}

TEST_F(BackgroundTest, TheLeaderTakesTheReportsSnapshotOncePerDay) {
  ReportService reports(*store_, clock_);
  BackgroundOptions a = Options("server-a");
  a.reports = &reports;
  BackgroundOptions b = Options("server-b");
  b.reports = &reports;
  auto wa = Worker(a);
  auto wb = Worker(b);
  clock_.Set(L("2026-03-02 00:05"));
  EXPECT_EQ(wa->RunRound()->snapshot_days, ReportService::kSnapshotCatchUpDays);
  EXPECT_FALSE(wb->RunRound()->leader);
  clock_.Advance(30);
  EXPECT_EQ(wa->RunRound()->snapshot_days, 0);  // the same day: nothing to take
  clock_.Set(L("2026-03-03 00:01"));
  EXPECT_EQ(wa->RunRound()->snapshot_days, 1);  // 2 March
}

TEST_F(BackgroundTest, TheThreadDeliversAndReleasesTheLeaseOnStop) {
  Received("2026-03-02 08:00");
  auto a = Worker(Options("server-a"));
  a->Start();
  for (int i = 0; i < 500 && email_.calls().empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  a->Stop();
  ASSERT_EQ(email_.calls().size(), 1u);
  EXPECT_EQ(email_.calls()[0].recipient, "huong@example.vn");
  // Released: another server takes over at once.
  EXPECT_TRUE(Worker(Options("server-b"))->RunRound()->leader);
}

TEST_F(BackgroundTest, WithoutASenderMessagesStayInTheOutbox) {
  Received("2026-03-02 08:00");
  BackgroundOptions o = Options("a");
  o.senders.clear();
  clock_.Set(L("2026-03-02 10:00"));
  auto round = Worker(o)->RunRound();
  ASSERT_TRUE(round.ok());
  EXPECT_EQ(round->delivery.sent, 0);
  auto m = Outbox().at(0);
  EXPECT_EQ(m.sent_at, std::nullopt);
  EXPECT_EQ(m.claimed_by, std::nullopt);
  EXPECT_EQ(m.attempts, 0);
}

// Decree 297/2025 art. 6(4): an online dossier not checked within 2 working hours alerts the
// service center, once, even when several servers sweep at the same moment.
TEST_F(BackgroundTest, AnUncheckedOnlineDossierAlertsTheCenterOnce) {
  clock_.Set(L("2026-03-02 08:00"));
  auto submitted = dossiers_->Submit(As("congdan"), Input(dossier::Channel::kOnline), "", "");
  ASSERT_TRUE(submitted.ok()) << ToString(submitted.error());
  const std::string code = submitted->view.stored.value.code;
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(dossiers_->Submit(As("congdan"), Input(dossier::Channel::kOnline), "", "").ok());
  }
  ASSERT_TRUE(submitted->view.times.intake_alert.has_value());
  const Instant alert_at = *submitted->view.times.intake_alert;
  EXPECT_EQ(alert_at, L("2026-03-02 10:00"));
  std::vector<std::unique_ptr<BackgroundWorker>> servers;
  for (int i = 0; i < 6; ++i) servers.push_back(Worker(Options("server-" + std::to_string(i))));
  clock_.Set(alert_at - 60);
  EXPECT_EQ(servers[0]->Sweep()->intake_alerts, 0);
  clock_.Set(alert_at);
  std::atomic<int> raised{0};
  std::vector<std::thread> sweeping;
  for (auto& server : servers) {
    sweeping.emplace_back([&] { raised += server->Sweep()->intake_alerts; });
  }
  for (auto& t : sweeping) t.join();
  EXPECT_EQ(raised.load(), 5);
  clock_.Advance(3600);
  EXPECT_EQ(servers[0]->Sweep()->intake_alerts, 0);
  auto alerts = OfKind("intake-alert");
  ASSERT_EQ(alerts.size(), 5u);
  std::set<std::int64_t> dossiers;
  for (const auto& m : alerts) dossiers.insert(m.dossier_id);
  EXPECT_EQ(dossiers.size(), 5u);
  EXPECT_EQ(alerts[0].channel, "staff");
  EXPECT_EQ(alerts[0].recipient, kCenter);
  EXPECT_EQ(alerts[0].payload, "{\"code\":\"" + code +
                                   "\",\"kind\":\"intake-alert\",\"unit\":\"H99.01\",\"due\":" +
                                   std::to_string(*submitted->view.times.intake_due) + "}");
  // Delivered to the staff route.
  ASSERT_TRUE(servers[0]->Deliver().ok());
  ASSERT_EQ(staff_.calls().size(), 5u);
  EXPECT_EQ(staff_.calls()[0].kind, "intake-alert");
}

// No supplement within 15 working days: the system stops the dossier (form 05), through the
// state machine, with its event, audit record and the applicant's message.
TEST_F(BackgroundTest, AnExpiredSupplementPeriodStopsTheDossier) {
  const std::int64_t id = Received("2026-03-02 08:00");
  clock_.Set(L("2026-03-03 10:00"));
  Command ask = Cmd(CommandKind::kRequestSupplement, "Thiếu giấy tờ");
  ask.items = {"Giấy xác nhận tình trạng hôn nhân"};
  auto asked = Act("chuyenvien", id, ask);
  ASSERT_TRUE(asked.times.supplement_deadline.has_value());
  EXPECT_EQ(asked.stored.clock.supplement_deadline, asked.times.supplement_deadline);
  const Instant deadline = *asked.times.supplement_deadline;
  auto worker = Worker(Options("a"));
  clock_.Set(deadline);
  EXPECT_EQ(worker->Sweep()->supplements_stopped, 0);
  clock_.Set(deadline + 60);
  EXPECT_EQ(worker->Sweep()->supplements_stopped, 1);
  EXPECT_EQ(worker->Sweep()->supplements_stopped, 0);
  auto view = dossiers_->Get(Actor::System(), id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->stored.value.state, State::kStopped);
  const dossier::Event& stop = view->events.back();
  EXPECT_EQ(stop.kind, dossier::EventKind::kStopped);
  EXPECT_EQ(stop.actor, "system");
  EXPECT_EQ(stop.at, deadline + 60);
  EXPECT_NE(stop.reason.find("Quá thời hạn bổ sung"), std::string::npos);
  auto told = OfKind("stopped");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].recipient, "huong@example.vn");
  bool audited = false;
  ASSERT_TRUE(store_
                  ->Read([&](ReadTx& tx) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(auto records, tx.ListAudit({0, 1000}));
                    for (const auto& r : records) {
                      audited |= r.action == "dossier.stop" && r.actor == "system";
                    }
                    return Ok();
                  })
                  .ok());
  EXPECT_TRUE(audited);
}

// A signed apology tells the applicant and the service center that received the dossier, with
// the new appointment.
TEST_F(BackgroundTest, ASignedApologyTellsTheApplicantAndTheServiceCenter) {
  const std::int64_t id = Received("2026-03-02 08:00");
  clock_.Set(L("2026-03-12 15:00"));
  Command apology = Cmd(CommandKind::kDraftApology, "Cần xác minh thêm");
  apology.new_appointment = L("2026-03-20 17:00");
  Act("giamdoc", id, apology);
  EXPECT_TRUE(OfKind("apology-signed").empty()) << "a draft tells nobody";
  Act("giamdoc", id, Cmd(CommandKind::kSignApology));
  auto told = OfKind("apology");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].recipient, "huong@example.vn");
  auto center = OfKind("apology-signed");
  ASSERT_EQ(center.size(), 1u);
  EXPECT_EQ(center[0].channel, "staff");
  EXPECT_EQ(center[0].recipient, kCenter);
  EXPECT_NE(center[0].payload.find("\"due\":" + std::to_string(L("2026-03-20 17:00"))),
            std::string::npos)
      << center[0].payload;
}

// At least one working day before the appointment the competent unit is warned, once, unless
// it already drafted the apology.
TEST_F(BackgroundTest, ADossierNearItsDueInstantWarnsTheCompetentUnitOnce) {
  const std::int64_t near = Received("2026-03-02 08:00");
  const std::int64_t apologised = Received("2026-03-02 08:00");
  auto view = dossiers_->Get(Actor::System(), near);
  ASSERT_TRUE(view.ok() && view->times.due.has_value());
  const Instant due = *view->times.due;
  EXPECT_EQ(due, L("2026-03-16 08:00"));
  clock_.Set(L("2026-03-12 15:00"));
  Command apology = Cmd(CommandKind::kDraftApology, "Cần xác minh thêm");
  apology.new_appointment = L("2026-03-20 17:00");
  Act("giamdoc", apologised, apology);
  auto worker = Worker(Options("a"));
  clock_.Set(L("2026-03-12 16:00"));  // more than a working day left
  EXPECT_EQ(worker->Sweep()->late_warnings, 0);
  clock_.Set(L("2026-03-13 08:00"));  // exactly one working day left
  EXPECT_EQ(worker->Sweep()->late_warnings, 1);
  clock_.Set(L("2026-03-17 08:00"));  // late now: still warned only once
  EXPECT_EQ(worker->Sweep()->late_warnings, 0);
  auto warnings = OfKind("late-warning");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].dossier_id, near);
  EXPECT_EQ(warnings[0].channel, "staff");
  EXPECT_EQ(warnings[0].recipient, kJustice);
}

// A same-day procedure is not warned at reception (its whole time is within a working day); once
// late, it is.
TEST_F(BackgroundTest, ASameDayDossierIsWarnedOnlyOnceLate) {
  clock_.Set(L("2026-03-02 08:00"));
  ReceptionInput in = Input();
  in.procedure_code = "1.000002";
  auto r = dossiers_->Receive(As("tiepnhan"), in, ReceptionDecision::kReceive, {}, "", "");
  ASSERT_TRUE(r.ok()) << ToString(r.error());
  ASSERT_TRUE(r->view.times.due.has_value());
  const Instant due = *r->view.times.due;
  auto worker = Worker(Options("a"));
  clock_.Set(L("2026-03-02 09:00"));
  EXPECT_EQ(worker->Sweep()->late_warnings, 0);
  clock_.Set(due);
  EXPECT_EQ(worker->Sweep()->late_warnings, 0);
  clock_.Set(due + 60);
  EXPECT_EQ(worker->Sweep()->late_warnings, 1);
  EXPECT_EQ(OfKind("late-warning").size(), 1u);
}

}  // namespace
}  // namespace motcua::app
