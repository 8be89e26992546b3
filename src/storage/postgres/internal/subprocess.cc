#include "storage/postgres/internal/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace motcua::storage::postgres::internal {
namespace {

constexpr std::size_t kMaxOutput = 64 * 1024;

// The environment for the child: ours, minus the names that `extra_env` sets, plus `extra_env`.
std::vector<std::string> ChildEnvironment(const std::vector<std::string>& extra_env) {
  std::vector<std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view entry(*e);
    bool replaced = false;
    for (const std::string& extra : extra_env) {
      std::string_view name = std::string_view(extra).substr(0, extra.find('=') + 1);
      if (entry.starts_with(name)) replaced = true;
    }
    if (!replaced) env.emplace_back(entry);
  }
  env.insert(env.end(), extra_env.begin(), extra_env.end());
  return env;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

int WaitExit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

Result<ProcessOutcome> RunProcess(const std::vector<std::string>& argv,
                                  const std::vector<std::string>& extra_env,
                                  std::chrono::milliseconds timeout) {
  if (argv.empty()) return Error::Internal("RunProcess: empty argv");
  int pipe_fds[2];
  // O_CLOEXEC: a process that another thread spawns meanwhile must not inherit the write end,
  // or we would wait for its EOF too.
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return Error::Internal(std::string("pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);

  std::vector<std::string> args = argv;
  std::vector<std::string> env = ChildEnvironment(extra_env);
  std::vector<char*> arg_ptrs = Pointers(args);
  std::vector<char*> env_ptrs = Pointers(env);
  pid_t pid = 0;
  const int rc =
      posix_spawnp(&pid, args[0].c_str(), &actions, nullptr, arg_ptrs.data(), env_ptrs.data());
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (rc != 0) {
    close(pipe_fds[0]);
    return Error::Internal("cannot run " + argv[0] + ": " + std::strerror(rc));
  }

  ProcessOutcome outcome;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool timed_out = false;
  char buf[4096];
  for (;;) {
    int wait_ms = -1;
    if (timeout.count() > 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        timed_out = true;
        break;
      }
      wait_ms = static_cast<int>(left.count());
    }
    pollfd pfd{pipe_fds[0], POLLIN, 0};
    const int ready = poll(&pfd, 1, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) continue;  // the deadline check above ends the loop
    const ssize_t n = read(pipe_fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF: the child and everything it started closed the pipe
    outcome.output.append(buf, static_cast<std::size_t>(n));
    if (outcome.output.size() > 2 * kMaxOutput) outcome.output.erase(0, kMaxOutput);
  }
  close(pipe_fds[0]);
  if (timed_out) kill(pid, SIGKILL);
  outcome.exit_code = WaitExit(pid);
  if (outcome.output.size() > kMaxOutput) {
    outcome.output.erase(0, outcome.output.size() - kMaxOutput);
  }
  if (timed_out) {
    return Error{ErrorCode::kDeadlineExceeded,
                 argv[0] + " did not finish in time; output:\n" + Tail(outcome.output, 20),
                 {},
                 {}};
  }
  return outcome;
}

std::string Tail(const std::string& text, int max_lines) {
  std::size_t pos = text.size();
  if (pos > 0 && text[pos - 1] == '\n') --pos;
  for (int i = 0; i < max_lines && pos != std::string::npos && pos > 0; ++i) {
    pos = text.rfind('\n', pos - 1);
  }
  if (pos == std::string::npos || pos == 0) return text;
  return text.substr(pos + 1);
}

}  // namespace motcua::storage::postgres::internal
