#include "eval/eval.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace dateline {
namespace {

using nlohmann::json;

// A coded article built by hand: one right event, one wrong one.
CodedArticle MakeCoded() {
  CodedArticle c;
  c.document.id = "doc";
  c.article.title = "Troops clash with rebels";
  c.article.dateline = "Goma";
  c.article.authors = {"A. Writer"};
  AppendParagraph(c.article, Paragraph{"Congolese troops attacked M23 rebels near Goma on Monday.", 0, 57});
  AppendParagraph(c.article, Paragraph{"The army said it regretted nothing.", 59, 94});
  Event fight;
  fight.cameo = "190";
  fight.plover = "FIGHT";
  fight.source.actor = ActorCode{"COD", {"MIL"}, "", ""};
  fight.target.actor = ActorCode{"COD", {"REB"}, "", "M23"};
  fight.evidence = {0, 57};
  fight.date = DateMention{};
  fight.date->value = PartialDate{2024, 3, 4};
  fight.place = PlaceMention{};
  fight.place->name = "Goma";
  fight.place->country = "CD";
  fight.place->lat = -1.68;
  fight.place->lon = 29.22;
  Event statement;
  statement.cameo = "010";
  statement.plover = "OTHER";
  statement.source.actor = ActorCode{"COD", {"MIL"}, "", ""};
  statement.evidence = {59, 94};
  c.events = {fight, statement};
  return c;
}

json MakeGold() {
  return json::parse(R"({
    "id": "g1",
    "article": {"title": "Troops clash with rebels", "dateline_place": "Goma", "authors": ["A. Writer"],
                "body_must_contain": ["attacked M23 rebels", "missing sentence"],
                "body_must_not_contain": ["Subscribe"]},
    "events": [
      {"id": "E1", "plover": ["FIGHT", "ASSAULT"], "cameo_root": "19",
       "source": {"country": "COD", "sector": ["MIL"]}, "target": {"country": "COD", "sector": ["GOV"]},
       "date": {"value": "2024-03", "precision": "month"},
       "place": {"name": "Goma", "country": "CD", "lat": -1.67, "lon": 29.23, "precision": "point"},
       "evidence": "troops attacked M23 rebels"},
      {"id": "E2", "plover": "PROTEST", "evidence": "Nobody protested"},
      {"id": "E3", "optional": true, "cameo_root": "01", "source": {"mention": "The army", "country": "COD"}}
    ]})");
}

TEST(EvalTest, ScoresArticleFieldsEventsAndAttributes) {
  EvalScores s = ScoreDocument(MakeGold(), MakeCoded());
  EXPECT_EQ(s.title.hits, 1);
  EXPECT_EQ(s.dateline.hits, 1);
  EXPECT_EQ(s.authors.hits, 1);
  EXPECT_EQ(s.body_must_contain.hits, 1);
  EXPECT_EQ(s.body_must_contain.total, 2);
  EXPECT_EQ(s.body_must_not_contain.hits, 1);
  EXPECT_EQ(s.gold_events, 2);
  EXPECT_EQ(s.matched_events, 1);
  // The statement matches the optional E3: neither a hit nor a false positive.
  EXPECT_EQ(s.predicted_events, 1);
  EXPECT_DOUBLE_EQ(s.precision(), 1.0);
  EXPECT_DOUBLE_EQ(s.recall(), 0.5);
  EXPECT_EQ(s.source.hits, 1);
  EXPECT_EQ(s.target.hits, 0);  // REB given, GOV expected
  EXPECT_EQ(s.date.hits, 1);    // 2024-03-04 is right at month precision
  EXPECT_EQ(s.place.hits, 1);   // within 25 km
  bool noted = false;
  for (const std::string& n : s.notes) noted |= n.find("E2: not found") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(EvalTest, WrongCategoryOrSentenceDoesNotMatch) {
  CodedArticle c = MakeCoded();
  c.events[0].plover = "CONSULT";
  c.events[0].cameo = "040";
  EvalScores s = ScoreDocument(MakeGold(), c);
  EXPECT_EQ(s.matched_events, 0);
  EXPECT_EQ(s.predicted_events, 1);
  EXPECT_DOUBLE_EQ(s.f1(), 0.0);
}

TEST(EvalTest, RelativeGoldDatesCompareTheYear) {
  json gold = MakeGold();
  gold["events"][0]["date"] = json::parse(R"({"relative": "the Monday before publication", "year": 2024})");
  CodedArticle c = MakeCoded();
  c.events[0].date->value.reset();
  c.events[0].date->year_hint = 2024;
  EXPECT_EQ(ScoreDocument(gold, c).date.hits, 1);
  c.events[0].date->year_hint = 2023;
  EXPECT_EQ(ScoreDocument(gold, c).date.hits, 0);
}

TEST(EvalSeedTest, SeedGoldPassesEndToEnd) {
  const std::string gold = std::string(DATELINE_SHARED_DIR) + "/eval/seed.gold.json";
  if (!std::filesystem::exists(gold)) GTEST_SKIP() << "shared gold data not available";
  PipelineOptions options;
  options.data_dir = DATELINE_TEST_DATA_DIR;
  if (std::filesystem::exists(DATELINE_TEST_GAZETTEER)) options.gazetteer_file = DATELINE_TEST_GAZETTEER;
  auto pipeline = Pipeline::Create(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.error().ToString();
  auto scores = RunEval({gold}, **pipeline, {});
  ASSERT_TRUE(scores.ok()) << scores.error().ToString();
  std::ostringstream report;
  PrintEvalReport(*scores, report);
  EXPECT_DOUBLE_EQ(scores->recall(), 1.0) << report.str();
  EXPECT_DOUBLE_EQ(scores->body_must_contain.rate(), 1.0) << report.str();
  EXPECT_DOUBLE_EQ(scores->body_must_not_contain.rate(), 1.0) << report.str();
  EXPECT_DOUBLE_EQ(scores->title.rate(), 1.0) << report.str();
  EXPECT_GE(scores->source.rate(), 1.0) << report.str();
}

}  // namespace
}  // namespace dateline
