#pragma once

#include <cassert>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

#include "common/error.h"

namespace motcua {

// Result<T> holds either a T or an Error, shaped like C++23 std::expected.
// Expected failures travel as values; exceptions are reserved for the fatal.
//
//   Result<Unit> r = store.LoadUnit(id);
//   if (!r) return r.error();
//   Use(*r);
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& {
    assert(!ok());
    return std::get<1>(v_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(v_));
  }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success carries nothing.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const& {
    assert(!ok());
    return *error_;
  }
  Error&& error() && {
    assert(!ok());
    return std::move(*error_);
  }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace motcua

// Returns the error of `expr` (a Result or Status) from the enclosing function when it failed.
#define MOTCUA_RETURN_IF_ERROR(expr)                                    \
  do {                                                                  \
    auto motcua_status_ = (expr);                                       \
    if (!motcua_status_.ok()) return std::move(motcua_status_).error(); \
  } while (0)

#define MOTCUA_CONCAT_INNER_(a, b) a##b
#define MOTCUA_CONCAT_(a, b) MOTCUA_CONCAT_INNER_(a, b)
// Declares `lhs` from the value of a Result, or returns its error.
#define MOTCUA_ASSIGN_OR_RETURN(lhs, expr) \
  MOTCUA_ASSIGN_OR_RETURN_IMPL_(MOTCUA_CONCAT_(motcua_result_, __LINE__), lhs, expr)
#define MOTCUA_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return std::move(tmp).error();       \
  lhs = std::move(tmp).value()
