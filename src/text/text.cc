// Tokeniser, normaliser, lemmatiser and sentence splitter.
//
// The tokeniser walks UTF-8 code points once. ASCII is classified inline; other
// code points through ICU's character properties. Normalisation (NFKC + case
// folding) goes through ICU only for tokens that contain non-ASCII bytes, which
// keeps the common case fast.
#include "text/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <unordered_map>

#include "core/string_hash.h"
#include "core/table_file.h"
#include "core/utf8.h"

namespace dateline {

namespace {

bool IsAsciiAlpha(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

// The classifiers test ASCII inline and leave the rest to ICU out of line, so
// that the common case costs a comparison or two where the tokeniser calls
// them. (Without noinline the compiler folds the ICU calls into the
// classifiers, which then grow too large to be inlined: a call per character.)
[[gnu::noinline]] bool IsNonAsciiLetter(char32_t c) {
  return u_isalpha(static_cast<UChar32>(c)) ||
         u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}
[[gnu::noinline]] bool IsNonAsciiAlnum(char32_t c) {
  return IsNonAsciiLetter(c) || u_isdigit(static_cast<UChar32>(c));
}
bool IsLetter(char32_t c) {
  return c < 0x80 ? IsAsciiAlpha(c) : IsNonAsciiLetter(c);
}
bool IsDigit(char32_t c) {
  return c < 0x80 ? IsAsciiDigit(c) : u_isdigit(static_cast<UChar32>(c));
}
bool IsAlnum(char32_t c) {
  return c < 0x80 ? IsAsciiAlpha(c) || IsAsciiDigit(c) : IsNonAsciiAlnum(c);
}
bool IsSpace(char32_t c) {
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x200B || c == 0xFEFF;
}
bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c));
}
bool IsApostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Code point at `pos`, or 0 past the end; `next` receives the position after
// it.
char32_t Peek(std::string_view s, size_t pos, size_t* next = nullptr) {
  if (pos >= s.size()) {
    if (next) *next = pos;
    return 0;
  }
  // Most of a news text is ASCII: no call to decode it.
  if (static_cast<unsigned char>(s[pos]) < 0x80) {
    if (next) *next = pos + 1;
    return static_cast<unsigned char>(s[pos]);
  }
  size_t p = pos;
  const char32_t c = DecodeUtf8(s, &p);
  if (next) *next = p;
  return c;
}

// Maps typographic variants to the ASCII form dictionaries are written in.
char32_t UnifyPunctuation(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x02BC:
    case 0x2032:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return '-';
    case 0x2026:
      return '.';
    default:
      return c;
  }
}

bool IsAscii(std::string_view word) {
  for (unsigned char c : word) {
    if (c >= 0x80) return false;
  }
  return true;
}

// NFKC + case folding of a word that is not all ASCII, typographic punctuation
// unified first.
std::string NormalizeNonAscii(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  // Unify punctuation first, then NFKC + case fold through ICU.
  std::string unified;
  for (size_t p = 0; p < word.size();)
    AppendUtf8(UnifyPunctuation(DecodeUtf8(word, &p)), &unified);
  // Created once under C++'s once-initialisation, which ThreadSanitizer sees
  // (ICU's own is thread-safe too, with atomics it cannot see).
  static const icu::Normalizer2* const nfkc_cf = [] {
    UErrorCode init = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(init);
    return U_SUCCESS(init) ? n : nullptr;
  }();
  if (!nfkc_cf) return unified;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(unified);
  icu::UnicodeString n = nfkc_cf->normalize(u, status);
  if (U_FAILURE(status)) return unified;
  n.toUTF8String(out);
  return out;
}

// An ASCII word with capitals, lower-cased into `strings`.
std::string_view LowerCopy(std::string_view word, TokenStrings* strings) {
  const std::string_view copy = strings->Copy(word);
  char* p = const_cast<char*>(
      copy.data());  // written by Copy just now, owned by `strings`
  for (size_t i = 0; i < copy.size(); ++i) {
    if (p[i] >= 'A' && p[i] <= 'Z') p[i] = static_cast<char>(p[i] + 32);
  }
  return copy;
}

