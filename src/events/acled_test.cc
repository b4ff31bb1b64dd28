// Tests of the ACLED typing against the shipped data (data/events/acled.txt and
// acled_cues.txt): one realistic sentence per CASE label, precedence between cues, the
// per-event Refine, and errors for bad data lines. The sentences are written for these
// tests, not taken from any gold set.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

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
    auto acled = AcledClassifier::Create(DATELINE_TEST_DATA_DIR, *analyzer_);
    ASSERT_TRUE(acled.ok()) << acled.error().ToString();
    acled_ = std::move(acled).value().release();
  }
  static void TearDownTestSuite() {
    delete acled_;
    delete analyzer_;
  }

  static std::string Label(const std::string& text, const std::vector<Event>& events = {}) {
    AnalyzedText a = analyzer_->Analyze(text);
    return acled_->LabelText(a, events);
  }

  static TextAnalyzer* analyzer_;
  static AcledClassifier* acled_;
};
TextAnalyzer* AcledTest::analyzer_ = nullptr;
AcledClassifier* AcledTest::acled_ = nullptr;

struct LabelCase {
  const char* label;
  const char* text;
};

TEST_F(AcledTest, LabelsEachCaseLabelFromCues) {
  const LabelCase cases[] = {
      {"ARMED_CLASH", "Heavy fighting broke out between the army and rebels near the northern town overnight."},
      {"GOV_REGAINS_TERIT", "Government troops recaptured the town of Belo from the insurgents on Monday."},
      {"NON_STATE_ACTOR_OVERTAKES_TER", "Rebels captured the district headquarters town after days of heavy fighting."},
      {"CHEM_WEAP", "Doctors said dozens of residents were treated after a chlorine attack on the suburb."},
      {"AIR_STRIKE", "A drone strike hit a vehicle carrying militants in the east of the province."},
      {"SUIC_BOMB", "A suicide bomber blew himself up at the gate of a police academy, killing six."},
      {"ART_MISS_ATTACK", "Mortar shells landed on the market area as the artillery duel continued."},
      {"REM_EXPLOS", "A roadside bomb struck a patrol vehicle on the highway, wounding two soldiers."},
      {"GRENADE", "Unknown attackers lobbed a hand grenade into a crowded bar late on Saturday."},
      {"SEX_VIOL", "Human rights investigators said soldiers raped women during the operation."},
      {"ATTACK", "Gunmen stormed a village and shot dead eleven villagers, local officials said."},
      {"ABDUCT_DISSAP", "Armed men kidnapped three aid workers on the road to the camp."},
      {"PEACE_PROTEST", "Thousands of teachers marched peacefully through the capital to demand higher pay."},
      {"PROTEST_WITH_INTER", "Police used tear gas and water cannon to disperse the protesters outside parliament."},
      {"FORCE_AGAINST_PROTEST", "Security forces opened fire on protesters with live ammunition, killing four."},
      {"VIOL_DEMONSTR", "Rioters threw stones at the police and torched cars after the verdict."},
      {"MOB_VIOL", "An angry mob lynched a man accused of stealing a goat."},
      {"AGREEMENT", "The two sides signed a ceasefire agreement in the capital on Friday."},
      {"ARREST", "Police arrested the opposition leader at his home before dawn."},
      {"CHANGE_TO_GROUP_ACT", "The ministry deployed additional troops and reinforcements to the border region."},
      {"DISR_WEAP", "Bomb disposal experts defused an improvised explosive device found near the bridge."},
      {"HQ_ESTABLISHED", "The army has set up a new military base in the hills above the valley."},
      {"PROPERTY_DISTRUCT", "Looters ransacked shops in the city centre during the night."},
      {"NON_VIOL_TERRIT_TRANSFER", "The rebels handed over control of the town to the government under a local agreement."},
      {"NATURAL_DISASTER", "A magnitude 6.1 earthquake shook the coast, damaging hundreds of houses."},
      {"MAN_MADE_DISASTER", "A fire broke out at a textile factory, and firefighters fought the blaze for hours."},
      {"DIPLO", "The government expelled two diplomats and recalled its ambassador for consultations."},
      {"ATTRIB", "The militant group claimed responsibility for the bombing of the hotel."},
      {"ORG_CRIME", "Customs officers broke up a drug smuggling ring and seized two tonnes of cocaine."},
  };
  for (const LabelCase& c : cases) EXPECT_EQ(Label(c.text), c.label) << c.text;
}

