#include "text/text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dateline {
namespace {

class TextTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto created = TextAnalyzer::Create(DATELINE_TEST_DATA_DIR);
    ASSERT_TRUE(created.ok()) << created.error().ToString();
    analyzer_ = std::move(created).value().release();
  }
  static void TearDownTestSuite() { delete analyzer_; }

  static std::vector<std::string> Sentences(std::string_view text) {
    AnalyzedText a = analyzer_->Analyze(text);
    std::vector<std::string> out;
    for (size_t i = 0; i < a.sentences.size(); ++i)
      out.emplace_back(a.SentenceText(i));
    return out;
  }
  static std::vector<std::string> Words(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& t : analyzer_->Tokenize(text).tokens)
      out.emplace_back(text.substr(t.start, t.end - t.start));
    return out;
  }

  static TextAnalyzer* analyzer_;
};
TextAnalyzer* TextTest::analyzer_ = nullptr;

// Text without sentence ends (a flattened table, hostile input) is cut into
// pieces of at most kMaxSentenceTokens tokens, after a clause break in the
// second half of each window when there is one; every token stays in exactly
// one sentence.
TEST_F(TextTest, RunsWithoutSentenceEndsAreCut) {
  std::string text;
  for (int i = 0; i < 1000; ++i)
    text += (i % 180 == 179) ? "troops, " : "troops ";
  AnalyzedText a = analyzer_->Analyze(text);
  ASSERT_GT(a.sentences.size(), 1u);
  size_t next = 0;
  for (const Sentence& s : a.sentences) {
    EXPECT_EQ(s.first_token, next);
    EXPECT_LE(s.last_token - s.first_token, TextAnalyzer::kMaxSentenceTokens);
    next = s.last_token;
  }
  EXPECT_EQ(next, a.tokens.size());
  // The first window holds a comma at token 180 (the 180th word and its comma):
  // the cut falls after it.
  EXPECT_EQ(a.tokens[a.sentences[0].last_token - 1].norm, ",");
  // Ordinary prose is untouched.
  EXPECT_EQ(
      Sentences("Troops attacked rebels near Goma. Police arrested ten people.")
          .size(),
      2u);
}

struct SplitCase {
  const char* text;
  std::vector<std::string> sentences;
};

TEST_F(TextTest, SplitsSentencesButKeepsAbbreviationsInside) {
  const std::vector<SplitCase> cases = {
      {"Interior Minister Reber Ahmed met Maj. General Karl Harris on "
       "Thursday. They discussed ISIS.",
       {"Interior Minister Reber Ahmed met Maj. General Karl Harris on "
        "Thursday.",
        "They discussed ISIS."}},
      {"It came one month after the popular Sept. 25, 2017, Kurdish "
       "independence referendum. Baghdad objected.",
       {"It came one month after the popular Sept. 25, 2017, Kurdish "
        "independence referendum.",
        "Baghdad objected."}},
      {"The U.S. military said it had struck targets in Syria. The strikes hit "
       "depots.",
       {"The U.S. military said it had struck targets in Syria.",
        "The strikes hit depots."}},
      {"The talks moved to the U.S. The next round starts Monday.",
       {"The talks moved to the U.S.", "The next round starts Monday."}},
      {"\"We will not retreat,\" he said. \"Never.\" Then he left!",
       {"\"We will not retreat,\" he said.", "\"Never.\"", "Then he left!"}},
      {"Gen. Mark Milley and Dr. Smith spoke. Mr. Ahmed agreed.",
       {"Gen. Mark Milley and Dr. Smith spoke.", "Mr. Ahmed agreed."}},
      {"A headline without a full stop\n\nA paragraph. Another one.",
       {"A headline without a full stop", "A paragraph.", "Another one."}},
      {"Prices rose 3.5 percent, to 1,000 dinars. Officials said so.",
       {"Prices rose 3.5 percent, to 1,000 dinars.", "Officials said so."}},
      {"Karl J. Harris met e.g. the envoy. Later, talks resumed.",
       {"Karl J. Harris met e.g. the envoy.", "Later, talks resumed."}},
      {"What happened? Nobody knows... Yet.",
       {"What happened?", "Nobody knows...", "Yet."}},
      {"", {}},
  };
  for (const SplitCase& c : cases) {
    EXPECT_EQ(Sentences(c.text), c.sentences) << "text: " << c.text;
  }
}

TEST_F(TextTest, TokensKeepOffsetsIntoTheOriginalText) {
  const std::string text =
      "The Kurdistan Region\xE2\x80\x99"
      "s Minister met the US-led coalition\xE2\x80\x94"
      "CJTF-OIR.";
  const AnalyzedText analyzed = analyzer_->Tokenize(text);
  const std::vector<Token>& tokens = analyzed.tokens;
  std::vector<std::string> words;
  for (const Token& t : tokens)
    words.push_back(text.substr(t.start, t.end - t.start));
  EXPECT_EQ(words, (std::vector<std::string>{"The", "Kurdistan", "Region",
                                             "\xE2\x80\x99s", "Minister", "met",
                                             "the", "US-led", "coalition",
                                             "\xE2\x80\x94", "CJTF-OIR", "."}));
  EXPECT_EQ(tokens[3].norm, "'s");
  EXPECT_EQ(tokens[9].norm, "-");
  EXPECT_EQ(tokens[7].norm, "us-led");
  EXPECT_TRUE(tokens[1].capitalized);
  EXPECT_TRUE(tokens[10].all_caps);
  EXPECT_FALSE(tokens[4].all_caps);
}