std::string Normalize(std::string_view word) {
  if (!IsAscii(word)) return NormalizeNonAscii(word);
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Non-empty and of the letters a-z only: the words the suffix rules apply to.
bool IsLowerAlpha(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!(c >= 'a' && c <= 'z')) return false;
  }
  return true;
}

// Eight bytes at a time: the letters and capitals among ASCII bytes, by the
// classic "byte in range" test on each byte's low seven bits (no carry crosses
// a byte). The counts are meaningful only when no byte has its high bit set
// (kHighBits).
constexpr uint64_t kHighBits = 0x8080808080808080ull;
constexpr uint64_t kLowBits = 0x7F7F7F7F7F7F7F7Full;
constexpr uint64_t kOnes = 0x0101010101010101ull;
// The eight bytes at `p`, the first in the low byte.
uint64_t LoadWord(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  if constexpr (std::endian::native == std::endian::big)
    w = __builtin_bswap64(w);
  return w;
}
// Bytes of `w` in [lo, hi], each marked by its high bit.
uint64_t InRange(uint64_t w, unsigned char lo, unsigned char hi) {
  const uint64_t x = w & kLowBits;
  const uint64_t at_least_lo =
      x + kOnes * (0x80 - lo);  // high bit set when x >= lo
  const uint64_t above_hi =
      x + kOnes * (0x7F - hi);  // high bit set when x > hi
  return at_least_lo & ~above_hi & kHighBits;
}
// The number of marked bytes: a multiply sums the bytes into the top one. (Not
// std::popcount, which without -mpopcnt is a call into libgcc.)
size_t CountMarks(uint64_t marks) {
  return static_cast<size_t>(((marks >> 7) * kOnes) >> 56);
}
size_t CountUppers(uint64_t w) { return CountMarks(InRange(w, 'A', 'Z')); }
// A byte OR 0x20 in a-z is a letter of either case ('@' and '[' become '`' and
// '{').
size_t CountLetters(uint64_t w) {
  return CountMarks(InRange(w | (kOnes * 0x20), 'a', 'z'));
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}
// A template on the literal's length, so that the comparison is a few inline
// instructions: the lemmatiser tries up to a dozen suffixes on every word.
template <size_t N>
bool EndsWith(std::string_view s, const char (&suffix)[N]) {
  constexpr size_t n = N - 1;
  return s.size() >= n && std::memcmp(s.data() + s.size() - n, suffix, n) == 0;
}

// What to add to a stem after removing -ed/-ing: the dropped final e where
// English spelling usually has one ("forc" -> "force", "argu" -> "argue"), else
// nothing (0). MatchKey folds the remaining cases, so this only needs to look
// right, not be complete.
char RestoredE(std::string_view stem) {
  if (stem.size() < 2) return 0;
  const char last = stem.back();
  if (last == 'c' || last == 'g' || last == 'v' || last == 'z' || last == 'u' ||
      (last == 's' && !EndsWith(stem, "ss"))) {
    if (!EndsWith(stem, "ng")) return 'e';
  }
  return 0;
}

// TokenizeInto's steps, one per kind of token. Each is given the token's start
// in `tok.start`, its first code point `c` and the position after it, `next`;
// each sets the token's end and kind.

