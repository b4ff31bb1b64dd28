// Scoring of extracted pages against trafilatura's evaluation data (the
// extraction-wild set of shared/eval): a snippet of main text (`with`) must be
// a substring of the extracted body, a snippet of boilerplate (`without`) must
// not, both after white space is normalised; title and date are compared
// exactly and authors as a set.
//
// Stateless; thread-safe.
#ifndef DATELINE_EVAL_SNIPPET_SCORE_H_
#define DATELINE_EVAL_SNIPPET_SCORE_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// `text` with every run of white space made one ASCII space and the ends
// trimmed. White space is what Python's str.split() splits on (trafilatura's
// scorer normalises with it): ASCII spaces and controls 0x09-0x0D, 0x1C-0x1F,
// U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F,
// U+3000. Zero-width spaces are not.
std::string NormalizeSpaces(std::string_view text);

struct SnippetCounts {
  long tp = 0;  // `with` snippets found
  long fn = 0;  // `with` snippets missing
  long fp = 0;  // `without` snippets found
  long tn = 0;  // `without` snippets absent
  void Add(const SnippetCounts& o) {
    tp += o.tp;
    fn += o.fn;
    fp += o.fp;
    tn += o.tn;
  }
  long errors() const { return fn + fp; }
  // 0 when undefined (no snippet found at all, or none to find).
  double Precision() const;
  double Recall() const;
  double Accuracy() const;
  double F1() const;
};

// The snippets behind a page's errors, as the gold writes them.
struct SnippetErrors {
  std::vector<std::string> missing;  // `with` snippets not found (fn)
  std::vector<std::string> leaked;   // `without` snippets found (fp)
};

// Counts of one page: each snippet (normalised) searched in the normalised
// `body`. Snippets that normalise to nothing are skipped. When `errors` is
// given, the missing and leaked snippets are added to it.
SnippetCounts ScoreSnippets(std::string_view body,
                            const std::vector<std::string>& with,
                            const std::vector<std::string>& without,
                            SnippetErrors* errors = nullptr);

// The set an author field stands for: split on ';' and ',', each part with its
// white space normalised, empty parts dropped; names compare exactly, case
// included ("Jane Doe; John Roe" and "John Roe, Jane Doe" give the same set,
// "JOHN ROE" another).
std::set<std::string> AuthorSet(const std::vector<std::string>& fields);

}  // namespace dateline

#endif  // DATELINE_EVAL_SNIPPET_SCORE_H_
