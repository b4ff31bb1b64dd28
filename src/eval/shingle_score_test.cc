#include "eval/shingle_score.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(ShingleScoreTest, TokensAreUnicodeWords) {
  EXPECT_EQ(
      ShingleTokens("Iraq\xE2\x80\x99s Erbil, caf\xC3\xA9 2021!"),
      (std::vector<std::string>{"Iraq", "s", "Erbil", "caf\xC3\xA9", "2021"}));
}

TEST(ShingleScoreTest, CountsMultisetOverlapOfFourTokenShingles) {
  // 6 tokens -> 3 shingles each; the predicted text adds two tokens of
  // furniture.
  ShingleCounts same = ScoreShingles("a b c d e f", "a b c d e f");
  EXPECT_DOUBLE_EQ(same.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(same.Recall(), 1.0);
  ShingleCounts extra = ScoreShingles("menu x a b c d e f", "a b c d e f");
  EXPECT_DOUBLE_EQ(extra.tp, 3);
  EXPECT_DOUBLE_EQ(extra.fp, 2);
  EXPECT_DOUBLE_EQ(extra.fn, 0);
  ShingleCounts nothing = ScoreShingles("", "a b c d e");
  EXPECT_DOUBLE_EQ(nothing.Recall(), 0.0);
}

}  // namespace
}  // namespace dateline
