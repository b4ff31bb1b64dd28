#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "where/where.h"

namespace dateline {
namespace {

const std::string kFixtures = std::string(DATELINE_TESTDATA_DIR) + "/where/";

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "where_" + std::to_string(::getpid()) + "_" + name;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

GazetteerBuildOptions FixtureOptions(const std::string& out) {
  GazetteerBuildOptions o;
  o.geonames_file = kFixtures + "geonames.txt";
  o.countries_file = kFixtures + "countries.txt";
  o.subdivisions_file = kFixtures + "subdivisions.json";
  o.admin1_file = kFixtures + "admin1.txt";
  o.regions_file = kFixtures + "regions.txt";
  o.common_words_file = kFixtures + "common_words.txt";
  o.country_points_file = kFixtures + "country_points.txt";
  o.admin2_file = kFixtures + "us_counties.txt";
  o.admin1_points_file = kFixtures + "admin1_points.txt";
  o.output_file = out;
  return o;
}

class GazetteerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string(TempPath("fixture.gaz"));
    const Status s = BuildGazetteer(FixtureOptions(*path_));
    ASSERT_TRUE(s.ok()) << s.error().ToString();
    auto g = Gazetteer::Open(*path_);
    ASSERT_TRUE(g.ok()) << g.error().ToString();
    gazetteer_ = g->release();
  }
  static void TearDownTestSuite() {
    delete gazetteer_;
    std::remove(path_->c_str());
    delete path_;
  }
  static std::string* path_;
  static Gazetteer* gazetteer_;
};
std::string* GazetteerTest::path_ = nullptr;
Gazetteer* GazetteerTest::gazetteer_ = nullptr;

TEST_F(GazetteerTest, LooksUpCitiesMostPopulousFirst) {
  const std::vector<PlaceMention> paris = gazetteer_->Lookup("Paris");
  ASSERT_EQ(paris.size(), 3u);
  EXPECT_EQ(paris[0].country, "FR");
  EXPECT_EQ(paris[0].geonameid, 2988507);
  EXPECT_EQ(paris[1].admin1, "Texas");
  EXPECT_EQ(paris[2].admin1, "Tennessee");
  EXPECT_EQ(paris[0].precision, "point");
  EXPECT_NEAR(paris[0].lat, 48.85341, 1e-5);
  EXPECT_NEAR(paris[0].lon, 2.3488, 1e-5);
}

TEST_F(GazetteerTest, FoldsCaseAccentsAndPunctuation) {
  for (const char* name : {"erbil", "ERBIL", "Arbīl", "Irbil", "Bogota", "bogotá", "MARIB", "Ma’rib",
                           "sidi-bouzid", "Sīdī Bū Zayd"}) {
    EXPECT_FALSE(gazetteer_->Lookup(name).empty()) << name;
  }
  EXPECT_EQ(gazetteer_->Lookup("Erbil")[0].country, "IQ");
  EXPECT_TRUE(gazetteer_->Lookup("Nowhere").empty());
  EXPECT_TRUE(gazetteer_->Lookup("").empty());
}

TEST_F(GazetteerTest, CountryPointsArePreferredToCentroids) {
  // country_points.txt places Iraq at 33.5, 44.5 (countries.txt: 33, 44); Jordan is
  // not listed and keeps its countries.txt centroid.
  ASSERT_TRUE(gazetteer_->Country("IQ").has_value());
  EXPECT_NEAR(gazetteer_->Country("IQ")->place.lat, 33.5, 1e-6);
  EXPECT_NEAR(gazetteer_->Country("IQ")->place.lon, 44.5, 1e-6);
  ASSERT_TRUE(gazetteer_->Country("JO").has_value());
  EXPECT_NEAR(gazetteer_->Country("JO")->place.lat, 31.0, 1e-6);
}

TEST_F(GazetteerTest, CountiesArePlacedAtTheirPlaces) {
  struct Case {
    const char* name;
    const char* admin1;
    double lat, lon;
    bool primary;
  };
  // The fixture's only Lamar County place is Paris, Texas; Henry County's is Paris,
  // Tennessee. The bare stem is an alternate name.
  for (const Case& c : {Case{"Lamar County", "Texas", 33.66094, -95.55551, true},
                        Case{"Henry County", "Tennessee", 36.302, -88.32671, true},
                        Case{"Lamar", "Texas", 33.66094, -95.55551, false}}) {
    const std::vector<GazetteerEntry> e = gazetteer_->LookupEntries(c.name);
    ASSERT_EQ(e.size(), 1u) << c.name;
    EXPECT_EQ(e[0].feature_code, "ADM2") << c.name;
    EXPECT_EQ(e[0].place.country, "US") << c.name;
    EXPECT_EQ(e[0].place.admin1, c.admin1) << c.name;
    EXPECT_NEAR(e[0].place.lat, c.lat, 1e-5) << c.name;
    EXPECT_NEAR(e[0].place.lon, c.lon, 1e-5) << c.name;
    EXPECT_EQ(e[0].primary_name, c.primary) << c.name;
  }
  // A county with no place in the GeoNames input is left out.
  EXPECT_TRUE(gazetteer_->LookupEntries("Nowhere County").empty());
}