// A word or number: letters and digits, with the hyphens, apostrophes, periods
// and commas that belong inside one ("US-led", "O'Brien", "U.S.", "1,000"), and
// a final period where it belongs to the word (initialisms, single initials,
// listed abbreviations: `is_abbreviation`).
template <typename IsAbbreviationFn>
void ReadWord(std::string_view text, char32_t c, size_t next,
              IsAbbreviationFn is_abbreviation, Token& tok) {
  const bool starts_with_digit = IsDigit(c);
  bool has_letter = !starts_with_digit;
  size_t end = next;
  size_t letters_since_dot = 1;  // for initialisms such as "U.S."
  bool initialism = false;
  while (end < text.size()) {
    // The bulk of a word: ASCII letters and digits, read without decoding.
    const unsigned char b = static_cast<unsigned char>(text[end]);
    const bool ascii_letter = IsAsciiAlpha(b);
    if (ascii_letter || IsAsciiDigit(b)) {
      has_letter |= ascii_letter;
      ++letters_since_dot;
      ++end;
      continue;
    }
    size_t after = 0;
    const char32_t d = Peek(text, end, &after);
    if (IsAlnum(d)) {
      has_letter |= IsLetter(d);
      ++letters_since_dot;
      end = after;
      continue;
    }
    size_t after2 = 0;
    const char32_t e = Peek(text, after, &after2);
    if (IsHyphen(d) && IsAlnum(e)) {  // "US-led", "CJTF-OIR", "al-Shabaab"
      end = after;
      letters_since_dot = 0;
      continue;
    }
    if (IsApostrophe(d) && IsLetter(e)) {
      // Possessive 's and contracted n't become their own tokens.
      size_t after3 = 0;
      const char32_t f = Peek(text, after2, &after3);
      if ((e == 's' || e == 'S') && !IsLetter(f)) break;
      if ((e == 't' || e == 'T') && end > tok.start) {
        size_t back = end - 1;
        if (text[back] == 'n' || text[back] == 'N') {
          end = back;  // "didn't" -> "did" + "n't"
          break;
        }
      }
      end = after;  // "O'Brien", "Qa'ida"
      continue;
    }
    if ((d == '.' || d == ',') && starts_with_digit && !has_letter &&
        IsAsciiDigit(e)) {
      end = after;  // "1,000", "3.5"
      continue;
    }
    if (d == '.' && initialism && IsHyphen(e)) {  // "U.S.-led"
      size_t after3 = 0;
      if (IsAlnum(Peek(text, after2, &after3))) {
        end = after2;
        initialism = false;
        letters_since_dot = 0;
        continue;
      }
    }
    if (d == '.' && letters_since_dot == 1 && IsLetter(e)) {
      // "U.S", "U.N" — a single letter followed by a period and a letter.
      size_t after3 = 0;
      const char32_t f = Peek(text, after2, &after3);
      if (f == '.') {
        end = after;
        letters_since_dot = 0;
        initialism = true;
        continue;
      }
    }
    break;
  }
  // A period belongs to the word for initialisms ("U.S."), single initials
  // ("J."), and listed abbreviations ("Maj.", "Sept.").
  if (end < text.size() && text[end] == '.') {
    std::string_view word = text.substr(tok.start, end - tok.start);
    const bool single_capital = word.size() == 1 && IsUpper(c);
    if (initialism || single_capital || is_abbreviation(word)) ++end;
  }
  tok.end = end;
  tok.kind = has_letter ? TokenKind::kWord : TokenKind::kNumber;
  if (starts_with_digit && has_letter) {
    // "25th", "1st" are ordinals: numbers; "4x4" or "G20"-style stay words.
    std::string_view w = text.substr(tok.start, end - tok.start);
    if (EndsWith(w, "st") || EndsWith(w, "nd") || EndsWith(w, "rd") ||
        EndsWith(w, "th"))
      tok.kind = TokenKind::kNumber;
  }
}

// "'s" (possessive) and "n't" arrive here after the word before them; another
// apostrophe is punctuation.
void ReadApostrophe(std::string_view text, size_t next, Token& tok) {
  size_t after = 0;
  const char32_t e = Peek(text, next, &after);
  size_t after2 = 0;
  const char32_t f = Peek(text, after, &after2);
  if ((e == 's' || e == 'S') && !IsLetter(f)) {
    tok.end = after;
    tok.kind = TokenKind::kWord;
  } else {
    tok.end = next;
    tok.kind = TokenKind::kPunct;
  }
}

// Punctuation or a symbol; "..." is one token.
void ReadPunctuation(std::string_view text, char32_t c, size_t next,
                     Token& tok) {
  tok.end = next;
  const char32_t u = UnifyPunctuation(c);
  tok.kind = (u < 0x80 && std::ispunct(static_cast<int>(u))) ||
                     u_ispunct(static_cast<UChar32>(c))
                 ? TokenKind::kPunct
                 : TokenKind::kSymbol;
  if (u == '.') {  // "..." is one token
    while (tok.end < text.size() && text[tok.end] == '.') ++tok.end;
  }
}

