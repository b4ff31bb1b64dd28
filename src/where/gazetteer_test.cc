#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/geo.h"
#include "where/gazetteer_builder.h"
#include "where/gazetteer_image.h"
#include "where/where.h"

namespace dateline {
namespace {

const std::string kFixtures = std::string(DATELINE_TESTDATA_DIR) + "/where/";

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "where_" + std::to_string(::getpid()) + "_" +
         name;
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
  EXPECT_EQ(paris[0].precision, PlacePrecision::kPoint);
  EXPECT_NEAR(paris[0].lat, 48.85341, 1e-5);
  EXPECT_NEAR(paris[0].lon, 2.3488, 1e-5);
}

TEST_F(GazetteerTest, FoldsCaseAccentsAndPunctuation) {
  for (const char* name :
       {"erbil", "ERBIL", "Arbīl", "Irbil", "Bogota", "bogotá", "MARIB",
        "Ma’rib", "sidi-bouzid", "Sīdī Bū Zayd"}) {
    EXPECT_FALSE(gazetteer_->Lookup(name).empty()) << name;
  }
  EXPECT_EQ(gazetteer_->Lookup("Erbil")[0].country, "IQ");
  EXPECT_TRUE(gazetteer_->Lookup("Nowhere").empty());
  EXPECT_TRUE(gazetteer_->Lookup("").empty());
}

TEST_F(GazetteerTest, CountryPointsArePreferredToCentroids) {
  // country_points.txt places Iraq at 33.5, 44.5 (countries.txt: 33, 44);
  // Jordan is not listed and keeps its countries.txt centroid.
  ASSERT_TRUE(gazetteer_->Country("IQ").has_value());
  EXPECT_NEAR(gazetteer_->Country("IQ")->lat, 33.5, 1e-6);
  EXPECT_NEAR(gazetteer_->Country("IQ")->lon, 44.5, 1e-6);
  ASSERT_TRUE(gazetteer_->Country("JO").has_value());
  EXPECT_NEAR(gazetteer_->Country("JO")->lat, 31.0, 1e-6);
}

TEST_F(GazetteerTest, CountiesArePlacedAtTheirPlaces) {
  struct Case {
    const char* name;
    const char* admin1;
    double lat, lon;
    bool primary;
  };
  // The fixture's only Lamar County place is Paris, Texas; Henry County's is
  // Paris, Tennessee. The bare stem is an alternate name.
  for (const Case& c :
       {Case{"Lamar County", "Texas", 33.66094, -95.55551, true},
        Case{"Henry County", "Tennessee", 36.302, -88.32671, true},
        Case{"Lamar", "Texas", 33.66094, -95.55551, false}}) {
    const std::vector<GazetteerEntry> e = gazetteer_->LookupEntries(c.name);
    ASSERT_EQ(e.size(), 1u) << c.name;
    EXPECT_EQ(e[0].feature_code, "ADM2") << c.name;
    EXPECT_EQ(e[0].country, "US") << c.name;
    EXPECT_EQ(e[0].admin1, c.admin1) << c.name;
    EXPECT_NEAR(e[0].lat, c.lat, 1e-5) << c.name;
    EXPECT_NEAR(e[0].lon, c.lon, 1e-5) << c.name;
    EXPECT_EQ(e[0].primary_name, c.primary) << c.name;
  }
  // A county with no place in the GeoNames input is left out.
  EXPECT_TRUE(gazetteer_->LookupEntries("Nowhere County").empty());
}

TEST_F(GazetteerTest, RegionPointsAndNamesFromTheAdmin1PointsFile) {
  // Tied by its seat; the listed point replaces the middle of its places and
  // the listed English name is a further name.
  const std::vector<GazetteerEntry> erbil =
      gazetteer_->LookupEntries("Erbil Governorate");
  ASSERT_EQ(erbil.size(), 1u);
  EXPECT_EQ(erbil[0].feature_code, "ADM1");
  EXPECT_NEAR(erbil[0].lat, 36.5, 1e-6);
  // Untied and without places: still a region of its own at the listed point,
  // under both its iso-codes name and the listed one.
  for (const char* name : {"Ninawa", "Nineveh"}) {
    const std::vector<GazetteerEntry> n = gazetteer_->LookupEntries(name);
    ASSERT_EQ(n.size(), 1u) << name;
    EXPECT_EQ(n[0].precision, PlacePrecision::kAdmin1) << name;
    EXPECT_EQ(n[0].country, "IQ") << name;
    EXPECT_NEAR(n[0].lat, 36.2, 1e-6) << name;
    EXPECT_NEAR(n[0].lon, 42.6, 1e-6) << name;
  }
}

TEST_F(GazetteerTest, AlternateCodesAreNotKeys) {
  // "EBL" (an airport code among Erbil's alternate names) and "BGW" are left
  // out.
  EXPECT_TRUE(gazetteer_->Lookup("EBL").empty());
  EXPECT_TRUE(gazetteer_->Lookup("BGW").empty());
}

TEST_F(GazetteerTest, CountriesWithNamesDemonymsAndCodes) {
  const std::vector<GazetteerEntry> iraqi = gazetteer_->LookupEntries("Iraqi");
  ASSERT_EQ(iraqi.size(), 1u);
  EXPECT_EQ(iraqi[0].name, "Iraq");
  EXPECT_EQ(iraqi[0].country, "IQ");
  EXPECT_EQ(iraqi[0].precision, PlacePrecision::kCountry);
  EXPECT_EQ(iraqi[0].feature_code, "PCLI");
  EXPECT_TRUE(iraqi[0].demonym);
  const std::vector<GazetteerEntry> iraq =
      gazetteer_->LookupEntries("Republic of Iraq");
  ASSERT_EQ(iraq.size(), 1u);
  EXPECT_FALSE(iraq[0].demonym);
  EXPECT_TRUE(iraq[0].primary_name);
  ASSERT_TRUE(gazetteer_->Country("IRQ").has_value());
  EXPECT_EQ(gazetteer_->Country("IRQ")->name, "Iraq");
  EXPECT_EQ(gazetteer_->Country("iq")->name, "Iraq");
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
  // Amman is PPLC in the fixture already; Washington is the capital named
  // there.
  const std::vector<GazetteerEntry> w = gazetteer_->LookupEntries("Washington");
  ASSERT_FALSE(w.empty());
  EXPECT_EQ(w[0].feature_code, "PPLC");
}

TEST_F(GazetteerTest, FirstLevelRegionsFromSubdivisions) {
  const std::vector<GazetteerEntry> texas = gazetteer_->LookupEntries("Texas");
  ASSERT_EQ(texas.size(), 1u);
  EXPECT_EQ(texas[0].precision, PlacePrecision::kAdmin1);
  EXPECT_EQ(texas[0].feature_code, "ADM1");
  EXPECT_EQ(texas[0].country, "US");
  // Position from admin1.txt; the AP abbreviation is an alias (exact case, with
  // dot).
  EXPECT_NEAR(texas[0].lat, 31.2, 1e-6);
  ASSERT_EQ(gazetteer_->Lookup("Tex.").size(), 1u);
  EXPECT_TRUE(gazetteer_->Lookup("tex").empty());
  // Tennessee has no position in admin1.txt: the middle of its places' range.
  const std::vector<PlaceMention> tn = gazetteer_->Lookup("Tennessee");
  ASSERT_EQ(tn.size(), 1u);
  EXPECT_NEAR(tn[0].lat, 36.302, 1e-5);
  // Iraq's GeoNames codes are numbers: tied through the admin seat's name.
  const std::vector<PlaceMention> arbil = gazetteer_->Lookup("Arbil");
  bool region = false;
  for (const PlaceMention& p : arbil)
    region |= p.precision == PlacePrecision::kAdmin1;
  EXPECT_TRUE(region);
  EXPECT_EQ(gazetteer_->Lookup("Erbil")[0].admin1, "Arbīl");
  // Second-level subdivisions are not used.
  EXPECT_TRUE(gazetteer_->Lookup("Kent").empty());
}

TEST_F(GazetteerTest, RegionsAndContinents) {
  const std::vector<GazetteerEntry> europe =
      gazetteer_->LookupEntries("Europe");
  ASSERT_EQ(europe.size(), 1u);
  EXPECT_EQ(europe[0].feature_code, "CONT");
  const std::vector<PlaceMention> krg = gazetteer_->Lookup("Kurdistan Region");
  ASSERT_EQ(krg.size(), 1u);
  EXPECT_EQ(krg[0].country, "IQ");
  EXPECT_EQ(krg[0].precision, PlacePrecision::kAdmin1);
  EXPECT_EQ(gazetteer_->Lookup("Mideast").size(), 1u);
}

TEST_F(GazetteerTest, CommonWords) {
  EXPECT_TRUE(gazetteer_->IsCommonWord("Reading"));
  EXPECT_TRUE(gazetteer_->IsCommonWord("POLICE"));
  EXPECT_FALSE(gazetteer_->IsCommonWord("Erbil"));
  EXPECT_FALSE(gazetteer_->Lookup("Reading").empty());  // still a place
}

TEST_F(GazetteerTest, SizesAreCounted) {
  // 21 GeoNames rows + 5 countries + 3 regions + admin1: TX, TN, NJ, NH, DC,
  // Arbil, Baghdad, England, Ninawa + counties: Lamar, Henry.
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
  std::string version_1 = good;  // built before the key index was stored
  version_1[8] = 1;
  const Damage cases[] = {
      {"empty", "", "too short"},
      {"header only, cut", good.substr(0, 40), "too short"},
      {"truncated", good.substr(0, good.size() - 7), "truncated"},
      {"trailing bytes", good + "xyz", "trailing"},
      {"flipped byte", flipped, "checksum"},
      {"bad magic", bad_magic, "magic"},
      {"future version", bad_version, "version"},
      {"version 1", version_1,
       "format version 1, this program reads version 2; rebuild it"},
  };
  const std::string path = TempPath("damaged.gaz");
  for (const Damage& d : cases) {
    WriteAll(path, d.bytes);
    auto g = Gazetteer::Open(path);
    ASSERT_FALSE(g.ok()) << d.what;
    EXPECT_EQ(g.error().input, path) << d.what;
    EXPECT_NE(g.error().message.find(d.message_part), std::string::npos)
        << d.what << ": " << g.error().message;
  }
  std::remove(path.c_str());
  auto missing = Gazetteer::Open("/nonexistent/gazetteer.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().input, "/nonexistent/gazetteer.bin");
}

// A file whose records are damaged but whose checksum was made to match (a bug
// in another writer, or a hostile file) is read within its bounds: lookups find
// nothing or entries with empty strings, never memory outside the image.
TEST_F(GazetteerTest, DamagedRecordsBehindAGoodChecksumStayInBounds) {
  using namespace where_internal;
  const std::string good = ReadAll(*path_);
  auto u32 = [&](size_t at) {
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
      v = (v << 8) | static_cast<uint8_t>(good[at + i]);
    return v;
  };
  const size_t entries = kHeaderSize,
               keys = entries + size_t{u32(16)} * kEntrySize;
  const size_t postings = keys + size_t{u32(20)} * kKeySize,
               index = postings + size_t{u32(24)} * kPostingSize;
  auto with_checksum = [](std::string image) {
    SealImage(&image);
    return image;
  };
  auto fill = [](std::string* image, size_t from, size_t to, size_t stride,
                 size_t offset, char byte) {
    for (size_t at = from + offset; at < to; at += stride)
      std::fill_n(image->begin() + at, 4, byte);
  };
  std::string bad_strings =
      good;  // every entry's name, admin1 and feature code offsets
  for (size_t field : {16, 20, 24})
    fill(&bad_strings, entries, keys, kEntrySize, field, '\xFF');
  std::string bad_postings =
      good;  // every key's first posting, every posting's entry
  fill(&bad_postings, keys, postings, kKeySize, 4, '\x7F');
  fill(&bad_postings, postings, index, kPostingSize, 0, '\x0F');
  std::string bad_index = good;  // every slot full, naming a key past the end
  fill(&bad_index, index, index + size_t{u32(32)} * kIndexSlotSize, 4, 0,
       '\xEE');
  for (const std::string* image : {&bad_strings, &bad_postings, &bad_index}) {
    auto g = OpenImage(with_checksum(*image), "damaged");
    ASSERT_TRUE(g.ok()) << g.error().message;
    for (const GazetteerEntry& e : (*g)->LookupEntries("Paris"))
      EXPECT_TRUE(e.name.empty());
    (void)(*g)->Country("IRQ");
    (void)(*g)->IsCommonWord("reading");
  }
  auto g = OpenImage(with_checksum(bad_postings), "damaged");
  EXPECT_TRUE((*g)->LookupEntries("Paris").empty());
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
  // allCountries.txt mixes classes: keep countries' and first-level divisions'
  // rows (their names tie cities to regions), drop streams, hotels and the
  // like.
  const std::string geo = TempPath("all.txt");
  auto row = [](const char* id, const char* name, const char* cls,
                const char* code, const char* cc, const char* a1,
                const char* pop) {
    return std::string(id) + "\t" + name + "\t" + name + "\t\t10.5\t20.5\t" +
           cls + "\t" + code + "\t" + cc + "\t\t" + a1 + "\t\t\t\t" + pop +
           "\t\t0\tEtc/UTC\t2024-01-01\n";
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
  EXPECT_EQ((*g)->Lookup("Ruritania Province")[0].precision,
            PlacePrecision::kAdmin1);
  EXPECT_EQ((*g)->Lookup("Strelsau")[0].admin1, "Ruritania Province");
  EXPECT_TRUE((*g)->Lookup("Zenda River").empty());
  EXPECT_TRUE((*g)->Lookup("Grand Hotel").empty());
  // The country entry is countries.txt's, at GeoNames' point for it.
  const std::vector<GazetteerEntry> iraq = (*g)->LookupEntries("Iraq");
  ASSERT_EQ(iraq.size(), 1u);
  EXPECT_EQ(iraq[0].geonameid, 5);
  EXPECT_NEAR(iraq[0].lat, 10.5, 1e-6);
  EXPECT_TRUE((*g)->LookupEntries("Iraqi")[0].demonym);
  std::remove(geo.c_str());
  std::remove(o.output_file.c_str());
}

// The registry packages' formats: world-countries' countries.json and the
// country-state-city-js folder, with the kinds of error found in them.
TEST(GazetteerBuildTest, PointsFromThePackagesMustLieInTheirCountry) {
  namespace fs = std::filesystem;
  const fs::path dir = TempPath("packages");
  fs::remove_all(dir);
  fs::create_directories(dir / "db" / "states" / "IQ");
  fs::create_directories(dir / "db" / "cities" / "IQ" / "AR");
  // Erbil listed at Wichita, Kansas, with its towns in Iraq; Nineveh listed at
  // Montreal with no towns; Baghdad listed right.
  WriteAll(
      (dir / "db" / "states" / "IQ" / "index.json").string(),
      R"([{"name":"Erbil Governorate","countryCode":"IQ","fipsCode":"11","iso":"AR",)"
      R"("latitude":"37.68585250","longitude":"-97.28112560"},)"
      R"({"name":"Nineveh Governorate","countryCode":"IQ","fipsCode":null,"iso":"NI",)"
      R"("latitude":"45.69916670","longitude":"-73.65583330"},)"
      R"({"name":"Baghdad Governorate","countryCode":"IQ","fipsCode":"07","iso":"BG",)"
      R"("latitude":"33.30","longitude":"44.35"}])");
  WriteAll(
      (dir / "db" / "cities" / "IQ" / "AR" / "index.json").string(),
      R"([{"name":"Erbil","latitude":"36.19","longitude":"44.01"},)"
      R"({"name":"Koya","latitude":"36.08","longitude":"44.63"},)"
      R"({"name":"Soran","latitude":"36.65","longitude":"44.54"},{"name":"Nowhere"}])");
  // Iraq listed right; Jordan listed in Mexico.
  const std::string countries_json = (dir / "countries.json").string();
  WriteAll(
      countries_json,
      R"([{"cca2":"IQ","latlng":[33.5,44.5]},{"cca2":"JO","latlng":[20.0,-100.0]},)"
      R"({"cca2":"XX"}])");
  GazetteerBuildOptions o;
  o.geonames_file = kFixtures + "geonames.txt";
  o.countries_file = kFixtures + "countries.txt";
  o.subdivisions_file = kFixtures + "subdivisions.json";
  o.country_points_file = countries_json;
  o.admin1_points_file = dir.string();
  o.output_file = TempPath("packages.gaz");
  const Status built = BuildGazetteer(o);
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  auto g = Gazetteer::Open(o.output_file);
  ASSERT_TRUE(g.ok()) << g.error().ToString();
  EXPECT_NEAR((*g)->Country("IQ")->lat, 33.5, 1e-6);
  EXPECT_NEAR((*g)->Country("JO")->lat, 31.0, 1e-6);  // countries.txt's point
  EXPECT_NEAR((*g)->Country("JO")->lon, 36.3, 1e-6);
  // Erbil: at the middle of its listed towns, under its listed English name
  // too.
  const std::vector<GazetteerEntry> erbil =
      (*g)->LookupEntries("Erbil Governorate");
  ASSERT_EQ(erbil.size(), 1u);
  EXPECT_EQ(erbil[0].precision, PlacePrecision::kAdmin1);
  EXPECT_EQ(erbil[0].country, "IQ");
  EXPECT_NEAR(erbil[0].lat, 36.19, 1e-6);
  EXPECT_NEAR(erbil[0].lon, 44.54, 1e-6);
  // Nineveh: untied, and its only point is in Canada: left out rather than
  // misplaced.
  EXPECT_TRUE((*g)->LookupEntries("Nineveh Governorate").empty());
  EXPECT_TRUE((*g)->LookupEntries("Ninawa").empty());
  // Baghdad: tied by its code, at its listed point.
  const std::vector<GazetteerEntry> baghdad =
      (*g)->LookupEntries("Baghdad Governorate");
  ASSERT_EQ(baghdad.size(), 1u);
  EXPECT_NEAR(baghdad[0].lat, 33.30, 1e-6);
  std::remove(o.output_file.c_str());
  fs::remove_all(dir);
}

TEST(GazetteerBuildTest, SecondLevelSubdivisionsWhereGeoNamesUsesTheirCodes) {
  // Belgium: GeoNames' admin1 codes are the regions' ISO suffixes, its admin2
  // codes the provinces'. The provinces become ADM2 entries at the middle of
  // their towns.
  const std::string geo = TempPath("be.txt");
  auto row = [](const char* id, const char* name, double lat, double lon,
                const char* a2, const char* pop) {
    return std::string(id) + "\t" + name + "\t" + name + "\t\t" +
           std::to_string(lat) + "\t" + std::to_string(lon) +
           "\tP\tPPL\tBE\t\tVLG\t" + a2 + "\t\t\t" + pop +
           "\t\t0\tEurope/Brussels\t2024-01-01\n";
  };
  WriteAll(geo, row("1", "Brugge", 51.2, 3.2, "VWV", "118000") +
                    row("2", "Oostende", 51.2, 2.9, "VWV", "71000") +
                    row("3", "Kortrijk", 50.8, 3.3, "VWV", "76000") +
                    row("4", "Antwerpen", 51.2, 4.4, "VAN", "500000"));
  const std::string subdivisions = TempPath("be.json");
  WriteAll(subdivisions,
           R"({"3166-2": [{"code": "BE-VLG", "name": "Vlaams Gewest"},)"
           R"({"code": "BE-VWV", "name": "West-Vlaanderen", "parent": "VLG"},)"
           R"({"code": "BE-VAN", "name": "Antwerpen", "parent": "VLG"},)"
           R"({"code": "BE-VXX", "name": "Nowhere", "parent": "VLG"}]})");
  const std::string points = TempPath("be_points.txt");
  WriteAll(points,
           "BE-VWV | - | West Flanders | 40.0, -105.3\n");  // the package's
                                                            // point: Boulder
  GazetteerBuildOptions o;
  o.geonames_file = geo;
  o.countries_file = kFixtures + "countries.txt";
  o.subdivisions_file = subdivisions;
  o.admin1_points_file = points;
  o.output_file = TempPath("be.gaz");
  const Status built = BuildGazetteer(o);
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  auto g = Gazetteer::Open(o.output_file);
  ASSERT_TRUE(g.ok()) << g.error().ToString();
  for (const char* name : {"West Flanders", "West-Vlaanderen"}) {
    const std::vector<GazetteerEntry> wv = (*g)->LookupEntries(name);
    ASSERT_EQ(wv.size(), 1u) << name;
    EXPECT_EQ(wv[0].feature_code, "ADM2");
    EXPECT_EQ(wv[0].admin1, "Vlaams Gewest");
    EXPECT_NEAR(wv[0].lat, 51.0,
                1e-6);  // the middle of its towns' range, not Boulder
    EXPECT_NEAR(wv[0].lon, 3.1, 1e-6);
  }
  ASSERT_TRUE((*g)->Subdivision("BE-VWV"));
  // Antwerpen the province is named after its town: the bare name stays the
  // town's.
  const std::vector<GazetteerEntry> antwerpen =
      (*g)->LookupEntries("Antwerpen");
  ASSERT_EQ(antwerpen.size(), 1u);
  EXPECT_EQ(antwerpen[0].feature_code, "PPL");
  ASSERT_TRUE((*g)->Subdivision("BE-VAN"));
  EXPECT_EQ((*g)->Subdivision("BE-VAN")->feature_code, "ADM2");
  EXPECT_FALSE((*g)->Subdivision("BE-VXX"));  // no towns carry its code
  for (const std::string& f : {geo, subdivisions, points, o.output_file})
    std::remove(f.c_str());
}

TEST(GazetteerBuildTest, PackageErrorsNameTheFile) {
  namespace fs = std::filesystem;
  const fs::path dir = TempPath("bad_packages");
  fs::remove_all(dir);
  fs::create_directories(dir / "db" / "states" / "IQ");
  WriteAll((dir / "db" / "states" / "IQ" / "index.json").string(),
           "[{\"name\": ");
  GazetteerBuildOptions o;
  o.geonames_file = kFixtures + "geonames.txt";
  o.countries_file = kFixtures + "countries.txt";
  o.subdivisions_file = kFixtures + "subdivisions.json";
  o.admin1_points_file = dir.string();
  o.output_file = TempPath("never.gaz");
  Status s = BuildGazetteer(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().input,
            (dir / "db" / "states" / "IQ" / "index.json").string());
  o.admin1_points_file = (dir / "missing").string();
  s = BuildGazetteer(o);
  ASSERT_FALSE(s.ok());
  o.admin1_points_file.clear();
  o.country_points_file = (dir / "countries.json").string();
  WriteAll(o.country_points_file, "{}");
  s = BuildGazetteer(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().input, o.country_points_file);
  fs::remove_all(dir);
}

// The real gazetteer (built from the registry packages by the CMake build):
// every first-level region and every country lies within the box its country's
// GeoNames places span, widened by 2 degrees. This catches a region placed on
// another continent, as the package's own points place 300 of them.
TEST(RealGazetteerTest, RegionsAndCountriesLieInTheirCountry) {
  const std::string gazetteer_file = DATELINE_TEST_GAZETTEER;
  const std::string cities_file = DATELINE_TEST_GEONAMES_CITIES;
  const std::string subdivisions_file =
      "/usr/share/iso-codes/json/iso_3166-2.json";
  const std::string package = DATELINE_TEST_ADMIN1_PACKAGE;
  for (const std::string& f : {gazetteer_file, cities_file, subdivisions_file,
                               package + "/package.json"}) {
    if (!std::ifstream(f).good()) GTEST_SKIP() << f << " not present";
  }
  auto g = Gazetteer::Open(gazetteer_file);
  ASSERT_TRUE(g.ok()) << g.error().ToString();
  struct Box {
    double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;
    int places = 0;
    bool Contains(double lat, double lon) const {
      return lat >= min_lat - 2 && lat <= max_lat + 2 && lon >= min_lon - 2 &&
             lon <= max_lon + 2;
    }
  };
  std::map<std::string, Box> boxes;
  {
    std::ifstream in(cities_file);
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::stringstream ss(line);
      std::string field;
      while (std::getline(ss, field, '\t')) f.push_back(field);
      if (f.size() < 9) continue;
      Box& b = boxes[f[8]];
      const double lat = std::stod(f[4]), lon = std::stod(f[5]);
      ++b.places;
      b.min_lat = std::min(b.min_lat, lat);
      b.max_lat = std::max(b.max_lat, lat);
      b.min_lon = std::min(b.min_lon, lon);
      b.max_lon = std::max(b.max_lon, lon);
    }
  }
  ASSERT_GT(boxes.size(), 200u);
  // Names to look up: iso-codes' and the package's names of every region.
  std::set<std::pair<std::string, std::string>> names;  // (country, name)
  {
    std::ifstream in(subdivisions_file);
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    ASSERT_TRUE(doc.contains("3166-2"));
    for (const auto& item : doc["3166-2"])
      names.insert(
          {item["code"].get<std::string>().substr(0, 2), item["name"]});
  }
  for (const auto& e :
       std::filesystem::directory_iterator(package + "/db/states")) {
    std::ifstream in(e.path() / "index.json");
    const nlohmann::json states = nlohmann::json::parse(in, nullptr, false);
    if (!states.is_array()) continue;
    for (const auto& s : states)
      names.insert({e.path().filename().string(), s["name"]});
  }
  size_t regions = 0, outside = 0;
  for (const auto& [country, name] : names) {
    for (const GazetteerEntry& entry : (*g)->LookupEntries(name)) {
      if (entry.feature_code != "ADM1" || entry.country != country ||
          !boxes.count(country))
        continue;
      ++regions;
      if (!boxes[country].Contains(entry.lat, entry.lon)) {
        ++outside;
        ADD_FAILURE() << name << " (" << country << ") at " << entry.lat << ", "
                      << entry.lon;
      }
    }
  }
  EXPECT_GT(regions, 2500u);
  EXPECT_EQ(outside, 0u);
  for (const auto& [country, box] : boxes) {
    const std::optional<GazetteerEntry> c = (*g)->Country(country);
    // (One research station gives Antarctica no extent.)
    if (!c || box.places < 3) continue;
    EXPECT_TRUE(box.Contains(c->lat, c->lon))
        << country << " at " << c->lat << ", " << c->lon;
  }
  // A province (GeoNames' admin2) by its English name.
  const std::vector<GazetteerEntry> west_flanders =
      (*g)->LookupEntries("West Flanders");
  ASSERT_FALSE(west_flanders.empty());
  EXPECT_EQ(west_flanders[0].country, "BE");
  EXPECT_LT(DistanceKm(west_flanders[0].lat, west_flanders[0].lon, 51.0, 3.1),
            50);
  // Regions that the package's wrong points used to lose or misplace.
  struct Expected {
    std::string country, name;
    double lat, lon;
  };
  for (const Expected& want :
       std::vector<Expected>{{"ZA", "Free State", -28.5, 26.8},
                             {"IT", "Lazio", 41.9, 12.7},
                             {"VE", "Trujillo", 9.4, -70.4},
                             {"SG", "North West", 1.4, 103.8}}) {
    const std::vector<GazetteerEntry> found = (*g)->LookupEntries(want.name);
    const auto it = std::find_if(
        found.begin(), found.end(), [&want](const GazetteerEntry& e) {
          return e.country == want.country &&
                 e.precision == PlacePrecision::kAdmin1;
        });
    ASSERT_NE(it, found.end()) << want.name;
    EXPECT_LT(DistanceKm(it->lat, it->lon, want.lat, want.lon), 200)
        << want.name;
  }
}

TEST(CountriesOnlyTest, CountriesDemonymsAndCapitalsAsAliases) {
  auto g = Gazetteer::CountriesOnly(kFixtures + "countries.txt");
  ASSERT_TRUE(g.ok()) << g.error().ToString();
  EXPECT_EQ((*g)->size(), 5u);
  EXPECT_EQ((*g)->Lookup("Iraqi")[0].name, "Iraq");
  const std::vector<GazetteerEntry> baghdad = (*g)->LookupEntries("Baghdad");
  ASSERT_EQ(baghdad.size(), 1u);
  EXPECT_EQ(baghdad[0].precision, PlacePrecision::kCountry);
  EXPECT_TRUE(baghdad[0].capital_alias);
  auto missing = Gazetteer::CountriesOnly("/nonexistent/countries.txt");
  EXPECT_FALSE(missing.ok());
}

// The real countries table, when present, must build (other tests use
// fixtures).
TEST(CountriesOnlyTest, RealCountriesFileBuildsWhenPresent) {
  const std::string path =
      std::string(DATELINE_TEST_DATA_DIR) + "/countries.txt";
  if (!std::ifstream(path).good()) GTEST_SKIP() << path << " not present";
  auto g = Gazetteer::CountriesOnly(path);
  ASSERT_TRUE(g.ok()) << g.error().ToString();
  EXPECT_GT((*g)->size(), 150u);
  ASSERT_FALSE((*g)->Lookup("Iraqi").empty());
  EXPECT_EQ((*g)->Lookup("Iraqi")[0].country, "IQ");
}

}  // namespace
}  // namespace dateline
