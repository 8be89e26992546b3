#include "app/calendar_service.h"

#include <algorithm>
#include <array>
#include <set>

#include "app/audit_service.h"
#include "calendar/holidays.h"
#include "calendar/inherit.h"

namespace motcua::app {
namespace {

constexpr std::array<const char*, 7> kDayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// Stored text forms separate fields with tabs and lines (storage/sql/calendar_codec.h): names,
// notes and sources must hold no control character.
bool HasControl(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

void CheckText(Error& e, const std::string& field, const std::string& text, std::size_t max,
               bool required) {
  if (required && text.empty()) {
    e.fields.push_back({field, "must not be empty"});
  } else if (text.size() > max) {
    e.fields.push_back({field, "must have at most " + std::to_string(max) + " bytes"});
  } else if (HasControl(text)) {
    e.fields.push_back({field, "must not contain control characters (tab, line break)"});
  }
}

Status Finish(Error e) {
  if (e.fields.empty()) return Ok();
  return e;
}

Error Validation() { return Error::InvalidArgument("invalid calendar").WithReason("validation"); }

// Calendar::Build names fields as in CalendarSpec; the API names them as in its JSON bodies.
std::string ApiField(const std::string& field, std::optional<int> year) {
  if (field.rfind("weekly.days[", 0) == 0 && field.size() > 13) {
    const int d = field[12] - '0';
    if (d >= 0 && d < 7) return "weekly." + std::string(kDayKeys[d]) + field.substr(14);
  }
  if (year) {
    const std::string prefix = "years[" + std::to_string(*year) + "].";
    if (field.rfind(prefix, 0) == 0) return field.substr(prefix.size());
  }
  return field;
}

Result<YearView> FallbackYear(int year, calendar::YearFallback fallback) {
  YearView view;
  if (fallback == calendar::YearFallback::kOfficialThenGenerated) {
    if (auto official = calendar::OfficialYearSchedule(year)) {
      view.schedule = *official;
      view.origin = YearOrigin::kOfficial;
      return view;
    }
  }
  if (fallback != calendar::YearFallback::kNone) {
    MOTCUA_ASSIGN_OR_RETURN(view.schedule, calendar::GeneratedYearSchedule(year));
    view.origin = YearOrigin::kGenerated;
    return view;
  }
  view.schedule.year = year;
  view.schedule.source = "none";
  view.origin = YearOrigin::kNone;
  return view;
}

// Checks of a year's schedule that Build does not make: dates inside the year, no day twice,
// texts storable.
void CheckYear(Error& e, const calendar::YearSchedule& y) {
  CheckText(e, "source", y.source, 500, true);
  std::set<calendar::CivilDate> seen;
  for (std::size_t i = 0; i < y.holidays.size(); ++i) {
    const std::string field = "holidays[" + std::to_string(i) + "]";
    const auto& h = y.holidays[i];
    if (h.date.year != y.year) e.fields.push_back({field + ".date", "must lie in the year"});
    if (!seen.insert(h.date).second) e.fields.push_back({field + ".date", "is listed twice"});
    CheckText(e, field + ".name", h.name, 200, true);
  }
  for (std::size_t i = 0; i < y.make_up_days.size(); ++i) {
    const std::string field = "make_up_days[" + std::to_string(i) + "]";
    const auto& m = y.make_up_days[i];
    if (m.date.year != y.year) e.fields.push_back({field + ".date", "must lie in the year"});
    if (!seen.insert(m.date).second) {
      e.fields.push_back({field + ".date", "is listed twice (or is also a holiday)"});
    }
    CheckText(e, field + ".note", m.note, 200, false);
  }
}

std::string DescribeYear(const calendar::YearSchedule& y) {
  return "year=" + std::to_string(y.year) + " source=" + y.source +
         " holidays=" + std::to_string(y.holidays.size()) +
         " make_up_days=" + std::to_string(y.make_up_days.size());
}

std::string DescribeWeekly(const calendar::WeeklySchedule& w) {
  std::string out;
  for (std::size_t d = 0; d < 7; ++d) {
    if (w.days[d].empty()) continue;
    out += std::string(out.empty() ? "" : ";") + kDayKeys[d];
    for (const auto& s : w.days[d]) {
      out += " " + calendar::FormatTimeOfDay(s.start) + "-" + calendar::FormatTimeOfDay(s.end);
    }
  }
  return out;
}

bool ValidCode(const std::string& code) {
  return !code.empty() && code.size() <= 64 &&
         std::all_of(code.begin(), code.end(), [](unsigned char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
         });
}

}  // namespace

std::string_view YearOriginName(YearOrigin origin) {
  switch (origin) {
    case YearOrigin::kStored: return "stored";
    case YearOrigin::kOfficial: return "official";
    case YearOrigin::kGenerated: return "generated";
    case YearOrigin::kNone: return "none";
  }
  return "none";
}

CalendarService::CalendarService(Store& store, const Clock& clock, CalendarServiceOptions options)
    : store_(store), clock_(clock), options_(options) {}

audit::Record CalendarService::Audit(const Actor& actor, std::string action, std::string object_id,
                                     std::string detail) const {
  return AuditRecordFor(actor, clock_.Now(), std::move(action), "calendar", std::move(object_id),
                        std::move(detail));
}

// --- the cache -----------------------------------------------------------------------------------

std::shared_ptr<const calendar::Calendar> CalendarService::Cached(std::int64_t id,
                                                                  std::int64_t version) const {
  std::lock_guard lock(mu_);
  auto it = cache_.find(id);
  if (it == cache_.end() || it->second.version != version) return nullptr;
  return it->second.built;
}

void CalendarService::Remember(std::int64_t id, std::int64_t version,
                               std::shared_ptr<const calendar::Calendar> built) {
  std::lock_guard lock(mu_);
  CacheEntry& entry = cache_[id];
  // A reader of an older snapshot must not replace a newer entry.
  if (entry.built && entry.version > version) return;
  entry = {version, std::move(built)};
}

void CalendarService::Forget(std::int64_t id) {
  std::lock_guard lock(mu_);
  cache_.erase(id);
}

std::size_t CalendarService::cached() const {
  std::lock_guard lock(mu_);
  return cache_.size();
}

Result<calendar::CalendarSpec> CalendarService::LoadSpec(ReadTx& tx, const StoredCalendar& c) {
  calendar::CalendarSpec spec;
  spec.id = std::to_string(c.id);
  spec.name = c.name;
  spec.weekly = c.weekly;
  spec.fallback = c.fallback;
  MOTCUA_ASSIGN_OR_RETURN(spec.years, tx.ListCalendarYears(c.id));
  MOTCUA_ASSIGN_OR_RETURN(auto closures, tx.ListCalendarClosures(c.id));
  for (auto& cl : closures) spec.closures.push_back(std::move(cl.closure));
  return spec;
}

Result<calendar::Calendar> CalendarService::Validate(const calendar::CalendarSpec& spec,
                                                     std::optional<int> year) const {
  calendar::CalendarOptions span{options_.first_year, options_.last_year};
  if (year) {
    span.first_year = std::min(span.first_year, *year);
    span.last_year = std::max(span.last_year, *year);
  }
  auto built = calendar::Calendar::Build(spec, span);
  if (built.ok()) return built;
  Error e = std::move(built).error();
  for (auto& f : e.fields) f.field = ApiField(f.field, year);
  if (!e.fields.empty()) e.reason = "validation";
  return e;
}

// --- queries -------------------------------------------------------------------------------------

Result<std::pair<StoredCalendar, std::shared_ptr<const calendar::Calendar>>>
CalendarService::ForUnit(const std::optional<std::string>& unit_code) {
  Result<std::pair<StoredCalendar, std::shared_ptr<const calendar::Calendar>>> out =
      Error::Internal("unreachable");
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    out = ForUnit(tx, unit_code);
    return Ok();
  }));
  return out;
}

