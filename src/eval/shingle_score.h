// Scoring of extracted article bodies against gold bodies, as the shared
// extraction benchmark defines it: texts split into \w+ tokens (Unicode letters
// and digits and
// '_'), 4-token shingles compared as multisets.
//
// Stateless; thread-safe.
#ifndef DATELINE_EVAL_SHINGLE_SCORE_H_
#define DATELINE_EVAL_SHINGLE_SCORE_H_

#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// \w+ tokens of `text`, in order.
std::vector<std::string> ShingleTokens(std::string_view text);

struct ShingleCounts {
  double tp = 0, fp = 0, fn = 0;
  // Precision and recall of one page; a page with nothing predicted has
  // precision 1 when there is nothing to find, else 0.
  double Precision() const;
  double Recall() const;
};

// Multiset overlap of the 4-token shingles of `predicted` and `gold`. Texts
// shorter than four tokens form one shingle.
ShingleCounts ScoreShingles(std::string_view predicted, std::string_view gold);

}  // namespace dateline

#endif  // DATELINE_EVAL_SHINGLE_SCORE_H_
