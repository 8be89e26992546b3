#include "catalog_io/catalog_json.h"

#include <cmath>
#include <set>
#include <utility>

#include "calendar/civil_time.h"
#include "catalog/validate.h"
#include "catalog_io/json_reader.h"

namespace motcua::catalog_io {
namespace {

using calendar::DurationUnit;
using internal::At;
using internal::Json;
using internal::JsonReader;
using internal::Key;
using internal::Need;

// ---- shared spellings ----------------------------------------------------------------------

std::string_view UnitName(DurationUnit unit) {
  switch (unit) {
    case DurationUnit::kWorkingDays: return "working-days";
    case DurationUnit::kWorkingHours: return "working-hours";
    case DurationUnit::kWorkingMinutes: return "working-minutes";
    case DurationUnit::kCalendarDays: return "calendar-days";
  }
  return "working-days";
}

std::optional<DurationUnit> ParseUnit(std::string_view s) {
  if (s == "working-days") return DurationUnit::kWorkingDays;
  if (s == "working-hours") return DurationUnit::kWorkingHours;
  if (s == "working-minutes") return DurationUnit::kWorkingMinutes;
  if (s == "calendar-days") return DurationUnit::kCalendarDays;
  return std::nullopt;
}

// A number as an integer when whole, so that files read "20", not "20.0".
Json Number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) return static_cast<std::int64_t>(v);
  return v;
}

std::string CutoffName(const calendar::ReceptionCutoff& c) {
  using Kind = calendar::ReceptionCutoff::Kind;
  if (c.kind == Kind::kNone) return "none";
  if (c.kind == Kind::kLastOfficeHour) return "last-hour";
  if (c == calendar::ReceptionCutoff::Decree297()) return "17:00";
  return calendar::FormatTimeOfDay(c.at);
}

// The most specific text of a parser's error (InvalidField puts it in the field violation).
std::string Message(const Error& e) { return e.fields.empty() ? e.message : e.fields[0].message; }

// ---- encoding ------------------------------------------------------------------------------

Json EncodeDecision(const std::optional<catalog::Decision>& d) {
  if (!d) return nullptr;
  return Json{{"number", d->number}, {"date", calendar::FormatDate(d->date)}};
}

Json EncodeTime(const catalog::LegalTime& t) {
  Json amount = nullptr;
  if (t.duration) {
    const calendar::Duration& d = *t.duration;
    switch (t.unit) {
      case DurationUnit::kWorkingDays:
        amount = Number(static_cast<double>(d.working_seconds()) / calendar::kWorkingDaySeconds);
        break;
      case DurationUnit::kWorkingHours:
        amount = Number(static_cast<double>(d.working_seconds()) / 3600);
        break;
      case DurationUnit::kWorkingMinutes:
        amount = Number(static_cast<double>(d.working_seconds()) / 60);
        break;
      case DurationUnit::kCalendarDays: amount = d.calendar_days(); break;
    }
  }
  return Json{{"amount", amount}, {"unit", UnitName(t.unit)}, {"text", t.text}};
}

Json EncodeChannels(const std::vector<catalog::ChannelSpec>& channels) {
  Json out = Json::object();
  for (const catalog::ChannelSpec& c : channels) {
    Json fees = Json::array();
    for (const catalog::Fee& f : c.fees) {
      fees.push_back({{"type", catalog::FeeTypeName(f.type)},
                      {"amount_vnd", f.amount_vnd ? Json(*f.amount_vnd) : Json(nullptr)},
                      {"description", f.description}});
    }
    out[std::string(catalog::ChannelName(c.channel))] = {
        {"time", EncodeTime(c.time)}, {"fees", fees}, {"description", c.description}};
  }
  return out;
}

