#include "events/events.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "actors/actors.h"
#include "core/table_file.h"
#include "events/tabari_discards.h"
#include "events/tabari_verbs.h"

namespace dateline {
namespace {

// Codes sentences against testdata/dict, a small fixed dictionary set.
class EventsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = DATELINE_TESTDATA_DIR "/dict";
    auto analyzer = TextAnalyzer::Create(dir);
    ASSERT_TRUE(analyzer.ok()) << analyzer.error().ToString();
    analyzer_ = std::move(analyzer).value().release();
    auto actors = ActorMatcher::Create(dir, *analyzer_);
    ASSERT_TRUE(actors.ok()) << actors.error().ToString();
    actors_ = std::move(actors).value().release();
    auto coder = EventCoder::Create(dir, *analyzer_);
    ASSERT_TRUE(coder.ok()) << coder.error().ToString();
    coder_ = std::move(coder).value().release();
  }
  static void TearDownTestSuite() {
    delete coder_;
    delete actors_;
    delete analyzer_;
  }

  static std::vector<Event> Code(const std::string& text,
                                 EventContext context = {}) {
    AnalyzedText a = analyzer_->Analyze(text);
    std::vector<ActorMention> mentions = actors_->FindActors(a, {});
    return coder_->Code(a, mentions, {}, {}, context);
  }

  static TextAnalyzer* analyzer_;
  static ActorMatcher* actors_;
  static EventCoder* coder_;
};
TextAnalyzer* EventsTest::analyzer_ = nullptr;
ActorMatcher* EventsTest::actors_ = nullptr;
EventCoder* EventsTest::coder_ = nullptr;

struct CodeCase {
  const char* construction;
  const char* text;
  const char* cameo;
  const char* plover;
  const char* source;  // CAMEO-style code, "" for none
  const char* target;
  bool negated;
  const char* modality;
};

TEST_F(EventsTest, CodesClauseConstructions) {
  const std::vector<CodeCase> cases = {
      {"active with slot",
       "Iraqi forces pushed Peshmerga forces out of the disputed areas.", "190",
       "FIGHT", "IRQMIL", "IRQMIL", false, "asserted"},
      {"active, target after trigger",
       "The Kurdistan Region's Minister of Interior, Reber Ahmed met with the "
       "Deputy Commanding General of the US-led coalition.",
       "040", "CONSULT", "IRQGOV", "USAMIL", false, "asserted"},
      {"support verb + noun",
       "Peshmerga officials recently had several meetings with the Iraqi army "
       "in Baghdad.",
       "040", "CONSULT", "IRQGOV", "IRQMIL", false, "asserted"},
      {"passive with by",
       "Six civilians were killed by ISIS militants on Monday.", "1823",
       "ASSAULT", "IMGINS", "CVL", false, "asserted"},
      {"passive without agent", "Three Syrian soldiers were killed.", "1823",
       "ASSAULT", "", "SYRMIL", false, "asserted"},
      {"negation", "Iraqi forces did not attack Peshmerga forces.", "180",
       "ASSAULT", "IRQMIL", "IRQMIL", true, "asserted"},
      {"future", "Hungarian officials will visit Romania next week.", "042",
       "CONSULT", "HUNGOV", "ROU", false, "future"},
      {"possible", "Syrian troops may attack ISIS.", "180", "ASSAULT", "SYRMIL",
       "IMGINS", false, "possible"},
      {"intention", "ISIS threatened to attack the Iraqi army.", "180",
       "ASSAULT", "IMGINS", "IRQMIL", false, "intended"},
      {"conditional", "If ISIS attacks, Iraqi forces would respond.", "180",
       "ASSAULT", "IMGINS", "", false, "conditional"},
      {"reported speech: the reported event",
       "Police said gunmen attacked Iraqi soldiers.", "180", "ASSAULT",
       "IRQINS", "IRQMIL", false,
       "asserted"},  // role nouns take the sentence's country
  };
  for (const CodeCase& c : cases) {
    std::vector<Event> events = Code(c.text);
    const Event* found = nullptr;
    for (const Event& e : events) {
      if (e.cameo == c.cameo) found = &e;
    }
    ASSERT_NE(found, nullptr) << c.construction << ": " << c.text;
    EXPECT_EQ(PloverName(found->plover), std::string(c.plover))
        << c.construction;
    EXPECT_EQ(found->source.actor.Code(), c.source) << c.construction;
    EXPECT_EQ(found->target.actor.Code(), c.target) << c.construction;
    EXPECT_EQ(found->negated, c.negated) << c.construction;
    EXPECT_EQ(ModalityName(found->modality), std::string(c.modality))
        << c.construction;
    EXPECT_FALSE(found->rules.empty());
    EXPECT_NE(found->rules.front().find("verbs.txt:"), std::string::npos)
        << found->rules.front();
  }
}

