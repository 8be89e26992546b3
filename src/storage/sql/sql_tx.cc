#include "storage/sql/sql_tx.h"

#include "calendar/civil_time.h"
#include "storage/sql/calendar_codec.h"

namespace motcua::storage::sql {
namespace {

using identity::Unit;
using identity::User;

// --- units -------------------------------------------------------------------------------------

inline constexpr Statement kFindUnit{
    "unit_find",
    "SELECT id, code, name, kind, parent_id, address, calendar_id, version FROM units "
    "WHERE id = $1"};
inline constexpr Statement kFindUnitByCode{
    "unit_find_code",
    "SELECT id, code, name, kind, parent_id, address, calendar_id, version FROM units "
    "WHERE code = $1"};
inline constexpr Statement kListUnits{
    "unit_list",
    "SELECT id, code, name, kind, parent_id, address, calendar_id, version FROM units "
    "ORDER BY id"};
// The subtree of a unit, walked in SQL: scope filters never load the whole tree.
#define MOTCUA_SUBTREE(param)                       \
  "WITH RECURSIVE scope(id) AS (SELECT CAST(" param \
  " AS BIGINT) "                                    \
  "UNION ALL SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id) "
inline constexpr Statement kListUnitsInSubtree{
    "unit_list_subtree",
    MOTCUA_SUBTREE("$1") "SELECT id, code, name, kind, parent_id, address, calendar_id, version "
                         "FROM units WHERE id IN (SELECT id FROM scope) ORDER BY id"};
inline constexpr Statement kUnitInSubtree{
    "unit_in_subtree", MOTCUA_SUBTREE("$1") "SELECT COUNT(*) FROM scope WHERE id = $2"};
inline constexpr Statement kInsertUnit{
    "unit_insert",
    "INSERT INTO units (code, name, kind, parent_id, address, calendar_id, version) "
    "VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id"};
inline constexpr Statement kUpdateUnit{
    "unit_update",
    "UPDATE units SET code = $1, name = $2, kind = $3, parent_id = $4, address = $5, "
    "calendar_id = $6, version = version + 1 WHERE id = $7 AND version = $8"};
inline constexpr Statement kUnitExists{"unit_exists", "SELECT version FROM units WHERE id = $1"};

Unit UnitFromRow(const Row& r) {
  Unit u;
  u.id = r.Int(0);
  u.code = r.Text(1);
  u.name = r.Text(2);
  u.kind = identity::ParseUnitKind(r.Text(3)).value_or(identity::UnitKind::kOther);
  u.parent_id = r.OptInt(4);
  u.address = r.Text(5);
  u.calendar_id = r.OptInt(6);
  u.version = r.Int(7);
  return u;
}

Value OptInt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Null(); }

// --- users -------------------------------------------------------------------------------------

#define MOTCUA_USER_COLUMNS                                                         \
  "id, username, full_name, unit_id, roles, active, password_hash, failed_logins, " \
  "locked_until, citizen_id, version"
inline constexpr Statement kFindUser{"user_find",
                                     "SELECT " MOTCUA_USER_COLUMNS " FROM users WHERE id = $1"};
inline constexpr Statement kFindUserByName{
    "user_find_name", "SELECT " MOTCUA_USER_COLUMNS " FROM users WHERE username = $1"};
inline constexpr Statement kListUsers{
    "user_list", "SELECT " MOTCUA_USER_COLUMNS " FROM users WHERE id > $1 ORDER BY id LIMIT $2"};
// Users of a unit's subtree: the scope is computed in SQL with a recursive walk of the unit tree.
inline constexpr Statement kListUsersInSubtree{
    "user_list_subtree",
    MOTCUA_SUBTREE(
        "$1") "SELECT " MOTCUA_USER_COLUMNS
              " FROM users "
              "WHERE unit_id IN (SELECT id FROM scope) AND id > $2 ORDER BY id LIMIT $3"};
inline constexpr Statement kInsertUser{
    "user_insert",
    "INSERT INTO users (username, full_name, unit_id, roles, active, password_hash, "
    "failed_logins, locked_until, citizen_id, version) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1) RETURNING id"};
inline constexpr Statement kUpdateUser{
    "user_update",
    "UPDATE users SET username = $1, full_name = $2, unit_id = $3, roles = $4, active = $5, "
    "password_hash = $6, failed_logins = $7, locked_until = $8, citizen_id = $9, "
    "version = version + 1 WHERE id = $10 AND version = $11"};
inline constexpr Statement kUserExists{"user_exists", "SELECT version FROM users WHERE id = $1"};
inline constexpr Statement kSetLoginState{
    "user_login_state", "UPDATE users SET failed_logins = $1, locked_until = $2 WHERE id = $3"};
#undef MOTCUA_USER_COLUMNS
#undef MOTCUA_SUBTREE

User UserFromRow(const Row& r) {
  User u;
  u.id = r.Int(0);
  u.username = r.Text(1);
  u.full_name = r.Text(2);
  u.unit_id = r.Int(3);
  u.roles = identity::RoleSet::FromBits(static_cast<std::uint32_t>(r.Int(4)));
  u.active = r.Bool(5);
  u.password_hash = r.Text(6);
  u.failed_logins = r.Int(7);
  u.locked_until = r.Int(8);
  u.citizen_id = r.Text(9);
  u.version = r.Int(10);
  return u;
}

// --- sessions, tokens, idempotency ---------------------------------------------------------------

inline constexpr Statement kFindSession{
    "session_find",
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
    "WHERE token_hash = $1"};
inline constexpr Statement kInsertSession{
    "session_insert",
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5)"};
inline constexpr Statement kDeleteSession{"session_delete",
                                          "DELETE FROM sessions WHERE token_hash = $1"};
inline constexpr Statement kDeleteUserSessions{"session_delete_user",
                                               "DELETE FROM sessions WHERE user_id = $1"};
inline constexpr Statement kFindToken{
    "token_find",
    "SELECT id, user_id, name, token_hash, created_at, revoked_at FROM api_tokens "
    "WHERE token_hash = $1"};
inline constexpr Statement kListTokens{
    "token_list",
    "SELECT id, user_id, name, token_hash, created_at, revoked_at FROM api_tokens "
    "WHERE user_id = $1 ORDER BY id"};
inline constexpr Statement kInsertToken{
    "token_insert",
    "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) "
    "RETURNING id"};
inline constexpr Statement kRevokeToken{
    "token_revoke", "UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL"};
inline constexpr Statement kFindIdem{
    "idem_find",
    "SELECT key, request_hash, status, body, created_at FROM idempotency WHERE key = $1"};
inline constexpr Statement kInsertIdem{
    "idem_insert",
    "INSERT INTO idempotency (key, request_hash, status, body, created_at) "
    "VALUES ($1, $2, $3, $4, $5)"};

app::ApiToken TokenFromRow(const Row& r) {
  return {r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Int(4), r.OptInt(5)};
}

// --- audit ---------------------------------------------------------------------------------------

// Taking the chain head with an UPDATE locks its row until commit (PostgreSQL) and runs on the
// single writer (SQLite): concurrent appends queue here, so the chain never forks.
inline constexpr Statement kAdvanceHead{
    "audit_head_advance", "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash"};
inline constexpr Statement kSetHeadHash{"audit_head_hash",
                                        "UPDATE audit_head SET hash = $1 WHERE id = 1"};
inline constexpr Statement kReadHead{"audit_head_read",
                                     "SELECT seq, hash FROM audit_head WHERE id = 1"};
inline constexpr Statement kSaveHead{"audit_head_save",
                                     "UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1"};
inline constexpr Statement kInsertAudit{
    "audit_insert",
    "INSERT INTO audit_log (seq, at, actor_user_id, actor, action, object_type, object_id, "
    "address, result, detail, request_id, prev_hash, hash) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"};
inline constexpr Statement kListAudit{
    "audit_list",
    "SELECT seq, at, actor_user_id, actor, action, object_type, object_id, address, result, "
    "detail, request_id, prev_hash, hash FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"};
inline constexpr Statement kCountAudit{"audit_count", "SELECT COUNT(*) FROM audit_log"};

audit::Record AuditFromRow(const Row& r) {
  audit::Record a;
  a.seq = r.Int(0);
  a.at = r.Int(1);
  a.actor_user_id = r.OptInt(2);
  a.actor = r.Text(3);
  a.action = r.Text(4);
  a.object_type = r.Text(5);
  a.object_id = r.Text(6);
  a.address = r.Text(7);
  a.result = r.Text(8);
  a.detail = r.Text(9);
  a.request_id = r.Text(10);
  a.prev_hash = r.Bytes(11);
  a.hash = r.Bytes(12);
  return a;
}

// --- calendars -----------------------------------------------------------------------------------

#define MOTCUA_CALENDAR_COLUMNS "id, code, name, owner_unit_id, weekly, fallback, version"
inline constexpr Statement kFindCalendar{
    "calendar_find", "SELECT " MOTCUA_CALENDAR_COLUMNS " FROM calendars WHERE id = $1"};
inline constexpr Statement kFindCalendarByCode{
    "calendar_find_code", "SELECT " MOTCUA_CALENDAR_COLUMNS " FROM calendars WHERE code = $1"};
inline constexpr Statement kListCalendars{
    "calendar_list", "SELECT " MOTCUA_CALENDAR_COLUMNS " FROM calendars ORDER BY id"};
#undef MOTCUA_CALENDAR_COLUMNS
inline constexpr Statement kInsertCalendar{
    "calendar_insert",
    "INSERT INTO calendars (code, name, owner_unit_id, weekly, fallback, version) "
    "VALUES ($1, $2, $3, $4, $5, 1) RETURNING id"};
inline constexpr Statement kUpdateCalendar{
    "calendar_update",
    "UPDATE calendars SET code = $1, name = $2, owner_unit_id = $3, weekly = $4, fallback = $5, "
    "version = version + 1 WHERE id = $6 AND version = $7"};
inline constexpr Statement kCalendarExists{"calendar_exists",
                                           "SELECT version FROM calendars WHERE id = $1"};
inline constexpr Statement kListCalendarYears{
    "calendar_year_list",
    "SELECT year, source, days FROM calendar_years WHERE calendar_id = $1 ORDER BY year"};
// Replacing a year is a delete and an insert in the caller's transaction: atomic on both back
// ends without dialect-specific upserts.
inline constexpr Statement kDeleteCalendarYear{
    "calendar_year_delete", "DELETE FROM calendar_years WHERE calendar_id = $1 AND year = $2"};
inline constexpr Statement kInsertCalendarYear{
    "calendar_year_insert",
    "INSERT INTO calendar_years (calendar_id, year, source, days) VALUES ($1, $2, $3, $4)"};
inline constexpr Statement kListClosures{
    "calendar_closure_list",
    "SELECT id, calendar_id, day, part_start, part_end, reason FROM calendar_closures "
    "WHERE calendar_id = $1 ORDER BY day, id"};
inline constexpr Statement kInsertClosure{
    "calendar_closure_insert",
    "INSERT INTO calendar_closures (calendar_id, day, part_start, part_end, reason) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id"};
inline constexpr Statement kDeleteClosure{
    "calendar_closure_delete", "DELETE FROM calendar_closures WHERE calendar_id = $1 AND id = $2"};

Result<app::StoredCalendar> CalendarFromRow(const Row& r) {
  app::StoredCalendar c;
  c.id = r.Int(0);
  c.code = r.Text(1);
  c.name = r.Text(2);
  c.owner_unit_id = r.OptInt(3);
  MOTCUA_ASSIGN_OR_RETURN(c.weekly, DecodeWeekly(r.Text(4)));
  MOTCUA_ASSIGN_OR_RETURN(c.fallback, DecodeFallback(r.Text(5)));
  c.version = r.Int(6);
  return c;
}

Result<calendar::YearSchedule> YearFromRow(const Row& r) {
  calendar::YearSchedule y;
  y.year = static_cast<int>(r.Int(0));
  y.source = r.Text(1);
  MOTCUA_RETURN_IF_ERROR(DecodeYearDays(r.Text(2), y));
  return y;
}

Result<app::StoredClosure> ClosureFromRow(const Row& r) {
  app::StoredClosure c;
  c.id = r.Int(0);
  c.calendar_id = r.Int(1);
  auto date = calendar::ParseDate(r.Text(2));
  if (!date) return Error::Internal("stored closure " + std::to_string(c.id) + " has a bad day");
  c.closure.date = *date;
  if (!r.IsNull(3)) {
    c.closure.part = calendar::Session{static_cast<int>(r.Int(3)), static_cast<int>(r.Int(4))};
  }
  c.closure.reason = r.Text(5);
  return c;
}

Result<std::optional<app::StoredCalendar>> DecodeOne(Result<std::optional<Row>> row) {
  if (!row) return std::move(row).error();
  if (!*row) return std::optional<app::StoredCalendar>();
  MOTCUA_ASSIGN_OR_RETURN(auto c, CalendarFromRow(**row));
  return std::optional<app::StoredCalendar>(std::move(c));
}

template <typename T, typename F>
Result<std::optional<T>> FindOne(Result<std::optional<Row>> row, F from_row) {
  if (!row) return std::move(row).error();
  if (!*row) return std::optional<T>();
  return std::optional<T>(from_row(**row));
}

template <typename T, typename F>
Result<std::vector<T>> FindAll(Result<std::vector<Row>> rows, F from_row) {
  if (!rows) return std::move(rows).error();
  std::vector<T> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(from_row(r));
  return out;
}

// An update with a version check changed no row: the object is gone or was changed meanwhile.
Status NoRowUpdated(Connection& conn, const Statement& exists, std::int64_t id,
                    std::string_view what) {
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn.QueryOne(exists, {Int(id)}));
  if (!row) return Error::NotFound(std::string(what) + " " + std::to_string(id) + " not found");
  return Error::Aborted(std::string(what) + " was changed by someone else (current version " +
                        std::to_string(row->Int(0)) + ")")
      .WithReason("version-conflict");
}

