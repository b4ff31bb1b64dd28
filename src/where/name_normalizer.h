// Place-name normalisation shared by the gazetteer builder and every lookup, so
// that a name is cut and folded the same way on both sides: NFKD, accents
// (combining marks) stripped, Unicode case folding, a few letters without
// decompositions spelled out
// ("ø" -> "o", "ł" -> "l"), apostrophes and okinas dropped ("Ma'rib" =
// "Marib"), hyphens, dots, commas and other punctuation turned into one space,
// runs of spaces collapsed and the ends trimmed. Internal to src/where/.
//
// Stateless; thread-safe (ICU's normaliser instances are immutable singletons).
#ifndef DATELINE_WHERE_NAME_NORMALIZER_H_
#define DATELINE_WHERE_NAME_NORMALIZER_H_

#include <string>
#include <string_view>

namespace dateline::where_internal {

// The lookup key of a place name; empty when the name has no letters or digits.
// Invalid UTF-8 sequences are treated as U+FFFD (which is dropped).
std::string NormalizePlaceName(std::string_view name);
// The same into `out` (replacing its content), whose capacity is reused:
// recognition normalises every candidate n-gram of a text, most of them longer
// than a short string holds.
void NormalizePlaceName(std::string_view name, std::string* out);

// NormalizePlaceName(name) == key, without building the normalised name when
// `name` is ASCII.
bool NormalizesTo(std::string_view name, std::string_view key);

// The key under which an exact-case phrase is stored: "=" followed by the
// phrase with runs of white space collapsed ("US" -> "=US"). Never equal to a
// normalised key, which cannot contain '='.
std::string ExactCaseKey(std::string_view phrase);

}  // namespace dateline::where_internal

#endif  // DATELINE_WHERE_NAME_NORMALIZER_H_
