#include "events/function_words.h"

#include <algorithm>
#include <map>

#include "core/table_file.h"

namespace dateline {

bool WordSet::Add(std::string word) {
  if (!set_.insert(word).second) return false;
  words_.push_back(std::move(word));
  return true;
}

namespace {

// The file's list names and the members they fill.
const std::map<std::string_view, WordSet FunctionWords::*>& ListsByName() {
  static const auto* lists =
      new std::map<std::string_view, WordSet FunctionWords::*>{
          {"prepositions", &FunctionWords::prepositions},
          {"locatives", &FunctionWords::locatives},
          {"determiners", &FunctionWords::determiners},
          {"negations", &FunctionWords::negations},
          {"intent-verbs", &FunctionWords::intent_verbs},
          {"self-coding-intents", &FunctionWords::self_coding_intents},
          {"reciprocal-verbs", &FunctionWords::reciprocal_verbs},
          {"death-words", &FunctionWords::death_words},
          {"injury-words", &FunctionWords::injury_words},
          {"arrest-words", &FunctionWords::arrest_words},
          {"quantity-words", &FunctionWords::quantity_words},
          {"partitives", &FunctionWords::partitives},
          {"auxiliaries", &FunctionWords::auxiliaries},
          {"pronouns", &FunctionWords::pronouns},
          {"verb-joins", &FunctionWords::verb_joins},
          {"subject-clause-openers", &FunctionWords::subject_clause_openers},
          {"opening-subordinators", &FunctionWords::opening_subordinators},
          {"clause-after-comma", &FunctionWords::clause_after_comma},
          {"uncoded-subject-stops", &FunctionWords::uncoded_subject_stops},
          {"not-modifiers", &FunctionWords::not_modifiers},
          {"future-modals", &FunctionWords::future_modals},
          {"possible-modals", &FunctionWords::possible_modals},
          {"conditional-modals", &FunctionWords::conditional_modals},
          {"obligation-modals", &FunctionWords::obligation_modals},
          {"conditional-openers", &FunctionWords::conditional_openers},
          {"coordinators", &FunctionWords::coordinators},
          {"slot-stops", &FunctionWords::slot_stops},
          {"phrase-ends", &FunctionWords::phrase_ends},
          {"participant-prepositions",
           &FunctionWords::participant_prepositions},
          {"harm-links", &FunctionWords::harm_links},
          {"harm", &FunctionWords::harm},
          {"done-to-people", &FunctionWords::done_to_people},
          {"after-passive", &FunctionWords::after_passive},
          {"report-participles", &FunctionWords::report_participles},
          {"noun-suffixes", &FunctionWords::noun_suffixes},
          {"degree-adverbs", &FunctionWords::degree_adverbs},
          {"modals", &FunctionWords::modals},
          {"nominal-scan-stops", &FunctionWords::nominal_scan_stops}};
  return *lists;
}

// The words of a record's last field. A token never holds a space or an
// upper-case letter (the analyser folds case), so such a word could never
// match: a slip, reported.
Result<std::vector<std::string>> Words(const TableRecord& r) {
  std::vector<std::string> words = SplitList(r.fields[2]);
  if (words.empty()) return r.MakeError("no words after the second \"|\"");
  for (const std::string& w : words) {
    if (std::any_of(w.begin(), w.end(), [](char c) {
          return c == ' ' || c == '\t' || (c >= 'A' && c <= 'Z');
        }))
      return r.MakeError("\"" + w +
                         "\" is no single lower-case token (words are "
                         "compared with the analyser's case-folded tokens)");
  }
  return words;
}

Status AddList(const TableRecord& r, FunctionWords* out) {
  const auto it = ListsByName().find(r.fields[1]);
  if (it == ListsByName().end())
    return r.MakeError("unknown list \"" + r.fields[1] +
                       "\" (no rule of the event coder reads it)");
  ASSIGN_OR_RETURN(std::vector<std::string> words, Words(r));
  WordSet& list = out->*(it->second);
  for (std::string& w : words) {
    if (!list.Add(w))
      return r.MakeError("\"" + w + "\" is already in list \"" + r.fields[1] +
                         "\"");
  }
  return Status::Ok();
}

Status AddNumber(const TableRecord& r, FunctionWords* out) {
  const std::string& value = r.fields[1];
  if (value.empty() || value.size() > 9 || value[0] == '0' ||
      !std::all_of(value.begin(), value.end(),
                   [](char c) { return c >= '0' && c <= '9'; }))
    return r.MakeError("\"" + value +
                       "\" is no count (a whole number above 0, at most 9 "
                       "digits)");
  ASSIGN_OR_RETURN(std::vector<std::string> words, Words(r));
  for (std::string& w : words) {
    if (!out->numbers.emplace(w, std::stoi(value)).second)
      return r.MakeError("\"" + w + "\" already has a number");
  }
  return Status::Ok();
}

}  // namespace

Result<FunctionWords> ParseFunctionWords(std::string_view text,
                                         const std::string& name) {
  ASSIGN_OR_RETURN(std::vector<TableRecord> records,
                   ParseTable(text, name, 3, 3));
  FunctionWords out;
  for (const TableRecord& r : records) {
    if (r.fields[0] == "list") {
      RETURN_IF_ERROR(AddList(r, &out));
    } else if (r.fields[0] == "number") {
      RETURN_IF_ERROR(AddNumber(r, &out));
    } else {
      return r.MakeError("\"" + r.fields[0] +
                         "\" is neither \"list\" nor \"number\"");
    }
  }
  for (const auto& [list, member] : ListsByName()) {
    if ((out.*member).words().empty())
      return MakeError(name, "no list \"" + std::string(list) +
                                 "\" (the event coder reads it)");
  }
  if (out.numbers.empty()) return MakeError(name, "no \"number\" line");
  return out;
}

Result<FunctionWords> LoadFunctionWords(const std::string& data_dir) {
  const std::string path = data_dir + "/events/function_words.txt";
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseFunctionWords(text, path);
}

}  // namespace dateline
