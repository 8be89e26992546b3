#include "catalog/rank.h"

#include <algorithm>
#include <tuple>

#include "catalog/fold.h"

namespace motcua::catalog {
namespace {

bool HasWord(const std::string& index, const std::string& word) {
  return index.find(" " + word + " ") != std::string::npos;
}

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

SearchEntry MakeSearchEntry(std::string_view code, std::string_view name, std::string_view field) {
  SearchEntry e;
  e.code = std::string(code);
  e.code_folded = Fold(Trim(code));
  e.name_index = IndexText(name);
  e.field_index = IndexText(field);
  e.name_words = static_cast<int>(Tokenize(name).size());
  return e;
}

SearchQuery MakeQuery(std::string_view text) {
  SearchQuery q;
  q.code = Fold(Trim(text));
  q.words = Tokenize(text);
  q.phrase = IndexText(text);
  return q;
}

MatchTier Match(const SearchQuery& query, const SearchEntry& entry) {
  if (!query.code.empty() && query.code == entry.code_folded) return MatchTier::kExactCode;
  if (query.words.empty()) return MatchTier::kNone;
  if (entry.name_index.find(query.phrase) != std::string::npos) return MatchTier::kNamePhrase;
  const bool in_name =
      std::all_of(query.words.begin(), query.words.end(),
                  [&](const std::string& w) { return HasWord(entry.name_index, w); });
  if (in_name) return MatchTier::kNameWords;
  const bool anywhere =
      std::all_of(query.words.begin(), query.words.end(), [&](const std::string& w) {
        return HasWord(entry.name_index, w) || HasWord(entry.field_index, w);
      });
  return anywhere ? MatchTier::kNameAndField : MatchTier::kNone;
}

std::vector<std::size_t> Search(const SearchQuery& query, std::span<const SearchEntry> entries) {
  std::vector<std::pair<MatchTier, std::size_t>> hits;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const MatchTier tier = Match(query, entries[i]);
    if (tier != MatchTier::kNone) hits.emplace_back(tier, i);
  }
  std::stable_sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
    const SearchEntry& x = entries[a.second];
    const SearchEntry& y = entries[b.second];
    return std::forward_as_tuple(b.first, x.name_words, x.code) <
           std::forward_as_tuple(a.first, y.name_words, y.code);
  });
  std::vector<std::size_t> out;
  for (const auto& hit : hits) out.push_back(hit.second);
  return out;
}

}  // namespace motcua::catalog
