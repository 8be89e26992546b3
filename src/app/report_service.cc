#include "app/report_service.h"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <tuple>

#include "calendar/civil_time.h"
#include "dossier/machine.h"
#include "dossier/times.h"

namespace motcua::app {

namespace {

ReportQuery QueryOf(const identity::Unit& unit, bool subunits, const reports::Period& p,
                    Instant now, ReportGroup group) {
  ReportQuery q;
  q.unit = unit.id;
  q.subunits = subunits;
  q.from = p.from;
  q.to = p.to;
  q.now = now;
  q.group = group;
  return q;
}

}  // namespace

Result<ReportService::DossierPage> ReportService::Dossiers(const Actor& actor,
                                                           const StatisticsRequest& r,
                                                           ReportFigure figure,
                                                           std::int64_t after_id, int limit) {
  DossierPage out;
  const Instant now = clock_.Now();
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out.unit, ScopedUnit(tx, actor, r.unit_code));
    MOTCUA_ASSIGN_OR_RETURN(
        out.items, tx.ListReportDossiers(QueryOf(out.unit, r.subunits, r.period, now, r.group),
                                         figure, after_id, limit));
    return Ok();
  }));
  out.as_of = std::min(r.period.to, now);
  return out;
}

Result<identity::Unit> ReportService::ScopedUnit(ReadTx& tx, const Actor& actor,
                                                 const std::string& code) {
  if (!actor.user && !actor.system) return Error::Unauthenticated("login required");
  if (actor.user && actor.user->roles.Has(identity::Role::kCitizen)) {
    return Error::PermissionDenied("reports are for officers; the public figures are open");
  }
  if (code.empty()) {
    if (!actor.user) return Error::InvalidField("unit", "name a unit");
    MOTCUA_ASSIGN_OR_RETURN(auto own, tx.FindUnit(actor.user->unit_id));
    if (!own) return Error::Internal("the user's unit does not exist");
    return *own;
  }
  MOTCUA_ASSIGN_OR_RETURN(auto unit, tx.FindUnitByCode(code));
  if (!unit) return Error::InvalidField("unit", "no unit " + code);
  if (actor.user) {
    MOTCUA_ASSIGN_OR_RETURN(bool inside, tx.UnitInSubtree(actor.user->unit_id, unit->id));
    if (!inside) return Error::NotFound("unit " + code + " is outside your unit");
  }
  return *unit;
}

Result<identity::Unit> ReportService::Scope(const Actor& actor, const std::string& unit_code) {
  identity::Unit unit;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(unit, ScopedUnit(tx, actor, unit_code));
    return Ok();
  }));
  return unit;
}

Result<ReportService::StatisticsReport> ReportService::Statistics(const Actor& actor,
                                                                  const StatisticsRequest& r) {
  StatisticsReport out;
  const Instant now = clock_.Now();
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out.unit, ScopedUnit(tx, actor, r.unit_code));
    MOTCUA_ASSIGN_OR_RETURN(
        out.rows, tx.ReportStatistics(QueryOf(out.unit, r.subunits, r.period, now, r.group)));
    if (r.group == ReportGroup::kUnit) {
      for (const ReportRow& row : out.rows) {
        MOTCUA_ASSIGN_OR_RETURN(auto u, tx.FindUnitByCode(row.key));
        out.names[row.key] = u ? u->name : row.key;
      }
    } else if (r.group == ReportGroup::kOfficer) {
      for (const ReportRow& row : out.rows) {
        const std::int64_t id = std::stoll(row.key);
        if (id == 0) continue;
        MOTCUA_ASSIGN_OR_RETURN(auto u, tx.FindUser(id));
        if (u) out.names[row.key] = u->username;
      }
    }
    return Ok();
  }));
  out.subunits = r.subunits;
  out.period = r.period;
  out.group = r.group;
  out.as_of = std::min(r.period.to, now);
  for (const ReportRow& row : out.rows) out.total += row.stats;
  return out;
}