int Limit(const app::Page& page) { return page.limit <= 0 ? 50 : page.limit; }

}  // namespace

Result<std::optional<Unit>> SqlTx::FindUnit(identity::UnitId id) {
  return FindOne<Unit>(conn_.QueryOne(kFindUnit, {Int(id)}), UnitFromRow);
}

Result<std::optional<Unit>> SqlTx::FindUnitByCode(const std::string& code) {
  return FindOne<Unit>(conn_.QueryOne(kFindUnitByCode, {Text(code)}), UnitFromRow);
}

Result<std::vector<Unit>> SqlTx::ListUnits() {
  return FindAll<Unit>(conn_.Query(kListUnits, {}), UnitFromRow);
}

Result<std::vector<Unit>> SqlTx::ListUnitsInSubtree(identity::UnitId root) {
  return FindAll<Unit>(conn_.Query(kListUnitsInSubtree, {Int(root)}), UnitFromRow);
}

Result<bool> SqlTx::UnitInSubtree(identity::UnitId root, identity::UnitId unit) {
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn_.QueryOne(kUnitInSubtree, {Int(root), Int(unit)}));
  return row && row->Int(0) > 0;
}

Status SqlTx::InsertUnit(Unit& unit) {
  MOTCUA_ASSIGN_OR_RETURN(
      auto row,
      conn_.QueryOne(kInsertUnit,
                     {Text(unit.code), Text(unit.name), Text(std::string(UnitKindName(unit.kind))),
                      OptInt(unit.parent_id), Text(unit.address), OptInt(unit.calendar_id)}));
  if (!row) return Error::Internal("insert returned no id");
  unit.id = row->Int(0);
  unit.version = 1;
  return Ok();
}

