// End-to-end tests: raw pages in, coded articles out, through every stage with
// the shipped dictionaries and (when built) the gazetteer.
#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "core/table_file.h"
#include "ingest/ingest.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

class PipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    PipelineOptions options;
    options.data_dir = DATELINE_TEST_DATA_DIR;
    if (fs::exists(DATELINE_TEST_GAZETTEER))
      options.gazetteer_file = DATELINE_TEST_GAZETTEER;
    auto pipeline = Pipeline::Create(options);
    ASSERT_TRUE(pipeline.ok()) << pipeline.error().ToString();
    pipeline_ = std::move(pipeline).value().release();
  }
  static void TearDownTestSuite() { delete pipeline_; }

  static CodedArticle CodeFile(const std::string& path) {
    std::optional<Result<Document>> doc;
    ReadInputs({path}, {},
               [&](Result<Document> d) { doc.emplace(std::move(d)); });
    EXPECT_TRUE(doc && doc->ok());
    auto coded = pipeline_->Code(std::move(doc->value()));
    EXPECT_TRUE(coded.ok()) << coded.error().ToString();
    return std::move(coded).value();
  }

  static const Event* FindEvent(const CodedArticle& c,
                                const std::string& plover,
                                const std::string& evidence_part) {
    for (const Event& e : c.events) {
      const std::string sentence = c.article.body.substr(
          e.evidence.start, e.evidence.end - e.evidence.start);
      if (PloverName(e.plover) == plover &&
          sentence.find(evidence_part) != std::string::npos)
        return &e;
    }
    return nullptr;
  }

  static Pipeline* pipeline_;
};
Pipeline* PipelineTest::pipeline_ = nullptr;

TEST_F(PipelineTest, SeedPageGivesTheGoldEvents) {
  const std::string seed =
      std::string(DATELINE_SHARED_DIR) + "/seeds/000_877e7492e3bd1938.txt";
  if (!fs::exists(seed)) GTEST_SKIP() << "shared seed page not available";
  CodedArticle c = CodeFile(seed);
  EXPECT_EQ(c.article.title,
            "Interior Minister meets with senior coalition general on "
            "anti-ISIS fight");
  EXPECT_EQ(c.article.dateline, "Erbil");
  EXPECT_EQ(c.article.copyright_year, 2021);

  const Event* meet = FindEvent(
      c, "CONSULT",
      "met with the Deputy Commanding General of the US-led coalition");
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->source.actor.Code(), "IRQGOV");
  EXPECT_EQ(meet->source.actor.region, "Kurdistan Region");
  EXPECT_EQ(meet->source.person, "Reber Ahmed");
  EXPECT_EQ(meet->target.actor.Code(), "USAMIL");
  ASSERT_TRUE(meet->place.has_value());
  EXPECT_EQ(meet->place->country, "IQ");
  EXPECT_NEAR(meet->place->lat, 36.19, 0.1);
  ASSERT_TRUE(meet->date.has_value());
  EXPECT_EQ(meet->date->year_hint, 2021);

  const Event* push =
      FindEvent(c, "FIGHT", "Iraqi forces pushed Peshmerga forces out");
  ASSERT_NE(push, nullptr);
  EXPECT_EQ(push->cameo.substr(0, 2), "19");
  EXPECT_EQ(push->source.actor.Code(), "IRQMIL");
  EXPECT_EQ(push->target.actor.Code(), "IRQMIL");
  EXPECT_EQ(push->target.actor.region, "Kurdistan Region");
  ASSERT_TRUE(push->date && push->date->value);
  EXPECT_EQ(push->date->value->ToIso(), "2017-10");

  const Event* meetings = FindEvent(
      c, "CONSULT", "Peshmerga officials recently had several meetings");
  ASSERT_NE(meetings, nullptr);
  EXPECT_EQ(meetings->source.actor.Code(), "IRQGOV");
  EXPECT_EQ(meetings->target.actor.Code(), "IRQMIL");
  ASSERT_TRUE(meetings->place.has_value());
  EXPECT_EQ(meetings->place->name, "Baghdad");

  // Every evidence span maps back to the same words in the raw page.
  for (const Event& e : c.events) {
    const size_t start = c.article.ToInputOffset(e.evidence.start);
    const std::string sentence = c.article.body.substr(
        e.evidence.start, e.evidence.end - e.evidence.start);
    EXPECT_EQ(c.document.content.substr(start, sentence.size()), sentence);
  }
}