TEST_F(EventsTest, ReportedSpeechGivesStatementAndReportedEvent) {
  std::vector<Event> events =
      Code("Police said gunmen attacked Iraqi soldiers.");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].cameo, "010");
  EXPECT_EQ(events[0].source.actor.Code(),
            "IRQCOP");  // country from the sentence
  EXPECT_EQ(events[1].cameo, "180");
}

TEST_F(EventsTest, CompoundSubjectGivesOneEventPerActor) {
  std::vector<Event> events =
      Code("Hungarian and Romanian officials condemned ISIS.");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].source.actor.Code(), "HUNGOV");
  EXPECT_EQ(events[1].source.actor.Code(), "ROUGOV");
  EXPECT_EQ(events[1].target.actor.Code(), "IMGINS");
}

TEST_F(EventsTest, NounTriggersNeedAnExplicitDoer) {
  EXPECT_TRUE(
      Code("The minister spoke about the ongoing attack on ISIS.").empty() ||
      Code("The minister spoke about the ongoing attack on ISIS.")[0].cameo !=
          "180");
  // A count before the word makes it a noun ("three ISIS attacks", "two
  // artillery shells").
  EXPECT_TRUE(Code("Syria reported three ISIS attacks.").empty());
  std::vector<Event> by =
      Code("The attack on Iraqi soldiers by ISIS militants shocked officials.");
  ASSERT_FALSE(by.empty());
  EXPECT_EQ(by[0].cameo, "180");
  EXPECT_EQ(by[0].source.actor.Code(), "IMGINS");
}

