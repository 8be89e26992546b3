// JobRegistry: a job goes queued -> running -> succeeded or failed, reports progress, is visible
// to its owner and administrators only, and the queue and the history are bounded.
#include "app/jobs.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <stdexcept>

namespace motcua::app {
namespace {

// Polls until the job has finished (or a few seconds pass).
JobStatus WaitFor(const JobRegistry& jobs, const std::string& id) {
  for (int i = 0; i < 500; ++i) {
    auto s = jobs.Get(id, std::nullopt, true);
    if (s.ok() && (s->state == JobState::kSucceeded || s->state == JobState::kFailed)) return *s;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ADD_FAILURE() << "job " << id << " did not finish";
  return {};
}

TEST(JobRegistryTest, SucceedsAndFailsWithProgress) {
  FakeClock clock{1'770'000'000};
  JobRegistry jobs(clock);
  auto ok = jobs.Submit("catalog.import", 7, [](JobProgress& p) -> Result<std::int64_t> {
    p.Report(100, 250);
    return 42;
  });
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->state, JobState::kQueued);
  const JobStatus done = WaitFor(jobs, ok->id);
  EXPECT_EQ(done.state, JobState::kSucceeded);
  EXPECT_EQ(done.result, 42);
  EXPECT_EQ(done.done, 250u);
  EXPECT_EQ(done.total, 250u);
  EXPECT_EQ(done.finished, clock.Now());

  auto bad = jobs.Submit("catalog.import", 7, [](JobProgress&) -> Result<std::int64_t> {
    Error e = Error::InvalidField("Thủ tục!B2", "is not a number");
    return e;
  });
  ASSERT_TRUE(bad.ok());
  const JobStatus failed = WaitFor(jobs, bad->id);
  EXPECT_EQ(failed.state, JobState::kFailed);
  ASSERT_TRUE(failed.error.has_value());
  EXPECT_EQ(failed.error->fields[0].field, "Thủ tục!B2");
  EXPECT_EQ(JobStateName(failed.state), "failed");
}

TEST(JobRegistryTest, AJobThatThrowsFailsAndTheWorkerGoesOn) {
  FakeClock clock{1'770'000'000};
  JobRegistry jobs(clock);
  auto thrown = jobs.Submit("catalog.import", 7, [](JobProgress&) -> Result<std::int64_t> {
    throw std::runtime_error("out of memory");
  });
  ASSERT_TRUE(thrown.ok());
  const JobStatus failed = WaitFor(jobs, thrown->id);
  EXPECT_EQ(failed.state, JobState::kFailed);
  ASSERT_TRUE(failed.error.has_value());
  EXPECT_EQ(failed.error->code, ErrorCode::kInternal);
  auto next =
      jobs.Submit("catalog.import", 7, [](JobProgress&) -> Result<std::int64_t> { return 1; });
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(WaitFor(jobs, next->id).state, JobState::kSucceeded);
}

TEST(JobRegistryTest, OnlyTheOwnerAndAdministratorsSeeAJob) {
  FakeClock clock{0};
  JobRegistry jobs(clock);
  auto j = jobs.Submit("k", 7, [](JobProgress&) -> Result<std::int64_t> { return 0; });
  ASSERT_TRUE(j.ok());
  EXPECT_TRUE(jobs.Get(j->id, 7, false).ok());
  EXPECT_TRUE(jobs.Get(j->id, 8, true).ok());
  EXPECT_EQ(jobs.Get(j->id, 8, false).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(jobs.Get(j->id, std::nullopt, false).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(jobs.Get("nope", 7, true).error().code, ErrorCode::kNotFound);
}

TEST(JobRegistryTest, ListsAnOwnersJobsNewestFirstByPages) {
  FakeClock clock{0};
  JobRegistry jobs(clock);
  std::vector<std::string> mine;
  for (int i = 0; i < 5; ++i) {
    auto j = jobs.Submit("k", 7, [](JobProgress&) -> Result<std::int64_t> { return 0; });
    ASSERT_TRUE(j.ok());
    mine.push_back(j->id);
    WaitFor(jobs, j->id);  // the queue holds four at most
    auto other = jobs.Submit("k", 8, [](JobProgress&) -> Result<std::int64_t> { return 0; });
    ASSERT_TRUE(other.ok());
    WaitFor(jobs, other->id);
  }
  auto first = jobs.List(7, std::nullopt, 3);
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(first[0].id, mine[4]);
  EXPECT_EQ(first[2].id, mine[2]);
  EXPECT_GT(first[0].seq, first[1].seq);
  auto rest = jobs.List(7, first.back().seq, 3);
  ASSERT_EQ(rest.size(), 2u);
  EXPECT_EQ(rest[0].id, mine[1]);
  EXPECT_EQ(rest[1].id, mine[0]);
  for (const auto& j : rest) EXPECT_EQ(j.owner, 7);
  EXPECT_TRUE(jobs.List(9, std::nullopt, 10).empty());
  EXPECT_TRUE(jobs.List(7, rest.back().seq, 10).empty());
}

TEST(JobRegistryTest, QueueAndHistoryAreBounded) {
  FakeClock clock{0};
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  JobRegistry jobs(clock, {.workers = 1, .max_queued = 2, .max_kept = 2});
  auto blocked = [gate](JobProgress&) -> Result<std::int64_t> {
    gate.wait();
    return 1;
  };
  auto first = jobs.Submit("k", 1, blocked);
  ASSERT_TRUE(first.ok());
  // Wait until the worker has taken the first job, so that the queue is empty.
  for (int i = 0; i < 500 && jobs.Get(first->id, 1, false)->state != JobState::kRunning; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(jobs.Submit("k", 1, blocked).ok());
  auto third = jobs.Submit("k", 1, blocked);
  ASSERT_TRUE(third.ok());
  auto refused = jobs.Submit("k", 1, blocked);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kResourceExhausted);
  release.set_value();
  WaitFor(jobs, third->id);
  EXPECT_EQ(jobs.Get(first->id, 1, false).error().code, ErrorCode::kNotFound);  // forgotten
  EXPECT_TRUE(jobs.Get(third->id, 1, false).ok());
}

TEST(JobRegistryTest, AFileIsKeptForItsOwnerOnceTheJobSucceeds) {
  FakeClock clock{0};
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  JobRegistry jobs(clock);
  auto j = jobs.Submit("export.queue", 7, [gate](JobProgress& p) -> Result<std::int64_t> {
    p.Report(200, 205);
    p.Keep({"ho-so-mine.xlsx", "application/vnd.ms-excel", "PK-bytes"});
    gate.wait();
    return 3;
  });
  ASSERT_TRUE(j.ok());
  // While it runs: its progress, no file yet.
  for (int i = 0; i < 500 && jobs.Get(j->id, 7, false)->done == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const JobStatus running = *jobs.Get(j->id, 7, false);
  EXPECT_EQ(running.state, JobState::kRunning);
  EXPECT_EQ(running.done, 200u);
  EXPECT_EQ(running.total, 205u);
  EXPECT_EQ(running.file_bytes, 0u);
  EXPECT_EQ(jobs.File(j->id, 7, false).error().code, ErrorCode::kFailedPrecondition);
  release.set_value();
  const JobStatus done = WaitFor(jobs, j->id);
  EXPECT_EQ(done.file_name, "ho-so-mine.xlsx");
  EXPECT_EQ(done.file_bytes, 8u);
  auto file = jobs.File(j->id, 7, false);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ((*file)->bytes, "PK-bytes");
  EXPECT_EQ((*file)->media_type, "application/vnd.ms-excel");
  EXPECT_EQ(jobs.File(j->id, 8, false).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(jobs.File(j->id, 8, true).ok());

  // A job without a file has none to give; a failed job has none either.
  auto plain = jobs.Submit("k", 7, [](JobProgress&) -> Result<std::int64_t> { return 0; });
  WaitFor(jobs, plain->id);
  EXPECT_EQ(jobs.File(plain->id, 7, false).error().code, ErrorCode::kNotFound);
  auto failed = jobs.Submit("k", 7, [](JobProgress& p) -> Result<std::int64_t> {
    p.Keep({"half.xlsx", "x", "half"});
    return Error::InvalidField("unit", "no unit X");
  });
  const JobStatus f = WaitFor(jobs, failed->id);
  EXPECT_EQ(f.file_bytes, 0u);
  EXPECT_EQ(jobs.File(failed->id, 7, false).error().code, ErrorCode::kFailedPrecondition);
}

TEST(JobRegistryTest, FilesAreBoundedTogether) {
  FakeClock clock{0};
  JobRegistry jobs(clock, {.workers = 1, .max_queued = 8, .max_kept = 100, .max_file_bytes = 10});
  auto make = [](std::string bytes) {
    return [bytes](JobProgress& p) -> Result<std::int64_t> {
      p.Keep({"f", "x", bytes});
      return 1;
    };
  };
  auto a = jobs.Submit("k", 7, make("123456"));
  WaitFor(jobs, a->id);
  auto b = jobs.Submit("k", 7, make("123456"));
  WaitFor(jobs, b->id);
  // Together 12 bytes: the oldest is forgotten.
  EXPECT_EQ(jobs.Get(a->id, 7, false).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(jobs.File(b->id, 7, false).ok());
  // Alone larger than the bound: the job fails, the kept ones stay.
  auto c = jobs.Submit("k", 7, make("12345678901"));
  const JobStatus big = WaitFor(jobs, c->id);
  EXPECT_EQ(big.state, JobState::kFailed);
  EXPECT_EQ(big.error->code, ErrorCode::kResourceExhausted);
  EXPECT_TRUE(jobs.File(b->id, 7, false).ok());
}

}  // namespace
}  // namespace motcua::app