// The word loop stops before the "n" of "n't" ("didn't" -> "did"); "n't"
// follows as its own token with the lemma "not", appended to `tokens` and
// finished by `finish`. Returns where tokenising goes on.
template <typename FinishFn>
size_t SplitNegation(std::string_view text, size_t pos,
                     std::vector<Token>* tokens, FinishFn finish) {
  if (pos < text.size() && (text[pos] == 'n' || text[pos] == 'N')) {
    size_t after = 0;
    const char32_t a = Peek(text, pos + 1, &after);
    if (IsApostrophe(a)) {
      size_t after2 = 0;
      const char32_t t = Peek(text, after, &after2);
      size_t after3 = 0;
      const char32_t f = Peek(text, after2, &after3);
      if ((t == 't' || t == 'T') && !IsLetter(f)) {
        Token& neg = tokens->emplace_back();
        neg.start = pos;
        neg.end = after2;
        neg.kind = TokenKind::kWord;
        finish(neg);
        neg.norm = "n't";
        neg.lemma = "not";
        neg.key = "not";
        pos = after2;
      }
    }
  }
  return pos;
}

}  // namespace

struct TextAnalyzer::Impl {
  enum class AbbreviationKind { kTitle, kAny };
  // A lemma as `stem` (a view of the word or of irregular) followed by
  // `letter` unless 0.
  struct LemmaForm {
    std::string_view stem;
    char letter = 0;
  };
  // `lower_alpha`: `norm` is non-empty and of the letters a-z only.
  LemmaForm LemmaOf(std::string_view norm, bool lower_alpha) const;
  static size_t MatchKeyLength(std::string_view lemma);
  bool IsAbbreviation(std::string_view word, AbbreviationKind* kind) const;
  void TokenizeInto(std::string_view text, std::vector<Token>* tokens,
                    TokenStrings* strings) const;
  void Finish(Token& token, std::string_view text, TokenStrings* strings) const;

  // Looked up by string_view (one lookup per word of every text), without
  // building a std::string key.
  std::unordered_map<std::string, AbbreviationKind, StringHash, std::equal_to<>>
      abbreviations;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>
      irregular;
  // Most words are no irregular form: the filter turns them away before the
  // map.
  WordFilter irregular_filter;
};

TextAnalyzer::TextAnalyzer(std::unique_ptr<const Impl> impl)
    : impl_(std::move(impl)) {}
TextAnalyzer::~TextAnalyzer() = default;

Result<std::unique_ptr<TextAnalyzer>> TextAnalyzer::Create(
    const std::string& data_dir) {
  auto impl = std::make_unique<Impl>();
  ASSIGN_OR_RETURN(auto abbreviations,
                   ReadTableFile(data_dir + "/text/abbreviations.txt", 1, 2));
  for (const TableRecord& r : abbreviations) {
    Impl::AbbreviationKind kind = Impl::AbbreviationKind::kTitle;
    if (r.fields[1] == "any") {
      kind = Impl::AbbreviationKind::kAny;
    } else if (!r.fields[1].empty() && r.fields[1] != "title") {
      return r.MakeError(
          "abbreviation kind must be \"title\" or \"any\", not \"" +
          r.fields[1] + "\"");
    }
    impl->abbreviations[r.fields[0]] = kind;
  }
  ASSIGN_OR_RETURN(auto irregular,
                   ReadTableFile(data_dir + "/text/irregular.txt", 2, 2));
  for (const TableRecord& r : irregular) {
    if (r.fields[0].empty() || r.fields[1].empty())
      return r.MakeError("empty form or lemma");
    const std::string form = Normalize(r.fields[0]);
    impl->irregular_filter.Add(form);
    impl->irregular[form] = Normalize(r.fields[1]);
  }
  return std::unique_ptr<TextAnalyzer>(new TextAnalyzer(std::move(impl)));
}

bool TextAnalyzer::Impl::IsAbbreviation(std::string_view word,
                                        AbbreviationKind* kind) const {
  auto it = abbreviations.find(word);
  if (it == abbreviations.end()) return false;
  *kind = it->second;
  return true;
}

