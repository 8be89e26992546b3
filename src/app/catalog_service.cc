#include "app/catalog_service.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "app/audit_service.h"
#include "calendar/civil_time.h"
#include "catalog/fold.h"
#include "catalog/validate.h"

namespace motcua::app {
namespace {

using catalog::ProcedureVersion;

std::string ObjectId(const std::string& code, int number) {
  return code + "/" + std::to_string(number);
}

std::string NotFoundText(const std::string& code, int number) {
  return "procedure " + code + " has no version " + std::to_string(number);
}

Error WithPrefix(Error e, const std::string& prefix) {
  for (auto& f : e.fields) f.field = prefix + f.field;
  return e;
}

std::vector<ProcedureVersion> Values(const std::vector<StoredProcedureVersion>& stored) {
  std::vector<ProcedureVersion> out;
  out.reserve(stored.size());
  for (const auto& s : stored) out.push_back(s.value);
  return out;
}

ProcedureFilter FilterOf(const CatalogQuery& q, calendar::CivilDate today) {
  ProcedureFilter f;
  f.day = q.in_force_on.value_or(today);
  f.level = q.level;
  if (q.field) f.field_index = catalog::IndexText(*q.field);
  f.after_code = q.after_code;
  f.limit = q.limit <= 0 ? 50 : q.limit;
  return f;
}

std::string DescribeDecision(const catalog::Decision& d) {
  return "decision=" + d.number + " date=" + calendar::FormatDate(d.date);
}

std::string_view EndAction(EndKind kind) {
  switch (kind) {
    case EndKind::kAmend: return "procedure.amend";
    case EndKind::kReplace: return "procedure.replace";
    case EndKind::kRepeal: return "procedure.repeal";
  }
  return "procedure.end";
}

}  // namespace

CatalogService::CatalogService(Store& store, const Clock& clock, CalendarService& calendars)
    : store_(store), clock_(clock), calendars_(calendars) {}

calendar::CivilDate CatalogService::Today() const { return calendar::ToLocal(clock_.Now()).date; }

audit::Record CatalogService::Audit(const Actor& actor, std::string action, std::string object_id,
                                    std::string detail) const {
  return AuditRecordFor(actor, clock_.Now(), std::move(action), "procedure", std::move(object_id),
                        std::move(detail));
}

// --- scope ---------------------------------------------------------------------------------------

Status CatalogService::CheckRootAdmin(ReadTx& tx, const Actor& actor) {
  if (actor.system) return Ok();
  if (!actor.user) return Error::Unauthenticated("login required");
  MOTCUA_ASSIGN_OR_RETURN(auto unit, tx.FindUnit(actor.user->unit_id));
  if (!unit || unit->parent_id) {
    return Error::PermissionDenied(
        "only an administrator of the province (the root unit) works on the whole catalog");
  }
  return Ok();
}

Status CatalogService::CheckScope(ReadTx& tx, const Actor& actor, const catalog::Procedure& p) {
  if (actor.system) return Ok();
  if (!actor.user) return Error::Unauthenticated("login required");
  MOTCUA_ASSIGN_OR_RETURN(auto own, tx.FindUnit(actor.user->unit_id));
  if (own && !own->parent_id) return Ok();
  const Error hidden = Error::NotFound("procedure " + p.code + " not found");
  if (p.competent_units.empty()) return hidden;
  for (const auto& code : p.competent_units) {
    MOTCUA_ASSIGN_OR_RETURN(auto unit, tx.FindUnitByCode(code));
    if (!unit) return hidden;
    MOTCUA_ASSIGN_OR_RETURN(bool inside, tx.UnitInSubtree(actor.user->unit_id, unit->id));
    if (!inside) return hidden;
  }
  return Ok();
}

// The drafts' cursor: "<edited_at>.<code>" of the last draft of a page.
Result<CatalogService::DraftPage> CatalogService::ListDrafts(const Actor& actor,
                                                             const std::string& cursor, int limit) {
  DraftQuery q;
  q.limit = std::clamp(limit <= 0 ? 20 : limit, 1, 100);
  if (!cursor.empty()) {
    const std::size_t dot = cursor.find('.');
    const std::string instant = cursor.substr(0, dot);
    const Error bad = Error::InvalidField("cursor", "not a cursor of the drafts");
    if (dot == std::string::npos || instant.empty() || instant.size() > 18 ||
        !std::all_of(instant.begin(), instant.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        !catalog::IsValidProcedureCode(cursor.substr(dot + 1))) {
      return bad;
    }
    q.after_edited_at = std::stoll(instant);
    q.after_code = cursor.substr(dot + 1);
  }
  DraftPage page;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    if (!CheckRootAdmin(tx, actor).ok()) {
      if (!actor.user) return Error::Unauthenticated("login required");
      q.scope_root = actor.user->unit_id;
    }
    MOTCUA_ASSIGN_OR_RETURN(page.items, tx.ListDrafts(q));
    return Ok();
  }));
  if (static_cast<int>(page.items.size()) == q.limit) {
    const StoredProcedureVersion& last = page.items.back();
    page.next = std::to_string(last.edited_at) + "." + last.value.code();
  }
  return page;
}

