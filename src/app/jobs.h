#pragma once

// Background jobs of the API (a catalog import, an export that may take a while): submitted, run
// by a small fixed pool of worker threads, polled by their id. Kept in memory only: a restart
// forgets them (the work itself is transactional, so a job cut short has written nothing), and
// with them the files they made.
//
//   queued --worker picks it--> running --Ok--> succeeded
//                                       \--Error--> failed
//
// A job is visible only to the user who submitted it and to administrators (others get
// kNotFound, as for anything one may not know exists); `List` gives a user their own jobs. At most
// `max_queued` jobs wait; more is kResourceExhausted. The newest `max_kept` finished jobs are kept,
// and the files of those kept hold at most `max_file_bytes` together; older ones are forgotten
// (a file larger than that alone fails its job).
//
// Thread-safe. The destructor stops taking jobs, lets the running ones finish and drops the
// queued ones; the work functions must not outlive what they reference.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.h"
#include "common/result.h"

namespace motcua::app {

enum class JobState { kQueued, kRunning, kSucceeded, kFailed };
std::string_view JobStateName(JobState state);  // "queued", "running", "succeeded", "failed"

struct JobStatus {
  std::string id;                     // random, URL-safe
  std::int64_t seq = 0;               // 1, 2, ...: the order of submission (List's cursor)
  std::string kind;                   // "catalog.import"
  std::optional<std::int64_t> owner;  // the submitting user; nullopt: the system
  JobState state = JobState::kQueued;
  std::size_t done = 0;        // progress: records processed so far ...
  std::size_t total = 0;       // ... of this many (0: not known yet)
  std::int64_t result = 0;     // succeeded: a count the kind defines (versions written, rows)
  std::string file_name;       // succeeded with a file (JobProgress::Keep): its name ...
  std::size_t file_bytes = 0;  // ... and size
  std::optional<Error> error;  // failed: why, with every field violation
  Instant submitted = 0;
  std::optional<Instant> finished;
};

struct JobFile {
  std::string name;  // as offered for download: "ho-so-mine.xlsx"
  std::string media_type;
  std::string bytes;
};

// What a running job may report.
class JobProgress {
 public:
  virtual ~JobProgress() = default;
  virtual void Report(std::size_t done, std::size_t total) = 0;
  // The file the job made, downloadable (File) once the job has succeeded.
  virtual void Keep(JobFile file) = 0;
};

// The work: reports progress, returns the result count or the error.
using JobWork = std::function<Result<std::int64_t>(JobProgress&)>;

struct JobOptions {
  int workers = 1;  // jobs running at once
  std::size_t max_queued = 8;
  std::size_t max_kept = 100;
  std::size_t max_file_bytes = 64 << 20;
};

class JobRegistry {
 public:
  JobRegistry(const Clock& clock, JobOptions options = {});
  ~JobRegistry();
  JobRegistry(const JobRegistry&) = delete;
  JobRegistry& operator=(const JobRegistry&) = delete;

  // Queues `work`; returns its status (state queued). kResourceExhausted when the queue is full.
  Result<JobStatus> Submit(std::string kind, std::optional<std::int64_t> owner, JobWork work);
  // The job as `viewer` may see it (its owner, or an administrator); kNotFound otherwise.
  Result<JobStatus> Get(const std::string& id, std::optional<std::int64_t> viewer,
                        bool administrator) const;
  // The jobs `owner` submitted that are still kept, newest first: at most `limit`, and only
  // those submitted before the job numbered `before` when given (the last seq of the page read).
  std::vector<JobStatus> List(std::optional<std::int64_t> owner, std::optional<std::int64_t> before,
                              std::size_t limit) const;
  // The file a succeeded job made, seen as Get sees the job; kNotFound for an unknown job or one
  // without a file, kFailedPrecondition while it runs or when it failed.
  Result<std::shared_ptr<const JobFile>> File(const std::string& id,
                                              std::optional<std::int64_t> viewer,
                                              bool administrator) const;

 private:
  struct Job {
    JobStatus status;
    JobWork work;
    std::shared_ptr<const JobFile> file;  // kept by the running job; dropped when it fails
  };
  class Progress;

  void Work(std::stop_token stop);
  void Forget();  // drops the oldest finished jobs beyond max_kept; mu_ held

  const Clock& clock_;
  const JobOptions options_;

  mutable std::mutex mu_;  // guards everything below
  std::condition_variable_any wake_;
  std::map<std::string, Job> jobs_;
  std::int64_t last_seq_ = 0;
  std::deque<std::string> queue_;     // ids of queued jobs, oldest first
  std::deque<std::string> finished_;  // ids of finished jobs, oldest first
  std::size_t file_bytes_ = 0;        // the files of the finished jobs kept

  std::vector<std::jthread> workers_;  // last: joined before the members above go
};

}  // namespace motcua::app
