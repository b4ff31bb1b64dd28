#include "extract/text_rules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <utility>

#include "core/utf8.h"
#include "extract/word_lists.h"

namespace dateline::extract_internal {
namespace {

// Case mapping for the scripts datelines and bylines use in practice. Full
// Unicode case mapping would need ICU; these ranges cover Latin-1, Latin
// Extended-A, Greek and Cyrillic, which is what upper-case place names in news
// pages are written in.
bool IsUpperCp(char32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 0 && c != 0x138;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

bool IsLowerCp(char32_t c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 0xDF && c <= 0xFF && c != 0xF7) return true;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 1;
  if (c >= 0x3B1 && c <= 0x3C9) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  return false;
}

char32_t ToLowerCp(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c >= 0x100 && c <= 0x17F && IsUpperCp(c)) return c + 1;
  if (c >= 0x391 && c <= 0x3A9) return c + 0x20;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  return c;
}

bool IsLetterCp(char32_t c) { return IsUpperCp(c) || IsLowerCp(c); }

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

template <typename List>
bool ContainsAny(std::string_view s, const List& parts) {
  for (std::string_view p : parts) {
    if (Contains(s, p)) return true;
  }
  return false;
}

template <typename List>
bool StartsWithAny(std::string_view s, const List& prefixes) {
  for (std::string_view p : prefixes) {
    if (StartsWith(s, p)) return true;
  }
  return false;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads `n` digits at s[pos]; -1 when they are not all digits.
int ReadDigits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!IsDigit(s[pos + i])) return -1;
    v = v * 10 + (s[pos + i] - '0');
  }
  return v;
}

// Letters of a word without the punctuation a line may put around it.
std::string_view StripPunct(std::string_view w) {
  auto is_punct = [](char c) {
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '(' ||
           c == ')' || c == '"' || c == '\'' || c == '|';
  };
  while (!w.empty() && is_punct(w.front())) w.remove_prefix(1);
  while (!w.empty() && is_punct(w.back())) w.remove_suffix(1);
  return w;
}

}  // namespace

bool IsDashCp(char32_t c) {
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012;
}

bool IsSpaceCodepoint(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF || c == 0x85;
}

