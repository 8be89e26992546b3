#include "catalog/hygiene.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "catalog/fold.h"

namespace motcua::catalog {
namespace {

using Findings = std::vector<Finding>;

Finding Make(FindingKind kind, const ProcedureVersion& v, std::string field, std::string vi,
             std::string en) {
  return {kind, v.code(), v.number, std::move(field), std::move(vi), std::move(en), {}};
}

void CheckExpiry(const ProcedureVersion& v, calendar::CivilDate today, Findings& out) {
  if (v.expires && *v.expires < today) {
    const std::string date = calendar::FormatDate(*v.expires);
    out.push_back(Make(FindingKind::kExpiredInForce, v, "expires",
                       "Thủ tục đã hết hiệu lực từ " + date + " nhưng vẫn đang được công bố",
                       "past its end date " + date + " but still in force"));
  }
}

void CheckUnitsAndForms(const ProcedureVersion& v, const std::set<std::string>& forms,
                        Findings& out) {
  if (v.procedure.competent_units.empty()) {
    out.push_back(Make(FindingKind::kNoCompetentUnit, v, "competent_units",
                       "Chưa có cơ quan có thẩm quyền", "no competent unit"));
  }
  for (std::size_t i = 0; i < v.procedure.cases.size(); ++i) {
    const auto& components = v.procedure.cases[i].components;
    for (std::size_t j = 0; j < components.size(); ++j) {
      const std::string& form = components[j].form_code;
      if (form.empty() || forms.contains(form)) continue;
      out.push_back(
          Make(FindingKind::kMissingForm, v,
               "cases[" + std::to_string(i) + "].components[" + std::to_string(j) + "].form_code",
               "Thành phần hồ sơ tham chiếu mẫu đơn không tồn tại: " + form,
               "component refers to a missing form: " + form));
    }
  }
}

void CheckWorkflow(const ProcedureVersion& v, std::span<const Workflow> workflows, Findings& out) {
  const auto it = std::find_if(workflows.begin(), workflows.end(), [&](const Workflow& w) {
    return w.procedure_code == v.code() && w.version == v.number;
  });
  if (it == workflows.end()) {
    out.push_back(
        Make(FindingKind::kNoWorkflow, v, "", "Chưa có quy trình nội bộ", "no internal workflow"));
    return;
  }
  for (FieldViolation& p : ValidateBudget(*it, v.procedure)) {
    out.push_back(Make(FindingKind::kBudgetMismatch, v, p.field,
                       "Tổng thời gian các bước không khớp thời hạn giải quyết: " + p.message,
                       "workflow budget: " + p.message));
  }
}

void AddImportNotes(const ProcedureVersion& v, Findings& out) {
  for (const ImportNote& n : v.import_notes) {
    const bool unparsed = n.confidence == Confidence::kUnparsed;
    out.push_back(Make(
        unparsed ? FindingKind::kImportUnparsed : FindingKind::kImportDoubtful, v, n.path,
        std::string(unparsed ? "Không đọc được" : "Cần kiểm tra") + " giá trị \"" + n.text +
            "\": " + n.note,
        std::string(unparsed ? "could not read" : "check") + " \"" + n.text + "\": " + n.note));
  }
}

void CheckOverlaps(const std::vector<const ProcedureVersion*>& in_force, Findings& out) {
  std::map<std::string, const ProcedureVersion*> latest;
  for (const ProcedureVersion* v : in_force) {
    auto [it, fresh] = latest.emplace(v->code(), v);
    if (fresh) continue;
    const ProcedureVersion* older = it->second->number < v->number ? it->second : v;
    it->second = it->second->number < v->number ? v : it->second;
    out.push_back(Make(FindingKind::kOverlappingVersions, *older, "",
                       "Nhiều phiên bản cùng có hiệu lực", "several versions in force at once"));
  }
}

void CheckDuplicates(const std::vector<const ProcedureVersion*>& in_force, Findings& out) {
  // Group by level and folded field; compare names within a group only.
  std::map<std::pair<int, std::string>, std::vector<const ProcedureVersion*>> groups;
  for (const ProcedureVersion* v : in_force) {
    const int level = v->procedure.level ? static_cast<int>(*v->procedure.level) : -1;
    groups[{level, IndexText(v->procedure.field)}].push_back(v);
  }
  for (auto& [key, list] : groups) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      for (std::size_t j = i + 1; j < list.size(); ++j) {
        const ProcedureVersion& a = *list[i];
        const ProcedureVersion& b = *list[j];
        if (a.code() == b.code()) continue;
        const double s = TokenJaccard(a.procedure.name, b.procedure.name);
        if (s < kNearSameJaccard) continue;
        const auto& [first, second] = a.code() < b.code() ? std::tie(a, b) : std::tie(b, a);
        Finding f = Make(FindingKind::kDuplicate, first, "name",
                         "Trùng hoặc gần trùng với thủ tục " + second.code(),
                         "same or near-same name and field as " + second.code());
        f.related_code = second.code();
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace

std::string_view FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kExpiredInForce: return "expired-in-force";
    case FindingKind::kOverlappingVersions: return "overlapping-versions";
    case FindingKind::kDuplicate: return "duplicate";
    case FindingKind::kBudgetMismatch: return "budget-mismatch";
    case FindingKind::kNoCompetentUnit: return "no-competent-unit";
    case FindingKind::kNoWorkflow: return "no-workflow";
    case FindingKind::kMissingForm: return "missing-form";
    case FindingKind::kImportDoubtful: return "import-doubtful";
    case FindingKind::kImportUnparsed: return "import-unparsed";
  }
  return "unknown";
}

double TokenJaccard(std::string_view a, std::string_view b) {
  const std::vector<std::string> ta = Tokenize(a), tb = Tokenize(b);
  const std::set<std::string> sa(ta.begin(), ta.end()), sb(tb.begin(), tb.end());
  if (sa.empty() && sb.empty()) return 1.0;
  std::size_t common = 0;
  for (const std::string& t : sa) common += sb.contains(t) ? 1 : 0;
  return static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
}

std::vector<Finding> CheckHygiene(const HygieneInput& input) {
  Findings out;
  const std::vector<const ProcedureVersion*> in_force = InForce(input.versions, input.today);
  for (const ProcedureVersion* v : in_force) {
    CheckExpiry(*v, input.today, out);
    CheckUnitsAndForms(*v, input.form_codes, out);
    CheckWorkflow(*v, input.workflows, out);
    AddImportNotes(*v, out);
  }
  for (const ProcedureVersion& v : input.versions) {
    if (v.state == VersionState::kDraft) AddImportNotes(v, out);
  }
  CheckOverlaps(in_force, out);
  CheckDuplicates(in_force, out);
  std::stable_sort(out.begin(), out.end(), [](const Finding& x, const Finding& y) {
    return std::tie(x.procedure_code, x.version, x.kind) <
           std::tie(y.procedure_code, y.version, y.kind);
  });
  return out;
}

}  // namespace motcua::catalog