TEST_F(AcledTest, MoreSpecificCueWins) {
  const LabelCase cases[] = {
      // A suicide bombing is also an explosion; the attacker's death makes it specific.
      {"SUIC_BOMB", "A suicide car bomb exploded at a checkpoint, killing nine soldiers."},
      // A weapon that is defused or seized was not used.
      {"DISR_WEAP", "Police seized a cache of grenades and rockets in a raid on a farmhouse."},
      // An RPG is a rocket, not a hand grenade.
      {"ART_MISS_ATTACK", "Fighters fired rocket-propelled grenades at the armoured vehicles."},
      // "riot police" does not make a peaceful march a riot.
      {"PEACE_PROTEST", "Riot police watched as thousands of students marched to the ministry."},
      // Arrests at a protest are an intervention in the protest.
      {"PROTEST_WITH_INTER", "Police arrested dozens of demonstrators at the rally in the main square."},
      // Claiming an attack is attribution, whatever the weapon.
      {"ATTRIB", "The group claimed responsibility for the roadside bomb that killed two police officers."},
      // An explosion at a factory, with no weapon named, is an accident.
      {"MAN_MADE_DISASTER", "A boiler exploded at a chemical plant, injuring twelve workers."},
      // A withdrawal before the takeover makes it a non-violent transfer.
      {"NON_VIOL_TERRIT_TRANSFER", "The militants entered the town after government forces pulled out overnight."},
  };
  for (const LabelCase& c : cases) EXPECT_EQ(Label(c.text), c.label) << c.text;
}

TEST_F(AcledTest, TheLedeOutweighsBackground) {
  // The first sentence states the event; the second is background about an older one.
  EXPECT_EQ(Label("Protesters rallied peacefully outside the governor's office on Sunday. "
                  "Last year an air strike on the same town killed dozens."),
            "PEACE_PROTEST");
  EXPECT_EQ(Label("Nothing in this sentence says what happened."), "");
}

Event MakeEvent(size_t sentence, const std::string& plover, const std::string& cameo, AcledType acled,
                std::vector<std::string> source_sectors, std::vector<std::string> target_sectors) {
  Event e;
  e.sentence = sentence;
  e.plover = plover;
  e.cameo = cameo;
  e.acled = std::move(acled);
  e.source.actor.country = "XXX";
  e.source.actor.sectors = std::move(source_sectors);
  e.target.actor.country = "XXX";
  e.target.actor.sectors = std::move(target_sectors);
  return e;
}

TEST_F(AcledTest, ActorSectorsDecideBetweenClashAndAttack) {
  const AcledType attack{"Violence against civilians", "Attack"};
  const std::string text = "The attack took place on Tuesday morning.";
  EXPECT_EQ(Label(text, {MakeEvent(0, "ASSAULT", "180", attack, {"INS"}, {"MIL"})}), "ARMED_CLASH");
  EXPECT_EQ(Label(text, {MakeEvent(0, "ASSAULT", "180", attack, {"INS"}, {"CVL"})}), "ATTACK");
  EXPECT_EQ(Label(text, {MakeEvent(0, "FIGHT", "192", {"Battles", "Non-state actor overtakes territory"}, {"MIL"},
                                   {"REB"})}),
            "GOV_REGAINS_TERIT");
}

