#include "catalog_io/national.h"

#include <utility>

#include "catalog/national_parse.h"
#include "catalog/validate.h"
#include "catalog_io/json_reader.h"
#include "catalog_io/national_legal.h"
#include "catalog_io/text.h"

namespace motcua::catalog_io {
namespace {

using catalog::Confidence;
using catalog::ImportNote;
using internal::At;
using internal::Json;
using internal::JsonReader;
using internal::Key;
using internal::Need;

// Decodes one record into `out`, recording malformed members in `r` and doubtful values in
// `notes`.
class RecordDecoder {
 public:
  RecordDecoder(const Json& rec, std::string path, JsonReader& r)
      : rec_(rec), path_(std::move(path)), r_(r) {}

  ImportedProcedure Decode() {
    catalog::Procedure& p = out_.draft.procedure;
    p.code = r_.String(rec_, path_, "code", Need::kRequired);
    if (!p.code.empty() && !catalog::IsValidProcedureCode(p.code)) {
      Note("code", Confidence::kDoubtful, p.code, "not a national procedure code (1.001193)");
    }
    p.name = r_.String(rec_, path_, "name", Need::kRequired);
    DecodeField(p);
    DecodeLevel(p);
    p.location_independent = r_.Bool(rec_, path_, "isNonTerritorial");
    DecodeChannels(p);
    DecodeOnlineLevel(p);
    DecodeCases(p);
    DecodeSteps(p);
    p.subjects = Names("subjectTypesDetails");
    p.requirements = r_.Text(rec_, path_, "requirementsAndConditions");
    DecodeLegalBasis(p);
    DecodeOutcomes(p);
    DecodeAgencies(p);
    DecodeDecision();
    DecodeKeywords();
    const std::string state = r_.String(rec_, path_, "state");
    if (!state.empty() && state != "ACTIVE") {
      Note("", Confidence::kDoubtful, state, "the record's state is not ACTIVE");
    }
    out_.draft.import_notes = out_.notes;
    return std::move(out_);
  }

 private:
  std::string P(std::string_view key) const { return Key(path_, key); }

  void Note(std::string path, Confidence c, std::string text, std::string note) {
    out_.notes.push_back({std::move(path), c, std::move(text), std::move(note)});
  }
  void Note(std::optional<ImportNote> note) {
    if (note) out_.notes.push_back(std::move(*note));
  }

  // The `name` members of an array of {name, code} objects.
  std::vector<std::string> Names(std::string_view key) {
    std::vector<std::string> out;
    const Json* a = r_.Array(rec_, path_, key);
    if (a == nullptr) return out;
    for (std::size_t i = 0; i < a->size(); ++i) {
      std::string name = r_.String((*a)[i], At(P(key), i), "name");
      if (!name.empty()) out.push_back(std::move(name));
    }
    return out;
  }

  void DecodeField(catalog::Procedure& p) {
    const Json* a = r_.Array(rec_, path_, "categoriesDetails");
    if (a == nullptr || a->empty()) {
      Note("field", Confidence::kUnparsed, "", "no field (categoriesDetails is empty)");
      return;
    }
    const std::string path = At(P("categoriesDetails"), 0);
    p.field = r_.String((*a)[0], path, "name");
    p.field_code = r_.String((*a)[0], path, "code");
    if (a->size() > 1) {
      std::string all;
      for (std::size_t i = 0; i < a->size(); ++i) {
        if (i > 0) all += "; ";
        all += r_.String((*a)[i], At(P("categoriesDetails"), i), "name");
      }
      Note("field", Confidence::kDoubtful, all, "several fields: the first kept");
    }
  }

  void DecodeLevel(catalog::Procedure& p) {
    catalog::LevelFlags f;
    f.is_province = r_.Bool(rec_, path_, "isProvince");
    f.is_ward = r_.Bool(rec_, path_, "isWard");
    f.is_ministry = r_.Bool(rec_, path_, "isMinistry");
    f.is_vertical = r_.Bool(rec_, path_, "isVertical");
    f.is_other_agency = r_.Bool(rec_, path_, "isOtherAgency");
    f.is_undetermined = r_.Bool(rec_, path_, "isUndetermined");
    const catalog::ParsedLevel level = catalog::MapLevel(f);
    p.level = level.level;
    Note(catalog::NoteFor("level", level));
  }