Result<StoredProcedureVersion> CatalogService::LoadForEdit(WriteTx& tx, const Actor& actor,
                                                           const std::string& code, int number,
                                                           std::int64_t row_version) {
  MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindProcedureVersion(code, number));
  if (!found) return Error::NotFound(NotFoundText(code, number));
  MOTCUA_RETURN_IF_ERROR(CheckScope(tx, actor, found->value.procedure));
  if (found->row_version != row_version) {
    return Error::Aborted("procedure " + ObjectId(code, number) +
                          " was changed by someone else (current version " +
                          std::to_string(found->row_version) + ")")
        .WithReason("version-conflict");
  }
  return *found;
}

Result<catalog::KnownPerformers> CatalogService::Known(ReadTx& tx, const catalog::Workflow& w) {
  catalog::KnownPerformers known;
  MOTCUA_ASSIGN_OR_RETURN(auto units, tx.ListUnits());
  for (const auto& u : units) known.unit_codes.insert(u.code);
  // Roles are free text ("chuyên viên") until a role catalog exists: every named role is known.
  for (const auto& s : w.steps) {
    if (!s.performer.role.empty()) known.roles.insert(s.performer.role);
  }
  return known;
}

// --- reading -------------------------------------------------------------------------------------

Result<std::vector<ProcedureSummary>> CatalogService::List(const CatalogQuery& query) {
  std::vector<ProcedureSummary> out;
  const ProcedureFilter filter = FilterOf(query, Today());
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out, tx.ListProceduresInForce(filter));
    return Ok();
  }));
  return out;
}

Result<std::vector<SearchResult>> CatalogService::Search(const std::string& text,
                                                         const CatalogQuery& query) {
  const catalog::SearchQuery q = catalog::MakeQuery(text);
  if (q.words.empty()) return Error::InvalidField("q", "must contain at least one word");
  ProcedureSearch search;
  search.filter = FilterOf(query, Today());
  search.code = q.code;
  // The longest words filter best; the rest are checked by catalog::Match below.
  search.words = q.words;
  std::stable_sort(search.words.begin(), search.words.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  if (search.words.size() > kSearchWords) search.words.resize(kSearchWords);
  std::vector<ProcedureSummary> rows;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(rows, tx.SearchProcedures(search));
    return Ok();
  }));
  std::vector<SearchResult> out;
  for (auto& row : rows) {
    const catalog::MatchTier tier = catalog::Match(q, row.search);
    if (tier != catalog::MatchTier::kNone) out.push_back({std::move(row), tier});
  }
  // catalog/rank.h: tier descending, fewer name words, code.
  std::sort(out.begin(), out.end(), [](const SearchResult& a, const SearchResult& b) {
    return std::forward_as_tuple(b.tier, a.procedure.search.name_words, a.procedure.code) <
           std::forward_as_tuple(a.tier, b.procedure.search.name_words, b.procedure.code);
  });
  if (static_cast<int>(out.size()) > search.filter.limit) out.resize(search.filter.limit);
  return out;
}

Result<StoredProcedureVersion> CatalogService::InForce(const std::string& code,
                                                       std::optional<calendar::CivilDate> day) {
  std::vector<StoredProcedureVersion> all;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(all, tx.ListProcedureVersions(code));
    return Ok();
  }));
  const auto values = Values(all);
  const ProcedureVersion* found = catalog::FindInForce(values, code, day.value_or(Today()));
  if (!found) return Error::NotFound("procedure " + code + " has no version in force");
  return all[found - values.data()];
}

