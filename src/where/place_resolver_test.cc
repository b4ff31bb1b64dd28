#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "core/geo.h"
#include "where/gazetteer_builder.h"
#include "where/testing_tokenizer.h"
#include "where/where.h"

namespace dateline {
namespace {

const std::string kFixtures = std::string(DATELINE_TESTDATA_DIR) + "/where/";

class PlaceResolverTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string path = ::testing::TempDir() + "where_resolver_" +
                             std::to_string(::getpid()) + ".gaz";
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
    o.output_file = path;
    const Status s = BuildGazetteer(o);
    ASSERT_TRUE(s.ok()) << s.error().ToString();
    auto g = Gazetteer::Open(path);
    ASSERT_TRUE(g.ok()) << g.error().ToString();
    gazetteer_ = g->release();
    std::remove(path.c_str());  // the mapping stays valid
  }
  static void TearDownTestSuite() { delete gazetteer_; }

  std::optional<PlaceMention> Resolve(const std::string& name,
                                      PlaceContext context = {}) {
    return PlaceResolver(*gazetteer_).Resolve(name, context);
  }
  static Gazetteer* gazetteer_;
};
Gazetteer* PlaceResolverTest::gazetteer_ = nullptr;

TEST_F(PlaceResolverTest, SeedNames) {
  auto baghdad = Resolve("Baghdad");
  ASSERT_TRUE(baghdad);
  EXPECT_EQ(baghdad->country, "IQ");
  EXPECT_EQ(baghdad->precision, PlacePrecision::kPoint);
  EXPECT_EQ(baghdad->geonameid, 98182);

  auto erbil = Resolve("Erbil");
  ASSERT_TRUE(erbil);
  EXPECT_EQ(erbil->name, "Erbil");
  EXPECT_EQ(erbil->country, "IQ");
  EXPECT_NEAR(erbil->lat, 36.19, 0.01);
  EXPECT_NEAR(erbil->lon, 44.01, 0.01);
  EXPECT_EQ(erbil->precision, PlacePrecision::kPoint);

  auto iraqi = Resolve("Iraqi");
  ASSERT_TRUE(iraqi);
  EXPECT_EQ(iraqi->name, "Iraq");
  EXPECT_EQ(iraqi->precision, PlacePrecision::kCountry);

  auto krg = Resolve("Kurdistan Region");
  ASSERT_TRUE(krg);
  EXPECT_EQ(krg->country, "IQ");
  EXPECT_EQ(krg->precision, PlacePrecision::kAdmin1);

  EXPECT_FALSE(Resolve("Atlantis"));
  EXPECT_FALSE(Resolve(""));
}

TEST_F(PlaceResolverTest, MostProminentReadingWithoutContext) {
  auto paris = Resolve("Paris");
  ASSERT_TRUE(paris);
  EXPECT_EQ(paris->country, "FR");
}

TEST_F(PlaceResolverTest, DatelineBias) {
  PlaceContext context;
  context.dateline = "DALLAS";
  auto paris = Resolve("Paris", context);
  ASSERT_TRUE(paris);
  EXPECT_EQ(paris->country, "US");
  EXPECT_EQ(paris->admin1, "Texas");
}

TEST_F(PlaceResolverTest, QualifiedNames) {
  auto tx = Resolve("Paris, Texas");
  ASSERT_TRUE(tx);
  EXPECT_EQ(tx->admin1, "Texas");
  auto tn = Resolve("Paris, Tenn.");
  ASSERT_TRUE(tn);
  EXPECT_EQ(tn->admin1, "Tennessee");
  auto iq = Resolve("ERBIL, Iraq (Reuters) -");
  ASSERT_TRUE(iq);
  EXPECT_EQ(iq->name, "Erbil");
  // A qualifier that fits no reading falls back to the plain name.
  auto fr = Resolve("Paris, Iraq");
  ASSERT_TRUE(fr);
  EXPECT_EQ(fr->country, "FR");
}

TEST_F(PlaceResolverTest, ActorCountryBias) {
  auto gb = Resolve("Manchester");
  ASSERT_TRUE(gb);
  EXPECT_EQ(gb->country, "GB");
  PlaceContext context;
  context.actor_countries = {"USA"};
  auto us = Resolve("Manchester", context);
  ASSERT_TRUE(us);
  EXPECT_EQ(us->country, "US");
}