TEST_F(EventsTest, CoordinationAndPronouns) {
  struct Case {
    const char* construction;
    const char* text;
    std::vector<std::string> triples;  // "SOURCE TARGET CAMEO", in text order
  };
  const std::vector<Case> cases = {
      {"coordinated objects",
       "Hungarian officials condemned Romania and Syria.",
       {"HUNGOV ROU 111", "HUNGOV SYR 111"}},
      {"list of objects",
       "ISIS attacked Romania, Syria and Hungary.",
       {"IMGINS ROU 180", "IMGINS SYR 180", "IMGINS HUN 180"}},
      {"subject carried to a coordinated verb",
       "Iraqi forces attacked ISIS and arrested Syrian soldiers.",
       {"IRQMIL IMGINS 180", "IRQMIL SYRMIL 173"}},
      {"pronoun subject after a statement",
       "Syria said it would attack ISIS.",
       {"SYR IMGINS 010", "SYR IMGINS 180"}},
      {"pronoun subject with nothing before",
       "On the talks with Syria, he condemned ISIS.",
       {}},
      {"about to", "Syria is about to attack ISIS.", {"SYR IMGINS 180"}},
      {"reciprocal verb with a compound subject",
       "Iraqi soldiers and ISIS fighters fought, Syrian officials reported.",
       {"IRQMIL IMGINS 190", "IMGINS IRQMIL 190"}},
      {"counted participle, headline style",
       "Two Syrian soldiers killed near the border.",
       {" SYRMIL 1823"}},
      {"counted subject of an active verb",
       "Thousands of Iraqi soldiers attacked ISIS near the border.",
       {"IRQMIL IMGINS 180"}},
      {"participle after a clause without an actor subject",
       "A fire swept through the base, killing two Syrian soldiers.",
       {" SYRMIL 1823"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got;
    for (const Event& e : Code(c.text)) {
      if (e.rules.end() != std::find_if(e.rules.begin(), e.rules.end(),
                                        [](const std::string& r) {
                                          return r.rfind("rule:stated-intent",
                                                         0) == 0;
                                        }))
        continue;  // the statement of intent beside a future act is tested
                   // elsewhere
      got.push_back(e.source.actor.Code() + " " + e.target.actor.Code() + " " +
                    e.cameo);
    }
    EXPECT_EQ(got, c.triples) << c.construction << ": " << c.text;
  }
}

TEST_F(EventsTest, CommentVerbsAttributeInsteadOfCoding) {
  std::vector<Event> events =
      Code("Iraqi forces attacked ISIS, Syrian officials tell reporters.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].cameo, "180");
  const auto attributed = std::find_if(
      events[0].rules.begin(), events[0].rules.end(), [](const std::string& r) {
        return r.rfind("rule:attributed-to \"Syrian officials\"", 0) == 0;
      });
  EXPECT_NE(attributed, events[0].rules.end())
      << ::testing::PrintToString(events[0].rules);
  EXPECT_EQ(Code("ISIS attacked Syria, adds Iraqi officials.").size(), 1u);
}

TEST_F(EventsTest, CountsFatalities) {
  struct Case {
    const char* text;
    int fatalities;
  };
  const std::vector<Case> cases = {
      {"ISIS militants attacked a village, killing 6 civilians.", 6},
      {"More than 20 Iraqi soldiers were killed by ISIS militants.", 20},
      {"Gunmen killed six civilians in 2021.", 6},
  };
  for (const Case& c : cases) {
    std::vector<Event> events = Code(c.text);
    ASSERT_FALSE(events.empty()) << c.text;
    ASSERT_TRUE(events[0].fatalities.has_value()) << c.text;
    EXPECT_EQ(*events[0].fatalities, c.fatalities) << c.text;
  }
}

TEST_F(EventsTest, EvidenceIsTheSentenceAndDatesFallBackToPublication) {
  const std::string text =
      "Officials spoke. Later, Iraqi forces attacked ISIS.";
  EventContext context;
  context.published = PartialDate{2021, 6, 3};
  std::vector<Event> events = Code(text, context);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(text.substr(events[0].evidence.start,
                        events[0].evidence.end - events[0].evidence.start),
            "Later, Iraqi forces attacked ISIS.");
  ASSERT_TRUE(events[0].date.has_value());
  EXPECT_EQ(events[0].date->value, (PartialDate{2021, 6, 3}));
  EXPECT_EQ(events[0].acled.event_type,
            AcledEventType::kViolenceAgainstCivilians);
}

TEST_F(EventsTest, LooksUpTheCodebook) {
  EXPECT_EQ(coder_->Cameo("040")->plover, Plover::kConsult);
  EXPECT_EQ(coder_->Cameo("141")->acled.sub_event_type,
            AcledSubEventType::kPeacefulProtest);
  EXPECT_EQ(coder_->Cameo("999"), nullptr);
  EXPECT_GT(coder_->pattern_count(), 10u);
}

TEST_F(EventsTest, BadVerbLinesNameFileLineAndProblem) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("dateline_events_bad_" + std::to_string(::getpid()));
  fs::create_directories(dir / "events");
  std::ofstream(dir / "events/cameo.txt") << "040 | Consult | CONSULT |  | \n";
  fs::copy_file(DATELINE_TEST_DATA_DIR "/events/function_words.txt",
                dir / "events/function_words.txt");
  struct Case {
    const char* verbs;
    const char* problem;
  };
  const std::vector<Case> cases = {
      {"meet | 040 | meet\nvisit | 042 | visit\n",
       "\"042\" is not in events/cameo.txt"},
      {"meet | 040\n", "expected 3 fields"},
      {"meet | 040 | + ...\n", "has no word to anchor it"},
      {"meet | 040 | ;\n", "at least one pattern"},
  };
  for (const Case& c : cases) {
    std::ofstream(dir / "events/verbs.txt") << c.verbs;
    auto coder = EventCoder::Create(dir.string(), *analyzer_);
    ASSERT_FALSE(coder.ok()) << c.verbs;
    const std::string message = coder.error().ToString();
    EXPECT_NE(message.find("verbs.txt:"), std::string::npos) << message;
    EXPECT_NE(message.find(c.problem), std::string::npos) << message;
  }
  fs::remove_all(dir);
}

// cameo.txt's ACLED columns and incidents.txt's labels are read as the enums of
// core/record.h: an ACLED name that is none of them is an error at its line.
TEST_F(EventsTest, BadAcledNamesInCameoAndIncidentsNameFileAndLine) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("dateline_events_acled_" + std::to_string(::getpid()));
  fs::create_directories(dir / "events");
  fs::copy_file(DATELINE_TEST_DATA_DIR "/events/function_words.txt",
                dir / "events/function_words.txt");
  std::ofstream(dir / "events/verbs.txt") << "meet | 040 | meet\n";
  struct Case {
    const char* cameo;
    const char* incidents;  // null: no incidents.txt
    const char* where;
    const char* problem;
  };
  const std::vector<Case> cases = {
      {"040 | Consult | CONSULT | Battle | Armed clash\n", nullptr,
       "cameo.txt:1", "\"Battle\" is no ACLED event type"},
      {"040 | Consult | CONSULT |  | \n190 | Fight | FIGHT | Riots | Armed "
       "clash\n",
       nullptr, "cameo.txt:2", "\"Armed clash\" is no sub-event type of"},
      {"040 | Consult | CONSULT | Battles | \n", nullptr, "cameo.txt:1",
       "\"\" is no sub-event type of \"Battles\""},
      {"040 | Consult | CONSULT |  | \n", "quake | FLOOD | earthquake\n",
       "incidents.txt:1", "\"FLOOD\" is not a sub-event type of \"Other\""},
      {"040 | Consult | CONSULT |  | \n", "clash | Armed clash | clash\n",
       "incidents.txt:1", "is not a sub-event type of \"Other\""},
  };
  for (const Case& c : cases) {
    std::ofstream(dir / "events/cameo.txt") << c.cameo;
    fs::remove(dir / "events/incidents.txt");
    if (c.incidents) std::ofstream(dir / "events/incidents.txt") << c.incidents;
    auto coder = EventCoder::Create(dir.string(), *analyzer_);
    ASSERT_FALSE(coder.ok()) << c.cameo;
    const std::string message = coder.error().ToString();
    EXPECT_NE(message.find(c.where), std::string::npos) << message;
    EXPECT_NE(message.find(c.problem), std::string::npos) << message;
  }
  std::ofstream(dir / "events/cameo.txt")
      << "040 | Consult | CONSULT | Battles | Armed clash\n";
  std::ofstream(dir / "events/incidents.txt")
      << "quake | NATURAL_DISASTER | earthquake\n";
  EXPECT_TRUE(EventCoder::Create(dir.string(), *analyzer_).ok());
  fs::remove_all(dir);
}

// The clause rules read their words from events/function_words.txt: a data
// folder whose file lacks "never" among the negations codes "never attacked"
// as asserted, and one whose file does not parse does not load.
TEST_F(EventsTest, ReadsItsFunctionWordsFromTheDataFolder) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("dateline_events_words_" + std::to_string(::getpid()));
  fs::create_directories(dir / "events");
  for (const char* file : {"cameo.txt", "verbs.txt", "attribution.txt"})
    fs::copy_file(fs::path(DATELINE_TESTDATA_DIR "/dict/events") / file,
                  dir / "events" / file);
  auto shipped = ReadFile(DATELINE_TEST_DATA_DIR "/events/function_words.txt");
  ASSERT_TRUE(shipped.ok()) << shipped.error().ToString();
  const std::string negations = "list | negations | not; n't; never; no\n";
  const size_t at = shipped->find(negations);
  ASSERT_NE(at, std::string::npos);
  const std::string text = "Iraqi forces never attacked Peshmerga forces.";
  const auto negated = [&](const EventCoder& coder) {
    AnalyzedText a = analyzer_->Analyze(text);
    std::vector<Event> events =
        coder.Code(a, actors_->FindActors(a, {}), {}, {}, {});
    EXPECT_EQ(events.size(), 1u);
    return !events.empty() && events[0].negated;
  };
  EXPECT_TRUE(negated(*coder_));

  std::string without_never = *shipped;
  without_never.replace(at, negations.size(),
                        "list | negations | not; n't; no\n");
  std::ofstream(dir / "events/function_words.txt") << without_never;
  auto coder = EventCoder::Create(dir.string(), *analyzer_);
  ASSERT_TRUE(coder.ok()) << coder.error().ToString();
  EXPECT_FALSE(negated(**coder));

  // The line of the file that is wrong is named.
  const size_t line = static_cast<size_t>(
      std::count(shipped->begin(), shipped->begin() + at, '\n') + 1);
  std::string bad = *shipped;
  bad.replace(at, negations.size(), "list | negation | not\n");
  std::ofstream(dir / "events/function_words.txt") << bad;
  auto broken = EventCoder::Create(dir.string(), *analyzer_);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().ToString().find(
                "function_words.txt:" + std::to_string(line) +
                ": unknown list \"negation\""),
            std::string::npos)
      << broken.error().ToString();

  fs::remove(dir / "events/function_words.txt");
  auto missing = EventCoder::Create(dir.string(), *analyzer_);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().input.find("events/function_words.txt"),
            std::string::npos)
      << missing.error().ToString();
  fs::remove_all(dir);
}

