#pragma once

// A small command-line reader: `--name value`, `--name=value`, `--flag`, repeated options, and
// positional words. Unknown options are errors that name the option.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/result.h"

namespace motcua::main {

class Args {
 public:
  // `flags` take no value; every other option takes one.
  static Result<Args> Parse(const std::vector<std::string>& argv,
                            const std::set<std::string>& known,
                            const std::set<std::string>& flags = {});

  std::optional<std::string> Get(const std::string& name) const;
  std::string Get(const std::string& name, const std::string& fallback) const;
  std::vector<std::string> All(const std::string& name) const;
  bool Flag(const std::string& name) const { return values_.contains(name); }
  Result<int> Int(const std::string& name, int fallback, int min, int max) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::multimap<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

}  // namespace motcua::main