TEST_F(PlaceResolverTest, OtherPlacesOfTheArticle) {
  PlaceContext context;
  context.other_places = {"Austin", "Texas"};
  auto paris = Resolve("Paris", context);
  ASSERT_TRUE(paris);
  EXPECT_EQ(paris->admin1, "Texas");

  const auto joint = PlaceResolver(*gazetteer_)
                         .ResolveAll({"London", "Paris", "Jersey City"}, {});
  ASSERT_EQ(joint.size(), 3u);
  ASSERT_TRUE(joint[0] && joint[1] && joint[2]);
  EXPECT_EQ(joint[0]->country, "GB");
  EXPECT_EQ(joint[1]->country, "FR");
}

TEST_F(PlaceResolverTest, RegionNameAliasedToItsCountryMeansTheRegion) {
  // "England" is an alias of the United Kingdom in countries.txt and the own
  // name of a first-level region: the region is meant.
  auto england = Resolve("England");
  ASSERT_TRUE(england);
  EXPECT_EQ(england->precision, PlacePrecision::kAdmin1);
  EXPECT_EQ(england->country, "GB");
  // The country's own name still means the country.
  auto uk = Resolve("United Kingdom");
  ASSERT_TRUE(uk);
  EXPECT_EQ(uk->precision, PlacePrecision::kCountry);
}

TEST_F(PlaceResolverTest, PublicationHomeRegion) {
  const struct {
    std::vector<std::string> publication;
    std::string want_country;
  } cases[] = {
      {{}, "GB"},  // no earlier reports: the big city
      {{"Dallas", "Austin", "Dallas County", "Dallas"}, "US"},  // a Texas paper
      {{"Baghdad", "Berlin", "Madrid", "Amman"}, "GB"},  // no home region
  };
  for (const auto& c : cases) {
    PublicationHome home;
    std::vector<PlaceMention> report;
    for (const auto& p :
         PlaceResolver(*gazetteer_).ResolveAll(c.publication, {})) {
      if (p) report.push_back(*p);
    }
    home.Add(report);
    PlaceContext context;
    context.home = home.Home();
    auto m = Resolve("Manchester", context);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->country, c.want_country)
        << testing::PrintToString(c.publication);
  }
}

PlaceMention PlaceIn(const std::string& name, const std::string& country,
                     const std::string& admin1) {
  PlaceMention p;
  p.name = name;
  p.country = country;
  p.admin1 = admin1;
  p.precision = PlacePrecision::kPoint;
  return p;
}

TEST(PublicationHomeTest, NeedsEnoughPlacesMostlyInOneRegion) {
  PublicationHome home;
  home.Add(
      {PlaceIn("Dallas", "US", "Texas"), PlaceIn("Austin", "US", "Texas")});
  EXPECT_FALSE(home.Home()) << "two places are not enough";
  home.Add({PlaceIn("Dallas", "US", "Texas"),
            PlaceIn("Dallas", "US", "Texas")});  // once per report
  EXPECT_FALSE(home.Home());
  home.Add({PlaceIn("Waco", "US", "Texas")});
  ASSERT_TRUE(home.Home());
  EXPECT_EQ(*home.Home(), (HomeRegion{"US", "Texas"}));

  PublicationHome wire;
  for (const char* region : {"Texas", "Ohio", "Maine", "Iowa", "Utah"})
    wire.Add({PlaceIn("X", "US", region)});
  EXPECT_FALSE(wire.Home()) << "no region holds 40% of a wire's places";
  // Countries and the dateline say nothing about a home.
  PlaceMention country = PlaceIn("Iraq", "IQ", "");
  country.precision = PlacePrecision::kCountry;
  PlaceMention dateline = PlaceIn("Erbil", "IQ", "Erbil");
  dateline.from_dateline = true;
  PublicationHome none;
  for (int i = 0; i < 5; ++i) none.Add({country, dateline});
  EXPECT_FALSE(none.Home());
}

