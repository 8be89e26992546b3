// Random sequences of commands from random actors: the invariants always hold (checked by the
// harness after every event), a refused command leaves the dossier exactly as it was, and
// replaying the history gives the same dossier.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "dossier/test_util.h"

namespace motcua::dossier {
namespace {

using namespace testing;  // NOLINT

Command RandomCommand(std::mt19937& rng, const catalog::Workflow& w) {
  static const CommandKind kKinds[] = {
      CommandKind::kSubmit,
      CommandKind::kReceive,
      CommandKind::kGuide,
      CommandKind::kRefuse,
      CommandKind::kAssign,
      CommandKind::kForward,
      CommandKind::kForward,
      CommandKind::kForward,
      CommandKind::kRework,
      CommandKind::kPause,
      CommandKind::kResume,
      CommandKind::kAgencyAnswer,
      CommandKind::kRequestSupplement,
      CommandKind::kReceiveSupplement,
      CommandKind::kProposeRefusal,
      CommandKind::kDraftApology,
      CommandKind::kSignApology,
      CommandKind::kIssue,
      CommandKind::kReturn,
      CommandKind::kRequestWithdrawal,
      CommandKind::kStop,
      CommandKind::kSendOriginals,
      CommandKind::kReceiveOriginals,
  };
  Command c;
  c.kind = kKinds[rng() % std::size(kKinds)];
  // Commands that end a dossier are tried less often, so that most dossiers travel far.
  const bool ends = c.kind == CommandKind::kRefuse || c.kind == CommandKind::kStop ||
                    c.kind == CommandKind::kRequestWithdrawal;
  if (ends && rng() % 4 != 0) c.kind = CommandKind::kForward;
  if (rng() % 3 == 0) c.kind = rng() % 2 ? CommandKind::kIssue : CommandKind::kReturn;
  if (rng() % 4 != 0) c.reason = "lý do";
  if (rng() % 2 == 0) c.items = {"Bản sao hộ chiếu"};
  if (rng() % 3 == 0) c.to_step = w.steps[rng() % w.steps.size()].id;
  if (rng() % 3 == 0) c.to_user = std::int64_t(rng() % 9);
  if (rng() % 2 == 0) c.new_appointment = L("2026-04-30 16:00");
  c.return_method = static_cast<ReturnMethod>(rng() % 3);
  if (rng() % 2 == 0) c.reference = "RR123456789VN";
  // Supplied files (sometimes without the file: refused) and a result document.
  if (rng() % 2 == 0) {
    c.components = {{"Bản sao hộ chiếu", Provision::kElectronic, true,
                     rng() % 4 == 0 ? std::string() : std::string(64, 'a')}};
  }
  if (rng() % 2 == 0) c.file_sha256 = std::string(64, 'b');
  return c;
}

// Half of the time the officer who performs the dossier's current step, so that the loop gets far.
Actor RandomActor(std::mt19937& rng, const Dossier& d, const catalog::Workflow& w) {
  const Step* step = FindStep(w, d.step_id);
  if (step != nullptr && rng() % 2 == 0) {
    for (const Actor& a :
         {Reception(), DivisionHead(), Specialist(), AgencyHead(), Clerk(), TaxOfficer()}) {
      const auto role = identity::ParseRole(step->performer.role);
      if (role && a.roles.Has(*role) && InSubtree(step->performer.unit_code, a.unit_code)) {
        return a;
      }
    }
  }
  switch (rng() % 10) {
    case 0: return Reception();
    case 1: return DivisionHead();
    case 2: return Specialist();
    case 3: return Specialist2();
    case 4: return AgencyHead();
    case 5: return Clerk();
    case 6: return Outsider();
    case 7: return TaxOfficer();
    case 8: return Citizen();
    default: {
      Actor a;
      a.system = true;
      return a;
    }
  }
}

TEST(PropertyTest, RandomCommandsNeverBreakTheInvariants) {
  std::mt19937 rng(20261122);
  int accepted = 0, refused = 0;
  std::set<State> reached;
  for (int dossier = 0; dossier < 400; ++dossier) {
    const bool online = rng() % 2 == 0;
    const catalog::Workflow w = rng() % 2 == 0 ? PlainWorkflow() : InterAgencyWorkflow();
    Harness h(online ? Channel::kOnline : Channel::kInPerson, w);
    h.supplement_expired = rng() % 2 == 0;
    Instant now = L("2026-03-02 07:00");
    for (int i = 0; i < 120; ++i) {
      now += static_cast<Instant>(rng() % 20000);
      const auto local = calendar::ToLocal(now);
      char at[32];
      std::snprintf(at, sizeof at, "%04d-%02d-%02d %02d:%02d", local.date.year, local.date.month,
                    local.date.day, local.seconds_of_day / 3600, local.seconds_of_day % 3600 / 60);
      const Status s = h.Do(RandomActor(rng, h.dossier(), w), at, RandomCommand(rng, w));
      s.ok() ? ++accepted : ++refused;
      reached.insert(h.dossier().state);
      if (::testing::Test::HasFailure()) {
        FAIL() << "dossier " << dossier << " step " << i << "\n" << h.History();
      }
    }
    // The clock can always be computed from whatever history came out.
    auto t = ComputeTimes(h.dossier(), h.events(), h.procedure(), National(), now);
    ASSERT_TRUE(t.ok()) << h.History();
    if (t->due && t->appointment) {
      EXPECT_GE(*t->due, *t->appointment) << h.History();
    }
  }
  // The loop explores: every state is reached, and many commands of both outcomes are tried.
  std::string missing;
  for (int code = 1; code <= 10; ++code) {
    if (!reached.count(static_cast<State>(code))) missing += " " + std::to_string(code);
  }
  EXPECT_EQ(missing, "");
  EXPECT_GT(accepted, 1000);
  EXPECT_GT(refused, 10000);
}

}  // namespace
}  // namespace motcua::dossier