std::string TextAnalyzer::Lemma(std::string_view norm) const {
  const Impl::LemmaForm f = impl_->LemmaOf(norm, IsLowerAlpha(norm));
  std::string lemma(f.stem);
  if (f.letter) lemma.push_back(f.letter);
  return lemma;
}

// Every lemma is the irregular form listed, or a prefix of the word with at
// most one letter added; computed as views, the token's string is written once
// (Finish).
TextAnalyzer::Impl::LemmaForm TextAnalyzer::Impl::LemmaOf(
    std::string_view w, bool lower_alpha) const {
  if (irregular_filter.MayContain(w)) {
    if (auto it = irregular.find(w); it != irregular.end())
      return {it->second, 0};
  }
  const size_t n = w.size();
  if (!lower_alpha || n <= 3) return {w, 0};
  if (EndsWith(w, "ies") && n > 4) return {w.substr(0, n - 3), 'y'};
  if (EndsWith(w, "sses") || EndsWith(w, "shes") || EndsWith(w, "ches") ||
      EndsWith(w, "xes") || EndsWith(w, "zzes"))
    return {w.substr(0, n - 2), 0};
  if (EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") &&
      !EndsWith(w, "is") && !EndsWith(w, "'s")) {
    // "bombings", "killings": the plural of an -ing noun has the lemma of its
    // singular ("bomb", "kill"; "meetings" -> "meeting" through irregular.txt).
    if (EndsWith(w, "ings")) return LemmaOf(w.substr(0, n - 1), true);
    return {w.substr(0, n - 1), 0};
  }
  if (EndsWith(w, "ied") && n > 4) return {w.substr(0, n - 3), 'y'};
  if (EndsWith(w, "eed"))
    return {w, 0};  // "proceed", "need"; "agreed"/"freed" fold in MatchKey
  if (EndsWith(w, "ed") && n > 4) {
    const std::string_view stem = w.substr(0, n - 2);
    const size_t m = stem.size();
    if (m >= 3 && stem[m - 1] == stem[m - 2] && !IsVowel(stem[m - 1]) &&
        stem[m - 1] != 'l' && stem[m - 1] != 's' && stem[m - 1] != 'f' &&
        stem[m - 1] != 'z')
      return {stem.substr(0, m - 1), 0};  // "stopped" -> "stop"
    return {stem, RestoredE(stem)};
  }
  if (EndsWith(w, "ing") && n > 5) {
    const std::string_view stem = w.substr(0, n - 3);
    const size_t m = stem.size();
    if (m >= 3 && stem[m - 1] == stem[m - 2] && !IsVowel(stem[m - 1]) &&
        stem[m - 1] != 'l' && stem[m - 1] != 's' && stem[m - 1] != 'f' &&
        stem[m - 1] != 'z')
      return {stem.substr(0, m - 1), 0};  // "running" -> "run"
    bool has_vowel = false;
    for (char c : stem) has_vowel |= IsVowel(c) || c == 'y';
    if (!has_vowel) return {w, 0};  // "string", "bring" are not -ing forms
    return {stem, RestoredE(stem)};
  }
  return {w, 0};
}

std::string TextAnalyzer::MatchKey(std::string_view lemma) {
  return std::string(lemma.substr(0, Impl::MatchKeyLength(lemma)));
}

// The key is a prefix of the lemma: MatchKey without building a string.
size_t TextAnalyzer::Impl::MatchKeyLength(std::string_view k) {
  // Fold the spelling differences between base and inflected forms that the
  // rule-based lemmatiser cannot resolve without a lexicon: a final silent e
  // ("state"/"stat(ed)", "agree"/"agre(ed)") and a doubled final consonant
  // ("expel"/"expell(ed)").
  if (k.size() > 3 && k.back() == 'e') k.remove_suffix(1);
  if (k.size() > 3 && k.back() == 'e' && k[k.size() - 2] == 'e')
    k.remove_suffix(1);
  const size_t n = k.size();
  if (n > 3 && k[n - 1] == k[n - 2] && !IsVowel(k[n - 1]) && k[n - 1] >= 'a' &&
      k[n - 1] <= 'z')
    k.remove_suffix(1);
  return k.size();
}

