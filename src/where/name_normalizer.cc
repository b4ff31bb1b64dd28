#include "where/name_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

#include "core/utf8.h"

namespace dateline::where_internal {

namespace {

bool IsApostrophe(char32_t c) {
  // ASCII apostrophe and backtick, typographic quotes, modifier letters used
  // for ayin/hamza and the Hawaiian okina: all dropped, so "Ma'rib", "Ma’rib"
  // and "Maʿrib" meet "Marib".
  return c == U'\'' || c == U'`' || c == 0x2018 || c == 0x2019 || c == 0x02BC ||
         c == 0x02BB || c == 0x02BE || c == 0x02BF || c == 0x00B4;
}

// Letters that NFKD does not decompose into a base letter plus marks.
const char* SpelledOut(char32_t c) {
  switch (c) {
    case 0x00F8:
      return "o";  // ø
    case 0x00E6:
      return "ae";  // æ
    case 0x0153:
      return "oe";  // œ
    case 0x0111:
      return "d";  // đ
    case 0x00F0:
      return "d";  // ð
    case 0x00FE:
      return "th";  // þ
    case 0x0142:
      return "l";  // ł
    case 0x0131:
      return "i";  // dotless ı
    case 0x0127:
      return "h";  // ħ
    case 0x00DF:
      return "ss";  // ß (case folding gives "ss" too)
    default:
      return nullptr;
  }
}

// Appends one folded code point, turning separators into a single pending
// space.
void AppendFolded(char32_t c, std::string* out, bool* pending_space) {
  if (IsApostrophe(c)) return;
  if (c < 0x80) {
    const char ch = static_cast<char>(c);
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      if (*pending_space && !out->empty()) out->push_back(' ');
      *pending_space = false;
      out->push_back(ch);
      return;
    }
    if (ch >= 'A' && ch <= 'Z') {
      if (*pending_space && !out->empty()) out->push_back(' ');
      *pending_space = false;
      out->push_back(static_cast<char>(ch - 'A' + 'a'));
      return;
    }
    *pending_space = true;
    return;
  }
  const int8_t type = u_charType(static_cast<UChar32>(c));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
      type == U_COMBINING_SPACING_MARK || type == U_FORMAT_CHAR ||
      c == 0xFFFD) {
    return;
  }
  if (!u_isalnum(static_cast<UChar32>(c))) {
    *pending_space = true;
    return;
  }
  const char32_t folded = static_cast<char32_t>(
      u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
  if (*pending_space && !out->empty()) out->push_back(' ');
  *pending_space = false;
  if (const char* s = SpelledOut(folded)) {
    out->append(s);
  } else {
    AppendUtf8(folded, out);
  }
}

// What AppendFolded makes of each byte of ASCII text, as a table: recognition
// normalises every candidate n-gram of a text, nearly all of them ASCII, and a
// lookup per byte costs less than the comparisons. Bytes from 0x80 start a
// multi-byte code point, which only AppendFolded reads.
constexpr char kDropped = 0;  // IsApostrophe's ASCII members
constexpr char kSeparator =
    1;  // punctuation and white space: one space between words
constexpr char kNotAscii = 2;
constexpr std::array<char, 256> kAsciiFold = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) {
      t[c] = kNotAscii;
    } else if (c == '\'' || c == '`') {
      t[c] = kDropped;
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      t[c] = static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      t[c] = static_cast<char>(c - 'A' + 'a');
    } else {
      t[c] = kSeparator;
    }
  }
  return t;
}();

// AppendFolded for ASCII text, calling `emit` with each output byte; false
// (having emitted part of the key) at the first byte that is not ASCII.
template <typename Emit>
bool FoldAscii(std::string_view name, Emit emit) {
  bool pending_space = false, started = false;
  for (char c : name) {
    const char f = kAsciiFold[static_cast<unsigned char>(c)];
    if (f > kNotAscii) {
      if (pending_space && started && !emit(' ')) return true;
      pending_space = false;
      started = true;
      if (!emit(f)) return true;
    } else if (f == kSeparator) {
      pending_space = true;
    } else if (f == kNotAscii) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool NormalizesTo(std::string_view name, std::string_view key) {
  // Folding ASCII never lengthens a name; the comparison stops at the first
  // difference.
  size_t at = 0;
  bool equal = true;
  const bool ascii = FoldAscii(name, [&](char c) {
    equal = at < key.size() && key[at] == c;
    ++at;
    return equal;
  });
  if (!ascii) return NormalizePlaceName(name) == key;
  return equal && at == key.size();
}

std::string NormalizePlaceName(std::string_view name) {
  std::string out;
  NormalizePlaceName(name, &out);
  return out;
}

void NormalizePlaceName(std::string_view name, std::string* out_string) {
  std::string& out = *out_string;
  out.clear();
  // Folding ASCII never lengthens the text: write in place, then cut.
  out.resize(name.size());
  char* p = out.data();
  if (FoldAscii(name, [&p](char c) {
        *p++ = c;
        return true;
      })) {
    out.resize(static_cast<size_t>(p - out.data()));
    return;
  }
  out.clear();
  bool pending_space = false;
  // Decode ourselves (invalid bytes become U+FFFD) so ICU never sees bad UTF-8.
  icu::UnicodeString input;
  for (size_t pos = 0; pos < name.size();) {
    input.append(static_cast<UChar32>(DecodeUtf8(name, &pos)));
  }
  // ICU creates the normaliser once, thread-safely, but with atomics
  // ThreadSanitizer cannot see; C++'s own once-initialisation around it makes
  // the ordering visible when the first coding threads ask together.
  static const icu::Normalizer2* const nfkd = [] {
    UErrorCode init = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(init);
    return U_SUCCESS(init) ? n : nullptr;
  }();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed;
  if (nfkd) decomposed = nfkd->normalize(input, status);
  if (!nfkd || U_FAILURE(status)) decomposed = input;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    AppendFolded(static_cast<char32_t>(c), &out, &pending_space);
  }
}

std::string ExactCaseKey(std::string_view phrase) {
  std::string out = "=";
  bool space = false;
  for (char c : phrase) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && out.size() > 1) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace dateline::where_internal
