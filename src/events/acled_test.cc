// Tests of the ACLED decision table (data/events/acled_rules.txt) against the shipped
// data: sentences run through the real actor and event stages, one per CASE label,
// precedence between rows, reports whose label comes from their events, the rows cited
// in each event's rules, and errors for bad data lines. The sentences are written for
// these tests, not taken from any gold set.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "actors/actors.h"
#include "core/table_file.h"
#include "events/events.h"

namespace dateline {
namespace {

class AcledTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto analyzer = TextAnalyzer::Create(DATELINE_TEST_DATA_DIR);
    ASSERT_TRUE(analyzer.ok()) << analyzer.error().ToString();
    analyzer_ = std::move(analyzer).value().release();
    auto actors = ActorMatcher::Create(DATELINE_TEST_DATA_DIR, *analyzer_);
    ASSERT_TRUE(actors.ok()) << actors.error().ToString();
    actors_ = std::move(actors).value().release();
    auto coder = EventCoder::Create(DATELINE_TEST_DATA_DIR, *analyzer_);
    ASSERT_TRUE(coder.ok()) << coder.error().ToString();
    coder_ = std::move(coder).value().release();
    auto acled = AcledClassifier::Create(DATELINE_TEST_DATA_DIR, *analyzer_);
    ASSERT_TRUE(acled.ok()) << acled.error().ToString();
    acled_ = std::move(acled).value().release();
  }
  static void TearDownTestSuite() {
    delete acled_;
    delete coder_;
    delete actors_;
    delete analyzer_;
  }

  // Codes `text` as the pipeline does: actors, events, ACLED typing.
  static std::vector<Event> Code(const AnalyzedText& a) {
    std::vector<ActorMention> mentions = actors_->FindActors(a, {});
    std::vector<Event> events = coder_->Code(a, mentions, {}, {}, {});
    acled_->Refine(a, &events);
    return events;
  }
  static std::string Label(const std::string& text) {
    AnalyzedText a = analyzer_->Analyze(text);
    return acled_->LabelText(a, Code(a));
  }

  static TextAnalyzer* analyzer_;
  static ActorMatcher* actors_;
  static EventCoder* coder_;
  static AcledClassifier* acled_;
};
TextAnalyzer* AcledTest::analyzer_ = nullptr;
ActorMatcher* AcledTest::actors_ = nullptr;
EventCoder* AcledTest::coder_ = nullptr;
AcledClassifier* AcledTest::acled_ = nullptr;

struct LabelCase {
  const char* label;
  const char* text;
};

TEST_F(AcledTest, LabelsEachCaseLabelFromTheCodedEvents) {
  const LabelCase cases[] = {
      {"ARMED_CLASH", "Government troops clashed with rebels near the northern town overnight."},
      {"GOV_REGAINS_TERIT", "Government troops recaptured the town of Belo from the insurgents on Monday."},
      {"NON_STATE_ACTOR_OVERTAKES_TER", "Rebels captured the district headquarters town after days of heavy fighting."},
      {"CHEM_WEAP", "A chlorine attack on the suburb killed two children, doctors said."},
      {"AIR_STRIKE", "A drone strike killed four militants in a vehicle in the east of the province."},
      {"SUIC_BOMB", "A suicide bomber blew himself up at the gate of a police academy, killing six."},
      {"ART_MISS_ATTACK", "Rebels shelled the market area with mortars on Friday, killing three civilians."},
      {"REM_EXPLOS", "A roadside bomb struck a patrol vehicle on the highway, wounding two soldiers."},
      {"GRENADE", "Two shopkeepers were injured in a grenade attack on the market."},
      {"SEX_VIOL", "Human rights investigators said soldiers raped women during the operation."},
      {"ATTACK", "Gunmen stormed a village and shot dead eleven villagers."},
      {"ABDUCT_DISSAP", "Armed men kidnapped three aid workers on the road to the camp."},
      {"PEACE_PROTEST", "Thousands of teachers demonstrated peacefully in the capital to demand higher pay."},
      {"PROTEST_WITH_INTER", "Police used tear gas and water cannon to disperse the protesters outside parliament."},
      {"FORCE_AGAINST_PROTEST", "Security forces opened fire on protesters with live ammunition, killing four."},
      {"VIOL_DEMONSTR", "Rioters threw stones at the police and torched cars after the verdict."},
      {"MOB_VIOL", "An angry mob lynched a man accused of stealing a goat."},
      {"AGREEMENT", "The government and the rebels signed a ceasefire agreement in the capital on Friday."},
      {"ARREST", "Police arrested the opposition leader at his home before dawn."},
      {"CHANGE_TO_GROUP_ACT", "The army deployed additional troops to the border region."},
      {"DISR_WEAP", "Bomb disposal experts defused an improvised explosive device found near the bridge."},
      {"HQ_ESTABLISHED", "The army has set up a new military base in the hills above the valley."},
      {"PROPERTY_DISTRUCT", "Militiamen looted shops in the city centre during the night."},
      {"NON_VIOL_TERRIT_TRANSFER", "The rebels handed over control of the town to the army without a fight."},
      {"NATURAL_DISASTER", "A magnitude 6.1 earthquake shook the coast on Monday."},
      {"MAN_MADE_DISASTER", "A fire broke out at a textile factory on Monday night."},
      {"DIPLO", "The government expelled two diplomats of the neighbouring state."},
      {"ATTRIB", "The militant group claimed responsibility for the bombing of the hotel."},
      {"ORG_CRIME", "Police arrested three drug smugglers and seized two tonnes of cocaine."},
  };
  for (const LabelCase& c : cases) EXPECT_EQ(Label(c.text), c.label) << c.text;
}