Result<std::vector<StoredProcedureVersion>> CatalogService::Versions(const std::string& code,
                                                                     bool include_drafts) {
  std::vector<StoredProcedureVersion> all;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(all, tx.ListProcedureVersions(code));
    return Ok();
  }));
  if (!include_drafts) {
    std::erase_if(all,
                  [](const auto& v) { return v.value.state == catalog::VersionState::kDraft; });
  }
  if (all.empty()) return Error::NotFound("procedure " + code + " not found");
  return all;
}

Result<StoredProcedureVersion> CatalogService::Version(const std::string& code, int number,
                                                       bool include_drafts) {
  std::optional<StoredProcedureVersion> found;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(found, tx.FindProcedureVersion(code, number));
    return Ok();
  }));
  if (!found || (!include_drafts && found->value.state == catalog::VersionState::kDraft)) {
    return Error::NotFound(NotFoundText(code, number));
  }
  return *found;
}

Result<std::vector<catalog::Workflow>> CatalogService::GetWorkflows(const std::string& code,
                                                                    int number,
                                                                    bool include_drafts) {
  MOTCUA_RETURN_IF_ERROR(Version(code, number, include_drafts));
  std::vector<catalog::Workflow> out;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out, tx.ListWorkflowsOf(code, number));
    return Ok();
  }));
  return out;
}

Result<SimulationAnswer> CatalogService::Simulate(const std::string& code, int number,
                                                  bool include_drafts, Instant received,
                                                  catalog::Channel channel) {
  MOTCUA_ASSIGN_OR_RETURN(auto version, Version(code, number, include_drafts));
  MOTCUA_ASSIGN_OR_RETURN(auto workflows, GetWorkflows(code, number, include_drafts));
  const catalog::Procedure& p = version.value.procedure;
  const catalog::ChannelSpec* spec = catalog::FindChannel(p, channel);
  if (!spec) {
    return Error::InvalidField("channel", "the procedure does not accept the " +
                                              std::string(catalog::ChannelName(channel)) +
                                              " channel");
  }
  auto serves = [&](const catalog::Workflow& w) {
    return w.channels.empty() ||
           std::find(w.channels.begin(), w.channels.end(), channel) != w.channels.end();
  };
  auto workflow = std::find_if(workflows.begin(), workflows.end(), serves);
  if (workflow == workflows.end()) {
    return Error::FailedPrecondition("procedure " + ObjectId(code, number) +
                                     " has no workflow for the " +
                                     std::string(catalog::ChannelName(channel)) + " channel")
        .WithReason("no-workflow");
  }
  SimulationAnswer answer;
  answer.legal = spec->time.duration;
  std::optional<std::string> unit;
  if (!p.competent_units.empty()) unit = p.competent_units.front();
  auto resolved = calendars_.ForUnit(unit);
  if (!resolved.ok() && unit && resolved.error().code == ErrorCode::kInvalidArgument) {
    unit.reset();  // a national unit code not stored here: the national default calendar
    resolved = calendars_.ForUnit(unit);
  }
  if (!resolved.ok()) return std::move(resolved).error();
  answer.unit_code = unit.value_or("");
  answer.calendar = resolved->first;
  MOTCUA_ASSIGN_OR_RETURN(answer.plan, catalog::Simulate(*workflow, received, *resolved->second,
                                                         p.cutoff, answer.legal));
  return answer;
}

// --- edits ---------------------------------------------------------------------------------------