TEST(EventCoderRealDataTest, LoadsTheShippedDictionaries) {
  auto analyzer = TextAnalyzer::Create(DATELINE_TEST_DATA_DIR);
  ASSERT_TRUE(analyzer.ok()) << analyzer.error().ToString();
  auto coder = EventCoder::Create(DATELINE_TEST_DATA_DIR, **analyzer);
  ASSERT_TRUE(coder.ok()) << coder.error().ToString();
  EXPECT_GT((*coder)->pattern_count(), 500u);
  ASSERT_NE((*coder)->Cameo("190"), nullptr);
}

TEST_F(EventsTest, StatedIntentAddsAgreeOrThreatenBeforeTheAct) {
  struct Case {
    const char* text;
    const char* intent_plover;  // "" when no intent event is expected
    const char* act_cameo;
  };
  const std::vector<Case> cases = {
      {"Hungarian officials will visit Romania next week.", "AGREE", "042"},
      {"Syrian troops may attack ISIS.", "THREATEN", "180"},
      {"ISIS threatened to attack the Iraqi army.", "",
       "180"},                                     // "threaten" codes it
      {"Iraqi forces attacked ISIS.", "", "180"},  // asserted: no intent
  };
  for (const Case& c : cases) {
    std::vector<Event> events = Code(c.text);
    const Event* act = nullptr;
    const Event* intent = nullptr;
    for (const Event& e : events) {
      if (e.cameo == c.act_cameo) act = &e;
      for (const std::string& r : e.rules) {
        if (r.rfind("rule:stated-intent", 0) == 0) intent = &e;
      }
    }
    ASSERT_NE(act, nullptr) << c.text;
    if (*c.intent_plover == '\0') {
      EXPECT_EQ(intent, nullptr) << c.text;
      continue;
    }
    ASSERT_NE(intent, nullptr) << c.text;
    EXPECT_EQ(PloverName(intent->plover), std::string(c.intent_plover))
        << c.text;
    EXPECT_EQ(intent->modality, Modality::kAsserted);
    EXPECT_EQ(intent->source.actor.Code(), act->source.actor.Code());
    EXPECT_LT(intent - events.data(), act - events.data())
        << "the intent comes first";
  }
}