TEST(PublicationHomeTest, FollowsAMovedBeatAndStaysBounded) {
  PublicationHome home;
  for (int i = 0; i < 300; ++i)
    home.Add({PlaceIn("A" + std::to_string(i), "US", "Texas")});
  EXPECT_EQ(home.Home()->admin1, "Texas");
  // Thousands of reports over many regions: the old beat fades, memory does not
  // grow.
  for (int i = 0; i < 5000; ++i)
    home.Add({PlaceIn("B", "US", "Region" + std::to_string(i % 40))});
  for (int i = 0; i < 600; ++i) home.Add({PlaceIn("C", "US", "Ohio")});
  ASSERT_TRUE(home.Home());
  EXPECT_EQ(home.Home()->admin1, "Ohio");
}

TEST_F(PlaceResolverTest, CountiesFollowTheArticlesRegion) {
  const auto r = PlaceResolver(*gazetteer_)
                     .ResolveAll({"Dallas County", "Dallas", "Austin"}, {});
  ASSERT_TRUE(r[0]);
  EXPECT_EQ(r[0]->precision, PlacePrecision::kAdmin2);
  EXPECT_EQ(r[0]->name, "Dallas County");
  EXPECT_EQ(r[0]->admin1, "Texas");
  EXPECT_EQ(r[0]->geonameid, 0);
  // Without other places there is nothing to go by.
  EXPECT_FALSE(Resolve("Dallas County"));
}

std::vector<std::string> Surfaces(const std::string& text,
                                  const std::vector<PlaceMention>& places) {
  std::vector<std::string> out;
  for (const PlaceMention& p : places) {
    out.push_back(p.from_dateline
                      ? "<dateline:" + p.name + ">"
                      : text.substr(p.span.start, p.span.end - p.span.start));
  }
  return out;
}

TEST_F(PlaceResolverTest, FindPlacesInText) {
  const std::string text =
      "Iraqi forces entered Erbil on Monday. Police said Mr. Paris flew to "
      "Baghdad, "
      "not to the Kurdistan Region.";
  const AnalyzedText a = where_testing::Tokenize(text);
  PlaceContext context;
  context.dateline = "ERBIL, Iraq";
  const std::vector<PlaceMention> places =
      PlaceResolver(*gazetteer_).FindPlaces(a, context);
  EXPECT_EQ(Surfaces(text, places),
            (std::vector<std::string>{"<dateline:Erbil>", "Iraqi", "Erbil",
                                      "Baghdad", "Kurdistan Region"}));
  ASSERT_GE(places.size(), 2u);
  EXPECT_TRUE(places[0].from_dateline);
  EXPECT_EQ(places[0].span.start, places[0].span.end);
  EXPECT_EQ(places[1].precision, PlacePrecision::kCountry);
  EXPECT_FALSE(places[1].from_dateline);
}

// Byte span of the n-th (0-based) occurrence of `what` in `text`.
Span SpanOf(const std::string& text, const std::string& what, int n = 0) {
  size_t pos = text.find(what);
  while (n-- > 0 && pos != std::string::npos) pos = text.find(what, pos + 1);
  return pos == std::string::npos ? Span{} : Span{pos, pos + what.size()};
}