// testdata/pages/kirkuk_attack.txt: expectations checked by hand against the
// page.
TEST_F(PipelineTest, GoldenKirkukPage) {
  CodedArticle c = CodeFile(DATELINE_TESTDATA_DIR "/pages/kirkuk_attack.txt");
  const Article& a = c.article;
  EXPECT_EQ(a.title, "Gunmen kill four police officers in attack near Kirkuk");
  EXPECT_EQ(a.dateline, "Kirkuk");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Staff Writer"});
  EXPECT_EQ(a.copyright_year, 2022);
  EXPECT_EQ(a.paragraphs.size(), 5u);
  for (const char* furniture : {"Read More", "Edited by", "Copyright",
                                "App Store", "Site Map", "(Photo:"}) {
    EXPECT_EQ(a.body.find(furniture), std::string::npos) << furniture;
  }

  const Event* attack = FindEvent(
      c, "FIGHT", "Suspected ISIS militants attacked a police checkpoint");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(attack->source.actor.organization, "ISIS");
  EXPECT_EQ(attack->acled.event_type, AcledEventType::kBattles);
  ASSERT_TRUE(attack->date.has_value());
  EXPECT_EQ(attack->date->relative,
            "Tuesday before publication");  // no publication date printed
  EXPECT_EQ(attack->date->year_hint, 2022);

  const Event* kill = FindEvent(c, "ASSAULT", "killing four police officers");
  ASSERT_NE(kill, nullptr);
  EXPECT_EQ(kill->source.actor.organization,
            "ISIS");  // the participle clause's subject
  EXPECT_EQ(kill->target.actor.sectors, std::vector<std::string>{"COP"});
  EXPECT_EQ(kill->fatalities, 4);

  const Event* arrest = FindEvent(c, "COERCE", "arrested two suspects");
  ASSERT_NE(arrest, nullptr);
  EXPECT_EQ(arrest->source.actor.Code(), "IRQMIL");
  EXPECT_EQ(arrest->acled.sub_event_type, AcledSubEventType::kArrests);
  ASSERT_TRUE(arrest->place.has_value());
  EXPECT_EQ(arrest->place->country, "IQ");

  const Event* condemn = FindEvent(c, "DISAPPROVE", "condemned the attack");
  ASSERT_NE(condemn, nullptr);
  EXPECT_EQ(condemn->source.actor.Code(), "IRQGOV");

  // "Officials did not say whether ...": a comment verb attributes, it is no
  // event.
  for (const Event& e : c.events) {
    EXPECT_EQ(e.trigger.find("say"), std::string::npos) << e.trigger;
    EXPECT_NE(e.target.text, "Officials")
        << "a passive in a 'whether' clause must not take the outer subject";
  }
}

TEST_F(PipelineTest, PublicationDateFromTheInputResolvesWeekdays) {
  Document doc;
  doc.id = "t1";
  doc.kind = InputKind::kText;
  doc.content =
      "Iraqi forces attacked ISIS militants near Mosul on Thursday, killing "
      "six.";
  doc.published = PartialDate{2021, 6, 5};  // a Saturday
  auto coded = pipeline_->Code(doc);
  ASSERT_TRUE(coded.ok());
  ASSERT_FALSE(coded->events.empty());
  const Event& e = coded->events.front();
  ASSERT_TRUE(e.date && e.date->value);
  EXPECT_EQ(e.date->value->ToIso(), "2021-06-03");
  EXPECT_EQ(e.fatalities, 6);
  EXPECT_EQ(coded->article.published_source, DateSource::kInput);
}

