#include "storage/sql/dossier_codec.h"

#include <nlohmann/json.hpp>

namespace motcua::storage::sql {
namespace {

using dossier::Dossier;
using dossier::Event;
using nlohmann::json;

// Type errors and unknown names become this, caught at the decoders' boundary.
struct Corrupt {
  std::string what;
};

template <typename T>
T Must(std::optional<T> v, std::string_view what) {
  if (!v) throw Corrupt{std::string(what)};
  return *v;
}

template <typename T>
T Must(Result<T> r, std::string_view what) {
  if (!r.ok()) throw Corrupt{std::string(what)};
  return std::move(r).value();
}

json OptInstant(const std::optional<Instant>& t) { return t ? json(*t) : json(nullptr); }
std::optional<Instant> OptInstantFrom(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<Instant>();
}

json ApplicantJson(const dossier::Applicant& a) {
  return {{"organisation", a.organisation},
          {"name", a.name},
          {"id_number", a.id_number},
          {"address", a.address},
          {"commune_code", a.commune_code},
          {"phone", a.phone},
          {"email", a.email}};
}

dossier::Applicant ApplicantFrom(const json& j) {
  dossier::Applicant a;
  a.organisation = j.at("organisation").get<bool>();
  a.name = j.at("name").get<std::string>();
  a.id_number = j.at("id_number").get<std::string>();
  a.address = j.at("address").get<std::string>();
  a.commune_code = j.at("commune_code").get<std::string>();
  a.phone = j.at("phone").get<std::string>();
  a.email = j.at("email").get<std::string>();
  return a;
}

json ComponentsJson(const std::vector<dossier::ProvidedComponent>& components) {
  json out = json::array();
  for (const auto& c : components) {
    out.push_back({{"name", c.name},
                   {"provision", dossier::ProvisionName(c.provision)},
                   {"digitized", c.digitized},
                   {"file_sha256", c.file_sha256}});
  }
  return out;
}

std::vector<dossier::ProvidedComponent> ComponentsFrom(const json& j) {
  std::vector<dossier::ProvidedComponent> out;
  for (const json& c : j) {
    out.push_back({c.at("name").get<std::string>(),
                   Must(dossier::ParseProvision(c.at("provision").get<std::string>()), "provision"),
                   c.at("digitized").get<bool>(), c.at("file_sha256").get<std::string>()});
  }
  return out;
}

}  // namespace

std::string EncodeDossier(const Dossier& d) {
  const json j = {
      {"id", d.id},
      {"code", d.code},
      {"procedure_code", d.procedure_code},
      {"procedure_version", d.procedure_version},
      {"case_name", d.case_name},
      {"channel", static_cast<int>(d.channel)},
      {"receiving_unit", d.receiving_unit},
      {"competent_unit", d.competent_unit},
      {"applicant", ApplicantJson(d.applicant)},
      {"components", ComponentsJson(d.components)},
      {"postal_item", d.postal_item},
      {"paid_online", d.paid_online},
      {"synced_national", d.synced_national},
      {"version", d.version},
      {"state", dossier::NationalCode(d.state)},
      {"received", d.received},
      {"step_id", d.step_id},
      {"step_unit", d.step_unit},
      {"step_kind", catalog::StepKindName(d.step_kind)},
      {"step_counted", d.step_counted},
      {"step_budget", d.step_budget},
      {"assignee", d.assignee},
      {"step_entered", d.step_entered},
      {"paused", d.paused},
      {"waiting_agency", d.waiting_agency},
      {"supplement_open", d.supplement_open},
      {"supplement_requests", d.supplement_requests},
      {"refusal_proposed", d.refusal_proposed},
      {"apology_drafted", d.apology_drafted},
      {"apology_signed", d.apology_signed},
      {"new_appointment", OptInstant(d.new_appointment)},
      {"apology_reason", d.apology_reason},
      {"outcome", d.outcome == dossier::Outcome::kRefusal ? "refusal" : "granted"},
      {"originals_in_transit", d.originals_in_transit},
      {"submitted_at", d.submitted_at},
      {"received_at", d.received_at},
      {"resolved_at", d.resolved_at},
      {"returned_at", d.returned_at},
      {"stopped_at", d.stopped_at},
      {"updated_at", d.updated_at},
  };
  return j.dump();
}

Result<Dossier> DecodeDossier(std::string_view text) {
  try {
    const json j = json::parse(text);
    Dossier d;
    d.id = j.at("id").get<std::int64_t>();
    d.code = j.at("code").get<std::string>();
    d.procedure_code = j.at("procedure_code").get<std::string>();
    d.procedure_version = j.at("procedure_version").get<int>();
    d.case_name = j.at("case_name").get<std::string>();
    d.channel = static_cast<catalog::Channel>(j.at("channel").get<int>());
    d.receiving_unit = j.at("receiving_unit").get<std::string>();
    d.competent_unit = j.at("competent_unit").get<std::string>();
    d.applicant = ApplicantFrom(j.at("applicant"));
    d.components = ComponentsFrom(j.at("components"));
    d.postal_item = j.at("postal_item").get<std::string>();
    d.paid_online = j.at("paid_online").get<bool>();
    d.synced_national = j.at("synced_national").get<bool>();
    d.version = j.at("version").get<std::int64_t>();
    const int state = j.at("state").get<int>();
    if (state < 1 || state > 10) throw Corrupt{"state"};
    d.state = static_cast<dossier::State>(state);
    d.received = j.at("received").get<bool>();
    d.step_id = j.at("step_id").get<std::string>();
    d.step_unit = j.at("step_unit").get<std::string>();
    d.step_kind = Must(catalog::ParseStepKind(j.at("step_kind").get<std::string>()), "step_kind");
    d.step_counted = j.at("step_counted").get<bool>();
    d.step_budget = j.at("step_budget").get<std::int64_t>();
    d.assignee = j.at("assignee").get<std::int64_t>();
    d.step_entered = j.at("step_entered").get<Instant>();
    d.paused = j.at("paused").get<bool>();
    d.waiting_agency = j.at("waiting_agency").get<bool>();
    d.supplement_open = j.at("supplement_open").get<bool>();
    d.supplement_requests = j.at("supplement_requests").get<int>();
    d.refusal_proposed = j.at("refusal_proposed").get<bool>();
    d.apology_drafted = j.at("apology_drafted").get<bool>();
    d.apology_signed = j.at("apology_signed").get<bool>();
    d.new_appointment = OptInstantFrom(j.at("new_appointment"));
    d.apology_reason = j.at("apology_reason").get<std::string>();
    d.outcome = j.at("outcome").get<std::string>() == "refusal" ? dossier::Outcome::kRefusal
                                                                : dossier::Outcome::kGranted;
    d.originals_in_transit = j.at("originals_in_transit").get<bool>();
    d.submitted_at = j.at("submitted_at").get<Instant>();
    d.received_at = j.at("received_at").get<Instant>();
    d.resolved_at = j.at("resolved_at").get<Instant>();
    d.returned_at = j.at("returned_at").get<Instant>();
    d.stopped_at = j.at("stopped_at").get<Instant>();
    d.updated_at = j.at("updated_at").get<Instant>();
    return d;
  } catch (const Corrupt& c) {
    return Error::Internal("stored dossier is corrupt: " + c.what);
  } catch (const std::exception& e) {
    return Error::Internal(std::string("stored dossier is corrupt: ") + e.what());
  }
}

std::string EncodeEvent(const Event& e) {
  const json j = {
      {"seq", e.seq},
      {"kind", dossier::EventKindName(e.kind)},
      {"at", e.at},
      {"actor_id", e.actor_id},
      {"actor", e.actor},
      {"unit_code", e.unit_code},
      {"step_id", e.step_id},
      {"to_step", e.to_step},
      {"to_kind", catalog::StepKindName(e.to_kind)},
      {"to_counted", e.to_counted},
      {"to_budget", e.to_budget},
      {"to_unit", e.to_unit},
      {"to_user", e.to_user},
      {"reason", e.reason},
      {"pause", calendar::ExclusionTypeName(e.pause)},
      {"new_appointment", OptInstant(e.new_appointment)},
      {"items", e.items},
      {"return_method", dossier::ReturnMethodName(e.return_method)},
      {"reference", e.reference},
  };
  return j.dump();
}

Result<Event> DecodeEvent(std::string_view text) {
  try {
    const json j = json::parse(text);
    Event e;
    e.seq = j.at("seq").get<std::int64_t>();
    e.kind = Must(dossier::ParseEventKind(j.at("kind").get<std::string>()), "kind");
    e.at = j.at("at").get<Instant>();
    e.actor_id = j.at("actor_id").get<std::int64_t>();
    e.actor = j.at("actor").get<std::string>();
    e.unit_code = j.at("unit_code").get<std::string>();
    e.step_id = j.at("step_id").get<std::string>();
    e.to_step = j.at("to_step").get<std::string>();
    e.to_kind = Must(catalog::ParseStepKind(j.at("to_kind").get<std::string>()), "to_kind");
    e.to_counted = j.at("to_counted").get<bool>();
    e.to_budget = j.at("to_budget").get<std::int64_t>();
    e.to_unit = j.at("to_unit").get<std::string>();
    e.to_user = j.at("to_user").get<std::int64_t>();
    e.reason = j.at("reason").get<std::string>();
    e.pause = Must(calendar::ParseExclusionType(j.at("pause").get<std::string>()), "pause");
    e.new_appointment = OptInstantFrom(j.at("new_appointment"));
    e.items = j.at("items").get<std::vector<std::string>>();
    e.return_method =
        Must(dossier::ParseReturnMethod(j.at("return_method").get<std::string>()), "return_method");
    e.reference = j.at("reference").get<std::string>();
    return e;
  } catch (const Corrupt& c) {
    return Error::Internal("stored dossier event is corrupt: " + c.what);
  } catch (const std::exception& ex) {
    return Error::Internal(std::string("stored dossier event is corrupt: ") + ex.what());
  }
}

}  // namespace motcua::storage::sql