TEST_F(PlaceResolverTest, ResolveSpansUsesTheText) {
  struct Case {
    std::string text;
    std::string name;  // the span resolved: its first occurrences
    int occurrences;
    std::string country,
        admin1;  // expected for every occurrence ("" admin1: any)
  };
  const std::vector<Case> cases = {
      // No context: the most prominent reading.
      {"Paris was quiet on Monday.", "Paris", 1, "FR", ""},
      // A qualifier after a comma settles the name, here and elsewhere in the
      // article.
      {"PARIS, Tenn. - Paris police said the roads were closed.", "PARIS", 1,
       "US", "Tennessee"},
      {"Officers in Paris, Tenn., said Paris was quiet.", "Paris", 2, "US",
       "Tennessee"},
      // Places the recogniser finds outside the given spans are context too.
      {"Officials of Lamar County said Paris was quiet.", "Paris", 1, "US",
       "Texas"},
      {"Henry County deputies said Paris was quiet.", "Paris", 1, "US",
       "Tennessee"},
      // A county's bare stem resolves when it is the given span.
      {"Deputies in Lamar arrested two men.", "Lamar", 1, "US", "Texas"},
  };
  const PlaceResolver resolver(*gazetteer_);
  for (const Case& c : cases) {
    const AnalyzedText a = where_testing::Tokenize(c.text);
    std::vector<Span> spans;
    for (int n = 0; n < c.occurrences; ++n)
      spans.push_back(SpanOf(c.text, c.name, n));
    const std::vector<std::optional<PlaceMention>> got =
        resolver.ResolveSpans(a, spans, {});
    ASSERT_EQ(got.size(), spans.size()) << c.text;
    for (const std::optional<PlaceMention>& p : got) {
      ASSERT_TRUE(p) << c.text;
      EXPECT_EQ(p->country, c.country) << c.text;
      if (!c.admin1.empty()) {
        EXPECT_EQ(p->admin1, c.admin1) << c.text;
      }
    }
  }
  // Unknown names stay unresolved; empty and out-of-range spans are harmless.
  const std::string text = "Nowhere is quiet.";
  const auto got = resolver.ResolveSpans(
      where_testing::Tokenize(text),
      {SpanOf(text, "Nowhere"), Span{}, Span{90, 99}}, {});
  ASSERT_EQ(got.size(), 3u);
  EXPECT_FALSE(got[0]);
  EXPECT_FALSE(got[1]);
  EXPECT_FALSE(got[2]);
}

TEST_F(PlaceResolverTest, BareCountyStemsAreNotRecognized) {
  // "Lamar" alone is mostly a person's name; "Lamar County" is a place.
  const std::string text = "Lamar said Lamar County roads were closed.";
  const std::vector<PlaceMention> places =
      PlaceResolver(*gazetteer_).FindPlaces(where_testing::Tokenize(text), {});
  EXPECT_EQ(Surfaces(text, places), (std::vector<std::string>{"Lamar County"}));
}

TEST_F(PlaceResolverTest, PersonNamesAliasesAndAcronymsAreNotPlaces) {
  // Lincoln (Texas, 3,000 people, alternate name "Capital City") is a small
  // place; Dallas is a prominent one.
  struct Case {
    std::string text;
    std::vector<std::string> places;
  };
  const std::vector<Case> cases = {
      {"Officials in Lincoln said the road was closed.", {"Lincoln"}},
      // Before a capitalised word that is no place: part of a person's name.
      {"Lincoln Smith said the road was closed.", {}},
      // A surname the article writes after a first name.
      {"Mayor Abraham Lincoln spoke on Monday. Lincoln said the road was "
       "closed.",
       {}},
      // Prominent places keep their reading.
      {"The Dallas Cowboys won on Sunday.", {"Dallas"}},
      // A prominent place's alias does not: "Hawler" is Erbil's, "Hawler
      // Gardens" is some other name, unless the next word says what kind of
      // place it is.
      {"Guests met at Hawler Gardens on Sunday.", {}},
      {"Clashes were reported in Hawler Governorate.", {"Hawler"}},
      // Only an alternate name of a small place: a place after a locative word
      // alone.
      {"Capital City was quiet on Sunday.", {}},
      {"Officials in Capital City said so.", {"Capital City"}},
      // Short capitals that name a country are places.
      {"The UK said so.", {"UK"}},
  };
  for (const Case& c : cases) {
    const std::vector<PlaceMention> places =
        PlaceResolver(*gazetteer_)
            .FindPlaces(where_testing::Tokenize(c.text), {});
    EXPECT_EQ(Surfaces(c.text, places), c.places) << c.text;
  }
}

TEST_F(PlaceResolverTest, GivenSpansResolveAsFindPlacesDoes) {
  // "Greenvale" is no entry: a given span the gazetteer lacks stays unresolved,
  // as FindPlaces leaves it out; no guess is made for the scorer that the
  // product would not make. The known names resolve to the same readings both
  // ways.
  const std::string text = "Greenvale lies between Lincoln and Dallas.";
  const AnalyzedText a = where_testing::Tokenize(text);
  const std::vector<Span> spans = {SpanOf(text, "Greenvale"),
                                   SpanOf(text, "Lincoln"),
                                   SpanOf(text, "Dallas")};
  const auto got = PlaceResolver(*gazetteer_).ResolveSpans(a, spans, {});
  ASSERT_EQ(got.size(), 3u);
  EXPECT_FALSE(got[0]);
  const std::vector<PlaceMention> found =
      PlaceResolver(*gazetteer_).FindPlaces(a, {});
  ASSERT_EQ(Surfaces(text, found),
            (std::vector<std::string>{"Lincoln", "Dallas"}));
  for (size_t i = 0; i < 2; ++i) {
    ASSERT_TRUE(got[i + 1]);
    EXPECT_EQ(got[i + 1]->geonameid, found[i].geonameid) << found[i].name;
    EXPECT_EQ(got[i + 1]->admin1, found[i].admin1) << found[i].name;
  }
}