Status SqlTx::UpdateUnit(Unit& unit) {
  MOTCUA_ASSIGN_OR_RETURN(
      auto n, conn_.Exec(kUpdateUnit, {Text(unit.code), Text(unit.name),
                                       Text(std::string(UnitKindName(unit.kind))),
                                       OptInt(unit.parent_id), Text(unit.address),
                                       OptInt(unit.calendar_id), Int(unit.id), Int(unit.version)}));
  if (n == 0) return NoRowUpdated(conn_, kUnitExists, unit.id, "unit");
  ++unit.version;
  return Ok();
}

Result<std::optional<User>> SqlTx::FindUser(identity::UserId id) {
  return FindOne<User>(conn_.QueryOne(kFindUser, {Int(id)}), UserFromRow);
}

Result<std::optional<User>> SqlTx::FindUserByUsername(const std::string& username) {
  return FindOne<User>(conn_.QueryOne(kFindUserByName, {Text(username)}), UserFromRow);
}

Result<std::vector<User>> SqlTx::ListUsers(std::optional<identity::UnitId> subtree,
                                           app::Page page) {
  if (subtree) {
    return FindAll<User>(
        conn_.Query(kListUsersInSubtree, {Int(*subtree), Int(page.after), Int(Limit(page))}),
        UserFromRow);
  }
  return FindAll<User>(conn_.Query(kListUsers, {Int(page.after), Int(Limit(page))}), UserFromRow);
}

