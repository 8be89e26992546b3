// The dossier forms as PDF (Circular 03/2025/TT-VPCP, Annex I; docs/forms.md): 01 receipt and
// appointment, 02 supplement request, 03 refusal, 04 apology, 05 stop notice, 06 process control
// sheet. Each is filled from the dossier's events and its units' names and rendered by
// src/render. A form that the dossier's history does not contain (04 before an apology) is 409.
//
// Form 01 carries a QR code of the public lookup link. The lookup secret is stored only as a hash,
// so the link includes it only when the caller passes ?secret= (the answer that created the
// dossier had it); otherwise the link carries the code alone.
#include <httplib.h>

#include "app/secrets.h"
#include "http/encode.h"
#include "http/routes.h"
#include "render/forms.h"
#include "render/vn_format.h"

namespace motcua::http {
namespace {

using dossier::Event;
using dossier::EventKind;
using identity::Permission;
using json = nlohmann::json;

// Names of the units a form mentions, and the province's place name for the dateline.
struct Names {
  std::map<std::string, identity::Unit> units;  // by code
  std::map<std::string, std::string> people;    // full names by username
  std::string place;

  std::string Unit(const std::string& code) const {
    auto it = units.find(code);
    return it == units.end() ? code : it->second.name;
  }
  render::Agency AgencyOf(const std::string& code) const {
    render::Agency a;
    auto it = units.find(code);
    a.name = it == units.end() ? code : it->second.name;
    if (it != units.end() && it->second.parent_id) {
      for (const auto& [c, u] : units) {
        if (u.id == *it->second.parent_id) a.parent = u.name;
      }
    }
    a.place = place;
    return a;
  }
  std::string Person(const std::string& username) const {
    auto it = people.find(username);
    return it == people.end() ? username : it->second;
  }
};

// "UBND tỉnh Sơn Hà (dữ liệu mẫu)" -> "Sơn Hà".
std::string PlaceOf(const std::string& root_name) {
  std::string place = root_name;
  for (const char* prefix : {"UBND tỉnh ", "UBND thành phố ", "Ủy ban nhân dân tỉnh "}) {
    if (place.rfind(prefix, 0) == 0) place = place.substr(std::string(prefix).size());
  }
  if (auto paren = place.find(" ("); paren != std::string::npos) place.resize(paren);
  return place;
}

Result<Names> LoadNames(app::Store& store, const app::DossierView& v) {
  Names names;
  MOTCUA_RETURN_IF_ERROR(store.Read([&](app::ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto all, tx.ListUnits());
    for (auto& u : all) {
      if (!u.parent_id) names.place = PlaceOf(u.name);
      names.units[u.code] = std::move(u);
    }
    for (const Event& e : v.events) {
      if (names.people.contains(e.actor)) continue;
      MOTCUA_ASSIGN_OR_RETURN(auto user, tx.FindUserByUsername(e.actor));
      names.people[e.actor] = user ? user->full_name : e.actor;
    }
    return Ok();
  }));
  return names;
}

render::Applicant ApplicantOf(const dossier::Applicant& a) {
  return {a.name, a.id_number, a.address, a.phone, a.email, ""};
}

const Event* Last(const app::DossierView& v, EventKind kind) {
  for (auto it = v.events.rbegin(); it != v.events.rend(); ++it) {
    if (it->kind == kind) return &*it;
  }
  return nullptr;
}

Error NotAvailable(const std::string& form, const std::string& why) {
  return Error::FailedPrecondition("form " + form + " is not available: " + why)
      .WithReason("form-not-available");
}

std::string ProvisionText(dossier::Provision p) {
  switch (p) {
    case dossier::Provision::kPaperOriginal: return "Bản chính";
    case dossier::Provision::kPaperCopy: return "Bản sao";
    case dossier::Provision::kElectronic: return "Bản điện tử";
    case dossier::Provision::kReused: return "Tái sử dụng";
    case dossier::Provision::kDataStore: return "Lấy từ kho dữ liệu";
    case dossier::Provision::kMissing: return "Chưa có";
  }
  return "";
}

// The legal time as the procedure wrote it, else from its duration: "10 ngày làm việc".
std::string LegalTimeText(const catalog::Procedure& p, dossier::Channel channel) {
  const catalog::ChannelSpec* spec = catalog::FindChannel(p, channel);
  if (spec == nullptr) spec = catalog::FindChannel(p, dossier::Channel::kInPerson);
  if (spec == nullptr) return "Theo quy định";
  if (!spec->time.text.empty()) return spec->time.text;
  if (!spec->time.duration) return "Theo quy định";
  const calendar::Duration& d = *spec->time.duration;
  if (d.is_calendar_days()) return std::to_string(d.calendar_days()) + " ngày";
  const std::int64_t s = d.working_seconds();
  if (s % calendar::kWorkingDaySeconds == 0) {
    return std::to_string(s / calendar::kWorkingDaySeconds) + " ngày làm việc";
  }
  return std::to_string(s / 3600) + " giờ làm việc";
}

std::optional<std::int64_t> FeeOf(const catalog::Procedure& p, dossier::Channel channel) {
  const catalog::ChannelSpec* spec = catalog::FindChannel(p, channel);
  if (spec == nullptr) return std::nullopt;
  std::int64_t total = 0;
  for (const auto& f : spec->fees) {
    if (!f.amount_vnd) return std::nullopt;
    total += *f.amount_vnd;
  }
  return total;
}

struct FormInput {
  const app::DossierView& view;
  const catalog::Procedure& procedure;
  const Names& names;
  std::string lookup_url;
  std::vector<dossier::Handover> handovers;
};

Result<std::string> Form01(const FormInput& in) {
  const auto& d = in.view.stored.value;
  const Event* received = Last(in.view, EventKind::kReceived);
  if (received == nullptr) return NotAvailable("01", "the dossier was not received");
  render::ReceiptSlip f;
  f.agency = in.names.AgencyOf(d.receiving_unit);
  f.dossier_code = d.code;
  f.receiving_unit = in.names.Unit(d.receiving_unit);
  f.applicant = ApplicantOf(d.applicant);
  f.request = in.view.procedure_name;
  for (const auto& c : d.components) {
    f.components.push_back({c.name, ProvisionText(c.provision)});
  }
  f.legal_time = LegalTimeText(in.procedure, d.channel);
  f.received_at = received->at;
  f.due_at = in.view.times.appointment.value_or(0);
  f.return_place = in.names.Unit(d.receiving_unit);
  f.fee_dong = FeeOf(in.procedure, d.channel);
  f.lookup_url = in.lookup_url;
  f.receiver_name = in.names.Person(received->actor);
  return render::RenderReceiptSlip(f);
}

Result<std::string> Form02(const FormInput& in) {
  const auto& d = in.view.stored.value;
  const Event* e = Last(in.view, EventKind::kSupplementRequested);
  if (e == nullptr) e = Last(in.view, EventKind::kGuided);
  if (e == nullptr) return NotAvailable("02", "no supplement was asked for");
  render::SupplementRequest f;
  f.agency = in.names.AgencyOf(e->unit_code.empty() ? d.receiving_unit : e->unit_code);
  f.issued_at = e->at;
  f.dossier_code = d.code;
  f.applicant = ApplicantOf(d.applicant);
  f.request = in.view.procedure_name;
  f.items = e->items;
  f.reason = e->reason;
  f.officer_name = in.names.Person(e->actor);
  return render::RenderSupplementRequest(f);
}

Result<std::string> Form03(const FormInput& in) {
  const auto& d = in.view.stored.value;
  const Event* e = Last(in.view, EventKind::kRefused);
  if (e == nullptr) return NotAvailable("03", "the dossier was not refused at reception");
  render::Refusal f;
  f.agency = in.names.AgencyOf(d.receiving_unit);
  f.issued_at = e->at;
  f.dossier_code = d.code;
  f.receiving_unit = in.names.Unit(d.receiving_unit);
  f.applicant = ApplicantOf(d.applicant);
  f.request = in.view.procedure_name;
  f.reason = e->reason;
  f.officer_name = in.names.Person(e->actor);
  return render::RenderRefusal(f);
}

Result<std::string> Form04(const FormInput& in) {
  const auto& d = in.view.stored.value;
  const Event* draft = Last(in.view, EventKind::kApologyDrafted);
  if (draft == nullptr) return NotAvailable("04", "no apology was drafted");
  const Event* signed_by = Last(in.view, EventKind::kApologySigned);
  render::Apology f;
  f.agency = in.names.AgencyOf(d.competent_unit);
  f.issued_at = signed_by ? signed_by->at : draft->at;
  f.dossier_code = d.code;
  f.competent_unit = in.names.Unit(d.competent_unit);
  f.applicant = ApplicantOf(d.applicant);
  f.request = in.view.procedure_name;
  f.received_at = d.received_at;
  f.original_due_at = in.view.times.appointment.value_or(0);
  f.reason = draft->reason;
  f.new_due_at = draft->new_appointment.value_or(0);
  f.head_title = "THỦ TRƯỞNG CƠ QUAN";
  if (signed_by) f.head_name = in.names.Person(signed_by->actor);
  f.recipients = {"Như trên", in.names.Unit(d.receiving_unit), "Lưu: VT"};
  return render::RenderApology(f);
}

Result<std::string> Form05(const FormInput& in) {
  const auto& d = in.view.stored.value;
  const Event* e = Last(in.view, EventKind::kStopped);
  if (e == nullptr) return NotAvailable("05", "processing was not stopped");
  render::StopNotice f;
  f.agency = in.names.AgencyOf(d.competent_unit);
  f.issued_at = e->at;
  f.dossier_code = d.code;
  f.competent_unit = in.names.Unit(d.competent_unit);
  f.applicant = ApplicantOf(d.applicant);
  f.request = in.view.procedure_name;
  f.received_at = d.received_at;
  f.reason = e->reason;
  f.signer_title = "THỦ TRƯỞNG CƠ QUAN";
  f.signer_name = in.names.Person(e->actor);
  f.recipients = {"Như trên", "Lưu: VT"};
  return render::RenderStopNotice(f);
}

Result<std::string> Form06(const FormInput& in) {
  const auto& d = in.view.stored.value;
  if (!d.received) return NotAvailable("06", "the dossier was not received");
  render::ControlSheet f;
  f.agency = in.names.AgencyOf(d.receiving_unit);
  f.dossier_code = d.code;
  f.request = in.view.procedure_name;
  f.applicant_name = d.applicant.name;
  f.received_at = d.received_at;
  f.due_at = in.view.times.appointment.value_or(0);
  f.lead_unit = in.names.Unit(d.competent_unit);
  for (const auto& h : in.handovers) {
    render::Handover row;
    row.from_unit = in.names.Unit(h.from_unit);
    row.to_unit = h.to_unit.empty() ? "Tổ chức, cá nhân" : in.names.Unit(h.to_unit);
    row.at = h.left;
    row.timeliness = h.timeliness == dossier::Timeliness::kLate    ? render::Timeliness::kLate
                     : h.timeliness == dossier::Timeliness::kEarly ? render::Timeliness::kEarly
                                                                   : render::Timeliness::kOnTime;
    row.handed_by = in.names.Person(h.actor);
    f.handovers.push_back(std::move(row));
  }
  return render::RenderControlSheet(f);
}

std::string ReturnMethodText(dossier::ReturnMethod m) {
  switch (m) {
    case dossier::ReturnMethod::kCounter: return "Trực tiếp";
    case dossier::ReturnMethod::kPostal: return "Dịch vụ bưu chính";
    case dossier::ReturnMethod::kOnline: return "Trực tuyến";
  }
  return "";
}

// ?unit=H99.01&from=2026-03-01&to=2026-03-31 (local dates, both included; a year at most).
struct LogBookQuery {
  std::string unit;
  calendar::CivilDate from, to;
  bool pdf = false;
};

Result<LogBookQuery> ParseLogBookQuery(const Request& req) {
  LogBookQuery q;
  MOTCUA_ASSIGN_OR_RETURN(auto unit, req.Query("unit"));
  MOTCUA_ASSIGN_OR_RETURN(auto from, req.Query("from"));
  MOTCUA_ASSIGN_OR_RETURN(auto to, req.Query("to"));
  MOTCUA_ASSIGN_OR_RETURN(auto format, req.Query("format"));
  if (!unit || unit->empty()) return Error::InvalidField("unit", "the receiving unit's code");
  q.unit = *unit;
  auto date = [](const std::optional<std::string>& text,
                 const char* field) -> Result<calendar::CivilDate> {
    if (!text) return Error::InvalidField(field, "a date, YYYY-MM-DD");
    auto d = calendar::ParseDate(*text);
    if (!d.ok()) return Error::InvalidField(field, "a date, YYYY-MM-DD");
    return *d;
  };
  MOTCUA_ASSIGN_OR_RETURN(q.from, date(from, "from"));
  MOTCUA_ASSIGN_OR_RETURN(q.to, date(to, "to"));
  const std::int64_t days =
      std::int64_t{calendar::ToDayNumber(q.to)} - calendar::ToDayNumber(q.from);
  if (days < 0) return Error::InvalidField("to", "is before from");
  if (days > 366) return Error::InvalidField("to", "a log book covers a year at most");
  if (format && *format != "json" && *format != "pdf") {
    return Error::InvalidField("format", "must be json or pdf");
  }
  q.pdf = format && *format == "pdf";
  return q;
}

}  // namespace