TEST_F(PlaceResolverTest, ContinentsOutrankPlacesNamedAfterThem) {
  auto europe = Resolve("Europe");
  ASSERT_TRUE(europe);
  EXPECT_EQ(europe->name, "Europe");
  EXPECT_EQ(europe->country, "");
}

TEST_F(PlaceResolverTest, CommonWordsNeedALocativeCue) {
  const std::string text =
      "Reading the report, he said. A fire in Reading spread. The reading was "
      "low.";
  const AnalyzedText a = where_testing::Tokenize(text);
  const std::vector<PlaceMention> places =
      PlaceResolver(*gazetteer_).FindPlaces(a, {});
  ASSERT_EQ(places.size(), 1u);
  EXPECT_EQ(text.substr(places[0].span.start,
                        places[0].span.end - places[0].span.start),
            "Reading");
  EXPECT_EQ(places[0].span.start, text.find("in Reading") + 3);
}

TEST_F(PlaceResolverTest, PersonNamesAreNotPlaces) {
  const std::string text =
      "President Jordan met John Paris and King Washington in Amman.";
  const AnalyzedText a = where_testing::Tokenize(text);
  const std::vector<PlaceMention> places =
      PlaceResolver(*gazetteer_).FindPlaces(a, {});
  EXPECT_EQ(Surfaces(text, places), (std::vector<std::string>{"Amman"}));
}

TEST_F(PlaceResolverTest, HyphenatedArticlesAbbreviationsAndCase) {
  const std::string text =
      "Fighting near Sidi-Bouzid and in Paris, Tex. reached MA'RIB and the US.";
  const AnalyzedText a = where_testing::Tokenize(text);
  const std::vector<PlaceMention> places =
      PlaceResolver(*gazetteer_).FindPlaces(a, {});
  EXPECT_EQ(Surfaces(text, places),
            (std::vector<std::string>{"Sidi-Bouzid", "Paris", "Tex.", "MA'RIB",
                                      "US"}));
  ASSERT_EQ(places.size(), 5u);
  EXPECT_EQ(places[1].admin1, "Texas");  // "Tex." pulls Paris to Texas
}

TEST_F(PlaceResolverTest, EmptyInputs) {
  const AnalyzedText a = where_testing::Tokenize("");
  EXPECT_TRUE(PlaceResolver(*gazetteer_).FindPlaces(a, {}).empty());
  PlaceContext context;
  context.dateline = "Nowhere";
  EXPECT_TRUE(PlaceResolver(*gazetteer_).FindPlaces(a, context).empty());
}