TEST_F(GazetteerTest, RegionPointsAndNamesFromTheAdmin1PointsFile) {
  // Tied by its seat; the listed point replaces the middle of its places and the listed
  // English name is a further name.
  const std::vector<GazetteerEntry> erbil = gazetteer_->LookupEntries("Erbil Governorate");
  ASSERT_EQ(erbil.size(), 1u);
  EXPECT_EQ(erbil[0].feature_code, "ADM1");
  EXPECT_NEAR(erbil[0].place.lat, 36.5, 1e-6);
  // Untied and without places: still a region of its own at the listed point, under
  // both its iso-codes name and the listed one.
  for (const char* name : {"Ninawa", "Nineveh"}) {
    const std::vector<GazetteerEntry> n = gazetteer_->LookupEntries(name);
    ASSERT_EQ(n.size(), 1u) << name;
    EXPECT_EQ(n[0].place.precision, "admin1") << name;
    EXPECT_EQ(n[0].place.country, "IQ") << name;
    EXPECT_NEAR(n[0].place.lat, 36.2, 1e-6) << name;
    EXPECT_NEAR(n[0].place.lon, 42.6, 1e-6) << name;
  }
}

TEST_F(GazetteerTest, AlternateCodesAreNotKeys) {
  // "EBL" (an airport code among Erbil's alternate names) and "BGW" are left out.
  EXPECT_TRUE(gazetteer_->Lookup("EBL").empty());
  EXPECT_TRUE(gazetteer_->Lookup("BGW").empty());
}

TEST_F(GazetteerTest, CountriesWithNamesDemonymsAndCodes) {
  const std::vector<GazetteerEntry> iraqi = gazetteer_->LookupEntries("Iraqi");
  ASSERT_EQ(iraqi.size(), 1u);
  EXPECT_EQ(iraqi[0].place.name, "Iraq");
  EXPECT_EQ(iraqi[0].place.country, "IQ");
  EXPECT_EQ(iraqi[0].place.precision, "country");
  EXPECT_EQ(iraqi[0].feature_code, "PCLI");
  EXPECT_TRUE(iraqi[0].demonym);
  const std::vector<GazetteerEntry> iraq = gazetteer_->LookupEntries("Republic of Iraq");
  ASSERT_EQ(iraq.size(), 1u);
  EXPECT_FALSE(iraq[0].demonym);
  EXPECT_TRUE(iraq[0].primary_name);
  ASSERT_TRUE(gazetteer_->Country("IRQ").has_value());
  EXPECT_EQ(gazetteer_->Country("IRQ")->place.name, "Iraq");
  EXPECT_EQ(gazetteer_->Country("iq")->place.name, "Iraq");
  EXPECT_FALSE(gazetteer_->Country("XXX").has_value());
}

TEST_F(GazetteerTest, ExactCasePhrasesMatchOnlyWithTheirCase) {
  ASSERT_FALSE(gazetteer_->Lookup("US").empty());
  EXPECT_EQ(gazetteer_->Lookup("US")[0].name, "United States");
  EXPECT_EQ(gazetteer_->Lookup("U.S.")[0].name, "United States");
  EXPECT_TRUE(gazetteer_->Lookup("us").empty());
  EXPECT_TRUE(gazetteer_->Lookup("Us").empty());
}

TEST_F(GazetteerTest, CapitalsFromCountriesAreMarked) {
  // Amman is PPLC in the fixture already; Washington is the capital named there.
  const std::vector<GazetteerEntry> w = gazetteer_->LookupEntries("Washington");
  ASSERT_FALSE(w.empty());
  EXPECT_EQ(w[0].feature_code, "PPLC");
}

