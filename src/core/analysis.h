// Tokens and sentences of an article body, as the text stage produces them and every
// later stage reads them. Offsets are bytes into Article::body. Plain value types.
#ifndef DATELINE_CORE_ANALYSIS_H_
#define DATELINE_CORE_ANALYSIS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };

struct Token {
  size_t start = 0;   // byte offset in the analysed text
  size_t end = 0;
  std::string norm;   // NFKC, case-folded, typographic quotes/dashes unified
  std::string lemma;  // dictionary form of `norm` ("forces" -> "force", "pushed" -> "push")
  std::string key;    // what dictionaries match on: the lemma with spelling variation
                      // folded ("stated"/"state" -> "stat", "expelled" -> "expel")
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;   // first letter upper case in the original
  bool all_caps = false;      // two or more letters, all upper case ("ERBIL", "KRG")
};

struct Sentence {
  size_t start = 0;          // byte offsets in the analysed text
  size_t end = 0;
  size_t first_token = 0;    // tokens [first_token, last_token) belong to it
  size_t last_token = 0;
  size_t paragraph = 0;      // index of the paragraph holding it
};

struct AnalyzedText {
  std::string_view text;     // borrowed: the analysed text must outlive this
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  std::string_view TokenText(size_t i) const {
    return text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
  }
  std::string_view SentenceText(size_t i) const {
    return text.substr(sentences[i].start, sentences[i].end - sentences[i].start);
  }
};

}  // namespace dateline

#endif  // DATELINE_CORE_ANALYSIS_H_
