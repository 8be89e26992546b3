#pragma once

// Strict decoding of JSON request bodies. Every problem becomes a field violation that names the
// field: malformed JSON and invalid UTF-8 (at the field where the parser stopped), unknown fields,
// wrong types, missing required fields, oversized strings and arrays, strings holding NUL
// ("\u0000"). Decoders never throw.
//
//   MOTCUA_ASSIGN_OR_RETURN(auto in, JsonInput::Parse(body));
//   auto name = in.String("name", {.required = true, .max_bytes = 300});
//   auto parent = in.Int("parent_id", {.min = 1});
//   MOTCUA_RETURN_IF_ERROR(in.Finish());   // all violations at once, unknown fields included

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace motcua::http {

struct StringRule {
  bool required = false;
  std::size_t min_bytes = 0;
  std::size_t max_bytes = 1000;
};

struct IntRule {
  bool required = false;
  std::int64_t min = INT64_MIN;
  std::int64_t max = INT64_MAX;
};

struct ListRule {
  bool required = false;
  std::size_t max_items = 100;
  std::size_t max_bytes = 200;  // of each item
};

class JsonInput {
 public:
  // Parses a body that must be a JSON object. On malformed input the error names the field where
  // parsing stopped ("name" for a bad UTF-8 byte inside the value of "name"), or "body".
  static Result<JsonInput> Parse(std::string_view body);

  std::optional<std::string> String(const std::string& key, StringRule rule = {});
  std::optional<std::int64_t> Int(const std::string& key, IntRule rule = {});
  std::optional<bool> Bool(const std::string& key, bool required = false);
  std::optional<std::vector<std::string>> StringList(const std::string& key, ListRule rule = {});
  // A nested object, decoded with its own JsonInput; pass it back to Merge to collect its
  // violations (and its unknown fields) under "key.".
  std::optional<JsonInput> Object(const std::string& key, bool required = false);
  // An array of objects, each decoded with its own JsonInput; Merge each back under "key[i]".
  std::optional<std::vector<JsonInput>> ObjectList(const std::string& key, ListRule rule = {});
  // Finishes `nested` and records its violations here, each field prefixed with `prefix` and a
  // dot ("holidays[2]" + "." + "date").
  void Merge(const std::string& prefix, JsonInput& nested);
  // A field that may be given as JSON null to clear it: returns {present, value}.
  bool IsNull(const std::string& key) const;
  bool Has(const std::string& key) const { return object_.contains(key); }

  // Records a violation found by the caller's own checks.
  void Violation(std::string field, std::string message);
  // Ok when every field was known and valid; otherwise kInvalidArgument listing each violation.
  Status Finish();

 private:
  explicit JsonInput(nlohmann::json object) : object_(std::move(object)) {}
  const nlohmann::json* Field(const std::string& key);

  nlohmann::json object_;
  std::set<std::string> read_;
  std::vector<FieldViolation> violations_;
};

// Checks that `text` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace motcua::http