// Conflict-event notes in the style of ACLED's own (written for this test): the
// event date is the leading date, the place the named town read with its
// qualifiers, the report's label and each event's ACLED type follow from the
// coded events, and fatalities are read from the note.
TEST_F(PipelineTest, AcledStyleNotesGiveDatePlaceTypeAndFatalities) {
  struct NoteCase {
    const char* note;
    const char* date;
    const char* label;
    std::optional<int> fatalities;
    const char* place;    // gazetteer name, checked when the gazetteer is built
    const char* country;  // ISO alpha-2
  };
  const NoteCase cases[] = {
      {"On 9 May 2020, medical interns protested in a square of Haifa city, "
       "demanding shorter shifts.",
       "2020-05-09", "PEACE_PROTEST", std::nullopt, "Haifa", "IL"},
      {"On 14 March 2023, in Carvajal, Trujillo state, residents blocked a "
       "road to protest water shortages.",
       "2023-03-14", "PEACE_PROTEST", std::nullopt, "Carvajal", "VE"},
      {"On 2 June 2022, unidentified gunmen shot dead two traders at a market "
       "in Nellore town (Nellore, AP). "
       "2 fatalities.",
       "2022-06-02", "ATTACK", 2, "Nellore", "IN"},
      {"On 30 April 2021, a roadside bomb struck a military convoy near "
       "Kismayo (Kismayo, Lower Juba), killing "
       "three soldiers.",
       "2021-04-30", "REM_EXPLOS", 3, "Kismayo", "SO"},
      {"On 7 August 2020, police fired tear gas to disperse students "
       "protesting against fee increases.",
       "2020-08-07", "PROTEST_WITH_INTER", std::nullopt, nullptr, nullptr},
  };
  const bool gazetteer = fs::exists(DATELINE_TEST_GAZETTEER);
  for (const NoteCase& c : cases) {
    Document doc;
    doc.id = "note";
    doc.kind = InputKind::kText;
    doc.content = c.note;
    auto coded = pipeline_->Code(doc);
    ASSERT_TRUE(coded.ok()) << c.note;
    EXPECT_STREQ(CaseLabelName(coded->event_label), c.label) << c.note;
    const Event* typed = nullptr;
    for (const Event& e : coded->events) {
      if (!typed && e.acled.event_type != AcledEventType::kNone) typed = &e;
    }
    ASSERT_NE(typed, nullptr) << c.note;
    ASSERT_TRUE(typed->date && typed->date->value) << c.note;
    EXPECT_EQ(typed->date->value->ToIso(), c.date) << c.note;
    if (c.fatalities) {
      int most = 0;
      for (const Event& e : coded->events)
        most = std::max(most, e.fatalities.value_or(0));
      EXPECT_EQ(most, *c.fatalities) << c.note;
    }
    if (gazetteer && c.place) {
      ASSERT_TRUE(typed->place.has_value()) << c.note;
      EXPECT_EQ(typed->place->name, c.place) << c.note;
      EXPECT_EQ(typed->place->country, c.country) << c.note;
    }
  }
}

TEST_F(PipelineTest, HostileInputsDoNotStopThePipeline) {
  for (const char* content :
       {"", "   \n\n  ", "<<<>>>", "\xEF\xBF\xBD\xEF\xBF\xBD", "a. b. c. d."}) {
    for (InputKind kind :
         {InputKind::kPageText, InputKind::kHtml, InputKind::kText}) {
      Document doc;
      doc.id = "junk";
      doc.kind = kind;
      doc.content = content;
      auto coded = pipeline_->Code(doc);
      ASSERT_TRUE(coded.ok()) << coded.error().ToString();
      EXPECT_TRUE(coded->events.empty());
    }
  }
}

