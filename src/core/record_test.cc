#include "core/record.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace dateline {
namespace {

TEST(RecordVocabularyTest, EveryModalityReadsBackFromItsName) {
  for (Modality m :
       {Modality::kAsserted, Modality::kPossible, Modality::kIntended,
        Modality::kFuture, Modality::kConditional, Modality::kObligation}) {
    EXPECT_NE(std::string(ModalityName(m)), "");
    EXPECT_EQ(ParseModality(ModalityName(m)), m) << ModalityName(m);
  }
  EXPECT_EQ(ParseModality("asserted"), Modality::kAsserted);
  EXPECT_FALSE(
      ParseModality("Asserted").has_value());  // names are case-sensitive
  EXPECT_FALSE(ParseModality("").has_value());
}

TEST(RecordVocabularyTest, PloverCategoriesAreTheCodebooksEighteenPlusOther) {
  int named = 0;
  for (int i = static_cast<int>(Plover::kNone);
       i <= static_cast<int>(Plover::kOther); ++i) {
    const Plover p = static_cast<Plover>(i);
    EXPECT_EQ(ParsePlover(PloverName(p)), p) << PloverName(p);
    named += std::string(PloverName(p)).empty() ? 0 : 1;
  }
  EXPECT_EQ(named, 19);
  EXPECT_EQ(ParsePlover("FIGHT"), Plover::kFight);
  EXPECT_EQ(ParsePlover(""), Plover::kNone);
  EXPECT_FALSE(ParsePlover("fight").has_value());
  EXPECT_FALSE(ParsePlover("ATTACK").has_value());
}

TEST(RecordVocabularyTest, EveryPlacePrecisionReadsBackFromItsName) {
  for (PlacePrecision p : {PlacePrecision::kPoint, PlacePrecision::kAdmin2,
                           PlacePrecision::kAdmin1, PlacePrecision::kCountry})
    EXPECT_EQ(ParsePlacePrecision(PlacePrecisionName(p)), p)
        << PlacePrecisionName(p);
  EXPECT_FALSE(ParsePlacePrecision("city").has_value());
}

TEST(RecordVocabularyTest, AcledEventTypesAreTheCodebooksSixPlusOther) {
  int named = 0;
  for (int i = static_cast<int>(AcledEventType::kNone);
       i <= static_cast<int>(AcledEventType::kOther); ++i) {
    const AcledEventType t = static_cast<AcledEventType>(i);
    EXPECT_EQ(ParseAcledEventType(AcledEventTypeName(t)), t)
        << AcledEventTypeName(t);
    named += std::string(AcledEventTypeName(t)).empty() ? 0 : 1;
  }
  EXPECT_EQ(named, 7);
  EXPECT_EQ(ParseAcledEventType("Explosions/Remote violence"),
            AcledEventType::kExplosionsRemoteViolence);
  EXPECT_EQ(ParseAcledEventType(""), AcledEventType::kNone);
  EXPECT_FALSE(ParseAcledEventType("battles").has_value());
  EXPECT_FALSE(ParseAcledEventType("Explosions").has_value());
}

TEST(RecordVocabularyTest, AcledSubEventTypesAreTheCodebooks25PlusFive) {
  std::map<AcledEventType, int> per_type;
  for (int i = static_cast<int>(AcledSubEventType::kNone);
       i <= static_cast<int>(AcledSubEventType::kOrganizedCrime); ++i) {
    const AcledSubEventType s = static_cast<AcledSubEventType>(i);
    EXPECT_EQ(ParseAcledSubEventType(AcledSubEventTypeName(s)), s)
        << AcledSubEventTypeName(s);
    ++per_type[AcledEventTypeOf(s)];
  }
  EXPECT_EQ(per_type, (std::map<AcledEventType, int>{
                          {AcledEventType::kNone, 1},
                          {AcledEventType::kBattles, 3},
                          {AcledEventType::kExplosionsRemoteViolence, 6},
                          {AcledEventType::kViolenceAgainstCivilians, 3},
                          {AcledEventType::kProtests, 3},
                          {AcledEventType::kRiots, 2},
                          {AcledEventType::kStrategicDevelopments, 8},
                          {AcledEventType::kOther, 5}}));
  EXPECT_EQ(ParseAcledSubEventType("Other"),
            AcledSubEventType::kOtherStrategicDevelopment);
  EXPECT_EQ(ParseAcledSubEventType("NATURAL_DISASTER"),
            AcledSubEventType::kNaturalDisaster);
  EXPECT_EQ(ParseAcledSubEventType(""), AcledSubEventType::kNone);
  EXPECT_FALSE(ParseAcledSubEventType("armed clash").has_value());
  EXPECT_FALSE(ParseAcledSubEventType("ARMED_CLASH").has_value());
}

// One CASE 2021 label per sub-event type: 30 labels, each naming its own
// sub-event type back, and ACLED's "Other" of Strategic developments is
// "OTHER".
TEST(RecordVocabularyTest, EverySubEventTypeHasItsOwnCaseLabel) {
  std::set<std::string> labels;
  for (int i = static_cast<int>(AcledSubEventType::kNone);
       i <= static_cast<int>(AcledSubEventType::kOrganizedCrime); ++i) {
    const AcledSubEventType s = static_cast<AcledSubEventType>(i);
    EXPECT_EQ(ParseCaseLabel(CaseLabelName(s)), s) << CaseLabelName(s);
    labels.insert(CaseLabelName(s));
  }
  EXPECT_EQ(labels.size(), 31u);  // 30 labels and "" for kNone
  EXPECT_STREQ(CaseLabelName(AcledSubEventType::kNone), "");
  EXPECT_STREQ(CaseLabelName(AcledSubEventType::kArmedClash), "ARMED_CLASH");
  EXPECT_STREQ(CaseLabelName(AcledSubEventType::kOtherStrategicDevelopment),
               "OTHER");
  EXPECT_STREQ(CaseLabelName(AcledSubEventType::kNaturalDisaster),
               "NATURAL_DISASTER");
  EXPECT_EQ(ParseCaseLabel(""), AcledSubEventType::kNone);
  EXPECT_EQ(ParseCaseLabel("ARREST"), AcledSubEventType::kArrests);
  EXPECT_FALSE(ParseCaseLabel("armed_clash").has_value());
  EXPECT_FALSE(ParseCaseLabel("Armed clash").has_value());  // not ACLED's name
  EXPECT_FALSE(ParseCaseLabel("ARRESTS").has_value());
}

TEST(RecordVocabularyTest, NewEventsAreAssertedWithNoCategory) {
  const Event e;
  EXPECT_EQ(e.modality, Modality::kAsserted);
  EXPECT_EQ(e.plover, Plover::kNone);
  EXPECT_EQ(e.acled.event_type, AcledEventType::kNone);
  EXPECT_EQ(CodedArticle().event_label, AcledSubEventType::kNone);
}

}  // namespace
}  // namespace dateline
