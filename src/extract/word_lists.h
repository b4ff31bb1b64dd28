// The word lists extraction reads from data/extract/ (internal to
// src/extract/): month and day names (calendar.txt), the phrases that mark
// furniture lines (furniture_lines.txt) and the class and id cues of HTML
// elements (classes.txt). The files' formats are at their tops; they are built
// into the library (CMakeLists.txt) and parsed on first use.
//
// Thread-safe: WordLists() builds its value once (a function-local static) and
// it is never changed after. A file that does not parse is a defect of the
// build (the files are compiled in), so it aborts with the file, line and
// problem on standard error; word_lists_test.cc parses them all.
#ifndef DATELINE_EXTRACT_WORD_LISTS_H_
#define DATELINE_EXTRACT_WORD_LISTS_H_

#include <array>
#include <bitset>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dateline::extract_internal {

// A class or id cue of classes.txt.
struct ClassCue {
  std::string name;
  bool whole_token = false;  // "token": the whole token; else a stem inside one
  bool content = false, hover = false, furniture = false, strong = false,
       long_furniture = false, poster = false, kicker = false;
};

// Hashes std::string and std::string_view alike, so that a map keyed by strings
// can be searched with a view (no string built per lookup).
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};

struct WordListSet {
  // Month names, twelve per language in file order (index % 12 is the month -
  // 1); the first twelve are English.
  std::vector<std::string> months;
  std::vector<std::string> days;  // seven per language
  std::vector<ClassCue> class_cues;
  // Whole class names that hide their element's text from sight (the "class"
  // cues of classes.txt, kind "unseen"), lower-cased.
  std::vector<std::string> unseen_classes;
  // unseen_lengths[n]: some unseen class name is n bytes long (n < 64), so
  // that most of an element's class names are passed over by their length.
  std::bitset<64> unseen_lengths;
  // The same cues for the class verdicts (ReadClass), indexed for a scan over
  // every element's tokens: the whole-token cues by name, and the stems other
  // than those that only mark hover cards by their first character (a-z, 0-9),
  // so that a token is read once, each position compared only with the stems
  // starting with its byte.
  std::unordered_map<std::string, ClassCue, StringViewHash, std::equal_to<>>
      class_tokens;
  std::array<std::vector<ClassCue>, 128> class_stems_by_first;
  // class_stem_pairs[a][b]: whether a stem of class_stems_by_first starts with
  // the bytes a, b (b == 0: a stem of the one byte a, which also sets every
  // [a][b]). Most positions of a token start no stem: this one look-up passes
  // over them without reading the stems.
  std::array<std::bitset<128>, 128> class_stem_pairs;
  // The same for the names of class_tokens: a token whose first two bytes
  // start none is not looked up.
  std::array<std::bitset<128>, 128> class_token_pairs;

  // The "poster" cues: class tokens of the element that names a forum
  // post's writer.
  std::vector<std::string> poster_tokens;
  // The "kicker" cues: class stems of the child of an <h1> that holds the
  // headline's overline.
  std::vector<std::string> kicker_stems;

  // Lists of furniture_lines.txt, by name.
  std::vector<std::string> author_start, byline_start, author_label,
      credit_label, caption, caption_start, caption_credit, related_start,
      author_bio, credit_start, app_store, app_start, satellite, site_map,
      social_start, taxonomy_start, disclosure, date_published, date_updated,
      sign_off, interviewer_start, role_word, role_ending, publisher_word,
      desk_word, agency_joiner, writing_noun, sign_off_possessive, sign_up_end,
      author_link_label, name_particle, byline_possessive, affiliation_word,
      ad_label, media_label, appeal_heading, donation_path, caption_end,
      rights_reserved, reading_time, breadcrumb_start;
};

const WordListSet& WordLists();

// Parses the three files' texts; on a malformed line returns false and says why
// in *error ("calendar.txt:3: ..."). Exposed for tests.
bool ParseWordLists(std::string_view calendar, std::string_view classes,
                    std::string_view furniture_lines, WordListSet* out,
                    std::string* error);

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_WORD_LISTS_H_
