#include "catalog_io/json_reader.h"

#include <cmath>

#include "catalog_io/text.h"

namespace motcua::catalog_io::internal {

std::string Key(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  std::string out(path);
  out += '.';
  out += key;
  return out;
}

std::string At(std::string_view path, std::size_t index) {
  return std::string(path) + "[" + std::to_string(index) + "]";
}

Result<Json> ParseJson(std::string_view text) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    return Error::InvalidArgument("malformed JSON at byte " + std::to_string(e.byte) + ": " +
                                  e.what())
        .WithReason("malformed-json");
  }
}

namespace {

const char* TypeName(const Json& j) { return j.type_name(); }

}  // namespace

const Json* JsonReader::Member(const Json& obj, const std::string& path, std::string_view key,
                               Need need) {
  if (!obj.is_object()) {
    Fail(path.empty() ? "(root)" : path, std::string("must be an object, not ") + TypeName(obj));
    return nullptr;
  }
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (need == Need::kRequired) Fail(Key(path, key), "is required");
    return nullptr;
  }
  return &*it;
}

std::string JsonReader::String(const Json& obj, const std::string& path, std::string_view key,
                               Need need) {
  const Json* m = Member(obj, path, key, need);
  if (m == nullptr) return {};
  if (!m->is_string()) {
    Fail(Key(path, key), std::string("must be a string, not ") + TypeName(*m));
    return {};
  }
  std::string out = Tidy(m->get_ref<const std::string&>());
  if (out.empty() && need == Need::kRequired) Fail(Key(path, key), "must not be empty");
  return out;
}

std::string JsonReader::Text(const Json& obj, const std::string& path, std::string_view key) {
  const Json* m = Member(obj, path, key);
  if (m == nullptr) return {};
  if (!m->is_string()) {
    Fail(Key(path, key), std::string("must be a string, not ") + TypeName(*m));
    return {};
  }
  return Nfc(m->get_ref<const std::string&>());
}

bool JsonReader::Bool(const Json& obj, const std::string& path, std::string_view key,
                      bool fallback) {
  const Json* m = Member(obj, path, key);
  if (m == nullptr) return fallback;
  if (!m->is_boolean()) {
    Fail(Key(path, key), std::string("must be true or false, not ") + TypeName(*m));
    return fallback;
  }
  return m->get<bool>();
}

std::optional<double> JsonReader::Number(const Json& obj, const std::string& path,
                                         std::string_view key, Need need) {
  const Json* m = Member(obj, path, key, need);
  if (m == nullptr) return std::nullopt;
  if (!m->is_number()) {
    Fail(Key(path, key), std::string("must be a number, not ") + TypeName(*m));
    return std::nullopt;
  }
  const double v = m->get<double>();
  if (!std::isfinite(v)) {
    Fail(Key(path, key), "must be a finite number");
    return std::nullopt;
  }
  return v;
}

std::optional<std::int64_t> JsonReader::Integer(const Json& obj, const std::string& path,
                                                std::string_view key, std::int64_t min, Need need) {
  const Json* m = Member(obj, path, key, need);
  if (m == nullptr) return std::nullopt;
  if (!m->is_number_integer()) {
    Fail(Key(path, key),
         std::string("must be a whole number, not ") + (m->is_number() ? m->dump() : TypeName(*m)));
    return std::nullopt;
  }
  if (m->is_number_unsigned() && m->get<std::uint64_t>() > INT64_MAX) {
    Fail(Key(path, key), "is too large");
    return std::nullopt;
  }
  const std::int64_t v = m->get<std::int64_t>();
  if (v < min) {
    Fail(Key(path, key), "must be at least " + std::to_string(min));
    return std::nullopt;
  }
  return v;
}

const Json* JsonReader::Array(const Json& obj, const std::string& path, std::string_view key,
                              Need need) {
  const Json* m = Member(obj, path, key, need);
  if (m == nullptr) return nullptr;
  if (!m->is_array()) {
    Fail(Key(path, key), std::string("must be an array, not ") + TypeName(*m));
    return nullptr;
  }
  return m;
}

const Json* JsonReader::Object(const Json& obj, const std::string& path, std::string_view key,
                               Need need) {
  const Json* m = Member(obj, path, key, need);
  if (m == nullptr) return nullptr;
  if (!m->is_object()) {
    Fail(Key(path, key), std::string("must be an object, not ") + TypeName(*m));
    return nullptr;
  }
  return m;
}

std::vector<std::string> JsonReader::Strings(const Json& obj, const std::string& path,
                                             std::string_view key) {
  std::vector<std::string> out;
  const Json* a = Array(obj, path, key);
  if (a == nullptr) return out;
  const std::string base = Key(path, key);
  for (std::size_t i = 0; i < a->size(); ++i) {
    const Json& e = (*a)[i];
    if (!e.is_string()) {
      Fail(At(base, i), std::string("must be a string, not ") + TypeName(e));
      continue;
    }
    out.push_back(Tidy(e.get_ref<const std::string&>()));
  }
  return out;
}

void JsonReader::OnlyKeys(const Json& obj, const std::string& path,
                          std::initializer_list<std::string_view> allowed) {
  if (!obj.is_object()) return;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == it.key();
    if (!known) Fail(Key(path, it.key()), "is not a known member");
  }
}

void JsonReader::Fail(std::string path, std::string message) {
  errors_.push_back({std::move(path), std::move(message)});
}

Status JsonReader::ToStatus(std::string message) const {
  if (errors_.empty()) return Ok();
  Error e{ErrorCode::kInvalidArgument, std::move(message), "validation", errors_};
  return e;
}

}  // namespace motcua::catalog_io::internal
