#pragma once

// Runs a helper program (pg_dump, pg_restore, initdb, pg_ctl) with an argument vector: no shell,
// so nothing in a path or a DSN is ever interpreted as shell syntax. Private to
// src/storage/postgres and its test harness.

#include <chrono>
#include <string>
#include <vector>

#include "common/result.h"

namespace motcua::storage::postgres::internal {

struct ProcessOutcome {
  int exit_code = 0;   // the program's exit status; 128 + N when killed by signal N
  std::string output;  // stdout and stderr interleaved, at most the last 64 KiB
};

// Runs argv[0] (looked up in PATH unless it contains a '/') with `argv`, standard input from
// /dev/null, the current environment plus `extra_env` ("NAME=value", replacing a variable of the
// same name). Waits for it to finish, killing it after `timeout` (zero: no limit).
// Errors: kInternal if it cannot be started, kDeadlineExceeded after the timeout. A program that
// runs and fails is not an error here: see exit_code. Thread-safe.
Result<ProcessOutcome> RunProcess(const std::vector<std::string>& argv,
                                  const std::vector<std::string>& extra_env = {},
                                  std::chrono::milliseconds timeout = std::chrono::milliseconds(0));

// The last `max_lines` lines of `text`, for error messages that quote a log.
std::string Tail(const std::string& text, int max_lines);

}  // namespace motcua::storage::postgres::internal