Status SqlTx::InsertUser(User& user) {
  MOTCUA_ASSIGN_OR_RETURN(
      auto row,
      conn_.QueryOne(kInsertUser,
                     {Text(user.username), Text(user.full_name), Int(user.unit_id),
                      Int(user.roles.bits()), Bool(user.active), Text(user.password_hash),
                      Int(user.failed_logins), Int(user.locked_until), Text(user.citizen_id)}));
  if (!row) return Error::Internal("insert returned no id");
  user.id = row->Int(0);
  user.version = 1;
  return Ok();
}

Status SqlTx::UpdateUser(User& user) {
  MOTCUA_ASSIGN_OR_RETURN(
      auto n,
      conn_.Exec(kUpdateUser, {Text(user.username), Text(user.full_name), Int(user.unit_id),
                               Int(user.roles.bits()), Bool(user.active), Text(user.password_hash),
                               Int(user.failed_logins), Int(user.locked_until),
                               Text(user.citizen_id), Int(user.id), Int(user.version)}));
  if (n == 0) return NoRowUpdated(conn_, kUserExists, user.id, "user");
  ++user.version;
  return Ok();
}

Status SqlTx::SetLoginState(identity::UserId id, std::int64_t failed_logins, Instant locked_until) {
  MOTCUA_ASSIGN_OR_RETURN(
      auto n, conn_.Exec(kSetLoginState, {Int(failed_logins), Int(locked_until), Int(id)}));
  if (n == 0) return Error::NotFound("user " + std::to_string(id) + " not found");
  return Ok();
}

