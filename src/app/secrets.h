#pragma once

// Password hashing and secret tokens (libsodium).

#include <condition_variable>
#include <mutex>
#include <string>

#include "common/result.h"

namespace motcua::app {

// argon2id cost. Production uses libsodium's "interactive" limits (2 passes, 64 MiB); tests use
// the minimum so that they stay fast.
struct PasswordCost {
  unsigned long long ops;
  std::size_t mem_bytes;
  static PasswordCost Interactive();
  static PasswordCost Minimum();
};

// Hashes and verifies passwords with argon2id, allowing at most `max_concurrent` hashes at once so
// that a burst of logins cannot exhaust memory or CPU: a caller that cannot get a slot within
// `wait_ms` gets kResourceExhausted. Thread-safe.
class PasswordHasher {
 public:
  PasswordHasher(PasswordCost cost, int max_concurrent, int wait_ms);

  Result<std::string> Hash(const std::string& password);
  // Ok when `password` matches `hash`; kUnauthenticated when it does not.
  Status Verify(const std::string& hash, const std::string& password);
  // Burns the time of one verification (for unknown users: no timing oracle).
  void VerifyDummy(const std::string& password);

 private:
  Status Acquire();
  void Release();

  const PasswordCost cost_;
  const int max_concurrent_;
  const int wait_ms_;
  std::string dummy_hash_;
  std::mutex mu_;  // guards in_use_
  std::condition_variable cv_;
  int in_use_ = 0;
};

// Rules for a new password: at least 10 characters; field "password" is named on failure.
Status ValidatePassword(const std::string& password);

// `bytes` random bytes as URL-safe base64 without padding.
std::string RandomToken(std::size_t bytes);

// `length` characters drawn uniformly from capitals and digits without look-alikes (no 0, O, 1,
// I): a secret that a person reads from paper and types. 8 characters give about 40 bits.
std::string RandomCode(std::size_t length);

// SHA-256 of `data` as lower-case hex.
std::string Sha256Hex(const std::string& data);

// Equality that takes the same time wherever the strings differ (libsodium sodium_memcmp);
// strings of different lengths are unequal.
bool ConstantTimeEqual(const std::string& a, const std::string& b);

}  // namespace motcua::app