Result<std::pair<StoredCalendar, std::shared_ptr<const calendar::Calendar>>>
CalendarService::ForUnit(ReadTx& tx, const std::optional<std::string>& unit_code) {
  std::optional<StoredCalendar> found;
  if (unit_code) {
    MOTCUA_ASSIGN_OR_RETURN(auto unit, tx.FindUnitByCode(*unit_code));
    if (!unit) return Error::InvalidField("unit", "no unit has code " + *unit_code);
    std::vector<calendar::UnitCalendarLink> chain;
    for (std::size_t steps = 0; unit && steps < 10000; ++steps) {
      chain.push_back({unit->code, unit->calendar_id
                                       ? std::optional(std::to_string(*unit->calendar_id))
                                       : std::nullopt});
      if (!unit->parent_id) break;
      MOTCUA_ASSIGN_OR_RETURN(unit, tx.FindUnit(*unit->parent_id));
    }
    auto id = calendar::ResolveCalendarId(chain);
    if (id.ok()) {
      MOTCUA_ASSIGN_OR_RETURN(found, tx.FindCalendar(std::stoll(*id)));
    } else if (id.error().code != ErrorCode::kNotFound) {
      return std::move(id).error();
    }
  }
  if (!found) {
    MOTCUA_ASSIGN_OR_RETURN(found, tx.FindCalendarByCode(kNationalCalendarCode));
  }
  if (!found) return Error::Internal("the national default calendar is missing");
  std::shared_ptr<const calendar::Calendar> built = Cached(found->id, found->version);
  if (!built) {
    MOTCUA_ASSIGN_OR_RETURN(auto spec, LoadSpec(tx, *found));
    MOTCUA_ASSIGN_OR_RETURN(auto cal, Validate(spec));
    built = std::make_shared<const calendar::Calendar>(std::move(cal));
    Remember(found->id, found->version, built);
  }
  return std::make_pair(std::move(*found), std::move(built));
}