TEST_F(EventsTest, ReportedObligationIsADemandOnTheAddressee) {
  std::vector<Event> events =
      Code("Hungarian officials said Romania must attack ISIS.");
  const Event* demand = nullptr;
  for (const Event& e : events) {
    if (e.plover == Plover::kDemand) demand = &e;
  }
  ASSERT_NE(demand, nullptr);
  EXPECT_EQ(demand->source.actor.Code(), "HUNGOV");
  EXPECT_EQ(demand->target.actor.Code(), "ROU");
}

TEST_F(EventsTest, RoleNounsTakeTheCountryOfTheirSentence) {
  std::vector<Event> events = Code("Police arrested protesters in Syria.");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front().source.actor.Code(), "SYRCOP");
}

TEST_F(EventsTest, RecordsInjuriesArrestsAndCrowdSizes) {
  struct Case {
    const char* text;
    const char* cameo;
    const char* quantity;  // the rule expected on the event
    std::optional<int> Event::*field;
    int value;
  };
  const std::vector<Case> cases = {
      {"Gunmen attacked Iraqi soldiers, killing 3 and wounding 5.", "180",
       "quantity:injured 5", &Event::injured, 5},
      {"Police arrested 12 protesters in Baghdad.", "173",
       "quantity:arrested 12", &Event::arrested, 12},
      {"Up to 100 Hungarians protested in Budapest.", "141",
       "quantity:crowd 100", &Event::crowd_size, 100},
      {"Thousands of Syrians protested.", "141", "quantity:crowd 2000",
       &Event::crowd_size, 2000},
  };
  for (const Case& c : cases) {
    const Event* found = nullptr;
    std::vector<Event> events = Code(c.text);
    for (const Event& e : events) {
      if (e.cameo == c.cameo) found = &e;
    }
    ASSERT_NE(found, nullptr) << c.text;
    EXPECT_NE(std::find(found->rules.begin(), found->rules.end(), c.quantity),
              found->rules.end())
        << c.text;
    EXPECT_EQ(found->*c.field, c.value) << c.text;
  }
}

// Renders a pattern item for comparison: words joined by " ", alternatives by
// "|", slots as written, "_" after an item joined to the next.
std::string RenderItems(const std::vector<TabariItem>& items) {
  std::string out;
  for (const TabariItem& item : items) {
    if (!out.empty()) out += " ";
    switch (item.kind) {
      case TabariItem::Kind::kTarget:
        out += "+";
        break;
      case TabariItem::Kind::kSource:
        out += "$";
        break;
      case TabariItem::Kind::kCompound:
        out += "%";
        break;
      case TabariItem::Kind::kSkip:
        out += "^";
        break;
      case TabariItem::Kind::kPhrase:
        for (size_t a = 0; a < item.alternatives.size(); ++a) {
          if (a) out += "|";
          for (size_t w = 0; w < item.alternatives[a].size(); ++w)
            out += (w ? " " : "") + item.alternatives[a][w];
        }
        break;
    }
    if (item.joined_to_next) out += "_";
  }
  return out;
}