TEST_F(AcledTest, EarlierRowsWin) {
  const LabelCase cases[] = {
      // A suicide bombing is also an explosion; the attacker's death makes it specific.
      {"SUIC_BOMB", "A suicide car bomb exploded at a checkpoint, killing nine soldiers."},
      // A weapon that is seized was not used.
      {"DISR_WEAP", "Police seized a cache of grenades and rockets in a raid on a farmhouse."},
      // "riot police" does not make a peaceful protest a riot.
      {"PEACE_PROTEST", "Riot police watched as thousands of students protested outside the ministry."},
      // Arrests of protesters are an intervention in the protest.
      {"PROTEST_WITH_INTER", "Police arrested dozens of demonstrators at the rally in the main square."},
      // Claiming an attack is attribution, whatever the weapon.
      {"ATTRIB", "The Taliban claimed responsibility for the roadside bomb that killed two police officers."},
      // An explosion at a factory, with no one to blame, is an accident.
      {"MAN_MADE_DISASTER", "A boiler exploded at a chemical plant, injuring twelve workers."},
      // Killing fighters in combat is a battle, killing villagers an attack.
      {"ARMED_CLASH", "Soldiers killed twelve militants in an operation in the forest."},
      {"ATTACK", "Militants killed twelve villagers in the forest."},
  };
  for (const LabelCase& c : cases) EXPECT_EQ(Label(c.text), c.label) << c.text;
}

TEST_F(AcledTest, EventsWithoutDictionaryActorsAreStillCoded) {
  // Intransitive and nominal events with participants no dictionary codes.
  const LabelCase cases[] = {
      {"PEACE_PROTEST", "On 9 May 2024, medical interns protested outside the hospital, demanding shorter shifts."},
      {"REM_EXPLOS", "On Tuesday, a bomb exploded near the bus station, killing two."},
      {"ARMED_CLASH", "Clashes erupted between the army and rebels in the hills."},
      {"ATTACK", "The body of a local trader was found dead with gunshot wounds."},
  };
  for (const LabelCase& c : cases) EXPECT_EQ(Label(c.text), c.label) << c.text;
}

TEST_F(AcledTest, TopicWordsDoNotOutweighTheCodedEvent) {
  // The pandemic is the setting, the protest is the event.
  EXPECT_EQ(Label("Amid the coronavirus pandemic, nurses protested outside the health ministry on Monday."),
            "PEACE_PROTEST");
  // A report about a disaster with no coded political event is labelled by it.
  EXPECT_EQ(Label("Floods swept through the valley. The coronavirus pandemic has also hit the region."),
            "NATURAL_DISASTER");
  // The first sentence with a coded event states the report's event.
  EXPECT_EQ(Label("Protesters rallied peacefully outside the governor's office on Sunday. "
                  "Last year an air strike on the same town killed dozens."),
            "PEACE_PROTEST");
  // A later sentence that tells how the same protest went types it.
  EXPECT_EQ(Label("Thousands of students protested in the capital on Friday. "
                  "Some protesters later threw stones at the police."),
            "VIOL_DEMONSTR");
  EXPECT_EQ(Label("Nothing in this sentence says what happened."), "");
}

