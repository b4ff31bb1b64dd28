#include "eval/eval.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "eval/validation_score.h"

namespace dateline {
namespace {

using nlohmann::json;

// The pipeline with the repository's data and, when built, the gazetteer.
Result<std::unique_ptr<Pipeline>> TestPipeline() {
  PipelineOptions options;
  options.data_dir = DATELINE_TEST_DATA_DIR;
  if (std::filesystem::exists(DATELINE_TEST_GAZETTEER))
    options.gazetteer_file = DATELINE_TEST_GAZETTEER;
  return Pipeline::Create(options);
}

// A coded article built by hand: one right event, one wrong one.
CodedArticle MakeCoded() {
  CodedArticle c;
  c.document.id = "doc";
  c.article.title = "Troops clash with rebels";
  c.article.dateline = "Goma";
  c.article.authors = {"A. Writer"};
  AppendParagraph(
      c.article,
      Paragraph{"Congolese troops attacked M23 rebels near Goma on Monday.", 0,
                57});
  AppendParagraph(c.article,
                  Paragraph{"The army said it regretted nothing.", 59, 94});
  Event fight;
  fight.cameo = "190";
  fight.plover = Plover::kFight;
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
  statement.plover = Plover::kOther;
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
  for (const std::string& n : s.notes)
    noted |= n.find("E2: not found") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(EvalTest, WrongCategoryOrSentenceDoesNotMatch) {
  CodedArticle c = MakeCoded();
  c.events[0].plover = Plover::kConsult;
  c.events[0].cameo = "040";
  EvalScores s = ScoreDocument(MakeGold(), c);
  EXPECT_EQ(s.matched_events, 0);
  EXPECT_EQ(s.predicted_events, 1);
  EXPECT_DOUBLE_EQ(s.f1(), 0.0);
}

TEST(EvalTest, RelativeGoldDatesCompareTheYear) {
  json gold = MakeGold();
  gold["events"][0]["date"] = json::parse(
      R"({"relative": "the Monday before publication", "year": 2024})");
  CodedArticle c = MakeCoded();
  c.events[0].date->value.reset();
  c.events[0].date->year_hint = 2024;
  EXPECT_EQ(ScoreDocument(gold, c).date.hits, 1);
  c.events[0].date->year_hint = 2023;
  EXPECT_EQ(ScoreDocument(gold, c).date.hits, 0);
}

// A gold record written for this test (not a dev item): a scraped page with a
// section label, a byline, a "Read More" link and a footer around one meeting.
constexpr char kWrittenGold[] =
    R"({"id": "written-1", "input_kind": "page-text",
 "text": "World\n\nFrance and Germany agree on energy pact\n\nBy Jane Doe\n\nPARIS — French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday to discuss energy prices.\n\nThe two leaders said they would meet again next month.\n\nRead More: Markets fall\n\n© 2024 Example News. All rights reserved.",
 "article": {"title": "TITLE",
             "body_must_contain": ["met German Chancellor Olaf Scholz"],
             "body_must_not_contain": ["All rights reserved", "Read More"]},
 "events": [{"id": "E1", "plover": "CONSULT", "cameo_root": "04",
             "evidence": "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday to discuss energy prices.",
             "source": {"mention": "Emmanuel Macron", "country": "FRA"},
             "target": {"mention": "Olaf Scholz", "country": "DEU"},
             "place": {"name": "Paris", "country": "FR", "lat": 48.85, "lon": 2.35}}]})";

Result<EvalScores> EvalWrittenGold(const std::string& title) {
  std::string gold = kWrittenGold;
  gold.replace(gold.find("TITLE"), 5, title);
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("dateline_eval_test_" + std::to_string(::getpid()) + ".gold.json");
  std::ofstream(path) << gold;
  auto pipeline = TestPipeline();
  if (!pipeline.ok()) return pipeline.error();
  auto scores = RunEval({path.string()}, **pipeline, {});
  std::filesystem::remove(path);
  return scores;
}

// RunEval reads a gold file, codes its page through the whole pipeline and
// scores the article and the events with the README's rules.
TEST(RunEvalTest, CodesAGoldPageAndScoresItsArticleAndEvents) {
  auto scores = EvalWrittenGold("France and Germany agree on energy pact");
  ASSERT_TRUE(scores.ok()) << scores.error().ToString();
  std::ostringstream report;
  PrintEvalReport(*scores, report);
  EXPECT_EQ(scores->documents, 1) << report.str();
  EXPECT_EQ(scores->title.hits, 1) << report.str();
  EXPECT_EQ(scores->body_must_contain.hits, 1) << report.str();
  EXPECT_EQ(scores->body_must_not_contain.hits, 2) << report.str();
  EXPECT_EQ(scores->gold_events, 1);
  EXPECT_EQ(scores->matched_events, 1) << report.str();
  EXPECT_GE(scores->predicted_events, scores->matched_events);
  EXPECT_EQ(scores->source.hits, 1) << report.str();
  EXPECT_EQ(scores->target.hits, 1) << report.str();
  EXPECT_EQ(scores->place.hits, 1) << report.str();
}

// The same page against a gold title it does not have: the miss is counted
// and named.
TEST(RunEvalTest, AWrongTitleIsAMissWithANote) {
  auto scores = EvalWrittenGold("Another headline");
  ASSERT_TRUE(scores.ok()) << scores.error().ToString();
  EXPECT_EQ(scores->title.total, 1);
  EXPECT_EQ(scores->title.hits, 0);
  bool noted = false;
  for (const std::string& n : scores->notes)
    noted |= n.find("Another headline") != std::string::npos;
  EXPECT_TRUE(noted);
  EXPECT_EQ(scores->matched_events, 1);  // the events are scored all the same
}

// PETRARCH2 / TABARI validation suites: the multiset rule, case by case.
TEST(ValidationScoreTest, MultisetRule) {
  using T = ValidationTriple;
  const T arn_gon{"ARN", "GON", "064"}, gon_arn{"GON", "ARN", "064"},
      arn_gon_meet{"ARN", "GON", "031"};
  struct Case {
    const char* name;
    std::vector<T> expected, produced;
    bool exact;
    long triple_hits, code_hits, root_hits;
  } cases[] = {
      {"exact", {arn_gon}, {arn_gon}, true, 1, 1, 1},
      {"exact, other order",
       {arn_gon, gon_arn},
       {gon_arn, arn_gon},
       true,
       2,
       2,
       2},
      {"missing triple", {arn_gon, gon_arn}, {arn_gon}, false, 1, 1, 1},
      {"extra triple", {arn_gon}, {arn_gon, arn_gon_meet}, false, 1, 1, 1},
      {"noevents, nothing produced", {}, {}, true, 0, 0, 0},
      {"noevents, something produced", {}, {arn_gon}, false, 0, 0, 0},
      {"duplicate expected, one produced",
       {arn_gon, arn_gon},
       {arn_gon},
       false,
       1,
       1,
       1},
      {"duplicate produced, one expected",
       {arn_gon},
       {arn_gon, arn_gon},
       false,
       1,
       1,
       1},
      {"duplicates on both sides",
       {arn_gon, arn_gon},
       {arn_gon, arn_gon},
       true,
       2,
       2,
       2},
      {"wrong actors, right code", {arn_gon}, {gon_arn}, false, 0, 1, 1},
      {"wrong code, right root",
       {T{"ARN", "GON", "031"}},
       {T{"ARN", "GON", "036"}},
       false,
       0,
       0,
       1},
  };
  for (const Case& c : cases) {
    const ValidationRecordScore s =
        ScoreValidationRecord(c.expected, c.produced);
    EXPECT_EQ(s.exact, c.exact) << c.name;
    EXPECT_EQ(s.expected, static_cast<long>(c.expected.size())) << c.name;
    EXPECT_EQ(s.produced, static_cast<long>(c.produced.size())) << c.name;
    EXPECT_EQ(s.triple_hits, c.triple_hits) << c.name;
    EXPECT_EQ(s.code_hits, c.code_hits) << c.name;
    EXPECT_EQ(s.root_hits, c.root_hits) << c.name;
  }
}

TEST(ValidationScoreTest, TotalsAddUpRecords) {
  ValidationTotals totals;
  totals.Add("DEMO", ScoreValidationRecord({{"ARN", "GON", "064"}},
                                           {{"ARN", "GON", "064"}}));
  totals.Add("DEMO", ScoreValidationRecord(
                         {{"ARN", "GON", "064"}},
                         {{"GON", "ARN", "064"}, {"ARN", "GON", "010"}}));
  totals.Add("NOEVENT", ScoreValidationRecord({}, {}));
  const std::map<std::string, double> f = totals.Figures();
  EXPECT_DOUBLE_EQ(f.at("validation_exact"), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(f.at("validation_triple_recall"), 0.5);  // 1 of 2 expected
  EXPECT_DOUBLE_EQ(f.at("validation_triple_precision"),
                   1.0 / 3.0);  // 1 of 3 produced
  EXPECT_DOUBLE_EQ(f.at("validation_code_recall"), 1.0);
  EXPECT_DOUBLE_EQ(f.at("validation_code_precision"), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(f.at("validation_root_precision"), 2.0 / 3.0);
  EXPECT_EQ(totals.exact_by_category.at("DEMO").hits, 1);
  EXPECT_EQ(totals.exact_by_category.at("NOEVENT").hits, 1);
}

TEST(ValidationScoreTest, ActorCodesAsPetrarchPrintsThem) {
  EXPECT_EQ(PetrarchActorCode(ActorCode{"ARN", {"GOV"}, "", ""}), "ARNGOV");
  EXPECT_EQ(PetrarchActorCode(ActorCode{"", {"GOV"}, "", ""}), "---GOV");
  EXPECT_EQ(PetrarchActorCode(ActorCode{}), "");
  ActorCode ngo{"ARN", {}, "", ""};
  ngo.prefix_sectors = {"NGO"};
  EXPECT_EQ(PetrarchActorCode(ngo), "NGOARN");
  ngo.country.clear();
  EXPECT_EQ(PetrarchActorCode(ngo), "NGO---");

  // Every event is a triple; one without a target can match nothing expected.
  Event dyad, no_target;
  dyad.cameo = no_target.cameo = "042";
  dyad.source.actor = no_target.source.actor = ActorCode{"ARN", {}, "", ""};
  dyad.target.actor = ActorCode{"", {"LEG"}, "", ""};
  const std::vector<ValidationTriple> triples =
      ProducedTriples({no_target, dyad});
  ASSERT_EQ(triples.size(), 2u);
  EXPECT_EQ(triples[0], (ValidationTriple{"ARN", "", "042"}));
  EXPECT_EQ(triples[1], (ValidationTriple{"ARN", "---LEG", "042"}));
}

// TABARI's layout: no single root, comments, spaces around "=", every kind of
// coding.
constexpr const char* kSuiteWithoutRoot = R"(<!-- a suite
  spanning lines -->
<Environment>
  <Verbfile> Test.verbs </Verbfile>
  <Actorfile>Test.actors</Actorfile>
  <Errorfile>ignored.txt</Errorfile>
</Environment>
<Sentence date="19950101" id="DEMO-01" category="DEMO">
<!-- two events -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode = "GON"  targetcode="ARN" eventcode = '064'/>
<Text>
Arnor restored   ties with
   Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950102" id="NONE-01" category="NOEVENT">
<EventCoding noevents = "True"></EventCoding>
<Text>Arnor is about to restore ties with Gondor.</Text>
</Sentence>
<Sentence date="19950103" id="DISC-01" category="DISCARD">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Arnor beat Gondor at football.</Text>
</Sentence>
<Sentence date="19950104" id="ERR-01" category="ERROR">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Garbled.</Text>
</Sentence>
)";

TEST(ValidationSuiteTest, ReadsRecordsWithoutARoot) {
  auto suite = ParseValidationSuite(kSuiteWithoutRoot, "suite.xml");
  ASSERT_TRUE(suite.ok()) << suite.error().ToString();
  EXPECT_EQ(suite->verb_files, std::vector<std::string>{"Test.verbs"});
  EXPECT_EQ(suite->actor_files, std::vector<std::string>{"Test.actors"});
  EXPECT_TRUE(suite->agent_files.empty());
  ASSERT_EQ(suite->records.size(), 4u);
  const ValidationRecord& demo = suite->records[0];
  EXPECT_EQ(demo.id, "DEMO-01");
  EXPECT_EQ(demo.category, "DEMO");
  EXPECT_EQ(demo.date, "19950101");
  EXPECT_EQ(demo.line, 8);
  EXPECT_EQ(demo.text, "Arnor restored ties with Gondor.");
  EXPECT_EQ(demo.expected, (std::vector<ValidationTriple>{
                               {"ARN", "GON", "064"}, {"GON", "ARN", "064"}}));
  EXPECT_TRUE(demo.Scored());
  EXPECT_TRUE(suite->records[1].noevents);
  EXPECT_TRUE(suite->records[1].expected.empty());
  EXPECT_TRUE(suite->records[2].Scored());   // a discard expects no events
  EXPECT_FALSE(suite->records[3].Scored());  // other errors are not scored
}

TEST(ValidationSuiteTest, ReadsASuiteWithItsOwnRoot) {
  const std::string xml =
      std::string("<?xml version=\"1.0\"?>\n<Validation>\n") +
      kSuiteWithoutRoot + "</Validation>\n";
  auto suite = ParseValidationSuite(xml, "suite.xml");
  ASSERT_TRUE(suite.ok()) << suite.error().ToString();
  EXPECT_EQ(suite->records.size(), 4u);
  EXPECT_EQ(suite->records[0].line, 10);
}

TEST(ValidationSuiteTest, ErrorsNameLineAndColumn) {
  const struct {
    const char* xml;
    int64_t line;
    const char* says;
  } cases[] = {
      {"<Sentence id=\"A\">\n<EventCoding "
       "noevents=\"True\">\n<Text>x</Text>\n</Sentence>\n",
       4, "mismatched tag"},
      {"<Sentence id=\"A\">\n  <EventCoding/>\n<Text>x</Text></Sentence>\n", 2,
       "none of eventcode"},
      {"<Sentence id=\"A\">\n</Sentence>\n", 2, "has no <Text>"},
      {"<Sentences>\n<Sentence "
       "category=\"X\">\n<Text>x</Text></Sentence></Sentences>\n",
       2, "without an id"},
      // Expat points at the character after a bare "&"; columns count from 1
      // and are those of the file, not of the synthetic root the reader wraps
      // it in.
      {"<Sentence id=\"A\" date=\"1\"><EventCoding noevents=\"True\"/><Text>a "
       "& b</Text></Sentence>",
       1, "column 66"},
      {"<!-- nothing -->\n", -1, "no <Sentence> records"},
      {"<Sentence id=\"A\">\n<EventCoding noevents=\"True\"/><Text>x</Text>\n",
       2, "ends inside an element"},
      {"<Sentence id=\"A\"><Text>x</Text></Sentence><Sentence>", 1,
       "without an id (column 43)"},
  };
  for (const auto& c : cases) {
    auto suite = ParseValidationSuite(c.xml, "bad.xml");
    ASSERT_FALSE(suite.ok()) << c.xml;
    EXPECT_EQ(suite.error().input, "bad.xml");
    EXPECT_EQ(suite.error().line, c.line) << suite.error().ToString();
    EXPECT_NE(suite.error().ToString().find(c.says), std::string::npos)
        << suite.error().ToString();
  }
}

TEST(ValidationSuiteTest, NothingInsideTheEnvironmentIsARecord) {
  auto suite = ParseValidationSuite(
      "<Environment><Sentence id=\"X\"><Text>not a "
      "record</Text></Sentence><Verbfile><b>v</b></Verbfile>"
      "</Environment><Sentence id=\"A\"><EventCoding "
      "noevents=\"True\"/><Text>x</Text></Sentence>",
      "env.xml");
  ASSERT_TRUE(suite.ok()) << suite.error().ToString();
  ASSERT_EQ(suite->records.size(), 1u);
  EXPECT_EQ(suite->records[0].id, "A");
  EXPECT_EQ(suite->verb_files, std::vector<std::string>{"v"});
}

TEST(ValidationSuiteTest, EightBitTextIsReadAsLatin1) {
  auto suite = ParseValidationSuite(
      "<Sentence id=\"A\"><EventCoding "
      "noevents=\"True\"/><Text>Caf\xE9</Text></Sentence>",
      "latin1.xml");
  ASSERT_TRUE(suite.ok()) << suite.error().ToString();
  EXPECT_EQ(suite->records[0].text, "Caf\xC3\xA9");
}

TEST(ValidationSuiteTest, DetectedAsAGoldKind) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "dateline_eval_test_validation";
  std::filesystem::create_directories(dir);
  const auto write = [&](const char* name, const std::string& content) {
    std::ofstream(dir / name) << content;
    return (dir / name).string();
  };
  auto without_root = DetectGoldKind(write("suite.txt", kSuiteWithoutRoot));
  ASSERT_TRUE(without_root.ok()) << without_root.error().ToString();
  EXPECT_EQ(*without_root, GoldKind::kValidation);
  auto xml = DetectGoldKind(write(
      "records.xml", "<Records><Sentence id=\"a\"></Sentence></Records>"));
  ASSERT_TRUE(xml.ok());
  EXPECT_EQ(*xml, GoldKind::kValidation);
  EXPECT_FALSE(DetectGoldKind(write("other.xml", "<rss><item/></rss>")).ok());
  auto plover = DetectGoldKind(
      write("quoting.jsonl",
            R"({"text": "<Sentences> quoted", "event": "PROTEST"})"));
  ASSERT_TRUE(plover.ok());
  EXPECT_EQ(*plover, GoldKind::kPlover);
  EXPECT_STREQ(GoldKindName(GoldKind::kValidation), "validation");
  std::filesystem::remove_all(dir);
}

// Three snippets written for this test: one labelled right, one with the right
// ACLED event type but the wrong sub-type (a protest met with tear gas,
// gold-labelled as a peaceful one), one with a label of another type. Accuracy
// counts one; event-type accuracy counts two.
TEST(CaseEvalTest, ScoresLabelsAndTheirEventTypes) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "dateline_eval_test_case";
  std::filesystem::create_directories(dir);
  const std::string tsv = (dir / "snippets.tsv").string();
  std::ofstream(tsv) << "id\tEventSnippet\tSubType\n"
                        "1\tThousands of teachers demonstrated peacefully in "
                        "the capital to demand higher pay.\tPEACE_PROTEST\n"
                        "2\tPolice used tear gas and water cannon to disperse "
                        "the protesters outside parliament.\tPEACE_PROTEST\n"
                        "3\tA suicide bomber blew himself up at a checkpoint, "
                        "killing six soldiers.\tARREST\n";
  auto pipeline = TestPipeline();
  ASSERT_TRUE(pipeline.ok()) << pipeline.error().ToString();
  auto report =
      EvaluateGoldFile(tsv, GoldKind::kCase, **pipeline, EvalOptions{});
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_NEAR(report->figures.at("case_accuracy"), 1.0 / 3, 1e-9);
  EXPECT_NEAR(report->figures.at("case_event_type_accuracy"), 2.0 / 3, 1e-9);
  EXPECT_EQ(report->detail["labels"]["PEACE_PROTEST"]["support"], 2);
  std::filesystem::remove_all(dir);
}

