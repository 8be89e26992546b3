// The dossier use cases over a real (temporary) SQLite store with the demo province: reception,
// a whole processing path, the public lookup, queues, idempotent retries, version conflicts and
// unit scope.
#include "app/dossier_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
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

using testing::Marriage;

class DossierServiceTest : public testing::ServiceFixture {
 protected:
  DossierServiceTest() : ServiceFixture(L("2026-03-02 08:00")) {}

  void SetUp() override {
    ServiceFixture::SetUp();
    auto imported = catalog_->ImportCatalog(Actor::System(), {Marriage()});
    ASSERT_TRUE(imported.ok()) << ToString(imported.error());
  }
  // Acts at `at` (Vietnam local time) on the dossier's current version.
  Result<DossierView> Do(const std::string& who, const std::string& at, std::int64_t id,
                         Command cmd) {
    clock_.Set(L(at));
    auto current = dossiers_->Get(As(who), id);
    if (!current.ok()) return std::move(current).error();
    return dossiers_->Act(As(who), id, current->stored.value.version, cmd);
  }

  static Command Cmd(CommandKind kind, std::string reason = {}) {
    Command c;
    c.kind = kind;
    c.reason = std::move(reason);
    return c;
  }
};

// A store that lets another request run between a command's decision (a read) and its write:
// `before_write` runs once, just before the next write.
class InterleavingStore : public Store {
 public:
  explicit InterleavingStore(Store& inner) : inner_(inner) {}
  std::function<void()> before_write;

  Status Write(const std::function<Status(WriteTx&)>& work) override {
    if (before_write) {
      auto other = std::move(before_write);
      before_write = nullptr;
      other();
    }
    return inner_.Write(work);
  }
  Status Read(const std::function<Status(ReadTx&)>& work) override { return inner_.Read(work); }
  Status Ping() override { return inner_.Ping(); }
  Status Migrate() override { return inner_.Migrate(); }
  Result<std::vector<MigrationStatus>> MigrationState() override { return inner_.MigrationState(); }
  Status Backup(const std::string& path) override { return inner_.Backup(path); }
  Status Restore(const std::string& path) override { return inner_.Restore(path); }
  void SetCommitObserver(std::function<void(double, int)> observer) override {
    inner_.SetCommitObserver(std::move(observer));
  }

 private:
  Store& inner_;
};

// A command decided with a calendar that is edited before the command is written: the edit's
// recompute has already passed the dossier, so the command must not write times of the old
// calendar. It is decided again with the new one.
TEST_F(DossierServiceTest, ACalendarEditBetweenACommandsDecisionAndItsWriteIsNotLost) {
  InterleavingStore interleaved(*store_);
  DossierService racing(interleaved, clock_, *calendars_);
  auto received = racing.Receive(As("tiepnhan"), Input(), ReceptionDecision::kReceive, {}, "", "");
  ASSERT_TRUE(received.ok()) << ToString(received.error());
  const std::int64_t id = received->view.stored.value.id;
  const Instant due_before = *received->view.stored.clock.due;
  auto cal = calendars_->ForUnit(std::string(kJustice));
  ASSERT_TRUE(cal.ok()) << ToString(cal.error());
  const std::int64_t calendar_id = cal->first.id;
  interleaved.before_write = [&] {
    // A storm closes the offices on a working day of the dossier's time.
    auto closed = calendars_->AddClosure(Actor::System(), calendar_id, cal->first.version,
                                         {calendar::CivilDate{2026, 3, 4}, std::nullopt, "Bão"});
    ASSERT_TRUE(closed.ok()) << ToString(closed.error());
    auto recomputed = dossiers_->RecomputeClocks(calendar_id);
    ASSERT_TRUE(recomputed.ok()) << ToString(recomputed.error());
    EXPECT_EQ(recomputed->moved, 1);
  };
  clock_.Set(L("2026-03-02 09:00"));
  auto forwarded = racing.Act(As("tiepnhan"), id, received->view.stored.value.version,
                              Cmd(CommandKind::kForward));
  ASSERT_TRUE(forwarded.ok()) << ToString(forwarded.error());
  EXPECT_FALSE(interleaved.before_write) << "the edit did not run between decision and write";
  ASSERT_TRUE(forwarded->stored.clock.due.has_value());
  EXPECT_GT(*forwarded->stored.clock.due, due_before) << "the answer ignores the closure";
  // What was written is what the new calendar gives: a second recompute moves nothing.
  auto again = dossiers_->RecomputeClocks(calendar_id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->moved, 0) << "the command wrote the old calendar's times";
}

