#include "storage/sql/driver.h"

#include <charconv>
#include <map>
#include <memory>
#include <mutex>

namespace motcua::storage::sql {
namespace {

struct ToInt {
  std::int64_t operator()(std::monostate) const { return 0; }
  std::int64_t operator()(std::int64_t v) const { return v; }
  std::int64_t operator()(double v) const { return static_cast<std::int64_t>(v); }
  std::int64_t operator()(const std::string& s) const {
    if (s == "t") return 1;  // PostgreSQL boolean text
    if (s == "f") return 0;
    std::int64_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
  }
  std::int64_t operator()(const Blob&) const { return 0; }
};

}  // namespace

bool Row::IsNull(std::size_t i) const {
  return std::holds_alternative<std::monostate>(values_.at(i));
}

std::int64_t Row::Int(std::size_t i) const { return std::visit(ToInt{}, values_.at(i)); }

double Row::Real(std::size_t i) const {
  const Value& v = values_.at(i);
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (auto* s = std::get_if<std::string>(&v)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string Row::Text(std::size_t i) const {
  const Value& v = values_.at(i);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  if (auto* b = std::get_if<Blob>(&v)) return b->bytes;
  return {};
}

std::string Row::Bytes(std::size_t i) const {
  const Value& v = values_.at(i);
  if (auto* b = std::get_if<Blob>(&v)) return b->bytes;
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  return {};
}

std::optional<std::string> Row::OptText(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

Result<std::optional<Row>> Connection::QueryOne(const Statement& stmt,
                                                std::span<const Value> params) {
  MOTCUA_ASSIGN_OR_RETURN(auto rows, Query(stmt, params));
  if (rows.empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows.front()));
}

const Statement& KeptStatement(const std::string& name, const std::function<std::string()>& make) {
  struct Kept {
    std::string name;
    std::string sql;
    Statement statement;
  };
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Kept>, std::less<>> kept;
  std::lock_guard lock(mu);
  auto& slot = kept[name];
  if (!slot) {
    slot = std::make_unique<Kept>(Kept{name, make(), {}});
    slot->statement = Statement{slot->name, slot->sql};
  }
  return slot->statement;
}

}  // namespace motcua::storage::sql