Result<std::optional<app::Session>> SqlTx::FindSession(const std::string& token_hash) {
  return FindOne<app::Session>(conn_.QueryOne(kFindSession, {Text(token_hash)}), [](const Row& r) {
    return app::Session{r.Text(0), r.Int(1), r.Text(2), r.Int(3), r.Int(4)};
  });
}

Status SqlTx::InsertSession(const app::Session& s) {
  MOTCUA_RETURN_IF_ERROR(
      conn_.Exec(kInsertSession, {Text(s.token_hash), Int(s.user_id), Text(s.csrf_token),
                                  Int(s.created_at), Int(s.expires_at)}));
  return Ok();
}

Status SqlTx::DeleteSession(const std::string& token_hash) {
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kDeleteSession, {Text(token_hash)}));
  return Ok();
}

Status SqlTx::DeleteSessionsOfUser(identity::UserId user_id) {
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kDeleteUserSessions, {Int(user_id)}));
  return Ok();
}

Result<std::optional<app::ApiToken>> SqlTx::FindApiToken(const std::string& token_hash) {
  return FindOne<app::ApiToken>(conn_.QueryOne(kFindToken, {Text(token_hash)}), TokenFromRow);
}

Result<std::vector<app::ApiToken>> SqlTx::ListApiTokens(identity::UserId user_id) {
  return FindAll<app::ApiToken>(conn_.Query(kListTokens, {Int(user_id)}), TokenFromRow);
}