TEST(TabariVerbsTest, ReadsBlocksVerbsSynsetsAndPatterns) {
  auto blocks = ParseTabariVerbs(
      "<!-- A header\n   comment -->\n"
      "&TIES_\n+MILITARY\n+ECONOMIC_TRADE\n"
      "&MORE\n+&TIES\n+CLOSER\n"
      "--- SCOLD [111] ---\n"
      "SCOLD\n"
      "+TELL_OFF {+TOLD_OFF +TELLS_OFF} [112:113]\n"
      "WIRE_+TAP {WIRE_+TAPPED}\n"
      "- * + FOR [112]  # why\n"
      "- SAID $ * OVER  \n"
      "- NEW_&TIES_RELATIONS * [903]\n"
      "- * {FINANCIAL AID} (WITH &MORE) [07A]\n"
      "- * DIPLXMATIC [###] # a [###] in a comment\n"
      "- * &UNDEFINED [111]\n"
      "- * RATHER [---]\n"
      "~ a (a b WILL_ATTACK) SAY = a b 138\n"
      "--- QUIET ---\nHUSH\n",
      "x.verbs");
  ASSERT_TRUE(blocks.ok()) << blocks.error().ToString();
  ASSERT_EQ(blocks->size(), 2u);
  const TabariVerbBlock& b = (*blocks)[0];
  EXPECT_EQ(b.name, "SCOLD");
  EXPECT_EQ(b.code.code, "111");
  EXPECT_EQ(b.line, 9);
  ASSERT_EQ(b.verbs.size(), 3u);
  EXPECT_EQ(b.verbs[0].forms, (std::vector<std::string>{"scold"}));
  EXPECT_FALSE(b.verbs[0].has_code);
  EXPECT_EQ(b.verbs[1].forms,
            (std::vector<std::string>{"tell", "told", "tells"}));
  EXPECT_EQ(b.verbs[1].words_after, (std::vector<std::string>{"off"}));
  EXPECT_TRUE(b.verbs[1].has_code);
  EXPECT_EQ(b.verbs[1].code.code, "112");
  EXPECT_EQ(b.verbs[1].code.paired, "113");
  EXPECT_EQ(b.verbs[2].words_before, (std::vector<std::string>{"wire"}));
  EXPECT_EQ(b.verbs[2].forms, (std::vector<std::string>{"tap", "tapped"}));
  ASSERT_EQ(b.patterns.size(),
            5u);  // "[###]" and the undefined synset: ignored
  EXPECT_TRUE(b.patterns[4].code.codes_nothing);  // "[---]"
  EXPECT_FALSE(b.patterns[4].code.not_a_code);
  EXPECT_EQ(RenderItems(b.patterns[0].after), "+ for");
  EXPECT_EQ(b.patterns[0].code.code, "112");
  EXPECT_EQ(b.patterns[0].line, 13);
  EXPECT_EQ(RenderItems(b.patterns[1].before), "said $");
  EXPECT_EQ(RenderItems(b.patterns[1].after), "over");
  EXPECT_EQ(b.patterns[1].code.code, "111");  // no code: the block's
  EXPECT_EQ(RenderItems(b.patterns[2].before),
            "new military relations|new economic trade relations");
  EXPECT_EQ(RenderItems(b.patterns[3].after),
            "financial aid with military|economic trade|closer");
  EXPECT_EQ(b.patterns[3].code.code,
            "07A");  // codes outside CAMEO pass through
  EXPECT_TRUE(
      (*blocks)[1].code.codes_nothing);  // a block without a code codes nothing
}

TEST(TabariVerbsTest, SkipsPatternsWithoutOneVerbAndSaysSo) {
  std::vector<Error> skipped;
  auto blocks = ParseTabariVerbs(
      "--- GIVE [070] ---\nGIVE\n- * COMMIT * AID [033]\n- * AID [073]\n- "
      "TIVILIAN [202]\n",
      "x.verbs", &skipped);
  ASSERT_TRUE(blocks.ok()) << blocks.error().ToString();
  ASSERT_EQ((*blocks)[0].patterns.size(), 1u);
  ASSERT_EQ(skipped.size(), 2u);
  EXPECT_EQ(skipped[0].line, 3);
  EXPECT_NE(skipped[0].message.find("more than one"), std::string::npos);
  EXPECT_EQ(skipped[1].line, 5);
  EXPECT_NE(skipped[1].message.find("no \"*\""), std::string::npos);
}

TEST(TabariVerbsTest, ReadsTheShippedDictionaries) {
  for (const char* name :
       {"PETR.Validate.verbs.txt", "CAMEO.2.0.txt", "CAMEO.2.0_unsorted.txt",
        "CAMEO.verbpatterns.150430.txt", "newdict.txt"}) {
    const std::string path =
        std::string(DATELINE_SHARED_DIR "/peers/petrarch2/dictionaries/") +
        name;
    auto text = ReadFile(path);
    if (!text.ok()) GTEST_SKIP() << "../shared not present";
    auto blocks = ParseTabariVerbs(*text, path);
    ASSERT_TRUE(blocks.ok()) << blocks.error().ToString();
    EXPECT_GT(blocks->size(), 100u) << name;
  }
}

TEST(TabariDiscardsTest, ReadsAndMatchesAsPetrarchDoes) {
  auto list = ParseDiscards(
      "<!-- header -->\n# comment\nMONTHS LATER\n+World Golf Championships  # "
      "sport\n"
      "BATSM\nBASEBALL_\n",
      "x.discards");
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  ASSERT_EQ(list->size(), 4u);
  EXPECT_TRUE((*list)[1].story);
  DiscardList discards;
  discards.Add(*list);
  const auto Discarded = [&](std::string_view text, bool story) {
    return discards.Discarded(text, story);
  };
  EXPECT_TRUE(Discarded("He returned months later to the capital.", false));
  EXPECT_FALSE(Discarded("He returned months later to the capital.", true));
  EXPECT_TRUE(Discarded("They won the world golf championships.", true));
  EXPECT_TRUE(Discarded("Two batsmen were out.", false));  // a stem
  EXPECT_FALSE(
      Discarded("The baseballs were sold.", false));  // "_": a whole word
  EXPECT_TRUE(Discarded("Baseball, they said.", false));
  EXPECT_FALSE(Discarded("Arnor met Gondor.", false));
  // Phrases shorter than the index prefix, and phrases at the text's start.
  DiscardList short_list;
  short_list.Add({Discard{" ab", false, false}, Discard{" x", true, false}});
  EXPECT_TRUE(short_list.Discarded("Abbey road", false));
  EXPECT_TRUE(short_list.Discarded("the x factor", false));
  EXPECT_FALSE(short_list.Discarded("the xylophone", false));
  auto bad = ParseDiscards("OK\n+  \n", "bad.discards");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().line, 2);
  EXPECT_NE(bad.error().message.find("empty discard phrase"),
            std::string::npos);
}

