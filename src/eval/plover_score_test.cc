#include "eval/plover_score.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

Event MakeEvent(const char* plover, const char* source, const char* target) {
  Event e;
  e.plover = plover;
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

TEST(PloverScoreTest, ChoosesOnePredictionByTheDocumentedRule) {
  struct Case {
    const char* name;
    PloverGold gold;
    std::vector<Event> events;
    int chosen;
    bool event_right;
  };
  const std::vector<Case> cases = {
      {"no prediction", Gold("AGREE", "HUN", ""), {}, -1, false},
      {"category match beats order", Gold("AGREE", "HUN", "ROU"),
       {MakeEvent("OTHER", "HUN", ""), MakeEvent("AGREE", "HUN", "ROU")}, 1, true},
      {"among matches, most actors agree", Gold("AGREE", "HUN", "ROU"),
       {MakeEvent("AGREE", "ROU", ""), MakeEvent("AGREE", "HUN", "ROU")}, 1, true},
      {"no match: the first non-statement", Gold("FIGHT", "HUN", ""),
       {MakeEvent("OTHER", "HUN", ""), MakeEvent("CONSULT", "ROU", ""), MakeEvent("AID", "HUN", "")}, 1, false},
      {"only statements: the first", Gold("FIGHT", "HUN", ""), {MakeEvent("OTHER", "ROU", "")}, 0, false},
  };
  for (const Case& c : cases) {
    const PloverRecordScore s = ScorePloverRecord(c.gold, c.events);
    EXPECT_EQ(s.chosen, c.chosen) << c.name;
    EXPECT_EQ(s.event_right, c.event_right) << c.name;
  }
}

TEST(PloverScoreTest, ScoresActorsByCountryWithCameoSpellingsAndSectorsApart) {
  PloverGold g = Gold("AGREE", "JAP", "ITL");
  Event e = MakeEvent("AGREE", "JPN", "ITA");
  PloverRecordScore s = ScorePloverRecord(g, {e});
  ASSERT_TRUE(s.source_right && s.target_right);
  EXPECT_TRUE(*s.source_right);
  EXPECT_TRUE(*s.target_right);
  EXPECT_FALSE(*s.source_sector_right);  // gold says GOV, prediction has none
  EXPECT_TRUE(*s.target_sector_right);   // gold gives no sector
  e.source.actor.sectors = {"GOV"};
  s = ScorePloverRecord(g, {e});
  EXPECT_TRUE(*s.source_sector_right);
  // A record without a target does not score one.
  s = ScorePloverRecord(Gold("AGREE", "JAP", ""), {e});
  EXPECT_FALSE(s.target_right.has_value());
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
