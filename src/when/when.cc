// The when stage: a single tokenizing pass over the text, then pattern matching
// that starts only at trigger tokens (month and weekday names, numbers, numeric
// dates and a few relative keywords such as "yesterday" or "last"). No regular
// expressions: this runs on every article.
//
// The conventions (span extent, numeric date order, tense, ranges, weeks) are
// the contract and are written down in when.h.
#include "when/when.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/string_hash.h"
#include "when/lexicon.h"

namespace dateline {
namespace {

// ---------------------------------------------------------------------------------
// Lexicon: what each date word means (lexicon.h, data/when/lexicon.txt).

using when_internal::GetLexicon;
using when_internal::kMaxWordLength;
using when_internal::Kw;
using when_internal::Lexicon;
using when_internal::Unit;
using when_internal::WordInfo;
using enum when_internal::Unit;
using enum when_internal::WordFlag;

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kWeekdayNames = {
    "Monday", "Tuesday",  "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday"};

const WordInfo* LookUp(std::string_view word) {
  if (word.size() > kMaxWordLength) return nullptr;
  char buf[kMaxWordLength];
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  // Most words of a text are no date word: the filter turns them away before
  // the map.
  static const WordFilter* const filter = [] {
    auto* f = new WordFilter;
    for (const auto& entry : GetLexicon()) f->Add(entry.first);
    return f;
  }();
  const std::string_view lower(buf, word.size());
  if (!filter->MayContain(lower)) return nullptr;
  const Lexicon& lexicon = GetLexicon();
  const auto it = lexicon.find(lower);
  return it == lexicon.end() ? nullptr : &it->second;
}

// ---------------------------------------------------------------------------------
// Tokens

enum class TokType : uint8_t {
  kWord,     // ASCII letters
  kNumber,   // a digit run, possibly with an ordinal or decade suffix
  kNumDate,  // a numeric date such as 2017-09-25 or 25/09/2017 (already
             // validated)
  kJunk,     // looks like a numeric date but is not a valid one
  kPunct,    // one ASCII punctuation character (en/em dashes map to '-', ’ to
             // '\'')
  kOther,    // any other code point
};

struct Token {
  size_t start = 0, end = 0;
  TokType type = TokType::kOther;
  bool space_before =
      false;  // white space between this token and the previous one
  bool break_before = false;  // a line break in that white space
  bool cap = false;           // word starting with an upper-case letter
  char punct = 0;
  const WordInfo* info = nullptr;  // words in the lexicon
  // Numbers.
  long value = 0;
  uint8_t digits = 0;
  bool ordinal = false;  // 25th
  bool decade = false;   // 1990s
  bool formatted =
      false;  // 1,000 / 2.5 / 10:30 / 10am / F16: never a date part
  // Numeric dates.
  PartialDate date;
  bool order_ambiguous = false;
};

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char ToLowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// Reads a run of digits at text[*pos]; returns the count (0 if none) and its
// value.
size_t ReadDigitRun(std::string_view text, size_t* pos, long* value) {
  size_t n = 0;
  long v = 0;
  while (*pos < text.size() && IsAsciiDigit(text[*pos])) {
    if (n < 9) v = v * 10 + (text[*pos] - '0');
    ++n;
    ++*pos;
  }
  *value = n <= 9 ? v : -1;
  return n;
}

// Tries a numeric date (Y-M-D, D/M/Y, D.M.Y, ...) at `pos`. Returns true and
// fills `tok` (kNumDate or kJunk) when the characters have the shape of one.
bool TryNumericDate(std::string_view text, size_t pos, Token* tok) {
  if (pos > 0) {
    const char p = text[pos - 1];
    if (IsAsciiDigit(p) || IsAsciiAlpha(p) || p == '/' || p == '.' ||
        p == '-' || p == '+' || p == ':')
      return false;
  }
  size_t i = pos;
  long a, b, c;
  const size_t la = ReadDigitRun(text, &i, &a);
  if (i >= text.size()) return false;
  const char sep = text[i];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  ++i;
  const size_t lb = ReadDigitRun(text, &i, &b);
  if (lb < 1 || lb > 2 || i >= text.size() || text[i] != sep) return false;
  ++i;
  const size_t lc = ReadDigitRun(text, &i, &c);
  if (lc == 0) return false;
  // Not part of a longer numeric string (an IP address, a phone number, a
  // version).
  if (i < text.size() && IsAsciiDigit(text[i])) return false;
  if (i + 1 < text.size() &&
      (text[i] == sep || text[i] == '-' || text[i] == '/') &&
      IsAsciiDigit(text[i + 1]))
    return false;
  PartialDate d;
  bool ambiguous = false;
  if (la == 4 && lc <= 2) {
    d = PartialDate{static_cast<int>(a), static_cast<int>(b),
                    static_cast<int>(c)};
  } else if (la <= 2 && lc == 4) {
    int first = static_cast<int>(a), second = static_cast<int>(b);
    if (sep == '.' || first > 12) {
      d = PartialDate{static_cast<int>(c), second, first};
    } else if (second > 12 || first == second) {
      d = PartialDate{static_cast<int>(c), first, second};
    } else {
      d = PartialDate{static_cast<int>(c), first, second};
      ambiguous = true;
    }
  } else {
    return false;
  }
  tok->start = pos;
  tok->end = i;
  const bool valid = d.year >= 1000 && d.month >= 1 && d.month <= 12 &&
                     d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
  if (ambiguous && valid) {
    // Both orders must be valid for the ambiguity to matter; only the year is
    // certain.
    tok->type = TokType::kNumDate;
    tok->date = PartialDate{d.year, 0, 0};
    tok->order_ambiguous = true;
    return true;
  }
  tok->type = valid ? TokType::kNumDate : TokType::kJunk;
  tok->date = d;
  return true;
}

// Long because it is one pass over the bytes with a branch per kind of token
// (space, line break, word, number, numeric date, punctuation); the branches
// share the pass's state (position, the space and line break seen before).
std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 +
                 4);  // news text has a token per five or six bytes
  bool space = false, line_break = false;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      ++i;
      continue;
    }
    if (c == '\n') {
      space = line_break = true;
      ++i;
      continue;
    }
    // Built in place: a Token is some 80 bytes, and a copy per token of the
    // text was a tenth of this function.
    Token& tok = tokens.emplace_back();
    tok.start = i;
    tok.space_before = space;
    tok.break_before = line_break;
    if (IsAsciiAlpha(static_cast<char>(c))) {
      size_t j = i;
      while (j < n && IsAsciiAlpha(text[j])) ++j;
      tok.type = TokType::kWord;
      tok.end = j;
      tok.cap = c >= 'A' && c <= 'Z';
      tok.info = LookUp(text.substr(i, j - i));
    } else if (IsAsciiDigit(static_cast<char>(c))) {
      if (!TryNumericDate(text, i, &tok)) {
        size_t j = i;
        tok.type = TokType::kNumber;
        tok.digits = static_cast<uint8_t>(
            std::min<size_t>(ReadDigitRun(text, &j, &tok.value), 255));
        if (i > 0 && IsAsciiAlpha(text[i - 1]))
          tok.formatted = true;  // F16, A320
        // Thousands groups, decimals and times: 1,000  2.5  10:30
        while (j + 1 < n &&
               (text[j] == ',' || text[j] == '.' || text[j] == ':') &&
               IsAsciiDigit(text[j + 1])) {
          if (text[j] == ',') {
            size_t k = j + 1;
            long ignored;
            if (ReadDigitRun(text, &k, &ignored) != 3) break;
            j = k;
          } else {
            ++j;
            while (j < n && IsAsciiDigit(text[j])) ++j;
          }
          tok.formatted = true;
        }
        if (j < n && IsAsciiAlpha(text[j])) {
          size_t k = j;
          while (k < n && IsAsciiAlpha(text[k])) ++k;
          std::string_view suffix = text.substr(j, k - j);
          auto is = [&](const char* s) {
            if (suffix.size() != std::char_traits<char>::length(s))
              return false;
            for (size_t q = 0; q < suffix.size(); ++q)
              if (ToLowerAscii(suffix[q]) != s[q]) return false;
            return true;
          };
          if (is("st") || is("nd") || is("rd") || is("th")) {
            tok.ordinal = true;
          } else if (is("s")) {
            tok.decade = true;
          } else {
            tok.formatted = true;  // 10am, 5km
          }
          j = k;
        }
        tok.end = j;
      }
    } else if (c < 0x80) {
      tok.type = TokType::kPunct;
      tok.punct = static_cast<char>(c);
      tok.end = i + 1;
    } else {
      size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      len = std::min(len, n - i);
      const std::string_view cp = text.substr(i, len);
      if (cp == "\xC2\xA0") {  // no-break space
        tokens.pop_back();
        space = true;
        i += len;
        continue;
      }
      tok.end = i + len;
      if (cp == "\xE2\x80\x93" || cp == "\xE2\x80\x94") {  // en and em dash
        tok.type = TokType::kPunct;
        tok.punct = '-';
      } else if (cp == "\xE2\x80\x99") {  // right single quotation mark
        tok.type = TokType::kPunct;
        tok.punct = '\'';
      } else {
        tok.type = TokType::kOther;
      }
    }
    i = tok.end;
    space = line_break = false;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------