  void DecodeChannels(catalog::Procedure& p) {
    const Json* methods = r_.Array(rec_, path_, "executionMethods");
    if (methods == nullptr || methods->empty()) {
      Note("channels", Confidence::kUnparsed, "", "no execution method (executionMethods empty)");
      return;
    }
    for (std::size_t i = 0; i < methods->size(); ++i) {
      const Json& m = (*methods)[i];
      const std::string path = At(P("executionMethods"), i);
      const std::string method = r_.String(m, path, "submissionMethod", Need::kRequired);
      const std::optional<double> amount = r_.Number(m, path, "processingTime");
      const std::string unit = r_.String(m, path, "processingTimeUnit");
      const std::string text = r_.String(m, path, "description");
      if (method.empty()) continue;
      const Result<catalog::Channel> channel = catalog::MapSubmissionMethod(method);
      if (!channel) {
        r_.Fail(Key(path, "submissionMethod"),
                "unknown submission method \"" + method + "\" (DIRECT, ONLINE, POSTAL)");
        continue;
      }
      const std::string cpath = "channels." + std::string(catalog::ChannelName(*channel));
      if (catalog::FindChannel(p, *channel) != nullptr) {
        Note(cpath, Confidence::kDoubtful, method, "channel listed twice: the first kept");
        continue;
      }
      catalog::ChannelSpec spec;
      spec.channel = *channel;
      const catalog::ParsedTime time = catalog::ParseStructuredTime(amount.value_or(0), unit, text);
      spec.time = time.time;
      Note(catalog::NoteFor(cpath + ".time", time));
      spec.description = text;
      DecodeFees(m, path, cpath, spec);
      p.channels.push_back(std::move(spec));
    }
  }

  void DecodeFees(const Json& m, const std::string& path, const std::string& cpath,
                  catalog::ChannelSpec& spec) {
    const Json* fees = r_.Array(m, path, "fees");
    if (fees == nullptr) return;
    for (std::size_t j = 0; j < fees->size(); ++j) {
      const Json& f = (*fees)[j];
      const std::string fpath = At(Key(path, "fees"), j);
      const std::string fee_path = At(cpath + ".fees", j);
      const std::string type = r_.String(f, fpath, "type");
      const std::optional<double> value = r_.Number(f, fpath, "value");
      const std::string description = r_.String(f, fpath, "description");
      if (!f.is_object()) continue;
      if (type != "FEE" && type != "CHARGE") {
        Note(fee_path + ".type", Confidence::kDoubtful, type,
             "fee type is neither FEE nor CHARGE: read as a fee (lệ phí)");
      }
      const catalog::ParsedFee fee = catalog::ParseFee(type, value, description);
      Note(catalog::NoteFor(fee_path, fee));
      spec.fees.push_back(fee.fee);
    }
  }

  void DecodeOnlineLevel(catalog::Procedure& p) {
    const bool full = r_.Bool(rec_, path_, "isFullProcess");
    const bool offline_only = r_.Bool(rec_, path_, "isOfflineOnly");
    const bool has_online = catalog::AcceptsChannel(p, catalog::Channel::kOnline);
    const catalog::ParsedOnlineLevel level =
        catalog::MapOnlineLevel(full, offline_only, has_online);
    p.online_level = level.level;
    if (level.confidence != Confidence::kParsed) {
      Note("online_level", level.confidence, "", level.note);
    } else if (offline_only && has_online) {
      Note("online_level", Confidence::kDoubtful, "isOfflineOnly",
           "offline only, yet an ONLINE execution method is listed: kept none");
    }
  }

  catalog::Component DecodeComponent(const Json& c, const std::string& path,
                                     const std::string& comp_path) {
    catalog::Component out;
    out.code = r_.String(c, path, "code");
    out.name = r_.String(c, path, "name");
    if (c.is_object() && out.name.empty()) {
      Note(comp_path + ".name", Confidence::kUnparsed, "", "component without a name");
    }
    out.original_qty = static_cast<int>(r_.Integer(c, path, "originalQty", 0).value_or(0));
    out.copy_qty = static_cast<int>(r_.Integer(c, path, "copyQty", 0).value_or(0));
    if (c.is_object() && out.original_qty == 0 && out.copy_qty == 0) {
      Note(comp_path + ".original_qty", Confidence::kUnparsed, "0",
           "neither an original nor a copy is asked for");
    }
    const bool required = r_.Bool(c, path, "required", true);
    out.condition = r_.String(c, path, "condition");
    if (!required) {
      out.requirement = catalog::Requirement::kConditional;
      if (out.condition.empty()) {
        Note(comp_path + ".requirement", Confidence::kDoubtful, "required: false",
             "not required and no condition given: kept as conditional");
      }
    }
    const Json* attachments = r_.Array(c, path, "attachments");
    const bool has_form = r_.Bool(c, path, "hasElectronicForm");
    if (attachments != nullptr && !attachments->empty()) {
      const std::string apath = At(Key(path, "attachments"), 0);
      out.form_code = r_.String((*attachments)[0], apath, "code");
      if (out.form_code.empty()) out.form_code = r_.String((*attachments)[0], apath, "name");
      if (attachments->size() > 1) {
        Note(comp_path + ".form_code", Confidence::kDoubtful, out.form_code,
             "several attachments: the first kept as the form");
      }
    } else if (has_form) {
      Note(comp_path + ".form_code", Confidence::kDoubtful, "hasElectronicForm",
           "an electronic form is announced but none is attached");
    }
    const std::string source = r_.String(c, path, "source");
    if (!source.empty()) {
      Note(comp_path + ".reusable_from_data_store", Confidence::kDoubtful, source,
           "component source not interpreted: not marked reusable");
    }
    return out;
  }

