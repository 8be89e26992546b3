#include "storage/sql/catalog_codec.h"

#include <nlohmann/json.hpp>

#include "calendar/civil_time.h"

namespace motcua::storage::sql {
namespace {

using catalog::Procedure;
using nlohmann::json;

// nlohmann/json reports type errors by exception; the decoders below convert them (and every
// unknown enum name) into this error, so no exception leaves the module.
struct Corrupt {
  std::string what;
};

template <typename T>
T Must(Result<T> r, std::string_view what) {
  if (!r.ok()) throw Corrupt{std::string(what)};
  return std::move(r).value();
}

std::string_view UnitName(calendar::DurationUnit unit) {
  switch (unit) {
    case calendar::DurationUnit::kWorkingDays: return "working-days";
    case calendar::DurationUnit::kWorkingHours: return "working-hours";
    case calendar::DurationUnit::kWorkingMinutes: return "working-minutes";
    case calendar::DurationUnit::kCalendarDays: return "calendar-days";
  }
  return "working-days";
}

json DateJson(const std::optional<calendar::CivilDate>& d) {
  return d ? json(calendar::FormatDate(*d)) : json(nullptr);
}

std::optional<calendar::CivilDate> DateFrom(const json& j) {
  if (j.is_null()) return std::nullopt;
  return Must(calendar::ParseDate(j.get<std::string>()), "date");
}

json LegalTimeJson(const catalog::LegalTime& t) {
  json duration = nullptr;
  if (t.duration) {
    duration = t.duration->is_calendar_days()
                   ? json{{"calendar_days", t.duration->calendar_days()}}
                   : json{{"working_seconds", t.duration->working_seconds()}};
  }
  return {{"duration", duration}, {"unit", UnitName(t.unit)}, {"text", t.text}};
}

catalog::LegalTime LegalTimeFrom(const json& j) {
  catalog::LegalTime t;
  const json& d = j.at("duration");
  if (d.contains("calendar_days")) {
    t.duration = calendar::Duration::CalendarDays(d.at("calendar_days").get<std::int64_t>());
  } else if (d.contains("working_seconds")) {
    t.duration = calendar::Duration::WorkingSeconds(d.at("working_seconds").get<std::int64_t>());
  }
  t.unit = Must(calendar::ParseDurationUnit(j.at("unit").get<std::string>()), "unit");
  t.text = j.at("text").get<std::string>();
  return t;
}

std::string_view CutoffKind(calendar::ReceptionCutoff::Kind kind) {
  switch (kind) {
    case calendar::ReceptionCutoff::Kind::kNone: return "none";
    case calendar::ReceptionCutoff::Kind::kAt: return "at";
    case calendar::ReceptionCutoff::Kind::kLastOfficeHour: return "last-hour";
  }
  return "at";
}

json CutoffJson(const calendar::ReceptionCutoff& c) {
  return {{"kind", CutoffKind(c.kind)}, {"at", c.at}, {"next_day_from", c.next_day_from}};
}

calendar::ReceptionCutoff CutoffFrom(const json& j) {
  calendar::ReceptionCutoff c;
  const std::string kind = j.at("kind").get<std::string>();
  if (kind == "none") {
    c.kind = calendar::ReceptionCutoff::Kind::kNone;
  } else if (kind == "last-hour") {
    c.kind = calendar::ReceptionCutoff::Kind::kLastOfficeHour;
  } else if (kind == "at") {
    c.kind = calendar::ReceptionCutoff::Kind::kAt;
  } else {
    throw Corrupt{"cutoff kind"};
  }
  c.at = j.at("at").get<int>();
  c.next_day_from = j.at("next_day_from").get<int>();
  return c;
}

json StringsJson(const std::vector<std::string>& v) { return json(v); }

std::vector<std::string> StringsFrom(const json& j) { return j.get<std::vector<std::string>>(); }

json ProcedureJson(const Procedure& p) {
  json channels = json::array();
  for (const auto& c : p.channels) {
    json fees = json::array();
    for (const auto& f : c.fees) {
      fees.push_back({{"type", catalog::FeeTypeName(f.type)},
                      {"amount_vnd", f.amount_vnd ? json(*f.amount_vnd) : json(nullptr)},
                      {"description", f.description}});
    }
    channels.push_back({{"channel", catalog::ChannelName(c.channel)},
                        {"time", LegalTimeJson(c.time)},
                        {"fees", fees},
                        {"description", c.description}});
  }
  json cases = json::array();
  for (const auto& k : p.cases) {
    json components = json::array();
    for (const auto& c : k.components) {
      components.push_back({{"code", c.code},
                            {"name", c.name},
                            {"original_qty", c.original_qty},
                            {"copy_qty", c.copy_qty},
                            {"requirement", catalog::RequirementName(c.requirement)},
                            {"condition", c.condition},
                            {"form_code", c.form_code},
                            {"reusable_from_data_store", c.reusable_from_data_store}});
    }
    cases.push_back({{"code", k.code}, {"name", k.name}, {"components", components}});
  }
  json basis = json::array();
  for (const auto& b : p.legal_basis) {
    basis.push_back({{"number", b.number},
                     {"summary", b.summary},
                     {"date", DateJson(b.date)},
                     {"issuer", b.issuer}});
  }
  json outcomes = json::array();
  for (const auto& o : p.outcomes) outcomes.push_back({{"code", o.code}, {"name", o.name}});
  return {{"code", p.code},
          {"name", p.name},
          {"level", p.level ? json(catalog::LevelName(*p.level)) : json(nullptr)},
          {"field", p.field},
          {"field_code", p.field_code},
          {"competent_units", StringsJson(p.competent_units)},
          {"receiving_units", StringsJson(p.receiving_units)},
          {"coordinating_units", StringsJson(p.coordinating_units)},
          {"channels", channels},
          {"cases", cases},
          {"steps", p.steps},
          {"subjects", StringsJson(p.subjects)},
          {"requirements", p.requirements},
          {"legal_basis", basis},
          {"outcomes", outcomes},
          {"online_level", catalog::OnlineLevelName(p.online_level)},
          {"online_only", p.online_only},
          {"location_independent", p.location_independent},
          {"cutoff", CutoffJson(p.cutoff)},
          {"supplement_mode", catalog::SupplementModeName(p.supplement_mode)}};
}

catalog::Requirement RequirementFrom(const std::string& s) {
  if (s == catalog::RequirementName(catalog::Requirement::kRequired)) {
    return catalog::Requirement::kRequired;
  }
  if (s == catalog::RequirementName(catalog::Requirement::kConditional)) {
    return catalog::Requirement::kConditional;
  }
  throw Corrupt{"requirement"};
}

Procedure ProcedureFrom(const json& j) {
  Procedure p;
  p.code = j.at("code").get<std::string>();
  p.name = j.at("name").get<std::string>();
  if (!j.at("level").is_null()) {
    p.level = Must(catalog::ParseLevel(j.at("level").get<std::string>()), "level");
  }
  p.field = j.at("field").get<std::string>();
  p.field_code = j.at("field_code").get<std::string>();
  p.competent_units = StringsFrom(j.at("competent_units"));
  p.receiving_units = StringsFrom(j.at("receiving_units"));
  p.coordinating_units = StringsFrom(j.at("coordinating_units"));
  for (const json& c : j.at("channels")) {
    catalog::ChannelSpec spec;
    spec.channel = Must(catalog::ParseChannel(c.at("channel").get<std::string>()), "channel");
    spec.time = LegalTimeFrom(c.at("time"));
    for (const json& f : c.at("fees")) {
      catalog::Fee fee;
      fee.type = Must(catalog::ParseFeeType(f.at("type").get<std::string>()), "fee type");
      if (!f.at("amount_vnd").is_null()) fee.amount_vnd = f.at("amount_vnd").get<std::int64_t>();
      fee.description = f.at("description").get<std::string>();
      spec.fees.push_back(std::move(fee));
    }
    spec.description = c.at("description").get<std::string>();
    p.channels.push_back(std::move(spec));
  }
  for (const json& k : j.at("cases")) {
    catalog::Case c;
    c.code = k.at("code").get<std::string>();
    c.name = k.at("name").get<std::string>();
    for (const json& m : k.at("components")) {
      catalog::Component comp;
      comp.code = m.at("code").get<std::string>();
      comp.name = m.at("name").get<std::string>();
      comp.original_qty = m.at("original_qty").get<int>();
      comp.copy_qty = m.at("copy_qty").get<int>();
      comp.requirement = RequirementFrom(m.at("requirement").get<std::string>());
      comp.condition = m.at("condition").get<std::string>();
      comp.form_code = m.at("form_code").get<std::string>();
      comp.reusable_from_data_store = m.at("reusable_from_data_store").get<bool>();
      c.components.push_back(std::move(comp));
    }
    p.cases.push_back(std::move(c));
  }
  p.steps = j.at("steps").get<std::string>();
  p.subjects = StringsFrom(j.at("subjects"));
  p.requirements = j.at("requirements").get<std::string>();
  for (const json& b : j.at("legal_basis")) {
    p.legal_basis.push_back({b.at("number").get<std::string>(), b.at("summary").get<std::string>(),
                             DateFrom(b.at("date")), b.at("issuer").get<std::string>()});
  }
  for (const json& o : j.at("outcomes")) {
    p.outcomes.push_back({o.at("code").get<std::string>(), o.at("name").get<std::string>()});
  }
  p.online_level =
      Must(catalog::ParseOnlineLevel(j.at("online_level").get<std::string>()), "online level");
  p.online_only = j.at("online_only").get<bool>();
  p.location_independent = j.at("location_independent").get<bool>();
  p.cutoff = CutoffFrom(j.at("cutoff"));
  p.supplement_mode = Must(catalog::ParseSupplementMode(j.at("supplement_mode").get<std::string>()),
                           "supplement mode");
  return p;
}

catalog::Confidence ConfidenceFrom(const std::string& s) {
  for (auto c : {catalog::Confidence::kParsed, catalog::Confidence::kDoubtful,
                 catalog::Confidence::kUnparsed}) {
    if (s == catalog::ConfidenceName(c)) return c;
  }
  throw Corrupt{"confidence"};
}

// Runs a decoder over stored text, converting every failure into kInternal naming `what`.
template <typename T, typename F>
Result<T> Decode(std::string_view text, std::string_view what, F from_json) {
  try {
    return from_json(json::parse(text));
  } catch (const Corrupt& c) {
    return Error::Internal("stored " + std::string(what) + " is corrupt: bad " + c.what);
  } catch (const std::exception& e) {
    return Error::Internal("stored " + std::string(what) + " is corrupt: " + e.what());
  }
}

}  // namespace

std::string EncodeProcedure(const Procedure& procedure) { return ProcedureJson(procedure).dump(); }

Result<Procedure> DecodeProcedure(std::string_view text) {
  return Decode<Procedure>(text, "procedure", ProcedureFrom);
}

std::string EncodeImportNotes(const std::vector<catalog::ImportNote>& notes) {
  json out = json::array();
  for (const auto& n : notes) {
    out.push_back({{"path", n.path},
                   {"confidence", catalog::ConfidenceName(n.confidence)},
                   {"text", n.text},
                   {"note", n.note}});
  }
  return out.dump();
}

Result<std::vector<catalog::ImportNote>> DecodeImportNotes(std::string_view text) {
  return Decode<std::vector<catalog::ImportNote>>(text, "import notes", [](const json& j) {
    std::vector<catalog::ImportNote> out;
    for (const json& n : j) {
      out.push_back({n.at("path").get<std::string>(),
                     ConfidenceFrom(n.at("confidence").get<std::string>()),
                     n.at("text").get<std::string>(), n.at("note").get<std::string>()});
    }
    return out;
  });
}

std::string EncodeSteps(const std::vector<catalog::Step>& steps) {
  json out = json::array();
  for (const auto& s : steps) {
    out.push_back({{"id", s.id},
                   {"kind", catalog::StepKindName(s.kind)},
                   {"name", s.name},
                   {"unit_code", s.performer.unit_code},
                   {"role", s.performer.role},
                   {"budget_seconds", s.budget_seconds},
                   {"counted", s.counted},
                   {"next", s.next},
                   {"back", s.back}});
    if (s.pausable) out.back()["pausable"] = *s.pausable;
  }
  return out.dump();
}

Result<std::vector<catalog::Step>> DecodeSteps(std::string_view text) {
  return Decode<std::vector<catalog::Step>>(text, "workflow steps", [](const json& j) {
    std::vector<catalog::Step> out;
    for (const json& s : j) {
      catalog::Step step;
      step.id = s.at("id").get<std::string>();
      step.kind = Must(catalog::ParseStepKind(s.at("kind").get<std::string>()), "step kind");
      step.name = s.at("name").get<std::string>();
      step.performer = {s.at("unit_code").get<std::string>(), s.at("role").get<std::string>()};
      step.budget_seconds = s.at("budget_seconds").get<std::int64_t>();
      step.counted = s.at("counted").get<bool>();
      step.next = StringsFrom(s.at("next"));
      step.back = StringsFrom(s.at("back"));
      if (s.contains("pausable")) step.pausable = s.at("pausable").get<bool>();
      out.push_back(std::move(step));
    }
    return out;
  });
}

std::string EncodeChannels(const std::vector<catalog::Channel>& channels) {
  json out = json::array();
  for (auto c : channels) out.push_back(catalog::ChannelName(c));
  return out.dump();
}

Result<std::vector<catalog::Channel>> DecodeChannels(std::string_view text) {
  return Decode<std::vector<catalog::Channel>>(text, "workflow channels", [](const json& j) {
    std::vector<catalog::Channel> out;
    for (const json& c : j) {
      out.push_back(Must(catalog::ParseChannel(c.get<std::string>()), "channel"));
    }
    return out;
  });
}

std::string EncodeCutoff(const calendar::ReceptionCutoff& c) {
  switch (c.kind) {
    case calendar::ReceptionCutoff::Kind::kNone: return "none";
    case calendar::ReceptionCutoff::Kind::kLastOfficeHour: return "last-hour";
    case calendar::ReceptionCutoff::Kind::kAt: break;
  }
  std::string out = calendar::FormatTimeOfDay(c.at);
  if (c.next_day_from >= 0) out += "/" + calendar::FormatTimeOfDay(c.next_day_from);
  return out;
}

}  // namespace motcua::storage::sql
