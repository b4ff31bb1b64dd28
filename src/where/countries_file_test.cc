#include "where/countries_file.h"

#include <gtest/gtest.h>

namespace dateline::where_internal {
namespace {

TEST(CountriesFileTest, ParsesFieldsListsAndExactCasePhrases) {
  auto r = ParseCountries(
      "# comment\n\nUSA | US | United States; America; =US | American; "
      "Americans | Washington | 39.8, -98.6\n",
      "c.txt");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ASSERT_EQ(r->size(), 1u);
  const CountryRecord& c = (*r)[0];
  EXPECT_EQ(c.iso3, "USA");
  EXPECT_EQ(c.iso2, "US");
  ASSERT_EQ(c.names.size(), 3u);
  EXPECT_EQ(c.names[0].text, "United States");
  EXPECT_FALSE(c.names[0].exact_case);
  EXPECT_EQ(c.names[2].text, "US");
  EXPECT_TRUE(c.names[2].exact_case);
  EXPECT_EQ(c.demonyms.size(), 2u);
  ASSERT_EQ(c.capitals.size(), 1u);
  EXPECT_DOUBLE_EQ(c.lat, 39.8);
  EXPECT_DOUBLE_EQ(c.lon, -98.6);
  EXPECT_EQ(c.line, 3);
}

TEST(CountriesFileTest, EmptyDemonymsAndCapitalsAreAllowed) {
  auto r = ParseCountries("ATA | AQ | Antarctica |  |  | -75, 0\n", "c.txt");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_TRUE((*r)[0].demonyms.empty());
  EXPECT_TRUE((*r)[0].capitals.empty());
}

struct BadLine {
  const char* content;
  const char* message_part;
};

class CountriesFileErrorTest : public ::testing::TestWithParam<BadLine> {};

TEST_P(CountriesFileErrorTest, NamesFileLineAndProblem) {
  auto r = ParseCountries(std::string("# header\n") + GetParam().content,
                          "countries.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().input, "countries.txt");
  EXPECT_EQ(r.error().line, 2);
  EXPECT_NE(r.error().message.find(GetParam().message_part), std::string::npos)
      << r.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Bad, CountriesFileErrorTest,
    ::testing::Values(
        BadLine{"IRQ | IQ | Iraq | Iraqi | Baghdad\n", "expected 6 fields"},
        BadLine{"IR | IQ | Iraq | Iraqi | Baghdad | 33, 44\n", "ISO3"},
        BadLine{"IRQ | iq | Iraq | Iraqi | Baghdad | 33, 44\n", "ISO2"},
        BadLine{"IRQ | IQ |  | Iraqi | Baghdad | 33, 44\n",
                "at least one name"},
        BadLine{"IRQ | IQ | Iraq | Iraqi | Baghdad | 33\n", "centroid"},
        BadLine{"IRQ | IQ | Iraq | Iraqi | Baghdad | 95, 44\n", "centroid"},
        BadLine{"IRQ | IQ | Iraq | Iraqi | Baghdad | x, 44\n", "centroid"}));

TEST(CountriesFileTest, DuplicateCodesAreAnError) {
  auto r = ParseCountries(
      "IRQ | IQ | Iraq | | | 33, 44\nIRQ | IQ | Iraq | | | 33, 44\n", "c.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 2);
  EXPECT_NE(r.error().message.find("duplicate"), std::string::npos);
}

TEST(CountriesFileTest, MissingFileIsAnError) {
  auto r = ReadCountriesFile("/nonexistent/countries.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().input, "/nonexistent/countries.txt");
}

}  // namespace
}  // namespace dateline::where_internal