  catalog::Case DecodeCase(const Json& c, const std::string& path, std::size_t index) {
    catalog::Case out;
    out.name = r_.String(c, path, "name");
    out.code = r_.String(c, path, "code");
    const Json* comps = r_.Array(c, path, "profileComponents");
    if (comps == nullptr) return out;
    for (std::size_t j = 0; j < comps->size(); ++j) {
      out.components.push_back(DecodeComponent((*comps)[j], At(Key(path, "profileComponents"), j),
                                               At(At("cases", index) + ".components", j)));
    }
    return out;
  }

  void DecodeCases(catalog::Procedure& p) {
    const Json* cases = r_.Array(rec_, path_, "executionCases");
    if (cases != nullptr) {
      for (std::size_t i = 0; i < cases->size(); ++i) {
        p.cases.push_back(DecodeCase((*cases)[i], At(P("executionCases"), i), i));
      }
    }
    if (p.cases.empty()) {
      // Some records list their components at the record level instead.
      const Json* comps = r_.Array(rec_, path_, "profileComponents");
      if (comps != nullptr && !comps->empty()) p.cases.push_back(DecodeCase(rec_, path_, 0));
    }
    if (p.cases.empty()) Note("cases", Confidence::kUnparsed, "", "no dossier components");
  }

  void DecodeSteps(catalog::Procedure& p) {
    const Json* steps = r_.Array(rec_, path_, "executionSteps");
    if (steps == nullptr) return;
    for (std::size_t i = 0; i < steps->size(); ++i) {
      const std::string path = At(P("executionSteps"), i);
      const std::string name = r_.String((*steps)[i], path, "name");
      std::string text = r_.Text((*steps)[i], path, "description");
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
      if (!p.steps.empty()) p.steps += '\n';
      if (!name.empty()) p.steps += name + (text.empty() ? "" : ": ");
      p.steps += text;
    }
  }

  void DecodeLegalBasis(catalog::Procedure& p) {
    const Json* a = r_.Array(rec_, path_, "legalBasisesDetails");
    if (a == nullptr) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string path = At(P("legalBasisesDetails"), i);
      const std::string code = r_.String((*a)[i], path, "code");
      const std::string name = r_.String((*a)[i], path, "name");
      const std::string lpath = At("legal_basis", i);
      catalog::LegalBasis basis;
      basis.summary = name;
      internal::DocumentNumber number = internal::FindDocumentNumber(code);
      if (number.number.empty()) number = internal::FindDocumentNumber(name);
      basis.number = number.number;
      basis.issuer = number.issuer;
      basis.date = internal::FindDate(name);
      if (number.number.empty()) {
        Note(lpath + ".number", Confidence::kUnparsed, code.empty() ? name : code,
             "no document number found");
      } else if (number.truncated) {
        Note(lpath + ".number", Confidence::kDoubtful, code.empty() ? name : code, number.why);
      }
      p.legal_basis.push_back(std::move(basis));
    }
  }

  void DecodeOutcomes(catalog::Procedure& p) {
    const Json* a = r_.Array(rec_, path_, "resultsDetails");
    if (a == nullptr) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string path = At(P("resultsDetails"), i);
      catalog::Outcome o;
      o.code = r_.String((*a)[i], path, "code");
      o.name = r_.String((*a)[i], path, "name");
      p.outcomes.push_back(std::move(o));
    }
  }

