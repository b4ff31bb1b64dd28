// Text: language analysis of an article body — tokens with byte offsets,
// Unicode normalisation (NFKC, case folding, typographic quotes and dashes
// unified), sentence splitting that keeps "Maj. General", "Sept. 25, 2017" and
// "U.S." inside their sentences, and lemmas.
//
// A TextAnalyzer is immutable after Create and safe to share between threads.
#ifndef DATELINE_TEXT_TEXT_H_
#define DATELINE_TEXT_TEXT_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/analysis.h"
#include "core/error.h"
#include "core/string_hash.h"

namespace dateline {

class TextAnalyzer {
 public:
  // Loads data_dir/text/abbreviations.txt and data_dir/text/irregular.txt
  // (formats at the top of each file). A missing irregular.txt is an error; a
  // bad line is an error naming file and line.
  static Result<std::unique_ptr<TextAnalyzer>> Create(
      const std::string& data_dir);

  // Tokens and sentences of `text`. Blank lines (paragraph breaks) always end a
  // sentence, and no sentence is longer than kMaxSentenceTokens tokens (a
  // longer run without a sentence end is cut after a clause break). The result
  // borrows `text`.
  AnalyzedText Analyze(std::string_view text) const;

  // Longer than any sentence of news prose; what every sentence-local step may
  // assume.
  static constexpr size_t kMaxSentenceTokens = 256;

  // Tokens only (no sentences); used for dictionary phrases so that they are
  // cut and normalised exactly as article text is. The result borrows `text`.
  AnalyzedText Tokenize(std::string_view text) const;

  // Lemma and match key of a normalised word (see Token).
  std::string Lemma(std::string_view norm) const;
  static std::string MatchKey(std::string_view lemma);

 private:
  enum class AbbreviationKind { kTitle, kAny };
  // A lemma as `stem` (a view of the word or of irregular_) followed by
  // `letter` unless 0.
  struct LemmaForm {
    std::string_view stem;
    char letter = 0;
  };
  TextAnalyzer() = default;
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
      abbreviations_;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>
      irregular_;
  // Most words are no irregular form: the filter turns them away before the
  // map.
  WordFilter irregular_filter_;
};

}  // namespace dateline

#endif  // DATELINE_TEXT_TEXT_H_
