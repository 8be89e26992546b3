#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace motcua {

// Canonical error codes, as in absl/status/status.h. Which one to use:
//   kInvalidArgument     the input is wrong whatever the system's state (bad field, bad JSON).
//   kFailedPrecondition  the input is fine but the state forbids it now (wrong dossier state).
//   kAborted             a concurrency conflict: a stale version, a serialization failure.
//   kAlreadyExists       a create that collides with an existing key.
//   kNotFound            the object does not exist or the caller may not know it exists.
//   kPermissionDenied    authenticated, but not allowed.
//   kUnauthenticated     no valid credentials.
//   kResourceExhausted   a limit was hit (body size, rate limit, hashing slots).
//   kUnavailable         transient: the store is unreachable; retrying may succeed.
//   kDeadlineExceeded    a timeout.
//   kInternal            a bug or a broken invariant; never for user input.
enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,
  kFailedPrecondition,
  kAborted,
  kAlreadyExists,
  kNotFound,
  kPermissionDenied,
  kUnauthenticated,
  kResourceExhausted,
  kUnavailable,
  kDeadlineExceeded,
  kUnimplemented,
  kInternal,
};

// The stable lower-case name of a code ("invalid-argument"), used in problem types and logs.
std::string_view ErrorCodeName(ErrorCode code);

// One bad input field: `field` is a JSON-pointer-like path ("applicant.phone",
// "components[2].name").
struct FieldViolation {
  std::string field;
  std::string message;

  bool operator==(const FieldViolation&) const = default;
};

// An expected failure, carried as a value. `reason` is an optional stable machine name that
// refines the code ("version-conflict", "locked-out"); it becomes part of the problem type.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string reason;
  std::vector<FieldViolation> fields;

  static Error InvalidArgument(std::string message) {
    return {ErrorCode::kInvalidArgument, std::move(message), {}, {}};
  }
  // A validation failure naming one field.
  static Error InvalidField(std::string field, std::string message) {
    Error e{ErrorCode::kInvalidArgument, "invalid request", "validation", {}};
    e.fields.push_back({std::move(field), std::move(message)});
    return e;
  }
  static Error NotFound(std::string message) {
    return {ErrorCode::kNotFound, std::move(message), {}, {}};
  }
  static Error FailedPrecondition(std::string message) {
    return {ErrorCode::kFailedPrecondition, std::move(message), {}, {}};
  }
  static Error AlreadyExists(std::string message) {
    return {ErrorCode::kAlreadyExists, std::move(message), {}, {}};
  }
  static Error Aborted(std::string message) {
    return {ErrorCode::kAborted, std::move(message), {}, {}};
  }
  static Error PermissionDenied(std::string message) {
    return {ErrorCode::kPermissionDenied, std::move(message), {}, {}};
  }
  static Error Unauthenticated(std::string message) {
    return {ErrorCode::kUnauthenticated, std::move(message), {}, {}};
  }
  static Error ResourceExhausted(std::string message) {
    return {ErrorCode::kResourceExhausted, std::move(message), {}, {}};
  }
  static Error Unavailable(std::string message) {
    return {ErrorCode::kUnavailable, std::move(message), {}, {}};
  }
  static Error Internal(std::string message) {
    return {ErrorCode::kInternal, std::move(message), {}, {}};
  }

  // The first bad field's path, or "" when no field is named.
  std::string field() const { return fields.empty() ? std::string() : fields.front().field; }

  Error&& WithReason(std::string r) && {
    reason = std::move(r);
    return std::move(*this);
  }
  // Names the field an error is about (a taken username is a conflict, not a validation
  // failure, but a form still shows it beside the field).
  Error&& WithField(std::string field, std::string message) && {
    fields.push_back({std::move(field), std::move(message)});
    return std::move(*this);
  }
};

// "invalid-argument: name is required" — for logs and test failure messages.
std::string ToString(const Error& error);

}  // namespace motcua
