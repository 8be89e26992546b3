#pragma once

// Use cases of the legal clock over stored calendars (issue 3): which calendar a unit uses, the
// due instant and its trace, and the administrator's edits of calendars (weekly sessions, a year's
// official schedule with its decision number, closures, which unit uses which calendar).
//
// Calendars and units
//   A unit uses its own calendar, else its parent's, and so on up to the root
//   (calendar/inherit.h); when no unit of the chain has one, the national default (code
//   "national", created by migration 2) applies.
//
// Built calendars are cached
//   Building a Calendar over its span (2000-2100 by default) takes milliseconds, answering from
//   it microseconds. Built calendars are cached under (calendar id, version). The version is read
//   in the same transaction as the calendar's rows, and every edit bumps it, so a server never
//   answers from content that another server sharing the database has replaced: at worst it
//   rebuilds. An edit committed by this server also drops its own entry at once.
//
// Edits
//   Every edit carries the calendar version the caller read (stale: kAborted "version-conflict"),
//   is validated in full before anything is written (kInvalidArgument naming each field, with the
//   checks of calendar::Calendar::Build), and appends an audit record in the same transaction.
//   Scope: an administrator edits calendars owned by units of their subtree (others are
//   kNotFound); the national default only an administrator of a root unit (kPermissionDenied
//   otherwise). Permissions by role are checked by the caller. A system actor (the command line
//   on the server) is not scoped.
//
// Reading calendars and asking for due instants is not scoped: office hours and holidays are
// public information.
//
// Thread-safety: all methods may be called concurrently.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/store.h"
#include "calendar/calendar.h"
#include "calendar/due.h"
#include "calendar/format.h"
#include "calendar/trace.h"
#include "common/clock.h"

namespace motcua::app {

struct CalendarServiceOptions {
  int first_year = 2000;  // the span of built calendars; due instants must fall inside it
  int last_year = 2100;
};

// A calendar with its stored years and closures.
struct CalendarView {
  StoredCalendar calendar;
  std::vector<calendar::YearSchedule> years;
  std::vector<StoredClosure> closures;
};

// Where a year's schedule comes from.
enum class YearOrigin { kStored, kOfficial, kGenerated, kNone };
std::string_view YearOriginName(YearOrigin origin);  // "stored", "official", "generated", "none"

struct YearView {
  calendar::YearSchedule schedule;
  YearOrigin origin = YearOrigin::kStored;
};

struct DueQuery {
  std::optional<std::string> unit_code;  // absent: the national default
  Instant received = 0;
  calendar::Duration duration = calendar::Duration::WorkingDays(0);
  calendar::ReceptionCutoff cutoff = calendar::ReceptionCutoff::Default();
  std::vector<calendar::Exclusion> pauses;
  calendar::Language language = calendar::Language::kVietnamese;
};

struct DueAnswer {
  StoredCalendar calendar;  // the calendar that answered (after inheritance)
  calendar::DueTrace trace;
  // "Còn 2 ngày 3 giờ" / "Quá 1 ngày": set when the clock's now is at or after reception.
  std::optional<std::string> remaining;
};

// The editable fields of a calendar.
struct CalendarEdit {
  std::string code;  // create only; lower-case letters, digits, '-', '.', 1-64 bytes
  std::string name;
  std::optional<identity::UnitId> owner_unit_id;  // create only; default: the actor's unit
  calendar::WeeklySchedule weekly;
  // Absent: official-then-generated on create, unchanged on update.
  std::optional<calendar::YearFallback> fallback;
  std::int64_t version = 0;  // update only: the version read
};

class CalendarService {
 public:
  CalendarService(Store& store, const Clock& clock, CalendarServiceOptions options = {});

  // --- queries (unscoped) ---

