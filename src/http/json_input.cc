#include "http/json_input.h"

namespace motcua::http {
namespace {

using nlohmann::json;

// A SAX pass used only after a failed parse, to name the field where the parser stopped.
class ErrorLocator : public nlohmann::json_sax<json> {
 public:
  std::string path() const {
    std::string out;
    for (const auto& part : stack_) {
      if (part.empty()) continue;
      out += out.empty() || part.front() == '[' ? part : "." + part;
    }
    return out;
  }
  std::string message;

  bool null() override { return Value(); }
  bool boolean(bool) override { return Value(); }
  bool number_integer(number_integer_t) override { return Value(); }
  bool number_unsigned(number_unsigned_t) override { return Value(); }
  bool number_float(number_float_t, const string_t&) override { return Value(); }
  bool string(string_t&) override { return Value(); }
  bool binary(binary_t&) override { return Value(); }
  bool start_object(std::size_t) override {
    Enter();
    stack_.push_back("");
    in_array_.push_back(false);
    return true;
  }
  bool key(string_t& k) override {
    stack_.back() = k;
    return true;
  }
  bool end_object() override { return Leave(); }
  bool start_array(std::size_t) override {
    Enter();
    stack_.push_back("[0]");
    in_array_.push_back(true);
    index_.push_back(0);
    return true;
  }
  bool end_array() override {
    index_.pop_back();
    return Leave();
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    message = e.what();
    return false;
  }