// Matching

// One match: tokens [first, last). `emit` false marks text that looks like a
// date but is not a valid one ("February 30, 2021"): it is consumed so that its
// parts are not matched again, and not reported.
struct Found {
  size_t first = 0, last = 0;
  bool emit = true;
  std::optional<PartialDate> value;
  std::string relative;
  std::optional<int> year_hint;
  // For ranges: a start without a year may borrow the year of the end.
  int month = 0, day = 0;
  bool year_missing = false;
  bool explicit_year = false;
  // For weekday ranges ("from Monday to Friday"): the end must not precede the
  // start.
  bool weekday = false;
  bool future = false;
  // "two days later", "the next day": so many days after the article's latest
  // earlier date of day precision (resolved after matching, in Run).
  bool anchored = false;
  long anchor_days = 0;
};

class Matcher {
 public:
  Matcher(std::string_view text, const DateContext& context)
      : text_(text), tokens_(Tokenize(text)), context_(context) {
    if (context.published && context.published->year > 0) {
      const PartialDate& p = *context.published;
      if (p.month >= 1 && p.month <= 12) pub_month_ = true;
      if (pub_month_ && p.day >= 1 && p.day <= DaysInMonth(p.year, p.month))
        pub_day_ = true;
      pub_ = p;
      has_pub_ = true;
    }
  }

  std::vector<Found> Run();

 private:
  // The longest date starting at token i, if any.
  bool MatchAt(size_t i, Found* best);
  // Passes over the dates found: a range's start takes the end's year; "two
  // days later" counts from the date before; a weekday range runs forwards.
  void YearsFromRangeEnds(std::vector<Found>* found) const;
  void AnchorRelativeDays(std::vector<Found>* found) const;
  void OrderWeekdayRanges(std::vector<Found>* found) const;

 public:
  const std::vector<Token>& tokens() const { return tokens_; }

