#include "audit/audit.h"

#include <gtest/gtest.h>

namespace motcua::audit {
namespace {

std::vector<Record> Chain(int n) {
  std::vector<Record> out;
  std::string prev = GenesisHash();
  for (int i = 1; i <= n; ++i) {
    Record r;
    r.seq = i;
    r.at = 1'770'000'000 + i;
    r.actor = "admin";
    r.action = "user.update";
    r.object_type = "user";
    r.object_id = std::to_string(i);
    r.result = "ok";
    r.prev_hash = prev;
    r.hash = ComputeHash(r);
    prev = r.hash;
    out.push_back(r);
  }
  return out;
}

TEST(AuditTest, IntactChainVerifies) {
  Verifier v;
  for (const auto& r : Chain(10)) EXPECT_TRUE(v.Feed(r));
  EXPECT_TRUE(v.outcome().ok);
  EXPECT_EQ(v.outcome().checked, 10);
}

TEST(AuditTest, AnEditedFieldIsFoundAtItsRecord) {
  auto chain = Chain(10);
  chain[6].detail = "edited";
  Verifier v;
  for (const auto& r : chain) v.Feed(r);
  EXPECT_FALSE(v.outcome().ok);
  EXPECT_EQ(v.outcome().first_broken_seq, 7);
  EXPECT_EQ(v.outcome().checked, 6);
}

TEST(AuditTest, ARecomputedHashBreaksTheNextLink) {
  auto chain = Chain(5);
  chain[2].actor = "mallory";
  chain[2].hash = ComputeHash(chain[2]);
  Verifier v;
  for (const auto& r : chain) v.Feed(r);
  EXPECT_EQ(v.outcome().first_broken_seq, 4);
}

TEST(AuditTest, ARemovedRecordIsAGap) {
  auto chain = Chain(5);
  chain.erase(chain.begin() + 1);
  Verifier v;
  for (const auto& r : chain) v.Feed(r);
  EXPECT_EQ(v.outcome().first_broken_seq, 3);
  EXPECT_EQ(v.outcome().problem, "gap in sequence");
}

TEST(AuditTest, ReorderedRecordsAreFound) {
  // Two records swapped as stored: the sequence goes back.
  auto swapped = Chain(6);
  std::swap(swapped[2], swapped[3]);
  Verifier v;
  for (const auto& r : swapped) v.Feed(r);
  EXPECT_FALSE(v.outcome().ok);
  EXPECT_EQ(v.outcome().first_broken_seq, 4);
  // Swapped and renumbered so that the sequence reads 1..6: the links no longer hold.
  auto renumbered = Chain(6);
  std::swap(renumbered[2], renumbered[3]);
  renumbered[2].seq = 3;
  renumbered[3].seq = 4;
  Verifier w;
  for (const auto& r : renumbered) w.Feed(r);
  EXPECT_FALSE(w.outcome().ok);
  EXPECT_EQ(w.outcome().first_broken_seq, 3);
}

TEST(AuditTest, CanonicalFormSeparatesFields) {
  Record a, b;
  a.actor = "ab";
  a.action = "c";
  b.actor = "a";
  b.action = "bc";
  EXPECT_NE(Canonical(a), Canonical(b));
}

}  // namespace
}  // namespace motcua::audit