Status SqlTx::InsertApiToken(app::ApiToken& token) {
  MOTCUA_ASSIGN_OR_RETURN(
      auto row, conn_.QueryOne(kInsertToken, {Int(token.user_id), Text(token.name),
                                              Text(token.token_hash), Int(token.created_at)}));
  if (!row) return Error::Internal("insert returned no id");
  token.id = row->Int(0);
  return Ok();
}

Status SqlTx::RevokeApiToken(std::int64_t id, Instant at) {
  MOTCUA_ASSIGN_OR_RETURN(auto n, conn_.Exec(kRevokeToken, {Int(id), Int(at)}));
  if (n == 0) return Error::NotFound("no active token " + std::to_string(id));
  return Ok();
}

Result<std::optional<app::StoredCalendar>> SqlTx::FindCalendar(std::int64_t id) {
  return DecodeOne(conn_.QueryOne(kFindCalendar, {Int(id)}));
}

Result<std::optional<app::StoredCalendar>> SqlTx::FindCalendarByCode(const std::string& code) {
  return DecodeOne(conn_.QueryOne(kFindCalendarByCode, {Text(code)}));
}

Result<std::vector<app::StoredCalendar>> SqlTx::ListCalendars() {
  return DecodeAll<app::StoredCalendar>(conn_.Query(kListCalendars, {}), CalendarFromRow);
}

Result<std::vector<calendar::YearSchedule>> SqlTx::ListCalendarYears(std::int64_t calendar_id) {
  return DecodeAll<calendar::YearSchedule>(conn_.Query(kListCalendarYears, {Int(calendar_id)}),
                                           YearFromRow);
}

Result<std::vector<app::StoredClosure>> SqlTx::ListCalendarClosures(std::int64_t calendar_id) {
  return DecodeAll<app::StoredClosure>(conn_.Query(kListClosures, {Int(calendar_id)}),
                                       ClosureFromRow);
}

Status SqlTx::InsertCalendar(app::StoredCalendar& c) {
  MOTCUA_ASSIGN_OR_RETURN(
      auto row,
      conn_.QueryOne(kInsertCalendar, {Text(c.code), Text(c.name), OptInt(c.owner_unit_id),
                                       Text(EncodeWeekly(c.weekly)),
                                       Text(std::string(EncodeFallback(c.fallback)))}));
  if (!row) return Error::Internal("insert returned no id");
  c.id = row->Int(0);
  c.version = 1;
  return Ok();
}

Status SqlTx::UpdateCalendar(app::StoredCalendar& c) {
  MOTCUA_ASSIGN_OR_RETURN(
      auto n,
      conn_.Exec(kUpdateCalendar,
                 {Text(c.code), Text(c.name), OptInt(c.owner_unit_id), Text(EncodeWeekly(c.weekly)),
                  Text(std::string(EncodeFallback(c.fallback))), Int(c.id), Int(c.version)}));
  if (n == 0) return NoRowUpdated(conn_, kCalendarExists, c.id, "calendar");
  ++c.version;
  return Ok();
}

Status SqlTx::PutCalendarYear(std::int64_t calendar_id, const calendar::YearSchedule& schedule) {
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kDeleteCalendarYear, {Int(calendar_id), Int(schedule.year)}));
  MOTCUA_RETURN_IF_ERROR(
      conn_.Exec(kInsertCalendarYear, {Int(calendar_id), Int(schedule.year), Text(schedule.source),
                                       Text(EncodeYearDays(schedule))}));
  return Ok();
}

Status SqlTx::DeleteCalendarYear(std::int64_t calendar_id, int year) {
  MOTCUA_ASSIGN_OR_RETURN(auto n, conn_.Exec(kDeleteCalendarYear, {Int(calendar_id), Int(year)}));
  if (n == 0) {
    return Error::NotFound("calendar " + std::to_string(calendar_id) + " has no stored year " +
                           std::to_string(year));
  }
  return Ok();
}

