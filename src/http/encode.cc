#include "http/encode.h"

namespace motcua::http {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json InstantJson(Instant t) {
  return {{"utc", FormatRfc3339Utc(t)}, {"local", calendar::FormatLocal(t)}};
}

json InstantJson(const std::optional<Instant>& t) { return t ? InstantJson(*t) : json(nullptr); }

namespace {

std::string_view TraceReasonName(calendar::TraceReason r) {
  switch (r) {
    case calendar::TraceReason::kCounted: return "counted";
    case calendar::TraceReason::kBeforeCountingStart: return "before-counting-start";
    case calendar::TraceReason::kOutsideSession: return "outside-session";
    case calendar::TraceReason::kWeeklyRest: return "weekly-rest";
    case calendar::TraceReason::kHoliday: return "holiday";
    case calendar::TraceReason::kClosure: return "closure";
    case calendar::TraceReason::kExclusion: return "exclusion";
    case calendar::TraceReason::kMovedToWorkingTime: return "moved-to-working-time";
  }
  return "counted";
}

}  // namespace

json TraceSegmentsJson(const calendar::DueTrace& trace, calendar::Language language) {
  json out = json::array();
  for (const auto& s : trace.segments) {
    out.push_back({{"from", InstantJson(s.from)},
                   {"to", InstantJson(s.to)},
                   {"counted", s.counted()},
                   {"reason", TraceReasonName(s.reason)},
                   {"detail", s.detail},
                   {"text", calendar::DescribeReason(s, language)}});
  }
  return out;
}

json UnitJson(const identity::Unit& u) {
  return {{"id", u.id},
          {"code", u.code},
          {"name", u.name},
          {"kind", identity::UnitKindName(u.kind)},
          {"parent_id", u.parent_id ? json(*u.parent_id) : json(nullptr)},
          {"address", u.address},
          {"calendar_id", u.calendar_id ? json(*u.calendar_id) : json(nullptr)},
          {"version", u.version}};
}

json UserJson(const identity::User& u) {
  json roles = json::array();
  for (auto r : u.roles.list()) roles.push_back(identity::RoleName(r));
  return {{"id", u.id},
          {"username", u.username},
          {"full_name", u.full_name},
          {"unit_id", u.unit_id},
          {"roles", roles},
          {"active", u.active},
          {"citizen_id", u.citizen_id},
          {"locked_until", u.locked_until ? json(FormatRfc3339Utc(u.locked_until)) : json(nullptr)},
          {"version", u.version}};
}

json TokenJson(const app::ApiToken& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"created_at", FormatRfc3339Utc(t.created_at)},
          {"revoked_at", t.revoked_at ? json(FormatRfc3339Utc(*t.revoked_at)) : json(nullptr)}};
}

json AuditJson(const audit::Record& r) {
  return {{"seq", r.seq},
          {"at", FormatRfc3339Utc(r.at)},
          {"actor_user_id", r.actor_user_id ? json(*r.actor_user_id) : json(nullptr)},
          {"actor", r.actor},
          {"action", r.action},
          {"object_type", r.object_type},
          {"object_id", r.object_id},
          {"address", r.address},
          {"result", r.result},
          {"detail", r.detail},
          {"request_id", r.request_id},
          {"prev_hash", audit::Hex(r.prev_hash)},
          {"hash", audit::Hex(r.hash)}};
}

}  // namespace motcua::http
