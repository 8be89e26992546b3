#include "storage/sql/dossier_memo.h"

#include "storage/sql/dossier_codec.h"

namespace motcua::storage::sql {
namespace {

std::size_t SlotOf(std::int64_t id, std::size_t slots) {
  return static_cast<std::size_t>(static_cast<std::uint64_t>(id) % slots);
}

}  // namespace

DossierMemo& DossierMemo::Shared() {
  static DossierMemo* memo = new DossierMemo();  // never destroyed: used until exit
  return *memo;
}

std::shared_ptr<const DossierMemo::DossierEntry> DossierMemo::GetDossier(std::int64_t id) const {
  std::lock_guard lock(mu_);
  return dossiers_[SlotOf(id, kSlots)];
}

std::shared_ptr<const DossierMemo::EventsEntry> DossierMemo::GetEvents(std::int64_t id) const {
  std::lock_guard lock(mu_);
  return events_[SlotOf(id, kSlots)];
}

Result<dossier::Dossier> DossierMemo::Dossier(std::int64_t id, std::string_view doc) {
  auto entry = GetDossier(id);
  if (entry && entry->id == id && entry->doc == doc) {
    std::lock_guard lock(mu_);
    ++counts_.hits;
    return entry->value;
  }
  MOTCUA_ASSIGN_OR_RETURN(auto value, DecodeDossier(doc));
  auto fresh = std::make_shared<DossierEntry>(DossierEntry{id, std::string(doc), value});
  std::lock_guard lock(mu_);
  ++counts_.misses;
  dossiers_[SlotOf(id, kSlots)] = std::move(fresh);
  return value;
}

void DossierMemo::RememberDossier(std::int64_t id, std::string doc, const dossier::Dossier& value) {
  auto fresh = std::make_shared<DossierEntry>(DossierEntry{id, std::move(doc), value});
  std::lock_guard lock(mu_);
  dossiers_[SlotOf(id, kSlots)] = std::move(fresh);
}

Result<std::vector<dossier::Event>> DossierMemo::Events(std::int64_t id,
                                                        std::vector<std::string> bodies) {
  auto entry = GetEvents(id);
  if (entry && entry->id != id) entry.reset();
  std::vector<dossier::Event> out;
  out.reserve(bodies.size());
  std::size_t reused = 0;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    if (entry && i < entry->bodies.size() && entry->bodies[i] == bodies[i]) {
      out.push_back(entry->events[i]);
      ++reused;
      continue;
    }
    MOTCUA_ASSIGN_OR_RETURN(auto event, DecodeEvent(bodies[i]));
    out.push_back(std::move(event));
  }
  const bool all_reused = entry && reused == bodies.size() && reused == entry->bodies.size();
  std::shared_ptr<const EventsEntry> fresh;
  if (!all_reused) fresh = std::make_shared<EventsEntry>(EventsEntry{id, std::move(bodies), out});
  std::lock_guard lock(mu_);
  if (all_reused) {
    ++counts_.hits;
  } else {
    ++counts_.misses;
    events_[SlotOf(id, kSlots)] = std::move(fresh);
  }
  return out;
}

void DossierMemo::RememberEvents(std::int64_t id, std::size_t before,
                                 std::vector<std::string> bodies,
                                 const std::vector<dossier::Event>& events) {
  auto fresh = std::make_shared<EventsEntry>();
  fresh->id = id;
  if (before > 0) {
    auto entry = GetEvents(id);
    if (!entry || entry->id != id || entry->bodies.size() != before) return;
    fresh->bodies = entry->bodies;
    fresh->events = entry->events;
  }
  for (std::size_t i = 0; i < bodies.size() && i < events.size(); ++i) {
    fresh->bodies.push_back(std::move(bodies[i]));
    fresh->events.push_back(events[i]);
  }
  std::lock_guard lock(mu_);
  events_[SlotOf(id, kSlots)] = std::move(fresh);
}

DossierMemo::Counts DossierMemo::counts() const {
  std::lock_guard lock(mu_);
  return counts_;
}

}  // namespace motcua::storage::sql
