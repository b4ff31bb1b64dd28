// Internal to src/events: reads verb dictionaries in the CAMEO verb-dictionary layout
// used by TABARI and PETRARCH ("*.verbs") and converts them into Dateline patterns
// (the language of data/events/verbs.txt).
//
// Accepted subset:
//   # comment                 anywhere after "#" (a line of only a comment is skipped)
//   --- NAME [CODE] ---       opens a verb block; CODE is a CAMEO code, or "---" for a
//                             verb that codes nothing by itself; trailing "---" optional.
//                             PETRARCH's "[CODE:CODE]" keeps the first code.
//   VERB {FORM FORM}          a verb of the block; "_" joins words ("CALL_FOR"); forms
//                             in braces are its irregular inflections (regular ones are
//                             found by the lemmatiser). Several verb lines per block.
//   - PATTERN [CODE]          a pattern of the block's verbs: words, "*" (the verb),
//                             "+" (the target) and "$" (the source). The engine finds
//                             the subject itself, so "$" and anything before "*" are
//                             dropped; after "*" each element may be separated from
//                             the next by a short gap. "[CODE]" may be omitted (the
//                             block's code applies); "{...}" synonym sets are not
//                             supported (an error).
// Thread-safe (pure functions).
#ifndef DATELINE_EVENTS_TABARI_VERBS_H_
#define DATELINE_EVENTS_TABARI_VERBS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace dateline {

struct ConvertedVerbEntry {
  std::string id;                     // the block's NAME, lower case
  std::string cameo;                  // CAMEO code of these patterns
  int line = 0;                       // 1-based line of the pattern (or block)
  std::vector<std::string> patterns;  // Dateline patterns ("accuse ... + ... of")
};

// Parses `text`; errors name `file`, the line and the problem.
Result<std::vector<ConvertedVerbEntry>> ParseTabariVerbs(std::string_view text, const std::string& file);

}  // namespace dateline

#endif  // DATELINE_EVENTS_TABARI_VERBS_H_
