#include "reports/statistics.h"

#include <algorithm>

namespace motcua::reports {

Statistics& Statistics::operator+=(const Statistics& o) {
  received += o.received;
  received_in_person += o.received_in_person;
  received_online += o.received_online;
  received_postal += o.received_postal;
  carried_over += o.carried_over;
  resolved_early += o.resolved_early;
  resolved_on_time += o.resolved_on_time;
  resolved_late += o.resolved_late;
  resolved_untimed += o.resolved_untimed;
  withdrawn += o.withdrawn;
  stopped += o.stopped;
  in_progress_on_time += o.in_progress_on_time;
  in_progress_overdue += o.in_progress_overdue;
  refused += o.refused;
  supplement += o.supplement;
  apologies += o.apologies;
  digitized += o.digitized;
  reused += o.reused;
  data_store += o.data_store;
  synced += o.synced;
  paid_online += o.paid_online;
  return *this;
}

namespace {

bool Within(Instant t, const Period& p) { return t >= p.from && t < p.to; }

void AddReceived(Statistics& s, const Facts& f) {
  ++s.received;
  switch (f.channel) {
    case dossier::Channel::kInPerson: ++s.received_in_person; break;
    case dossier::Channel::kOnline: ++s.received_online; break;
    case dossier::Channel::kPostal: ++s.received_postal; break;
  }
  if (f.components > 0 && f.digitized == f.components) ++s.digitized;
  if (f.reused) ++s.reused;
  if (f.data_store) ++s.data_store;
  if (f.synced_national) ++s.synced;
  if (f.paid_online) ++s.paid_online;
}

void AddResolved(Statistics& s, const Facts& f) {
  switch (f.timeliness) {
    case dossier::Timeliness::kEarly: ++s.resolved_early; break;
    case dossier::Timeliness::kOnTime: ++s.resolved_on_time; break;
    case dossier::Timeliness::kLate: ++s.resolved_late; break;
    case dossier::Timeliness::kPending: ++s.resolved_untimed; break;
  }
}

}  // namespace

void Accumulate(Statistics& s, const Facts& f, const Period& p, Instant now) {
  if (f.finish == Finish::kRefused) {
    if (Within(f.finished_at, p)) ++s.refused;
    return;
  }
  if (f.received_at == 0 || f.received_at >= p.to) return;
  const bool finished = f.finish != Finish::kOpen;
  if (finished && f.finished_at < p.from) return;
  // In the period.
  if (f.received_at >= p.from) {
    AddReceived(s, f);
  } else {
    ++s.carried_over;
  }
  if (f.supplement_requests > 0) ++s.supplement;
  if (f.apology) ++s.apologies;
  if (finished && f.finished_at < p.to) {
    if (f.finish == Finish::kResolved) {
      AddResolved(s, f);
    } else if (f.withdrawal) {
      ++s.withdrawn;
    } else {
      ++s.stopped;
    }
    return;
  }
  const Instant eye = std::min(p.to, now);
  if (f.due && *f.due < eye) {
    ++s.in_progress_overdue;
  } else {
    ++s.in_progress_on_time;
  }
}

std::optional<double> Share(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

Shares SharesOf(const Statistics& s) {
  Shares out;
  out.on_time = Share(s.resolved_early + s.resolved_on_time,
                      s.resolved_early + s.resolved_on_time + s.resolved_late);
  out.online = Share(s.received_online, s.received);
  out.digitized = Share(s.digitized, s.received);
  out.reused = Share(s.reused, s.received);
  out.data_store = Share(s.data_store, s.received);
  return out;
}

}  // namespace motcua::reports
