// Internal to src/events: TABARI/PETRARCH discard lists
// (PETR.Validate.discards.txt, Phoenix.discards.txt), read as shipped, and the
// test whether a text is discarded.
//
// The layout (PETRARCH's dictionaries.rst, "Discard List"):
//   # comment, <!-- comment -->   "#" to the end of a line; lines starting "<!"
//   PHRASE                        a sentence containing it is not coded
//   +PHRASE                       a story containing it is not coded at all
//   PHRASE_                       the match must end at a word's end; without
//   "_" the
//                                 phrase is a stem ("BATSM" matches "batsmen")
// Words are joined by blanks or "_"; matching is case-insensitive on the text
// with a blank before the phrase.
//
// Thread-safe (pure functions and an immutable list).
#ifndef DATELINE_EVENTS_TABARI_DISCARDS_H_
#define DATELINE_EVENTS_TABARI_DISCARDS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace dateline {

struct Discard {
  std::string phrase;  // lower case, a blank before it, "_" read as a blank
  bool whole = false;  // the match ends at a word's end
  bool story = false;  // "+": the whole text is not coded
};

// Parses a discard list; errors name `file`, the line and the problem.
Result<std::vector<Discard>> ParseDiscards(std::string_view text,
                                           const std::string& file);

// Discard phrases indexed by their first characters, so that a text is checked
// with a few lookups per word rather than a search per phrase (Phoenix lists
// about a thousand). Immutable after Add; Discarded is thread-safe.
class DiscardList {
 public:
  void Add(const std::vector<Discard>& discards);
  bool empty() const { return discards_.empty(); }
  // Whether `text` contains a phrase of the given kind (story or sentence).
  bool Discarded(std::string_view text, bool story) const;

 private:
  static constexpr size_t kPrefix = 3;  // characters after the leading blank
  std::vector<Discard> discards_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_prefix_;
};

}  // namespace dateline

#endif  // DATELINE_EVENTS_TABARI_DISCARDS_H_