Result<StoredProcedureVersion> CatalogService::CreateDraft(const Actor& actor,
                                                           catalog::Procedure procedure) {
  if (!catalog::IsValidProcedureCode(procedure.code)) {
    return Error::InvalidField("code", "must be a procedure code such as 1.001193");
  }
  StoredProcedureVersion out;
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(CheckScope(tx, actor, procedure));
    MOTCUA_ASSIGN_OR_RETURN(auto existing, tx.ListProcedureVersions(procedure.code));
    if (existing.empty()) {
      out.value = catalog::NewDraft(procedure);
    } else {
      const ProcedureVersion& latest = existing.back().value;
      if (latest.state == catalog::VersionState::kDraft) {
        return Error::AlreadyExists("procedure " + procedure.code + " already has draft version " +
                                    std::to_string(latest.number) + "; edit it instead")
            .WithReason("draft-exists");
      }
      MOTCUA_RETURN_IF_ERROR(CheckScope(tx, actor, latest.procedure));
      MOTCUA_ASSIGN_OR_RETURN(out.value, catalog::NewDraftFrom(latest));
      MOTCUA_ASSIGN_OR_RETURN(out.value, catalog::EditDraft(out.value, procedure));
    }
    out.edited_at = clock_.Now();
    MOTCUA_RETURN_IF_ERROR(tx.InsertProcedureVersion(out));
    audit::Record rec =
        Audit(actor, "procedure.draft.create", ObjectId(out.value.code(), out.value.number),
              "name=" + procedure.name);
    return tx.AppendAudit(rec);
  }));
  return out;
}

Result<StoredProcedureVersion> CatalogService::EditDraft(const Actor& actor,
                                                         const std::string& code, int number,
                                                         std::int64_t row_version,
                                                         catalog::Procedure procedure) {
  if (procedure.code != code) {
    return Error::InvalidField("code", "cannot change; a new code is a new procedure");
  }
  StoredProcedureVersion out;
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out, LoadForEdit(tx, actor, code, number, row_version));
    MOTCUA_ASSIGN_OR_RETURN(out.value, catalog::EditDraft(out.value, procedure));
    MOTCUA_RETURN_IF_ERROR(CheckScope(tx, actor, procedure));
    out.edited_at = clock_.Now();
    MOTCUA_RETURN_IF_ERROR(tx.UpdateProcedureVersion(out));
    audit::Record rec =
        Audit(actor, "procedure.draft.edit", ObjectId(code, number), "name=" + procedure.name);
    return tx.AppendAudit(rec);
  }));
  return out;
}

Result<StoredProcedureVersion> CatalogService::Publish(const Actor& actor, const std::string& code,
                                                       int number, std::int64_t row_version,
                                                       catalog::Decision decision) {
  StoredProcedureVersion out;
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out, LoadForEdit(tx, actor, code, number, row_version));
    MOTCUA_ASSIGN_OR_RETURN(out.value, catalog::Publish(out.value, decision));
    MOTCUA_ASSIGN_OR_RETURN(auto workflows, tx.ListWorkflowsOf(code, number));
    Error invalid = Error::FailedPrecondition("a workflow of " + ObjectId(code, number) +
                                              " is not valid; fix it before publishing")
                        .WithReason("invalid-workflow");
    for (std::size_t k = 0; k < workflows.size(); ++k) {
      MOTCUA_ASSIGN_OR_RETURN(auto known, Known(tx, workflows[k]));
      Error e;
      e.fields = catalog::ValidateWorkflow(workflows[k], out.value.procedure, known);
      e = WithPrefix(std::move(e), "workflows[" + std::to_string(k) + "].");
      invalid.fields.insert(invalid.fields.end(), e.fields.begin(), e.fields.end());
    }
    if (!invalid.fields.empty()) return invalid;
    out.edited_at = clock_.Now();
    MOTCUA_RETURN_IF_ERROR(tx.UpdateProcedureVersion(out));
    audit::Record rec =
        Audit(actor, "procedure.publish", ObjectId(code, number), DescribeDecision(decision));
    return tx.AppendAudit(rec);
  }));
  return out;
}

Result<StoredProcedureVersion> CatalogService::End(const Actor& actor, const std::string& code,
                                                   int number, std::int64_t row_version,
                                                   EndKind kind, catalog::Decision decision,
                                                   std::string replaced_by) {
  StoredProcedureVersion out;
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out, LoadForEdit(tx, actor, code, number, row_version));
    switch (kind) {
      case EndKind::kAmend: {
        MOTCUA_ASSIGN_OR_RETURN(out.value, catalog::Amend(out.value, decision));
        break;
      }
      case EndKind::kReplace: {
        MOTCUA_ASSIGN_OR_RETURN(out.value, catalog::Replace(out.value, decision, replaced_by));
        break;
      }
      case EndKind::kRepeal: {
        MOTCUA_ASSIGN_OR_RETURN(out.value, catalog::Repeal(out.value, decision));
        break;
      }
    }
    out.edited_at = clock_.Now();
    MOTCUA_RETURN_IF_ERROR(tx.UpdateProcedureVersion(out));
    std::string detail = DescribeDecision(decision);
    if (!replaced_by.empty()) detail += " replaced_by=" + replaced_by;
    audit::Record rec = Audit(actor, std::string(EndAction(kind)), ObjectId(code, number), detail);
    return tx.AppendAudit(rec);
  }));
  return out;
}