Json EncodeCases(const std::vector<catalog::Case>& cases) {
  Json out = Json::array();
  for (const catalog::Case& c : cases) {
    Json comps = Json::array();
    for (const catalog::Component& k : c.components) {
      comps.push_back({{"code", k.code},
                       {"name", k.name},
                       {"original_qty", k.original_qty},
                       {"copy_qty", k.copy_qty},
                       {"requirement", catalog::RequirementName(k.requirement)},
                       {"condition", k.condition},
                       {"form_code", k.form_code},
                       {"reusable_from_data_store", k.reusable_from_data_store}});
    }
    out.push_back({{"code", c.code}, {"name", c.name}, {"components", comps}});
  }
  return out;
}

Json EncodeWorkflows(const std::vector<catalog::Workflow>& workflows) {
  Json out = Json::array();
  for (const catalog::Workflow& w : workflows) {
    Json channels = Json::array();
    for (catalog::Channel c : w.channels) channels.push_back(catalog::ChannelName(c));
    Json steps = Json::array();
    for (const catalog::Step& s : w.steps) {
      steps.push_back({{"id", s.id},
                       {"kind", catalog::StepKindName(s.kind)},
                       {"name", s.name},
                       {"unit", s.performer.unit_code},
                       {"role", s.performer.role},
                       {"budget_hours", Number(static_cast<double>(s.budget_seconds) / 3600)},
                       {"counted", s.counted},
                       {"next", s.next},
                       {"back", s.back}});
      if (s.pausable) steps.back()["pausable"] = *s.pausable;
    }
    out.push_back({{"channels", channels}, {"steps", steps}});
  }
  return out;
}

Json EncodeEntry(const CatalogEntry& e) {
  const ImportedProcedure& ip = e.procedure;
  const catalog::ProcedureVersion& v = ip.draft;
  const catalog::Procedure& p = v.procedure;
  Json legal = Json::array();
  for (const catalog::LegalBasis& b : p.legal_basis) {
    legal.push_back({{"number", b.number},
                     {"summary", b.summary},
                     {"date", b.date ? Json(calendar::FormatDate(*b.date)) : Json(nullptr)},
                     {"issuer", b.issuer}});
  }
  Json outcomes = Json::array();
  for (const catalog::Outcome& o : p.outcomes)
    outcomes.push_back({{"code", o.code}, {"name", o.name}});
  Json agencies = Json::array();
  for (const AgencyRef& a : ip.agencies) {
    agencies.push_back({{"role", a.role}, {"code", a.code}, {"name", a.name}});
  }
  Json notes = Json::array();
  for (const catalog::ImportNote& n : v.import_notes) {
    notes.push_back({{"path", n.path},
                     {"confidence", catalog::ConfidenceName(n.confidence)},
                     {"text", n.text},
                     {"note", n.note}});
  }
  Json version = {{"number", v.number},
                  {"state", catalog::VersionStateName(v.state)},
                  {"published", EncodeDecision(v.published)},
                  {"ended", EncodeDecision(v.ended)},
                  {"replaced_by", v.replaced_by},
                  {"expires", v.expires ? Json(calendar::FormatDate(*v.expires)) : Json(nullptr)}};
  return Json{
      {"code", p.code},
      {"name", p.name},
      {"level", p.level ? Json(catalog::LevelName(*p.level)) : Json(nullptr)},
      {"field", p.field},
      {"field_code", p.field_code},
      {"competent_units", p.competent_units},
      {"receiving_units", p.receiving_units},
      {"coordinating_units", p.coordinating_units},
      {"channels", EncodeChannels(p.channels)},
      {"cases", EncodeCases(p.cases)},
      {"steps", p.steps},
      {"subjects", p.subjects},
      {"requirements", p.requirements},
      {"legal_basis", legal},
      {"outcomes", outcomes},
      {"online_level", catalog::OnlineLevelName(p.online_level)},
      {"online_only", p.online_only},
      {"location_independent", p.location_independent},
      {"cutoff", CutoffName(p.cutoff)},
      {"supplement_mode", catalog::SupplementModeName(p.supplement_mode)},
      {"version", version},
      {"decision", EncodeDecision(ip.decision)},
      {"agencies", agencies},
      {"keywords", ip.keywords},
      {"source", ip.source},
      {"import_notes", notes},
      {"workflows", EncodeWorkflows(e.workflows)},
  };
}