// A document still being coded when its time budget runs out is cut short with
// a warning that says where; without a budget the same document is coded whole.
TEST(PipelineBudgetTest, ADocumentPastItsTimeBudgetIsCutShortWithAWarning) {
  std::string text;
  for (int i = 0; i < 3000; ++i)
    text +=
        "Gunmen attacked a police checkpoint in Kirkuk on Monday, officials "
        "said. ";
  Document doc;
  doc.id = "long";
  doc.kind = InputKind::kText;
  doc.content = text;
  size_t cut_events = 0;
  for (const int budget_ms : {1, 0}) {
    PipelineOptions options;
    options.data_dir = DATELINE_TEST_DATA_DIR;
    if (fs::exists(DATELINE_TEST_GAZETTEER))
      options.gazetteer_file = DATELINE_TEST_GAZETTEER;
    options.document_time_budget = std::chrono::milliseconds(budget_ms);
    auto pipeline = Pipeline::Create(options);
    ASSERT_TRUE(pipeline.ok()) << pipeline.error().ToString();
    auto coded = (*pipeline)->Code(doc);
    ASSERT_TRUE(coded.ok()) << coded.error().ToString();
    const bool warned = std::any_of(
        coded->warnings.begin(), coded->warnings.end(),
        [](const std::string& w) {
          return w.find("time budget of 1 ms per document ran out during") !=
                 std::string::npos;
        });
    if (budget_ms == 1) {
      EXPECT_TRUE(warned);
      cut_events = coded->events.size();
    } else {
      EXPECT_FALSE(warned);
      EXPECT_FALSE(coded->events.empty());
      EXPECT_LE(cut_events, coded->events.size());
    }
  }
}