TEST_F(AcledTest, EventsCiteTheirRowAndAttributes) {
  AnalyzedText a = analyzer_->Analyze("Rebels shelled the army post with mortars. The minister said he would visit.");
  std::vector<Event> events = Code(a);
  const Event* shelling = nullptr;
  for (const Event& e : events) {
    if (e.sentence == 0 && !e.acled.event_type.empty()) shelling = &e;
  }
  ASSERT_NE(shelling, nullptr);
  EXPECT_EQ(shelling->acled.sub_event_type, "Shelling/artillery/missile attack");
  bool row = false, means = false;
  for (const std::string& r : shelling->rules) {
    row |= r.rfind("events/acled_rules.txt:", 0) == 0 && r.find("ART_MISS_ATTACK") != std::string::npos;
    means |= r.find("means artillery") != std::string::npos;
  }
  EXPECT_TRUE(row && means) << ::testing::PrintToString(shelling->rules);
  // Events the codebook gives no ACLED type stay untyped.
  for (const Event& e : events) {
    if (e.sentence == 1) {
      EXPECT_TRUE(e.acled.event_type.empty()) << e.cameo;
    }
  }
}

TEST_F(AcledTest, NegatedAndIntendedEventsDoNotLabelAReport) {
  EXPECT_EQ(Label("The rebels did not attack the town."), "");
  EXPECT_EQ(Label("The rebels threatened to attack the town."), "");
}

class AcledDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("acled_test_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_ / "events");
    std::filesystem::copy_file(std::string(DATELINE_TEST_DATA_DIR) + "/events/acled.txt", dir_ / "events/acled.txt",
                               std::filesystem::copy_options::overwrite_existing);
    auto analyzer = TextAnalyzer::Create(DATELINE_TEST_DATA_DIR);
    ASSERT_TRUE(analyzer.ok());
    analyzer_ = std::move(analyzer).value();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Result<std::unique_ptr<AcledClassifier>> Load(const std::string& table) {
    std::ofstream(dir_ / "events/acled_rules.txt") << table;
    return AcledClassifier::Create(dir_.string(), *analyzer_);
  }

  std::filesystem::path dir_;
  std::unique_ptr<TextAnalyzer> analyzer_;
};

TEST_F(AcledDataTest, BadLinesNameFileAndLine) {
  struct BadCase {
    const char* table;
    int line;
    const char* message;
  };
  const BadCase cases[] = {
      {"# comment\nrule | NO_SUCH_LABEL | event=18 | x\n", 2, "unknown label"},
      {"rule | GRENADE | means=nothing | x\n", 1, "unknown means"},
      {"\nrule | GRENADE | source=pirates | x\n", 2, "unknown participant kind"},
      {"rule | GRENADE | colour=red | x\n", 1, "unknown condition"},
      {"rule | GRENADE | event | x\n", 1, "NAME=VALUE"},
      {"means | m | ... grenade\n", 1, "must follow a word"},
      {"rule | GRENADE | event=18\n", 1, "rule | LABEL | conditions | source"},
      {"who | none | CVL\n", 1, "other than"},
      {"verb | GRENADE | 3 | x\n", 1, "unknown record kind"},
  };
  for (const BadCase& c : cases) {
    auto loaded = Load(c.table);
    ASSERT_FALSE(loaded.ok()) << c.table;
    const std::string error = loaded.error().ToString();
    EXPECT_NE(error.find("acled_rules.txt:" + std::to_string(c.line)), std::string::npos) << error;
    EXPECT_NE(error.find(c.message), std::string::npos) << error;
  }
}

TEST_F(AcledDataTest, FirstMatchingRowDecides) {
  auto loaded = Load(
      "means | arms | rifle\n"
      "who | police | COP\n"
      "rule | DISR_WEAP | event=171; means=arms | row one\n"
      "rule | ARREST | event=171; source=police | row two\n"
      "rule | = | event=* | mapping\n");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const auto seizure = [](size_t sentence) {
    Event e;
    e.sentence = sentence;
    e.cameo = "171";
    e.plover = "COERCE";
    e.modality = "asserted";
    e.source.text = "Police";
    e.source.actor.sectors = {"COP"};
    return e;
  };
  AnalyzedText with = analyzer_->Analyze("Police seized rifles.");
  AnalyzedText without = analyzer_->Analyze("Police seized the house.");
  EXPECT_EQ((*loaded)->LabelText(with, {seizure(0)}), "DISR_WEAP");
  EXPECT_EQ((*loaded)->LabelText(without, {seizure(0)}), "ARREST");
  std::vector<Event> events = {seizure(0)};
  (*loaded)->Refine(with, &events);
  EXPECT_EQ(events[0].acled.sub_event_type, "Disrupted weapons use");
  ASSERT_GE(events[0].rules.size(), 2u);
  EXPECT_EQ(events[0].rules[0], "events/acled_rules.txt:3 DISR_WEAP (row one)");
  EXPECT_EQ(events[0].rules[1], "events/acled_rules.txt:1 means arms \"rifle\"");
}

}  // namespace
}  // namespace dateline
