// The function words the event coder's clause rules are written against
// (prepositions, determiners, auxiliaries, number words, verbs of harm, ...),
// read from data/events/function_words.txt, whose format is at its top.
// Internal to src/events/.
//
// Every list the file may hold is a member of FunctionWords, and the file must
// give each one: a list the coder does not read, or one it reads and the file
// lacks, is an error naming the file (and line). The lists are probed for
// nearly every token of every sentence, so each is a hash set under StringHash,
// probed with a view.
//
// Thread-safety: a FunctionWords is immutable once loaded; an EventCoder owns
// one and its sentences read it from any number of threads.
#ifndef DATELINE_EVENTS_FUNCTION_WORDS_H_
#define DATELINE_EVENTS_FUNCTION_WORDS_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/error.h"
#include "core/string_hash.h"

namespace dateline {

// A list of words: membership in one hash probe, and the words in file order.
class WordSet {
 public:
  bool Contains(std::string_view word) const {
    return set_.find(word) != set_.end();
  }
  const std::vector<std::string>& words() const { return words_; }

  // False when `word` is already in the set (then nothing changes).
  bool Add(std::string word);

 private:
  std::unordered_set<std::string, StringHash, std::equal_to<>> set_;
  std::vector<std::string> words_;
};

// The lists by the names the file gives them ("intent-verbs" is intent_verbs);
// the comments of data/events/function_words.txt say which rule reads each.
struct FunctionWords {
  // Word classes used throughout.
  WordSet prepositions, locatives, determiners, negations, intent_verbs,
      self_coding_intents, reciprocal_verbs;
  // Counts: cue words of fatalities, injuries and arrests; words before a
  // count; partitive nouns.
  WordSet death_words, injury_words, arrest_words, quantity_words, partitives;
  // Clauses and subjects.
  WordSet auxiliaries, pronouns, verb_joins, subject_clause_openers,
      opening_subordinators, clause_after_comma, uncoded_subject_stops,
      not_modifiers;
  // Modality: the modals of each modality, and what opens a conditional
  // sentence.
  WordSet future_modals, possible_modals, conditional_modals, obligation_modals,
      conditional_openers;
  // Participants.
  WordSet coordinators, slot_stops, phrase_ends, participant_prepositions;
  // Reading the trigger.
  WordSet harm_links, harm, done_to_people, after_passive, report_participles,
      noun_suffixes, degree_adverbs, modals, nominal_scan_stops;

  // The count a number word stands for ("twelve" 12, "dozens" 24), if it is
  // one.
  std::optional<int> NumberWord(std::string_view word) const {
    const auto it = numbers.find(word);
    if (it == numbers.end()) return std::nullopt;
    return it->second;
  }
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> numbers;
};

// Reads data_dir's events/function_words.txt. A missing file, or a line that
// does not fit the format, is an Error naming the file (and the line).
Result<FunctionWords> LoadFunctionWords(const std::string& data_dir);

// The same over text in memory; `name` stands for the file in errors.
Result<FunctionWords> ParseFunctionWords(std::string_view text,
                                         const std::string& name);

}  // namespace dateline

#endif  // DATELINE_EVENTS_FUNCTION_WORDS_H_