  void Agencies(std::string_view key, const char* role) {
    const Json* a = r_.Array(rec_, path_, key);
    if (a == nullptr) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string path = At(P(key), i);
      AgencyRef ref{role, r_.String((*a)[i], path, "code"), r_.String((*a)[i], path, "name")};
      if (!ref.code.empty() || !ref.name.empty()) out_.agencies.push_back(std::move(ref));
    }
  }

  void DecodeAgencies(catalog::Procedure&) {
    Agencies("departmentsAuthority", "authority");
    Agencies("departmentsExecuting", "executing");
    Agencies("departmentsAuthorized", "authorized");
    Agencies("departmentsCoordinating", "coordinating");
    std::string authorities;
    std::string executing;
    for (const AgencyRef& a : out_.agencies) {
      std::string& list = a.role == "authority" ? authorities : executing;
      if (a.role != "authority" && a.role != "executing") continue;
      if (!list.empty()) list += ", ";
      list += a.name.empty() ? a.code : a.name + " (" + a.code + ")";
    }
    if (!authorities.empty()) {
      Note("competent_units", Confidence::kUnparsed, authorities,
           "national authorities are not unit codes of the province: map them to units");
    } else {
      Note("competent_units", Confidence::kUnparsed, executing,
           executing.empty() ? "no competent authority and no executing agency in the record"
                             : "no competent authority in the record (executing agencies shown)");
    }
  }

  void DecodeDecision() {
    std::string number = r_.String(rec_, path_, "decisionNo");
    std::optional<calendar::CivilDate> date;
    const Json* proposal = r_.Object(rec_, path_, "procedureProposal");
    if (proposal != nullptr) {
      const std::string ppath = P("procedureProposal");
      const std::optional<std::int64_t> ms =
          r_.Integer(*proposal, ppath, "decisionDate", INT64_MIN / 2);
      if (ms) date = calendar::FromDayNumber(calendar::LocalDayOf(*ms / 1000));
      if (number.empty()) {
        std::string from = r_.String(*proposal, ppath, "decisionNumber");
        if (from.empty()) from = r_.String(*proposal, ppath, "proposalNumber");
        if (!from.empty()) {
          Note("decision", Confidence::kDoubtful, from,
               "decisionNo is empty: took the number of the publication proposal");
          number = from;
        }
      }
    }
    if (number.empty()) {
      Note("decision", Confidence::kUnparsed, "", "no decision number");
      return;
    }
    const internal::DocumentNumber parsed = internal::FindDocumentNumber(number);
    if (parsed.number.empty() || parsed.truncated) {
      Note("decision.number", parsed.number.empty() ? Confidence::kUnparsed : Confidence::kDoubtful,
           number, parsed.number.empty() ? "not a document number" : parsed.why);
    }
    if (!date) {
      Note("decision.date", Confidence::kUnparsed, number, "the decision has no date");
      return;
    }
    out_.decision = catalog::Decision{number, *date};
  }

  void DecodeKeywords() {
    const Json* k = r_.Member(rec_, path_, "keywords");
    if (k == nullptr) return;
    if (k->is_string()) {
      out_.keywords = SplitList(k->get_ref<const std::string&>());
    } else if (k->is_array()) {
      for (const std::string& s : r_.Strings(rec_, path_, "keywords")) {
        if (!s.empty()) out_.keywords.push_back(s);
      }
    } else {
      r_.Fail(P("keywords"), "must be a string or an array of strings");
    }
  }

  const Json& rec_;
  std::string path_;
  JsonReader& r_;
  ImportedProcedure out_;
};

}  // namespace

Result<ImportedProcedure> DecodeNationalPortalRecord(std::string_view json_text) {
  MOTCUA_ASSIGN_OR_RETURN(const Json rec, internal::ParseJson(json_text));
  JsonReader r;
  if (!rec.is_object()) {
    r.Fail("(root)", "a national procedure record must be a JSON object");
    return r.ToStatus("malformed national procedure record").error();
  }
  ImportedProcedure out = RecordDecoder(rec, "", r).Decode();
  if (!r.ok()) return r.ToStatus("malformed national procedure record").error();
  return out;
}

Result<std::vector<ImportedProcedure>> DecodeNationalPortalRecords(std::string_view json_text,
                                                                   const Progress& progress) {
  MOTCUA_ASSIGN_OR_RETURN(const Json doc, internal::ParseJson(json_text));
  JsonReader r;
  std::vector<ImportedProcedure> out;
  if (doc.is_object()) {
    out.push_back(RecordDecoder(doc, "", r).Decode());
  } else if (doc.is_array()) {
    for (std::size_t i = 0; i < doc.size(); ++i) {
      if (!doc[i].is_object()) {
        r.Fail(At("", i), "a national procedure record must be a JSON object");
        continue;
      }
      out.push_back(RecordDecoder(doc[i], At("", i), r).Decode());
      if (progress && (i + 1) % kProgressEvery == 0) progress(i + 1, doc.size());
    }
  } else {
    r.Fail("(root)", "must be a record or an array of records");
  }
  if (!r.ok()) return r.ToStatus("malformed national procedure records").error();
  return out;
}

}  // namespace motcua::catalog_io
