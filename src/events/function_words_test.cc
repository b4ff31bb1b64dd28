#include "events/function_words.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace dateline {
namespace {

// Every list the coder reads, one word each, and one number: the smallest file
// that loads.
std::string MinimalFile() {
  const char* const lists[] = {"prepositions",
                               "locatives",
                               "determiners",
                               "negations",
                               "intent-verbs",
                               "self-coding-intents",
                               "reciprocal-verbs",
                               "death-words",
                               "injury-words",
                               "arrest-words",
                               "quantity-words",
                               "partitives",
                               "auxiliaries",
                               "pronouns",
                               "verb-joins",
                               "subject-clause-openers",
                               "opening-subordinators",
                               "clause-after-comma",
                               "uncoded-subject-stops",
                               "not-modifiers",
                               "future-modals",
                               "possible-modals",
                               "conditional-modals",
                               "obligation-modals",
                               "conditional-openers",
                               "coordinators",
                               "slot-stops",
                               "phrase-ends",
                               "participant-prepositions",
                               "harm-links",
                               "harm",
                               "done-to-people",
                               "after-passive",
                               "report-participles",
                               "noun-suffixes",
                               "degree-adverbs",
                               "modals",
                               "nominal-scan-stops"};
  std::string text = "# a comment\n\nnumber | 1 | one\n";
  for (const char* list : lists)
    text += std::string("list | ") + list + " | word\n";
  return text;
}

TEST(FunctionWordsTest, LoadsTheShippedFile) {
  auto words = LoadFunctionWords(DATELINE_TEST_DATA_DIR);
  ASSERT_TRUE(words.ok()) << words.error().ToString();
  // A list given on several lines is one list, in file order.
  EXPECT_TRUE(words->prepositions.Contains("with"));
  EXPECT_TRUE(words->prepositions.Contains("than"));
  EXPECT_FALSE(words->prepositions.Contains("With"));
  EXPECT_FALSE(words->prepositions.Contains(""));
  EXPECT_EQ(words->prepositions.words().front(), "with");
  EXPECT_EQ(words->prepositions.words().back(), "than");
  EXPECT_TRUE(words->phrase_ends.Contains(","));
  EXPECT_TRUE(words->negations.Contains("n't"));
  EXPECT_FALSE(words->locatives.Contains("from"));
  EXPECT_EQ(words->NumberWord("twelve"), 12);
  EXPECT_EQ(words->NumberWord("dozen"), 12);
  EXPECT_EQ(words->NumberWord("thousands"), 2000);
  EXPECT_EQ(words->NumberWord("zero"), std::nullopt);
  // The modals of each modality, and the coordinators of actors.
  EXPECT_TRUE(words->future_modals.Contains("'ll"));
  EXPECT_TRUE(words->possible_modals.Contains("could"));
  EXPECT_TRUE(words->conditional_modals.Contains("would"));
  EXPECT_TRUE(words->obligation_modals.Contains("must"));
  EXPECT_TRUE(words->conditional_openers.Contains("unless"));
  EXPECT_TRUE(words->coordinators.Contains("nor"));
  EXPECT_FALSE(words->coordinators.Contains("but"));
  EXPECT_TRUE(words->nominal_scan_stops.Contains("but"));
}

TEST(FunctionWordsTest, ParsesTheSmallestFile) {
  auto words = ParseFunctionWords(MinimalFile(), "f.txt");
  ASSERT_TRUE(words.ok()) << words.error().ToString();
  EXPECT_TRUE(words->modals.Contains("word"));
  EXPECT_EQ(words->NumberWord("one"), 1);
}

TEST(FunctionWordsTest, AMissingFileIsNamed) {
  auto words = LoadFunctionWords("/nonexistent/dateline-data");
  ASSERT_FALSE(words.ok());
  EXPECT_EQ(words.error().input,
            "/nonexistent/dateline-data/events/function_words.txt");
  EXPECT_NE(words.error().message.find("cannot open"), std::string::npos)
      << words.error().message;
}

TEST(FunctionWordsTest, BadLinesNameFileLineAndProblem) {
  struct Case {
    const char* line;  // appended to MinimalFile(): its last line
    const char* problem;
  };
  const Case cases[] = {
      {"list | prepositions", "expected 3 fields"},
      {"list | prepositions | with | to", "expected 3 fields"},
      {"lists | prepositions | with", "neither \"list\" nor \"number\""},
      {"list | adverbs | very", "unknown list \"adverbs\""},
      {"list | modals | will; word", "\"word\" is already in list \"modals\""},
      {"list | modals | ;", "no words"},
      {"list | modals | Will", "no single lower-case token"},
      {"list | modals | will not", "no single lower-case token"},
      {"number | 0 | none", "\"0\" is no count"},
      {"number | -2 | minus", "\"-2\" is no count"},
      {"number | 12x | dozen", "\"12x\" is no count"},
      {"number | 2 | one", "\"one\" already has a number"},
  };
  const std::string minimal = MinimalFile();
  const std::string where =
      "events/function_words.txt:" +
      std::to_string(1 + std::count(minimal.begin(), minimal.end(), '\n')) +
      ":";
  for (const Case& c : cases) {
    auto words = ParseFunctionWords(minimal + c.line + "\n",
                                    "events/function_words.txt");
    ASSERT_FALSE(words.ok()) << c.line;
    const std::string message = words.error().ToString();
    EXPECT_NE(message.find(where), std::string::npos) << message;
    EXPECT_NE(message.find(c.problem), std::string::npos) << message;
  }
}

TEST(FunctionWordsTest, AMissingListIsNamed) {
  std::string text = MinimalFile();
  const std::string line = "list | modals | word\n";
  text.erase(text.find(line), line.size());
  auto words = ParseFunctionWords(text, "f.txt");
  ASSERT_FALSE(words.ok());
  EXPECT_EQ(words.error().input, "f.txt");
  EXPECT_NE(words.error().message.find("no list \"modals\""), std::string::npos)
      << words.error().message;

  text = MinimalFile();
  text.erase(text.find("number | 1 | one\n"), 17);
  auto no_numbers = ParseFunctionWords(text, "f.txt");
  ASSERT_FALSE(no_numbers.ok());
  EXPECT_NE(no_numbers.error().message.find("no \"number\" line"),
            std::string::npos)
      << no_numbers.error().message;
}

}  // namespace
}  // namespace dateline