TEST_F(GazetteerTest, FirstLevelRegionsFromSubdivisions) {
  const std::vector<GazetteerEntry> texas = gazetteer_->LookupEntries("Texas");
  ASSERT_EQ(texas.size(), 1u);
  EXPECT_EQ(texas[0].place.precision, "admin1");
  EXPECT_EQ(texas[0].feature_code, "ADM1");
  EXPECT_EQ(texas[0].place.country, "US");
  // Position from admin1.txt; the AP abbreviation is an alias (exact case, with dot).
  EXPECT_NEAR(texas[0].place.lat, 31.2, 1e-6);
  ASSERT_EQ(gazetteer_->Lookup("Tex.").size(), 1u);
  EXPECT_TRUE(gazetteer_->Lookup("tex").empty());
  // Tennessee has no position in admin1.txt: the middle of its places' range.
  const std::vector<PlaceMention> tn = gazetteer_->Lookup("Tennessee");
  ASSERT_EQ(tn.size(), 1u);
  EXPECT_NEAR(tn[0].lat, 36.302, 1e-5);
  // Iraq's GeoNames codes are numbers: tied through the admin seat's name.
  const std::vector<PlaceMention> arbil = gazetteer_->Lookup("Arbil");
  bool region = false;
  for (const PlaceMention& p : arbil) region |= p.precision == "admin1";
  EXPECT_TRUE(region);
  EXPECT_EQ(gazetteer_->Lookup("Erbil")[0].admin1, "Arbīl");
  // Second-level subdivisions are not used.
  EXPECT_TRUE(gazetteer_->Lookup("Kent").empty());
}

TEST_F(GazetteerTest, RegionsAndContinents) {
  const std::vector<GazetteerEntry> europe = gazetteer_->LookupEntries("Europe");
  ASSERT_EQ(europe.size(), 1u);
  EXPECT_EQ(europe[0].feature_code, "CONT");
  const std::vector<PlaceMention> krg = gazetteer_->Lookup("Kurdistan Region");
  ASSERT_EQ(krg.size(), 1u);
  EXPECT_EQ(krg[0].country, "IQ");
  EXPECT_EQ(krg[0].precision, "admin1");
  EXPECT_EQ(gazetteer_->Lookup("Mideast").size(), 1u);
}

TEST_F(GazetteerTest, CommonWords) {
  EXPECT_TRUE(gazetteer_->IsCommonWord("Reading"));
  EXPECT_TRUE(gazetteer_->IsCommonWord("POLICE"));
  EXPECT_FALSE(gazetteer_->IsCommonWord("Erbil"));
  EXPECT_FALSE(gazetteer_->Lookup("Reading").empty());  // still a place
}

TEST_F(GazetteerTest, SizesAreCounted) {
  // 21 GeoNames rows + 5 countries + 3 regions + admin1: TX, TN, NJ, NH, DC, Arbil,
  // Baghdad, England, Ninawa + counties: Lamar, Henry.
  EXPECT_EQ(gazetteer_->size(), 21u + 5u + 3u + 9u + 2u);
  EXPECT_GT(gazetteer_->key_count(), gazetteer_->size());
}

TEST_F(GazetteerTest, BuildIsReproducible) {
  const std::string again = TempPath("again.gaz");
  ASSERT_TRUE(BuildGazetteer(FixtureOptions(again)).ok());
  const std::string a = ReadAll(*path_), b = ReadAll(again);
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  std::remove(again.c_str());
}

TEST_F(GazetteerTest, MinPopulationLeavesOutSmallPlacesButNotCountries) {
  const std::string small = TempPath("small.gaz");
  GazetteerBuildOptions o = FixtureOptions(small);
  o.min_population = 100000;
  ASSERT_TRUE(BuildGazetteer(o).ok());
  auto g = Gazetteer::Open(small);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ((*g)->Lookup("Paris").size(), 1u);
  EXPECT_TRUE((*g)->Lookup("Marib").empty());
  EXPECT_EQ((*g)->Lookup("Jordan").size(), 1u);
  std::remove(small.c_str());
}

