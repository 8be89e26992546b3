#include "main/args.h"

#include <charconv>

namespace motcua::main {

Result<Args> Args::Parse(const std::vector<std::string>& argv, const std::set<std::string>& known,
                         const std::set<std::string>& flags) {
  Args args;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0) {
      args.positional_.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value;
    bool has_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    if (!known.contains(name) && !flags.contains(name)) {
      return Error::InvalidField("--" + name, "is not an option of this command");
    }
    if (flags.contains(name)) {
      if (has_value) return Error::InvalidField("--" + name, "takes no value");
      args.values_.emplace(name, "");
      continue;
    }
    if (!has_value) {
      if (i + 1 >= argv.size()) return Error::InvalidField("--" + name, "needs a value");
      value = argv[++i];
    }
    args.values_.emplace(name, value);
  }
  return args;
}

std::optional<std::string> Args::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::Get(const std::string& name, const std::string& fallback) const {
  return Get(name).value_or(fallback);
}

std::vector<std::string> Args::All(const std::string& name) const {
  std::vector<std::string> out;
  auto [begin, end] = values_.equal_range(name);
  for (auto it = begin; it != end; ++it) out.push_back(it->second);
  return out;
}

Result<int> Args::Int(const std::string& name, int fallback, int min, int max) const {
  auto v = Get(name);
  if (!v) return fallback;
  int n = 0;
  const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size() || n < min || n > max) {
    return Error::InvalidField("--" + name, "must be an integer from " + std::to_string(min) +
                                                " to " + std::to_string(max));
  }
  return n;
}

}  // namespace motcua::main