TEST_F(AcledTest, RefineTypesEventsFromTheirOwnSentence) {
  const std::string text =
      "Militants attacked the army post with mortars and rockets. "
      "Later, gunmen kidnapped two engineers on the road. "
      "The minister said he would visit the region.";
  AnalyzedText a = analyzer_->Analyze(text);
  ASSERT_EQ(a.sentences.size(), 3u);
  const AcledType attack{"Violence against civilians", "Attack"};
  std::vector<Event> events = {
      MakeEvent(0, "ASSAULT", "180", attack, {"INS"}, {"MIL"}),
      MakeEvent(1, "ASSAULT", "180", attack, {"INS"}, {"CVL"}),
      MakeEvent(2, "CONSULT", "042", {}, {"GOV"}, {}),
  };
  acled_->Refine(a, &events);
  EXPECT_EQ(events[0].acled.event_type, "Explosions/Remote violence");
  EXPECT_EQ(events[0].acled.sub_event_type, "Shelling/artillery/missile attack");
  ASSERT_FALSE(events[0].rules.empty());
  EXPECT_NE(events[0].rules.back().find("acled_cues.txt:"), std::string::npos) << events[0].rules.back();
  EXPECT_EQ(events[1].acled.sub_event_type, "Abduction/forced disappearance");
  // Events the codebook gave no ACLED type stay untyped.
  EXPECT_TRUE(events[2].acled.event_type.empty());
  // The text's label is the lede's, the same as its event's.
  EXPECT_EQ(acled_->LabelText(a, events), "ART_MISS_ATTACK");
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

  Result<std::unique_ptr<AcledClassifier>> Load(const std::string& cues) {
    std::ofstream(dir_ / "events/acled_cues.txt") << cues;
    return AcledClassifier::Create(dir_.string(), *analyzer_);
  }

  std::filesystem::path dir_;
  std::unique_ptr<TextAnalyzer> analyzer_;
};

TEST_F(AcledDataTest, BadLinesNameFileAndLine) {
  struct BadCase {
    const char* cues;
    int line;
    const char* message;
  };
  const BadCase cases[] = {
      {"# comment\ncue | NO_SUCH_LABEL | 3 | bomb\n", 2, "unknown label"},
      {"cue | GRENADE | heavy | grenade\n", 1, "not a number"},
      {"\ncue | GRENADE | 3 | grenade | NO_GROUP\n", 2, "unknown group"},
      {"group | G | a\ngroup | G | b\n", 2, "defined twice"},
      {"cue | GRENADE | 3 | ... grenade\n", 1, "must follow a word"},
      {"event | ATTACK | 2 | ASSAULT\n", 1, "needs categories"},
      {"order | GRENADE; NOPE\n", 1, "unknown label"},
      {"setting | speed | 3\n", 1, "setting"},
      {"verb | GRENADE | 3 | x\n", 1, "unknown record kind"},
  };
  for (const BadCase& c : cases) {
    auto loaded = Load(c.cues);
    ASSERT_FALSE(loaded.ok()) << c.cues;
    const std::string error = loaded.error().ToString();
    EXPECT_NE(error.find("acled_cues.txt:" + std::to_string(c.line)), std::string::npos) << error;
    EXPECT_NE(error.find(c.message), std::string::npos) << error;
  }
}

TEST_F(AcledDataTest, MinimalTablesLoadAndLabel) {
  auto loaded = Load("group | ARMS | rifle\ncue | DISR_WEAP | 5 | seize | ARMS\ncue | ARREST | 3 | seize\n");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  AnalyzedText with = analyzer_->Analyze("Police seized rifles.");
  AnalyzedText without = analyzer_->Analyze("Police seized the suspect.");
  EXPECT_EQ((*loaded)->LabelText(with, {}), "DISR_WEAP");
  EXPECT_EQ((*loaded)->LabelText(without, {}), "ARREST");
}

}  // namespace
}  // namespace dateline
