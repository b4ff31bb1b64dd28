// Tokens and sentences of an article body, as the text stage produces them and
// every later stage reads them. Offsets are bytes into Article::body. Value
// types; an AnalyzedText is movable, not copyable, since its tokens' strings
// are views into the analysed text and into its own TokenStrings.
#ifndef DATELINE_CORE_ANALYSIS_H_
#define DATELINE_CORE_ANALYSIS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };

// Owner of the token strings that are not views of the analysed text (words
// that normalising changed, lemmas with a letter restored): each copy is
// written once into a block that never moves, so a view handed out stays valid
// for the owner's life, moves of the owner included. Most words of news text
// are already their own norm, lemma and key, and need no copy at all; the rest
// cost no allocation of their own. Not thread-safe; not copyable.
class TokenStrings {
 public:
  TokenStrings() = default;
  TokenStrings(TokenStrings&& other) noexcept { *this = std::move(other); }
  TokenStrings& operator=(TokenStrings&& other) noexcept;
  TokenStrings(const TokenStrings&) = delete;
  TokenStrings& operator=(const TokenStrings&) = delete;

  // A copy of `s` that lives as long as this.
  std::string_view Copy(std::string_view s);
  // A copy of `s` followed by `c`.
  std::string_view CopyWith(std::string_view s, char c);

 private:
  // Room for `bytes` more bytes of copies in one block.
  void Reserve(size_t bytes);
  char* Allocate(size_t bytes);
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;  // free room of the last block
  size_t left_ = 0;
};

// A token's strings are views: of the analysed text, of the AnalyzedText's
// TokenStrings, or of static storage; they live as long as both the text and
// the AnalyzedText that holds the token.
struct Token {
  size_t start = 0;  // byte offset in the analysed text
  size_t end = 0;
  std::string_view
      norm;  // NFKC, case-folded, typographic quotes/dashes unified
  std::string_view lemma;  // dictionary form of `norm` ("forces" -> "force",
                           // "pushed" -> "push")
  std::string_view
      key;  // what dictionaries match on: the lemma with spelling variation
            // folded ("stated"/"state" -> "stat", "expelled" -> "expel")
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first letter upper case in the original
  bool all_caps =
      false;  // two or more letters, all upper case ("ERBIL", "KRG")
};

struct Sentence {
  size_t start = 0;  // byte offsets in the analysed text
  size_t end = 0;
  size_t first_token = 0;  // tokens [first_token, last_token) belong to it
  size_t last_token = 0;
  size_t paragraph = 0;  // index of the paragraph holding it
};

struct AnalyzedText {
  std::string_view text;  // borrowed: the analysed text must outlive this
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  TokenStrings strings;  // the tokens' strings that are not views of `text`

  std::string_view TokenText(size_t i) const {
    return text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
  }
  std::string_view SentenceText(size_t i) const {
    return text.substr(sentences[i].start,
                       sentences[i].end - sentences[i].start);
  }
};

}  // namespace dateline

#endif  // DATELINE_CORE_ANALYSIS_H_