// Conflict-event notes in ACLED's style name a town with its district and
// region: "in X, Y state", "in X town (district, state)", with Indian states
// often as their ISO 3166-2 codes ("AP", "UP") or "J&K". The examples below are
// written for this test; the gazetteer is built from a small GeoNames-format
// file of real towns.
class ConflictNoteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = ::testing::TempDir() + "where_notes_" +
                            std::to_string(::getpid()) + "_";
    auto write = [](const std::string& path, const std::string& bytes) {
      std::FILE* f = std::fopen(path.c_str(), "wb");
      ASSERT_NE(f, nullptr) << path;
      std::fwrite(bytes.data(), 1, bytes.size(), f);
      std::fclose(f);
    };
    int id = 100;
    auto row = [&id](const char* name, double lat, double lon, const char* code,
                     const char* cc, const char* a1, long pop) {
      return std::to_string(++id) + "\t" + name + "\t" + name + "\t\t" +
             std::to_string(lat) + "\t" + std::to_string(lon) + "\tP\t" + code +
             "\t" + cc + "\t\t" + a1 + "\t\t\t\t" + std::to_string(pop) +
             "\t\t0\tEtc/UTC\t2024-01-01\n";
    };
    write(dir + "geonames.txt",
          row("Ongole", 15.50, 80.05, "PPL", "IN", "02", 200000) +
              row("Guntur", 16.30, 80.45, "PPLA2", "IN", "02", 650000) +
              row("Lucknow", 26.85, 80.95, "PPLA", "IN", "36", 2800000) +
              row("Rampur", 28.80, 79.03, "PPLA2", "IN", "36", 325000) +
              row("Rampur", 31.45, 77.63, "PPL", "IN", "11", 5000) +
              row("Shimla", 31.10, 77.17, "PPLA", "IN", "11", 170000) +
              row("Baramulla", 34.20, 74.34, "PPLA2", "IN", "12", 70000) +
              row("Srinagar", 34.09, 74.79, "PPLA", "IN", "12", 1200000) +
              row("Aurangabad", 19.88, 75.34, "PPLA2", "IN", "16", 1200000) +
              row("Aurangabad", 24.75, 84.37, "PPLA2", "IN", "34", 100000) +
              row("Patna", 25.59, 85.14, "PPLA", "IN", "34", 1600000) +
              row("Mumbai", 19.07, 72.88, "PPLA", "IN", "16", 12000000) +
              row("Santa Ana", 9.31, -70.65, "PPL", "VE", "21", 5000) +
              row("Valera", 9.32, -70.60, "PPL", "VE", "21", 130000) +
              row("Trujillo", 9.37, -70.44, "PPLA", "VE", "21", 40000) +
              row("Upata", 8.01, -62.40, "PPL", "VE", "06", 80000) +
              row("Ciudad Bolivar", 8.12, -63.55, "PPLA", "VE", "06", 340000) +
              row("Santa Ana", 33.75, -117.87, "PPLA2", "US", "CA", 330000) +
              row("Sacramento", 38.58, -121.49, "PPLA", "US", "CA", 500000) +
              row("Kismayo", -0.36, 42.55, "PPLA", "SO", "09", 180000) +
              row("Jamaame", 0.07, 42.75, "PPL", "SO", "09", 185000) +
              row("Marka", 1.71, 44.77, "PPLA", "SO", "14", 230000) +
              row("Afgooye", 2.14, 45.12, "PPL", "SO", "14", 80000) +
              row("Marka", 31.98, 35.98, "PPL", "JO", "16", 300000) +
              row("Amman", 31.95, 35.93, "PPLC", "JO", "16", 1300000));
    write(dir + "countries.txt",
          "IND | IN | India | Indian; Indians | New Delhi | 21.0, 78.0\n"
          "VEN | VE | Venezuela | Venezuelan; Venezuelans | Caracas | 8.0, "
          "-66.0\n"
          "SOM | SO | Somalia | Somali; Somalis | Mogadishu | 6.0, 48.0\n"
          "JOR | JO | Jordan | Jordanian; Jordanians | Amman | 31.0, 36.3\n"
          "USA | US | United States | American; Americans | Washington | 39.8, "
          "-98.6\n");
    write(
        dir + "subdivisions.json",
        R"({"3166-2": [{"code": "IN-AP", "name": "Andhra Pradesh"}, {"code": "IN-UP", "name": "Uttar Pradesh"},)"
        R"({"code": "IN-JK", "name": "Jammu and Kashmir"}, {"code": "IN-BR", "name": "Bihar"},)"
        R"({"code": "IN-MH", "name": "Maharashtra"}, {"code": "IN-HP", "name": "Himachal Pradesh"},)"
        R"({"code": "VE-T", "name": "Trujillo"}, {"code": "VE-F", "name": "Bolívar"},)"
        R"({"code": "SO-JH", "name": "Jubbada Hoose"}, {"code": "SO-SH", "name": "Shabeellaha Hoose"},)"
        R"({"code": "US-CA", "name": "California"}, {"code": "JO-AM", "name": "Al Asimah"}]})");
    write(dir + "admin1.txt",
          "IN-AP | 02 | - | 15.9, 79.7\nIN-UP | 36 | - | 27.0, 80.9\nIN-JK | "
          "12 | =J&K | 33.9, 75.0\n"
          "IN-BR | 34 | - | 25.6, 85.6\nIN-MH | 16 | - | 19.4, 76.4\nIN-HP | "
          "11 | - | 31.9, 77.2\n"
          "VE-T | 21 | - | 9.4, -70.4\nVE-F | 06 | Bolivar | 6.5, -63.5\n"
          "SO-JH | 09 | Lower Juba | -0.2, 42.3\nSO-SH | 14 | Lower Shabelle | "
          "1.9, 44.6\nJO-AM | 16 | - | -\n");
    GazetteerBuildOptions o;
    o.geonames_file = dir + "geonames.txt";
    o.countries_file = dir + "countries.txt";
    o.subdivisions_file = dir + "subdivisions.json";
    o.admin1_file = dir + "admin1.txt";
    o.output_file = dir + "notes.gaz";
    const Status s = BuildGazetteer(o);
    ASSERT_TRUE(s.ok()) << s.error().ToString();
    auto g = Gazetteer::Open(o.output_file);
    ASSERT_TRUE(g.ok()) << g.error().ToString();
    gazetteer_ = g->release();
    for (const char* f : {"geonames.txt", "countries.txt", "subdivisions.json",
                          "admin1.txt", "notes.gaz"}) {
      std::remove((dir + f).c_str());
    }
  }
  static void TearDownTestSuite() { delete gazetteer_; }
  static Gazetteer* gazetteer_;
};
Gazetteer* ConflictNoteTest::gazetteer_ = nullptr;

