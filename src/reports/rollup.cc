#include "reports/rollup.h"

#include <algorithm>

#include "calendar/civil_time.h"

namespace motcua::reports {

DayCounts& DayCounts::operator+=(const DayCounts& other) {
  for (const DayCountsField& f : kDayCountsFields) this->*f.member += other.*f.member;
  return *this;
}

DayCounts& DayCounts::operator-=(const DayCounts& other) {
  for (const DayCountsField& f : kDayCountsFields) this->*f.member -= other.*f.member;
  return *this;
}

std::int64_t LocalDay(Instant t) { return calendar::LocalDayOf(t); }

bool IsLocalMidnight(Instant t) { return calendar::LocalSecondsOfDay(t) == 0; }

void AddContribution(Rollup& rollup, const Facts& f, int sign, RollupKind kind) {
  const bool by_procedure = kind == RollupKind::kProcedure;
  const auto add = [&](std::int64_t day, std::int64_t DayCounts::*member) {
    DayKey key{f.unit, day};
    if (by_procedure) {
      key.procedure = f.procedure_code;
      key.version = f.procedure_version;
      key.channel = static_cast<int>(f.channel);
    }
    rollup[key].*member += sign;
  };
  if (f.finish == Finish::kRefused) {
    add(LocalDay(f.finished_at), &DayCounts::refused);
    return;
  }
  if (f.received_at == 0) return;  // never received: in no figure
  const std::int64_t received = LocalDay(f.received_at);
  switch (f.channel) {
    case dossier::Channel::kInPerson: add(received, &DayCounts::received_in_person); break;
    case dossier::Channel::kOnline: add(received, &DayCounts::received_online); break;
    case dossier::Channel::kPostal: add(received, &DayCounts::received_postal); break;
  }
  if (f.components > 0 && f.digitized == f.components) add(received, &DayCounts::digitized);
  if (f.reused) add(received, &DayCounts::reused);
  if (f.data_store) add(received, &DayCounts::data_store);
  if (f.synced_national) add(received, &DayCounts::synced);
  if (f.paid_online) add(received, &DayCounts::paid_online);
  if (f.supplement_requests > 0) add(received, &DayCounts::supplement_received);
  if (f.apology) add(received, &DayCounts::apology_received);
  const bool finished = f.finish != Finish::kOpen;
  const std::int64_t finished_day = LocalDay(f.finished_at);
  if (finished) {
    if (f.finish == Finish::kResolved) {
      switch (f.timeliness) {
        case dossier::Timeliness::kEarly: add(finished_day, &DayCounts::resolved_early); break;
        case dossier::Timeliness::kOnTime: add(finished_day, &DayCounts::resolved_on_time); break;
        case dossier::Timeliness::kLate: add(finished_day, &DayCounts::resolved_late); break;
        case dossier::Timeliness::kPending: add(finished_day, &DayCounts::resolved_untimed); break;
      }
    } else {
      add(finished_day, f.withdrawal ? &DayCounts::withdrawn : &DayCounts::stopped);
    }
    if (f.supplement_requests > 0) add(finished_day, &DayCounts::supplement_finished);
    if (f.apology) add(finished_day, &DayCounts::apology_finished);
  }
  if (!f.due) return;
  // In progress and overdue at the end of day T - 1 (a period ending at 00:00 of day T) exactly
  // when received and due before T and not finished before T: start < T <= finished day.
  const std::int64_t start = std::max(received, LocalDay(*f.due));
  if (finished && finished_day <= start) return;
  add(start, &DayCounts::overdue_from);
  if (finished) add(finished_day, &DayCounts::overdue_until);
}

std::vector<std::pair<DayKey, DayCounts>> RollupDelta(const std::optional<Facts>& before,
                                                      const Facts& after, RollupKind kind) {
  Rollup r;
  if (before) AddContribution(r, *before, -1, kind);
  AddContribution(r, after, 1, kind);
  std::vector<std::pair<DayKey, DayCounts>> out;
  for (auto& [key, counts] : r) {
    if (!counts.IsZero()) out.emplace_back(key, counts);
  }
  return out;
}

bool SameRollup(const Rollup& a, const Rollup& b, std::vector<DayKey>* differing) {
  bool same = true;
  const auto note = [&](const DayKey& key) {
    same = false;
    if (differing != nullptr) differing->push_back(key);
  };
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() || j != b.end()) {
    if (j == b.end() || (i != a.end() && i->first < j->first)) {
      if (!i->second.IsZero()) note(i->first);
      ++i;
    } else if (i == a.end() || j->first < i->first) {
      if (!j->second.IsZero()) note(j->first);
      ++j;
    } else {
      if (i->second != j->second) note(i->first);
      ++i;
      ++j;
    }
  }
  return same;
}

Statistics StatisticsFromRollup(const DayCounts& before, const DayCounts& within,
                                std::optional<std::int64_t> overdue_now) {
  DayCounts all = before;
  all += within;
  Statistics s;
  s.received_in_person = within.received_in_person;
  s.received_online = within.received_online;
  s.received_postal = within.received_postal;
  s.received = within.Received();
  s.digitized = within.digitized;
  s.reused = within.reused;
  s.data_store = within.data_store;
  s.synced = within.synced;
  s.paid_online = within.paid_online;
  // Received before F and not finished before F (a dossier finishes after its reception).
  s.carried_over = before.Received() - before.Finished();
  s.resolved_early = within.resolved_early;
  s.resolved_on_time = within.resolved_on_time;
  s.resolved_late = within.resolved_late;
  s.resolved_untimed = within.resolved_untimed;
  s.withdrawn = within.withdrawn;
  s.stopped = within.stopped;
  s.refused = within.refused;
  // In the period: received before T, not finished before F.
  s.supplement = all.supplement_received - before.supplement_finished;
  s.apologies = all.apology_received - before.apology_finished;
  const std::int64_t in_progress = all.Received() - all.Finished();
  s.in_progress_overdue = overdue_now ? *overdue_now : all.overdue_from - all.overdue_until;
  s.in_progress_on_time = in_progress - s.in_progress_overdue;
  return s;
}

}  // namespace motcua::reports
