// Scoring of extracted article bodies against gold bodies, as the shared extraction
// benchmark defines it: texts split into \w+ tokens (Unicode letters and digits and
// '_'), 4-token shingles compared as multisets. Also a gzip file reader for the
// benchmark's pages. Internal to src/extract/ (tests, the eval tool, the benchmark).
//
// Stateless; thread-safe.
#ifndef DATELINE_EXTRACT_EXTRACTION_SCORE_H_
#define DATELINE_EXTRACT_EXTRACTION_SCORE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::extract_internal {

// \w+ tokens of `text`, in order.
std::vector<std::string> ShingleTokens(std::string_view text);

struct ShingleCounts {
  double tp = 0, fp = 0, fn = 0;
  // Precision and recall of one page; a page with nothing predicted has precision 1
  // when there is nothing to find, else 0.
  double Precision() const;
  double Recall() const;
};

// Multiset overlap of the 4-token shingles of `predicted` and `gold`. Texts shorter
// than four tokens form one shingle.
ShingleCounts ScoreShingles(std::string_view predicted, std::string_view gold);

// Reads a gzip (or plain) file; nullopt when it cannot be read.
std::optional<std::string> ReadGzipFile(const std::string& path);

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_EXTRACTION_SCORE_H_