Result<ReportService::IndexReport> ReportService::Index766(const Actor& actor,
                                                           const std::string& unit_code,
                                                           const reports::Period& period) {
  IndexReport out;
  const Instant now = clock_.Now();
  std::vector<ReportRow> rows;
  std::map<std::string, std::string> names;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out.unit, ScopedUnit(tx, actor, unit_code));
    MOTCUA_ASSIGN_OR_RETURN(
        rows, tx.ReportStatistics(QueryOf(out.unit, true, period, now, ReportGroup::kUnit)));
    for (const ReportRow& row : rows) {
      MOTCUA_ASSIGN_OR_RETURN(auto u, tx.FindUnitByCode(row.key));
      names[row.key] = u ? u->name : row.key;
    }
    return Ok();
  }));
  out.period = period;
  out.as_of = std::min(period.to, now);
  const reports::Index766Spec& table = reports::Index766Table();
  out.whole.unit_code = out.unit.code;
  out.whole.unit_name = out.unit.name;
  for (const ReportRow& row : rows) {
    out.whole.stats += row.stats;
    UnitIndex u;
    u.unit_code = row.key;
    u.unit_name = names[row.key];
    u.stats = row.stats;
    u.index = reports::ScoreIndex766(table, reports::InputsOf(row.stats));
    out.units.push_back(std::move(u));
  }
  out.whole.index = reports::ScoreIndex766(table, reports::InputsOf(out.whole.stats));
  return out;
}

Result<ReportService::PeriodicReport> ReportService::Periodic(const Actor& actor,
                                                              const std::string& unit_code,
                                                              const reports::Period& period) {
  PeriodicReport out;
  const Instant now = clock_.Now();
  std::vector<ReportRow> whole;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out.unit, ScopedUnit(tx, actor, unit_code));
    MOTCUA_ASSIGN_OR_RETURN(
        out.fields, tx.ReportStatistics(QueryOf(out.unit, true, period, now, ReportGroup::kField)));
    MOTCUA_ASSIGN_OR_RETURN(
        out.units, tx.ReportStatistics(QueryOf(out.unit, true, period, now, ReportGroup::kUnit)));
    MOTCUA_ASSIGN_OR_RETURN(
        whole, tx.ReportStatistics(QueryOf(out.unit, true, period, now, ReportGroup::kNone)));
    for (const ReportRow& row : out.units) {
      MOTCUA_ASSIGN_OR_RETURN(auto u, tx.FindUnitByCode(row.key));
      out.unit_names[row.key] = u ? u->name : row.key;
    }
    return Ok();
  }));
  out.period = period;
  out.as_of = std::min(period.to, now);
  for (const ReportRow& row : whole) out.total += row.stats;
  return out;
}

namespace {

// What the workflows say of a step id: its earliest position in a workflow and its name there,
// and, per procedure version, whether it is timed (reports::Timed).
struct StepCatalog {
  std::map<std::string, std::pair<std::size_t, std::string>> places;
  std::map<std::tuple<std::string, int, std::string>, bool> timed;
};

StepCatalog CatalogOf(const std::vector<catalog::Workflow>& workflows) {
  StepCatalog out;
  for (const catalog::Workflow& w : workflows) {
    for (std::size_t i = 0; i < w.steps.size(); ++i) {
      const catalog::Step& step = w.steps[i];
      auto [place, added] = out.places.try_emplace(step.id, i, step.name);
      if (!added && i < place->second.first) place->second = {i, step.name};
      out.timed.try_emplace({w.procedure_code, w.version, step.id},
                            reports::Timed(step.counted, step.budget_seconds));
    }
  }
  return out;
}

}  // namespace

