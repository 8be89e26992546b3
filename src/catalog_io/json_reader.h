#pragma once

// Internal to src/catalog_io: typed reads of JSON members that record one FieldViolation per
// problem, with the member's path ("executionMethods[1].processingTime", "[3].channels.online"),
// so that a decoder reports every problem of a file at once instead of the first.

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/result.h"

namespace motcua::catalog_io::internal {

using Json = nlohmann::ordered_json;

// "a" + "b" -> "a.b" ("" + "b" -> "b"); "a" + 3 -> "a[3]".
std::string Key(std::string_view path, std::string_view key);
std::string At(std::string_view path, std::size_t index);

// Parses JSON text; kInvalidArgument naming the byte offset of a syntax error.
Result<Json> ParseJson(std::string_view text);

enum class Need { kOptional, kRequired };

class JsonReader {
 public:
  // The member `key` of `obj`, or nullptr when absent or null (an error when required). An error
  // when `obj` is not an object.
  const Json* Member(const Json& obj, const std::string& path, std::string_view key,
                     Need need = Need::kOptional);
  // A string member, NFC-normalised and trimmed (Tidy); "" when absent.
  std::string String(const Json& obj, const std::string& path, std::string_view key,
                     Need need = Need::kOptional);
  // A string member, NFC-normalised but not trimmed (long text keeps its line breaks).
  std::string Text(const Json& obj, const std::string& path, std::string_view key);
  // A boolean member; `fallback` when absent.
  bool Bool(const Json& obj, const std::string& path, std::string_view key, bool fallback = false);
  // A number member; nullopt when absent (or an error).
  std::optional<double> Number(const Json& obj, const std::string& path, std::string_view key,
                               Need need = Need::kOptional);
  // A whole number member >= `min`; nullopt when absent (or an error).
  std::optional<std::int64_t> Integer(const Json& obj, const std::string& path,
                                      std::string_view key, std::int64_t min,
                                      Need need = Need::kOptional);
  // An array / object member, or nullptr when absent (or an error when of another type).
  const Json* Array(const Json& obj, const std::string& path, std::string_view key,
                    Need need = Need::kOptional);
  const Json* Object(const Json& obj, const std::string& path, std::string_view key,
                     Need need = Need::kOptional);
  // An array of strings (each tidied); empty when absent.
  std::vector<std::string> Strings(const Json& obj, const std::string& path, std::string_view key);
  // An error for every member of `obj` not in `allowed` (strict formats).
  void OnlyKeys(const Json& obj, const std::string& path,
                std::initializer_list<std::string_view> allowed);

  void Fail(std::string path, std::string message);
  bool ok() const { return errors_.empty(); }
  std::size_t error_count() const { return errors_.size(); }
  const std::vector<FieldViolation>& errors() const { return errors_; }

  // kInvalidArgument (reason "validation") with `message` and every violation; Ok when none.
  Status ToStatus(std::string message) const;

 private:
  std::vector<FieldViolation> errors_;
};

}  // namespace motcua::catalog_io::internal
