#include "app/background.h"

#include <algorithm>

#include "calendar/due.h"

namespace motcua::app {
namespace {

// The actor of the sweeps' commands: the system, named after the server in the audit log.
Actor SweepActor(const std::string& server_id) {
  Actor a = Actor::System();
  a.address = "background";
  a.request_id = server_id;
  return a;
}

// The SQL prefilter of the approaching sweep looks one working day ahead on the national
// calendar and this much further, for units whose calendars close more days.
constexpr std::int64_t kApproachSlackSeconds = 3 * 86400;

// What a round did, for the log; empty when it did nothing.
std::string Summary(const RoundReport& r) {
  const SweepReport& s = r.sweep;
  const DeliveryReport& d = r.delivery;
  if (s.intake_alerts + s.supplements_stopped + s.late_warnings + d.sent + d.retried + d.gave_up +
          r.snapshot_days + r.partitions ==
      0) {
    return {};
  }
  return "report snapshots " + std::to_string(r.snapshot_days) + ", partitions " +
         std::to_string(r.partitions) + ", intake alerts " + std::to_string(s.intake_alerts) +
         ", supplements expired " + std::to_string(s.supplements_stopped) + ", late warnings " +
         std::to_string(s.late_warnings) + ", sent " + std::to_string(d.sent) + ", to retry " +
         std::to_string(d.retried) + ", given up " + std::to_string(d.gave_up);
}

// Whether the competent unit must be warned now: past due, or due within one working day. A
// dossier whose whole legal time is a working day or less would be warned as soon as it is
// received: it is warned only once past due.
Result<bool> NearTheLine(const dossier::Times& times, const calendar::Calendar& cal, Instant now) {
  if (!times.due) return false;
  const Instant due = *times.due;
  if (due < now) return true;
  MOTCUA_ASSIGN_OR_RETURN(std::int64_t left,
                          calendar::WorkingTimeBetween(now, due, cal, times.exclusions));
  if (left > calendar::kWorkingDaySeconds) return false;
  MOTCUA_ASSIGN_OR_RETURN(
      std::int64_t whole,
      calendar::WorkingTimeBetween(times.counting_start.value_or(now), due, cal, times.exclusions));
  return whole > calendar::kWorkingDaySeconds;
}

}  // namespace

BackgroundWorker::BackgroundWorker(Store& store, const Clock& clock, CalendarService& calendars,
                                   DossierService& dossiers, BackgroundOptions options)
    : store_(store),
      clock_(clock),
      calendars_(calendars),
      dossiers_(dossiers),
      options_(std::move(options)) {}

BackgroundWorker::~BackgroundWorker() { Stop(); }

void BackgroundWorker::Start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  for (const char* channel : {"email", "webhook", "staff"}) {
    if (!options_.senders.contains(channel)) {
      Log("info", std::string("no sender for channel \"") + channel +
                      "\": its messages stay in the outbox until a server with one runs");
    }
  }
  thread_ = std::thread([this] { Loop(); });
}

void BackgroundWorker::Stop() {
  {
    std::lock_guard lock(mu_);
    if (!thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  Status released =
      store_.Write([&](WriteTx& tx) { return tx.ReleaseLease(kLeaseName, options_.server_id); });
  if (!released.ok()) Log("error", "releasing the lease: " + ToString(released.error()));
}

void BackgroundWorker::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    auto round = RunRound();
    if (!round.ok()) {
      Log("error", "background round: " + ToString(round.error()));
    } else if (const std::string done = Summary(*round); !done.empty()) {
      Log("info", "background round: " + done);
    }
    lock.lock();
    wake_.wait_for(lock, options_.interval, [this] { return stopping_; });
  }
}

bool BackgroundWorker::Stopping() {
  std::lock_guard lock(mu_);
  return stopping_;
}

void BackgroundWorker::Log(const char* level, const std::string& message) const {
  if (options_.log) options_.log(level, message);
}