TEST_F(DossierServiceTest, CounterReceptionToReturnedResult) {
  auto received =
      dossiers_->Receive(As("tiepnhan"), Input(), ReceptionDecision::kReceive, {}, "", "");
  ASSERT_TRUE(received.ok()) << ToString(received.error());
  const auto& d = received->view.stored.value;
  EXPECT_EQ(d.code, "H99.01-260302-0001");
  EXPECT_EQ(d.state, State::kReceived);
  EXPECT_EQ(d.competent_unit, kJustice);
  EXPECT_EQ(received->secret.size(), 8u);
  EXPECT_TRUE(d.components[0].digitized);  // paper is digitized at reception
  ASSERT_TRUE(received->view.times.appointment.has_value());
  EXPECT_EQ(*received->view.times.appointment, L("2026-03-16 08:00"));
  const std::int64_t id = d.id;

  ASSERT_TRUE(Do("tiepnhan", "2026-03-02 09:00", id, Cmd(CommandKind::kForward)).ok());
  ASSERT_TRUE(Do("chuyenvien", "2026-03-05 10:00", id, Cmd(CommandKind::kForward, "Đạt")).ok());
  ASSERT_TRUE(Do("truongphong", "2026-03-06 10:00", id, Cmd(CommandKind::kForward, "Trình")).ok());
  ASSERT_TRUE(Do("giamdoc", "2026-03-06 14:00", id, Cmd(CommandKind::kForward, "Ký")).ok());
  ASSERT_TRUE(Do("vanthu", "2026-03-09 08:00", id, Cmd(CommandKind::kIssue)).ok());
  auto returned = Do("tiepnhan", "2026-03-09 10:00", id, Cmd(CommandKind::kReturn));
  ASSERT_TRUE(returned.ok()) << ToString(returned.error());
  EXPECT_EQ(returned->stored.value.state, State::kReturned);
  EXPECT_EQ(returned->events.size(), 7u);
  EXPECT_EQ(returned->times.outcome, dossier::Timeliness::kEarly);

  auto status = dossiers_->Lookup(d.code, received->secret);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->applicant_initials, "N.T.H.");
  EXPECT_EQ(status->state, State::kReturned);
  EXPECT_TRUE(status->result_ready);  // handed over, and still issued
  EXPECT_EQ(status->procedure_name, "Đăng ký kết hôn");
  // A wrong secret and an unknown code are the same answer.
  const Error wrong = dossiers_->Lookup(d.code, "AAAAAAAA").error();
  const Error unknown = dossiers_->Lookup("H99.01-260302-0099", received->secret).error();
  EXPECT_EQ(wrong.code, ErrorCode::kNotFound);
  EXPECT_EQ(wrong.message, unknown.message);

  // Form 06: one row per hand-over.
  auto rows = dossiers_->Handovers(As("giamdoc"), id);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->size(), 6u);
}

TEST_F(DossierServiceTest, IncompleteIsGuidedAndRefusalNeedsAReason) {
  ReceptionInput in = Input();
  in.components.clear();
  auto receive = dossiers_->Receive(As("tiepnhan"), in, ReceptionDecision::kReceive, {}, "", "");
  ASSERT_FALSE(receive.ok());
  EXPECT_EQ(receive.error().field(), "components[0]");
  auto guided = dossiers_->Receive(As("tiepnhan"), in, ReceptionDecision::kGuide, {}, "", "");
  ASSERT_TRUE(guided.ok()) << ToString(guided.error());
  EXPECT_EQ(guided->view.stored.value.state, State::kSupplement);
  EXPECT_EQ(guided->view.events.back().items, std::vector<std::string>{"Tờ khai đăng ký kết hôn"});
  auto refused =
      dossiers_->Receive(As("tiepnhan"), Input(), ReceptionDecision::kRefuse, {}, "", "");
  EXPECT_EQ(refused.error().field(), "reason");
  // Nothing was written by the failures: the codes of the day continue from the guided one.
  Command why = Cmd(CommandKind::kRefuse, "Không thuộc thẩm quyền");
  auto ok = dossiers_->Receive(As("tiepnhan"), Input(), ReceptionDecision::kRefuse, why, "", "");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->view.stored.value.code, "H99.01-260302-0002");
}

