#include "where/name_normalizer.h"

#include <gtest/gtest.h>

namespace dateline::where_internal {
namespace {

struct NormalizeCase {
  const char* input;
  const char* expected;
};

class NormalizeTest : public ::testing::TestWithParam<NormalizeCase> {};

TEST_P(NormalizeTest, FoldsCaseAccentsAndSeparators) {
  EXPECT_EQ(NormalizePlaceName(GetParam().input), GetParam().expected)
      << GetParam().input;
}

// NormalizesTo compares without building the key (for ASCII names): it must
// agree with NormalizePlaceName on the expected key and on near misses (a
// prefix, an extension).
TEST_P(NormalizeTest, NormalizesToAgreesWithNormalizePlaceName) {
  const std::string key = GetParam().expected;
  EXPECT_TRUE(NormalizesTo(GetParam().input, key)) << GetParam().input;
  if (!key.empty()) {
    EXPECT_FALSE(NormalizesTo(GetParam().input, key.substr(0, key.size() - 1)))
        << GetParam().input;
  }
  EXPECT_FALSE(NormalizesTo(GetParam().input, key + "x")) << GetParam().input;
  EXPECT_FALSE(NormalizesTo(GetParam().input, key + " ")) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Names, NormalizeTest,
    ::testing::Values(
        NormalizeCase{"Erbil", "erbil"}, NormalizeCase{"ERBIL", "erbil"},
        NormalizeCase{"Arbīl", "arbil"}, NormalizeCase{"Bogotá", "bogota"},
        NormalizeCase{"São Paulo", "sao paulo"},
        NormalizeCase{"Al-Anbar", "al anbar"},
        NormalizeCase{"al Anbar", "al anbar"}, NormalizeCase{"Ma'rib", "marib"},
        NormalizeCase{"Ma’rib", "marib"}, NormalizeCase{"Maʿrib", "marib"},
        NormalizeCase{"  St.  Louis ", "st louis"},
        NormalizeCase{"W.Va.", "w va"},
        NormalizeCase{"Şalāḩ ad Dīn", "salah ad din"},
        NormalizeCase{"Tromsø", "tromso"}, NormalizeCase{"Łódź", "lodz"},
        NormalizeCase{"Straße", "strasse"},
        NormalizeCase{"ＢＡＧＨＤＡＤ", "baghdad"},  // fullwidth, NFKD
        NormalizeCase{"Stratford-upon-Avon", "stratford upon avon"},
        NormalizeCase{"...", ""}, NormalizeCase{"", ""},
        NormalizeCase{"`Ayn  al-'Arab,", "ayn al arab"},
        NormalizeCase{"A1 -B2", "a1 b2"}, NormalizeCase{"Москва", "москва"}));

TEST(NormalizeTest, InvalidUtf8IsDroppedNotFatal) {
  EXPECT_EQ(NormalizePlaceName(std::string("Ba\xff\xfeghdad")), "baghdad");
  EXPECT_EQ(NormalizePlaceName(std::string("\xe2\x82")), "");
}

TEST(ExactCaseKeyTest, KeepsCaseAndCollapsesSpaces) {
  EXPECT_EQ(ExactCaseKey("US"), "=US");
  EXPECT_EQ(ExactCaseKey(" W.  Va."), "=W. Va.");
  EXPECT_NE(ExactCaseKey("us"), ExactCaseKey("US"));
}

}  // namespace
}  // namespace dateline::where_internal