// Differential: the indexed list answers as a plain search of every phrase
// would.
TEST(TabariDiscardsTest, IndexAgreesWithAPlainSearch) {
  const std::vector<std::string> words = {"a",  "ab",  "abc",   "abcd", "b",
                                          "ba", "cup", "world", "x"};
  std::vector<Discard> list;
  for (size_t i = 0; i < words.size(); ++i) {
    list.push_back(Discard{" " + words[i], i % 2 == 0, i % 3 == 0});
    list.push_back(Discard{" " + words[i] + " " + words[(i + 3) % words.size()],
                           i % 2 == 1, false});
  }
  DiscardList indexed;
  indexed.Add(list);
  const auto plain = [&](const std::string& text, bool story) {
    const std::string lower = " " + text;
    for (const Discard& d : list) {
      if (d.story != story) continue;
      for (size_t at = lower.find(d.phrase); at != std::string::npos;
           at = lower.find(d.phrase, at + 1)) {
        const size_t end = at + d.phrase.size();
        if (!d.whole || end == lower.size() ||
            !std::isalnum(static_cast<unsigned char>(lower[end])))
          return true;
      }
    }
    return false;
  };
  uint32_t state = 12345;
  const auto next = [&] { return state = state * 1103515245u + 12345u; };
  for (int n = 0; n < 2000; ++n) {
    std::string text;
    const size_t count = next() % 6;
    for (size_t w = 0; w < count; ++w) {
      if (w) text += (next() % 4 == 0) ? ", " : " ";
      text += words[next() % words.size()];
      if (next() % 5 == 0) text += "s";
    }
    for (bool story : {false, true})
      EXPECT_EQ(indexed.Discarded(text, story), plain(text, story)) << text;
  }
}

TEST(TabariVerbsTest, BadLinesNameFileLineAndProblem) {
  struct Case {
    const char* text;
    int line;
    const char* problem;
  };
  const std::vector<Case> cases = {
      {"SCOLD\n", 1, "before any"},
      {"- * FOR [111]\n", 1, "before any"},
      {"--- [111] ---\n", 1, "needs a NAME"},
      {"--- SCOLD [111 ---\n", 1, "without \"]\""},
      {"&S\n+&NOPE\n", 2, "not defined"},
      {"--- SCOLD [111] ---\nSCOLD\n- * FOR []\n", 3, "empty event code"},
      {"--- SCOLD [111] ---\nSCOLD\n- * FOR [1 1]\n", 3, "malformed"},
      {"--- SCOLD [111] ---\nSCOLD {SCOLDED\n", 2, "without \"}\""},
      {"&S\n+A\n+B *\n", 3, "only words"},
  };
  for (const Case& c : cases) {
    auto blocks = ParseTabariVerbs(c.text, "bad.verbs");
    ASSERT_FALSE(blocks.ok()) << c.text;
    EXPECT_EQ(blocks.error().line, c.line) << c.text;
    EXPECT_EQ(blocks.error().input, "bad.verbs");
    EXPECT_NE(blocks.error().message.find(c.problem), std::string::npos)
        << c.text << ": " << blocks.error().message;
  }
}

TEST_F(EventsTest, CodesWithAnExtraTabariVerbDictionary) {
  EventCoderOptions options;
  options.verb_files = {DATELINE_TESTDATA_DIR "/dict/tabari/sample.verbs"};
  auto coder =
      EventCoder::Create(DATELINE_TESTDATA_DIR "/dict", *analyzer_, options);
  ASSERT_TRUE(coder.ok()) << coder.error().ToString();
  EXPECT_GT((*coder)->pattern_count(), coder_->pattern_count());
  AnalyzedText a =
      analyzer_->Analyze("Hungarian officials lambasted Romania publicly.");
  std::vector<Event> events =
      (*coder)->Code(a, actors_->FindActors(a, {}), {}, {}, {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].plover, Plover::kDisapprove);
  EXPECT_EQ(events[0].target.actor.Code(), "ROU");
  EXPECT_NE(events[0].rules.front().find("sample.verbs:"), std::string::npos)
      << events[0].rules.front();
}