// ---- decoding ------------------------------------------------------------------------------

class EntryDecoder {
 public:
  EntryDecoder(const Json& rec, std::string path, JsonReader& r)
      : rec_(rec), path_(std::move(path)), r_(r) {}

  CatalogEntry Decode() {
    r_.OnlyKeys(rec_, path_,
                {"code",
                 "name",
                 "level",
                 "field",
                 "field_code",
                 "competent_units",
                 "receiving_units",
                 "coordinating_units",
                 "channels",
                 "cases",
                 "steps",
                 "subjects",
                 "requirements",
                 "legal_basis",
                 "outcomes",
                 "online_level",
                 "online_only",
                 "location_independent",
                 "cutoff",
                 "supplement_mode",
                 "version",
                 "decision",
                 "agencies",
                 "keywords",
                 "source",
                 "import_notes",
                 "workflows"});
    ImportedProcedure& ip = out_.procedure;
    catalog::Procedure& p = ip.draft.procedure;
    p.code = r_.String(rec_, path_, "code", Need::kRequired);
    p.name = r_.String(rec_, path_, "name", Need::kRequired);
    const std::string level = r_.String(rec_, path_, "level");
    if (!level.empty()) p.level = Enum(catalog::ParseLevel(level), P("level"));
    p.field = r_.String(rec_, path_, "field");
    p.field_code = r_.String(rec_, path_, "field_code");
    p.competent_units = r_.Strings(rec_, path_, "competent_units");
    p.receiving_units = r_.Strings(rec_, path_, "receiving_units");
    p.coordinating_units = r_.Strings(rec_, path_, "coordinating_units");
    DecodeChannels(p);
    DecodeCases(p);
    p.steps = r_.Text(rec_, path_, "steps");
    p.subjects = r_.Strings(rec_, path_, "subjects");
    p.requirements = r_.Text(rec_, path_, "requirements");
    DecodeLegal(p);
    DecodeOutcomes(p);
    const std::string online = r_.String(rec_, path_, "online_level");
    if (!online.empty()) {
      p.online_level = Enum(catalog::ParseOnlineLevel(online), P("online_level"))
                           .value_or(catalog::OnlineLevel::kNone);
    }
    p.online_only = r_.Bool(rec_, path_, "online_only");
    p.location_independent = r_.Bool(rec_, path_, "location_independent");
    const std::string cutoff = r_.String(rec_, path_, "cutoff");
    if (!cutoff.empty()) {
      Result<calendar::ReceptionCutoff> c = calendar::ParseReceptionCutoff(cutoff);
      if (c) {
        p.cutoff = *c;
      } else {
        r_.Fail(P("cutoff"), "\"" + cutoff + "\": " + Message(c.error()));
      }
    }
    const std::string mode = r_.String(rec_, path_, "supplement_mode");
    if (!mode.empty()) {
      p.supplement_mode = Enum(catalog::ParseSupplementMode(mode), P("supplement_mode"))
                              .value_or(catalog::SupplementMode::kExcludeWaiting);
    }
    DecodeVersion(ip.draft);
    ip.decision = DecodeDecision(rec_, path_, "decision");
    DecodeAgencies(ip);
    ip.keywords = r_.Strings(rec_, path_, "keywords");
    ip.source = r_.Text(rec_, path_, "source");
    DecodeNotes(ip);
    DecodeWorkflows();
    return std::move(out_);
  }

 private:
  std::string P(std::string_view key) const { return Key(path_, key); }