// Writes `content` gzip-compressed to `path`.
void WriteGzip(const std::filesystem::path& path, const std::string& content) {
  gzFile out = gzopen(path.string().c_str(), "wb");
  ASSERT_NE(out, nullptr) << path;
  ASSERT_EQ(gzwrite(out, content.data(), static_cast<unsigned>(content.size())),
            static_cast<int>(content.size()));
  ASSERT_EQ(gzclose(out), Z_OK);
}

// The extraction-wild set (trafilatura's evaldata.json): two pages written for
// this test, their snippets, title, authors and date.
TEST(WildEvalTest, ScoresSnippetsTitleAuthorsAndDate) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "dateline_eval_test_wild";
  std::filesystem::create_directories(dir / "html");
  // The pages are gzip-compressed, as in the set.
  WriteGzip(dir / "html" / "p1.html.gz",
            "<html lang=\"de-CH\"><head><title>Der Rat tagt | Zeitung</title>"
            "<meta name=\"author\" content=\"Anna Muster\">"
            "<meta property=\"article:published_time\" "
            "content=\"2019-10-19T08:00:00Z\"></head><body>"
            "<nav><a href=\"/\">Startseite</a> <a href=\"/a\">Sport</a> <a "
            "href=\"/b\">Kultur</a></nav>"
            "<article><h1>Der Rat tagt</h1><p>Der Gemeinderat hat am Freitag "
            "lange \xC3\xBC"
            "ber das neue "
            "Budget beraten, das im Fr\xC3\xBChjahr vorgelegt worden "
            "war.</p><p>Am Ende fiel der Entscheid "
            "knapp aus, und die Gegner k\xC3\xBCndigten ein Referendum an, wie "
            "sie sagten.</p></article>"
            "<footer>Impressum und Datenschutz</footer></body></html>");
  WriteGzip(dir / "html" / "p2.html.gz",
            "<html lang=\"fr\"><head><title>Le "
            "march\xC3\xA9</title></head><body><div><p>Le march\xC3\xA9 "
            "ouvre ses portes chaque samedi, avec des producteurs de toute la "
            "r\xC3\xA9gion et des "
            "animations pour les enfants.</p></div></body></html>");
  std::ofstream(dir / "evaldata.json") << R"({
    "p1": {"url": "https://example.ch/2019/10/19/rat", "title": "Der Rat tagt", "author": "Anna Muster",
           "date": "2019-10-19", "with": ["lange über das neue Budget", "Referendum an"],
           "without": ["Impressum und Datenschutz", "Startseite"]},
    "p2": {"url": "https://example.fr/marche", "title": "Le marché du samedi", "author": "", "date": "2020-05-02",
           "with": ["chaque samedi", "une phrase absente"], "without": ["Mentions légales"]}
  })";
  const std::string gold = (dir / "evaldata.json").string();
  auto kind = DetectGoldKind(gold);
  ASSERT_TRUE(kind.ok()) << kind.error().ToString();
  EXPECT_EQ(*kind, GoldKind::kWild);
  auto pipeline = TestPipeline();
  ASSERT_TRUE(pipeline.ok()) << pipeline.error().ToString();
  auto report =
      EvaluateGoldFile(gold, GoldKind::kWild, **pipeline, EvalOptions{});
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  // Snippets: 3 of 4 found, no boilerplate of 3.
  EXPECT_EQ(report->detail["snippets"]["tp"], 3) << report->text;
  EXPECT_EQ(report->detail["snippets"]["fn"], 1) << report->text;
  EXPECT_EQ(report->detail["snippets"]["fp"], 0) << report->text;
  EXPECT_EQ(report->detail["snippets"]["tn"], 3) << report->text;
  EXPECT_DOUBLE_EQ(report->figures.at("wild_snippet_precision"), 1.0);
  EXPECT_DOUBLE_EQ(report->figures.at("wild_snippet_recall"), 0.75);
  EXPECT_DOUBLE_EQ(report->figures.at("wild_snippet_accuracy"), 6.0 / 7);
  // Title: one of two right (p2's page title is not the gold's); the empty
  // author of p2 is not scored; dates: p1 from its meta tag, p2 has none.
  EXPECT_DOUBLE_EQ(report->figures.at("wild_title"), 0.5) << report->text;
  EXPECT_DOUBLE_EQ(report->figures.at("wild_authors"), 1.0) << report->text;
  EXPECT_DOUBLE_EQ(report->figures.at("wild_date"), 0.5) << report->text;
  EXPECT_EQ(report->detail["languages"]["de"]["pages"], 1);
  EXPECT_EQ(report->detail["languages"]["fr"]["pages"], 1);
  EXPECT_EQ(report->detail["worst"][0]["id"], "p2");
  // The halves split the pages between them.
  size_t pages = 0;
  for (EvalHalf half : {EvalHalf::kFit, EvalHalf::kHeldOut}) {
    EvalOptions o;
    o.half = half;
    auto r = EvaluateGoldFile(gold, GoldKind::kWild, **pipeline, o);
    if (r.ok()) pages += r->detail["pages"].get<size_t>();
  }
  EXPECT_EQ(pages, 2u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dateline
