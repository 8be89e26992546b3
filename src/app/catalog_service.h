#pragma once

// Use cases of the procedure catalog (issue 4): drafts and their lifecycle (publish, amend,
// replace, repeal: catalog/version.h), the public catalog (what is in force on a day, search),
// internal workflows and their simulation on the competent unit's calendar, the hygiene report,
// and whole-catalog import and export.
//
// Versions
//   A published version never changes (kFailedPrecondition, reason "version-state"); a change
//   is a new draft (CreateDraft on a code that has versions starts number n+1). At most one
//   draft per code (kAlreadyExists, reason "draft-exists"). Every command carries the row version
//   it read (stale: kAborted "version-conflict"), is one Store::Write and appends an audit record
//   in the same transaction.
//
// Publishing
//   catalog::Publish validates the procedure (kFailedPrecondition "invalid-procedure" with every
//   field violation). When the version has a workflow it must pass catalog::ValidateWorkflow
//   too (kFailedPrecondition "invalid-workflow", paths prefixed "workflow."): performers' unit
//   codes must be stored units; roles are free text in this release and are not checked.
//
// Scope
//   kCatalogManage is checked by the caller (HTTP). An administrator of a root unit edits any
//   procedure; others only procedures whose every competent unit is in their subtree (kNotFound
//   otherwise, as for units outside one's scope). A system actor (the CLI) is not scoped.
//
// Reading published versions is public. Drafts are shown only to a caller that passes
// `include_drafts` (the HTTP layer does when the caller holds catalog.manage).
//
// Thread-safety: all methods may be called concurrently.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/calendar_service.h"
#include "app/store.h"
#include "catalog/hygiene.h"
#include "catalog/rank.h"
#include "catalog/version.h"
#include "catalog/workflow.h"
#include "common/clock.h"

namespace motcua::app {

// A version with its workflows (several when channels have different legal times): the unit of
// import and export.
struct CatalogItem {
  catalog::ProcedureVersion version;
  std::vector<catalog::Workflow> workflows;
};

struct SearchResult {
  ProcedureSummary procedure;
  catalog::MatchTier tier = catalog::MatchTier::kNone;
};

struct CatalogQuery {
  std::optional<calendar::CivilDate> in_force_on;  // default: today (Vietnam time)
  std::optional<catalog::Level> level;
  std::optional<std::string> field;  // compared folded
  std::string after_code;
  int limit = 50;
};

// The lifecycle transitions after publication.
enum class EndKind { kAmend, kReplace, kRepeal };

struct SimulationAnswer {
  catalog::Plan plan;
  StoredCalendar calendar;  // the competent unit's calendar that planned it
  std::optional<calendar::Duration> legal;
  std::string unit_code;  // the competent unit whose calendar was used
};

class CatalogService {
 public:
  CatalogService(Store& store, const Clock& clock, CalendarService& calendars);

  // --- public reading ---

  // Published versions in force on the query's day, one per code, ordered by code.
  Result<std::vector<ProcedureSummary>> List(const CatalogQuery& query);
  // The versions in force matching `text` (folded: marks and đ do not matter), ranked by
  // catalog::Match tiers, then fewer name words, then code. kInvalidArgument naming "q" for a
  // query without words. At most query.limit results (after_code is ignored).
  Result<std::vector<SearchResult>> Search(const std::string& text, const CatalogQuery& query);
  // The version of `code` in force on `day` (default today); kNotFound when none.
  Result<StoredProcedureVersion> InForce(const std::string& code,
                                         std::optional<calendar::CivilDate> day);
  // Every version of `code` ascending (drafts only with include_drafts); kNotFound when none.
  Result<std::vector<StoredProcedureVersion>> Versions(const std::string& code,
                                                       bool include_drafts);
  Result<StoredProcedureVersion> Version(const std::string& code, int number, bool include_drafts);
  // The workflows of a version, possibly none (kNotFound when the version is hidden).
  Result<std::vector<catalog::Workflow>> GetWorkflows(const std::string& code, int number,
                                                      bool include_drafts);
  // Plans a dossier received at `received` through `channel` with the version's workflow for that
  // channel (the first whose channels include it or are empty), on the calendar of the version's
  // first competent unit (the national default when that unit is not stored here).
  // kFailedPrecondition "no-workflow"; kInvalidArgument naming "channel" when not accepted.
  Result<SimulationAnswer> Simulate(const std::string& code, int number, bool include_drafts,
                                    Instant received, catalog::Channel channel);