void TextAnalyzer::Impl::Finish(Token& token, std::string_view text,
                                TokenStrings* strings) const {
  std::string_view word = text.substr(token.start, token.end - token.start);
  // What an ASCII word needs: whether it is ASCII, and its letters and
  // capitals, counted eight bytes at a time (most words fit in one load).
  bool ascii = true;
  size_t letters = 0, uppers = 0;
  size_t i = 0;
  for (; i + 8 <= word.size(); i += 8) {
    const uint64_t w = LoadWord(word.data() + i);
    ascii = ascii && (w & kHighBits) == 0;
    letters += CountLetters(w);
    uppers += CountUppers(w);
  }
  if (i < word.size()) {
    // The rest of the word in one load where the text goes on for eight bytes,
    // the bytes after the word masked off.
    const size_t rest = word.size() - i;
    uint64_t w = 0;
    if (token.start + i + 8 <= text.size()) {
      w = LoadWord(word.data() + i) & (~uint64_t{0} >> (64 - 8 * rest));
    } else {
      std::memcpy(&w, word.data() + i, rest);
    }
    ascii = ascii && (w & kHighBits) == 0;
    letters += CountLetters(w);
    uppers += CountUppers(w);
  }
  bool all_upper = uppers == letters;
  if (ascii) {
    token.norm = uppers == 0 ? word : LowerCopy(word, strings);
    token.capitalized = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
  } else {
    token.norm = strings->Copy(NormalizeNonAscii(word));
    token.capitalized = IsUpper(Peek(word, 0));
    letters = 0;
    all_upper = true;
    for (size_t q = 0; q < word.size();) {
      const char32_t c = DecodeUtf8(word, &q);
      if (IsLetter(c)) {
        ++letters;
        if (!IsUpper(c)) all_upper = false;
      }
    }
  }
  token.all_caps = letters >= 2 && all_upper;
  if (token.kind == TokenKind::kWord) {
    // An ASCII word of letters only has a norm of a-z only: no second scan for
    // it.
    const LemmaForm f = LemmaOf(
        token.norm, ascii ? letters == word.size() : IsLowerAlpha(token.norm));
    // A stem that is a prefix of the norm is a view of it; an irregular lemma
    // is copied, so that tokens do not depend on the analyser's tables.
    if (f.letter) {
      token.lemma = strings->CopyWith(f.stem, f.letter);
    } else if (f.stem.data() == token.norm.data()) {
      token.lemma = f.stem;
    } else {
      token.lemma = strings->Copy(f.stem);
    }
    token.key = token.lemma.substr(0, MatchKeyLength(token.lemma));
  } else {
    token.lemma = token.norm;
    token.key = token.norm;
  }
}

AnalyzedText TextAnalyzer::Tokenize(std::string_view text) const {
  AnalyzedText out;
  out.text = text;
  impl_->TokenizeInto(text, &out.tokens, &out.strings);
  return out;
}

void TextAnalyzer::Impl::TokenizeInto(std::string_view text,
                                      std::vector<Token>* out,
                                      TokenStrings* strings) const {
  std::vector<Token>& tokens = *out;
  tokens.reserve(text.size() / 4 +
                 4);  // news text has a token per five or six bytes
  const auto is_abbreviation = [this](std::string_view word) {
    AbbreviationKind kind;
    return IsAbbreviation(word, &kind);
  };
  const auto finish = [&](Token& t) { Finish(t, text, strings); };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t next = 0;
    const char32_t c = Peek(text, pos, &next);
    // An underscore joins the words of a name in TreeBank-era wire text and in
    // the coders' dictionaries ("Dol_Amroth"): it separates words like a blank.
    if (IsSpace(c) || c == '_') {
      pos = next;
      continue;
    }
    Token& tok = tokens.emplace_back();
    tok.start = pos;
    if (IsAlnum(c)) {
      ReadWord(text, c, next, is_abbreviation, tok);
    } else if (IsApostrophe(c)) {
      ReadApostrophe(text, next, tok);
    } else {
      ReadPunctuation(text, c, next, tok);
    }
    if (tok.end == tok.start) tok.end = next;  // never loop
    Finish(tok, text, strings);
    pos = SplitNegation(text, tok.end, &tokens,
                        finish);  // (may move `tok`: read first)
  }
}

