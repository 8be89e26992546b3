#pragma once

// The motcua binary's subcommands. Each returns the process exit code: 0 success, 1 failure,
// 2 usage error.

#include <string>
#include <vector>

namespace motcua::main {

using Argv = std::vector<std::string>;

int Serve(const Argv& args);
int Migrate(const Argv& args);
int Backup(const Argv& args);
int Restore(const Argv& args);
int Audit(const Argv& args);
int Calendar(const Argv& args);
int Catalog(const Argv& args);
int Reports(const Argv& args);
int Demo(const Argv& args);

}  // namespace motcua::main