  // The due instant and its trace on the calendar of `query.unit_code`. kInvalidArgument naming
  // "unit" for an unknown unit code; errors of calendar::TraceDue otherwise.
  Result<DueAnswer> Due(const DueQuery& query);
  // The calendar a unit uses (code absent: the national default) and its built form.
  Result<std::pair<StoredCalendar, std::shared_ptr<const calendar::Calendar>>> ForUnit(
      const std::optional<std::string>& unit_code);
  // The same read in the caller's transaction: a use case that already holds one must not ask
  // the store for a second connection (a pool of N deadlocks under N such callers).
  Result<std::pair<StoredCalendar, std::shared_ptr<const calendar::Calendar>>> ForUnit(
      ReadTx& tx, const std::optional<std::string>& unit_code);
  Result<std::vector<StoredCalendar>> List();
  // kNotFound for an unknown id.
  Result<CalendarView> Get(std::int64_t id);
  // The schedule in force for `year` (1901-2199): the stored one, else the fallback's.
  Result<YearView> Holidays(std::int64_t id, int year);

  // --- edits (audited, versioned, scoped) ---

  Result<StoredCalendar> Create(const Actor& actor, const CalendarEdit& edit);
  // Name, weekly sessions and fallback of calendar `id`.
  Result<StoredCalendar> Update(const Actor& actor, std::int64_t id, const CalendarEdit& edit);
  // Replaces year `schedule.year` with an official schedule (source: the decision's number).
  Result<StoredCalendar> PutYear(const Actor& actor, std::int64_t id, std::int64_t version,
                                 calendar::YearSchedule schedule);
  // Removes a stored year: the year goes back to the fallback. kNotFound when not stored.
  Result<StoredCalendar> DeleteYear(const Actor& actor, std::int64_t id, std::int64_t version,
                                    int year);
  Result<std::pair<StoredCalendar, StoredClosure>> AddClosure(const Actor& actor, std::int64_t id,
                                                              std::int64_t version,
                                                              calendar::Closure closure);
  Result<StoredCalendar> DeleteClosure(const Actor& actor, std::int64_t id, std::int64_t version,
                                       std::int64_t closure_id);
  // Attaches calendar `calendar_id` to a unit of the actor's subtree, or detaches (nullopt: the
  // unit inherits again). The calendar must be the national default or owned by the unit or one
  // of its ancestors (kInvalidArgument naming "calendar_id" otherwise). `unit_version` is the
  // unit's version as read.
  Result<identity::Unit> AttachToUnit(const Actor& actor, identity::UnitId unit_id,
                                      std::optional<std::int64_t> calendar_id,
                                      std::int64_t unit_version);

  // The number of built calendars held (tests and metrics).
  std::size_t cached() const;

 private:
  struct CacheEntry {
    std::int64_t version = 0;
    std::shared_ptr<const calendar::Calendar> built;
  };

  // The content of a calendar as read in one transaction.
  Result<calendar::CalendarSpec> LoadSpec(ReadTx& tx, const StoredCalendar& stored);
  std::shared_ptr<const calendar::Calendar> Cached(std::int64_t id, std::int64_t version) const;
  void Remember(std::int64_t id, std::int64_t version,
                std::shared_ptr<const calendar::Calendar> built);
  void Forget(std::int64_t id);
  // Builds `spec` over the span (widened to `year` when given) or returns the violations.
  Result<calendar::Calendar> Validate(const calendar::CalendarSpec& spec,
                                      std::optional<int> year = std::nullopt) const;
  Status CheckEditScope(ReadTx& tx, const Actor& actor, const StoredCalendar& calendar);
  // Loads calendar `id` for an edit: exists, in scope, and `version` is current.
  Result<StoredCalendar> LoadForEdit(ReadTx& tx, const Actor& actor, std::int64_t id,
                                     std::int64_t version);
  // Runs an edit of calendar `id` in one transaction: loads it (scope, version), lets `apply`
  // change the row's fields and write its rows, validates the resulting content (Build over the
  // span widened to `year`), bumps the version and audits. Returns the updated calendar row.
  Result<StoredCalendar> Edit(const Actor& actor, std::int64_t id, std::int64_t version,
                              const std::string& action, const std::string& detail,
                              const std::function<Status(WriteTx&, StoredCalendar&)>& apply,
                              std::optional<int> year = std::nullopt);
  audit::Record Audit(const Actor& actor, std::string action, std::string object_id,
                      std::string detail) const;

  Store& store_;
  const Clock& clock_;
  const CalendarServiceOptions options_;

  mutable std::mutex mu_;  // guards cache_
  std::map<std::int64_t, CacheEntry> cache_;
};

}  // namespace motcua::app