// Of a body longer than max_coded_body_bytes, the part up to a sentence end
// before the limit is coded; the record keeps the whole body and says what was
// not coded.
TEST(PipelineBudgetTest, ABodyPastTheCodedSizeIsCodedUpToASentenceEndBeforeIt) {
  std::string text;
  while (text.size() < 5000)
    text += "Gunmen attacked a police checkpoint in Kirkuk on Monday. ";
  Document doc;
  doc.id = "long";
  doc.kind = InputKind::kText;
  doc.content = text;
  PipelineOptions options;
  options.data_dir = DATELINE_TEST_DATA_DIR;
  if (fs::exists(DATELINE_TEST_GAZETTEER))
    options.gazetteer_file = DATELINE_TEST_GAZETTEER;
  options.max_coded_body_bytes = 1000;
  auto pipeline = Pipeline::Create(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.error().ToString();
  auto coded = (*pipeline)->Code(doc);
  ASSERT_TRUE(coded.ok()) << coded.error().ToString();
  EXPECT_EQ(coded->article.body.size(),
            text.size() - 1);  // the final space is trimmed
  ASSERT_FALSE(coded->events.empty());
  for (const Event& e : coded->events) EXPECT_LE(e.evidence.end, 1000u);
  // 17 sentences of 57 bytes fit in 1000 bytes; the cut is after the 17th full
  // stop.
  EXPECT_EQ(coded->sentence_count, 17u);
  EXPECT_NE(
      std::find(coded->warnings.begin(), coded->warnings.end(),
                "the body has " + std::to_string(coded->article.body.size()) +
                    " bytes; the first 968 were coded, the rest was not"),
      coded->warnings.end());
}

TEST(UrlHostTest, KeepsTheHostOnly) {
  EXPECT_EQ(UrlHost("https://www.Example.com/2021/06/03/story?x=1"),
            "example.com");
  EXPECT_EQ(UrlHost("http://news.example.org:8080/a"), "news.example.org");
  EXPECT_EQ(UrlHost("example.net/path"), "example.net");
  EXPECT_EQ(UrlHost(""), "");
}

// A local paper's earlier reports make its home region the likelier reading of
// an ambiguous name in a later report.
TEST_F(PipelineTest, EarlierReportsOfAPublicationInformItsLaterOnes) {
  if (!fs::exists(DATELINE_TEST_GAZETTEER))
    GTEST_SKIP() << "gazetteer not built";
  const auto doc = [](const std::string& id, const std::string& text) {
    Document d;
    d.id = id;
    d.url = "https://www.example-texas-paper.com/news/" + id;
    d.kind = InputKind::kText;
    d.content = text;
    return d;
  };
  // Arlington, Virginia is the bigger place; Arlington, Texas is the one a
  // Texan paper means.
  const auto arlington = [](const CodedArticle& c) {
    for (const PlaceMention& p : c.places) {
      if (p.name == "Arlington") return p.country + "/" + p.admin1;
    }
    return std::string("(none)");
  };
  const Document later = doc(
      "b",
      "Police in Arlington arrested two men after a robbery on Main Street.");
  auto alone = pipeline_->Code(later);
  ASSERT_TRUE(alone.ok());
  EXPECT_EQ(arlington(*alone), "US/Virginia");

  PublicationMemory memory;
  for (const char* text :
       {"Officials in Dallas and Austin met with Houston leaders.",
        "Storms hit Tyler, Waco and Lubbock overnight.",
        "A new clinic opened in Amarillo; another is planned in Abilene."}) {
    Document d = doc("a", text);
    auto coded = pipeline_->Code(d, memory.ContextFor(d));
    ASSERT_TRUE(coded.ok());
    memory.Remember(*coded);
  }
  EXPECT_TRUE(memory.ContextFor(later).publication_home.has_value());
  auto informed = pipeline_->Code(later, memory.ContextFor(later));
  ASSERT_TRUE(informed.ok());
  EXPECT_EQ(arlington(*informed), "US/Texas");
}

// A stream coded on several threads gives what one thread gives, in input
// order, publication context included: the Texan paper's later "Arlington" is
// read in Texas although it is handed to a thread before the reports that make
// Texas its home are done.
TEST_F(PipelineTest, StreamCoderOnThreadsEqualsOneThread) {
  if (!fs::exists(DATELINE_TEST_GAZETTEER))
    GTEST_SKIP() << "gazetteer not built";
  std::vector<Result<Document>> stream;
  const char* texts[] = {
      "Officials in Dallas and Austin met with Houston leaders.",
      "Storms hit Tyler, Waco and Lubbock overnight.",
      "A new clinic opened in Amarillo; another is planned in Abilene.",
      "Police in Arlington arrested two men after a robbery on Main Street."};
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 4; ++i) {
      Document d;
      d.id = "r" + std::to_string(round) + "-" + std::to_string(i);
      d.url = (round == 1 ? "https://wire.example.net/"
                          : "https://www.example-texas-paper.com/") +
              d.id;
      d.kind = InputKind::kText;
      // The wire's earlier reports name no place.
      d.content = round == 1 && i < 3 ? "The minister said talks would go on."
                                      : texts[i];
      stream.push_back(std::move(d));
    }
    stream.push_back(MakeError("broken.jsonl", "malformed JSON",
                               round + 1));  // delivered in its turn
  }
  const auto run = [&](int jobs) {
    PublicationMemory memory;
    std::vector<std::string> out;
    StreamCoder coder(
        *pipeline_, &memory, jobs,
        [](const CodedArticle& c) {
          std::string places;
          for (const PlaceMention& p : c.places)
            places += p.name + "/" + p.admin1 + ";";
          return c.document.id + " " + places;
        },
        [&](Result<CodedArticle> coded, std::string rendered) {
          out.push_back(coded.ok() ? rendered
                                   : "error: " + coded.error().ToString());
        });
    for (const Result<Document>& d : stream) coder.Add(d);
    coder.Finish();
    return out;
  };
  const std::vector<std::string> one = run(1);
  ASSERT_EQ(one.size(), stream.size());
  EXPECT_EQ(one[3].substr(0, 21), "r0-3 Arlington/Texas;");
  EXPECT_EQ(one[4], "error: broken.jsonl:1: malformed JSON");
  EXPECT_EQ(one[8].substr(0, 24), "r1-3 Arlington/Virginia;")
      << "the wire has no home";
  for (int jobs : {2, 4, 8}) EXPECT_EQ(run(jobs), one) << jobs << " threads";
}

TEST(PipelineCreateTest, BadDataDirIsAClearError) {
  PipelineOptions options;
  options.data_dir = "/nonexistent/dateline-data";
  auto pipeline = Pipeline::Create(options);
  ASSERT_FALSE(pipeline.ok());
  EXPECT_NE(pipeline.error().ToString().find("/nonexistent/dateline-data"),
            std::string::npos);
}

}  // namespace
}  // namespace dateline
