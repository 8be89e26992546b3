#include "app/report_service.h"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>

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

// How many dossiers Steps reads per page of the figures' lists.
constexpr int kStepsPage = 1000;

// Where a step's row sorts and what it is called: its position in the first workflow of the
// procedure version that has it (workflows in their stored order), and its name there.
struct StepPlace {
  std::size_t position = 0;
  std::string name;
};

}  // namespace

Result<ReportService::StepReport> ReportService::Steps(const Actor& actor,
                                                       const StatisticsRequest& r) {
  StepReport out;
  const Instant now = clock_.Now();
  out.as_of = std::min(r.period.to, now);
  // (step id, name) -> the earliest position in a workflow, and the figures.
  std::map<std::pair<std::string, std::string>, std::pair<std::size_t, reports::StepFigures>> rows;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    out.dossiers = 0;
    rows.clear();
    MOTCUA_ASSIGN_OR_RETURN(out.unit, ScopedUnit(tx, actor, r.unit_code));
    const ReportQuery query = QueryOf(out.unit, r.subunits, r.period, now, ReportGroup::kNone);
    // The dossiers to read: carried over and received, from the rollup in milliseconds.
    MOTCUA_ASSIGN_OR_RETURN(auto whole, tx.ReportStatistics(query));
    std::int64_t in_period = 0;
    for (const ReportRow& row : whole) in_period += row.stats.Total();
    if (in_period > max_step_dossiers_) {
      return Error::InvalidField(
          "period", "the per-step figures read each dossier's events: this period has " +
                        std::to_string(in_period) + " dossiers in the scope, more than " +
                        std::to_string(max_step_dossiers_) +
                        "; choose a shorter period or a unit lower down");
    }
    std::map<std::string, std::shared_ptr<const calendar::Calendar>> calendars;  // by unit code
    std::map<std::pair<std::string, int>, std::map<std::string, StepPlace>> places;
    // The dossiers that can have been at a step in the period: received in it, or before it and
    // not finished before it (the statistics' "received" and "carried over", disjoint).
    for (const ReportFigure figure : {ReportFigure::kReceived, ReportFigure::kCarriedOver}) {
      for (std::int64_t after = 0;;) {
        MOTCUA_ASSIGN_OR_RETURN(auto page, tx.ListReportDossiers(query, figure, after, kStepsPage));
        for (const ReportDossier& d : page) {
          const reports::Facts& f = d.facts;
          ++out.dossiers;
          auto& cal = calendars[f.unit];
          if (!cal) {
            MOTCUA_ASSIGN_OR_RETURN(auto resolved, calendars_.ForUnit(tx, f.unit));
            cal = std::move(resolved.second);
          }
          const auto version = std::make_pair(f.procedure_code, f.procedure_version);
          auto place = places.find(version);
          if (place == places.end()) {
            MOTCUA_ASSIGN_OR_RETURN(auto workflows,
                                    tx.ListWorkflowsOf(f.procedure_code, f.procedure_version));
            std::map<std::string, StepPlace> steps;
            for (const catalog::Workflow& w : workflows) {
              for (std::size_t i = 0; i < w.steps.size(); ++i) {
                steps.emplace(w.steps[i].id, StepPlace{i, w.steps[i].name});
              }
            }
            place = places.emplace(version, std::move(steps)).first;
          }
          MOTCUA_ASSIGN_OR_RETURN(auto events, tx.ListDossierEvents(f.dossier_id));
          MOTCUA_ASSIGN_OR_RETURN(auto handovers, dossier::ComputeHandovers(events, *cal));
          const std::optional<reports::OpenStep> open = reports::OpenStepOf(events);
          std::optional<Instant> open_due;
          if (open && open->entered < out.as_of) {
            MOTCUA_ASSIGN_OR_RETURN(auto stored, tx.FindDossier(f.dossier_id));
            if (stored) open_due = stored->clock.step_due;
          }
          for (const auto& [step, figures] : reports::StepsOf(
                   handovers, open, open_due, *cal, r.period.from, r.period.to, out.as_of)) {
            const auto known = place->second.find(step);
            const StepPlace where = known == place->second.end()
                                        ? StepPlace{std::numeric_limits<std::size_t>::max(), ""}
                                        : known->second;
            auto [row, added] = rows.try_emplace({step, where.name}, where.position, figures);
            if (!added) {
              row->second.first = std::min(row->second.first, where.position);
              row->second.second += figures;
            }
          }
        }
        if (page.size() < static_cast<std::size_t>(kStepsPage)) break;
        after = page.back().facts.dossier_id;
      }
    }
    return Ok();
  }));
  out.subunits = r.subunits;
  out.period = r.period;
  std::vector<std::pair<std::size_t, StepRow>> ordered;
  for (const auto& [key, value] : rows) {
    out.total += value.second;
    ordered.push_back({value.first, {key.first, key.second, value.second}});
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [position, row] : ordered) out.rows.push_back(std::move(row));
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
    for (std::int64_t id : batch.examples) {
      if (out.examples.size() < 20) out.examples.push_back(id);
    }
    after = ids.back();
    if (progress) progress(out.dossiers);
  }
  // The rollup against the facts rows, in one snapshot so that commands running meanwhile change
  // both or neither.
  if (write) {
    MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
      MOTCUA_RETURN_IF_ERROR(CompareRollup(tx, out));
      return out.rollup_different == 0 ? Ok() : tx.RebuildReportDays();
    }));
  } else {
    MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) { return CompareRollup(tx, out); }));
  }
  return out;
}

}  // namespace motcua::app