  // The drafts the actor may edit, newest edit first, then by code (a draft never published is
  // in no list of versions in force). An administrator of a root unit (or the system) gets every
  // draft; anyone else those whose every competent unit is in their subtree, as for edits, filtered
  // in SQL. `cursor` is DraftPage::next of the previous page ("" for the first);
  // kInvalidArgument naming "cursor" for anything else. `limit` is clamped to 1..100 (0: 20).
  struct DraftPage {
    std::vector<StoredProcedureVersion> items;
    std::string next;  // empty on the last page
  };
  Result<DraftPage> ListDrafts(const Actor& actor, const std::string& cursor, int limit);

  // --- edits (audited, versioned, scoped) ---

  // A draft: version 1 of a new code, or n+1 of a code whose versions are all published or
  // ended. kInvalidArgument naming "code" for a malformed code (other fields are checked at
  // publication).
  Result<StoredProcedureVersion> CreateDraft(const Actor& actor, catalog::Procedure procedure);
  Result<StoredProcedureVersion> EditDraft(const Actor& actor, const std::string& code, int number,
                                           std::int64_t row_version, catalog::Procedure procedure);
  Result<StoredProcedureVersion> Publish(const Actor& actor, const std::string& code, int number,
                                         std::int64_t row_version, catalog::Decision decision);
  // Amend / replace (naming the replacing code) / repeal a published version.
  Result<StoredProcedureVersion> End(const Actor& actor, const std::string& code, int number,
                                     std::int64_t row_version, EndKind kind,
                                     catalog::Decision decision, std::string replaced_by = {});
  // Replaces the workflows of a draft whole (structure checked: kInvalidArgument with paths
  // "workflows[k].steps[i]..."); bumps the version's row_version.
  Result<StoredProcedureVersion> PutWorkflows(const Actor& actor, const std::string& code,
                                              int number, std::int64_t row_version,
                                              std::vector<catalog::Workflow> workflows);

  // --- the whole catalog (administrators of a root unit, or the system actor) ---

  // catalog::CheckHygiene over every stored version and workflow; `today` defaults to the
  // clock's day in Vietnam. Form templates are not stored yet: missing-form findings are
  // reported only when the caller passes the known `form_codes`.
  Result<std::vector<catalog::Finding>> Hygiene(
      const Actor& actor, std::optional<calendar::CivilDate> today = {},
      const std::optional<std::set<std::string>>& form_codes = std::nullopt);
  // Every version with its workflow, ordered by code and number.
  Result<std::vector<CatalogItem>> ExportCatalog(const Actor& actor);
  // Stores every item in one transaction, or nothing. Each item is a version (number 0: the
  // next number of its code) and optionally its workflow. Checked for every item before
  // anything is written: code well-formed, state invariants (catalog::CheckInvariants),
  // published versions valid (ValidateProcedure), workflow structure, workflow belonging to the
  // version, (code, number) not already stored with other content and not twice in the input,
  // at most one draft per code. An item identical to the stored version is skipped (re-import
  // is idempotent). The workflows' procedure_code and version must be the version's (0 = its).
  // kInvalidArgument (reason "import") listing every problem as
  // "items[i].<path>". Returns the number of versions written.
  Result<int> ImportCatalog(const Actor& actor, std::vector<CatalogItem> items);

  // Today in Vietnam local time, per the clock.
  calendar::CivilDate Today() const;
  // The clock the service was built with (for what runs beside it, such as import jobs).
  const Clock& clock() const { return clock_; }

 private:
  // Loads (code, number) for an edit: exists, in scope, row_version current.
  Result<StoredProcedureVersion> LoadForEdit(WriteTx& tx, const Actor& actor,
                                             const std::string& code, int number,
                                             std::int64_t row_version);
  Status CheckScope(ReadTx& tx, const Actor& actor, const catalog::Procedure& procedure);
  Status CheckRootAdmin(ReadTx& tx, const Actor& actor);
  // Every stored version and workflow, for an administrator of a root unit (one snapshot).
  Status LoadWholeCatalog(const Actor& actor, std::vector<StoredProcedureVersion>& stored,
                          std::vector<catalog::Workflow>& workflows);
  Result<catalog::KnownPerformers> Known(ReadTx& tx, const catalog::Workflow& workflow);
  audit::Record Audit(const Actor& actor, std::string action, std::string object_id,
                      std::string detail) const;

  Store& store_;
  const Clock& clock_;
  CalendarService& calendars_;
};

}  // namespace motcua::app