Result<ReportService::StepReport> ReportService::Steps(const Actor& actor, const StepsRequest& r) {
  StepReport out;
  const Instant now = clock_.Now();
  out.as_of = std::min(r.period.to, now);
  std::map<std::string, reports::StepFigures> figures;  // by key
  std::map<std::string, std::string> names;             // by key
  StepCatalog steps;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    figures.clear();
    names.clear();
    MOTCUA_ASSIGN_OR_RETURN(out.unit, ScopedUnit(tx, actor, r.unit_code));
    const StepQuery query{out.unit.id, r.subunits,      r.period.from, r.period.to,
                          out.as_of,   out.as_of < now, r.group};
    MOTCUA_ASSIGN_OR_RETURN(auto visits, tx.ReportStepVisits(query));
    MOTCUA_ASSIGN_OR_RETURN(auto open, tx.ReportOpenSteps(query));
    MOTCUA_ASSIGN_OR_RETURN(auto workflows, tx.ListWorkflows());
    steps = CatalogOf(workflows);
    for (const StepVisitRow& row : visits) figures[row.key] += row.figures;
    for (const OpenStepRow& row : open) {
      reports::StepFigures& f = figures[row.key];
      f.current += row.current;
      // A step not in the version's workflows: judged by its stored due instant.
      const auto timed = steps.timed.find({row.procedure_code, row.procedure_version, row.step_id});
      if (timed == steps.timed.end() || timed->second) f.current_overdue += row.past_due;
    }
    for (const auto& [key, unused] : figures) {
      if (r.group == StepGroup::kUnit) {
        MOTCUA_ASSIGN_OR_RETURN(auto u, tx.FindUnitByCode(key));
        names[key] = u ? u->name : key;
      } else if (r.group == StepGroup::kOfficer && key != "0") {
        MOTCUA_ASSIGN_OR_RETURN(auto u, tx.FindUser(std::stoll(key)));
        if (u) names[key] = u->full_name.empty() ? u->username : u->full_name;
      }
    }
    return Ok();
  }));
  out.subunits = r.subunits;
  out.period = r.period;
  out.group = r.group;
  for (auto& [key, f] : figures) {
    out.total += f;
    std::string name;
    if (r.group == StepGroup::kStep) {
      const auto place = steps.places.find(key);
      if (place != steps.places.end()) name = place->second.second;
    } else {
      name = names[key];
    }
    out.rows.push_back({key, std::move(name), f});
  }
  // Steps in the order of the workflows, then by id; units by code; officers by name, then id.
  const auto position = [&](const std::string& key) {
    const auto place = steps.places.find(key);
    return place == steps.places.end() ? std::numeric_limits<std::size_t>::max()
                                       : place->second.first;
  };
  if (r.group == StepGroup::kStep) {
    std::stable_sort(out.rows.begin(), out.rows.end(), [&](const StepRow& a, const StepRow& b) {
      return position(a.key) < position(b.key);
    });
  } else if (r.group == StepGroup::kOfficer) {
    std::stable_sort(out.rows.begin(), out.rows.end(), [](const StepRow& a, const StepRow& b) {
      return std::make_pair(a.name, std::stoll(a.key)) < std::make_pair(b.name, std::stoll(b.key));
    });
  }
  return out;
}

Result<int> ReportService::TakeDailySnapshots() {
  const Instant now = clock_.Now();
  const std::int64_t today = reports::LocalDay(now);
  // Most rounds find every day taken: one read, and no write transaction.
  std::vector<std::int64_t> missing;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    missing.clear();
    for (std::int64_t day = today - kSnapshotCatchUpDays; day < today; ++day) {
      MOTCUA_ASSIGN_OR_RETURN(bool has, tx.HasReportSnapshot(day));
      if (!has) missing.push_back(day);
    }
    return Ok();
  }));
  int taken = 0;
  for (const std::int64_t day : missing) {
    const calendar::CivilDate date = calendar::FromDayNumber(static_cast<calendar::DayNumber>(day));
    MOTCUA_ASSIGN_OR_RETURN(reports::Period period, reports::RangePeriod(date, date));
    bool inserted = false;
    MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
      inserted = false;
      // Another server may have taken it since the read.
      MOTCUA_ASSIGN_OR_RETURN(bool has, tx.HasReportSnapshot(day));
      if (has) return Ok();
      MOTCUA_ASSIGN_OR_RETURN(auto units, tx.ListUnits());
      std::vector<ReportRow> rows;
      for (const identity::Unit& root : units) {
        if (root.parent_id) continue;
        MOTCUA_ASSIGN_OR_RETURN(
            auto scope, tx.ReportStatistics(QueryOf(root, true, period, now, ReportGroup::kUnit)));
        const bool has_root = std::any_of(scope.begin(), scope.end(),
                                          [&](const ReportRow& r) { return r.key == root.code; });
        if (!has_root) rows.push_back({root.code, {}});
        for (ReportRow& r : scope) rows.push_back(std::move(r));
      }
      MOTCUA_ASSIGN_OR_RETURN(std::int64_t n, tx.InsertReportSnapshots(day, rows, now));
      inserted = n > 0;
      return Ok();
    }));
    if (inserted) ++taken;
  }
  return taken;
}

