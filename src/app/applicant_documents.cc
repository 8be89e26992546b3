// The applicant's data store (kho dữ liệu): what is already digitized for a person, so that the
// reception counter does not ask for it again (Decree 45/2020 as amended by 118/2025) and
// records the reuse instead.
#include <algorithm>
#include <charconv>

#include "app/audit_service.h"
#include "app/dossier_internal.h"

namespace motcua::app {
namespace {

using HeldDocument = DossierService::HeldDocument;

// The dossiers of an applicant are read this many at a time.
constexpr int kDossierBatch = 50;

bool IsPersonalNumber(const std::string& s) {
  return s.size() == 12 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "<dossier id>.<position>": the first document not yet shown is the position-th (0-based) of
// dossier <dossier id>.
std::string EncodeHeldCursor(std::int64_t dossier_id, std::size_t position) {
  return std::to_string(dossier_id) + "." + std::to_string(position);
}

Result<std::pair<std::int64_t, std::size_t>> DecodeHeldCursor(const std::string& cursor) {
  const Error bad = Error::InvalidField("cursor", "is not a cursor of this list");
  const std::size_t dot = cursor.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == cursor.size() || dot > 18 ||
      cursor.size() - dot - 1 > 9) {
    return bad;
  }
  std::int64_t id = 0;
  std::size_t position = 0;
  const char* mid = cursor.data() + dot;
  const char* end = cursor.data() + cursor.size();
  auto a = std::from_chars(cursor.data(), mid, id);
  auto b = std::from_chars(mid + 1, end, position);
  if (a.ec != std::errc() || a.ptr != mid || b.ec != std::errc() || b.ptr != end || id <= 0) {
    return bad;
  }
  return std::make_pair(id, position);
}

}  // namespace

namespace internal {

std::vector<HeldDocument> HeldDocumentsOf(const dossier::Dossier& d,
                                          const std::string& procedure_name) {
  std::vector<HeldDocument> out;
  if (!d.result_sha256.empty()) {
    HeldDocument h;
    h.name = "Kết quả: " + procedure_name;
    h.kind = "result";
    h.sha256 = d.result_sha256;
    h.at = d.resolved_at;
    out.push_back(std::move(h));
  }
  for (const dossier::ProvidedComponent& c : d.components) {
    if (c.file_sha256.empty() || c.provision == dossier::Provision::kReused ||
        c.provision == dossier::Provision::kDataStore) {
      continue;
    }
    HeldDocument h;
    h.name = c.name;
    h.kind = "component";
    h.sha256 = c.file_sha256;
    h.at = d.received_at > 0 ? d.received_at : d.submitted_at;
    out.push_back(std::move(h));
  }
  for (HeldDocument& h : out) {
    h.dossier_id = d.id;
    h.dossier_code = d.code;
  }
  return out;
}

Result<bool> HeldFor(ReadTx& tx, const std::string& id_number, const std::string& sha256) {
  std::int64_t before = 0;
  for (;;) {
    MOTCUA_ASSIGN_OR_RETURN(auto rows,
                            tx.ListDossiersOfApplicant(id_number, before, kDossierBatch));
    for (const StoredDossier& s : rows) {
      for (const HeldDocument& h : HeldDocumentsOf(s.value, "")) {
        if (h.sha256 == sha256) return true;
      }
    }
    if (static_cast<int>(rows.size()) < kDossierBatch) return false;
    before = rows.back().value.id;
  }
}

}  // namespace internal

Result<DossierService::HeldPage> DossierService::ApplicantDocuments(const Actor& actor,
                                                                    const std::string& id_number,
                                                                    const std::string& cursor,
                                                                    int limit) {
  if (!actor.user) return Error::Unauthenticated("login required");
  if (!identity::Grants(actor.user->roles, identity::Permission::kDossierReceive)) {
    return Error::PermissionDenied("only reception officers look into an applicant's data store");
  }
  if (!IsPersonalNumber(id_number)) {
    return Error::InvalidField("id_number",
                               "must be the 12 digits of a personal identification number");
  }
  std::int64_t from_id = 0;  // the dossier the cursor points into (0: from the newest)
  std::size_t skip = 0;
  if (!cursor.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(auto c, DecodeHeldCursor(cursor));
    std::tie(from_id, skip) = c;
  }
  limit = std::clamp(limit <= 0 ? 50 : limit, 1, 200);
  HeldPage page;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    page = {};
    std::int64_t before = from_id > 0 ? from_id + 1 : 0;
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(auto rows,
                              tx.ListDossiersOfApplicant(id_number, before, kDossierBatch));
      for (const StoredDossier& s : rows) {
        const dossier::Dossier& d = s.value;
        MOTCUA_ASSIGN_OR_RETURN(auto entry,
                                CataloguedOf(tx, d.procedure_code, d.procedure_version));
        auto held = internal::HeldDocumentsOf(d, entry->version.procedure.name);
        for (std::size_t i = d.id == from_id ? skip : 0; i < held.size(); ++i) {
          if (static_cast<int>(page.items.size()) == limit) {
            page.next = EncodeHeldCursor(d.id, i);
            return Ok();
          }
          MOTCUA_ASSIGN_OR_RETURN(auto file, tx.FindAttachmentInfo(held[i].sha256));
          if (!file) continue;  // named but never stored (imported history): nothing to reuse
          held[i].file = std::move(*file);
          page.items.push_back(std::move(held[i]));
        }
      }
      if (static_cast<int>(rows.size()) < kDossierBatch) return Ok();
      before = rows.back().value.id;
    }
  }));
  // Looking into a person's documents is recorded, and nothing is shown unless it was.
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    audit::Record rec = AuditRecordFor(actor, clock_.Now(), "applicant.documents", "applicant",
                                       id_number, "documents=" + std::to_string(page.items.size()));
    return tx.AppendAudit(rec);
  }));
  return page;
}

}  // namespace motcua::app
