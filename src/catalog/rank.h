#pragma once

// Ranking of catalog search results, defined so that a SQL back end reproduces it exactly from
// columns computed here (MakeSearchEntry) and plain substring tests; C++ and both stores agree.
//
// Tiers, best first (a result takes the best tier it meets):
//   4 exact code     code_folded = query_code              (whole query equals the code, any case)
//   3 name phrase    instr(name_index, query_phrase) > 0   (the query's words, in order, adjacent)
//   2 name words     every query word w: instr(name_index, ' ' || w || ' ') > 0
//   1 name + field   every query word in name_index or in field_index
//   0 no match       (not returned)
// Within a tier: fewer words in the name first (the more specific procedure), then code
// ascending. In SQL: ORDER BY tier DESC, name_words ASC, code ASC. Words are whole tokens
// (fold.h); a prefix of a word does not match.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::catalog {

enum class MatchTier {
  kNone = 0,
  kNameAndField = 1,
  kNameWords = 2,
  kNamePhrase = 3,
  kExactCode = 4
};

// The columns a store keeps per procedure version for search.
struct SearchEntry {
  std::string code;         // as published, for the final ordering
  std::string code_folded;  // Fold(code)
  std::string name_index;   // IndexText(name)
  std::string field_index;  // IndexText(field)
  int name_words = 0;       // Tokenize(name).size()
};

SearchEntry MakeSearchEntry(std::string_view code, std::string_view name, std::string_view field);

// A parsed query: the folded, trimmed whole text (for the code test), its words and the phrase
// " w1 w2 ... ".
struct SearchQuery {
  std::string code;
  std::vector<std::string> words;
  std::string phrase;
};

SearchQuery MakeQuery(std::string_view text);

// The tier of `entry` for `query`; kNone for an empty query.
MatchTier Match(const SearchQuery& query, const SearchEntry& entry);

// Indices of the matching entries, best first (tier, then name_words, then code).
std::vector<std::size_t> Search(const SearchQuery& query, std::span<const SearchEntry> entries);

}  // namespace motcua::catalog