  template <typename T>
  std::optional<T> Enum(Result<T> parsed, const std::string& path) {
    if (parsed) return *parsed;
    r_.Fail(path, Message(parsed.error()));
    return std::nullopt;
  }

  std::optional<calendar::CivilDate> Date(const Json& obj, const std::string& path,
                                          std::string_view key, Need need = Need::kOptional) {
    const std::string s = r_.String(obj, path, key, need);
    if (s.empty()) return std::nullopt;
    Result<calendar::CivilDate> d = calendar::ParseDate(s);
    if (!d) {
      r_.Fail(Key(path, key), "\"" + s + "\" is not a date (YYYY-MM-DD)");
      return std::nullopt;
    }
    return *d;
  }

  std::optional<catalog::Decision> DecodeDecision(const Json& obj, const std::string& path,
                                                  std::string_view key) {
    const Json* d = r_.Object(obj, path, key);
    if (d == nullptr) return std::nullopt;
    const std::string dpath = Key(path, key);
    r_.OnlyKeys(*d, dpath, {"number", "date"});
    std::string number = r_.String(*d, dpath, "number", Need::kRequired);
    std::optional<calendar::CivilDate> date = Date(*d, dpath, "date", Need::kRequired);
    if (number.empty() || !date) return std::nullopt;
    return catalog::Decision{std::move(number), *date};
  }

  std::optional<catalog::LegalTime> DecodeTime(const Json& obj, const std::string& path) {
    const Json* t = r_.Object(obj, path, "time", Need::kRequired);
    if (t == nullptr) return std::nullopt;
    const std::string tpath = Key(path, "time");
    r_.OnlyKeys(*t, tpath, {"amount", "unit", "text"});
    catalog::LegalTime out;
    const std::string unit = r_.String(*t, tpath, "unit", Need::kRequired);
    const std::optional<DurationUnit> u = ParseUnit(unit);
    if (!unit.empty() && !u) {
      r_.Fail(Key(tpath, "unit"), "\"" + unit +
                                      "\" is not a unit (working-days, working-hours, "
                                      "working-minutes, calendar-days)");
    }
    if (u) out.unit = *u;
    out.text = r_.Text(*t, tpath, "text");
    const std::optional<double> amount = r_.Number(*t, tpath, "amount");
    if (amount && u) {
      Result<calendar::Duration> d = calendar::Duration::Of(*amount, *u);
      if (d) {
        out.duration = *d;
      } else {
        r_.Fail(Key(tpath, "amount"), Message(d.error()));
      }
    }
    return out;
  }

  void DecodeChannels(catalog::Procedure& p) {
    const Json* channels = r_.Object(rec_, path_, "channels");
    if (channels == nullptr) return;
    for (auto it = channels->begin(); it != channels->end(); ++it) {
      const std::string cpath = Key(P("channels"), it.key());
      const Result<catalog::Channel> channel = catalog::ParseChannel(it.key());
      if (!channel) {
        r_.Fail(cpath, "is not a channel (in-person, online, postal)");
        continue;
      }
      if (!it->is_object()) {
        r_.Fail(cpath, "must be an object");
        continue;
      }
      r_.OnlyKeys(*it, cpath, {"time", "fees", "description"});
      catalog::ChannelSpec spec;
      spec.channel = *channel;
      if (std::optional<catalog::LegalTime> t = DecodeTime(*it, cpath)) spec.time = std::move(*t);
      spec.description = r_.Text(*it, cpath, "description");
      if (const Json* fees = r_.Array(*it, cpath, "fees")) {
        for (std::size_t j = 0; j < fees->size(); ++j) {
          const Json& f = (*fees)[j];
          const std::string fpath = At(Key(cpath, "fees"), j);
          r_.OnlyKeys(f, fpath, {"type", "amount_vnd", "description"});
          catalog::Fee fee;
          const std::string type = r_.String(f, fpath, "type", Need::kRequired);
          if (!type.empty()) {
            fee.type = Enum(catalog::ParseFeeType(type), Key(fpath, "type"))
                           .value_or(catalog::FeeType::kFee);
          }
          fee.amount_vnd = r_.Integer(f, fpath, "amount_vnd", 0);
          fee.description = r_.Text(f, fpath, "description");
          spec.fees.push_back(std::move(fee));
        }
      }
      p.channels.push_back(std::move(spec));
    }
  }