Result<DueAnswer> CalendarService::Due(const DueQuery& q) {
  MOTCUA_ASSIGN_OR_RETURN(auto resolved, ForUnit(q.unit_code));
  const calendar::Calendar& cal = *resolved.second;
  DueAnswer answer;
  answer.calendar = std::move(resolved.first);
  MOTCUA_ASSIGN_OR_RETURN(answer.trace,
                          calendar::TraceDue(q.received, q.duration, cal, q.pauses, q.cutoff));
  const Instant now = clock_.Now();
  if (now >= q.received && cal.Covers(now)) {
    auto text = calendar::RemainingText(now, answer.trace.due, cal, q.pauses, q.language);
    if (text.ok()) answer.remaining = std::move(*text);
  }
  return answer;
}

Result<std::vector<StoredCalendar>> CalendarService::List() {
  std::vector<StoredCalendar> out;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out, tx.ListCalendars());
    return Ok();
  }));
  return out;
}

Result<CalendarView> CalendarService::Get(std::int64_t id) {
  CalendarView view;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindCalendar(id));
    if (!found) return Error::NotFound("calendar " + std::to_string(id) + " not found");
    view.calendar = std::move(*found);
    MOTCUA_ASSIGN_OR_RETURN(view.years, tx.ListCalendarYears(id));
    MOTCUA_ASSIGN_OR_RETURN(view.closures, tx.ListCalendarClosures(id));
    return Ok();
  }));
  return view;
}

Result<YearView> CalendarService::Holidays(std::int64_t id, int year) {
  if (year < 1901 || year > 2199) {
    return Error::InvalidField("year", "must be a year from 1901 to 2199");
  }
  MOTCUA_ASSIGN_OR_RETURN(CalendarView view, Get(id));
  for (auto& y : view.years) {
    if (y.year == year) return YearView{std::move(y), YearOrigin::kStored};
  }
  return FallbackYear(year, view.calendar.fallback);
}

// --- edits ---------------------------------------------------------------------------------------

Status CalendarService::CheckEditScope(ReadTx& tx, const Actor& actor, const StoredCalendar& c) {
  if (actor.system) return Ok();
  if (!actor.user) return Error::Unauthenticated("login required");
  if (c.owner_unit_id) {
    MOTCUA_ASSIGN_OR_RETURN(bool inside, tx.UnitInSubtree(actor.user->unit_id, *c.owner_unit_id));
    if (!inside) return Error::NotFound("calendar " + std::to_string(c.id) + " not found");
    return Ok();
  }
  MOTCUA_ASSIGN_OR_RETURN(auto unit, tx.FindUnit(actor.user->unit_id));
  if (!unit || unit->parent_id) {
    return Error::PermissionDenied(
        "only an administrator of the province (the root unit) edits the national calendar");
  }
  return Ok();
}

Result<StoredCalendar> CalendarService::LoadForEdit(ReadTx& tx, const Actor& actor, std::int64_t id,
                                                    std::int64_t version) {
  MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindCalendar(id));
  if (!found) return Error::NotFound("calendar " + std::to_string(id) + " not found");
  MOTCUA_RETURN_IF_ERROR(CheckEditScope(tx, actor, *found));
  if (found->version != version) {
    return Error::Aborted("calendar " + std::to_string(id) +
                          " was changed by someone else (current version " +
                          std::to_string(found->version) + ")")
        .WithReason("version-conflict");
  }
  return *found;
}