TEST_F(ConflictNoteTest, TheNamedTownInItsQualifiersOrTheQualifierItself) {
  struct Case {
    std::string text;
    std::string name, country, admin1, precision;
    double lat, lon;
    std::vector<std::string> actor_countries =
        {};  // as the actors stage finds them
  };
  const std::vector<Case> cases = {
      // A town of the named state, though a bigger place elsewhere has the
      // name.
      {"On 3 March 2021, in Santa Ana, Trujillo state, residents blocked a "
       "road over water cuts.",
       "Santa Ana", "VE", "Trujillo", "point", 9.31, -70.65},
      {"On 5 March 2021, in Upata, Bolivar state, miners clashed with "
       "soldiers.",
       "Upata", "VE", "Bolívar", "point", 8.01, -62.40},
      // A town the gazetteer lacks: the state, with precision admin1.
      {"On 7 March 2021, in El Callao, Bolivar state, gunmen killed two "
       "miners.",
       "El Callao", "VE", "Bolívar", "admin1", 6.5, -63.5},
      // (district, state) with the state as its ISO 3166-2 code.
      {"Around 2 April 2021 (between), in Rampur town (Rampur, UP), "
       "shopkeepers held a sit-in.",
       "Rampur", "IN", "Uttar Pradesh", "point", 28.80, 79.03},
      // Town unknown, district known: the district's place, precision admin2.
      {"On 4 April 2021, in Tadepalle village (Guntur, AP), farmers blocked a "
       "highway.",
       "Tadepalle", "IN", "Andhra Pradesh", "admin2", 16.30, 80.45},
      // Town and district unknown: the state, its code read in the actors'
      // country.
      {"On 6 April 2021, in Kothapeta (Ongolu, AP), Indian police dispersed "
       "two groups.",
       "Kothapeta",
       "IN",
       "Andhra Pradesh",
       "admin1",
       15.9,
       79.7,
       {"IND"}},
      {"On 8 April 2021, in Sopore town (Baramulla, J&K), militants attacked a "
       "police post.",
       "Sopore", "IN", "Jammu and Kashmir", "admin2", 34.20, 74.34},
      // The region by its English name; the more populous Marka is in Jordan.
      {"On 10 April 2021, in Marka (Marka, Lower Shabelle), militants shelled "
       "a base.",
       "Marka", "SO", "Shabeellaha Hoose", "point", 1.71, 44.77},
      {"On 12 April 2021, in Bulo Haji (Afmadow, Lower Juba), clan militias "
       "clashed.",
       "Bulo Haji", "SO", "Jubbada Hoose", "admin1", -0.2, 42.3},
      {"On 14 April 2021, in Aurangabad town (Aurangabad, Bihar), police fired "
       "tear gas.",
       "Aurangabad", "IN", "Bihar", "point", 24.75, 84.37},
      // A lone code in brackets is a news agency's: no qualifier.
      {"Officials in Santa Ana (AP) said the fire was out.", "Santa Ana", "US",
       "California", "point", 33.75, -117.87},
  };
  const PlaceResolver resolver(*gazetteer_);
  for (const Case& c : cases) {
    PlaceContext context;
    context.actor_countries = c.actor_countries;
    const std::vector<PlaceMention> places =
        resolver.FindPlaces(where_testing::Tokenize(c.text), context);
    ASSERT_FALSE(places.empty()) << c.text;
    const PlaceMention& p = places[0];
    EXPECT_EQ(c.text.substr(p.span.start, p.span.end - p.span.start), c.name)
        << c.text;
    EXPECT_EQ(p.name, c.name) << c.text;
    EXPECT_EQ(p.country, c.country) << c.text;
    EXPECT_EQ(p.admin1, c.admin1) << c.text;
    EXPECT_EQ(PlacePrecisionName(p.precision), c.precision) << c.text;
    EXPECT_LT(DistanceKm(p.lat, p.lon, c.lat, c.lon), 1.0) << c.text;
    if (c.precision != "point") {
      EXPECT_EQ(p.geonameid, 0) << c.text;
    }
  }
}