  void DecodeCases(catalog::Procedure& p) {
    const Json* cases = r_.Array(rec_, path_, "cases");
    if (cases == nullptr) return;
    for (std::size_t i = 0; i < cases->size(); ++i) {
      const Json& c = (*cases)[i];
      const std::string cpath = At(P("cases"), i);
      r_.OnlyKeys(c, cpath, {"code", "name", "components"});
      catalog::Case out;
      out.code = r_.String(c, cpath, "code");
      out.name = r_.String(c, cpath, "name");
      if (const Json* comps = r_.Array(c, cpath, "components")) {
        for (std::size_t j = 0; j < comps->size(); ++j) {
          out.components.push_back(DecodeComponent((*comps)[j], At(Key(cpath, "components"), j)));
        }
      }
      p.cases.push_back(std::move(out));
    }
  }

  catalog::Component DecodeComponent(const Json& k, const std::string& path) {
    r_.OnlyKeys(k, path,
                {"code", "name", "original_qty", "copy_qty", "requirement", "condition",
                 "form_code", "reusable_from_data_store"});
    catalog::Component out;
    out.code = r_.String(k, path, "code");
    out.name = r_.String(k, path, "name", Need::kRequired);
    out.original_qty = static_cast<int>(r_.Integer(k, path, "original_qty", 0).value_or(0));
    out.copy_qty = static_cast<int>(r_.Integer(k, path, "copy_qty", 0).value_or(0));
    const std::string req = r_.String(k, path, "requirement");
    if (req == "conditional") {
      out.requirement = catalog::Requirement::kConditional;
    } else if (!req.empty() && req != "required") {
      r_.Fail(Key(path, "requirement"), "\"" + req + "\" is not required or conditional");
    }
    out.condition = r_.String(k, path, "condition");
    out.form_code = r_.String(k, path, "form_code");
    out.reusable_from_data_store = r_.Bool(k, path, "reusable_from_data_store");
    return out;
  }