Result<StoredCalendar> CalendarService::Edit(
    const Actor& actor, std::int64_t id, std::int64_t version, const std::string& action,
    const std::string& detail, const std::function<Status(WriteTx&, StoredCalendar&)>& apply,
    std::optional<int> year) {
  StoredCalendar out;
  std::shared_ptr<const calendar::Calendar> built;
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out, LoadForEdit(tx, actor, id, version));
    MOTCUA_RETURN_IF_ERROR(apply(tx, out));
    // The content after the change, read back in the same transaction: what is validated (and
    // cached) is exactly what commits. A violation rolls the change back.
    MOTCUA_ASSIGN_OR_RETURN(auto spec, LoadSpec(tx, out));
    MOTCUA_ASSIGN_OR_RETURN(auto cal, Validate(spec, year));
    MOTCUA_RETURN_IF_ERROR(tx.UpdateCalendar(out));
    audit::Record rec = Audit(actor, action, std::to_string(id), detail);
    MOTCUA_RETURN_IF_ERROR(tx.AppendAudit(rec));
    built = std::make_shared<const calendar::Calendar>(std::move(cal));
    return Ok();
  }));
  Forget(id);
  const bool usual_span = !year || (*year >= options_.first_year && *year <= options_.last_year);
  if (usual_span) Remember(out.id, out.version, std::move(built));
  return out;
}

Result<StoredCalendar> CalendarService::Create(const Actor& actor, const CalendarEdit& edit) {
  Error e = Validation();
  if (!ValidCode(edit.code)) {
    e.fields.push_back({"code", "must have 1 to 64 lower-case letters, digits, '-' or '.'"});
  }
  CheckText(e, "name", edit.name, 300, true);
  StoredCalendar c;
  c.code = edit.code;
  c.name = edit.name;
  c.weekly = edit.weekly;
  c.fallback = edit.fallback.value_or(calendar::YearFallback::kOfficialThenGenerated);
  c.owner_unit_id = edit.owner_unit_id;
  if (!c.owner_unit_id && actor.user) c.owner_unit_id = actor.user->unit_id;
  if (!c.owner_unit_id) e.fields.push_back({"owner_unit_id", "is required"});
  if (e.fields.empty()) {
    calendar::CalendarSpec spec;
    spec.weekly = c.weekly;
    spec.fallback = c.fallback;
    auto valid = Validate(spec);
    if (!valid.ok()) return std::move(valid).error();
  }
  MOTCUA_RETURN_IF_ERROR(Finish(std::move(e)));
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto owner, tx.FindUnit(*c.owner_unit_id));
    if (!owner) return Error::InvalidField("owner_unit_id", "no such unit");
    MOTCUA_RETURN_IF_ERROR(CheckEditScope(tx, actor, c));
    Status inserted = tx.InsertCalendar(c);
    if (!inserted.ok() && inserted.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("a calendar with code " + c.code + " exists")
          .WithReason("duplicate-code")
          .WithField("code", "is taken by another calendar");
    }
    MOTCUA_RETURN_IF_ERROR(inserted);
    audit::Record rec =
        Audit(actor, "calendar.create", std::to_string(c.id),
              "code=" + c.code + " name=" + c.name + " owner=" + std::to_string(*c.owner_unit_id) +
                  " weekly=" + DescribeWeekly(c.weekly));
    return tx.AppendAudit(rec);
  }));
  return c;
}

Result<StoredCalendar> CalendarService::Update(const Actor& actor, std::int64_t id,
                                               const CalendarEdit& edit) {
  Error e = Validation();
  CheckText(e, "name", edit.name, 300, true);
  MOTCUA_RETURN_IF_ERROR(Finish(std::move(e)));
  return Edit(actor, id, edit.version, "calendar.update",
              "name=" + edit.name + " weekly=" + DescribeWeekly(edit.weekly),
              [&](WriteTx&, StoredCalendar& c) -> Status {
                c.name = edit.name;
                c.weekly = edit.weekly;
                c.fallback = edit.fallback.value_or(c.fallback);
                return Ok();
              });
}

