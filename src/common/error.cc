#include "common/error.h"

namespace motcua {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidArgument: return "invalid-argument";
    case ErrorCode::kFailedPrecondition: return "failed-precondition";
    case ErrorCode::kAborted: return "aborted";
    case ErrorCode::kAlreadyExists: return "already-exists";
    case ErrorCode::kNotFound: return "not-found";
    case ErrorCode::kPermissionDenied: return "permission-denied";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kResourceExhausted: return "resource-exhausted";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kDeadlineExceeded: return "deadline-exceeded";
    case ErrorCode::kUnimplemented: return "unimplemented";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

std::string ToString(const Error& error) {
  std::string out(ErrorCodeName(error.code));
  if (!error.reason.empty()) out += "/" + error.reason;
  out += ": " + error.message;
  for (const auto& f : error.fields) out += " [" + f.field + ": " + f.message + "]";
  return out;
}

}  // namespace motcua
