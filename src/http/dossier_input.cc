// The dossier API's request bodies: see dossier_input.h.
#include "http/dossier_input.h"

#include <string>
#include <vector>

#include "calendar/due.h"
#include "catalog/procedure.h"
#include "common/time.h"
#include "http/json_input.h"

namespace motcua::http {

using dossier::Command;
using dossier::CommandKind;

namespace {

// "components": [{name, provision, file_sha256}], each violation named by its index.
std::vector<dossier::ProvidedComponent> Components(JsonInput& in) {
  std::vector<dossier::ProvidedComponent> out;
  if (auto list = in.ObjectList("components", {.max_items = 100})) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      JsonInput& c = (*list)[i];
      dossier::ProvidedComponent pc;
      pc.name = c.String("name", {.required = true, .max_bytes = 1000}).value_or("");
      const std::string prov =
          c.String("provision", {.required = true, .max_bytes = 20}).value_or("");
      if (auto p = dossier::ParseProvision(prov)) {
        pc.provision = *p;
      } else if (!prov.empty()) {
        c.Violation("provision",
                    "must be paper-original, paper-copy, electronic, reused, data-store or "
                    "missing");
      }
      pc.file_sha256 = c.String("file_sha256", {.max_bytes = 64}).value_or("");
      pc.digitized = pc.provision == dossier::Provision::kElectronic;
      out.push_back(std::move(pc));
      in.Merge("components[" + std::to_string(i) + "]", c);
    }
  }
  return out;
}

}  // namespace

Result<ReceptionBody> DecodeReception(std::string_view body, bool counter) {
  MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(body));
  ReceptionBody out;
  app::ReceptionInput& r = out.input;
  r.procedure_code = in.String("procedure_code", {.required = true, .max_bytes = 60}).value_or("");
  r.procedure_version = static_cast<int>(in.Int("procedure_version", {.min = 1}).value_or(0));
  r.case_name = in.String("case_name", {.max_bytes = 500}).value_or("");
  const std::string channel =
      in.String("channel", {.required = counter, .max_bytes = 20}).value_or("online");
  auto parsed = catalog::ParseChannel(channel);
  if (!parsed.ok()) {
    in.Violation("channel", "must be in-person, postal or online");
  } else {
    r.channel = *parsed;
  }
  r.postal_item = in.String("postal_item", {.max_bytes = 40}).value_or("");
  r.paid_online = in.Bool("paid_online").value_or(false);
  if (auto a = in.Object("applicant", true)) {
    dossier::Applicant& ap = r.applicant;
    ap.organisation = a->Bool("organisation").value_or(false);
    ap.name = a->String("name", {.required = true, .min_bytes = 1, .max_bytes = 300}).value_or("");
    ap.id_number =
        a->String("id_number", {.required = true, .min_bytes = 9, .max_bytes = 20}).value_or("");
    ap.address = a->String("address", {.max_bytes = 500}).value_or("");
    ap.commune_code = a->String("commune_code", {.max_bytes = 35}).value_or("");
    ap.phone = a->String("phone", {.max_bytes = 20}).value_or("");
    ap.email = a->String("email", {.max_bytes = 254}).value_or("");
    if (!ap.phone.empty() && !dossier::IsPhoneNumber(ap.phone)) {
      a->Violation("phone", "8 to 15 digits, optionally with a leading + and spaces");
    }
    if (!ap.email.empty() && !dossier::IsEmailAddress(ap.email)) {
      a->Violation("email", "is not an e-mail address");
    }
    in.Merge("applicant", *a);
  }
  r.components = Components(in);
  if (counter) {
    const std::string decision = in.String("decision", {.max_bytes = 20}).value_or("receive");
    if (decision == "guide") {
      out.decision = app::ReceptionDecision::kGuide;
    } else if (decision == "refuse") {
      out.decision = app::ReceptionDecision::kRefuse;
    } else if (decision != "receive") {
      in.Violation("decision", "must be receive, guide or refuse");
    }
    out.details.reason = in.String("reason", {.max_bytes = 2000}).value_or("");
    out.details.items = in.StringList("items", {.max_items = 100, .max_bytes = 1000})
                            .value_or(std::vector<std::string>{});
  }
  MOTCUA_RETURN_IF_ERROR(in.Finish());
  return out;
}

Result<Command> DecodeCommand(std::string_view body, std::int64_t& version) {
  MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(body));
  Command c;
  const std::string name = in.String("command", {.required = true, .max_bytes = 40}).value_or("");
  if (auto kind = dossier::ParseCommandKind(name)) {
    c.kind = *kind;
    // Receive, guide and refuse also check an online dossier (state 1) or a guided one (5 before
    // reception); a new dossier is created by POST /api/v1/dossiers or /dossiers/online.
    if (c.kind == CommandKind::kSubmit) {
      in.Violation("command", "a submission creates a dossier: POST /api/v1/dossiers/online");
    }
  } else if (!name.empty()) {
    in.Violation("command", "unknown command \"" + name + "\"");
  }
  version = in.Int("version", {.required = true, .min = 0}).value_or(0);
  c.to_step = in.String("to_step", {.max_bytes = 100}).value_or("");
  c.to_unit = in.String("to_unit", {.max_bytes = 35}).value_or("");
  c.to_user = in.Int("to_user", {.min = 1}).value_or(0);
  c.reason = in.String("reason", {.max_bytes = 4000}).value_or("");
  c.reference = in.String("reference", {.max_bytes = 100}).value_or("");
  c.items = in.StringList("items", {.max_items = 100, .max_bytes = 1000})
                .value_or(std::vector<std::string>{});
  c.components = Components(in);  // receive-supplement: the files brought
  c.file_sha256 = in.String("file_sha256", {.max_bytes = 64}).value_or("");  // issue: the result
  if (auto pause = in.String("pause", {.max_bytes = 40})) {
    auto t = calendar::ParseExclusionType(*pause);
    if (t.ok()) {
      c.pause = *t;
    } else {
      in.Violation("pause", "unknown kind of pause");
    }
  }
  if (auto method = in.String("return_method", {.max_bytes = 20})) {
    if (auto m = dossier::ParseReturnMethod(*method)) {
      c.return_method = *m;
    } else {
      in.Violation("return_method", "must be counter, postal or online");
    }
  }
  if (auto when = in.String("new_appointment", {.max_bytes = 40})) {
    Instant t = 0;
    if (ParseRfc3339(*when, &t)) {
      c.new_appointment = t;
    } else {
      in.Violation("new_appointment", "must be an RFC 3339 instant");
    }
  }
  MOTCUA_RETURN_IF_ERROR(in.Finish());
  return c;
}

}  // namespace motcua::http