TEST_F(ConflictNoteTest, QualifierWordsAndUnqualifiedUnknowns) {
  const PlaceResolver resolver(*gazetteer_);
  // "Bolivar state", "Trujillo state" are the regions, even where the region's
  // capital has its name (a bare "Trujillo" is the town).
  for (const char* t : {"On 5 March 2021, in Upata, Bolivar state, miners "
                        "clashed with soldiers.",
                        "On 3 March 2021, in Santa Ana, Trujillo state, "
                        "residents blocked a road."}) {
    const std::vector<PlaceMention> places =
        resolver.FindPlaces(where_testing::Tokenize(t), {});
    ASSERT_EQ(places.size(), 2u) << t;
    EXPECT_EQ(places[1].precision, PlacePrecision::kAdmin1) << t;
    EXPECT_EQ(places[1].country, "VE") << t;
  }
  const std::string bare = "Teachers marched in Trujillo.";
  const std::vector<PlaceMention> town =
      resolver.FindPlaces(where_testing::Tokenize(bare), {});
  ASSERT_EQ(town.size(), 1u);
  EXPECT_EQ(town[0].precision, PlacePrecision::kPoint);
  // An unknown name without explicit qualifiers is no place; a plain comma
  // qualifier
  // ("Kothapeta, Bihar") does not make one either.
  for (const char* t : {"On 6 April 2021, in Kothapeta two groups fought.",
                        "A fire in Kothapeta, Bihar was put out.",
                        "A fire in Kothapeta (near the river) was put out."}) {
    const std::string s(t);
    for (const PlaceMention& p :
         resolver.FindPlaces(where_testing::Tokenize(s), {})) {
      EXPECT_NE(s.substr(p.span.start, p.span.end - p.span.start), "Kothapeta")
          << s;
    }
  }
  // Given spans (ResolveSpans) are placed the same way.
  const std::string note =
      "On 4 April 2021, in Tadepalle village (Guntur, AP), farmers blocked a "
      "highway.";
  const auto got = resolver.ResolveSpans(where_testing::Tokenize(note),
                                         {SpanOf(note, "Tadepalle")}, {});
  ASSERT_EQ(got.size(), 1u);
  ASSERT_TRUE(got[0]);
  EXPECT_EQ(got[0]->precision, PlacePrecision::kAdmin2);
  EXPECT_EQ(got[0]->admin1, "Andhra Pradesh");
  // The region codes are keys of the gazetteer.
  ASSERT_TRUE(gazetteer_->Subdivision("IN-AP"));
  EXPECT_EQ(gazetteer_->Subdivision("IN-AP")->name, "Andhra Pradesh");
  EXPECT_FALSE(gazetteer_->Subdivision("IN-ZZ"));
  EXPECT_FALSE(gazetteer_->Subdivision("IN"));
}

}  // namespace
}  // namespace dateline
