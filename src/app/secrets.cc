#include "app/secrets.h"

#include <sodium.h>

#include <chrono>
#include <cstring>

#include "audit/audit.h"

namespace motcua::app {

PasswordCost PasswordCost::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::Minimum() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

PasswordHasher::PasswordHasher(PasswordCost cost, int max_concurrent, int wait_ms)
    : cost_(cost), max_concurrent_(std::max(1, max_concurrent)), wait_ms_(wait_ms) {
  if (sodium_init() < 0) std::abort();  // no secure randomness: nothing can work
  char out[crypto_pwhash_STRBYTES];
  const std::string seed = RandomToken(16);
  if (crypto_pwhash_str_alg(out, seed.c_str(), seed.size(), cost_.ops, cost_.mem_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) == 0) {
    dummy_hash_ = out;
  }
}

Status PasswordHasher::Acquire() {
  std::unique_lock lock(mu_);
  if (!cv_.wait_for(lock, std::chrono::milliseconds(wait_ms_),
                    [&] { return in_use_ < max_concurrent_; })) {
    return Error::ResourceExhausted("too many logins at once; try again in a moment")
        .WithReason("busy");
  }
  ++in_use_;
  return Ok();
}

void PasswordHasher::Release() {
  {
    std::lock_guard lock(mu_);
    --in_use_;
  }
  cv_.notify_one();
}

Result<std::string> PasswordHasher::Hash(const std::string& password) {
  MOTCUA_RETURN_IF_ERROR(Acquire());
  char out[crypto_pwhash_STRBYTES];
  const int rc = crypto_pwhash_str_alg(out, password.c_str(), password.size(), cost_.ops,
                                       cost_.mem_bytes, crypto_pwhash_ALG_ARGON2ID13);
  Release();
  if (rc != 0) return Error::ResourceExhausted("out of memory while hashing a password");
  return std::string(out);
}

Status PasswordHasher::Verify(const std::string& hash, const std::string& password) {
  MOTCUA_RETURN_IF_ERROR(Acquire());
  const int rc = crypto_pwhash_str_verify(hash.c_str(), password.c_str(), password.size());
  Release();
  if (rc != 0) return Error::Unauthenticated("wrong username or password");
  return Ok();
}

void PasswordHasher::VerifyDummy(const std::string& password) {
  if (!dummy_hash_.empty()) (void)Verify(dummy_hash_, password);
}

Status ValidatePassword(const std::string& password) {
  if (password.size() < 10) {
    return Error::InvalidField("password", "must have at least 10 characters");
  }
  if (password.size() > 256) {
    return Error::InvalidField("password", "must have at most 256 characters");
  }
  return Ok();
}

std::string RandomToken(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::string Sha256Hex(const std::string& data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return audit::Hex(std::string(reinterpret_cast<const char*>(digest), sizeof digest));
}

std::string RandomCode(std::size_t length) {
  static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out(length, ' ');
  for (auto& c : out) c = kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
  return out;
}

bool ConstantTimeEqual(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace motcua::app
