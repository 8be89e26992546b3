// libFuzzer target over the dossier API's request bodies (POST /api/v1/dossiers at a counter,
// /dossiers/online, /dossiers/{id}/commands): whatever bytes arrive, decoding ends in a value or
// in field violations, never a crash, a leak or undefined behaviour. Beyond not crashing:
//   - a refusal is kInvalidArgument with at least one violation, each naming a field;
//   - what is accepted is within the limits (valid UTF-8, no NUL, a known command but "submit");
//   - what is accepted, encoded again as a body, decodes to the same value (and the same body).
// Every body is tried as a counter reception, an online submission and a command.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "calendar/due.h"
#include "catalog/procedure.h"
#include "common/time.h"
#include "http/dossier_input.h"
#include "http/json_input.h"

namespace {

using motcua::http::DecodeCommand;
using motcua::http::DecodeReception;
using motcua::http::ReceptionBody;
using nlohmann::json;

void Check(bool ok) {
  if (!ok) std::abort();
}

// A refusal must say which fields are wrong.
template <typename T>
void CheckRefusal(const motcua::Result<T>& r) {
  const motcua::Error& e = r.error();
  Check(e.code == motcua::ErrorCode::kInvalidArgument);
  Check(!e.fields.empty());
  for (const auto& f : e.fields) Check(!f.field.empty() && !f.message.empty());
}

// Text the decoders let through is stored and printed: well-formed and free of NUL.
void CheckText(const std::string& s) {
  Check(motcua::http::IsValidUtf8(s));
  Check(s.find('\0') == std::string::npos);
}

const char* DecisionName(motcua::app::ReceptionDecision d) {
  switch (d) {
    case motcua::app::ReceptionDecision::kGuide: return "guide";
    case motcua::app::ReceptionDecision::kRefuse: return "refuse";
    case motcua::app::ReceptionDecision::kReceive: break;
  }
  return "receive";
}

// The body that DecodeReception reads back as `b` (json::dump throws, and so aborts the run, on
// text that is not UTF-8).
std::string EncodeReception(const ReceptionBody& b, bool counter) {
  const motcua::app::ReceptionInput& r = b.input;
  json j = {{"procedure_code", r.procedure_code},
            {"case_name", r.case_name},
            {"channel", std::string(motcua::catalog::ChannelName(r.channel))},
            {"postal_item", r.postal_item},
            {"paid_online", r.paid_online}};
  if (r.procedure_version != 0) j["procedure_version"] = r.procedure_version;
  const auto& a = r.applicant;
  j["applicant"] = {{"organisation", a.organisation},
                    {"name", a.name},
                    {"id_number", a.id_number},
                    {"address", a.address},
                    {"commune_code", a.commune_code},
                    {"phone", a.phone},
                    {"email", a.email}};
  j["components"] = json::array();
  for (const auto& c : r.components) {
    j["components"].push_back(
        {{"name", c.name},
         {"provision", std::string(motcua::dossier::ProvisionName(c.provision))},
         {"file_sha256", c.file_sha256}});
  }
  if (counter) {
    j["decision"] = DecisionName(b.decision);
    j["reason"] = b.details.reason;
    j["items"] = b.details.items;
  }
  return j.dump();
}

// The body that DecodeCommand reads back as `c` at `version`.
std::string EncodeCommand(const motcua::dossier::Command& c, std::int64_t version) {
  json j = {{"command", std::string(motcua::dossier::CommandKindName(c.kind))},
            {"version", version},
            {"to_step", c.to_step},
            {"to_unit", c.to_unit},
            {"reason", c.reason},
            {"reference", c.reference},
            {"items", c.items},
            {"pause", std::string(motcua::calendar::ExclusionTypeName(c.pause))},
            {"return_method", std::string(motcua::dossier::ReturnMethodName(c.return_method))}};
  if (c.to_user != 0) j["to_user"] = c.to_user;
  if (c.new_appointment) j["new_appointment"] = motcua::FormatRfc3339Utc(*c.new_appointment);
  return j.dump();
}

void CheckReception(std::string_view body, bool counter) {
  auto decoded = DecodeReception(body, counter);
  if (!decoded.ok()) return CheckRefusal(decoded);
  const ReceptionBody& b = *decoded;
  const auto& r = b.input;
  Check(!r.applicant.name.empty() && r.applicant.id_number.size() >= 9);
  Check(r.components.size() <= 100);
  for (const std::string* s :
       {&r.procedure_code, &r.case_name, &r.postal_item, &r.applicant.name, &r.applicant.id_number,
        &r.applicant.address, &r.applicant.commune_code, &r.applicant.phone, &r.applicant.email,
        &b.details.reason}) {
    CheckText(*s);
  }
  for (const auto& c : r.components) CheckText(c.name);
  for (const auto& item : decoded->details.items) CheckText(item);
  if (!counter) {
    // An online submission takes no decision.
    Check(decoded->decision == motcua::app::ReceptionDecision::kReceive);
    Check(decoded->details.reason.empty() && decoded->details.items.empty());
  }
  const std::string encoded = EncodeReception(*decoded, counter);
  auto again = DecodeReception(encoded, counter);
  Check(again.ok());
  Check(EncodeReception(*again, counter) == encoded);
}

void CheckCommand(std::string_view body) {
  std::int64_t version = -1;
  auto decoded = DecodeCommand(body, version);
  if (!decoded.ok()) return CheckRefusal(decoded);
  Check(version >= 0);
  Check(decoded->kind != motcua::dossier::CommandKind::kSubmit);
  Check(decoded->to_user >= 0 && decoded->items.size() <= 100);
  for (const std::string* s :
       {&decoded->to_step, &decoded->to_unit, &decoded->reason, &decoded->reference}) {
    CheckText(*s);
  }
  for (const auto& item : decoded->items) CheckText(item);
  const std::string encoded = EncodeCommand(*decoded, version);
  std::int64_t version_again = -1;
  auto again = DecodeCommand(encoded, version_again);
  Check(again.ok());
  Check(version_again == version);
  Check(EncodeCommand(*again, version_again) == encoded);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  CheckReception(body, true);
  CheckReception(body, false);
  CheckCommand(body);
  return 0;
}
