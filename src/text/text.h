// Text: language analysis of an article body — tokens with byte offsets,
// Unicode normalisation (NFKC, case folding, typographic quotes and dashes
// unified), sentence splitting that keeps "Maj. General", "Sept. 25, 2017" and
// "U.S." inside their sentences, and lemmas.
//
// A TextAnalyzer is immutable after Create and safe to share between threads.
#ifndef DATELINE_TEXT_TEXT_H_
#define DATELINE_TEXT_TEXT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/error.h"

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

  ~TextAnalyzer();

 private:
  // The word tables and the tokenizer's steps (text.cc).
  struct Impl;
  explicit TextAnalyzer(std::unique_ptr<const Impl> impl);

  std::unique_ptr<const Impl> impl_;
};

}  // namespace dateline

#endif  // DATELINE_TEXT_TEXT_H_
