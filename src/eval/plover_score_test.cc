#include "eval/plover_score.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace dateline {
namespace {

// The shipped data/actors/cameo_countries.txt.
const CameoCountryCodes& Cameo() {
  static const CameoCountryCodes* codes = [] {
    auto loaded = LoadCameoCountryCodes(DATELINE_TEST_DATA_DIR);
    EXPECT_TRUE(loaded.ok()) << loaded.error().ToString();
    return new CameoCountryCodes(loaded.ok() ? *loaded : CameoCountryCodes());
  }();
  return *codes;
}

Event MakeEvent(const char* plover, const char* source, const char* target) {
  Event e;
  e.plover = *ParsePlover(plover);
  e.source.text = source;
  e.source.actor.country = source;
  e.target.text = target;
  e.target.actor.country = target;
  return e;
}

PloverGold Gold(const char* event, const char* source, const char* target) {
  PloverGold g;
  g.event = event;
  if (*source) g.source = {{source, source, "GOV"}};
  if (*target) g.target = {{target, target, ""}};
  return g;
}

TEST(PloverScoreTest, ChoosesThePrimaryPredictionWithoutTheGold) {
  struct Case {
    const char* name;
    std::vector<Event> events;
    int chosen;
  };
  const std::vector<Case> cases = {
      {"no prediction", {}, -1},
      {"one event", {MakeEvent("AGREE", "HUN", "ROU")}, 0},
      {"the first in text order",
       {MakeEvent("CONSULT", "HUN", ""), MakeEvent("AGREE", "HUN", "ROU")},
       0},
      {"statements are passed over",
       {MakeEvent("OTHER", "HUN", ""), MakeEvent("CONSULT", "ROU", ""),
        MakeEvent("AID", "HUN", "")},
       1},
      {"an event without a category is passed over",
       {MakeEvent("", "HUN", ""), MakeEvent("AID", "HUN", "")},
       1},
      {"only statements: the first",
       {MakeEvent("OTHER", "ROU", ""), MakeEvent("OTHER", "HUN", "")},
       0},
  };
  for (const Case& c : cases)
    EXPECT_EQ(ChoosePloverPrediction(c.events), c.chosen) << c.name;
}

TEST(PloverScoreTest, ALaterEventWithTheGoldCategoryDoesNotRescueTheRecord) {
  // The old scorer picked any event with the gold category; the primary is
  // fixed first.
  const std::vector<Event> events = {MakeEvent("CONSULT", "ROU", ""),
                                     MakeEvent("AGREE", "HUN", "ROU")};
  const PloverRecordScore s =
      ScorePloverRecord(Gold("AGREE", "HUN", "ROU"), events, Cameo());
  EXPECT_EQ(s.chosen, 0);
  EXPECT_EQ(s.predicted, "CONSULT");
  EXPECT_FALSE(s.event_right);
  // Actors are judged on the primary prediction, not on the event that would
  // fit.
  ASSERT_TRUE(s.source_right && s.target_right);
  EXPECT_FALSE(*s.source_right);
  EXPECT_FALSE(*s.target_right);
  EXPECT_EQ(s.predictions, 2);
  EXPECT_EQ(s.false_positives, 2);
}

TEST(PloverScoreTest, CountsEveryOtherEventAsAFalsePositive) {
  struct Case {
    const char* name;
    PloverGold gold;
    std::vector<Event> events;
    bool event_right;
    long false_positives;
  };
  const std::vector<Case> cases = {
      {"nothing predicted", Gold("FIGHT", "HUN", ""), {}, false, 0},
      {"one right event",
       Gold("FIGHT", "HUN", ""),
       {MakeEvent("FIGHT", "HUN", "")},
       true,
       0},
      {"one wrong event",
       Gold("FIGHT", "HUN", ""),
       {MakeEvent("ASSAULT", "HUN", "")},
       false,
       1},
      {"right primary and a statement",
       Gold("FIGHT", "HUN", ""),
       {MakeEvent("OTHER", "HUN", ""), MakeEvent("FIGHT", "HUN", "")},
       true,
       1},
      {"right primary and a repeat of it",
       Gold("FIGHT", "HUN", ""),
       {MakeEvent("FIGHT", "HUN", ""), MakeEvent("FIGHT", "HUN", "")},
       true,
       1},
  };
  PloverTotals totals;
  for (const Case& c : cases) {
    const PloverRecordScore s = ScorePloverRecord(c.gold, c.events, Cameo());
    EXPECT_EQ(s.event_right, c.event_right) << c.name;
    EXPECT_EQ(s.predictions, static_cast<long>(c.events.size())) << c.name;
    EXPECT_EQ(s.false_positives, c.false_positives) << c.name;
    totals.Add(s);
  }
  // 5 records, 3 answered right; 6 events predicted, 3 of them right.
  EXPECT_EQ(totals.event.hits, 3);
  EXPECT_EQ(totals.event.total, 5);
  EXPECT_EQ(totals.precision.hits, 3);
  EXPECT_EQ(totals.precision.total, 6);
  EXPECT_DOUBLE_EQ(totals.precision.rate(), 0.5);
  // Every record gives a source: a record without a prediction has it wrong.
  EXPECT_EQ(totals.source.total, 5);
  EXPECT_EQ(totals.source.hits, 4);
  EXPECT_EQ(totals.target.total, 0);
}

TEST(PloverScoreTest, ScoresActorsByCountryWithCameoSpellingsAndSectorsApart) {
  PloverGold g = Gold("AGREE", "JAP", "ITL");
  Event e = MakeEvent("AGREE", "JPN", "ITA");
  PloverRecordScore s = ScorePloverRecord(g, {e}, Cameo());
  ASSERT_TRUE(s.source_right && s.target_right);
  EXPECT_TRUE(*s.source_right);
  EXPECT_TRUE(*s.target_right);
  EXPECT_FALSE(*s.source_sector_right);  // gold says GOV, prediction has none
  EXPECT_TRUE(*s.target_sector_right);   // gold gives no sector
  e.source.actor.sectors = {"GOV"};
  s = ScorePloverRecord(g, {e}, Cameo());
  EXPECT_TRUE(*s.source_sector_right);
  // A record without a target does not score one.
  s = ScorePloverRecord(Gold("AGREE", "JAP", ""), {e}, Cameo());
  EXPECT_FALSE(s.target_right.has_value());
}

TEST(PloverScoreTest, ReadsCameoSpellingsFromTheDataFolder) {
  EXPECT_EQ(NormalizePloverCountry("JAP", Cameo()), "JPN");
  EXPECT_EQ(NormalizePloverCountry("UK", Cameo()), "GBR");
  EXPECT_EQ(NormalizePloverCountry("JPN", Cameo()), "JPN");
  EXPECT_EQ(NormalizePloverCountry("XYZ", Cameo()), "XYZ");

  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("dateline_cameo_countries_" + std::to_string(getpid()));
  fs::create_directories(dir / "actors");
  auto missing = LoadCameoCountryCodes(dir.string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().input,
            (dir / "actors/cameo_countries.txt").string());

  struct Case {
    const char* line;
    const char* problem;
  };
  const Case cases[] = {
      {"JAP", "expected 2 fields"},
      {"JAP | JPN | Japan", "expected 2 fields"},
      {"jap | JPN", "\"jap\" is no CAMEO code"},
      {"JAPAN | JPN", "\"JAPAN\" is no CAMEO code"},
      {"JAP | JP", "\"JP\" is no ISO 3166-1 alpha-3 code"},
      {"ITL | ITA", "\"ITL\" is listed twice"},
  };
  for (const Case& c : cases) {
    std::ofstream(dir / "actors/cameo_countries.txt")
        << "# CAMEO | ISO3\nITL | ITA\n"
        << c.line << "\n";
    auto codes = LoadCameoCountryCodes(dir.string());
    ASSERT_FALSE(codes.ok()) << c.line;
    const std::string message = codes.error().ToString();
    EXPECT_NE(message.find("cameo_countries.txt:3: "), std::string::npos)
        << message;
    EXPECT_NE(message.find(c.problem), std::string::npos) << message;
  }
  // The table read is the one used.
  std::ofstream(dir / "actors/cameo_countries.txt") << "ITL | ITA\n";
  auto codes = LoadCameoCountryCodes(dir.string());
  ASSERT_TRUE(codes.ok()) << codes.error().ToString();
  const PloverRecordScore s = ScorePloverRecord(
      Gold("AGREE", "JAP", "ITL"), {MakeEvent("AGREE", "JPN", "ITA")}, *codes);
  EXPECT_FALSE(*s.source_right);  // JAP is not mapped by this table
  EXPECT_TRUE(*s.target_right);
  fs::remove_all(dir);
}

TEST(PloverScoreTest, ParsesRecordsWithStringOrMissingActors) {
  auto g = ParsePloverGold(nlohmann::json::parse(
      R"({"id":"x","text":"T","event":"AGREE","source":[{"actorText":"A","code":"USA","sector":"GOV"}],"target":""})"));
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->source.size(), 1u);
  EXPECT_TRUE(g->target.empty());
  EXPECT_FALSE(ParsePloverGold(nlohmann::json::parse(R"({"text":"T"})")).ok());
}

}  // namespace
}  // namespace dateline
