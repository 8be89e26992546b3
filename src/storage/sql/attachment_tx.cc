// Attachments by content (migration 6), written once for both back ends.
#include "storage/sql/sql_tx.h"

namespace motcua::storage::sql {
namespace {

inline constexpr Statement kFindAttachment{
    "attachment_find",
    "SELECT sha256, size, media_type, created_at, data FROM attachments WHERE sha256 = $1"};
inline constexpr Statement kFindAttachmentInfo{
    "attachment_find_info",
    "SELECT sha256, size, media_type, created_at FROM attachments WHERE sha256 = $1"};
inline constexpr Statement kUploadedBy{
    "attachment_uploaded_by",
    "SELECT 1 FROM attachment_uploads WHERE sha256 = $1 AND user_id = $2"};
inline constexpr Statement kInsertAttachment{
    "attachment_insert",
    "INSERT INTO attachments (sha256, size, media_type, created_at, data) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING"};
inline constexpr Statement kInsertUpload{
    "attachment_upload_insert",
    "INSERT INTO attachment_uploads (sha256, user_id, uploaded_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (sha256, user_id) DO NOTHING"};

}  // namespace

Result<std::optional<app::Attachment>> SqlTx::FindAttachment(const std::string& sha256) {
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn_.QueryOne(kFindAttachment, {Text(sha256)}));
  if (!row) return std::optional<app::Attachment>();
  return std::optional<app::Attachment>(
      app::Attachment{row->Text(0), row->Int(1), row->Text(2), row->Int(3), row->Bytes(4)});
}

Result<std::optional<app::Attachment>> SqlTx::FindAttachmentInfo(const std::string& sha256) {
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn_.QueryOne(kFindAttachmentInfo, {Text(sha256)}));
  if (!row) return std::optional<app::Attachment>();
  return std::optional<app::Attachment>(
      app::Attachment{row->Text(0), row->Int(1), row->Text(2), row->Int(3), {}});
}

Result<bool> SqlTx::AttachmentUploadedBy(const std::string& sha256, identity::UserId user) {
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn_.QueryOne(kUploadedBy, {Text(sha256), Int(user)}));
  return row.has_value();
}

Status SqlTx::PutAttachment(const app::Attachment& a, identity::UserId user, Instant at) {
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(
      kInsertAttachment,
      {Text(a.sha256), Int(a.size), Text(a.media_type), Int(a.created_at), Blob{a.data}}));
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kInsertUpload, {Text(a.sha256), Int(user), Int(at)}));
  return Ok();
}

}  // namespace motcua::storage::sql