TEST_F(DossierServiceTest, RetriedSubmissionReturnsTheFirstAnswer) {
  ReceptionInput in = Input(dossier::Channel::kOnline);
  auto first = dossiers_->Submit(As("congdan"), in, "key-1", "hash-a");
  ASSERT_TRUE(first.ok()) << ToString(first.error());
  auto again = dossiers_->Submit(As("congdan"), in, "key-1", "hash-a");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->view.stored.value.id, first->view.stored.value.id);
  EXPECT_EQ(again->secret, first->secret);
  auto reused = dossiers_->Submit(As("congdan"), in, "key-1", "hash-b");
  EXPECT_EQ(reused.error().reason, "idempotency-key-reused");
  // The reception inbox of the center shows it, due within 8 working hours.
  auto inbox = dossiers_->ListQueue(As("tiepnhan"), Queue::kSubmitted, "", 10);
  ASSERT_TRUE(inbox.ok()) << ToString(inbox.error());
  EXPECT_EQ(inbox->total, 1);
  // The citizen sees their own dossier; another officer's department does not.
  EXPECT_TRUE(dossiers_->Get(As("congdan"), first->view.stored.value.id).ok());
  EXPECT_EQ(dossiers_->Get(As("chuyenvien.datdai"), first->view.stored.value.id).error().code,
            ErrorCode::kNotFound);
}

TEST_F(DossierServiceTest, TheCitizenWithdrawsOnlineAndALeaderStops) {
  auto submitted =
      dossiers_->Submit(As("congdan"), Input(dossier::Channel::kOnline), "withdraw-1", "h");
  ASSERT_TRUE(submitted.ok()) << ToString(submitted.error());
  const std::int64_t id = submitted->view.stored.value.id;
  ASSERT_TRUE(Do("tiepnhan", "2026-03-02 10:00", id, Cmd(CommandKind::kReceive)).ok());
  // A withdrawal needs a reason; then it is the citizen's own command.
  auto bare = Do("congdan", "2026-03-03 09:00", id, Cmd(CommandKind::kRequestWithdrawal));
  ASSERT_FALSE(bare.ok());
  EXPECT_EQ(bare.error().field(), "reason");
  auto asked = Do("congdan", "2026-03-03 09:00", id,
                  Cmd(CommandKind::kRequestWithdrawal, "Không còn nhu cầu"));
  ASSERT_TRUE(asked.ok()) << ToString(asked.error());
  EXPECT_EQ(asked->stored.value.state, State::kWithdrawal);
  auto stopped = Do("giamdoc", "2026-03-03 10:00", id,
                    Cmd(CommandKind::kStop, "Theo đề nghị rút hồ sơ của công dân"));
  ASSERT_TRUE(stopped.ok()) << ToString(stopped.error());
  EXPECT_EQ(stopped->stored.value.state, State::kStopped);
  EXPECT_EQ(stopped->events.back().kind, dossier::EventKind::kStopped);
}

TEST_F(DossierServiceTest, StaleVersionIsAConflictAndOneOfTwoOfficersWins) {
  auto received =
      dossiers_->Receive(As("tiepnhan"), Input(), ReceptionDecision::kReceive, {}, "", "");
  ASSERT_TRUE(received.ok());
  const std::int64_t id = received->view.stored.value.id;
  const std::int64_t v = received->view.stored.value.version;
  clock_.Set(L("2026-03-02 09:00"));
  std::atomic<int> won{0}, conflicts{0};
  std::vector<std::thread> officers;
  for (int i = 0; i < 2; ++i) {
    officers.emplace_back([&] {
      auto r = dossiers_->Act(As("tiepnhan"), id, v, Cmd(CommandKind::kForward));
      if (r.ok()) ++won;
      if (!r.ok() && r.error().reason == "version-conflict") ++conflicts;
    });
  }
  for (auto& t : officers) t.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(conflicts.load(), 1);
  auto now = dossiers_->Get(As("tiepnhan"), id);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->events.size(), 2u);
}