Result<ReportService::Trend> ReportService::TrendOf(const Actor& actor,
                                                    const std::string& unit_code,
                                                    const reports::Period& period) {
  const std::int64_t first = calendar::ToDayNumber(period.first);
  const std::int64_t last = calendar::ToDayNumber(period.last);
  if (last - first + 1 > kTrendMaxDays) {
    return Error::InvalidField("period",
                               "a trend covers at most " + std::to_string(kTrendMaxDays) + " days");
  }
  Trend out;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out.unit, ScopedUnit(tx, actor, unit_code));
    MOTCUA_ASSIGN_OR_RETURN(out.days, tx.ReportTrend(out.unit.id, true, first, last));
    return Ok();
  }));
  out.period = period;
  return out;
}

Result<ReportService::PublicFigures> ReportService::Public(const std::string& unit_code,
                                                           const reports::Period& period) {
  const Instant now = clock_.Now();
  const auto key = std::make_pair(unit_code, period.label);
  {
    std::lock_guard<std::mutex> lock(public_mu_);
    const auto hit = public_cache_.find(key);
    if (hit != public_cache_.end() && now >= hit->second.computed_at &&
        now < hit->second.computed_at + kPublicCacheSeconds) {
      return hit->second;
    }
  }
  MOTCUA_ASSIGN_OR_RETURN(PublicFigures fresh, ComputePublic(unit_code, period));
  std::lock_guard<std::mutex> lock(public_mu_);
  // Bounded: a province has a few thousand units; a stale entry is dropped when the map is full.
  if (public_cache_.size() >= 10'000) public_cache_.clear();
  public_cache_[key] = fresh;
  return fresh;
}

Result<ReportService::PublicFigures> ReportService::ComputePublic(const std::string& unit_code,
                                                                  const reports::Period& period) {
  PublicFigures out;
  const Instant now = clock_.Now();
  out.computed_at = now;
  std::vector<ReportRow> rows;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto unit, tx.FindUnitByCode(unit_code));
    if (!unit) return Error::InvalidField("unit", "no unit " + unit_code);
    out.unit = *unit;
    MOTCUA_ASSIGN_OR_RETURN(
        rows, tx.ReportStatistics(QueryOf(out.unit, true, period, now, ReportGroup::kNone)));
    return Ok();
  }));
  reports::Statistics s;
  for (const ReportRow& row : rows) s += row.stats;
  out.period = period;
  out.as_of = std::min(period.to, now);
  out.received = s.received;
  out.resolved = s.Resolved();
  out.resolved_on_time = s.resolved_early + s.resolved_on_time;
  out.in_progress = s.InProgress();
  out.on_time_rate = reports::SharesOf(s).on_time;
  return out;
}

namespace {

constexpr int kRebuildBatch = 500;
constexpr int kRollupBatch = 5000;

}  // namespace

Status ReportService::CompareRollup(ReadTx& tx, RebuildSummary& out) {
  out.rollup_days = 0;
  out.rollup_different = 0;
  out.rollup_examples.clear();
  for (const reports::RollupKind kind :
       {reports::RollupKind::kUnit, reports::RollupKind::kProcedure}) {
    reports::Rollup folded;
    for (std::int64_t after = 0;;) {
      MOTCUA_ASSIGN_OR_RETURN(auto facts, tx.ListDossierFacts(after, kRollupBatch));
      for (const reports::Facts& f : facts) reports::AddContribution(folded, f, 1, kind);
      if (facts.size() < kRollupBatch) break;
      after = facts.back().dossier_id;
    }
    reports::Rollup stored;
    for (reports::DayKey after{"", std::numeric_limits<std::int64_t>::min()};;) {
      MOTCUA_ASSIGN_OR_RETURN(auto days, tx.ListReportDays(kind, after, kRollupBatch));
      for (ReportDay& d : days) stored[d.key] = d.counts;
      if (days.size() < kRollupBatch) break;
      after = days.back().key;
    }
    std::vector<reports::DayKey> differing;
    reports::SameRollup(stored, folded, &differing);
    out.rollup_days += static_cast<std::int64_t>(std::count_if(
        folded.begin(), folded.end(), [](const auto& e) { return !e.second.IsZero(); }));
    out.rollup_different += static_cast<std::int64_t>(differing.size());
    for (reports::DayKey& key : differing) {
      if (out.rollup_examples.size() < 20) out.rollup_examples.push_back(std::move(key));
    }
  }
  return Ok();
}