// Codes with small TABARI/PETRARCH dictionaries written to a temporary folder,
// with dictionaries_only: the constructions of the coders' own test suites, by
// general rules.
class TabariModeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(::testing::TempDir() + "/dateline_tabari_mode_" +
                           std::to_string(getpid()));
    std::filesystem::create_directories(*dir_);
    Write("test.verbs",
          "&TIES\n+DIPLOMATIC\n+ECONOMIC\n"
          "--- RESTORE [064] ---\nRESTORE\n- * &TIES TIES [064]\n"
          "--- LEAVE [012] ---\nLEAVE\n"
          "--- LEFT [032:033] ---\nLEFT\n"
          "--- AGREE [081] ---\nAGREE\n- % * [030:030]\n"
          "--- ACT [100] ---\nACT\n- INDICATED WOULD * NOW [1010]\n"
          "--- APPEAR [---] ---\nAPPEAR\n- * BEFORE [:173]\n"
          "--- MEET [031] ---\nMEET {MET}\n"
          "--- CONDEMN [122] ---\nCONDEMN\n"
          "--- PROMISE [050] ---\nPROMISE\n");
    Write("test.actors",
          "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nBREE [BRE]\nETHIOPIA "
          "[ETH]\nLIBYA [LBY]\n"
          "THE_SHIRE [FRO/BIL]\n");
    Write("test.agents", "GOVERNMENT [~GOV]\n");
    Write("test.discards", "+CRICKET MATCH\nFOOTBALL\n");
    const std::string data = DATELINE_TESTDATA_DIR "/dict";
    auto analyzer = TextAnalyzer::Create(data);
    ASSERT_TRUE(analyzer.ok()) << analyzer.error().ToString();
    analyzer_ = std::move(analyzer).value().release();
    ActorMatcherOptions actor_options;
    actor_options.actor_files = {*dir_ + "/test.actors"};
    actor_options.agent_files = {*dir_ + "/test.agents"};
    actor_options.dictionaries_only = true;
    auto actors = ActorMatcher::Create(data, *analyzer_, actor_options);
    ASSERT_TRUE(actors.ok()) << actors.error().ToString();
    actors_ = std::move(actors).value().release();
    EventCoderOptions options;
    options.verb_files = {*dir_ + "/test.verbs"};
    options.discard_files = {*dir_ + "/test.discards"};
    options.dictionaries_only = true;
    auto coder = EventCoder::Create(data, *analyzer_, options);
    ASSERT_TRUE(coder.ok()) << coder.error().ToString();
    coder_ = std::move(coder).value().release();
  }
  static void TearDownTestSuite() {
    delete coder_;
    delete actors_;
    delete analyzer_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static void Write(const std::string& name, const std::string& text) {
    std::ofstream(*dir_ + "/" + name) << text;
  }
  // "SOURCE TARGET CODE" of every dyad, in order.
  static std::vector<std::string> Triples(const std::string& text) {
    AnalyzedText a = analyzer_->Analyze(text);
    std::vector<std::string> out;
    for (const Event& e :
         coder_->Code(a, actors_->FindActors(a, {}), {}, {}, {})) {
      if (e.source.actor.empty() || e.target.actor.empty()) continue;
      out.push_back(e.source.actor.Code() + " " + e.target.actor.Code() + " " +
                    e.cameo);
    }
    return out;
  }
  static std::string* dir_;
  static TextAnalyzer* analyzer_;
  static ActorMatcher* actors_;
  static EventCoder* coder_;
};
std::string* TabariModeTest::dir_ = nullptr;
TextAnalyzer* TabariModeTest::analyzer_ = nullptr;
ActorMatcher* TabariModeTest::actors_ = nullptr;
EventCoder* TabariModeTest::coder_ = nullptr;

TEST_F(TabariModeTest, CodesTheCodersConstructions) {
  struct Case {
    const char* construction;
    const char* text;
    std::vector<std::string> triples;
  };
  const std::vector<Case> cases = {
      {"synset, gap, coordinated objects, 'about to'",
       "Arnor is about to restore full diplomatic ties with Gondor and Rohan.",
       {"ARN GON 064", "ARN ROH 064"}},
      {"a verb listed as written wins over its lemma; paired code",
       "Bree left for Gondor on Monday.",
       {"BRE GON 032", "GON BRE 033"}},
      {"compound subject with %",
       "Gondor and the evil Rohan agree that the war must end.",
       {"GON ROH 030", "ROH GON 030"}},
      {"words before the verb; codes outside CAMEO pass through",
       "Ethiopia indicated it would act now with Libya.",
       {"ETH LBY 1010"}},
      {"reverse-only code", "Gondor appeared before Rohan.", {"ROH GON 173"}},
      {"subject carried to a coordinated verb",
       "Arnor condemned Gondor and promised aid to Rohan.",
       {"ARN GON 122", "ARN ROH 050"}},
      {"a name for several actors",
       "The Shire met Gondor.",
       {"FRO GON 031", "BIL GON 031"}},
      {"a pronoun subject with no verb before",
       "On the talks with Rohan, he condemned Gondor.",
       {}},
      {"sentence discard", "Arnor met Gondor at the football final.", {}},
      {"nouns are not verbs of these dictionaries",
       "Arnor saw the Gondor meeting.",
       {}},
  };
  for (const Case& c : cases)
    EXPECT_EQ(Triples(c.text), c.triples) << c.construction << ": " << c.text;
  // A story discard drops every event of the text.
  EXPECT_TRUE(
      Triples("Arnor met Gondor. The cricket match was drawn.").empty());
}

}  // namespace
}  // namespace dateline
