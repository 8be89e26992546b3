// Attachments of dossiers: upload by content, download within the dossier's scope.
#include <algorithm>

#include "app/dossier_internal.h"
#include "app/dossier_service.h"
#include "app/secrets.h"

namespace motcua::app {

Result<Attachment> DossierService::Upload(const Actor& actor, std::string bytes,
                                          const std::string& declared_type) {
  if (!actor.user) return Error::Unauthenticated("login required");
  if (bytes.empty()) return Error::InvalidField("file", "the file is empty");
  if (bytes.size() > max_attachment_bytes_) {
    return Error::ResourceExhausted("the file is larger than " +
                                    std::to_string(max_attachment_bytes_) + " bytes")
        .WithReason("payload-too-large");
  }
  const std::optional<std::string> type = DetectMediaType(bytes);
  if (!type) {
    return Error::InvalidField("file",
                               "only PDF, JPEG and PNG files are accepted; this file is none of "
                               "them (its name does not matter, its content does)");
  }
  const std::string declared = declared_type.substr(0, declared_type.find(';'));
  if (!declared.empty() && declared != "application/octet-stream" && declared != *type) {
    return Error::InvalidField("Content-Type", "the file is " + *type + ", not " + declared);
  }
  Attachment a;
  a.sha256 = Sha256Hex(bytes);
  a.size = static_cast<std::int64_t>(bytes.size());
  a.media_type = *type;
  a.created_at = clock_.Now();
  a.data = std::move(bytes);
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto existing, tx.FindAttachment(a.sha256));
    if (existing) a.created_at = existing->created_at;
    return tx.PutAttachment(a, actor.user->id, clock_.Now());
  }));
  a.data.clear();
  return a;
}

Result<Attachment> DossierService::Download(const Actor& actor,
                                            std::optional<std::int64_t> dossier_id,
                                            const std::string& sha256) {
  const Error hidden = Error::NotFound("no such file");
  if (!IsSha256Hex(sha256)) return hidden;
  if (dossier_id) {
    MOTCUA_ASSIGN_OR_RETURN(auto view, Get(actor, *dossier_id));
    // The files its components and supplements name; the result document has its own route.
    const dossier::Dossier& d = view.stored.value;
    const auto names = [&](const std::vector<dossier::ProvidedComponent>& components) {
      return std::any_of(components.begin(), components.end(),
                         [&](const auto& c) { return c.file_sha256 == sha256; });
    };
    if (!names(d.components) && !names(d.supplied)) return hidden;
  } else if (!actor.user) {
    return Error::Unauthenticated("login required");
  }
  std::optional<Attachment> found;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    if (!dossier_id) {
      MOTCUA_ASSIGN_OR_RETURN(bool mine, tx.AttachmentUploadedBy(sha256, actor.user->id));
      if (!mine) return hidden;
    }
    MOTCUA_ASSIGN_OR_RETURN(found, tx.FindAttachment(sha256));
    return Ok();
  }));
  if (!found) return hidden;
  return std::move(*found);
}

bool DossierService::ResultReleased(const dossier::Dossier& d) {
  return d.state == dossier::State::kReturned ||
         (d.state == dossier::State::kResolved && d.channel == dossier::Channel::kOnline);
}

Result<Attachment> DossierService::DownloadResult(const Actor& actor, std::int64_t dossier_id) {
  MOTCUA_ASSIGN_OR_RETURN(auto view, Get(actor, dossier_id));
  const dossier::Dossier& d = view.stored.value;
  if (d.result_sha256.empty()) return Error::NotFound("the dossier has no result document");
  if (actor.user && actor.user->roles.Has(identity::Role::kCitizen) && !ResultReleased(d)) {
    return Error::FailedPrecondition("the result is not handed over yet")
        .WithReason("result-not-released");
  }
  std::optional<Attachment> found;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(found, tx.FindAttachment(d.result_sha256));
    return Ok();
  }));
  if (!found) return Error::Internal("the result document is missing from storage");
  return std::move(*found);
}

namespace internal {
namespace {

// Whether the actor uploaded the file named in `field` (a system actor names any stored file).
Status CheckUploaded(ReadTx& tx, const Actor& actor, const std::string& sha256,
                     const std::string& field) {
  if (!IsSha256Hex(sha256)) {
    return Error::InvalidField(field, "must be the 64 lowercase hex digits of a SHA-256");
  }
  bool ok = actor.system;
  if (!ok && actor.user) {
    MOTCUA_ASSIGN_OR_RETURN(ok, tx.AttachmentUploadedBy(sha256, actor.user->id));
  }
  if (!ok) return Error::InvalidField(field, "you uploaded no file with this SHA-256");
  return Ok();
}

}  // namespace

Status CheckResultFile(ReadTx& tx, const Actor& actor, const std::string& sha256) {
  MOTCUA_RETURN_IF_ERROR(CheckUploaded(tx, actor, sha256, "file_sha256"));
  MOTCUA_ASSIGN_OR_RETURN(auto file, tx.FindAttachment(sha256));
  if (!file || file->media_type != "application/pdf") {
    return Error::InvalidField("file_sha256", "the result document is a PDF");
  }
  return Ok();
}

Status CheckAttachments(ReadTx& tx, const Actor& actor,
                        const std::vector<dossier::ProvidedComponent>& components,
                        const std::string& applicant_id_number) {
  for (std::size_t i = 0; i < components.size(); ++i) {
    const dossier::ProvidedComponent& c = components[i];
    const std::string field = "components[" + std::to_string(i) + "].file_sha256";
    if (c.file_sha256.empty()) {
      if (c.provision == dossier::Provision::kElectronic) {
        return Error::InvalidField(field, "an electronic component needs its uploaded file");
      }
      continue;
    }
    const bool reuse =
        c.provision == dossier::Provision::kReused || c.provision == dossier::Provision::kDataStore;
    if (reuse && IsSha256Hex(c.file_sha256) && !applicant_id_number.empty()) {
      // A document already digitized is not asked for again: its file is taken by its hash.
      MOTCUA_ASSIGN_OR_RETURN(bool held, HeldFor(tx, applicant_id_number, c.file_sha256));
      if (held) continue;
    }
    MOTCUA_RETURN_IF_ERROR(CheckUploaded(tx, actor, c.file_sha256, field));
  }
  return Ok();
}

}  // namespace internal
}  // namespace motcua::app
