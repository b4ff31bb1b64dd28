#include "when/lexicon.h"

#include <gtest/gtest.h>

#include <string>

#include "core/table_file.h"
#include "when/when.h"

namespace dateline::when_internal {
namespace {

std::string ShippedLexicon() {
  auto text = ReadFile(DATELINE_TEST_DATA_DIR "/when/lexicon.txt");
  EXPECT_TRUE(text.ok()) << text.error().ToString();
  return text.ok() ? *text : std::string();
}

TEST(LexiconTest, TheBuiltInLexiconIsTheShippedFile) {
  auto parsed = ParseLexicon(ShippedLexicon(), "when/lexicon.txt");
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  const Lexicon& built_in = GetLexicon();
  EXPECT_EQ(parsed->size(), built_in.size());
  for (const auto& [word, info] : *parsed) {
    const auto it = built_in.find(word);
    ASSERT_NE(it, built_in.end()) << word;
    EXPECT_EQ(it->second.flags, info.flags) << word;
  }
}

TEST(LexiconTest, AWordHasEveryMeaningItsLinesGive) {
  const Lexicon& lexicon = GetLexicon();
  const auto find = [&](std::string_view w) -> const WordInfo& {
    static const WordInfo kNone;
    const auto it = lexicon.find(w);
    return it == lexicon.end() ? kNone : it->second;
  };
  EXPECT_EQ(find("september").month, 9);
  EXPECT_FALSE(find("september").month_abbrev);
  EXPECT_EQ(find("sept").month, 9);
  EXPECT_TRUE(find("sept").month_abbrev);
  EXPECT_TRUE(find("sept").flags & kFlagTitleAbbrev);
  EXPECT_EQ(find("monday").weekday, 0);  // the file's 1, ISO's Monday
  EXPECT_EQ(find("sun").weekday, 6);
  EXPECT_TRUE(find("sun").weekday_abbrev);
  EXPECT_EQ(find("lately").kw, Kw::kRecently);
  EXPECT_EQ(find("weeks").kw, Kw::kUnit);
  EXPECT_EQ(find("weeks").unit, kWeek);
  EXPECT_TRUE(find("weeks").plural);
  EXPECT_FALSE(find("weekend").plural);
  EXPECT_EQ(find("an").kw, Kw::kCount);
  EXPECT_EQ(find("an").number, 1);
  EXPECT_EQ(find("twelve").number, 12);
  // "last": a keyword, a date preposition and a past-tense marker at once.
  EXPECT_EQ(find("last").kw, Kw::kLast);
  EXPECT_EQ(find("last").flags, kFlagDatePrep | kFlagPast);
  EXPECT_EQ(lexicon.count("fortnight"), 0u);
}

// The lexicon is what FindDates reads: its words make the dates.
TEST(LexiconTest, FindDatesReadsTheLexicon) {
  std::vector<DateMention> dates =
      FindDates("The referendum was held on Sept. 25, 2017.", DateContext{});
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].text, "Sept. 25, 2017");
  ASSERT_TRUE(dates[0].value.has_value());
  EXPECT_EQ(*dates[0].value, (PartialDate{2017, 9, 25}));
}

TEST(LexiconTest, BadLinesNameFileLineAndProblem) {
  struct Case {
    const char* line;
    const char* problem;
  };
  const Case cases[] = {
      {"month | 13 | smarch", "\"13\" is not a number from 1 to 12"},
      {"weekday | 8 | funday", "\"8\" is not a number from 1 to 7"},
      {"month | 01 | january", "\"01\" is not a number from 1 to 12"},
      {"count | 0 | none", "\"0\" is not a number from 1 to 12"},
      {"month | 5 | May", "\"May\" is not a word of 1 to 12 lower-case"},
      {"flag | past | hadbeenthinking", "\"hadbeenthinking\" is not a word"},
      {"flag | past | mid-", "\"mid-\" is not a word"},
      {"month | 5 | ;", "no words"},
      {"month | 4 | may", "\"may\" already has a month"},
      {"weekday | 1 | sun", "\"sun\" already has a weekday"},
      {"keyword | last | ago", "\"ago\" already has a keyword, unit or count"},
      {"unit | week | week", "\"week\" already has a keyword, unit or count"},
      {"flag | past | was", "\"was\" already has flag \"past\""},
      {"keyword | soon | soon", "unknown keyword \"soon\""},
      {"unit | hour | hour", "unknown unit \"hour\""},
      {"flag | present | is", "unknown flag \"present\""},
      {"season | 1 | spring", "unknown kind of line \"season\""},
      {"month | 5", "expected 3 fields"},
  };
  const std::string shipped = ShippedLexicon();
  const std::string at_line =
      ":" +
      std::to_string(std::count(shipped.begin(), shipped.end(), '\n') + 1) +
      ":";
  for (const Case& c : cases) {
    auto parsed = ParseLexicon(shipped + c.line + "\n", "when/lexicon.txt");
    ASSERT_FALSE(parsed.ok()) << c.line;
    const std::string message = parsed.error().ToString();
    EXPECT_NE(message.find("when/lexicon.txt" + at_line), std::string::npos)
        << message;
    EXPECT_NE(message.find(c.problem), std::string::npos) << message;
  }
}

TEST(LexiconTest, AMeaningWithoutAWordIsNamed) {
  const std::string shipped = ShippedLexicon();
  const struct {
    const char* line;
    const char* problem;
  } cases[] = {
      {"month | 5 | may\n", "no name of month 5"},
      {"weekday | 7 | sunday\n", "no name of weekday 7"},
      {"keyword | ago | ago\n", "no word for keyword \"ago\""},
      {"unit | decade | decade\n", "no word for unit \"decade\""},
      {"flag | connector | and; or; to; through; until; till; thru\n",
       "no word for flag \"connector\""},
  };
  for (const auto& c : cases) {
    std::string text = shipped;
    const size_t at = text.find(c.line);
    ASSERT_NE(at, std::string::npos) << c.line;
    text.erase(at, std::string(c.line).size());
    auto parsed = ParseLexicon(text, "when/lexicon.txt");
    ASSERT_FALSE(parsed.ok()) << c.line;
    EXPECT_EQ(parsed.error().input, "when/lexicon.txt");
    EXPECT_NE(parsed.error().message.find(c.problem), std::string::npos)
        << parsed.error().message;
  }
}

}  // namespace
}  // namespace dateline::when_internal
