#pragma once

// The one place where domain error codes become HTTP: a status code and an RFC 9457
// application/problem+json body with a stable `type`:
//
//   {"type": "https://motcua.vn/problems/invalid-argument/validation",
//    "title": "Invalid request", "status": 400, "detail": "...",
//    "errors": [{"field": "code", "message": "..."}], "request_id": "..."}
//
// `type` is built from the error code and its reason, both stable names: clients branch on it.

#include <string>

#include "common/error.h"

namespace motcua::http {

int HttpStatus(ErrorCode code);
// The status of an error: HttpStatus of its code, except a body that is too large (resource
// exhausted, reason "payload-too-large"): 413.
int HttpStatus(const Error& error);
std::string ProblemType(const Error& error);
std::string ProblemJson(const Error& error, const std::string& request_id);

inline constexpr char kProblemContentType[] = "application/problem+json";

}  // namespace motcua::http