 private:
  const Token& T(size_t i) const { return tokens_[i]; }
  size_t size() const { return tokens_.size(); }
  bool IsWord(size_t i) const {
    return i < size() && T(i).type == TokType::kWord;
  }
  Kw KwAt(size_t i) const {
    return IsWord(i) && T(i).info ? T(i).info->kw : Kw::kNone;
  }
  bool HasFlag(size_t i, uint16_t f) const {
    return IsWord(i) && T(i).info && (T(i).info->flags & f);
  }
  bool IsPunct(size_t i, char c) const {
    return i < size() && T(i).type == TokType::kPunct && T(i).punct == c;
  }
  bool IsDayNumber(size_t i) const {
    if (i >= size()) return false;
    const Token& t = T(i);
    return t.type == TokType::kNumber && !t.formatted && !t.decade &&
           t.digits <= 2 && t.value >= 1 && t.value <= 31;
  }
  // A year after a month or day: "Sept. 25, 2017" but not "Sept. 25, 1500
  // people". A year at token k, optionally after a comma ("Sept. 25, 2017"):
  // returns it and moves *k past it, or returns 0 and leaves *k.
  int TakeYear(size_t* k) const {
    const size_t y = IsPunct(*k, ',') ? *k + 1 : *k;
    if (!IsYearNumber(y)) return 0;
    *k = y + 1;
    return static_cast<int>(T(y).value);
  }

  bool IsYearNumber(size_t i) const {
    if (i >= size()) return false;
    const Token& t = T(i);
    return t.type == TokType::kNumber && !t.formatted && !t.decade &&
           !t.ordinal && t.digits == 4 && t.value >= 1000 && t.value <= 2999 &&
           !(IsWord(i + 1) && !T(i + 1).cap && HasFlag(i + 1, kFlagCountNoun));
  }
  // A month word spelled with a capital, or all capitals in a headline.
  int MonthAt(size_t i, bool* abbrev) const {
    if (!IsWord(i) || !T(i).cap || !T(i).info || !T(i).info->month) return 0;
    *abbrev = T(i).info->month_abbrev;
    return T(i).info->month;
  }
  // Skips the full stop after an abbreviation ("Sept.").
  size_t AfterAbbrev(size_t i, bool abbrev) const {
    return abbrev && IsPunct(i + 1, '.') && !T(i + 1).space_before ? i + 2
                                                                   : i + 1;
  }
  // Token index `i` is a connector right after the previous match: "January and
  // March".
  bool AfterConnector(size_t i) const {
    if (i == 0 || !have_last_) return false;
    const size_t c = i - 1;
    return c == floor_ && (HasFlag(c, kFlagConnector) || IsPunct(c, '-'));
  }
  bool SentenceEndAt(size_t i) const;
  // +1 when the clause around tokens [first, last) is in the future tense, -1
  // when a past-tense marker is nearer, 0 when there is no marker at all.
  int Tense(size_t first, size_t last) const;
  bool FutureTense(size_t first, size_t last) const {
    return Tense(first, last) > 0;
  }

  void Consider(const Found& f, Found* best, bool* have) const {
    if (!*have || f.last > best->last ||
        (f.last == best->last && f.first < best->first)) {
      *best = f;
      *have = true;
    }
  }

  bool MatchMonthFirst(size_t i, Found* out) const;
  bool MatchDayFirst(size_t i, Found* out) const;
  bool MatchWeekday(size_t i, Found* out) const;
  bool MatchYear(size_t i, Found* out) const;
  bool MatchNumericDate(size_t i, Found* out) const;
  bool MatchRelativeUnit(size_t i, Found* out) const;
  bool MatchAgo(size_t i, Found* out) const;
  bool MatchRecent(size_t i, Found* out) const;
  bool MatchDayWord(size_t i, Found* out) const;