  void DecodeLegal(catalog::Procedure& p) {
    const Json* a = r_.Array(rec_, path_, "legal_basis");
    if (a == nullptr) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string lpath = At(P("legal_basis"), i);
      r_.OnlyKeys((*a)[i], lpath, {"number", "summary", "date", "issuer"});
      catalog::LegalBasis b;
      b.number = r_.String((*a)[i], lpath, "number");
      b.summary = r_.String((*a)[i], lpath, "summary");
      b.date = Date((*a)[i], lpath, "date");
      b.issuer = r_.String((*a)[i], lpath, "issuer");
      p.legal_basis.push_back(std::move(b));
    }
  }

  void DecodeOutcomes(catalog::Procedure& p) {
    const Json* a = r_.Array(rec_, path_, "outcomes");
    if (a == nullptr) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string opath = At(P("outcomes"), i);
      r_.OnlyKeys((*a)[i], opath, {"code", "name"});
      p.outcomes.push_back({r_.String((*a)[i], opath, "code"), r_.String((*a)[i], opath, "name")});
    }
  }

  void DecodeVersion(catalog::ProcedureVersion& v) {
    const Json* j = r_.Object(rec_, path_, "version");
    if (j == nullptr) return;  // a draft, version 1
    const std::string vpath = P("version");
    r_.OnlyKeys(*j, vpath, {"number", "state", "published", "ended", "replaced_by", "expires"});
    v.number = static_cast<int>(r_.Integer(*j, vpath, "number", 1).value_or(1));
    const std::string state = r_.String(*j, vpath, "state");
    if (state == "draft" || state.empty()) {
      v.state = catalog::VersionState::kDraft;
    } else if (state == "published") {
      v.state = catalog::VersionState::kPublished;
    } else if (state == "amended") {
      v.state = catalog::VersionState::kAmended;
    } else if (state == "replaced") {
      v.state = catalog::VersionState::kReplaced;
    } else if (state == "repealed") {
      v.state = catalog::VersionState::kRepealed;
    } else {
      r_.Fail(Key(vpath, "state"), "\"" + state + "\" is not a version state");
    }
    v.published = DecodeDecision(*j, vpath, "published");
    v.ended = DecodeDecision(*j, vpath, "ended");
    v.replaced_by = r_.String(*j, vpath, "replaced_by");
    v.expires = Date(*j, vpath, "expires");
  }

  void DecodeAgencies(ImportedProcedure& ip) {
    const Json* a = r_.Array(rec_, path_, "agencies");
    if (a == nullptr) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string apath = At(P("agencies"), i);
      r_.OnlyKeys((*a)[i], apath, {"role", "code", "name"});
      ip.agencies.push_back({r_.String((*a)[i], apath, "role", Need::kRequired),
                             r_.String((*a)[i], apath, "code"), r_.String((*a)[i], apath, "name")});
    }
  }

  void DecodeNotes(ImportedProcedure& ip) {
    const Json* a = r_.Array(rec_, path_, "import_notes");
    if (a == nullptr) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string npath = At(P("import_notes"), i);
      r_.OnlyKeys((*a)[i], npath, {"path", "confidence", "text", "note"});
      catalog::ImportNote n;
      n.path = r_.String((*a)[i], npath, "path");
      const std::string c = r_.String((*a)[i], npath, "confidence", Need::kRequired);
      if (c == "parsed") {
        n.confidence = catalog::Confidence::kParsed;
      } else if (c == "doubtful") {
        n.confidence = catalog::Confidence::kDoubtful;
      } else if (c == "unparsed") {
        n.confidence = catalog::Confidence::kUnparsed;
      } else if (!c.empty()) {
        r_.Fail(Key(npath, "confidence"), "\"" + c + "\" is not parsed, doubtful or unparsed");
      }
      n.text = r_.Text((*a)[i], npath, "text");
      n.note = r_.Text((*a)[i], npath, "note");
      ip.notes.push_back(std::move(n));
    }
    ip.draft.import_notes = ip.notes;
  }

  void DecodeWorkflows() {
    const Json* a = r_.Array(rec_, path_, "workflows");
    if (a == nullptr) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string wpath = At(P("workflows"), i);
      r_.OnlyKeys((*a)[i], wpath, {"channels", "steps"});
      catalog::Workflow w;
      w.procedure_code = out_.procedure.draft.procedure.code;
      w.version = out_.procedure.draft.number;
      const std::vector<std::string> channels = r_.Strings((*a)[i], wpath, "channels");
      for (std::size_t k = 0; k < channels.size(); ++k) {
        if (auto c = Enum(catalog::ParseChannel(channels[k]), At(Key(wpath, "channels"), k))) {
          w.channels.push_back(*c);
        }
      }
      if (const Json* steps = r_.Array((*a)[i], wpath, "steps", Need::kRequired)) {
        for (std::size_t k = 0; k < steps->size(); ++k) {
          w.steps.push_back(DecodeStep((*steps)[k], At(Key(wpath, "steps"), k)));
        }
      }
      out_.workflows.push_back(std::move(w));
    }
  }

  catalog::Step DecodeStep(const Json& s, const std::string& path) {
    r_.OnlyKeys(s, path,
                {"id", "kind", "name", "unit", "role", "budget_hours", "counted", "pausable",
                 "next", "back"});
    catalog::Step out;
    out.id = r_.String(s, path, "id", Need::kRequired);
    const std::string kind = r_.String(s, path, "kind", Need::kRequired);
    if (!kind.empty()) {
      out.kind =
          Enum(catalog::ParseStepKind(kind), Key(path, "kind")).value_or(catalog::StepKind::kOther);
    }
    out.name = r_.String(s, path, "name");
    out.performer.unit_code = r_.String(s, path, "unit");
    out.performer.role = r_.String(s, path, "role");
    if (std::optional<double> h = r_.Number(s, path, "budget_hours", Need::kRequired)) {
      if (*h < 0 || *h > 1e6) {
        r_.Fail(Key(path, "budget_hours"), "must be between 0 and 1000000");
      } else {
        out.budget_seconds = std::llround(*h * 3600);
      }
    }
    out.counted = r_.Bool(s, path, "counted", true);
    out.next = r_.Strings(s, path, "next");
    out.back = r_.Strings(s, path, "back");
    if (s.contains("pausable")) out.pausable = r_.Bool(s, path, "pausable", false);
    return out;
  }

  const Json& rec_;
  std::string path_;
  JsonReader& r_;
  CatalogEntry out_;
};