Result<RoundReport> BackgroundWorker::RunRound() {
  RoundReport report;
  const Instant now = clock_.Now();
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(report.leader, tx.AcquireLease(kLeaseName, options_.server_id, now,
                                                           now + options_.lease_seconds));
    return Ok();
  }));
  if (!report.leader) return report;
  // A failing sweep does not hold up delivery, nor the other way round.
  auto swept = Sweep();
  Result<int> snapshots = 0;
  if (options_.reports != nullptr) snapshots = options_.reports->TakeDailySnapshots();
  Result<int> partitions = PrepareYears(now);
  auto delivered = Deliver();
  if (!swept.ok()) return std::move(swept).error();
  if (!snapshots.ok()) return std::move(snapshots).error();
  if (!partitions.ok()) return std::move(partitions).error();
  if (!delivered.ok()) return std::move(delivered).error();
  report.snapshot_days = *snapshots;
  report.partitions = *partitions;
  report.sweep = *swept;
  report.delivery = *delivered;
  return report;
}

Result<int> BackgroundWorker::PrepareYears(Instant now) {
  const int year = calendar::ToLocal(now).date.year;
  if (year == prepared_year_) return 0;
  int made = 0;
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(made, tx.PrepareYears(year, year + 1));
    return Ok();
  }));
  prepared_year_ = year;
  return made;
}

Result<SweepReport> BackgroundWorker::Sweep() {
  const Instant now = clock_.Now();
  SweepReport report;
  MOTCUA_ASSIGN_OR_RETURN(report.intake_alerts, SweepIntake(now));
  MOTCUA_ASSIGN_OR_RETURN(report.supplements_stopped, SweepSupplements(now));
  MOTCUA_ASSIGN_OR_RETURN(report.late_warnings, SweepApproaching(now));
  return report;
}

Result<bool> BackgroundWorker::RaiseAlert(const StoredDossier& d, const char* kind,
                                          const std::string& unit, std::optional<Instant> due,
                                          Instant now) {
  bool raised = false;
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(raised, tx.InsertDossierAlert(d.value.id, kind, now));
    if (!raised) return Ok();
    OutboxMessage m;
    m.dossier_id = d.value.id;
    m.kind = kind;
    m.channel = "staff";
    m.recipient = unit;
    // Codes of dossiers and units are [A-Z0-9.-]: nothing to escape.
    m.payload = "{\"code\":\"" + d.value.code + "\",\"kind\":\"" + kind + "\",\"unit\":\"" + unit +
                "\"" + (due ? ",\"due\":" + std::to_string(*due) : std::string()) + "}";
    m.created_at = now;
    m.next_attempt_at = now;
    return tx.InsertOutbox(m);
  }));
  return raised;
}

Result<int> BackgroundWorker::SweepIntake(Instant now) {
  int raised = 0;
  for (std::int64_t after = 0;;) {
    std::vector<StoredDossier> page;
    MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(page,
                              tx.ListSweep({app::Sweep::kIntakeAlert, now, after, options_.page}));
      return Ok();
    }));
    for (const StoredDossier& d : page) {
      MOTCUA_ASSIGN_OR_RETURN(
          bool fresh, RaiseAlert(d, kIntakeAlert, d.value.receiving_unit, d.clock.intake_due, now));
      if (fresh) ++raised;
    }
    if (static_cast<int>(page.size()) < options_.page) return raised;
    after = page.back().value.id;
  }
}

// The stop goes through the state machine like an officer's command: Act checks the version,
// recomputes whether the supplement period has really passed (the row's copy may be stale after a
// calendar edit) and writes the event, the audit record and the applicant's message together.
Result<int> BackgroundWorker::SweepSupplements(Instant now) {
  int stopped = 0;
  dossier::Command stop;
  stop.kind = dossier::CommandKind::kStop;
  stop.reason = "Quá thời hạn bổ sung hồ sơ (" + std::to_string(dossier::kSupplementDays) +
                " ngày làm việc) mà tổ chức, cá nhân không bổ sung";
  for (std::int64_t after = 0;;) {
    std::vector<StoredDossier> page;
    MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(
          page, tx.ListSweep({app::Sweep::kSupplementExpired, now, after, options_.page}));
      return Ok();
    }));
    for (const StoredDossier& d : page) {
      auto acted = dossiers_.Act(SweepActor(options_.server_id), d.value.id, d.value.version, stop);
      if (acted.ok()) {
        ++stopped;
        continue;
      }
      const Error& e = acted.error();
      // Someone acted first (the supplement came), or the period is not over after all: the
      // next round looks again.
      if (e.code == ErrorCode::kAborted || e.code == ErrorCode::kFailedPrecondition) continue;
      Log("error", "stopping dossier " + d.value.code + ": " + ToString(e));
    }
    if (static_cast<int>(page.size()) < options_.page) return stopped;
    after = page.back().value.id;
  }
}

