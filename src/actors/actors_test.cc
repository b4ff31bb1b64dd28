#include "actors/actors.h"
#include "actors/tabari_actors.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace dateline {
namespace {

namespace fs = std::filesystem;

// testdata/dict: a small, fixed dictionary set so that these tests do not move when
// data/ grows.
class ActorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(DATELINE_TESTDATA_DIR "/dict");
    auto analyzer = TextAnalyzer::Create(dir_->string());
    ASSERT_TRUE(analyzer.ok()) << analyzer.error().ToString();
    analyzer_ = std::move(analyzer).value().release();
    auto matcher = ActorMatcher::Create(dir_->string(), *analyzer_);
    ASSERT_TRUE(matcher.ok()) << matcher.error().ToString();
    matcher_ = std::move(matcher).value().release();
  }
  static void TearDownTestSuite() {
    delete matcher_;
    delete analyzer_;
    delete dir_;
  }

  struct Found {
    std::string text, code, region, person;
  };
  static std::vector<Found> Find(std::string_view text, ActorContext context = {}) {
    AnalyzedText a = analyzer_->Analyze(text);
    std::vector<Found> out;
    for (const ActorMention& m : matcher_->FindActors(a, context)) {
      EXPECT_EQ(text.substr(m.span.start, m.span.end - m.span.start), m.text);
      out.push_back({m.text, m.actor.Code(), m.actor.region, m.person});
    }
    return out;
  }

  static fs::path* dir_;
  static TextAnalyzer* analyzer_;
  static ActorMatcher* matcher_;
};
fs::path* ActorsTest::dir_ = nullptr;
TextAnalyzer* ActorsTest::analyzer_ = nullptr;
ActorMatcher* ActorsTest::matcher_ = nullptr;

TEST_F(ActorsTest, ComposesPossessiveRoleWithAppositiveName) {
  auto found = Find("The Kurdistan Region\xE2\x80\x99" "s Minister of Interior, Reber Ahmed met with officials.");
  ASSERT_GE(found.size(), 1u);
  EXPECT_EQ(found[0].text, "Kurdistan Region\xE2\x80\x99" "s Minister of Interior, Reber Ahmed");
  EXPECT_EQ(found[0].code, "IRQGOV");
  EXPECT_EQ(found[0].region, "Kurdistan Region");
  EXPECT_EQ(found[0].person, "Reber Ahmed");
}

TEST_F(ActorsTest, ComposesRoleOfOrganisation) {
  auto found = Find("He met the Deputy Commanding General of the US-led coalition on Thursday.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "Deputy Commanding General of the US-led coalition");
  EXPECT_EQ(found[0].code, "USAMIL");
}

TEST_F(ActorsTest, ComposesDemonymOrOrganisationWithRole) {
  auto found = Find("In October 2017, Iraqi forces pushed Peshmerga forces out. Peshmerga officials met the Iraqi army.");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].text, "Iraqi forces");
  EXPECT_EQ(found[0].code, "IRQMIL");
  EXPECT_EQ(found[1].text, "Peshmerga forces");
  EXPECT_EQ(found[1].code, "IRQMIL");
  EXPECT_EQ(found[1].region, "Kurdistan Region");
  EXPECT_EQ(found[2].text, "Peshmerga officials");
  EXPECT_EQ(found[2].code, "IRQGOV");
  EXPECT_EQ(found[3].text, "Iraqi army");
  EXPECT_EQ(found[3].code, "IRQMIL");
}

