#include "http/problem.h"

#include <nlohmann/json.hpp>

namespace motcua::http {
namespace {

struct Mapping {
  ErrorCode code;
  int status;
  const char* title;
};

constexpr Mapping kMappings[] = {
    {ErrorCode::kOk, 200, "OK"},
    {ErrorCode::kInvalidArgument, 400, "Invalid request"},
    {ErrorCode::kFailedPrecondition, 409, "Not allowed in the current state"},
    {ErrorCode::kAborted, 409, "Conflict"},
    {ErrorCode::kAlreadyExists, 409, "Already exists"},
    {ErrorCode::kNotFound, 404, "Not found"},
    {ErrorCode::kPermissionDenied, 403, "Forbidden"},
    {ErrorCode::kUnauthenticated, 401, "Authentication required"},
    {ErrorCode::kResourceExhausted, 429, "Too many requests"},
    {ErrorCode::kUnavailable, 503, "Service unavailable"},
    {ErrorCode::kDeadlineExceeded, 504, "Timed out"},
    {ErrorCode::kUnimplemented, 501, "Not implemented"},
    {ErrorCode::kInternal, 500, "Internal error"},
};

const Mapping& Find(ErrorCode code) {
  for (const Mapping& m : kMappings) {
    if (m.code == code) return m;
  }
  return kMappings[std::size(kMappings) - 1];
}

}  // namespace

int HttpStatus(ErrorCode code) { return Find(code).status; }

int HttpStatus(const Error& error) {
  if (error.code == ErrorCode::kResourceExhausted && error.reason == "payload-too-large") {
    return 413;
  }
  return HttpStatus(error.code);
}

std::string ProblemType(const Error& error) {
  std::string type = "https://motcua.vn/problems/" + std::string(ErrorCodeName(error.code));
  if (!error.reason.empty()) type += "/" + error.reason;
  return type;
}

std::string ProblemJson(const Error& error, const std::string& request_id) {
  const Mapping& m = Find(error.code);
  nlohmann::json body = {
      {"type", ProblemType(error)},
      {"title", HttpStatus(error) == 413 ? "Payload too large" : m.title},
      {"status", HttpStatus(error)},
      {"detail", error.code == ErrorCode::kInternal ? "internal error" : error.message},
      {"request_id", request_id},
  };
  if (!error.fields.empty()) {
    auto& errors = body["errors"] = nlohmann::json::array();
    for (const auto& f : error.fields)
      errors.push_back({{"field", f.field}, {"message", f.message}});
  }
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace motcua::http