// A dossier is assigned only to an active officer of the unit holding its step.
TEST_F(DossierServiceTest, AssignmentNamesAnOfficerOfTheStepsUnit) {
  auto r = dossiers_->Receive(As("tiepnhan"), Input(), ReceptionDecision::kReceive, {}, "", "");
  ASSERT_TRUE(r.ok());
  const std::int64_t id = r->view.stored.value.id;
  ASSERT_TRUE(Do("tiepnhan", "2026-03-02 09:00", id, Cmd(CommandKind::kForward)).ok());
  Command assign = Cmd(CommandKind::kAssign);
  for (const char* other : {"chuyenvien.datdai", "congdan"}) {
    assign.to_user = As(other).user->id;
    auto refused = Do("truongphong", "2026-03-02 10:00", id, assign);
    ASSERT_FALSE(refused.ok()) << other;
    EXPECT_EQ(refused.error().field(), "to_user") << other;
  }
  assign.to_user = 99999;
  EXPECT_EQ(Do("truongphong", "2026-03-02 10:00", id, assign).error().field(), "to_user");
  assign.to_user = As("chuyenvien").user->id;
  auto assigned = Do("truongphong", "2026-03-02 10:00", id, assign);
  ASSERT_TRUE(assigned.ok()) << ToString(assigned.error());
  EXPECT_EQ(assigned->stored.value.assignee, assign.to_user);
}

// A supplement that does not come within 15 working days lets a leader stop the dossier; before
// that, the dossier waits.
TEST_F(DossierServiceTest, StopAfterTheSupplementPeriodOnly) {
  auto r = dossiers_->Receive(As("tiepnhan"), Input(), ReceptionDecision::kReceive, {}, "", "");
  ASSERT_TRUE(r.ok());
  const std::int64_t id = r->view.stored.value.id;
  ASSERT_TRUE(Do("tiepnhan", "2026-03-02 09:00", id, Cmd(CommandKind::kForward)).ok());
  Command ask = Cmd(CommandKind::kRequestSupplement, "Thiếu giấy tờ");
  ask.items = {"Giấy xác nhận tình trạng hôn nhân"};
  ASSERT_TRUE(Do("chuyenvien", "2026-03-03 10:00", id, ask).ok());
  auto early =
      Do("truongphong", "2026-03-24 09:59", id, Cmd(CommandKind::kStop, "Quá hạn bổ sung"));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().reason, "supplement-pending");
  auto stopped =
      Do("truongphong", "2026-03-24 10:01", id, Cmd(CommandKind::kStop, "Quá hạn bổ sung"));
  ASSERT_TRUE(stopped.ok()) << ToString(stopped.error());
  EXPECT_EQ(stopped->stored.value.state, State::kStopped);
}

TEST_F(DossierServiceTest, QueuesOfTheDivision) {
  for (int i = 0; i < 3; ++i) {
    auto r = dossiers_->Receive(As("tiepnhan"), Input(), ReceptionDecision::kReceive, {}, "", "");
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE(
        Do("tiepnhan", "2026-03-02 09:00", r->view.stored.value.id, Cmd(CommandKind::kForward))
            .ok());
  }
  auto page = dossiers_->ListQueue(As("chuyenvien"), Queue::kUnassigned, "", 2);
  ASSERT_TRUE(page.ok()) << ToString(page.error());
  EXPECT_EQ(page->total, 3);
  ASSERT_EQ(page->items.size(), 2u);
  ASSERT_FALSE(page->next.empty());
  auto rest = dossiers_->ListQueue(As("chuyenvien"), Queue::kUnassigned, page->next, 2);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->items.size(), 1u);
  EXPECT_EQ(dossiers_->ListQueue(As("chuyenvien.datdai"), Queue::kOpen, "", 10)->total, 0);
  EXPECT_EQ(dossiers_->ListQueue(As("chuyenvien"), Queue::kOpen, "x.y", 10).error().field(),
            "cursor");
}

}  // namespace
}  // namespace motcua::app
