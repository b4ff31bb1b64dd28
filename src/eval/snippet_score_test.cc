#include "eval/snippet_score.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(SnippetScoreTest, NormalizesWhiteSpaceAsPythonSplitDoes) {
  EXPECT_EQ(NormalizeSpaces("  a \t\n b\xC2\xA0"
                            "c\xE2\x80\x83"
                            "d\xE3\x80\x80"
                            "e  "),
            "a b c d e");
  // A zero-width space is not white space to str.split(): it stays inside the
  // word.
  EXPECT_EQ(NormalizeSpaces("a\xE2\x80\x8B"
                            "b"),
            "a\xE2\x80\x8B"
            "b");
  EXPECT_EQ(NormalizeSpaces(" \n "), "");
}

TEST(SnippetScoreTest, CountsSnippetsFoundAndMissed) {
  const std::string body = "Der Rat tagte am Montag.\n\nEr beschloss   nichts.";
  // Found across the paragraph break and across a run of spaces; one missing.
  const SnippetCounts c = ScoreSnippets(
      body, {"Montag. Er beschloss", "beschloss nichts", "am Dienstag"},
      {"Newsletter abonnieren", "Der Rat"});
  EXPECT_EQ(c.tp, 2);
  EXPECT_EQ(c.fn, 1);
  EXPECT_EQ(c.fp, 1);
  EXPECT_EQ(c.tn, 1);
  EXPECT_DOUBLE_EQ(c.Precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(c.Recall(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(c.Accuracy(), 3.0 / 5);
  EXPECT_DOUBLE_EQ(c.F1(), 2.0 / 3);
  EXPECT_EQ(c.errors(), 2);
}

TEST(SnippetScoreTest, MatchIsCaseSensitiveAndEmptySnippetsAreSkipped) {
  const SnippetCounts c =
      ScoreSnippets("Paris, le 3 mai.", {"paris", "  "}, {""});
  EXPECT_EQ(c.tp, 0);
  EXPECT_EQ(c.fn, 1);
  EXPECT_EQ(c.fp + c.tn, 0);
  EXPECT_DOUBLE_EQ(c.F1(), 0.0);
}

TEST(SnippetScoreTest, AuthorsCompareAsSets) {
  EXPECT_EQ(AuthorSet({"Jane Doe;  John Roe"}),
            AuthorSet({"John Roe", "Jane Doe"}));
  EXPECT_EQ(AuthorSet({"Jane Doe, John Roe"}),
            (std::set<std::string>{"Jane Doe", "John Roe"}));
  EXPECT_NE(AuthorSet({"Jane Doe"}), AuthorSet({"Jane Doe", "John Roe"}));
  EXPECT_TRUE(AuthorSet({" ; "}).empty());
  // Exact names, as the set's rule says: no case folding.
  EXPECT_NE(AuthorSet({"Jane Doe; JOHN ROE"}),
            AuthorSet({"Jane Doe", "John Roe"}));
}

}  // namespace
}  // namespace dateline