// Damaged files: every one is an Error naming the file, never a crash.
TEST_F(GazetteerTest, DamagedFilesAreErrors) {
  const std::string good = ReadAll(*path_);
  struct Damage {
    const char* what;
    std::string bytes;
    const char* message_part;
  };
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x5A;
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  std::string bad_version = good;
  bad_version[8] = 9;
  const Damage cases[] = {
      {"empty", "", "too short"},
      {"header only, cut", good.substr(0, 40), "too short"},
      {"truncated", good.substr(0, good.size() - 7), "truncated"},
      {"trailing bytes", good + "xyz", "trailing"},
      {"flipped byte", flipped, "checksum"},
      {"bad magic", bad_magic, "magic"},
      {"future version", bad_version, "version"},
  };
  const std::string path = TempPath("damaged.gaz");
  for (const Damage& d : cases) {
    WriteAll(path, d.bytes);
    auto g = Gazetteer::Open(path);
    ASSERT_FALSE(g.ok()) << d.what;
    EXPECT_EQ(g.error().input, path) << d.what;
    EXPECT_NE(g.error().message.find(d.message_part), std::string::npos) << d.what << ": " << g.error().message;
  }
  std::remove(path.c_str());
  auto missing = Gazetteer::Open("/nonexistent/gazetteer.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().input, "/nonexistent/gazetteer.bin");
}

TEST(GazetteerBuildTest, BadGeoNamesLineNamesFileAndLine) {
  const std::string geo = TempPath("bad_geonames.txt");
  WriteAll(geo, ReadAll(kFixtures + "geonames.txt") + "123\tBroken\tBroken\n");
  GazetteerBuildOptions o;
  o.geonames_file = geo;
  o.countries_file = kFixtures + "countries.txt";
  o.output_file = TempPath("never.gaz");
  const Status s = BuildGazetteer(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().input, geo);
  EXPECT_EQ(s.error().line, 22);  // the fixture has 21 rows
  std::remove(geo.c_str());
  EXPECT_FALSE(std::ifstream(o.output_file).good());
}

TEST(GazetteerBuildTest, AcceptsTheFullDumpsFeatureClasses) {
  // allCountries.txt mixes classes: keep countries' and first-level divisions' rows
  // (their names tie cities to regions), drop streams, hotels and the like.
  const std::string geo = TempPath("all.txt");
  auto row = [](const char* id, const char* name, const char* cls, const char* code, const char* cc,
                const char* a1, const char* pop) {
    return std::string(id) + "\t" + name + "\t" + name + "\t\t10.5\t20.5\t" + cls + "\t" + code + "\t" + cc +
           "\t\t" + a1 + "\t\t\t\t" + pop + "\t\t0\tEtc/UTC\t2024-01-01\n";
  };
  WriteAll(geo, row("1", "Ruritania Province", "A", "ADM1", "RU", "05", "0") +
                    row("2", "Strelsau", "P", "PPLA", "RU", "05", "50000") +
                    row("3", "Zenda River", "H", "STM", "RU", "05", "0") +
                    row("4", "Grand Hotel", "S", "HTL", "RU", "05", "0") +
                    row("5", "Iraq", "A", "PCLI", "IQ", "00", "40000000"));
  GazetteerBuildOptions o;
  o.geonames_file = geo;
  o.countries_file = kFixtures + "countries.txt";
  o.output_file = TempPath("all.gaz");
  ASSERT_TRUE(BuildGazetteer(o).ok());
  auto g = Gazetteer::Open(o.output_file);
  ASSERT_TRUE(g.ok());
  ASSERT_EQ((*g)->Lookup("Ruritania Province").size(), 1u);
  EXPECT_EQ((*g)->Lookup("Ruritania Province")[0].precision, "admin1");
  EXPECT_EQ((*g)->Lookup("Strelsau")[0].admin1, "Ruritania Province");
  EXPECT_TRUE((*g)->Lookup("Zenda River").empty());
  EXPECT_TRUE((*g)->Lookup("Grand Hotel").empty());
  // The country entry is countries.txt's, at GeoNames' point for it.
  const std::vector<GazetteerEntry> iraq = (*g)->LookupEntries("Iraq");
  ASSERT_EQ(iraq.size(), 1u);
  EXPECT_EQ(iraq[0].place.geonameid, 5);
  EXPECT_NEAR(iraq[0].place.lat, 10.5, 1e-6);
  EXPECT_TRUE((*g)->LookupEntries("Iraqi")[0].demonym);
  std::remove(geo.c_str());
  std::remove(o.output_file.c_str());
}

TEST(CountriesOnlyTest, CountriesDemonymsAndCapitalsAsAliases) {
  auto g = Gazetteer::CountriesOnly(kFixtures + "countries.txt");
  ASSERT_TRUE(g.ok()) << g.error().ToString();
  EXPECT_EQ((*g)->size(), 5u);
  EXPECT_EQ((*g)->Lookup("Iraqi")[0].name, "Iraq");
  const std::vector<GazetteerEntry> baghdad = (*g)->LookupEntries("Baghdad");
  ASSERT_EQ(baghdad.size(), 1u);
  EXPECT_EQ(baghdad[0].place.precision, "country");
  EXPECT_TRUE(baghdad[0].capital_alias);
  auto missing = Gazetteer::CountriesOnly("/nonexistent/countries.txt");
  EXPECT_FALSE(missing.ok());
}

// The real countries table, when present, must build (other tests use fixtures).
TEST(CountriesOnlyTest, RealCountriesFileBuildsWhenPresent) {
  const std::string path = std::string(DATELINE_TEST_DATA_DIR) + "/countries.txt";
  if (!std::ifstream(path).good()) GTEST_SKIP() << path << " not present";
  auto g = Gazetteer::CountriesOnly(path);
  ASSERT_TRUE(g.ok()) << g.error().ToString();
  EXPECT_GT((*g)->size(), 150u);
  ASSERT_FALSE((*g)->Lookup("Iraqi").empty());
  EXPECT_EQ((*g)->Lookup("Iraqi")[0].country, "IQ");
}

}  // namespace
}  // namespace dateline