Result<StoredProcedureVersion> CatalogService::PutWorkflows(
    const Actor& actor, const std::string& code, int number, std::int64_t row_version,
    std::vector<catalog::Workflow> workflows) {
  Error invalid = Error::InvalidArgument("invalid workflow").WithReason("validation");
  for (std::size_t k = 0; k < workflows.size(); ++k) {
    workflows[k].procedure_code = code;
    workflows[k].version = number;
    for (auto& f : catalog::ValidateStructure(workflows[k])) {
      invalid.fields.push_back({"workflows[" + std::to_string(k) + "]." + f.field, f.message});
    }
  }
  if (!invalid.fields.empty()) return invalid;
  StoredProcedureVersion out;
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(out, LoadForEdit(tx, actor, code, number, row_version));
    if (out.value.state != catalog::VersionState::kDraft) {
      return Error::FailedPrecondition(
                 "version " + std::to_string(number) + " is " +
                 std::string(catalog::VersionStateName(out.value.state)) +
                 "; its workflows are published with it and cannot change: start a new draft")
          .WithReason("version-state");
    }
    MOTCUA_RETURN_IF_ERROR(tx.PutWorkflows(code, number, workflows));
    out.edited_at = clock_.Now();
    MOTCUA_RETURN_IF_ERROR(tx.UpdateProcedureVersion(out));
    std::size_t steps = 0;
    for (const auto& w : workflows) steps += w.steps.size();
    audit::Record rec =
        Audit(actor, "procedure.workflow.put", ObjectId(code, number),
              "workflows=" + std::to_string(workflows.size()) + " steps=" + std::to_string(steps));
    return tx.AppendAudit(rec);
  }));
  return out;
}

// --- the whole catalog ---------------------------------------------------------------------------

Status CatalogService::LoadWholeCatalog(const Actor& actor,
                                        std::vector<StoredProcedureVersion>& stored,
                                        std::vector<catalog::Workflow>& workflows) {
  return store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(CheckRootAdmin(tx, actor));
    MOTCUA_ASSIGN_OR_RETURN(stored, tx.ListAllProcedureVersions());
    MOTCUA_ASSIGN_OR_RETURN(workflows, tx.ListWorkflows());
    return Ok();
  });
}

Result<std::vector<catalog::Finding>> CatalogService::Hygiene(
    const Actor& actor, std::optional<calendar::CivilDate> today,
    const std::optional<std::set<std::string>>& form_codes) {
  std::vector<StoredProcedureVersion> stored;
  std::vector<catalog::Workflow> workflows;
  MOTCUA_RETURN_IF_ERROR(LoadWholeCatalog(actor, stored, workflows));
  const auto versions = Values(stored);
  catalog::HygieneInput input{versions, workflows, form_codes.value_or(std::set<std::string>{}),
                              today.value_or(Today())};
  auto findings = catalog::CheckHygiene(input);
  if (!form_codes) {
    std::erase_if(findings,
                  [](const auto& f) { return f.kind == catalog::FindingKind::kMissingForm; });
  }
  return findings;
}

Result<std::vector<CatalogItem>> CatalogService::ExportCatalog(const Actor& actor) {
  std::vector<StoredProcedureVersion> stored;
  std::vector<catalog::Workflow> workflows;
  MOTCUA_RETURN_IF_ERROR(LoadWholeCatalog(actor, stored, workflows));
  std::map<std::pair<std::string, int>, std::vector<catalog::Workflow>> by_key;
  for (auto& w : workflows) {
    auto key = std::make_pair(w.procedure_code, w.version);
    by_key[key].push_back(std::move(w));
  }
  std::vector<CatalogItem> out;
  out.reserve(stored.size());
  for (auto& s : stored) {
    CatalogItem item{std::move(s.value), {}};
    auto it = by_key.find({item.version.code(), item.version.number});
    if (it != by_key.end()) item.workflows = std::move(it->second);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace motcua::app