AnalyzedText TextAnalyzer::Analyze(std::string_view text) const {
  AnalyzedText out;
  out.text = text;
  impl_->TokenizeInto(text, &out.tokens, &out.strings);
  const std::vector<Token>& t = out.tokens;
  // Norms are compared as views: the length first, no strlen of the literal.
  const auto is_closer = [](const Token& tok) {
    const std::string_view n = tok.norm;
    return n == "\"" || n == "'" || n == ")" || n == "]";
  };
  const auto paragraph_break_between = [&](size_t a_end, size_t b_start) {
    int newlines = 0;
    for (size_t i = a_end; i < b_start; ++i) {
      if (text[i] == '\n') ++newlines;
    }
    return newlines >= 2;
  };
  size_t sentence_start = 0;
  size_t paragraph = 0;
  const auto close = [&](size_t last_token_exclusive) {
    if (last_token_exclusive <= sentence_start) return;
    Sentence s;
    s.first_token = sentence_start;
    s.last_token = last_token_exclusive;
    s.start = t[sentence_start].start;
    s.end = t[last_token_exclusive - 1].end;
    s.paragraph = paragraph;
    out.sentences.push_back(s);
    sentence_start = last_token_exclusive;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    if (i + 1 < t.size() && paragraph_break_between(t[i].end, t[i + 1].start)) {
      close(i + 1);
      ++paragraph;
      continue;
    }
    if (i + 1 - sentence_start >= kMaxSentenceTokens) {
      // No sentence end in kMaxSentenceTokens tokens: text without punctuation
      // (a list, a table flattened to text, hostile input). It is cut after its
      // last clause break in the second half of the window, else here, so that
      // every step that works within a sentence stays bounded whatever the
      // input.
      size_t cut = i;
      for (size_t k = i; k > sentence_start + kMaxSentenceTokens / 2; --k) {
        const std::string_view n = t[k].norm;
        if (n == ";" || n == ":" || n == "," || n == "-" || n == "\u2014") {
          cut = k;
          break;
        }
      }
      close(cut + 1);
      if (cut == i) continue;
    }
    const std::string_view n = t[i].norm;
    bool terminal = n == "." || n == "!" || n == "?" || n == "...";
    bool weak = false;  // an abbreviation's period: ends a sentence only before
                        // a clear start
    if (!terminal && t[i].kind == TokenKind::kWord && !n.empty() &&
        n.back() == '.') {
      std::string_view word =
          text.substr(t[i].start, t[i].end - t[i].start - 1);
      using Kind = Impl::AbbreviationKind;
      Kind kind = Kind::kTitle;
      const bool listed = impl_->IsAbbreviation(word, &kind);
      if (!listed || kind == Kind::kAny) {
        // Initialisms ("U.S.") and sentence-capable abbreviations ("Inc.").
        terminal = true;
        weak = true;
      }
      if (listed && kind == Kind::kTitle) continue;
      if (word.size() == 1) continue;  // a single initial: "Karl J. Harris"
    }
    if (!terminal) continue;
    size_t j = i + 1;
    while (j < t.size() && is_closer(t[j]) && t[j].start == t[j - 1].end) ++j;
    if (j >= t.size()) {
      close(t.size());
      break;
    }
    const Token& next = t[j];
    const std::string_view next_norm = next.norm;
    bool starts = next.capitalized || next.kind == TokenKind::kNumber ||
                  next_norm == "\"" || next_norm == "(" || next_norm == "'";
    if (weak) {
      // After "U.S." only a word that typically opens a sentence starts a new
      // one.
      static const char* const kOpeners[] = {
          "the", "a",   "an",    "he",  "she", "it",   "they", "we",
          "i",   "in",  "on",    "but", "and", "this", "that", "there",
          "his", "her", "their", "its", "as",  "at"};
      starts = std::find(std::begin(kOpeners), std::end(kOpeners), next_norm) !=
                   std::end(kOpeners) &&
               next.capitalized;
    }
    if (starts) close(j);
  }
  close(t.size());
  return out;
}

}  // namespace dateline
