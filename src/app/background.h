#pragma once

// The background work of the dossier lifecycle (docs/notifications.md): deadline sweeps and the
// delivery of the outbox, run by one server at a time.
//
// Each round (every `interval`, and once at Start):
//   1. Lease. The worker takes or renews the lease "background" until now + lease_seconds. When
//      another server holds it, the round ends here; when that server stops renewing (stopped,
//      crashed, cut off), the lease expires and this worker takes over on its next round.
//   2. Sweeps, paging by dossier id, each page filtered in SQL on an indexed instant:
//      a. online dossiers still unchecked (state 1) past their 2-working-hour intake alert
//         (Decree 297/2025/NĐ-CP art. 6(4)): one "intake-alert" message to the receiving unit;
//      b. dossiers waiting for a supplement (state 5) past its deadline (kSupplementDays): stopped
//         by the system actor through DossierService::Act (the state machine, a version check;
//         the event, the audit record and the applicant's "stopped" message in one transaction);
//      c. open dossiers due within one working day (or already past due) with no apology drafted:
//         one "late-warning" message to the competent unit, so that it drafts the apology in
//         time (shared/DOMAIN.md, "Late"); a dossier whose whole legal time is one working day or
//         less only once past due (it would be warned at reception otherwise).
//      An alert is recorded in the same transaction as its message, at most once per dossier and
//      kind (WriteTx::InsertDossierAlert): repeated sweeps and racing servers raise it once.
//   3. Reports. With a ReportService, the daily snapshots of the days that ended
//      (ReportService::TakeDailySnapshots: once per local day, idempotent).
//   4. Partitions. On PostgreSQL, the partitions of the dossier tables for this year and the
//      next (WriteTx::PrepareYears), made ahead so that a new year's dossiers never land in the
//      default partitions; asked once per local year by a leader, nothing on SQLite.
//   5. Delivery. Claims batches of due messages of the channels it has a sender for, sends each
//      outside any transaction, then records it sent, or failed with the next attempt at
//      now + first_retry * 2^(attempts - 1) (capped at max_retry), or given up after
//      max_attempts attempts or an error not worth retrying. A claim lasts claim_seconds, and a
//      message is sent only while its claim has send_margin_seconds left (longer than any
//      sender's timeout; slow sends leave the rest of a batch to lapse and be claimed again):
//      two servers never send one message, even without the lease. A server that dies after
//      sending but before recording it leaves a message that is sent again once its claim lapses
//      (at least once, never twice at the same time). A stopping worker sends no more.
//
// Messages to units use channel "staff" and name the unit in `recipient`; the "staff" sender
// routes them (serve: --service-center-email or --service-center-webhook). A channel without a
// sender keeps its messages in the outbox, untouched, until a server with one runs.
//
// Thread-safe. Start/Stop from one thread; RunRound, Sweep and Deliver may also be called
// directly (tests, the command line) but not while the thread runs.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "app/calendar_service.h"
#include "app/dossier_service.h"
#include "app/report_service.h"
#include "app/sender.h"
#include "app/store.h"
#include "common/clock.h"

namespace motcua::app {

struct BackgroundOptions {
  std::string server_id;  // unique per server process (hostname and pid); required
  std::chrono::milliseconds interval{30'000};
  std::int64_t lease_seconds = 90;  // longer than interval plus a round
  std::int64_t claim_seconds = 300;
  std::int64_t send_margin_seconds = 60;  // more than the senders' timeouts (30 s, 15 s)
  int batch = 20;                         // messages per claim
  int page = 100;                         // dossiers per sweep page
  std::int64_t first_retry_seconds = 60;
  std::int64_t max_retry_seconds = 6 * 3600;
  int max_attempts = 10;
  // Takes the reports' daily snapshots each round when set; not owned.
  ReportService* reports = nullptr;
  // Senders by channel ("email", "webhook", "staff"); not owned; at most kClaimChannels.
  std::map<std::string, Sender*> senders;
  // Where the worker reports what it did and what failed ("info" / "error", message). May be
  // empty.
  std::function<void(const char* level, const std::string& message)> log;
};

struct SweepReport {
  int intake_alerts = 0;
  int supplements_stopped = 0;
  int late_warnings = 0;
};

struct DeliveryReport {
  int sent = 0;
  int retried = 0;     // failed, another attempt scheduled
  int gave_up = 0;     // failed for good
  int lost_claim = 0;  // the claim lapsed before the outcome was recorded
  int not_sent = 0;    // the claim would lapse during the send, or the worker is stopping
};

struct RoundReport {
  bool leader = false;
  int snapshot_days = 0;  // days whose reports' snapshot was taken
  int partitions = 0;     // partitions made for this year and the next
  SweepReport sweep;
  DeliveryReport delivery;
};

class BackgroundWorker {
 public:
  static constexpr char kLeaseName[] = "background";

  BackgroundWorker(Store& store, const Clock& clock, CalendarService& calendars,
                   DossierService& dossiers, BackgroundOptions options);
  ~BackgroundWorker();  // Stop()
  BackgroundWorker(const BackgroundWorker&) = delete;
  BackgroundWorker& operator=(const BackgroundWorker&) = delete;

  // Starts the thread: a round at once, then one every interval.
  void Start();
  // Wakes the thread, waits for the round in progress to finish and releases the lease so that
  // another server takes over at once. Idempotent.
  void Stop();

  // One round: the lease, then (when held) the sweeps and delivery. Errors of the store.
  Result<RoundReport> RunRound();
  // The sweeps at the clock's now, without the lease.
  Result<SweepReport> Sweep();
  // Delivers due messages until none is left (at most 50 batches), without the lease.
  Result<DeliveryReport> Deliver();

  // The next attempt after `attempts` failed ones (1, 2, ...), counted from `now`.
  static Instant NextAttempt(const BackgroundOptions& options, Instant now, int attempts);

 private:
  Result<int> SweepIntake(Instant now);
  Result<int> SweepSupplements(Instant now);
  Result<int> SweepApproaching(Instant now);
  // Records a unit alert and queues its message, unless raised before; true when raised now.
  Result<bool> RaiseAlert(const StoredDossier& d, const char* kind, const std::string& unit,
                          std::optional<Instant> due, Instant now);
  // The partitions of this year and the next, once per local year of `now`.
  Result<int> PrepareYears(Instant now);
  void Log(const char* level, const std::string& message) const;
  bool Stopping();
  void Loop();

  Store& store_;
  const Clock& clock_;
  CalendarService& calendars_;
  DossierService& dossiers_;
  const BackgroundOptions options_;

  std::mutex mu_;  // guards stopping_; the thread waits on wake_
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
  int prepared_year_ = 0;  // the local year whose partitions were last made (round thread only)
};

}  // namespace motcua::app
