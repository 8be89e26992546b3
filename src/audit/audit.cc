#include "audit/audit.h"

#include <sodium.h>

namespace motcua::audit {
namespace {

void Put(std::string& out, const std::string& field) {
  const std::uint64_t n = field.size();
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
  out += field;
}

void PutInt(std::string& out, std::int64_t v) { Put(out, std::to_string(v)); }

}  // namespace

std::string GenesisHash() { return std::string(crypto_hash_sha256_BYTES, '\0'); }

std::string Canonical(const Record& r) {
  std::string out;
  PutInt(out, r.seq);
  PutInt(out, r.at);
  Put(out, r.actor_user_id ? std::to_string(*r.actor_user_id) : std::string());
  Put(out, r.actor);
  Put(out, r.action);
  Put(out, r.object_type);
  Put(out, r.object_id);
  Put(out, r.address);
  Put(out, r.result);
  Put(out, r.detail);
  Put(out, r.request_id);
  Put(out, r.prev_hash);
  return out;
}

std::string ComputeHash(const Record& r) {
  const std::string bytes = Canonical(r);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

std::string Hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

bool Verifier::Feed(const Record& r) {
  if (!outcome_.ok) return false;
  auto broken = [&](const char* problem) {
    outcome_.ok = false;
    outcome_.first_broken_seq = r.seq;
    outcome_.problem = problem;
    return false;
  };
  if (r.seq != expected_seq_) return broken("gap in sequence");
  if (r.prev_hash != expected_prev_) return broken("prev_hash does not match the previous record");
  if (ComputeHash(r) != r.hash) return broken("hash mismatch: the record was altered");
  ++outcome_.checked;
  ++expected_seq_;
  expected_prev_ = r.hash;
  return true;
}

}  // namespace motcua::audit