Status SqlTx::InsertCalendarClosure(app::StoredClosure& c) {
  const auto& part = c.closure.part;
  MOTCUA_ASSIGN_OR_RETURN(
      auto row, conn_.QueryOne(kInsertClosure,
                               {Int(c.calendar_id), Text(calendar::FormatDate(c.closure.date)),
                                part ? Int(part->start) : Null(), part ? Int(part->end) : Null(),
                                Text(c.closure.reason)}));
  if (!row) return Error::Internal("insert returned no id");
  c.id = row->Int(0);
  return Ok();
}

Status SqlTx::DeleteCalendarClosure(std::int64_t calendar_id, std::int64_t closure_id) {
  MOTCUA_ASSIGN_OR_RETURN(auto n, conn_.Exec(kDeleteClosure, {Int(calendar_id), Int(closure_id)}));
  if (n == 0) {
    return Error::NotFound("calendar " + std::to_string(calendar_id) + " has no closure " +
                           std::to_string(closure_id));
  }
  return Ok();
}

Result<std::optional<app::IdempotentAnswer>> SqlTx::FindIdempotentAnswer(const std::string& key) {
  return FindOne<app::IdempotentAnswer>(conn_.QueryOne(kFindIdem, {Text(key)}), [](const Row& r) {
    return app::IdempotentAnswer{r.Text(0), r.Text(1), static_cast<int>(r.Int(2)), r.Text(3),
                                 r.Int(4)};
  });
}

Status SqlTx::InsertIdempotentAnswer(const app::IdempotentAnswer& a) {
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kInsertIdem, {Text(a.key), Text(a.request_hash), Int(a.status),
                                                  Text(a.body), Int(a.created_at)}));
  return Ok();
}

Status SaveAuditHead(Connection& conn, AuditHead& head) {
  if (!head.dirty) return Ok();
  MOTCUA_RETURN_IF_ERROR(conn.Exec(kSaveHead, {Int(head.seq), Blob{head.hash}}));
  head.dirty = false;
  return Ok();
}

Status LoadAuditHead(Connection& conn, AuditHead& head) {
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn.QueryOne(kReadHead, {}));
  if (!row) return Error::Internal("audit chain head is missing");
  head.seq = row->Int(0);
  head.hash = row->Bytes(1);
  head.loaded = true;
  head.dirty = false;
  return Ok();
}

Status SqlTx::AppendAudit(audit::Record& record) {
  if (head_ != nullptr && !head_->loaded) MOTCUA_RETURN_IF_ERROR(LoadAuditHead(conn_, *head_));
  if (head_ != nullptr) {
    record.seq = head_->seq + 1;
    record.prev_hash = head_->hash;
  } else {
    MOTCUA_ASSIGN_OR_RETURN(auto head, conn_.QueryOne(kAdvanceHead, {}));
    if (!head) return Error::Internal("audit chain head is missing");
    record.seq = head->Int(0);
    record.prev_hash = head->Bytes(1);
  }
  record.hash = audit::ComputeHash(record);
  const Value actor_id =
      record.actor_user_id ? Value(*record.actor_user_id) : Value(std::monostate{});
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(
      kInsertAudit,
      {Int(record.seq), Int(record.at), actor_id, Text(record.actor), Text(record.action),
       Text(record.object_type), Text(record.object_id), Text(record.address), Text(record.result),
       Text(record.detail), Text(record.request_id), Blob{record.prev_hash}, Blob{record.hash}}));
  if (head_ != nullptr) {
    head_->seq = record.seq;
    head_->hash = record.hash;
    head_->dirty = true;
    return Ok();
  }
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kSetHeadHash, {Blob{record.hash}}));
  return Ok();
}

Result<std::vector<audit::Record>> SqlTx::ListAudit(app::Page page) {
  return FindAll<audit::Record>(conn_.Query(kListAudit, {Int(page.after), Int(Limit(page))}),
                                AuditFromRow);
}

Result<std::int64_t> SqlTx::CountAudit() {
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn_.QueryOne(kCountAudit, {}));
  return row ? row->Int(0) : 0;
}

}  // namespace motcua::storage::sql