Result<ReportService::RebuildSummary> ReportService::RebuildFacts(
    const Actor& actor, bool write, const std::function<void(std::int64_t)>& progress) {
  if (!actor.system) return Error::PermissionDenied("rebuilding facts is a server command");
  RebuildSummary out;
  std::int64_t after = 0;
  for (;;) {
    std::vector<std::int64_t> ids;
    RebuildSummary batch;
    // Compares one batch; when writing, in the same transaction that replaces the rows, so that a
    // command appending events meanwhile is never overwritten with older facts. The store may run
    // it again: it starts from nothing each time.
    const auto work = [&](ReadTx& tx, WriteTx* writer) -> Status {
      batch = RebuildSummary{};
      MOTCUA_ASSIGN_OR_RETURN(ids, tx.ListDossierIds(after, kRebuildBatch));
      for (std::int64_t id : ids) {
        MOTCUA_ASSIGN_OR_RETURN(auto stored, tx.FindDossier(id));
        if (!stored) continue;
        MOTCUA_ASSIGN_OR_RETURN(auto events, tx.ListDossierEvents(id));
        const dossier::Dossier replayed =
            dossier::Replay(dossier::FixedFacts(stored->value), events);
        const reports::Facts facts = reports::FactsOf(replayed, events, stored->clock.due);
        MOTCUA_ASSIGN_OR_RETURN(auto row, tx.FindDossierFacts(id));
        const bool consistent = replayed == stored->value;
        if (!consistent) ++batch.inconsistent;
        if (!row) ++batch.missing;
        if (row && *row != facts) ++batch.different;
        if (!row || *row != facts || !consistent) batch.examples.push_back(id);
        if ((!row || *row != facts) && writer != nullptr) {
          MOTCUA_RETURN_IF_ERROR(writer->PutDossierFacts(facts));
        }
        // The visits of its steps (migration 11), folded on the competent unit's calendar.
        MOTCUA_ASSIGN_OR_RETURN(auto cal, calendars_.ForUnit(tx, stored->value.competent_unit));
        MOTCUA_ASSIGN_OR_RETURN(auto visits, reports::VisitsOf(id, events, *cal.second));
        MOTCUA_ASSIGN_OR_RETURN(auto kept, tx.ListStepVisits(id));
        if (kept != visits) {
          ++batch.visits_different;
          if (row && *row == facts && consistent) batch.examples.push_back(id);
          if (writer != nullptr) MOTCUA_RETURN_IF_ERROR(writer->ReplaceStepVisits(id, visits));
        }
      }
      return Ok();
    };
    if (write) {
      MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) { return work(tx, &tx); }));
    } else {
      MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) { return work(tx, nullptr); }));
    }
    if (ids.empty()) break;
    out.dossiers += static_cast<std::int64_t>(ids.size());
    out.missing += batch.missing;
    out.different += batch.different;
    out.inconsistent += batch.inconsistent;
    out.visits_different += batch.visits_different;
    for (std::int64_t id : batch.examples) {
      if (out.examples.size() < 20) out.examples.push_back(id);
    }
    after = ids.back();
    if (progress) progress(out.dossiers);
  }
  // The rollup against the facts rows, in one snapshot so that commands running meanwhile change
  // both or neither.
  // The same for the per-step rollup against the stored visits.
  if (write) {
    MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
      MOTCUA_RETURN_IF_ERROR(CompareRollup(tx, out));
      if (out.rollup_different != 0) MOTCUA_RETURN_IF_ERROR(tx.RebuildReportDays());
      MOTCUA_ASSIGN_OR_RETURN(out.step_days_different, tx.CountStepDaysDifferent());
      return out.step_days_different == 0 ? Ok() : tx.RebuildStepDays();
    }));
  } else {
    MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
      MOTCUA_RETURN_IF_ERROR(CompareRollup(tx, out));
      MOTCUA_ASSIGN_OR_RETURN(out.step_days_different, tx.CountStepDaysDifferent());
      return Ok();
    }));
  }
  return out;
}

}  // namespace motcua::app
