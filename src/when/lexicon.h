// The date lexicon of the when stage (internal to src/when/): what each date
// word means, read from data/when/lexicon.txt, whose format is at its top.
// Month and weekday names, the keywords that make a date relative or vague,
// units of time and small counts, and the flags of words that decide how a date
// around them reads.
//
// The file is built into the library (CMakeLists.txt), as the when stage takes
// no data folder, and parsed on first use. Thread-safe: GetLexicon() builds its
// value once (a function-local static) and it is never changed after. A file
// that does not parse is a defect of the build, so GetLexicon() aborts with the
// file, line and problem on standard error; lexicon_test.cc parses it.
#ifndef DATELINE_WHEN_LEXICON_H_
#define DATELINE_WHEN_LEXICON_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/error.h"
#include "core/string_hash.h"

namespace dateline::when_internal {

// What a keyword makes of a date; the file's names are in KeywordByName
// (lexicon.cc).
enum class Kw : uint8_t {
  kNone,
  kYesterday,
  kToday,
  kTonight,
  kTomorrow,
  kThis,
  kLast,
  kNext,
  kPast,     // "the past week" reads as "last week"
  kComing,   // "the coming week" reads as "next week"
  kEarlier,  // "earlier this month"
  kLater,
  kEarly,  // "early October", "early 2017"
  kLate,
  kMid,
  kUnit,  // day(s), week(s), weekend, month(s), year(s), decade(s)
  kAgo,
  kRecently,   // "recently", "lately"
  kRecent,     // "in recent days"
  kPartOfDay,  // night, morning, afternoon, evening
  kCount,      // one..twelve, a, an (value in WordInfo::number)
  kVague,      // several, few, many, some: "several days ago"
  kIn,
  kOf,
  kThe,
  kGoing,  // "going to"
  kWon,    // "won't"
};

enum Unit : uint8_t { kNoUnit, kDay, kWeek, kWeekend, kMonth, kYear, kDecade };

enum WordFlag : uint16_t {
  kFlagDatePrep = 1 << 0,  // a preposition that introduces a bare year or month
  kFlagConnector = 1 << 1,    // joins the two ends of a range
  kFlagFuture = 1 << 2,       // a future-tense marker
  kFlagPast = 1 << 3,         // a past-tense marker
  kFlagNameBefore = 1 << 4,   // "Good Friday", "Black Friday": not a date
  kFlagNameAfter = 1 << 5,    // "Sunday Times": a newspaper, not a date
  kFlagTitleAbbrev = 1 << 6,  // "Mr." does not end a sentence
  kFlagCountNoun = 1 << 7,    // "2017 people": a number of things, not a year
  kFlagDeterminer = 1 << 8,   // "the 2017 referendum", "a 2019 report"
};

struct WordInfo {
  uint8_t month = 0;  // 1..12
  bool month_abbrev = false;
  int8_t weekday = -1;  // 0 = Monday
  bool weekday_abbrev = false;
  Kw kw = Kw::kNone;
  Unit unit = kNoUnit;
  bool plural = false;
  int8_t number = 0;
  uint16_t flags = 0;
};

// The words of the lexicon, lower case, probed with a view.
using Lexicon =
    std::unordered_map<std::string, WordInfo, StringHash, std::equal_to<>>;

// The longest word the when stage looks up (its LookUp reads no longer word).
constexpr size_t kMaxWordLength = 12;

// Parses a lexicon file's text; `name` stands for the file in errors, which
// name its line.
Result<Lexicon> ParseLexicon(std::string_view text, const std::string& name);

// The built-in data/when/lexicon.txt, parsed once.
const Lexicon& GetLexicon();

}  // namespace dateline::when_internal

#endif  // DATELINE_WHEN_LEXICON_H_
