#include "catalog/validate.h"

#include <cctype>
#include <set>
#include <string>
#include <utility>

namespace motcua::catalog {
namespace {

using Violations = std::vector<FieldViolation>;

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string Index(std::string_view name, std::size_t i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

void Add(Violations& out, std::string field, std::string message) {
  out.push_back({std::move(field), std::move(message)});
}

void CheckHeader(const Procedure& p, Violations& out) {
  if (p.code.empty()) {
    Add(out, "code", "required");
  } else if (!IsValidProcedureCode(p.code)) {
    Add(out, "code", "not a procedure code (\"1.001193\" or \"1.011442.000.00.00.H38\")");
  }
  if (p.name.empty()) Add(out, "name", "required");
  if (!p.level) Add(out, "level", "required (province, commune or inter-level)");
  if (p.field.empty()) Add(out, "field", "required");
  if (p.competent_units.empty()) Add(out, "competent_units", "at least one competent unit");
  for (std::size_t i = 0; i < p.competent_units.size(); ++i) {
    if (p.competent_units[i].empty()) Add(out, Index("competent_units", i), "empty unit code");
  }
  for (std::size_t i = 0; i < p.receiving_units.size(); ++i) {
    if (p.receiving_units[i].empty()) Add(out, Index("receiving_units", i), "empty unit code");
  }
}

void CheckTime(const LegalTime& time, const std::string& path, Violations& out) {
  if (!time.duration) {
    Add(out, path,
        time.text.empty() ? "legal time missing"
                          : "legal time could not be interpreted: \"" + time.text + "\"");
    return;
  }
  if (time.duration->working_seconds() == 0 && time.duration->calendar_days() == 0) {
    Add(out, path, "legal time is zero");
  }
  const bool calendar_unit = time.unit == calendar::DurationUnit::kCalendarDays;
  if (calendar_unit != time.duration->is_calendar_days()) {
    Add(out, path, "unit disagrees with the duration (calendar days vs working time)");
  }
}

void CheckFees(const ChannelSpec& c, const std::string& path, Violations& out) {
  for (std::size_t i = 0; i < c.fees.size(); ++i) {
    const Fee& fee = c.fees[i];
    const std::string fee_path = path + "." + Index("fees", i) + ".amount_vnd";
    if (!fee.amount_vnd) {
      Add(out, fee_path, "amount unknown");
    } else if (*fee.amount_vnd < 0) {
      Add(out, fee_path, "negative amount");
    }
  }
}

void CheckChannels(const Procedure& p, Violations& out) {
  if (p.channels.empty()) Add(out, "channels", "at least one channel");
  std::set<Channel> seen;
  for (const ChannelSpec& c : p.channels) {
    const std::string path = "channels." + std::string(ChannelName(c.channel));
    if (!seen.insert(c.channel).second) {
      Add(out, path, "channel listed twice");
      continue;
    }
    CheckTime(c.time, path + ".time", out);
    CheckFees(c, path, out);
  }
  const bool online = AcceptsChannel(p, Channel::kOnline);
  if (p.online_level != OnlineLevel::kNone && !online) {
    Add(out, "online_level", "an online service level without an online channel");
  }
  if (p.online_only && (p.online_level == OnlineLevel::kNone || !online)) {
    Add(out, "online_only", "online-only reception without an online service");
  }
  if (p.online_only && p.channels.size() > 1) {
    Add(out, "online_only", "online-only reception but other channels are listed");
  }
}

void CheckComponent(const Component& c, const std::string& path, Violations& out) {
  if (c.name.empty()) Add(out, path + ".name", "required");
  if (c.original_qty < 0) Add(out, path + ".original_qty", "negative quantity");
  if (c.copy_qty < 0) Add(out, path + ".copy_qty", "negative quantity");
  if (c.original_qty <= 0 && c.copy_qty <= 0) {
    Add(out, path + ".original_qty", "quantity 0: at least one original or copy");
  }
}

void CheckCases(const Procedure& p, Violations& out) {
  if (p.cases.empty()) Add(out, "cases", "at least one case (with its components)");
  for (std::size_t i = 0; i < p.cases.size(); ++i) {
    const Case& c = p.cases[i];
    const std::string path = Index("cases", i);
    if (p.cases.size() > 1 && c.name.empty()) Add(out, path + ".name", "cases need names");
    if (c.components.empty()) Add(out, path + ".components", "at least one component");
    for (std::size_t j = 0; j < c.components.size(); ++j) {
      CheckComponent(c.components[j], path + "." + Index("components", j), out);
    }
  }
}

void CheckTail(const Procedure& p, Violations& out) {
  if (p.legal_basis.empty()) Add(out, "legal_basis", "at least one legal basis");
  for (std::size_t i = 0; i < p.legal_basis.size(); ++i) {
    if (p.legal_basis[i].number.empty()) {
      Add(out, Index("legal_basis", i) + ".number", "required");
    }
  }
  if (p.outcomes.empty()) Add(out, "outcomes", "at least one result");
  for (std::size_t i = 0; i < p.outcomes.size(); ++i) {
    if (p.outcomes[i].name.empty()) Add(out, Index("outcomes", i) + ".name", "required");
  }
  const calendar::ReceptionCutoff& cut = p.cutoff;
  if (cut.kind == calendar::ReceptionCutoff::Kind::kAt &&
      (cut.at < 0 || cut.at > 24 * 3600 || cut.next_day_from >= 24 * 3600)) {
    Add(out, "cutoff", "time of day out of range");
  }
}

}  // namespace

bool IsValidUnitCode(std::string_view code) {
  if (code.empty() || code.size() > 35 || code.front() == '.' || code.back() == '.') return false;
  char prev = 0;
  for (char c : code) {
    const bool ok =
        std::isdigit(static_cast<unsigned char>(c)) || (c >= 'A' && c <= 'Z') || c == '.';
    if (!ok || (c == '.' && prev == '.')) return false;
    prev = c;
  }
  return true;
}

bool IsValidProcedureCode(std::string_view code) {
  if (code.size() < 8 || !IsDigits(code.substr(0, 1)) || code[1] != '.' ||
      !IsDigits(code.substr(2, 6))) {
    return false;
  }
  if (code.size() == 8) return true;
  return code[8] == '.' && IsValidUnitCode(code.substr(9));
}

std::vector<FieldViolation> ValidateProcedure(const Procedure& procedure) {
  Violations out;
  CheckHeader(procedure, out);
  CheckChannels(procedure, out);
  CheckCases(procedure, out);
  CheckTail(procedure, out);
  return out;
}

Status CheckProcedure(const Procedure& procedure) {
  Violations problems = ValidateProcedure(procedure);
  if (problems.empty()) return Ok();
  Error e{ErrorCode::kInvalidArgument, "invalid procedure", "validation", std::move(problems)};
  return e;
}

}  // namespace motcua::catalog