std::vector<FieldViolation> Prefixed(std::string_view prefix, std::vector<FieldViolation> v) {
  for (FieldViolation& f : v) f.field = std::string(prefix) + "." + f.field;
  return v;
}

}  // namespace

std::string EncodeCatalog(const std::vector<CatalogEntry>& entries) {
  Json out = Json::array();
  for (const CatalogEntry& e : entries) out.push_back(EncodeEntry(e));
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<std::vector<CatalogEntry>> DecodeCatalog(std::string_view text, const Progress& progress) {
  MOTCUA_ASSIGN_OR_RETURN(const Json doc, internal::ParseJson(text));
  JsonReader r;
  std::vector<CatalogEntry> out;
  if (!doc.is_array()) {
    r.Fail("(root)", "a catalog file is a JSON array of procedures");
    return r.ToStatus("malformed catalog").error();
  }
  out.reserve(doc.size());
  for (std::size_t i = 0; i < doc.size(); ++i) {
    if (!doc[i].is_object()) {
      r.Fail(At("", i), "must be an object");
      continue;
    }
    out.push_back(EntryDecoder(doc[i], At("", i), r).Decode());
    if (progress && (i + 1) % kProgressEvery == 0) progress(i + 1, doc.size());
  }
  if (!r.ok()) {
    return r.ToStatus("malformed catalog: " + std::to_string(r.error_count()) + " errors").error();
  }
  return out;
}

std::vector<FieldViolation> ValidateCatalog(const std::vector<CatalogEntry>& entries,
                                            const catalog::KnownPerformers& known) {
  std::vector<FieldViolation> out;
  std::set<std::pair<std::string, int>> seen;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string prefix = At("", i);
    const catalog::ProcedureVersion& v = entries[i].procedure.draft;
    if (!seen.insert({v.code(), v.number}).second) {
      out.push_back({prefix + ".version.number",
                     v.code() + " version " + std::to_string(v.number) + " is listed twice"});
    }
    if (Status s = catalog::CheckInvariants(v); !s) {
      out.push_back({prefix + ".version", s.error().message});
    }
    if (v.state != catalog::VersionState::kDraft) {
      for (FieldViolation& f : Prefixed(prefix, catalog::ValidateProcedure(v.procedure))) {
        out.push_back(std::move(f));
      }
    }
    const std::vector<catalog::Workflow>& wfs = entries[i].workflows;
    for (std::size_t k = 0; k < wfs.size(); ++k) {
      for (FieldViolation& f : Prefixed(At(prefix + ".workflows", k),
                                        catalog::ValidateWorkflow(wfs[k], v.procedure, known))) {
        out.push_back(std::move(f));
      }
    }
  }
  return out;
}

}  // namespace motcua::catalog_io
