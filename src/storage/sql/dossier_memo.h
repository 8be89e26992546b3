#pragma once

// A memo of the dossier decoders (dossier_codec.h). Decoding is a pure function of the stored
// text, and the same dossier is read again within moments: the next command on a dossier reads
// back what the last one wrote, the dossier page reads what a command just wrote. The memo keeps
// the decoded form of recently seen dossiers and their events, keyed by dossier id and always
// checked against the text just read: a hit copies the decoded value instead of parsing JSON, a
// miss decodes. It therefore never answers with anything but what the text says, whoever wrote
// it (another server, the command line, a restore).
//
// Bounded: a fixed number of slots chosen by id; a newer dossier takes the slot of an older one.
// Thread-safe; one memo serves every connection of the process.

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "dossier/dossier.h"

namespace motcua::storage::sql {

class DossierMemo {
 public:
  static DossierMemo& Shared();

  // DecodeDossier(doc), from the memo when `doc` is the text last seen for dossier `id`.
  Result<dossier::Dossier> Dossier(std::int64_t id, std::string_view doc);
  // Records that `doc` is the text of `value` (the writer, right after encoding it).
  void RememberDossier(std::int64_t id, std::string doc, const dossier::Dossier& value);

  // DecodeEvent of each body, in order; the bodies already seen for dossier `id` (events are
  // appended, never changed) are not parsed again.
  Result<std::vector<dossier::Event>> Events(std::int64_t id, std::vector<std::string> bodies);

  // Records that `bodies` are the texts of `events`, appended after the first `before` events
  // of dossier `id` (the writer, right after inserting them). Kept only when the memo holds
  // exactly those first `before`.
  void RememberEvents(std::int64_t id, std::size_t before, std::vector<std::string> bodies,
                      const std::vector<dossier::Event>& events);

  // What the memo did, for tests and benchmarks.
  struct Counts {
    std::int64_t hits = 0;
    std::int64_t misses = 0;
  };
  Counts counts() const;

 private:
  static constexpr std::size_t kSlots = 1024;
  struct DossierEntry {
    std::int64_t id = 0;
    std::string doc;
    dossier::Dossier value;
  };
  struct EventsEntry {
    std::int64_t id = 0;
    std::vector<std::string> bodies;
    std::vector<dossier::Event> events;
  };
  std::shared_ptr<const DossierEntry> GetDossier(std::int64_t id) const;
  std::shared_ptr<const EventsEntry> GetEvents(std::int64_t id) const;

  mutable std::mutex mu_;
  std::array<std::shared_ptr<const DossierEntry>, kSlots> dossiers_;  // guarded by mu_
  std::array<std::shared_ptr<const EventsEntry>, kSlots> events_;     // guarded by mu_
  Counts counts_;                                                     // guarded by mu_
};

}  // namespace motcua::storage::sql
