#include "storage/sql/dossier_codec.h"

#include <algorithm>
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

std::optional<Instant> OptInstantFrom(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<Instant>();
}

// One JSON object written straight into text, member by member. Encoding through a document
// tree cost a map node per member, and a dossier is encoded on every command. Text other than
// plain ASCII goes through the JSON library's serializer, which escapes it and refuses invalid
// UTF-8; member names are our identifiers.
class ObjectText {
 public:
  explicit ObjectText(std::string& out) : out_(out) { out_ += '{'; }
  ~ObjectText() { out_ += '}'; }
  ObjectText& Int(std::string_view key, std::int64_t v) {
    Key(key);
    out_ += std::to_string(v);
    return *this;
  }
  ObjectText& Bool(std::string_view key, bool v) {
    Key(key);
    out_ += v ? "true" : "false";
    return *this;
  }
  ObjectText& OptInt(std::string_view key, const std::optional<std::int64_t>& v) {
    Key(key);
    out_ += v ? std::to_string(*v) : "null";
    return *this;
  }
  ObjectText& Str(std::string_view key, std::string_view v) {
    Key(key);
    String(out_, v);
    return *this;
  }
  // The member's value written by `f` into the text.
  template <typename F>
  ObjectText& Member(std::string_view key, F f) {
    Key(key);
    f(out_);
    return *this;
  }

  static void String(std::string& out, std::string_view v) {
    const bool plain = std::all_of(
        v.begin(), v.end(), [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
    if (!plain) {
      out += json(std::string(v)).dump();
      return;
    }
    out += '"';
    out += v;
    out += '"';
  }

 private:
  void Key(std::string_view key) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += key;
    out_ += "\":";
  }
  std::string& out_;
  bool first_ = true;
};

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

std::vector<dossier::ProvidedComponent> ComponentsFrom(const json& j) {
  std::vector<dossier::ProvidedComponent> out;
  for (const json& c : j) {
    out.push_back({c.at("name").get<std::string>(),
                   Must(dossier::ParseProvision(c.at("provision").get<std::string>()), "provision"),
                   c.at("digitized").get<bool>(), c.at("file_sha256").get<std::string>()});
  }
  return out;
}

// Writes `components` as a JSON array (a Member's value).
auto ComponentsText(const std::vector<dossier::ProvidedComponent>& components) {
  return [&components](std::string& text) {
    text += '[';
    for (std::size_t i = 0; i < components.size(); ++i) {
      const auto& c = components[i];
      if (i > 0) text += ',';
      ObjectText(text)
          .Str("name", c.name)
          .Str("provision", dossier::ProvisionName(c.provision))
          .Bool("digitized", c.digitized)
          .Str("file_sha256", c.file_sha256);
    }
    text += ']';
  };
}

// Members added after the first dossiers were stored: absent in older documents.
std::vector<dossier::ProvidedComponent> OptComponentsFrom(const json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() ? std::vector<dossier::ProvidedComponent>{} : ComponentsFrom(*it);
}
std::string OptStringFrom(const json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() ? std::string() : it->get<std::string>();
}

}  // namespace

std::string EncodeDossier(const Dossier& d) {
  std::string out;
  out.reserve(2048);
  {
    ObjectText o(out);
    o.Int("id", d.id)
        .Str("code", d.code)
        .Str("procedure_code", d.procedure_code)
        .Int("procedure_version", d.procedure_version)
        .Str("case_name", d.case_name)
        .Int("channel", static_cast<int>(d.channel))
        .Str("receiving_unit", d.receiving_unit)
        .Str("competent_unit", d.competent_unit)
        .Member("applicant",
                [&](std::string& text) {
                  const dossier::Applicant& a = d.applicant;
                  ObjectText(text)
                      .Bool("organisation", a.organisation)
                      .Str("name", a.name)
                      .Str("id_number", a.id_number)
                      .Str("address", a.address)
                      .Str("commune_code", a.commune_code)
                      .Str("phone", a.phone)
                      .Str("email", a.email);
                })
        .Member("components", ComponentsText(d.components))
        .Str("postal_item", d.postal_item)
        .Bool("paid_online", d.paid_online)
        .Bool("synced_national", d.synced_national)
        .Int("version", d.version)
        .Int("state", dossier::NationalCode(d.state))
        .Bool("received", d.received)
        .Str("step_id", d.step_id)
        .Str("step_unit", d.step_unit)
        .Str("step_kind", catalog::StepKindName(d.step_kind))
        .Bool("step_counted", d.step_counted)
        .Int("step_budget", d.step_budget)
        .Int("assignee", d.assignee)
        .Int("step_entered", d.step_entered)
        .Bool("paused", d.paused)
        .Bool("waiting_agency", d.waiting_agency)
        .Bool("supplement_open", d.supplement_open)
        .Int("supplement_requests", d.supplement_requests)
        .Bool("refusal_proposed", d.refusal_proposed)
        .Bool("apology_drafted", d.apology_drafted)
        .Bool("apology_signed", d.apology_signed)
        .OptInt("new_appointment", d.new_appointment)
        .Str("apology_reason", d.apology_reason)
        .Str("outcome", d.outcome == dossier::Outcome::kRefusal ? "refusal" : "granted")
        .Bool("originals_in_transit", d.originals_in_transit)
        .Member("supplied", ComponentsText(d.supplied))
        .Str("result_sha256", d.result_sha256)
        .Int("submitted_at", d.submitted_at)
        .Int("received_at", d.received_at)
        .Int("resolved_at", d.resolved_at)
        .Int("returned_at", d.returned_at)
        .Int("stopped_at", d.stopped_at)
        .Int("updated_at", d.updated_at);
  }
  return out;
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
    d.supplied = OptComponentsFrom(j, "supplied");
    d.result_sha256 = OptStringFrom(j, "result_sha256");
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
  std::string out;
  out.reserve(512);
  {
    ObjectText o(out);
    o.Int("seq", e.seq)
        .Str("kind", dossier::EventKindName(e.kind))
        .Int("at", e.at)
        .Int("actor_id", e.actor_id)
        .Str("actor", e.actor)
        .Str("unit_code", e.unit_code)
        .Str("step_id", e.step_id)
        .Str("to_step", e.to_step)
        .Str("to_kind", catalog::StepKindName(e.to_kind))
        .Bool("to_counted", e.to_counted)
        .Int("to_budget", e.to_budget)
        .Str("to_unit", e.to_unit)
        .Int("to_user", e.to_user)
        .Str("reason", e.reason)
        .Str("pause", calendar::ExclusionTypeName(e.pause))
        .OptInt("new_appointment", e.new_appointment)
        .Member("items",
                [&](std::string& text) {
                  text += '[';
                  for (std::size_t i = 0; i < e.items.size(); ++i) {
                    if (i > 0) text += ',';
                    ObjectText::String(text, e.items[i]);
                  }
                  text += ']';
                })
        .Str("return_method", dossier::ReturnMethodName(e.return_method))
        .Str("reference", e.reference)
        .Member("components", ComponentsText(e.components))
        .Str("file_sha256", e.file_sha256);
  }
  return out;
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
    e.components = OptComponentsFrom(j, "components");
    e.file_sha256 = OptStringFrom(j, "file_sha256");
    return e;
  } catch (const Corrupt& c) {
    return Error::Internal("stored dossier event is corrupt: " + c.what);
  } catch (const std::exception& ex) {
    return Error::Internal(std::string("stored dossier event is corrupt: ") + ex.what());
  }
}

}  // namespace motcua::storage::sql
