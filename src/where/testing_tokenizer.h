// A minimal tokenizer for where's tests, benchmark and measurement only, so
// that they can run FindPlaces before (and independently of) the text stage:
// words are runs of letters, digits and inner apostrophes; every other
// non-space character is its own punctuation token; sentences end after '.',
// '!' or '?' followed by a space and an upper-case letter, and at blank lines.
// Not part of dl_where.
#ifndef DATELINE_WHERE_TESTING_TOKENIZER_H_
#define DATELINE_WHERE_TESTING_TOKENIZER_H_

#include <unicode/uchar.h>

#include <string>
#include <string_view>

#include "core/analysis.h"
#include "core/utf8.h"

namespace dateline::where_testing {

inline AnalyzedText Tokenize(std::string_view text) {
  AnalyzedText a;
  a.text = text;
  size_t pos = 0;
  size_t sentence_first = 0;
  size_t sentence_start = 0;
  bool end_pending = false;
  auto close_sentence = [&](size_t end_byte) {
    if (a.tokens.size() > sentence_first) {
      Sentence s;
      s.start = sentence_start;
      s.end = end_byte;
      s.first_token = sentence_first;
      s.last_token = a.tokens.size();
      a.sentences.push_back(s);
    }
    sentence_first = a.tokens.size();
  };
  while (pos < text.size()) {
    size_t next = pos;
    const char32_t c = DecodeUtf8(text, &next);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0) {
      if (c == '\n' && next < text.size() && text[next] == '\n') {
        close_sentence(pos);
        end_pending = false;
      }
      pos = next;
      continue;
    }
    const bool word_char =
        u_isalnum(static_cast<UChar32>(c)) ||
        u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
    if (end_pending && (word_char || c == '"' || c == 0x201C)) {
      if (!word_char || u_isupper(static_cast<UChar32>(c)) ||
          u_isdigit(static_cast<UChar32>(c)))
        close_sentence(pos);
      end_pending = false;
    }
    if (a.tokens.size() == sentence_first) sentence_start = pos;
    Token t;
    t.start = pos;
    if (word_char) {
      size_t end = next;
      while (end < text.size()) {
        size_t after = end;
        const char32_t d = DecodeUtf8(text, &after);
        if (u_isalnum(static_cast<UChar32>(d)) ||
            u_charType(static_cast<UChar32>(d)) == U_NON_SPACING_MARK) {
          end = after;
          continue;
        }
        if ((d == '\'' || d == 0x2019) && after < text.size()) {
          size_t after2 = after;
          const char32_t e = DecodeUtf8(text, &after2);
          if (u_isalpha(static_cast<UChar32>(e))) {
            end = after;
            continue;
          }
        }
        break;
      }
      t.end = end;
      t.kind = u_isdigit(static_cast<UChar32>(c)) ? TokenKind::kNumber
                                                  : TokenKind::kWord;
      std::string norm;
      size_t letters = 0, upper = 0;
      for (size_t p = pos; p < end;) {
        const char32_t d = DecodeUtf8(text, &p);
        if (u_isalpha(static_cast<UChar32>(d))) {
          ++letters;
          if (u_isupper(static_cast<UChar32>(d))) ++upper;
        }
        AppendUtf8(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(d),
                                                    U_FOLD_CASE_DEFAULT)),
                   &norm);
      }
      t.norm = a.strings.Copy(norm);
      t.lemma = t.norm;
      t.key = t.norm;
      t.capitalized = u_isupper(static_cast<UChar32>(c));
      t.all_caps = letters >= 2 && upper == letters;
      pos = end;
    } else {
      t.end = next;
      t.kind = TokenKind::kPunct;
      t.norm = text.substr(pos, next - pos);
      if (c == '.' || c == '!' || c == '?') {
        // A period after a single capital letter or a short capitalised
        // abbreviation
        // ("U.S.", "Mr.", "St.") does not end the sentence.
        bool abbreviation = false;
        if (c == '.' && !a.tokens.empty() && a.tokens.back().end == pos) {
          const Token& prev = a.tokens.back();
          const size_t len = prev.end - prev.start;
          abbreviation =
              prev.kind == TokenKind::kWord && prev.capitalized && len <= 3;
        }
        if (!abbreviation) end_pending = true;
      }
      pos = next;
    }
    a.tokens.push_back(std::move(t));
  }
  close_sentence(text.size());
  return a;
}

}  // namespace dateline::where_testing

#endif  // DATELINE_WHERE_TESTING_TOKENIZER_H_
