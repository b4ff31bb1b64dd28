#include "when/lexicon.h"

#include <algorithm>
#include <bitset>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <vector>

#include "core/table_file.h"

namespace dateline::when_internal {

// Defined in the generated lexicon_data.cc (CMakeLists.txt).
extern const std::string_view kLexiconData;

namespace {

const std::map<std::string_view, Kw>& KeywordByName() {
  static const auto* names =
      new std::map<std::string_view, Kw>{{"yesterday", Kw::kYesterday},
                                         {"today", Kw::kToday},
                                         {"tonight", Kw::kTonight},
                                         {"tomorrow", Kw::kTomorrow},
                                         {"this", Kw::kThis},
                                         {"last", Kw::kLast},
                                         {"next", Kw::kNext},
                                         {"past", Kw::kPast},
                                         {"coming", Kw::kComing},
                                         {"earlier", Kw::kEarlier},
                                         {"later", Kw::kLater},
                                         {"early", Kw::kEarly},
                                         {"late", Kw::kLate},
                                         {"mid", Kw::kMid},
                                         {"ago", Kw::kAgo},
                                         {"recently", Kw::kRecently},
                                         {"recent", Kw::kRecent},
                                         {"part-of-day", Kw::kPartOfDay},
                                         {"vague", Kw::kVague},
                                         {"in", Kw::kIn},
                                         {"of", Kw::kOf},
                                         {"the", Kw::kThe},
                                         {"going", Kw::kGoing},
                                         {"won", Kw::kWon}};
  return *names;
}

const std::map<std::string_view, Unit>& UnitByName() {
  static const auto* names = new std::map<std::string_view, Unit>{
      {"day", kDay},     {"week", kWeek}, {"weekend", kWeekend},
      {"month", kMonth}, {"year", kYear}, {"decade", kDecade}};
  return *names;
}

const std::map<std::string_view, WordFlag>& FlagByName() {
  static const auto* names = new std::map<std::string_view, WordFlag>{
      {"date-preposition", kFlagDatePrep},
      {"connector", kFlagConnector},
      {"future", kFlagFuture},
      {"past", kFlagPast},
      {"name-before", kFlagNameBefore},
      {"name-after", kFlagNameAfter},
      {"title-abbreviation", kFlagTitleAbbrev},
      {"count-noun", kFlagCountNoun},
      {"determiner", kFlagDeterminer}};
  return *names;
}

// What the lines read so far have given at least one word, so that a meaning
// with none is reported at the end.
struct Coverage {
  std::bitset<13> months;   // full names, by month 1..12
  std::bitset<8> weekdays;  // full names, by ISO weekday 1..7
  std::vector<std::string_view> keywords, units, flags;
};

// The number in a record's second field, if it is a whole number in [1, max].
Result<int> Number(const TableRecord& r, int max) {
  const std::string& v = r.fields[1];
  if (v.empty() || v.size() > 2 || v[0] == '0' ||
      !std::all_of(v.begin(), v.end(),
                   [](char c) { return c >= '0' && c <= '9'; }) ||
      std::stoi(v) > max)
    return r.MakeError("\"" + v + "\" is not a number from 1 to " +
                       std::to_string(max));
  return std::stoi(v);
}

// The record's words: lower-case ASCII letters, short enough to be looked up.
Result<std::vector<std::string>> Words(const TableRecord& r) {
  std::vector<std::string> words = SplitList(r.fields[2]);
  if (words.empty()) return r.MakeError("no words after the second \"|\"");
  for (const std::string& w : words) {
    if (w.size() > kMaxWordLength ||
        !std::all_of(w.begin(), w.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; }))
      return r.MakeError("\"" + w + "\" is not a word of 1 to " +
                         std::to_string(kMaxWordLength) +
                         " lower-case letters a-z");
  }
  return words;
}

// Looks the record's second field up in `names`, and notes it in `seen` (when
// given) as a meaning with a word.
template <typename T>
Result<T> Named(const TableRecord& r,
                const std::map<std::string_view, T>& names, const char* what,
                std::vector<std::string_view>* seen) {
  const auto it = names.find(r.fields[1]);
  if (it == names.end())
    return r.MakeError("unknown " + std::string(what) + " \"" + r.fields[1] +
                       "\"");
  if (seen) seen->push_back(it->first);
  return it->second;
}

// Gives each word of the record what `set` sets, unless it sets what a word
// may have only once (`once` returns true when the word has it already).
template <typename Once, typename Set>
Status ForEachWord(const TableRecord& r, Lexicon* out, const std::string& what,
                   Once once, Set set) {
  ASSIGN_OR_RETURN(std::vector<std::string> words, Words(r));
  for (const std::string& w : words) {
    WordInfo& info = (*out)[w];
    if (once(info)) return r.MakeError("\"" + w + "\" already has " + what);
    set(info);
  }
  return Status::Ok();
}

Status AddCalendarWord(const TableRecord& r, Lexicon* out, Coverage* seen) {
  const std::string& kind = r.fields[0];
  const bool month = kind == "month" || kind == "month-abbreviation";
  const bool abbreviation =
      kind == "month-abbreviation" || kind == "weekday-abbreviation";
  ASSIGN_OR_RETURN(const int n, Number(r, month ? 12 : 7));
  if (month) {
    if (!abbreviation) seen->months.set(n);
    return ForEachWord(
        r, out, "a month", [](const WordInfo& w) { return w.month != 0; },
        [&](WordInfo& w) {
          w.month = static_cast<uint8_t>(n);
          w.month_abbrev = abbreviation;
        });
  }
  if (!abbreviation) seen->weekdays.set(n);
  return ForEachWord(
      r, out, "a weekday", [](const WordInfo& w) { return w.weekday != -1; },
      [&](WordInfo& w) {
        w.weekday = static_cast<int8_t>(n - 1);  // 0 is Monday
        w.weekday_abbrev = abbreviation;
      });
}

// keyword, unit, units and count lines: each word has one of them at most.
Status AddMeaning(const TableRecord& r, Lexicon* out, Coverage* seen) {
  const std::string& kind = r.fields[0];
  const auto has_meaning = [](const WordInfo& w) { return w.kw != Kw::kNone; };
  const char* const what = "a keyword, unit or count";
  if (kind == "keyword") {
    ASSIGN_OR_RETURN(const Kw kw,
                     Named(r, KeywordByName(), "keyword", &seen->keywords));
    return ForEachWord(r, out, what, has_meaning,
                       [&](WordInfo& w) { w.kw = kw; });
  }
  if (kind == "count") {
    ASSIGN_OR_RETURN(const int n, Number(r, 12));
    return ForEachWord(r, out, what, has_meaning, [&](WordInfo& w) {
      w.kw = Kw::kCount;
      w.number = static_cast<int8_t>(n);
    });
  }
  // A unit needs its singular; a plural alone does not cover it.
  ASSIGN_OR_RETURN(
      const Unit unit,
      Named(r, UnitByName(), "unit", kind == "unit" ? &seen->units : nullptr));
  return ForEachWord(r, out, what, has_meaning, [&](WordInfo& w) {
    w.kw = Kw::kUnit;
    w.unit = unit;
    w.plural = kind == "units";
  });
}

Status AddFlag(const TableRecord& r, Lexicon* out, Coverage* seen) {
  ASSIGN_OR_RETURN(const WordFlag flag,
                   Named(r, FlagByName(), "flag", &seen->flags));
  return ForEachWord(
      r, out, "flag \"" + r.fields[1] + "\"",
      [&](const WordInfo& w) { return (w.flags & flag) != 0; },
      [&](WordInfo& w) { w.flags |= flag; });
}

// A meaning of `names` that no line gave a word, if any.
template <typename T>
std::optional<std::string_view> Uncovered(
    const std::map<std::string_view, T>& names,
    const std::vector<std::string_view>& seen) {
  for (const auto& [name, value] : names) {
    if (std::find(seen.begin(), seen.end(), name) == seen.end()) return name;
  }
  return std::nullopt;
}

Status CheckCoverage(const Coverage& seen, const std::string& name) {
  for (int m = 1; m <= 12; ++m) {
    if (!seen.months[m])
      return MakeError(name, "no name of month " + std::to_string(m));
  }
  for (int d = 1; d <= 7; ++d) {
    if (!seen.weekdays[d])
      return MakeError(name, "no name of weekday " + std::to_string(d));
  }
  if (auto k = Uncovered(KeywordByName(), seen.keywords))
    return MakeError(name, "no word for keyword \"" + std::string(*k) + "\"");
  if (auto u = Uncovered(UnitByName(), seen.units))
    return MakeError(name, "no word for unit \"" + std::string(*u) + "\"");
  if (auto f = Uncovered(FlagByName(), seen.flags))
    return MakeError(name, "no word for flag \"" + std::string(*f) + "\"");
  return Status::Ok();
}

}  // namespace