TEST_F(ActorsTest, SplitsCompoundActors) {
  auto found = Find("Senior Hungarian and Romanian officials agreed on Wednesday.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].code, "HUNGOV");
  EXPECT_EQ(found[1].code, "ROUGOV");
}

TEST_F(ActorsTest, PersonByRoleAndSurnameCoreference) {
  auto found = Find("Interior Minister Karl Harris spoke. Later Harris tweeted.");
  ASSERT_EQ(found.size(), 1u);  // no country known: no coreference antecedent
  EXPECT_EQ(found[0].person, "Karl Harris");
  auto found2 = Find("Reber Ahmed spoke on Monday. \"We agree,\" Ahmed tweeted.");
  ASSERT_EQ(found2.size(), 2u);
  EXPECT_EQ(found2[1].text, "Ahmed");
  EXPECT_EQ(found2[1].code, "IRQGOV");
  EXPECT_EQ(found2[1].person, "Reber Ahmed");
}

TEST_F(ActorsTest, APastFormIsNoRoleNoun) {
  // "force" is a role noun; "forced" is the verb between two actors.
  auto found = Find("Militants forced villagers out of their homes.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].text, "Militants");
  EXPECT_EQ(found[1].text, "villagers");
}

TEST_F(ActorsTest, PronounsReferToTheLatestNamedPerson) {
  auto found = Find("Reber Ahmed met Iraqi officials on Monday. He said the talks went well.");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[2].text, "He");
  EXPECT_EQ(found[2].code, "IRQGOV");
  EXPECT_EQ(found[2].person, "Reber Ahmed");
  // No named person before it: the pronoun stays unresolved.
  EXPECT_TRUE(Find("He said the talks went well.").empty());
}

TEST_F(ActorsTest, ExactCasePhrasesDoNotMatchCommonWords) {
  auto found = Find("Let us go. The US army moved.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "US army");
  EXPECT_EQ(found[0].code, "USAMIL");
}

TEST_F(ActorsTest, OfficeHoldersOnlyMatchWithinTheirTerm) {
  ActorContext in_term{PartialDate{2002, 5, 1}};
  ActorContext after{PartialDate{2021, 1, 1}};
  EXPECT_EQ(Find("Old Minister spoke.", in_term).size(), 1u);
  EXPECT_EQ(Find("Old Minister spoke.", after).size(), 1u);  // still the agent "minister"
  EXPECT_EQ(Find("Old Minister spoke.", after)[0].code, "GOV");
  EXPECT_EQ(Find("Old Minister spoke.", in_term)[0].code, "IRQGOV");
}

TEST_F(ActorsTest, CapitalsStandForGovernments) {
  auto found = Find("Baghdad rejected the plan.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "IRQGOV");
  EXPECT_NE(matcher_->Country("IRQ"), nullptr);
  EXPECT_EQ(matcher_->Country("IRQ")->iso2, "IQ");
  EXPECT_EQ(matcher_->Country("XXX"), nullptr);
}

TEST(ActorDictionaryErrorsTest, BadLineNamesFileAndLine) {
  const fs::path dir = fs::temp_directory_path() / ("dateline_actors_bad_" + std::to_string(::getpid()));
  fs::create_directories(dir / "actors");
  fs::create_directories(dir / "text");
  std::ofstream(dir / "text/abbreviations.txt") << "";
  std::ofstream(dir / "text/irregular.txt") << "";
  std::ofstream(dir / "actors/people.txt") << "# none\n";
  std::ofstream(dir / "actors/organisations.txt") << "KRG | iraq | GOV |  | KRG\n";
  auto analyzer = TextAnalyzer::Create(dir.string());
  ASSERT_TRUE(analyzer.ok());
  auto matcher = ActorMatcher::Create(dir.string(), **analyzer);
  ASSERT_FALSE(matcher.ok());
  EXPECT_NE(matcher.error().ToString().find("organisations.txt:1"), std::string::npos);
  EXPECT_NE(matcher.error().message.find("three-letter"), std::string::npos);
  fs::remove_all(dir);
}

TEST(ActorDictionaryRealDataTest, LoadsTheShippedDictionaries) {
  auto analyzer = TextAnalyzer::Create(DATELINE_TEST_DATA_DIR);
  ASSERT_TRUE(analyzer.ok()) << analyzer.error().ToString();
  auto matcher = ActorMatcher::Create(DATELINE_TEST_DATA_DIR, **analyzer);
  ASSERT_TRUE(matcher.ok()) << matcher.error().ToString();
  EXPECT_GE((*matcher)->Country("IRQ") ? 1 : 0, 1);
  EXPECT_GT((*matcher)->phrase_count(), 1000u);
}

TEST(TabariActorsTest, MatcherLoadsExtraDictionariesByExtension) {
  const std::string dir = DATELINE_TESTDATA_DIR "/dict";
  auto analyzer = TextAnalyzer::Create(dir);
  ASSERT_TRUE(analyzer.ok());
  ActorMatcherOptions options;
  options.actor_files = {dir + "/tabari/sample.actors"};
  options.agent_files = {dir + "/tabari/sample.agents"};
  auto matcher = ActorMatcher::Create(dir, **analyzer, options);
  ASSERT_TRUE(matcher.ok()) << matcher.error().ToString();
  AnalyzedText a = (*analyzer)->Analyze("Ruritanian authorities met Iraqi harbour wardens, said Johanna Testperson.");
  ActorContext when;
  when.date = PartialDate{2012, 5, 1};
  std::vector<std::string> codes;
  for (const ActorMention& m : (*matcher)->FindActors(a, when)) codes.push_back(m.actor.Code());
  EXPECT_EQ(codes, (std::vector<std::string>{"ITAGOV", "IRQCOP", "FRAGOV"}));
  options.tabari_format = false;
  options.actor_files = {dir + "/countries.txt"};
  EXPECT_FALSE(ActorMatcher::Create(dir, **analyzer, options).ok());
}

}  // namespace
}  // namespace dateline