TEST_F(TextTest, CutsWordsNumbersAndContractions) {
  EXPECT_EQ(Words("didn't attack O'Brien's 1,000 men on Sept. 25th"),
            (std::vector<std::string>{"did", "n't", "attack", "O'Brien", "'s",
                                      "1,000", "men", "on", "Sept.", "25th"}));
  EXPECT_EQ(
      Words("the U.N. and U.S.-led forces"),
      (std::vector<std::string>{"the", "U.N.", "and", "U.S.-led", "forces"}));
  EXPECT_EQ(Words("the Prince of Dol_Amroth"),
            (std::vector<std::string>{"the", "Prince", "of", "Dol", "Amroth"}));
  const AnalyzedText didnt = analyzer_->Tokenize("didn't");
  const std::vector<Token>& t = didnt.tokens;
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].lemma, "not");
}

TEST_F(TextTest, NormalizesUnicodeCompatibilityForms) {
  const AnalyzedText words = analyzer_->Tokenize(
      "\xEF\xBC\xA9\xEF\xBD\x92\xEF\xBD\x81\xEF\xBD\x91 Stra\xC3\x9F"
      "e");  // fullwidth "Iraq"
  const std::vector<Token>& t = words.tokens;
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].norm, "iraq");
  EXPECT_EQ(t[1].norm, "strasse");  // case folding expands sharp s
}

struct LemmaCase {
  const char* word;
  const char* lemma;
};

TEST_F(TextTest, LemmatizesRegularAndIrregularForms) {
  const std::vector<LemmaCase> cases = {
      {"forces", "force"},
      {"pushed", "push"},
      {"officials", "official"},
      {"met", "meet"},
      {"meetings", "meeting"},
      {"clashes", "clash"},
      {"casualties", "casualty"},
      {"stopped", "stop"},
      {"forced", "force"},
      {"accused", "accuse"},
      {"attacked", "attack"},
      {"killed", "kill"},
      {"visiting", "visit"},
      {"running", "run"},
      {"carried", "carry"},
      {"fought", "fight"},
      {"says", "say"},
      {"was", "be"},
      {"children", "child"},
      {"men", "man"},
      {"news", "news"},
      {"crisis", "crisis"},
      {"status", "status"},
      {"bring", "bring"},
      {"bombings", "bomb"},
      {"bombing", "bomb"},
      {"killings", "kill"},
      {"things", "thing"},
  };
  for (const LemmaCase& c : cases)
    EXPECT_EQ(analyzer_->Lemma(c.word), c.lemma) << c.word;
}

TEST_F(TextTest, MatchKeysAgreeAcrossInflections) {
  const std::vector<std::pair<const char*, const char*>> same = {
      {"stated", "state"},   {"agreed", "agree"},  {"freed", "free"},
      {"expelled", "expel"}, {"seizing", "seize"}, {"making", "make"},
      {"debated", "debate"}, {"forces", "force"},
  };
  for (const auto& [inflected, base] : same) {
    EXPECT_EQ(TextAnalyzer::MatchKey(analyzer_->Lemma(inflected)),
              TextAnalyzer::MatchKey(analyzer_->Lemma(base)))
        << inflected << " vs " << base;
  }
  EXPECT_NE(TextAnalyzer::MatchKey("visit"), TextAnalyzer::MatchKey("vote"));
}

TEST_F(TextTest, TokensCarryTheLemmaAndKeyOfTheirNorm) {
  // Analysis computes lemmas and keys in place; they must be what Lemma and
  // MatchKey give for the token's norm, and the case flags what the letters
  // say.
  const std::string text =
      "Iraqi forces pushed Peshmerga fighters out; officials said the KRG's "
      "ERBIL office "
      "stopped meetings. Casualties carried, agreed, seizing, expelled, "
      "didn't, Ibrahim "
      "al-Jaafari, \xC3\x89mile, \xC3\x89TAT, 25th, U.S.-led bombings.";
  const AnalyzedText a = analyzer_->Analyze(text);
  ASSERT_GT(a.tokens.size(), 30u);
  for (const Token& t : a.tokens) {
    if (t.kind != TokenKind::kWord || t.norm == "n't") continue;
    EXPECT_EQ(t.lemma, analyzer_->Lemma(t.norm)) << t.norm;
    EXPECT_EQ(t.key, TextAnalyzer::MatchKey(t.lemma)) << t.norm;
  }
  const auto token = [&](std::string_view word) {
    for (size_t i = 0; i < a.tokens.size(); ++i) {
      if (a.TokenText(i) == word) return a.tokens[i];
    }
    ADD_FAILURE() << word;
    return Token{};
  };
  EXPECT_TRUE(token("ERBIL").all_caps);
  EXPECT_TRUE(token("\xC3\x89TAT").all_caps);
  EXPECT_FALSE(token("\xC3\x89mile").all_caps);
  EXPECT_TRUE(token("\xC3\x89mile").capitalized);
  EXPECT_EQ(token("\xC3\x89mile").norm, "\xC3\xA9mile");
  EXPECT_FALSE(token("forces").capitalized);
  EXPECT_EQ(token("stopped").key, "stop");
}

TEST_F(TextTest, SurvivesHostileInput) {
  std::string junk;
  for (int i = 0; i < 2000; ++i) junk.push_back(static_cast<char>(i * 37));
  AnalyzedText a = analyzer_->Analyze(junk);
  for (const Token& t : a.tokens) {
    EXPECT_LT(t.start, t.end);
    EXPECT_LE(t.end, junk.size());
  }
  for (const Sentence& s : a.sentences) EXPECT_LE(s.end, junk.size());
}

TEST(TextAnalyzerCreateTest, MissingDataIsAnErrorNamingTheFile) {
  auto created = TextAnalyzer::Create("/nonexistent-dateline-data");
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.error().ToString().find("abbreviations.txt"),
            std::string::npos);
}

}  // namespace
}  // namespace dateline
