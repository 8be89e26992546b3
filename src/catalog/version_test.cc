// The version lifecycle (version.h): every transition of the table, from every state.

#include "catalog/version.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>

#include "catalog/test_util.h"

namespace motcua::catalog {
namespace {

using testing::D;
using testing::MarriageRegistration;

const Decision kPub{"1234/QĐ-UBND", {2025, 7, 1}};
const Decision kEnd{"2000/QĐ-UBND", {2026, 1, 1}};

ProcedureVersion InState(VersionState state) {
  ProcedureVersion v = NewDraft(MarriageRegistration());
  if (state == VersionState::kDraft) return v;
  v = *Publish(v, kPub);
  switch (state) {
    case VersionState::kAmended: return *Amend(v, kEnd);
    case VersionState::kReplaced: return *Replace(v, kEnd, "1.000895");
    case VersionState::kRepealed: return *Repeal(v, kEnd);
    default: return v;
  }
}

using Transition = std::function<Result<ProcedureVersion>(const ProcedureVersion&)>;

TEST(VersionTest, TransitionTable) {
  const std::pair<const char*, Transition> transitions[] = {
      {"edit", [](const auto& v) { return EditDraft(v, MarriageRegistration(5)); }},
      {"publish", [](const auto& v) { return Publish(v, kPub); }},
      {"amend", [](const auto& v) { return Amend(v, kEnd); }},
      {"replace", [](const auto& v) { return Replace(v, kEnd, "1.000895"); }},
      {"repeal", [](const auto& v) { return Repeal(v, kEnd); }},
  };
  // Allowed (from, transition) pairs and the resulting state; everything else fails.
  const std::map<std::pair<VersionState, std::string>, VersionState> allowed = {
      {{VersionState::kDraft, "edit"}, VersionState::kDraft},
      {{VersionState::kDraft, "publish"}, VersionState::kPublished},
      {{VersionState::kPublished, "amend"}, VersionState::kAmended},
      {{VersionState::kPublished, "replace"}, VersionState::kReplaced},
      {{VersionState::kPublished, "repeal"}, VersionState::kRepealed},
  };
  for (VersionState from : {VersionState::kDraft, VersionState::kPublished, VersionState::kAmended,
                            VersionState::kReplaced, VersionState::kRepealed}) {
    const ProcedureVersion v = InState(from);
    ASSERT_TRUE(CheckInvariants(v).ok()) << VersionStateName(from);
    for (const auto& [name, fn] : transitions) {
      const Result<ProcedureVersion> r = fn(v);
      const auto it = allowed.find({from, name});
      SCOPED_TRACE(std::string(VersionStateName(from)) + " " + name);
      if (it == allowed.end()) {
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
        EXPECT_EQ(r.error().reason, "version-state");
        EXPECT_NE(r.error().message.find(VersionStateName(from)), std::string::npos);
      } else {
        ASSERT_TRUE(r.ok()) << ToString(r.error());
        EXPECT_EQ(r->state, it->second);
        EXPECT_TRUE(CheckInvariants(*r).ok()) << ToString(CheckInvariants(*r).error());
      }
    }
  }
}

TEST(VersionTest, PublishNeedsDecisionAndValidProcedure) {
  ProcedureVersion v = NewDraft(MarriageRegistration());
  Result<ProcedureVersion> r = Publish(v, {"", kPub.date});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason, "decision-number");

  Procedure bad = MarriageRegistration();
  bad.name.clear();
  r = Publish(NewDraft(bad), kPub);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(r.error().reason, "invalid-procedure");
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "name");
}

TEST(VersionTest, EndDecisionNotBeforeEffectiveDate) {
  const ProcedureVersion v = InState(VersionState::kPublished);
  const Result<ProcedureVersion> r = Amend(v, {"1/QĐ", {2025, 6, 30}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason, "decision-date");
  EXPECT_FALSE(Replace(v, kEnd, "").ok());
}

TEST(VersionTest, NewVersionAfterPublication) {
  const ProcedureVersion v1 = InState(VersionState::kPublished);
  Result<ProcedureVersion> v2 = NewDraftFrom(v1);
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(v2->number, 2);
  EXPECT_EQ(v2->state, VersionState::kDraft);
  EXPECT_EQ(v2->procedure, v1.procedure);
  EXPECT_FALSE(NewDraftFrom(*v2).ok());
}

TEST(VersionTest, InForceOnDates) {
  // v1 in force 2025-07-01 .. 2025-12-31, amended by v2 from 2026-01-01; v3 is a draft.
  ProcedureVersion v1 = InState(VersionState::kAmended);
  ProcedureVersion v2 = *NewDraftFrom(v1);
  v2 = *Publish(v2, kEnd);
  ProcedureVersion v3 = *NewDraftFrom(v2);
  const std::vector<ProcedureVersion> versions = {v1, v2, v3};
  const struct {
    calendar::CivilDate day;
    int want;  // 0 = none
  } cases[] = {
      {D(2025, 6, 30), 0}, {D(2025, 7, 1), 1}, {D(2025, 12, 31), 1},
      {D(2026, 1, 1), 2},  {D(2030, 1, 1), 2},
  };
  for (const auto& c : cases) {
    const ProcedureVersion* v = FindInForce(versions, "1.000894", c.day);
    EXPECT_EQ(v ? v->number : 0, c.want) << calendar::FormatDate(c.day);
  }
  EXPECT_EQ(FindInForce(versions, "1.999999", D(2026, 1, 1)), nullptr);
  EXPECT_EQ(InForce(versions, D(2026, 1, 1)).size(), 1u);
  ProcedureVersion repealed = *Repeal(v2, {"9/QĐ", {2026, 3, 1}});
  EXPECT_TRUE(InForceOn(repealed, D(2026, 2, 28)));
  EXPECT_FALSE(InForceOn(repealed, D(2026, 3, 1)));
}

TEST(VersionTest, InvariantsCatchBrokenStates) {
  ProcedureVersion v = InState(VersionState::kPublished);
  v.published.reset();
  EXPECT_EQ(CheckInvariants(v).error().code, ErrorCode::kInternal);
  v = InState(VersionState::kReplaced);
  v.replaced_by.clear();
  EXPECT_FALSE(CheckInvariants(v).ok());
  v = InState(VersionState::kDraft);
  v.ended = kEnd;
  EXPECT_FALSE(CheckInvariants(v).ok());
}

}  // namespace
}  // namespace motcua::catalog