std::string_view TrimSpaces(std::string_view s) {
  size_t begin = 0;
  while (begin < s.size()) {
    size_t next = begin;
    if (!IsSpaceCodepoint(DecodeUtf8(s, &next))) break;
    begin = next;
  }
  size_t end = s.size();
  while (end > begin) {
    // Step back to the start of the last code point.
    size_t start = end - 1;
    while (start > begin &&
           (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
      --start;
    size_t pos = start;
    if (!IsSpaceCodepoint(DecodeUtf8(s, &pos))) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  for (std::string_view w : SplitWords(s)) {
    if (!out.empty()) out += ' ';
    out.append(w);
  }
  return out;
}

std::vector<std::string_view> SplitWords(std::string_view s, size_t max_words) {
  std::vector<std::string_view> words;
  if (max_words == 0) return words;
  ForEachWord(s, [&](std::string_view w) {
    words.push_back(w);
    return words.size() < max_words;
  });
  return words;
}

std::string TitleCase(std::string_view upper) {
  std::string out;
  out.reserve(upper.size());
  bool word_start = true;
  size_t pos = 0;
  while (pos < upper.size()) {
    char32_t c = DecodeUtf8(upper, &pos);
    if (IsLetterCp(c)) {
      AppendUtf8(word_start ? c : ToLowerCp(c), &out);
      word_start = false;
    } else {
      AppendUtf8(c, &out);
      // An apostrophe keeps the word going ("N'DJAMENA" -> "N'djamena").
      word_start = !(c == '\'' || c == 0x2019);
    }
  }
  return out;
}

bool IsUpperWord(std::string_view word) {
  bool any = false;
  size_t pos = 0;
  while (pos < word.size()) {
    char32_t c = DecodeUtf8(word, &pos);
    if (IsLowerCp(c)) return false;
    if (IsUpperCp(c)) any = true;
  }
  return any;
}

bool StartsUpper(std::string_view word) {
  size_t pos = 0;
  while (pos < word.size()) {
    char32_t c = DecodeUtf8(word, &pos);
    if (c == '"' || c == '\'' || c == '(' || c == 0x201C || c == 0x2018)
      continue;
    return IsUpperCp(c) || (c >= '0' && c <= '9') ||
           (c > 0x17F && !IsLowerCp(c));
  }
  return false;
}

bool StartsLower(std::string_view word) {
  size_t pos = 0;
  while (pos < word.size()) {
    char32_t c = DecodeUtf8(word, &pos);
    if (IsLetterCp(c)) return IsLowerCp(c);
  }
  return false;
}

std::optional<std::string> ParseDatelinePlace(std::string_view paragraph) {
  // Upper-case words at the start ("NEW YORK"), each ending at a space, comma
  // or bracket.
  size_t pos = 0, place_end = 0;
  int words = 0, letters = 0;
  while (pos < paragraph.size() && words < 5) {
    size_t end = pos;
    while (end < paragraph.size() && paragraph[end] != ' ' &&
           paragraph[end] != ',' && paragraph[end] != '(') {
      ++end;
    }
    std::string_view word = paragraph.substr(pos, end - pos);
    int word_letters = 0;
    bool ok = !word.empty();
    size_t q = 0;
    while (ok && q < word.size()) {
      char32_t c = DecodeUtf8(word, &q);
      if (IsUpperCp(c)) {
        ++word_letters;
      } else if (!(c == '.' || c == '\'' || c == 0x2019 || c == '-')) {
        ok = false;
      }
    }
    if (!ok || word_letters == 0) break;
    ++words;
    letters += word_letters;
    place_end = end;
    if (end < paragraph.size() && paragraph[end] == ' ') {
      pos = end + 1;
    } else {
      break;
    }
  }
  if (words == 0 || letters < 3) return std::nullopt;
  std::string_view place = paragraph.substr(0, place_end);
  while (!place.empty() && place.back() == '.') place.remove_suffix(1);
  std::string_view rest = paragraph.substr(place_end);
  // What follows the place: a comma, a parenthesised source or a dash.
  size_t p = 0;
  while (p < rest.size() && rest[p] == ' ') ++p;
  if (p >= rest.size()) return std::nullopt;
  auto dash_within = [&](size_t from, size_t limit) {
    size_t q = from;
    while (q < rest.size() && q < from + limit) {
      char32_t c = DecodeUtf8(rest, &q);
      if (IsDashCp(c) || c == ':') {
        // A hyphen must stand apart ("- "), not join words.
        if (c == '-' && q < rest.size() && rest[q] != ' ') continue;
        return true;
      }
    }
    return false;
  };
  size_t q = p;
  char32_t next = DecodeUtf8(rest, &q);
  if (IsDashCp(next) || next == ':') {
    if (next == '-' && q < rest.size() && rest[q] != ' ') return std::nullopt;
  } else if (next == '(') {
    size_t close = rest.find(')', q);
    if (close == std::string_view::npos || close > q + 40) return std::nullopt;
    if (!dash_within(close + 1, 6)) return std::nullopt;
  } else if (next == ',') {
    if (!dash_within(q, 60)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  return TitleCase(place);
}

std::optional<int> FindCopyrightYear(std::string_view line) {
  std::string lower = AsciiLower(line);
  size_t marks[] = {lower.find("\xC2\xA9"), lower.find("copyright"),
                    lower.find("(c)")};
  size_t start = std::string::npos;
  for (size_t m : marks) start = std::min(start, m);
  if (start == std::string::npos) return std::nullopt;
  std::optional<int> year;
  size_t limit = std::min(lower.size(), start + 48);
  for (size_t i = start; i + 4 <= limit; ++i) {
    if (i > 0 && IsDigit(lower[i - 1])) continue;
    int y = ReadDigits(lower, i, 4);
    if (y >= 1900 && y <= 2099 &&
        (i + 4 == lower.size() || !IsDigit(lower[i + 4])))
      year = y;
  }
  return year;
}

namespace {

// The month a URL path segment starting at `pos` names by its English name or
// its first three or four letters ("nov/", "sept/", "november/"), or 0.
int UrlMonthName(std::string_view path, size_t pos) {
  size_t end = path.find('/', pos);
  if (end == std::string_view::npos || end - pos < 3) return 0;
  std::string seg = AsciiLower(path.substr(pos, end - pos));
  const std::vector<std::string>& months = WordLists().months;  // English first
  for (size_t i = 0; i < 12; ++i) {
    const std::string_view m = months[i];
    if (seg == m || seg == m.substr(0, 3) ||
        (seg.size() == 4 && seg == m.substr(0, 4))) {  // "sept"
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

// The month named by `word` (lower case, without a trailing period), or 0.
// Month names of several languages (data/extract/calendar.txt); abbreviations
// are matched as prefixes of at least three letters ("Sept.", "févr.", "Dez.").
int MonthOfWord(std::string_view word) {
  if (word.size() < 3) return 0;
  const std::vector<std::string>& months = WordLists().months;
  for (size_t i = 0; i < months.size(); ++i) {
    if (word == months[i]) return static_cast<int>(i % 12) + 1;
  }
  // Abbreviations: a prefix of 3 or 4 letters ("jan", "sept", "dez", "févr").
  if (word.size() <= 5) {
    for (size_t i = 0; i < months.size(); ++i) {
      std::string_view m = months[i];
      if (m.size() > word.size() && m.substr(0, word.size()) == word)
        return static_cast<int>(i % 12) + 1;
    }
  }
  return 0;
}

std::optional<PartialDate> MakeDay(int year, int month, int day) {
  if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month))
    return std::nullopt;
  return PartialDate{year, month, day};
}

// A number of 1 to 4 digits at `pos` not preceded or followed by another digit;
// its length in *len, or -1.
int ReadNumber(std::string_view s, size_t pos, size_t* len) {
  if (pos >= s.size() || !IsDigit(s[pos]) || (pos > 0 && IsDigit(s[pos - 1])))
    return -1;
  size_t n = 0;
  while (pos + n < s.size() && IsDigit(s[pos + n]) && n < 5) ++n;
  if (n > 4) return -1;
  *len = n;
  return ReadDigits(s, pos, n);
}

// "2021年5月3日", as Chinese and Japanese print a date: a four-digit year, then
// month and day, each followed by its ideograph (年, 月, 日).
std::optional<PartialDate> CjkDate(std::string_view s) {
  static constexpr std::string_view kYear = "\xE5\xB9\xB4",
                                    kMonth = "\xE6\x9C\x88",
                                    kDay = "\xE6\x97\xA5";
  for (size_t at = s.find(kYear); at != std::string_view::npos;
       at = s.find(kYear, at + 1)) {
    if (at < 4 || (at > 4 && IsDigit(s[at - 5]))) continue;
    size_t len = 0;
    const int year = ReadNumber(s, at - 4, &len);
    if (len != 4) continue;
    size_t p = at + kYear.size();
    while (p < s.size() && s[p] == ' ') ++p;
    const int month = ReadNumber(s, p, &len);
    if (month < 0 || len > 2 || s.substr(p + len, kMonth.size()) != kMonth)
      continue;
    p += len + kMonth.size();
    while (p < s.size() && s[p] == ' ') ++p;
    const int day = ReadNumber(s, p, &len);
    if (day < 0 || len > 2 || s.substr(p + len, kDay.size()) != kDay) continue;
    if (auto d = MakeDay(year, month, day)) return d;
  }
  return std::nullopt;
}

std::optional<PartialDate> NumericDate(std::string_view s, size_t pos,
                                       bool month_first) {
  size_t l1 = 0, l2 = 0, l3 = 0;
  const int a = ReadNumber(s, pos, &l1);
  if (a < 0) return std::nullopt;
  size_t p = pos + l1;
  if (p >= s.size() || (s[p] != '.' && s[p] != '-' && s[p] != '/'))
    return std::nullopt;
  const char sep = s[p];
  size_t q = p + 1;
  if (sep == '.' && q < s.size() && s[q] == ' ') ++q;  // "26. 2. 2015"
  const int b = ReadNumber(s, q, &l2);
  if (b < 0 || l2 > 2) return std::nullopt;
  q += l2;
  if (q >= s.size() || s[q] != sep) return std::nullopt;
  size_t r = q + 1;
  if (sep == '.' && r < s.size() && s[r] == ' ') ++r;
  const int c = ReadNumber(s, r, &l3);
  if (c < 0) return std::nullopt;
  if (l1 == 4 && l3 <= 2) return MakeDay(a, b, c);  // 2021-06-03
  // "03.05.21": a two-digit year, read as POSIX's %y reads it (69-99 in the
  // 1900s, 00-68 in the 2000s); not in a longer dotted run ("1.2.21.4").
  if (sep == '.' && l1 <= 2 && l3 == 2) {
    const size_t after = r + l3;
    if (after + 1 < s.size() && s[after] == '.' && IsDigit(s[after + 1]))
      return std::nullopt;
    return MakeDay(c < 69 ? 2000 + c : 1900 + c, b, a);
  }
  if (l1 > 2 || l3 != 4) return std::nullopt;
  // US pages write the month first with a slash or a hyphen ("03/22/2012",
  // forum software's "03-22-2012"); a day-first reading that names no month
  // is a month-first date in any page.
  if (sep != '.' && month_first) {
    if (auto d = MakeDay(c, a, b)) return d;
  }
  if (auto d = MakeDay(c, b, a)) return d;
  return sep != '.' ? MakeDay(c, a, b) : std::nullopt;
}

}  // namespace

namespace {

// `word` lower-cased (ASCII), without trailing '.' and ','.
std::string CalendarKey(std::string_view word) {
  std::string lower = AsciiLower(word);
  while (!lower.empty() && (lower.back() == ',' || lower.back() == '.'))
    lower.pop_back();
  return lower;
}

}  // namespace

bool IsAgencyJoiner(std::string_view word) {
  const std::vector<std::string>& joiners = WordLists().agency_joiner;
  return std::find(joiners.begin(), joiners.end(), word) != joiners.end();
}

bool IsDayName(std::string_view word) {
  const std::vector<std::string>& days = WordLists().days;
  return std::find(days.begin(), days.end(), CalendarKey(word)) != days.end();
}

bool IsCalendarWord(std::string_view word) {
  if (IsDayName(word)) return true;
  const std::vector<std::string>& months = WordLists().months;
  return std::find(months.begin(), months.end(), CalendarKey(word)) !=
         months.end();
}

bool IsDayAbbreviation(std::string_view word) {
  const std::string lower = CalendarKey(word);
  size_t letters = 0;
  for (size_t pos = 0; pos < lower.size(); ++letters) DecodeUtf8(lower, &pos);
  if (letters < 2 || letters > 3) return false;
  const std::vector<std::string>& days = WordLists().days;
  return std::any_of(days.begin(), days.end(), [&](const std::string& day) {
    return day.size() > lower.size() && day.starts_with(lower);
  });
}

namespace {

// `line` with Arabic-Indic digits (U+0660-U+0669) and the Extended
// Arabic-Indic digits of Persian and Urdu (U+06F0-U+06F9) as ASCII digits, or
// nullopt when it has none: Arabic pages print "٣ مارس ٢٠٢١".
std::optional<std::string> WithAsciiDigits(std::string_view line) {
  const auto digit_at = [&](size_t i) -> int {
    if (i + 1 >= line.size()) return -1;
    const unsigned char lead = static_cast<unsigned char>(line[i]),
                        next = static_cast<unsigned char>(line[i + 1]);
    if (lead == 0xD9 && next >= 0xA0 && next <= 0xA9) return next - 0xA0;
    if (lead == 0xDB && next >= 0xB0 && next <= 0xB9) return next - 0xB0;
    return -1;
  };
  std::optional<std::string> out;
  for (size_t i = 0; i < line.size(); ++i) {
    const int digit = digit_at(i);
    if (digit < 0) {
      if (out) *out += line[i];
      continue;
    }
    if (!out) out = std::string(line.substr(0, i));
    *out += static_cast<char>('0' + digit);
    ++i;
  }
  return out;
}

// "Z", "+02:00", "+0200", "-04", "GMT", "UTC" or "UT" at the end of a
// timestamp: the offset in minutes east of UTC, or nullopt.
std::optional<int> ReadZone(std::string_view z) {
  if (z == "Z" || z == "z" || z == "GMT" || z == "UTC" || z == "UT") return 0;
  if (z.size() < 3 || (z[0] != '+' && z[0] != '-')) return std::nullopt;
  const int hours = ReadDigits(z, 1, 2);
  int minutes = 0;
  if (z.size() == 6 && z[3] == ':') {
    minutes = ReadDigits(z, 4, 2);
  } else if (z.size() == 5) {
    minutes = ReadDigits(z, 3, 2);
  } else if (z.size() != 3) {
    return std::nullopt;
  }
  if (hours < 0 || hours > 14 || minutes < 0 || minutes > 59)
    return std::nullopt;
  return (z[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
}

// "HH:MM" or "HH:MM:SS", seconds' fraction allowed: minutes into the day and
// the length read, or -1.
int ReadClock(std::string_view s, size_t* len) {
  const int h = ReadDigits(s, 0, 2);
  const int m = s.size() > 2 && s[2] == ':' ? ReadDigits(s, 3, 2) : -1;
  if (h < 0 || h > 23 || m < 0 || m > 59) return -1;
  size_t n = 5;
  if (s.size() >= 8 && s[5] == ':' && ReadDigits(s, 6, 2) >= 0) {
    n = 8;
    if (n < s.size() && (s[n] == '.' || s[n] == ',')) {
      ++n;
      while (n < s.size() && IsDigit(s[n])) ++n;
    }
  }
  *len = n;
  return h * 60 + m;
}

}  // namespace

std::optional<PartialDate> FindDateInLine(std::string_view line,
                                          bool month_first) {
  if (const std::optional<std::string> ascii = WithAsciiDigits(line))
    return FindDateInLine(*ascii, month_first);
  if (auto d = CjkDate(line)) return d;
  for (size_t i = 0; i < line.size(); ++i) {
    if (IsDigit(line[i]) && (i == 0 || !IsDigit(line[i - 1]))) {
      if (auto d = NumericDate(line, i, month_first)) return d;
    }
  }
  // Month names: the words of the line, lower-cased, without the punctuation
  // around them.
  std::vector<std::string> words;
  for (std::string_view w : SplitWords(line, 64)) {
    std::string lower = AsciiLower(w);
    while (!lower.empty() &&
           (lower.back() == '.' || lower.back() == ',' || lower.back() == ')' ||
            lower.back() == '|' || lower.back() == ':'))
      lower.pop_back();
    while (!lower.empty() && (lower.front() == '(' || lower.front() == '|'))
      lower.erase(0, 1);
    words.push_back(std::move(lower));
  }
  auto number = [&](size_t i, size_t max_len) {
    if (i >= words.size()) return -1;
    std::string w = words[i];
    // "3rd", "21st", "1er", "1º"
    for (std::string_view suffix : {"st", "nd", "rd", "th", "er", "\xC2\xBA"}) {
      if (w.size() > suffix.size() && w.ends_with(suffix) &&
          IsDigit(w[w.size() - suffix.size() - 1])) {
        w.resize(w.size() - suffix.size());
        break;
      }
    }
    if (w.empty() || w.size() > max_len ||
        !std::all_of(w.begin(), w.end(), [](char c) { return IsDigit(c); }))
      return -1;
    return std::stoi(w);
  };
  for (size_t i = 0; i < words.size(); ++i) {
    const int month = MonthOfWord(words[i]);
    if (month == 0) continue;
    // "3. Juni 2021", "3 juin 2021", "3 de junio de 2021"
    if (i >= 1) {
      size_t di = i - 1, yi = i + 1;
      if (words[di] == "de" && i >= 2) di = i - 2;
      if (yi < words.size() && words[yi] == "de") ++yi;
      const int day = number(di, 2), year = number(yi, 4);
      if (day > 0 && year > 0) {
        if (auto d = MakeDay(year, month, day)) return d;
      }
    }
    // "June 3, 2021", "June 3rd 2021"; "Feb 8 10:42:17 UTC 2022", as ctime()
    // and mail archives print a moment (a clock time and a zone between).
    size_t yi = i + 2, clock_len = 0;
    if (yi < words.size() && ReadClock(words[yi], &clock_len) >= 0 &&
        clock_len == words[yi].size()) {
      ++yi;
      // The zone: an offset, or its abbreviation ("utc", "cet", "est"; the
      // words are lower-cased), read only after a clock time.
      if (yi < words.size() &&
          (ReadZone(words[yi]) ||
           (words[yi].size() <= 5 &&
            std::all_of(words[yi].begin(), words[yi].end(),
                        [](char c) { return c >= 'a' && c <= 'z'; }))))
        ++yi;
    }
    const int day = number(i + 1, 2), year = number(yi, 4);
    if (day > 0 && year > 0) {
      if (auto d = MakeDay(year, month, day)) return d;
    }
  }
  return std::nullopt;
}

namespace {

std::optional<ZonedTime> MakeZoned(std::optional<PartialDate> day, int clock,
                                   std::optional<int> zone) {
  if (!day || day->day == 0 || clock < 0 || !zone) return std::nullopt;
  ZonedTime t;
  t.local_day = *day;
  t.offset_minutes = *zone;
  t.utc_minute =
      DaysFromCivil(day->year, day->month, day->day) * 1440 + clock - *zone;
  return t;
}

// "Sat, 19 Oct 2019 00:04:00 +0200" (RFC 2822; the weekday is optional).
std::optional<ZonedTime> ParseRfc2822(std::string_view s) {
  if (const size_t comma = s.find(','); comma != std::string_view::npos) {
    s.remove_prefix(comma + 1);
  }
  std::vector<std::string_view> parts;
  for (size_t i = 0; i < s.size();) {
    while (i < s.size() && s[i] == ' ') ++i;
    const size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) parts.push_back(s.substr(start, i - start));
  }
  if (parts.size() != 5) return std::nullopt;
  size_t day_len = 0, year_len = 0, clock_len = 0;
  const int day = ReadNumber(parts[0], 0, &day_len);
  const int year = ReadNumber(parts[2], 0, &year_len);
  const int clock = ReadClock(parts[3], &clock_len);
  if (day_len != parts[0].size() || year_len != 4 ||
      clock_len != parts[3].size())
    return std::nullopt;
  const int month = MonthOfWord(AsciiLower(parts[1]));
  return MakeZoned(MakeDay(year, month, day), clock, ReadZone(parts[4]));
}

}  // namespace

std::optional<ZonedTime> ParseZonedTime(std::string_view text) {
  std::string_view s = TrimSpaces(text);
  if (s.size() < 16) return std::nullopt;
  if (!IsDigit(s[0])) return ParseRfc2822(s);
  if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' '))
    return ParseRfc2822(s);
  const auto day = ParseIsoDate(s.substr(0, 10));
  size_t clock_len = 0;
  const int clock = ReadClock(s.substr(11), &clock_len);
  if (clock < 0) return std::nullopt;
  std::string_view zone = s.substr(11 + clock_len);
  if (!zone.empty() && zone.front() == ' ') zone.remove_prefix(1);
  return MakeZoned(day, clock, ReadZone(zone));
}

std::optional<PartialDate> DateFromUrl(std::string_view url) {
  // Only the path: skip scheme and host.
  size_t scheme = url.find("://");
  size_t path_start =
      url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path_start == std::string_view::npos) return std::nullopt;
  std::string_view path = url.substr(path_start);
  path = path.substr(0, path.find_first_of("?#"));
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '/') continue;
    size_t p = i + 1;
    int year = ReadDigits(path, p, 4);
    if (year < 1990 || year > 2099) continue;
    p += 4;
    if (p < path.size() && IsDigit(path[p])) {
      // Compact form /20210603
      int month = ReadDigits(path, p, 2), day = ReadDigits(path, p + 2, 2);
      if (month >= 1 && month <= 12 && day >= 1 &&
          day <= DaysInMonth(year, month) &&
          (p + 4 == path.size() || !IsDigit(path[p + 4]))) {
        return PartialDate{year, month, day};
      }
      continue;
    }
    if (p >= path.size() || (path[p] != '/' && path[p] != '-')) continue;
    if (int m = UrlMonthName(path, p + 1); m > 0) {
      // /2019/nov/18/: the month by its English name or abbreviation.
      size_t q = path.find('/', p + 1);
      int day = q == std::string_view::npos ? 0 : ReadDigits(path, q + 1, 2);
      if (day < 1 || day > DaysInMonth(year, m)) {
        day = q == std::string_view::npos ? 0 : ReadDigits(path, q + 1, 1);
        if (day >= 1 && q + 2 < path.size() && IsDigit(path[q + 2])) day = 0;
      }
      return PartialDate{year, m,
                         day >= 1 && day <= DaysInMonth(year, m) ? day : 0};
    }
    char sep = path[p++];
    size_t mlen = (p + 1 < path.size() && IsDigit(path[p + 1])) ? 2 : 1;
    int month = ReadDigits(path, p, mlen);
    if (month < 1 || month > 12) continue;
    p += mlen;
    if (p < path.size() && IsDigit(path[p])) continue;
    if (p < path.size() && path[p] == sep) {
      size_t q = p + 1;
      size_t dlen = (q + 1 < path.size() && IsDigit(path[q + 1])) ? 2 : 1;
      int day = ReadDigits(path, q, dlen);
      if (day >= 1 && day <= DaysInMonth(year, month) &&
          (q + dlen == path.size() || !IsDigit(path[q + dlen]))) {
        return PartialDate{year, month, day};
      }
    }
    // /2021/06/ with a slash after the month gives the month.
    if (sep == '/' && p < path.size() && path[p] == '/')
      return PartialDate{year, month, 0};
  }
  return std::nullopt;
}

bool EndsWithSentencePunctuation(std::string_view line) {
  line = TrimSpaces(line);
  while (!line.empty()) {
    size_t start = line.size() - 1;
    while (start > 0 &&
           (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80)
      --start;
    size_t pos = start;
    char32_t c = DecodeUtf8(line, &pos);
    if (c == '.' || c == '!' || c == '?' || c == 0x2026) return true;
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D ||
        c == 0x2019 || c == 0xBB || c == '*') {
      line = line.substr(0, start);
      continue;
    }
    return false;
  }
  return false;
}

std::string Alnum(std::string_view s) {
  std::string out;
  for (char c : AsciiLower(s)) {
    if (std::isalnum(static_cast<unsigned char>(c)) ||
        static_cast<unsigned char>(c) >= 0x80)
      out += c;
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

bool ContainsNoCase(std::string_view s, std::string_view lower) {
  const size_t n = lower.size();
  if (n == 0) return true;
  if (s.size() < n) return false;
  // Setting bit 0x20 lower-cases an ASCII letter and makes no other byte one,
  // so when `lower` starts with a letter a byte that could start it is found
  // with one OR and compare, eight bytes at a time: asked of every element's
  // class, most of whose bytes start nothing.
  const char first = lower[0];
  const bool letter = first >= 'a' && first <= 'z';
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  const uint64_t pattern = kOnes * static_cast<unsigned char>(first);
  const size_t last = s.size() - n;  // the last place `lower` can start
  for (size_t i = 0; i <= last;) {
    if (letter && i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      const uint64_t x = (w | (kOnes * 0x20)) ^ pattern;  // 0 where it could
      if (((x - kOnes) & ~x & kHigh) == 0) {              // no zero byte
        i += 8;
        continue;
      }
    }
    const char c = s[i];
    if (letter ? (c | 0x20) == first : LowerAscii(c) == first) {
      size_t k = 1;
      while (k < n && LowerAscii(s[i + k]) == lower[k]) ++k;
      if (k == n) return true;
    }
    ++i;
  }
  return false;
}

const char* FurnitureKindName(FurnitureKind kind) {
  switch (kind) {
    case FurnitureKind::kNone:
      return "none";
    case FurnitureKind::kAuthor:
      return "author";
    case FurnitureKind::kCaption:
      return "caption";
    case FurnitureKind::kRelatedLink:
      return "related-link";
    case FurnitureKind::kCredit:
      return "credit";
    case FurnitureKind::kCopyright:
      return "copyright";
    case FurnitureKind::kApps:
      return "apps";
    case FurnitureKind::kBroadcast:
      return "broadcast";
    case FurnitureKind::kSiteMap:
      return "site-map";
    case FurnitureKind::kPlaceList:
      return "place-list";
    case FurnitureKind::kSocial:
      return "social";
  }
  return "none";
}

namespace {

// Whether `s` reads as a full name: two words or more, the first and the last
// capitalised ("Anna de Vries").
bool IsFullName(std::string_view s) {
  const std::vector<std::string_view> words = SplitWords(s, 6);
  return words.size() >= 2 && words.size() <= 5 && StartsUpper(words.front()) &&
         StartsUpper(words.back());
}

// Whether `s` opens with a full name, whatever follows it in the line ("Max
// Muster Veröffentlicht: 12. August 2017", a date or a label after the last
// name of a byline).
bool OpensWithFullName(std::string_view s) {
  const std::vector<std::string_view> words = SplitWords(s, 5);
  if (words.size() < 2 || !StartsUpper(words.front())) return false;
  return std::any_of(words.begin() + 1, words.end(),
                     [](std::string_view w) { return StartsUpper(w); });
}

// Splits `part` at the word for "and" of the languages whose bylines
// extraction reads ("und", "et", "y", "e", "en", "och", "og") when the words
// on both sides are full names, the right one perhaps followed by the
// byline's date: "Jana Beispiel und Max Muster" is two, while "Ortega y
// Gasset" is one name and "Ana Ruiz en Montevideo" one name and a place.
void SplitAtConjunction(std::string_view part,
                        std::vector<std::string_view>* parts) {
  static constexpr std::string_view kAnd[] = {" und ", " et ",  " y ", " e ",
                                              " en ",  " och ", " og "};
  for (std::string_view conjunction : kAnd) {
    const size_t at = part.find(conjunction);
    if (at == std::string_view::npos) continue;
    const std::string_view left = part.substr(0, at);
    const std::string_view right = part.substr(at + conjunction.size());
    if (IsFullName(left) && OpensWithFullName(right)) {
      parts->push_back(TrimSpaces(left));
      SplitAtConjunction(TrimSpaces(right), parts);
      return;
    }
  }
  parts->push_back(part);
}

}  // namespace

std::vector<std::string_view> SplitNameList(std::string_view list) {
  std::vector<std::string_view> parts;
  while (!list.empty()) {
    size_t sep = std::string_view::npos, sep_len = 0;
    for (std::string_view s :
         {std::string_view(", "), std::string_view(" and "),
          std::string_view(" & "), std::string_view(";")}) {
      const size_t f = list.find(s);
      if (f < sep) sep = f, sep_len = s.size();
    }
    // A list's separator left at either end of a part ("Jane Doe," before a
    // line break) is none of the name.
    std::string_view part = TrimSpaces(list.substr(0, sep));
    while (!part.empty() && (part.back() == ',' || part.back() == ';'))
      part = TrimSpaces(part.substr(0, part.size() - 1));
    while (!part.empty() && (part.front() == ',' || part.front() == ';'))
      part = TrimSpaces(part.substr(1));
    SplitAtConjunction(part, &parts);
    list = sep == std::string_view::npos ? std::string_view()
                                         : list.substr(sep + sep_len);
  }
  return parts;
}

bool IsNameShaped(std::string_view name) {
  const std::vector<std::string>& particles = WordLists().name_particle;
  const std::vector<std::string_view> words = SplitWords(name, 6);
  for (size_t i = 0; i < words.size(); ++i) {
    if (StartsUpper(words[i])) continue;
    if (i == 0 || i + 1 == words.size() ||
        std::find(particles.begin(), particles.end(), words[i]) ==
            particles.end())
      return false;
  }
  return !words.empty();
}

bool IsLabelOnly(std::string_view lower,
                 const std::vector<std::string>& labels) {
  lower = TrimSpaces(lower);
  while (!lower.empty()) {
    if (lower.back() == ':' || lower.back() == ' ') {
      lower.remove_suffix(1);
    } else if (lower.ends_with(kFullWidthColon)) {
      lower.remove_suffix(kFullWidthColon.size());
    } else {
      break;
    }
  }
  if (lower.ends_with("(s)")) lower.remove_suffix(3);
  return std::find(labels.begin(), labels.end(), lower) != labels.end();
}

bool IsAffiliationWord(std::string_view word) {
  const std::vector<std::string>& affiliation = WordLists().affiliation_word;
  return std::find(affiliation.begin(), affiliation.end(), AsciiLower(word)) !=
         affiliation.end();
}

namespace {

// `s` less every one of `marks` at its end (and at its start, with `front`),
// as often as they stand there.
std::string_view TrimMarks(std::string_view s,
                           std::initializer_list<std::string_view> marks,
                           bool front) {
  for (bool cut = true; cut && !s.empty();) {
    cut = false;
    for (std::string_view mark : marks) {
      if (s.ends_with(mark)) {
        s.remove_suffix(mark.size());
        cut = true;
      }
      if (front && s.starts_with(mark)) {
        s.remove_prefix(mark.size());
        cut = true;
      }
    }
  }
  return s;
}

// `text` up to its first word that opens a date: a number, or a word of
// furniture_lines.txt's date-published and date-updated lists ("Publié",
// "Aktualisiert:").
std::string_view BeforeDateWords(std::string_view text) {
  const WordListSet& lists = WordLists();
  for (std::string_view w : SplitWords(text)) {
    const std::string lower = AsciiLower(TrimMarks(w, {":", ","}, false));
    const auto is = [&](const std::vector<std::string>& list) {
      return std::find(list.begin(), list.end(), lower) != list.end();
    };
    if (std::isdigit(static_cast<unsigned char>(w.front())) ||
        is(lists.date_published) || is(lists.date_updated))
      return TrimSpaces(
          text.substr(0, static_cast<size_t>(w.data() - text.data())));
  }
  return text;
}

}  // namespace

std::vector<std::string> ParseAuthorLine(std::string_view line) {
  line = TrimSpaces(line);
  size_t lead = LeadPhraseLength(line, WordLists().author_start);
  // The by-words of the other languages (byline-start: "Von", "Par", "Por",
  // "Geschrieben von") open sentences and headings as often ("Von Berlin nach
  // Hamburg"): after them a name is name-shaped, and the date line run into
  // the byline ends it ("Von Jana Muster 05.10.2019, 18:54 Uhr", "Par Jean
  // Dupont Publié le 23/08/2016").
  bool other_language = false;
  if (lead == 0) {
    lead = LeadPhraseLength(line, WordLists().byline_start);
    other_language = lead > 0;
  }
  std::string_view rest = TrimSpaces(line.substr(lead));
  if (lead == 0 || rest.empty()) return {};
  // Cut at a separator that starts other information ("By Jane Doe | Reuters").
  size_t cut = rest.find_first_of("|\n");
  if (cut != std::string_view::npos) rest = TrimSpaces(rest.substr(0, cut));
  if (other_language) rest = BeforeDateWords(rest);
  std::vector<std::string> names;
  for (std::string_view name : SplitNameList(rest)) {
    std::vector<std::string_view> words = SplitWords(name);
    if (words.empty() || words.size() > 5 || !StartsUpper(words.front()))
      continue;
    if (other_language && !IsNameShaped(name)) continue;
    // One word after a full name is an agency, a desk or a place, not a
    // writer ("Jane Doe, AP", "Jane Doe, Reuters", "Jane Doe, Berlin").
    if (!names.empty() && words.size() == 1 &&
        SplitWords(names.front()).size() >= 2)
      continue;
    // Nor is a part with an organisation's office or post in it.
    if (!names.empty() &&
        std::any_of(words.begin(), words.end(), IsAffiliationWord))
      continue;
    names.emplace_back(name);
  }
  return names;
}

namespace {

// `lower` less the brackets a credit line is set in ("(Reporting by ...)",
// "[责任编辑：...]", in full-width forms too).
std::string_view WithoutOpeningBrackets(std::string_view lower) {
  return TrimMarks(lower, {" ", "(", "[", "\uFF08", "\u3010", "\uFF3B"},
                   /*front=*/true);
}

// The longest line a credit ending it makes a caption (caption-end): some
// sixty ideographs, as captions in Chinese and Japanese set no spaces to count
// words by.
constexpr size_t kMaxCaptionEndBytes = 200;

// Whether `line`, its brackets and a closing full stop aside, is an agency
// joiner and the agencies' names after it ("(Avec AFP)", "Avec Belga").
bool IsAgencyCreditLine(std::string_view line) {
  line = TrimMarks(TrimSpaces(line), {"(", ")", "[", "]", ".", " "},
                   /*front=*/true);
  const std::vector<std::string_view> words = SplitWords(line, 5);
  if (words.size() < 2) return false;
  if (!IsAgencyJoiner(AsciiLower(words[0]))) return false;
  return std::all_of(words.begin() + 1, words.end(), StartsUpper);
}

// The lines a word list marks: bylines, captions, "Read more" links, credits,
// copyright, app and site-map lines, share buttons. `lower` is the trimmed line
// lower-cased, `n` its number of words (capped at 31), `sentence` whether it
// ends as a sentence does.
FurnitureKind ClassifyByPhrase(std::string_view line, std::string_view lower,
                               size_t n, bool sentence) {
  const WordListSet& lists = WordLists();
  if (StartsWith(lower, "author_image")) return FurnitureKind::kAuthor;
  if (n <= 10 && !sentence && StartsWithAny(lower, lists.byline_start) &&
      !ParseAuthorLine(line).empty()) {
    return FurnitureKind::kAuthor;
  }
  // A byline with the date after a bar ("By Jane Doe | Feb 2, 2023, 4:05pm
  // CST Updated Feb 2, 2023, 7:40pm CST"): the writer's part is short.
  if (const size_t bar = line.find('|');
      n > 10 && bar != std::string_view::npos &&
      StartsWithAny(lower, lists.byline_start) &&
      SplitWords(line.substr(0, bar), 11).size() <= 10 &&
      !ParseAuthorLine(line).empty() &&
      FindDateInLine(line.substr(bar + 1), /*month_first=*/false)) {
    return FurnitureKind::kAuthor;
  }
  if (ContainsAny(lower, lists.caption) ||
      StartsWithAny(lower, lists.caption_start) ||
      (n <= 30 && ContainsAny(lower, lists.caption_credit)) ||
      (line.size() <= kMaxCaptionEndBytes &&
       std::any_of(lists.caption_end.begin(), lists.caption_end.end(),
                   [line](std::string_view e) { return line.ends_with(e); }))) {
    return FurnitureKind::kCaption;
  }
  if (StartsWithAny(lower, lists.related_start) ||
      (n <= 20 && !sentence && StartsWithAny(lower, lists.taxonomy_start)))
    return FurnitureKind::kRelatedLink;
  if (StartsWithAny(WithoutOpeningBrackets(lower), lists.credit_start))
    return FurnitureKind::kCredit;
  // An agency's credit on a line of its own ("(Avec AFP)", "Avec Belga",
  // "(With AP)"): a joiner of furniture_lines.txt's agency-joiner and one to
  // three capitalised words.
  if (n >= 2 && n <= 4 && IsAgencyCreditLine(line))
    return FurnitureKind::kCredit;
  // An interview's credit ("Das Gespräch führte Jana Beispiel.", "Propos
  // recueillis par J. D."): the interviewer's name, a line of its own.
  if (n <= 12 &&
      LeadPhraseLength(line, lists.interviewer_start, /*whole_word=*/true) > 0)
    return FurnitureKind::kCredit;
  // A reservation of rights marks a footer's line of at most 30 words, or
  // any line in English's words, as before the other languages were read: a
  // paragraph of prose is not searched for every language's.
  if (Contains(lower, "all rights reserved") ||
      (n <= 30 && ContainsAny(lower, lists.rights_reserved)) ||
      StartsWith(line, "\xC2\xA9") || StartsWith(lower, "copyright") ||
      (n <= 16 && FindCopyrightYear(line).has_value())) {
    return FurnitureKind::kCopyright;
  }
  if (n <= 12 && ContainsAny(lower, lists.app_store))
    return FurnitureKind::kApps;
  if (n <= 3 && StartsWithAny(lower, lists.app_start))
    return FurnitureKind::kApps;
  return FurnitureKind::kNone;
}

// A short line of a broadcaster's frequency list: a satellite's name, a
// frequency
// ("100.7FM"), a polarisation and symbol rate ("H 27500").
bool IsBroadcastLine(const std::vector<std::string_view>& words,
                     std::string_view lower) {
  const size_t n = words.size();
  if (n > 8) return false;
  if (ContainsAny(lower, WordLists().satellite)) return true;
  for (std::string_view w : words) {
    std::string lw = AsciiLower(StripPunct(w));
    // A frequency: digits with an optional decimal part and a band ("100.7FM").
    size_t i = 0;
    while (i < lw.size() && (IsDigit(lw[i]) || lw[i] == '.')) ++i;
    if (i > 1 && IsDigit(lw[0])) {
      std::string_view unit = std::string_view(lw).substr(i);
      if (unit == "fm" || unit == "am" || unit == "mhz" || unit == "khz")
        return true;
    }
  }
  for (size_t i = 0; i + 1 < n; ++i) {
    if ((words[i] == "H" || words[i] == "V") && words[i + 1].size() >= 4 &&
        std::all_of(words[i + 1].begin(), words[i + 1].end(), IsDigit)) {
      return true;
    }
  }
  return false;
}

// A row of upper-case names with no digits or sentence punctuation ("ERBIL
// KIRKUK").
bool IsPlaceList(const std::vector<std::string_view>& words) {
  if (words.size() < 2 || words.size() > 12) return false;
  for (std::string_view w : words) {
    std::string_view core = StripPunct(w);
    if (core.empty()) continue;
    bool bullet = core == "-" || core == "|" || core == "\xE2\x80\xA2" ||
                  core == "\xC2\xB7";
    if (bullet) continue;
    if (!IsUpperWord(core) || std::any_of(core.begin(), core.end(), IsDigit))
      return false;
  }
  return true;
}

}  // namespace

namespace {

// Whether byte `c` may continue a word: an ASCII letter or digit, or any byte
// of a non-ASCII code point (a letter, in a label's neighbourhood).
bool IsWordByte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') ||
         (b >= 'A' && b <= 'Z');
}

// Where the first of `labels` stands as a whole word in `lower`, and its end;
// npos when none does.
std::pair<size_t, size_t> FindWholeWord(
    std::string_view lower, const std::vector<std::string>& labels) {
  std::pair<size_t, size_t> best{std::string_view::npos, 0};
  for (const std::string& label : labels) {
    for (size_t at = lower.find(label); at != std::string_view::npos;
         at = lower.find(label, at + 1)) {
      const size_t end = at + label.size();
      if ((at > 0 && IsWordByte(lower[at - 1])) ||
          (end < lower.size() && IsWordByte(lower[end])))
        continue;
      if (at < best.first) best = {at, end};
      break;
    }
  }
  return best;
}

}  // namespace

std::optional<PartialDate> DatelineDate(std::string_view paragraph,
                                        bool month_first) {
  const std::string_view opening = paragraph.substr(0, kDatelineOpeningBytes);
  size_t cut = std::string_view::npos;
  for (std::string_view dash :
       {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " | "})
    cut = std::min(cut, opening.find(dash));
  if (cut == std::string_view::npos) return std::nullopt;
  return FindDateInLine(opening.substr(0, cut), month_first);
}

DateLabelRead ReadDateLabel(std::string_view line) {
  const WordListSet& lists = WordLists();
  const std::string lower = AsciiLower(line);
  const auto published = FindWholeWord(lower, lists.date_published);
  const auto updated = FindWholeWord(lower, lists.date_updated);
  const size_t updated_from = updated.first == std::string_view::npos
                                  ? std::string_view::npos
                                  : updated.second;
  if (published.first != std::string_view::npos)
    return {DateLabel::kPublished, published.second, updated_from};
  if (updated.first != std::string_view::npos)
    return {DateLabel::kUpdated, 0, updated_from};
  return {};
}

size_t LeadPhraseLength(std::string_view line,
                        const std::vector<std::string>& phrases,
                        bool whole_word) {
  for (const std::string& p : phrases) {
    if (line.size() >= p.size() && EqualsNoCase(line.substr(0, p.size()), p) &&
        (!whole_word || line.size() == p.size() || !IsWordByte(line[p.size()])))
      return p.size();
  }
  return 0;
}

bool StartsWithAnyNoCase(std::string_view line,
                         const std::vector<std::string>& phrases,
                         bool whole_word) {
  return LeadPhraseLength(line, phrases, whole_word) > 0;
}

// Both asked of every short block: compared in place, no lower-cased copy.
bool StartsAsRelatedLink(std::string_view raw) {
  return StartsWithAnyNoCase(TrimSpaces(raw), WordLists().related_start);
}

bool IsAuthorBioLabel(std::string_view raw) {
  constexpr size_t kMaxLabelBytes = 60;
  const std::string_view line = TrimSpaces(raw);
  // The label is whole words: "About the authority's plan" is none.
  return line.size() <= kMaxLabelBytes &&
         StartsWithAnyNoCase(line, WordLists().author_bio,
                             /*whole_word=*/true);
}

namespace {

// Whether `lower` (a lower-cased line) ends with a call to sign up
// (furniture_lines.txt's sign-up-end: "Want the news each morning? Sign up
// here."), its closing punctuation and arrows aside.
bool EndsWithSignUpCall(std::string_view lower) {
  lower = TrimMarks(
      lower, {".", "!", " ", ">", "\u203a", "\u00bb", "\u2192", "\u2026"},
      /*front=*/false);
  return std::any_of(WordLists().sign_up_end.begin(),
                     WordLists().sign_up_end.end(), [&](const std::string& p) {
                       return lower.ends_with(p) &&
                              (lower.size() == p.size() ||
                               !IsWordByte(lower[lower.size() - p.size() - 1]));
                     });
}

// Whether `lower` (a lower-cased line) is an advertising slot's label alone
// (furniture_lines.txt's ad-label), once the dashes, bullets, brackets and
// colons that set it apart are cut from both ends ("- advertisement -").
bool IsAdLabel(std::string_view lower) {
  lower = TrimMarks(lower,
                    {" ", "-", "\u2013", "\u2014", "\u2022", "\u00b7", "|", "*",
                     "[", "]", "(", ")", ":", "_", "=", "~"},
                    /*front=*/true);
  const std::vector<std::string>& labels = WordLists().ad_label;
  return !lower.empty() &&
         std::find(labels.begin(), labels.end(), lower) != labels.end();
}

}  // namespace

bool HoldsBreadcrumbStep(std::string_view line) {
  for (std::string_view step : {" > ", " >> ", " \u203a ", " \u00bb "}) {
    if (line.find(step) != std::string_view::npos) return true;
  }
  return false;
}

bool IsDonationLink(std::string_view href) {
  const std::vector<std::string>& words = WordLists().donation_path;
  // Asked of every link of every page (the markup pre-pass): no copy made.
  const auto listed = [&](std::string_view w) {
    return !w.empty() &&
           std::any_of(words.begin(), words.end(), [w](const std::string& d) {
             return d.size() == w.size() && EqualsNoCase(w, d);
           });
  };
  // (find_first_of would call memchr for each of the address's bytes.)
  href = href.substr(
      0, static_cast<size_t>(
             std::find_if(href.begin(), href.end(),
                          [](char c) { return c == '?' || c == '#'; }) -
             href.begin()));
  if (const size_t scheme = href.find("://");
      scheme != std::string_view::npos) {
    href.remove_prefix(scheme + 3);
    const size_t slash = href.find('/');
    const std::string_view host = href.substr(0, slash);
    if (listed(host.substr(0, host.find('.')))) return true;
    if (slash == std::string_view::npos) return false;
    href.remove_prefix(slash);
  }
  for (size_t start = 0; start < href.size();) {
    size_t end = href.find('/', start);
    if (end == std::string_view::npos) end = href.size();
    std::string_view segment = href.substr(start, end - start);
    if (listed(segment.substr(0, segment.find('.')))) return true;
    start = end + 1;
  }
  return false;
}

bool IsAppealHeading(std::string_view line) {
  constexpr size_t kMaxWords = 12;
  if (SplitWords(line, kMaxWords + 1).size() > kMaxWords) return false;
  const std::string lower = AsciiLower(TrimSpaces(line));
  const std::string_view text = TrimMarks(
      lower, {" ", "\u2026", ".", "-", "\u2013", "\u2014"}, /*front=*/true);
  return StartsWithAny(text, WordLists().appeal_heading);
}

FurnitureKind ClassifyFurnitureLine(std::string_view raw) {
  std::string_view line = TrimSpaces(raw);
  if (line.empty()) return FurnitureKind::kNone;
  std::string lower = AsciiLower(line);
  // The tests below need the words of lines of at most 30 words; n is capped
  // at 31.
  std::vector<std::string_view> words = SplitWords(line, 31);
  const size_t n = words.size();
  const bool sentence = EndsWithSentencePunctuation(line);
  if (FurnitureKind k = ClassifyByPhrase(line, lower, n, sentence);
      k != FurnitureKind::kNone)
    return k;
  if (IsBroadcastLine(words, lower)) return FurnitureKind::kBroadcast;
  const WordListSet& lists = WordLists();
  if (n <= 30 && !sentence && ContainsAny(lower, lists.site_map))
    return FurnitureKind::kSiteMap;
  if (n <= 10 && !sentence && StartsWithAny(lower, lists.social_start))
    return FurnitureKind::kSocial;
  if (n <= 10 && IsAdLabel(lower)) return FurnitureKind::kSocial;
  if (n <= 12 && !sentence && StartsWithAny(lower, lists.media_label))
    return FurnitureKind::kRelatedLink;
  if (n <= 30 && ContainsAny(lower, lists.disclosure))
    return FurnitureKind::kSocial;
  // A breadcrumb's path set as a line of the page ("Home > News > Fire
  // Company"): the site's first page named, then a step.
  if (n <= 15 && !sentence &&
      LeadPhraseLength(line, lists.breadcrumb_start, /*whole_word=*/true) > 0 &&
      (HoldsBreadcrumbStep(line) || Contains(line, " / ")))
    return FurnitureKind::kSiteMap;
  // A reading time ("5 min read", "Lesezeit: 4 Minuten") on a short line,
  // which holds its number.
  if (n <= 6 && !sentence && std::any_of(line.begin(), line.end(), IsDigit) &&
      ContainsAny(lower, lists.reading_time))
    return FurnitureKind::kSocial;
  if (n <= 30 && EndsWithSignUpCall(lower)) return FurnitureKind::kSocial;
  if (!sentence && IsPlaceList(words)) return FurnitureKind::kPlaceList;
  return FurnitureKind::kNone;
}

}  // namespace dateline::extract_internal