  // Fills value/relative for a day or month of the month without a year.
  void ResolveWithoutYear(int month, int day, int direction, Found* f) const;
  // Resolves a week (or weekend) `offset` weeks from publication's.
  void ResolveWeek(int offset, bool weekend, const char* what, Found* f) const;
  // Value for a single publication-relative day.
  void ResolveDayOffset(long offset, const char* what, Found* f) const;
  // Start of the match after optional modifiers before token `i`
  // (early/mid/late).
  size_t ModifierStart(size_t i, Kw* modifier) const;
  void SetHint(Found* f, int year_delta = 0) const {
    if (f->value) {
      f->year_hint = f->value->year;
    } else if (has_pub_) {
      f->year_hint = pub_.year + year_delta;
    } else if (context_.year_hint) {
      f->year_hint = *context_.year_hint + year_delta;
    }
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  const DateContext& context_;
  PartialDate pub_;
  bool has_pub_ = false, pub_month_ = false, pub_day_ = false;
  // Matching state: matches may not reach back before floor_.
  size_t floor_ = 0;
  bool have_last_ = false;
};

bool Matcher::SentenceEndAt(size_t i) const {
  const Token& t = T(i);
  if (t.type != TokType::kPunct) return false;
  if (t.punct == '!' || t.punct == '?' || t.punct == ';') return true;
  if (t.punct != '.') return false;
  // "Sept. 25", "Mr. Smith" and initials do not end a sentence.
  if (i > 0 && IsWord(i - 1) &&
      (HasFlag(i - 1, kFlagTitleAbbrev) || T(i - 1).end - T(i - 1).start == 1))
    return false;
  return true;
}

// The nearest tense marker within the sentence decides; callers treat "no
// marker" as past, the usual tense of news, except after "this".
int Matcher::Tense(size_t first, size_t last) const {
  constexpr size_t kWindow = 14;
  size_t future_distance = kWindow + 1, past_distance = kWindow + 1;
  auto classify = [&](size_t i, size_t distance) {
    if (!IsWord(i)) return;
    const Token& t = T(i);
    bool future = HasFlag(i, kFlagFuture), past = HasFlag(i, kFlagPast);
    if (KwAt(i) == Kw::kWon && IsPunct(i + 1, '\'') && IsWord(i + 2) &&
        T(i + 2).end - T(i + 2).start == 1 &&
        ToLowerAscii(text_[T(i + 2).start]) == 't') {
      future = true;  // won't
      past = false;
    }
    if (KwAt(i) == Kw::kGoing &&
        !(IsWord(i + 1) && T(i + 1).end - T(i + 1).start == 2 &&
          ToLowerAscii(text_[T(i + 1).start]) == 't'))
      future = false;  // "going to" only
    if (!future && !past && t.end - t.start >= 5 && !t.cap &&
        text_[t.end - 2] == 'e' && text_[t.end - 1] == 'd')
      past = true;  // regular past tense: "attacked", "announced"
    // A participle after "be" is passive, not past: "will be held".
    if (past && i > 0 && IsWord(i - 1) && T(i - 1).end - T(i - 1).start == 2 &&
        text_.substr(T(i - 1).start, 2) == "be")
      past = false;
    if (future && distance < future_distance) future_distance = distance;
    if (past && distance < past_distance) past_distance = distance;
  };
  for (size_t d = 1; d <= kWindow && d <= first; ++d) {
    const size_t i = first - d;
    if (SentenceEndAt(i) || T(i + 1).break_before) break;
    classify(i, d);
  }
  for (size_t d = 1; d <= kWindow && last + d - 1 < size(); ++d) {
    const size_t i = last + d - 1;
    if (SentenceEndAt(i) || T(i).break_before) break;
    classify(i, d);
  }
  if (future_distance < past_distance) return 1;
  return past_distance <= kWindow ? -1 : 0;
}

size_t Matcher::ModifierStart(size_t i, Kw* modifier) const {
  *modifier = Kw::kNone;
  // "mid-October", "mid-2017"
  if (i >= floor_ + 2 && IsPunct(i - 1, '-') && !T(i - 1).space_before &&
      !T(i).space_before) {
    const Kw k = KwAt(i - 2);
    if (k == Kw::kMid || k == Kw::kEarly || k == Kw::kLate) {
      *modifier = k;
      return i - 2;
    }
  }
  if (i >= floor_ + 1) {
    const Kw k = KwAt(i - 1);
    if (k == Kw::kEarly || k == Kw::kLate || k == Kw::kMid) {
      *modifier = k;
      return i - 1;
    }
  }
  return i;
}

void Matcher::ResolveWithoutYear(int month, int day, int direction,
                                 Found* f) const {
  // direction: -1 on or before publication, +1 on or after, -2 strictly before,
  // +2 strictly after, 0 the publication year.
  f->month = month;
  f->day = day;
  f->year_missing = true;
  const char* month_name = kMonthNames[month - 1];
  if (!has_pub_ || !pub_month_) {
    std::string what = month_name;
    if (day) what += " " + std::to_string(day);
    if (direction < 0) {
      f->relative = what + " before publication";
    } else if (direction > 0) {
      f->relative = what + " after publication";
    } else {
      f->relative = what + ", year not stated";
    }
    SetHint(f);
    return;
  }
  // Compare (month, day) against publication; a month alone compares by month.
  const int pub_day = day && pub_day_ ? pub_.day : 0;
  const int cmp = month != pub_.month ? (month < pub_.month ? -1 : 1)
                  : day && pub_day    ? (day < pub_day   ? -1
                                         : day > pub_day ? 1
                                                         : 0)
                                      : 0;
  int year = pub_.year;
  switch (direction) {
    case -1:
      if (cmp > 0) --year;
      break;
    case -2:
      if (cmp >= 0) --year;
      break;
    case 1:
      if (cmp < 0) ++year;
      break;
    case 2:
      if (cmp <= 0) ++year;
      break;
    default:
      break;
  }
  if (day == 29 && month == 2) {
    // The nearest leap year in the direction of reading.
    const int step = direction > 0 ? 1 : -1;
    for (int k = 0; k < 8 && !IsLeapYear(year); ++k) year += step;
  }
  f->value = PartialDate{year, month, day};
  SetHint(f);
}

void Matcher::ResolveDayOffset(long offset, const char* what, Found* f) const {
  if (pub_day_) {
    f->value =
        CivilFromDays(DaysFromCivil(pub_.year, pub_.month, pub_.day) + offset);
  } else {
    f->relative = what;
  }
  SetHint(f);
}

void Matcher::ResolveWeek(int offset, bool weekend, const char* what,
                          Found* f) const {
  f->relative = what;
  if (!pub_day_) {
    SetHint(f);
    return;
  }
  const long pub = DaysFromCivil(pub_.year, pub_.month, pub_.day);
  const long monday =
      pub - DayOfWeek(pub_.year, pub_.month, pub_.day) + 7L * offset;
  long first = monday, last = monday + 6;
  if (weekend) {
    first = monday + 5;
    last = monday + 6;
  }
  const PartialDate a = CivilFromDays(first), b = CivilFromDays(last);
  if (a.year == b.year && a.month == b.month) {
    f->value = PartialDate{a.year, a.month, 0};
  } else if (a.year == b.year) {
    f->value = PartialDate{a.year, 0, 0};
  }
  SetHint(f);
  if (!f->value) f->year_hint = b.year;
}

// "September 25, 2017", "Sept. 25", "Sep 3-5, 2021", "October 2017", "October
// of 2017", "in October", "early October", "mid-October", "last October".
bool Matcher::MatchMonthFirst(size_t i, Found* out) const {
  bool abbrev = false;
  const int month = MonthAt(i, &abbrev);
  if (!month) return false;
  size_t j = AfterAbbrev(i, abbrev);
  Found f;
  f.month = month;
  if (IsDayNumber(j)) {
    const int day = static_cast<int>(T(j).value);
    size_t k = j + 1;
    if (IsPunct(k, '-') && IsDayNumber(k + 1) && T(k + 1).value > day)
      k += 2;  // 3-5
    const int year = TakeYear(&k);
    f.first = i;
    f.last = k;
    f.day = day;
    if (day > DaysInMonth(year ? year : 2000, month)) {
      f.emit = false;
    } else if (year) {
      f.value = PartialDate{year, month, day};
      f.explicit_year = true;
      SetHint(&f);
    } else if (month == 9 && day == 11 && IsWord(k) &&
               text_.substr(T(k).start, 6) == "attack") {
      f.value = PartialDate{2001, 9, 11};  // "the Sept. 11 attacks"
      SetHint(&f);
    } else {
      ResolveWithoutYear(month, day, FutureTense(i, k) ? 1 : -1, &f);
    }
    *out = f;
    return true;
  }
  Kw modifier;
  f.first = ModifierStart(i, &modifier);
  size_t y = j;
  if (IsPunct(y, ',') || KwAt(y) == Kw::kOf) ++y;
  if (IsYearNumber(y)) {
    f.last = y + 1;
    f.value = PartialDate{static_cast<int>(T(y).value), month, 0};
    f.explicit_year = true;
    SetHint(&f);
    *out = f;
    return true;
  }
  if (abbrev) return false;
  // A month on its own: "May" and "March" are also a verb, "August" and "June"
  // names, so a preposition or modifier must introduce it.
  int direction = 0;
  bool ok = modifier != Kw::kNone;
  if (!ok && i > floor_) {
    const Kw k = KwAt(i - 1);
    if (k == Kw::kLast || k == Kw::kPast) {
      direction = -2;
      f.first = i - 1;
      ok = true;
    } else if (k == Kw::kNext || k == Kw::kComing) {
      direction = 2;
      f.first = i - 1;
      ok = true;
    } else if (k == Kw::kThis) {
      f.first = i - 1;
      ok = true;
    } else if (HasFlag(i - 1, kFlagDatePrep) || AfterConnector(i)) {
      ok = true;
      direction = FutureTense(i, i + 1) ? 1 : -1;
    }
  }
  if (!ok) return false;
  if (modifier != Kw::kNone) direction = FutureTense(f.first, i + 1) ? 1 : -1;
  f.last = i + 1;
  if (direction == 0 && has_pub_) {
    f.value = PartialDate{pub_.year, month, 0};
    f.month = month;
    f.year_missing = true;
    SetHint(&f);
  } else {
    ResolveWithoutYear(month, 0, direction, &f);
  }
  *out = f;
  return true;
}

// "25 September 2017", "25th of September", "3-5 June 2021", "25 Sept.".
bool Matcher::MatchDayFirst(size_t i, Found* out) const {
  if (!IsDayNumber(i)) return false;
  const int day = static_cast<int>(T(i).value);
  size_t k = i + 1;
  if (IsPunct(k, '-') && IsDayNumber(k + 1) && T(k + 1).value > day) k += 2;
  if (KwAt(k) == Kw::kOf && (T(i).ordinal || T(k - 1).ordinal)) ++k;
  bool abbrev = false;
  const int month = MonthAt(k, &abbrev);
  if (!month) {
    // The first of two days sharing a month: "on 2 and 3 June", "between 4 and
    // 7 June".
    Found second;
    if (k == i + 1 && (HasFlag(k, kFlagConnector) || IsPunct(k, '-')) &&
        MatchDayFirst(k + 1, &second) && second.emit && second.day > day) {
      Found f;
      f.first = i;
      f.last = i + 1;
      f.month = second.month;
      f.day = day;
      if (second.explicit_year) {
        f.value = PartialDate{second.value->year, second.month, day};
        f.explicit_year = true;
        SetHint(&f);
      } else {
        ResolveWithoutYear(second.month, day, FutureTense(i, k + 2) ? 1 : -1,
                           &f);
      }
      *out = f;
      return true;
    }
    return false;
  }
  const size_t month_token = k;
  k = AfterAbbrev(k, abbrev);
  Found f;
  f.first = i;
  f.month = month;
  f.day = day;
  const int year = TakeYear(&k);
  f.last = k;
  if (day > DaysInMonth(year ? year : 2000, month)) {
    f.emit = false;
  } else if (year) {
    f.value = PartialDate{year, month, day};
    f.explicit_year = true;
    SetHint(&f);
  } else {
    ResolveWithoutYear(month, day, FutureTense(i, month_token + 1) ? 1 : -1,
                       &f);
  }
  *out = f;
  return true;
}

// "Thursday", "on Thursday", "last Thursday", "Monday night", "Thursday, June
// 3, 2021", "Wed, 3 June 2021".
bool Matcher::MatchWeekday(size_t i, Found* out) const {
  if (!IsWord(i) || !T(i).cap || !T(i).info || T(i).info->weekday < 0)
    return false;
  const int weekday = T(i).info->weekday;
  const bool abbrev = T(i).info->weekday_abbrev;
  size_t j = AfterAbbrev(i, abbrev);
  if (IsPunct(j, ',')) ++j;
  Found dated;
  if (j < size() && (MatchMonthFirst(j, &dated) || MatchDayFirst(j, &dated)) &&
      dated.day != 0) {
    dated.first = i;
    *out = dated;
    return true;
  }
  if (abbrev) return false;
  if (i > 0 && HasFlag(i - 1, kFlagNameBefore)) return false;  // Good Friday
  if (IsWord(i + 1) && T(i + 1).cap && HasFlag(i + 1, kFlagNameAfter))
    return false;
  Found f;
  f.first = i;
  int direction =
      0;  // -1 on or before, +2 strictly after, -2 strictly before, 0 this
  bool explicit_direction = true;
  if (i > floor_) {
    switch (KwAt(i - 1)) {
      case Kw::kLast:
      case Kw::kPast:
        direction = -2;
        f.first = i - 1;
        break;
      case Kw::kNext:
      case Kw::kComing:
        direction = 2;
        f.first = i - 1;
        break;
      case Kw::kThis:
        direction = 0;
        f.first = i - 1;
        break;
      default:
        explicit_direction = false;
        break;
    }
  } else {
    explicit_direction = false;
  }
  f.last = i + 1;
  if (KwAt(i + 1) == Kw::kPartOfDay) f.last = i + 2;
  const int tense = Tense(f.first, f.last);
  f.weekday = !explicit_direction;
  f.future = tense > 0;
  if (!explicit_direction) direction = tense > 0 ? 2 : -1;
  if (direction == 0)
    direction = tense < 0 ? -1 : 1;  // "this Saturday" looks ahead
  const std::string name = kWeekdayNames[weekday];
  if (!pub_day_) {
    f.relative =
        name + (direction > 0 ? " after publication" : " before publication");
    SetHint(&f);
    *out = f;
    return true;
  }
  const int pw = DayOfWeek(pub_.year, pub_.month, pub_.day);
  long delta;
  if (direction < 0) {
    delta = -((pw - weekday + 7) % 7);
    if (delta == 0 && direction == -2) delta = -7;
  } else {
    delta = (weekday - pw + 7) % 7;
    if (delta == 0 && direction == 2) delta = 7;
  }
  f.value =
      CivilFromDays(DaysFromCivil(pub_.year, pub_.month, pub_.day) + delta);
  SetHint(&f);
  *out = f;
  return true;
}

// "in 2017", "since 2014", "mid-2017", "the 1990s", "the 2017 referendum",
// "2017's".
bool Matcher::MatchYear(size_t i, Found* out) const {
  if (i >= size() || T(i).type != TokType::kNumber || T(i).formatted ||
      T(i).digits != 4)
    return false;
  const long year = T(i).value;
  Kw modifier;
  Found f;
  f.first = ModifierStart(i, &modifier);
  f.last = i + 1;
  if (T(i).decade) {
    if (year < 1000 || year % 10 != 0) return false;
    f.value = PartialDate{static_cast<int>(year), 0, 0};
    f.relative = "the " + std::to_string(year) + "s";
    SetHint(&f);
    *out = f;
    return true;
  }
  if (T(i).ordinal || year < 1800 || year > 2100) return false;
  bool ok = modifier != Kw::kNone;
  if (!ok && i > floor_) {
    ok = HasFlag(i - 1, kFlagDatePrep) || AfterConnector(i);
    // "the 2017 referendum" but not "the 2017 soldiers".
    if (!ok && HasFlag(i - 1, kFlagDeterminer) && IsWord(i + 1)) {
      const Token& next = T(i + 1);
      ok = text_[next.end - 1] != 's' &&
           !(next.info && next.info->kw == Kw::kUnit) &&
           !HasFlag(i + 1, kFlagCountNoun);
    }
  }
  // "2017's elections"
  if (!ok && IsPunct(i + 1, '\'') && IsWord(i + 2) &&
      T(i + 2).end - T(i + 2).start == 1 &&
      ToLowerAscii(text_[T(i + 2).start]) == 's' && !T(i + 1).space_before)
    ok = true;
  if (!ok) return false;
  f.value = PartialDate{static_cast<int>(year), 0, 0};
  f.explicit_year = true;
  SetHint(&f);
  *out = f;
  return true;
}

bool Matcher::MatchNumericDate(size_t i, Found* out) const {
  const Token& t = T(i);
  Found f;
  f.first = i;
  f.last = i + 1;
  if (t.type == TokType::kJunk) {
    f.emit = false;
    *out = f;
    return true;
  }
  if (t.type != TokType::kNumDate) return false;
  f.value = t.date;
  f.explicit_year = true;
  f.month = t.date.month;
  f.day = t.date.day;
  if (t.order_ambiguous) f.relative = "day and month order ambiguous";
  SetHint(&f);
  *out = f;
  return true;
}

// "yesterday", "today", "tonight", "tomorrow", "last night", "this morning".
bool Matcher::MatchDayWord(size_t i, Found* out) const {
  Found f;
  f.first = i;
  f.last = i + 1;
  switch (KwAt(i)) {
    case Kw::kYesterday:
      ResolveDayOffset(-1, "the day before publication", &f);
      break;
    case Kw::kToday:
      ResolveDayOffset(0, "the day of publication", &f);
      break;
    case Kw::kTonight:
      ResolveDayOffset(0, "the night of publication", &f);
      break;
    case Kw::kTomorrow:
      ResolveDayOffset(1, "the day after publication", &f);
      break;
    case Kw::kLast:
      if (KwAt(i + 1) != Kw::kPartOfDay) return false;
      // Only "last night" is common; "last morning" is not English.
      if (ToLowerAscii(text_[T(i + 1).start]) != 'n') return false;
      f.last = i + 2;
      ResolveDayOffset(-1, "the night before publication", &f);
      break;
    case Kw::kThis:
      if (KwAt(i + 1) != Kw::kPartOfDay) return false;
      f.last = i + 2;
      ResolveDayOffset(0, "the day of publication", &f);
      break;
    default:
      return false;
  }
  *out = f;
  return true;
}

// "this week", "last month", "next year", "earlier this month", "late last
// year", "the past week", "this weekend".
bool Matcher::MatchRelativeUnit(size_t i, Found* out) const {
  size_t j = i;
  Kw part = KwAt(j);
  // "earlier this month", "late last year": the same month or year; a
  // PartialDate cannot say which part of it.
  if (part == Kw::kEarlier || part == Kw::kLater || part == Kw::kEarly ||
      part == Kw::kLate || part == Kw::kMid)
    part = KwAt(++j);
  int offset;
  switch (part) {
    case Kw::kThis:
      offset = 0;
      break;
    case Kw::kLast:
    case Kw::kPast:
      offset = -1;
      break;
    case Kw::kNext:
    case Kw::kComing:
      offset = 1;
      break;
    default:
      return false;
  }
  if (KwAt(j + 1) != Kw::kUnit || T(j + 1).info->plural) return false;
  const Unit unit = T(j + 1).info->unit;
  Found f;
  f.first = i;
  f.last = j + 2;
  if (unit == kDay && part == Kw::kNext && j == i && i > 0 &&
      KwAt(i - 1) == Kw::kThe) {
    // "the next day": the day after the text's own earlier date.
    f.relative = "the day after an earlier date";
    f.anchored = true;
    f.anchor_days = 1;
    SetHint(&f);
    *out = f;
    return true;
  }
  if (part == Kw::kPast || part == Kw::kComing) {
    // "the past week" is the seven days up to publication, not a calendar week:
    // a note.
    if (unit == kDay || unit == kDecade) return false;
    f.relative =
        std::string(text_.substr(T(i).start, T(j + 1).end - T(i).start)) +
        (part == Kw::kPast ? " before publication" : " after publication");
    SetHint(&f);
    *out = f;
    return true;
  }
  static const char* const kWhich[] = {"before", "of", "after"};
  const std::string which = kWhich[offset + 1];
  switch (unit) {
    case kWeek:
    case kWeekend: {
      const std::string what = std::string("the ") +
                               (unit == kWeek ? "week " : "weekend ") + which +
                               " publication";
      ResolveWeek(offset, unit == kWeekend, what.c_str(), &f);
      break;
    }
    case kMonth:
      if (pub_month_) {
        int y = pub_.year, m = pub_.month + offset;
        if (m == 0) {
          m = 12;
          --y;
        }
        if (m == 13) {
          m = 1;
          ++y;
        }
        f.value = PartialDate{y, m, 0};
      } else {
        f.relative = "the month " + which + " publication";
      }
      SetHint(&f);
      break;
    case kYear:
      if (has_pub_) {
        f.value = PartialDate{pub_.year + offset, 0, 0};
      } else {
        f.relative = "the year " + which + " publication";
      }
      SetHint(&f, offset);
      break;
    default:
      return false;  // "this day", "last decade": too vague to place
  }
  *out = f;
  return true;
}

// "two days ago", "3 weeks ago", "a year ago", "several months ago".
bool Matcher::MatchAgo(size_t i, Found* out) const {
  long count = 0;
  size_t j = i + 1;
  const Kw kw = KwAt(i);
  if (kw == Kw::kCount) {
    count = T(i).info->number;
    if (count == 1 && KwAt(j) == Kw::kVague) {  // "a few days ago"
      count = -1;
      ++j;
    }
  } else if (kw == Kw::kVague) {
    count = -1;
  } else if (i < size() && T(i).type == TokType::kNumber && !T(i).formatted &&
             !T(i).ordinal && T(i).digits <= 3) {
    count = T(i).value;
  } else {
    return false;
  }
  if (KwAt(j) != Kw::kUnit) return false;
  const Unit unit = T(j).info->unit;
  if (KwAt(j + 1) == Kw::kLater && (unit == kDay || unit == kWeek)) {
    // "two days later", "a week later": counted from the text's own earlier
    // date.
    Found f;
    f.first = i;
    f.last = j + 2;
    f.relative =
        std::string(text_.substr(T(i).start, T(j + 1).end - T(i).start)) +
        " than an earlier date";
    if (count > 0) {
      f.anchored = true;
      f.anchor_days = count * (unit == kDay ? 1 : 7);
    }
    SetHint(&f);
    *out = f;
    return true;
  }
  if (KwAt(j + 1) != Kw::kAgo) return false;
  if (unit == kWeekend) return false;
  Found f;
  f.first = i;
  f.last = j + 2;
  const std::string words(text_.substr(T(i).start, T(j).end - T(i).start));
  const std::string what = words + " before publication";
  if (count < 0) {
    f.relative = what;
    SetHint(&f);
    *out = f;
    return true;
  }
  switch (unit) {
    case kDay:
      ResolveDayOffset(-count, what.c_str(), &f);
      break;
    case kWeek:
      // A date so many weeks back is approximate: keep its month.
      if (pub_day_) {
        const PartialDate d = CivilFromDays(
            DaysFromCivil(pub_.year, pub_.month, pub_.day) - 7 * count);
        f.value = PartialDate{d.year, d.month, 0};
      }
      f.relative = what;
      SetHint(&f);
      break;
    case kMonth:
      if (pub_month_) {
        const long months = pub_.year * 12L + (pub_.month - 1) - count;
        f.value = PartialDate{static_cast<int>(months / 12),
                              static_cast<int>(months % 12) + 1, 0};
      } else {
        f.relative = what;
      }
      SetHint(&f);
      break;
    case kYear:
    case kDecade: {
      const long years = unit == kYear ? count : 10 * count;
      if (has_pub_) {
        f.value = PartialDate{static_cast<int>(pub_.year - years), 0, 0};
      } else {
        f.relative = what;
      }
      if (unit == kDecade) f.relative = what;
      SetHint(&f, static_cast<int>(-years));
      break;
    }
    default:
      return false;
  }
  *out = f;
  return true;
}

// "recently", "lately", "in recent days": no value, only a note.
bool Matcher::MatchRecent(size_t i, Found* out) const {
  Found f;
  f.first = i;
  if (KwAt(i) == Kw::kRecently) {
    f.last = i + 1;
  } else if (KwAt(i) == Kw::kIn && KwAt(i + 1) == Kw::kRecent &&
             KwAt(i + 2) == Kw::kUnit && T(i + 2).info->plural) {
    f.first = i + 1;
    f.last = i + 3;
  } else {
    return false;
  }
  f.relative = "shortly before publication";
  SetHint(&f);
  *out = f;
  return true;
}

bool Matcher::MatchAt(size_t i, Found* best) {
  const Token& t = T(i);
  Found f;
  bool have = false;
  if (t.type == TokType::kWord) {
    if (t.info) {
      const WordInfo& w = *t.info;
      if (w.month) {
        if (MatchMonthFirst(i, &f)) Consider(f, best, &have);
      } else if (w.weekday >= 0) {
        if (MatchWeekday(i, &f)) Consider(f, best, &have);
      } else {
        switch (w.kw) {
          case Kw::kYesterday:
          case Kw::kToday:
          case Kw::kTonight:
          case Kw::kTomorrow:
            if (MatchDayWord(i, &f)) Consider(f, best, &have);
            break;
          case Kw::kThis:
          case Kw::kLast:
            if (MatchDayWord(i, &f)) Consider(f, best, &have);
            if (MatchRelativeUnit(i, &f)) Consider(f, best, &have);
            break;
          case Kw::kNext:
          case Kw::kPast:
          case Kw::kComing:
          case Kw::kEarlier:
          case Kw::kLater:
          case Kw::kEarly:
          case Kw::kLate:
          case Kw::kMid:
            if (MatchRelativeUnit(i, &f)) Consider(f, best, &have);
            break;
          case Kw::kCount:
          case Kw::kVague:
            if (MatchAgo(i, &f)) Consider(f, best, &have);
            break;
          case Kw::kRecently:
          case Kw::kIn:
            if (MatchRecent(i, &f)) Consider(f, best, &have);
            break;
          default:
            break;
        }
      }
    }
  } else if (t.type == TokType::kNumber) {
    if (MatchDayFirst(i, &f)) Consider(f, best, &have);
    if (MatchYear(i, &f)) Consider(f, best, &have);
    if (MatchAgo(i, &f)) Consider(f, best, &have);
  } else if (t.type == TokType::kNumDate || t.type == TokType::kJunk) {
    if (MatchNumericDate(i, &f)) Consider(f, best, &have);
  }
  return have;
}

void Matcher::YearsFromRangeEnds(std::vector<Found>* found) const {
  // A range's start without a year takes the end's: "between January 4 and
  // February 7, 2017", "December 28 to January 3, 2021" (the start then falls
  // in the year before).
  for (size_t k = 0; k + 1 < found->size(); ++k) {
    Found& a = (*found)[k];
    const Found& b = (*found)[k + 1];
    if (!a.year_missing || !b.explicit_year || !b.value || !b.month) continue;
    if (b.first != a.last + 1) continue;
    if (!HasFlag(a.last, kFlagConnector) && !IsPunct(a.last, '-')) continue;
    const int year = a.month > b.month ? b.value->year - 1 : b.value->year;
    if (a.day > DaysInMonth(year, a.month)) continue;
    a.value = PartialDate{year, a.month, a.day};
    a.relative.clear();
    a.year_hint = year;
  }
}

void Matcher::AnchorRelativeDays(std::vector<Found>* found) const {
  // "the next day", "two days later": from the latest earlier date of day
  // precision.
  for (size_t k = 0; k < found->size(); ++k) {
    Found& f = (*found)[k];
    if (!f.anchored) continue;
    for (size_t a = k; a-- > 0;) {
      const Found& anchor = (*found)[a];
      if (!anchor.value || anchor.value->day == 0) continue;
      f.value =
          CivilFromDays(DaysFromCivil(anchor.value->year, anchor.value->month,
                                      anchor.value->day) +
                        f.anchor_days);
      f.relative.clear();
      f.year_hint = f.value->year;
      break;
    }
  }
}

void Matcher::OrderWeekdayRanges(std::vector<Found>* found) const {
  // "from Monday to Friday" read in the past, published on a Thursday, is last
  // week's Monday to Friday; read in the future, this week's Monday... next
  // Friday.
  for (size_t k = 0; k + 1 < found->size(); ++k) {
    Found& a = (*found)[k];
    Found& b = (*found)[k + 1];
    if (!a.weekday || !b.weekday || !a.value || !b.value ||
        b.first != a.last + 1)
      continue;
    if (!HasFlag(a.last, kFlagConnector) && !IsPunct(a.last, '-')) continue;
    const long da = DaysFromCivil(a.value->year, a.value->month, a.value->day);
    const long db = DaysFromCivil(b.value->year, b.value->month, b.value->day);
    if (db >= da) continue;
    if (b.future) {
      b.value = CivilFromDays(db + 7);
      b.year_hint = b.value->year;
    } else {
      a.value = CivilFromDays(da - 7);
      a.year_hint = a.value->year;
    }
  }
}

std::vector<Found> Matcher::Run() {
  std::vector<Found> found;
  const size_t n = size();
  size_t i = 0;
  while (i < n) {
    Found best;
    if (!MatchAt(i, &best)) {
      ++i;
      continue;
    }
    floor_ = i = best.last;
    have_last_ = best.emit;
    if (best.emit) found.push_back(std::move(best));
  }
  YearsFromRangeEnds(&found);
  AnchorRelativeDays(&found);
  OrderWeekdayRanges(&found);
  return found;
}

}  // namespace

std::vector<DateMention> FindDates(std::string_view text,
                                   const DateContext& context) {
  Matcher matcher(text, context);
  std::vector<Found> found = matcher.Run();
  std::vector<DateMention> mentions;
  mentions.reserve(found.size());
  const std::vector<Token>& tokens = matcher.tokens();
  for (Found& f : found) {
    DateMention m;
    m.span.start = tokens[f.first].start;
    m.span.end = tokens[f.last - 1].end;
    m.value = f.value;
    m.relative = std::move(f.relative);
    m.year_hint = f.year_hint;
    m.text = std::string(text.substr(m.span.start, m.span.end - m.span.start));
    mentions.push_back(std::move(m));
  }
  return mentions;
}

std::optional<PartialDate> ParseDateText(std::string_view text) {
  if (auto iso = ParseIsoDate(text)) return iso;
  std::optional<PartialDate> best;
  for (const DateMention& m : FindDates(text, DateContext{})) {
    if (!m.value || !m.relative.empty()) continue;
    if (!best || m.value->precision() > best->precision()) best = m.value;
  }
  return best;
}

}  // namespace dateline