Result<Lexicon> ParseLexicon(std::string_view text, const std::string& name) {
  ASSIGN_OR_RETURN(std::vector<TableRecord> records,
                   ParseTable(text, name, 3, 3));
  Lexicon out;
  Coverage seen;
  for (const TableRecord& r : records) {
    const std::string& kind = r.fields[0];
    if (kind == "month" || kind == "month-abbreviation" || kind == "weekday" ||
        kind == "weekday-abbreviation") {
      RETURN_IF_ERROR(AddCalendarWord(r, &out, &seen));
    } else if (kind == "keyword" || kind == "unit" || kind == "units" ||
               kind == "count") {
      RETURN_IF_ERROR(AddMeaning(r, &out, &seen));
    } else if (kind == "flag") {
      RETURN_IF_ERROR(AddFlag(r, &out, &seen));
    } else {
      return r.MakeError("unknown kind of line \"" + kind + "\"");
    }
  }
  RETURN_IF_ERROR(CheckCoverage(seen, name));
  return out;
}

const Lexicon& GetLexicon() {
  static const Lexicon* lexicon = [] {
    auto parsed = ParseLexicon(kLexiconData, "when/lexicon.txt");
    if (!parsed.ok()) {
      std::fprintf(stderr, "dateline: built-in date lexicon data/%s\n",
                   parsed.error().ToString().c_str());
      std::abort();
    }
    return new Lexicon(std::move(parsed).value());
  }();
  return *lexicon;
}

}  // namespace dateline::when_internal