// The row's due instant is a prefilter; the decision uses the times recomputed from the events
// (a paused dossier's due moves on while it is paused).
Result<int> BackgroundWorker::SweepApproaching(Instant now) {
  int warned = 0;
  const Actor system = SweepActor(options_.server_id);
  MOTCUA_ASSIGN_OR_RETURN(auto national, calendars_.ForUnit(std::nullopt));
  MOTCUA_ASSIGN_OR_RETURN(Instant ahead,
                          national.second->AdvanceWorking(now, calendar::kWorkingDaySeconds));
  for (std::int64_t after = 0;;) {
    std::vector<StoredDossier> page;
    MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(
          page, tx.ListSweep({app::Sweep::kApproachingDue, ahead + kApproachSlackSeconds, after,
                              options_.page}));
      return Ok();
    }));
    for (const StoredDossier& row : page) {
      if (row.value.apology_drafted || row.value.apology_signed) continue;
      auto view = dossiers_.Get(system, row.value.id);
      if (!view.ok()) {
        Log("error", "dossier " + row.value.code + ": " + ToString(view.error()));
        continue;
      }
      MOTCUA_ASSIGN_OR_RETURN(auto cal, calendars_.ForUnit(row.value.competent_unit));
      MOTCUA_ASSIGN_OR_RETURN(bool near, NearTheLine(view->times, *cal.second, now));
      if (!near) continue;
      MOTCUA_ASSIGN_OR_RETURN(bool fresh, RaiseAlert(row, kLateWarning, row.value.competent_unit,
                                                     view->times.due, now));
      if (fresh) ++warned;
    }
    if (static_cast<int>(page.size()) < options_.page) return warned;
    after = page.back().value.id;
  }
}

Instant BackgroundWorker::NextAttempt(const BackgroundOptions& options, Instant now, int attempts) {
  std::int64_t wait = options.first_retry_seconds;
  for (int i = 1; i < attempts && wait < options.max_retry_seconds; ++i) wait *= 2;
  return now + std::min(wait, options.max_retry_seconds);
}

Result<DeliveryReport> BackgroundWorker::Deliver() {
  DeliveryReport report;
  OutboxClaim claim;
  claim.holder = options_.server_id;
  claim.limit = options_.batch;
  for (const auto& entry : options_.senders) claim.channels.push_back(entry.first);
  if (claim.channels.empty()) return report;
  for (int batch = 0; batch < 50 && !Stopping(); ++batch) {
    claim.now = clock_.Now();
    claim.until = claim.now + options_.claim_seconds;
    std::vector<OutboxMessage> claimed;
    MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(claimed, tx.ClaimOutbox(claim));
      return Ok();
    }));
    if (claimed.empty()) return report;
    for (const OutboxMessage& m : claimed) {
      if (Stopping() || clock_.Now() + options_.send_margin_seconds > m.claimed_until.value_or(0)) {
        ++report.not_sent;  // left to lapse and be claimed again
        continue;
      }
      Status sent = options_.senders.at(m.channel)->Send(m);
      const Instant at = clock_.Now();
      bool recorded = false;
      if (sent.ok()) {
        MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
          MOTCUA_ASSIGN_OR_RETURN(recorded, tx.MarkOutboxSent(m.id, options_.server_id, at));
          return Ok();
        }));
        if (recorded) ++report.sent;
      } else {
        const int attempts = m.attempts + 1;
        const bool give_up = !IsRetryable(sent.error()) || attempts >= options_.max_attempts;
        OutboxFailure failure{m.id, options_.server_id, ToString(sent.error()).substr(0, 500),
                              NextAttempt(options_, at, attempts),
                              give_up ? std::optional<Instant>(at) : std::nullopt};
        MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
          MOTCUA_ASSIGN_OR_RETURN(recorded, tx.MarkOutboxFailed(failure));
          return Ok();
        }));
        if (recorded) ++(give_up ? report.gave_up : report.retried);
        if (recorded && give_up) {
          Log("error", "gave up message " + std::to_string(m.id) + " (" + m.kind + ", " +
                           m.channel + ") after " + std::to_string(attempts) +
                           " attempts: " + failure.error);
        }
      }
      if (!recorded) ++report.lost_claim;
    }
  }
  return report;
}

}  // namespace motcua::app
