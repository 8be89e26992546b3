#include "app/jobs.h"

#include <algorithm>

#include "app/secrets.h"

namespace motcua::app {

std::string_view JobStateName(JobState state) {
  switch (state) {
    case JobState::kQueued: return "queued";
    case JobState::kRunning: return "running";
    case JobState::kSucceeded: return "succeeded";
    case JobState::kFailed: return "failed";
  }
  return "failed";
}

// Progress reports go straight into the job's status, under the registry's mutex.
class JobRegistry::Progress final : public JobProgress {
 public:
  Progress(JobRegistry& registry, std::string id) : registry_(registry), id_(std::move(id)) {}
  void Report(std::size_t done, std::size_t total) override {
    std::lock_guard lock(registry_.mu_);
    auto it = registry_.jobs_.find(id_);
    if (it == registry_.jobs_.end()) return;
    it->second.status.done = done;
    it->second.status.total = total;
  }
  void Keep(JobFile file) override {
    auto kept = std::make_shared<const JobFile>(std::move(file));
    std::lock_guard lock(registry_.mu_);
    auto it = registry_.jobs_.find(id_);
    if (it == registry_.jobs_.end()) return;
    it->second.file = std::move(kept);
  }

 private:
  JobRegistry& registry_;
  const std::string id_;
};

JobRegistry::JobRegistry(const Clock& clock, JobOptions options)
    : clock_(clock), options_(options) {
  for (int i = 0; i < std::max(1, options_.workers); ++i) {
    workers_.emplace_back([this](std::stop_token stop) { Work(stop); });
  }
}

JobRegistry::~JobRegistry() {
  for (std::jthread& w : workers_) w.request_stop();
  wake_.notify_all();
  workers_.clear();  // joins: running jobs finish, queued ones are dropped
}

Result<JobStatus> JobRegistry::Submit(std::string kind, std::optional<std::int64_t> owner,
                                      JobWork work) {
  std::lock_guard lock(mu_);
  if (queue_.size() >= options_.max_queued) {
    return Error::ResourceExhausted("too many jobs are waiting; try again later")
        .WithReason("job-queue-full");
  }
  Job job;
  job.status.id = RandomToken(12);
  job.status.seq = ++last_seq_;
  job.status.kind = std::move(kind);
  job.status.owner = owner;
  job.status.submitted = clock_.Now();
  job.work = std::move(work);
  JobStatus status = job.status;
  queue_.push_back(status.id);
  jobs_.emplace(status.id, std::move(job));
  wake_.notify_one();
  return status;
}

Result<JobStatus> JobRegistry::Get(const std::string& id, std::optional<std::int64_t> viewer,
                                   bool administrator) const {
  std::lock_guard lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || (!administrator && it->second.status.owner != viewer)) {
    return Error::NotFound("no such job");
  }
  return it->second.status;
}

Result<std::shared_ptr<const JobFile>> JobRegistry::File(const std::string& id,
                                                         std::optional<std::int64_t> viewer,
                                                         bool administrator) const {
  std::lock_guard lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || (!administrator && it->second.status.owner != viewer)) {
    return Error::NotFound("no such job");
  }
  const Job& job = it->second;
  switch (job.status.state) {
    case JobState::kQueued:
    case JobState::kRunning: return Error::FailedPrecondition("the job has not finished yet");
    case JobState::kFailed: return Error::FailedPrecondition("the job failed; it made no file");
    case JobState::kSucceeded: break;
  }
  if (!job.file) return Error::NotFound("the job made no file");
  return job.file;
}

std::vector<JobStatus> JobRegistry::List(std::optional<std::int64_t> owner,
                                         std::optional<std::int64_t> before,
                                         std::size_t limit) const {
  std::vector<JobStatus> out;
  {
    std::lock_guard lock(mu_);
    for (const auto& [id, job] : jobs_) {
      if (job.status.owner == owner && (!before || job.status.seq < *before)) {
        out.push_back(job.status);
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const JobStatus& a, const JobStatus& b) { return a.seq > b.seq; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

void JobRegistry::Work(std::stop_token stop) {
  while (true) {
    std::string id;
    JobWork work;
    {
      std::unique_lock lock(mu_);
      if (!wake_.wait(lock, stop, [&] { return !queue_.empty(); })) return;  // stopping
      id = queue_.front();
      queue_.pop_front();
      Job& job = jobs_.at(id);
      job.status.state = JobState::kRunning;
      work = std::move(job.work);
    }
    Progress progress(*this, id);
    Result<std::int64_t> outcome = Error::Internal("job threw");
    try {
      outcome = work(progress);
    } catch (const std::exception& e) {  // never let a job take the worker thread down
      outcome = Error::Internal(std::string("job threw: ") + e.what());
    } catch (...) {
    }
    std::lock_guard lock(mu_);
    Job& job = jobs_.at(id);
    JobStatus& status = job.status;
    status.finished = clock_.Now();
    if (outcome.ok() && job.file && job.file->bytes.size() > options_.max_file_bytes) {
      outcome = Error::ResourceExhausted("the file is larger than " +
                                         std::to_string(options_.max_file_bytes >> 20) +
                                         " MiB; ask for less")
                    .WithReason("job-file-too-large");
    }
    if (outcome.ok()) {
      status.state = JobState::kSucceeded;
      status.result = *outcome;
      if (status.total > 0) status.done = status.total;
      if (job.file) {
        status.file_name = job.file->name;
        status.file_bytes = job.file->bytes.size();
        file_bytes_ += status.file_bytes;
      }
    } else {
      status.state = JobState::kFailed;
      status.error = std::move(outcome).error();
      job.file.reset();
    }
    finished_.push_back(id);
    Forget();
  }
}

void JobRegistry::Forget() {
  while (finished_.size() > options_.max_kept ||
         (file_bytes_ > options_.max_file_bytes && !finished_.empty())) {
    auto it = jobs_.find(finished_.front());
    file_bytes_ -= it->second.status.file_bytes;
    jobs_.erase(it);
    finished_.pop_front();
  }
}

}  // namespace motcua::app
