// Internal to src/events: reads verb dictionaries in the CAMEO verb-dictionary
// layout of TABARI and PETRARCH (PETR.Validate.verbs.txt, CAMEO.2.0.txt,
// "*.verbs") as they are shipped, into verb blocks that events.cc compiles into
// its pattern index.
//
// The layout (PETRARCH's dictionaries.rst and TABARI's manual, ch. 4):
//   # comment, <!-- comment -->   "#" to the end of a line; lines inside <!--
//   --> &NAME                         opens a synonym set ("synset"); its
//   members follow as +PHRASE                       "+" lines (words joined by
//   " " or "_", or "&OTHER", a
//                                 synset defined earlier). A name ending in "_"
//                                 and phrases ending in "_" take no plurals;
//                                 plurals are not generated here because the
//                                 engine matches lemmas.
//   --- NAME [CODE] ---           opens a verb block; CODE is the event code of
//   the bare
//                                 verbs. "---" (or no code) codes nothing;
//                                 "A:B" is a paired code (A for source->target,
//                                 B for the reverse),
//                                 ":B" codes the reverse event only.
//   VERB {FORM FORM} [CODE]       a verb of the block with its irregular forms
//   and its
//                                 own code. A multi-word verb joins words with
//                                 "_" and marks the verb word with "+"
//                                 ("+CORDON_OFF", "WIRE_+TAP"); unmarked, the
//                                 first word is the verb.
//   - PATTERN [CODE]  # comment   a pattern of every verb of the block. Items:
//   words,
//                                 &SYNSETs, "*" (the verb), "+" (the target),
//                                 "$" (the source), "%" (a compound actor), "^"
//                                 (skip a noun phrase). Items joined by "_" are
//                                 adjacent in text; a space lets other words
//                                 come between. PETRARCH 2's
//                                 "{ADJ NOUN}" and "(PREP NOUN)" groups are
//                                 read as their words. No [CODE]: the block's
//                                 code. A pattern using a synset not defined
//                                 above it is ignored, as PETRARCH does.
//   ~ TRANSFORMATION              PETRARCH 2 verb-verb transformations:
//   skipped.
// A pattern line with two "*" or none (a few such lines ship in PETRARCH's
// dictionaries) is skipped and reported in `skipped`, not an error, so the
// files load as shipped. Event codes are any word of letters, digits, "-", "?"
// ("075A", "1717", "903"): they pass through unchanged. A pattern whose code
// has other characters ("+++",
// "###": TABARI's complex and discard markers) is ignored, as PETRARCH does; a
// block or verb with such a code codes nothing.
//
// Thread-safe (pure functions).
#ifndef DATELINE_EVENTS_TABARI_VERBS_H_
#define DATELINE_EVENTS_TABARI_VERBS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace dateline {

// One item of a pattern, in text order.
struct TabariItem {
  enum class Kind { kPhrase, kTarget, kSource, kCompound, kSkip };
  Kind kind = Kind::kPhrase;
  // kPhrase: the alternatives, each a sequence of lower-case words (a synset
  // gives one alternative per member; "n't" is its own word).
  std::vector<std::vector<std::string>> alternatives;
  bool joined_to_next = false;  // "_" between this item and the next one
};

// An event code as written: `code` "" for none, `paired` the B of "A:B" or
// ":B".
struct TabariEventCode {
  std::string code, paired;
  bool codes_nothing =
      false;  // "---", "+++", "###", ...: a match that codes nothing
  bool not_a_code = false;  // "+++", "###": TABARI markers, not event codes
};

struct TabariVerb {
  std::vector<std::string> words_before;  // "wire" in WIRE_+TAP
  std::vector<std::string> forms;  // the verb word and its irregular forms
  std::vector<std::string> words_after;  // "off" in +CORDON_OFF
  bool has_code = false;                 // a code of its own, else the block's
  TabariEventCode code;
  int line = 0;
};

struct TabariPattern {
  std::vector<TabariItem>
      before;  // items before "*"; the last one's joined_to_next
               // says whether it touches the verb
  std::vector<TabariItem> after;     // items after "*"
  bool verb_joined_to_next = false;  // "*_X"
  TabariEventCode code;
  int line = 0;
  std::string text;  // the pattern as written, for citations
};

struct TabariVerbBlock {
  std::string name;  // as written, e.g. "CORDON OFF"
  TabariEventCode code;
  int line = 0;
  std::vector<TabariVerb> verbs;
  std::vector<TabariPattern> patterns;
};

// Parses `text`; errors name `file`, the line and the problem. Lines skipped as
// unusable but harmless are added to `skipped` when it is given.
Result<std::vector<TabariVerbBlock>> ParseTabariVerbs(
    std::string_view text, const std::string& file,
    std::vector<Error>* skipped = nullptr);

}  // namespace dateline

#endif  // DATELINE_EVENTS_TABARI_VERBS_H_