void AddFormRoutes(ApiServer& server, Services& s) {
  // Form 07, the log book of the dossiers a unit received in a period.
  server.Add(
      {"GET", "/api/v1/logbook", Permission::kDossierRead, "", [&s](Request& req) -> Result<Reply> {
         MOTCUA_ASSIGN_OR_RETURN(auto q, ParseLogBookQuery(req));
         const Instant from = calendar::ToInstant(q.from, 0);
         const Instant to = calendar::ToInstant(q.to, 0) + 24 * 3600;
         MOTCUA_ASSIGN_OR_RETURN(auto entries,
                                 s.dossier->LogBook(req.actor, q.unit, from, to, 5000));
         if (!q.pdf) {
           json items = json::array();
           for (const auto& e : entries) {
             const dossier::Dossier& d = e.stored.value;
             items.push_back(
                 {{"id", d.id},
                  {"code", d.code},
                  {"procedure_name", e.procedure_name},
                  {"applicant_name", d.applicant.name},
                  {"competent_unit", d.competent_unit},
                  {"received_at", InstantJson(d.received_at)},
                  {"appointment", InstantJson(e.stored.clock.appointment)},
                  {"returned_at", d.returned_at > 0 ? InstantJson(d.returned_at) : json(nullptr)},
                  {"return_method", e.return_method
                                        ? json(dossier::ReturnMethodName(*e.return_method))
                                        : json(nullptr)}});
           }
           return Reply::Json(200, Dump({{"unit", q.unit}, {"items", items}}));
         }
         Names names;
         MOTCUA_RETURN_IF_ERROR(s.store.Read([&](app::ReadTx& tx) -> Status {
           MOTCUA_ASSIGN_OR_RETURN(auto all, tx.ListUnits());
           for (auto& u : all) {
             if (!u.parent_id) names.place = PlaceOf(u.name);
             names.units[u.code] = std::move(u);
           }
           return Ok();
         }));
         render::LogBook book;
         book.agency = names.AgencyOf(q.unit);
         book.period = "Từ ngày " + render::FormatShortDate(from) + " đến ngày " +
                       render::FormatShortDate(to - 1);
         for (const auto& e : entries) {
           const dossier::Dossier& d = e.stored.value;
           render::LogEntry row;
           row.dossier_code = d.code;
           row.procedure = e.procedure_name;
           row.applicant = d.applicant.name;
           row.address_phone = d.applicant.address;
           if (!d.applicant.phone.empty()) {
             row.address_phone += (row.address_phone.empty() ? "" : "; ") + d.applicant.phone;
           }
           row.lead_unit = names.Unit(d.competent_unit);
           row.received_at = d.received_at;
           row.due_at = e.stored.clock.appointment.value_or(d.received_at);
           if (d.returned_at > 0) row.returned_at = d.returned_at;
           if (e.return_method) row.return_method = ReturnMethodText(*e.return_method);
           if (e.stored.clock.new_appointment) {
             row.note = "Hẹn lại: " + render::FormatShortDate(*e.stored.clock.new_appointment);
           }
           book.entries.push_back(std::move(row));
         }
         MOTCUA_ASSIGN_OR_RETURN(auto pdf, render::RenderLogBook(book));
         Reply reply{200, std::move(pdf), "application/pdf", {}};
         reply.headers.push_back(
             {"Content-Disposition", "inline; filename=\"mau-07-" + q.unit + ".pdf\""});
         return reply;
       }});
  server.Add(
      {"GET", "/api/v1/dossiers/{id}/forms/{form}", Permission::kDossierRead, "",
       [&s](Request& req) -> Result<Reply> {
         MOTCUA_ASSIGN_OR_RETURN(auto id, req.IdParam("id"));
         const std::string form = req.path_params["form"];
         static const std::set<std::string> kForms = {"01", "02", "03", "04", "05", "06"};
         if (!kForms.contains(form)) {
           return Error::InvalidField("form", "must be 01, 02, 03, 04, 05 or 06");
         }
         MOTCUA_ASSIGN_OR_RETURN(auto view, s.dossier->Get(req.actor, id));
         MOTCUA_ASSIGN_OR_RETURN(auto secret, req.Query("secret"));
         std::string url = s.public_url + "/tra-cuu?ma=" + view.stored.value.code;
         if (secret && app::ConstantTimeEqual(app::Sha256Hex(*secret), view.stored.secret_hash)) {
           url += "&k=" + *secret;
         } else if (secret) {
           return Error::InvalidField("secret", "is not this dossier's lookup secret");
         }
         MOTCUA_ASSIGN_OR_RETURN(auto names, LoadNames(s.store, view));
         MOTCUA_ASSIGN_OR_RETURN(auto procedure,
                                 s.catalog->Version(view.stored.value.procedure_code,
                                                    view.stored.value.procedure_version, true));
         FormInput in{view, procedure.value.procedure, names, url, {}};
         Result<std::string> pdf = Error::Internal("unreachable");
         if (form == "01") pdf = Form01(in);
         if (form == "02") pdf = Form02(in);
         if (form == "03") pdf = Form03(in);
         if (form == "04") pdf = Form04(in);
         if (form == "05") pdf = Form05(in);
         if (form == "06") {
           MOTCUA_ASSIGN_OR_RETURN(in.handovers, s.dossier->Handovers(req.actor, id));
           pdf = Form06(in);
         }
         if (!pdf.ok()) return std::move(pdf).error();
         Reply reply{200, std::move(*pdf), "application/pdf", {}};
         reply.headers.push_back({"Content-Disposition", "inline; filename=\"mau-" + form + "-" +
                                                             view.stored.value.code + ".pdf\""});
         return reply;
       }});
}

}  // namespace motcua::http