 private:
  void Enter() {}
  // After a complete value inside an array, the path moves on to the next element, so that an
  // error inside that element names it.
  bool Value() {
    if (!in_array_.empty() && in_array_.back()) {
      stack_.back() = "[" + std::to_string(++index_.back()) + "]";
    }
    return true;
  }
  bool Leave() {
    stack_.pop_back();
    in_array_.pop_back();
    return Value();
  }
  std::vector<std::string> stack_;
  std::vector<bool> in_array_;
  std::vector<std::size_t> index_;
};

// "\u0000" is valid JSON but no text we keep: PostgreSQL refuses it, C strings end at it.
constexpr char kNulMessage[] = "must not contain NUL characters";

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, ...".
std::string ShortMessage(const std::string& what) {
  auto pos = what.find("] ");
  std::string out = pos == std::string::npos ? what : what.substr(pos + 2);
  if (out.size() > 200) out.resize(200);
  return out;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = s[i];
    int n;
    std::uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;  // truncated sequence
    for (int k = 1; k <= n; ++k) {
      const unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000)) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

Result<JsonInput> JsonInput::Parse(std::string_view body) {
  json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    ErrorLocator locator;
    json::sax_parse(body, &locator, json::input_format_t::json, /*strict=*/true);
    const std::string field = locator.path().empty() ? "body" : locator.path();
    return Error::InvalidField(field, "malformed JSON: " + ShortMessage(locator.message));
  }
  if (!parsed.is_object()) return Error::InvalidField("body", "must be a JSON object");
  // nlohmann's parser takes a NUL byte for the end of the input: what follows one is not read.
  if (body.find('\0') != std::string_view::npos) {
    return Error::InvalidField("body", "must not contain NUL bytes");
  }
  return JsonInput(std::move(parsed));
}

const json* JsonInput::Field(const std::string& key) {
  read_.insert(key);
  auto it = object_.find(key);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool JsonInput::IsNull(const std::string& key) const {
  auto it = object_.find(key);
  return it != object_.end() && it->is_null();
}

void JsonInput::Violation(std::string field, std::string message) {
  violations_.push_back({std::move(field), std::move(message)});
}

std::optional<std::string> JsonInput::String(const std::string& key, StringRule rule) {
  const json* v = Field(key);
  if (!v) {
    if (rule.required) Violation(key, "is required");
    return std::nullopt;
  }
  if (!v->is_string()) {
    Violation(key, "must be a string");
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (s.find('\0') != std::string::npos) {
    Violation(key, kNulMessage);
    return std::nullopt;
  }
  if (s.size() > rule.max_bytes) {
    Violation(key, "must have at most " + std::to_string(rule.max_bytes) + " bytes");
    return std::nullopt;
  }
  if (s.size() < rule.min_bytes) {
    Violation(key, rule.min_bytes == 1
                       ? "must not be empty"
                       : "must have at least " + std::to_string(rule.min_bytes) + " bytes");
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> JsonInput::Int(const std::string& key, IntRule rule) {
  const json* v = Field(key);
  if (!v) {
    if (rule.required) Violation(key, "is required");
    return std::nullopt;
  }
  if (!v->is_number_integer()) {
    Violation(key, "must be an integer");
    return std::nullopt;
  }
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > std::uint64_t(INT64_MAX)) {
    Violation(key, "is out of range");
    return std::nullopt;
  }
  const std::int64_t n = v->get<std::int64_t>();
  if (n < rule.min || n > rule.max) {
    Violation(key,
              "must be between " + std::to_string(rule.min) + " and " + std::to_string(rule.max));
    return std::nullopt;
  }
  return n;
}

std::optional<bool> JsonInput::Bool(const std::string& key, bool required) {
  const json* v = Field(key);
  if (!v) {
    if (required) Violation(key, "is required");
    return std::nullopt;
  }
  if (!v->is_boolean()) {
    Violation(key, "must be true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::vector<std::string>> JsonInput::StringList(const std::string& key,
                                                              ListRule rule) {
  const json* v = Field(key);
  if (!v) {
    if (rule.required) Violation(key, "is required");
    return std::nullopt;
  }
  if (!v->is_array()) {
    Violation(key, "must be an array of strings");
    return std::nullopt;
  }
  if (v->size() > rule.max_items) {
    Violation(key, "must have at most " + std::to_string(rule.max_items) + " items");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const json& item = (*v)[i];
    const std::string field = key + "[" + std::to_string(i) + "]";
    if (!item.is_string()) {
      Violation(field, "must be a string");
      return std::nullopt;
    }
    if (item.get_ref<const std::string&>().find('\0') != std::string::npos) {
      Violation(field, kNulMessage);
      return std::nullopt;
    }
    if (item.get_ref<const std::string&>().size() > rule.max_bytes) {
      Violation(field, "must have at most " + std::to_string(rule.max_bytes) + " bytes");
      return std::nullopt;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<JsonInput> JsonInput::Object(const std::string& key, bool required) {
  const json* v = Field(key);
  if (!v) {
    if (required) Violation(key, "is required");
    return std::nullopt;
  }
  if (!v->is_object()) {
    Violation(key, "must be an object");
    return std::nullopt;
  }
  return JsonInput(*v);
}

std::optional<std::vector<JsonInput>> JsonInput::ObjectList(const std::string& key, ListRule rule) {
  const json* v = Field(key);
  if (!v) {
    if (rule.required) Violation(key, "is required");
    return std::nullopt;
  }
  if (!v->is_array()) {
    Violation(key, "must be an array of objects");
    return std::nullopt;
  }
  if (v->size() > rule.max_items) {
    Violation(key, "must have at most " + std::to_string(rule.max_items) + " items");
    return std::nullopt;
  }
  std::vector<JsonInput> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_object()) {
      Violation(key + "[" + std::to_string(i) + "]", "must be an object");
      return std::nullopt;
    }
    out.push_back(JsonInput((*v)[i]));
  }
  return out;
}

void JsonInput::Merge(const std::string& prefix, JsonInput& nested) {
  Status done = nested.Finish();
  if (done.ok()) return;
  for (auto& f : done.error().fields) Violation(prefix + "." + f.field, f.message);
}

Status JsonInput::Finish() {
  for (const auto& [key, value] : object_.items()) {
    if (!read_.contains(key)) Violation(key.empty() ? "\"\"" : key, "is not a known field");
  }
  if (violations_.empty()) return Ok();
  Error e = Error::InvalidArgument("the request has invalid fields").WithReason("validation");
  e.fields = std::move(violations_);
  violations_.clear();
  return e;
}

}  // namespace motcua::http