Result<StoredCalendar> CalendarService::PutYear(const Actor& actor, std::int64_t id,
                                                std::int64_t version,
                                                calendar::YearSchedule schedule) {
  if (schedule.year < 1901 || schedule.year > 2199) {
    return Error::InvalidField("year", "must be a year from 1901 to 2199");
  }
  Error e = Validation();
  CheckYear(e, schedule);
  MOTCUA_RETURN_IF_ERROR(Finish(std::move(e)));
  auto by_date = [](const auto& a, const auto& b) { return a.date < b.date; };
  std::sort(schedule.holidays.begin(), schedule.holidays.end(), by_date);
  std::sort(schedule.make_up_days.begin(), schedule.make_up_days.end(), by_date);
  return Edit(
      actor, id, version, "calendar.year.put", DescribeYear(schedule),
      [&](WriteTx& tx, StoredCalendar&) { return tx.PutCalendarYear(id, schedule); },
      schedule.year);
}

Result<StoredCalendar> CalendarService::DeleteYear(const Actor& actor, std::int64_t id,
                                                   std::int64_t version, int year) {
  return Edit(actor, id, version, "calendar.year.delete", "year=" + std::to_string(year),
              [&](WriteTx& tx, StoredCalendar&) { return tx.DeleteCalendarYear(id, year); });
}

Result<std::pair<StoredCalendar, StoredClosure>> CalendarService::AddClosure(
    const Actor& actor, std::int64_t id, std::int64_t version, calendar::Closure closure) {
  Error e = Validation();
  CheckText(e, "reason", closure.reason, 300, true);
  if (closure.part && (closure.part->start < 0 || closure.part->end > calendar::kSecondsPerDay ||
                       closure.part->start >= closure.part->end)) {
    e.fields.push_back({"part", "must satisfy 00:00 <= from < to <= 24:00"});
  }
  MOTCUA_RETURN_IF_ERROR(Finish(std::move(e)));
  StoredClosure stored{0, id, closure};
  const std::string detail =
      "date=" + calendar::FormatDate(closure.date) + " reason=" + closure.reason;
  MOTCUA_ASSIGN_OR_RETURN(auto calendar, Edit(
                                             actor, id, version, "calendar.closure.add", detail,
                                             [&](WriteTx& tx, StoredCalendar&) {
                                               return tx.InsertCalendarClosure(stored);
                                             },
                                             closure.date.year));
  return std::make_pair(std::move(calendar), std::move(stored));
}

Result<StoredCalendar> CalendarService::DeleteClosure(const Actor& actor, std::int64_t id,
                                                      std::int64_t version,
                                                      std::int64_t closure_id) {
  return Edit(
      actor, id, version, "calendar.closure.delete", "closure=" + std::to_string(closure_id),
      [&](WriteTx& tx, StoredCalendar&) { return tx.DeleteCalendarClosure(id, closure_id); });
}

Result<identity::Unit> CalendarService::AttachToUnit(const Actor& actor, identity::UnitId unit_id,
                                                     std::optional<std::int64_t> calendar_id,
                                                     std::int64_t unit_version) {
  identity::Unit unit;
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindUnit(unit_id));
    if (!found) return Error::NotFound("unit " + std::to_string(unit_id) + " not found");
    if (!actor.system) {
      if (!actor.user) return Error::Unauthenticated("login required");
      MOTCUA_ASSIGN_OR_RETURN(bool inside, tx.UnitInSubtree(actor.user->unit_id, unit_id));
      if (!inside) return Error::NotFound("unit " + std::to_string(unit_id) + " not found");
    }
    if (calendar_id) {
      MOTCUA_ASSIGN_OR_RETURN(auto cal, tx.FindCalendar(*calendar_id));
      if (!cal) return Error::InvalidField("calendar_id", "no such calendar");
      if (cal->owner_unit_id) {
        MOTCUA_ASSIGN_OR_RETURN(bool usable, tx.UnitInSubtree(*cal->owner_unit_id, unit_id));
        if (!usable) {
          return Error::InvalidField("calendar_id",
                                     "belongs to a unit that is not this unit or its ancestor");
        }
      }
    }
    unit = std::move(*found);
    unit.calendar_id = calendar_id;
    unit.version = unit_version;
    MOTCUA_RETURN_IF_ERROR(tx.UpdateUnit(unit));
    audit::Record rec = Audit(actor, "unit.calendar", std::to_string(unit_id),
                              "calendar=" + (calendar_id ? std::to_string(*calendar_id) : "-"));
    rec.object_type = "unit";
    return tx.AppendAudit(rec);
  }));
  return unit;
}

}  // namespace motcua::app
