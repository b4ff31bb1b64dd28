#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <string>

#include "where/testing_tokenizer.h"
#include "where/where.h"

namespace dateline {
namespace {

const std::string kFixtures = std::string(DATELINE_TESTDATA_DIR) + "/where/";

class PlaceResolverTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string path = ::testing::TempDir() + "where_resolver_" + std::to_string(::getpid()) + ".gaz";
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

  std::optional<PlaceMention> Resolve(const std::string& name, PlaceContext context = {}) {
    return PlaceResolver(*gazetteer_).Resolve(name, context);
  }
  static Gazetteer* gazetteer_;
};
Gazetteer* PlaceResolverTest::gazetteer_ = nullptr;

TEST_F(PlaceResolverTest, SeedNames) {
  auto baghdad = Resolve("Baghdad");
  ASSERT_TRUE(baghdad);
  EXPECT_EQ(baghdad->country, "IQ");
  EXPECT_EQ(baghdad->precision, "point");
  EXPECT_EQ(baghdad->geonameid, 98182);

  auto erbil = Resolve("Erbil");
  ASSERT_TRUE(erbil);
  EXPECT_EQ(erbil->name, "Erbil");
  EXPECT_EQ(erbil->country, "IQ");
  EXPECT_NEAR(erbil->lat, 36.19, 0.01);
  EXPECT_NEAR(erbil->lon, 44.01, 0.01);
  EXPECT_EQ(erbil->precision, "point");

  auto iraqi = Resolve("Iraqi");
  ASSERT_TRUE(iraqi);
  EXPECT_EQ(iraqi->name, "Iraq");
  EXPECT_EQ(iraqi->precision, "country");

  auto krg = Resolve("Kurdistan Region");
  ASSERT_TRUE(krg);
  EXPECT_EQ(krg->country, "IQ");
  EXPECT_EQ(krg->precision, "admin1");

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

  const auto joint = PlaceResolver(*gazetteer_).ResolveAll({"London", "Paris", "Jersey City"}, {});
  ASSERT_EQ(joint.size(), 3u);
  ASSERT_TRUE(joint[0] && joint[1] && joint[2]);
  EXPECT_EQ(joint[0]->country, "GB");
  EXPECT_EQ(joint[1]->country, "FR");
}

TEST_F(PlaceResolverTest, RegionNameAliasedToItsCountryMeansTheRegion) {
  // "England" is an alias of the United Kingdom in countries.txt and the own name of
  // a first-level region: the region is meant.
  auto england = Resolve("England");
  ASSERT_TRUE(england);
  EXPECT_EQ(england->precision, "admin1");
  EXPECT_EQ(england->country, "GB");
  // The country's own name still means the country.
  auto uk = Resolve("United Kingdom");
  ASSERT_TRUE(uk);
  EXPECT_EQ(uk->precision, "country");
}

TEST_F(PlaceResolverTest, PublicationHomeRegion) {
  const struct {
    std::vector<std::string> publication;
    std::string want_country;
  } cases[] = {
      {{}, "GB"},                                          // no lexicon: the big city
      {{"Dallas", "Austin", "Dallas County", "Dallas"}, "US"},  // a Texas paper
      {{"Baghdad", "Berlin", "Madrid", "Amman"}, "GB"},     // no home region
  };
  for (const auto& c : cases) {
    PlaceContext context;
    context.publication_places = c.publication;
    auto m = Resolve("Manchester", context);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->country, c.want_country) << testing::PrintToString(c.publication);
  }
}

TEST_F(PlaceResolverTest, CountiesFollowTheArticlesRegion) {
  const auto r = PlaceResolver(*gazetteer_).ResolveAll({"Dallas County", "Dallas", "Austin"}, {});
  ASSERT_TRUE(r[0]);
  EXPECT_EQ(r[0]->precision, "admin2");
  EXPECT_EQ(r[0]->name, "Dallas County");
  EXPECT_EQ(r[0]->admin1, "Texas");
  EXPECT_EQ(r[0]->geonameid, 0);
  // Without other places there is nothing to go by.
  EXPECT_FALSE(Resolve("Dallas County"));
}

std::vector<std::string> Surfaces(const std::string& text, const std::vector<PlaceMention>& places) {
  std::vector<std::string> out;
  for (const PlaceMention& p : places) {
    out.push_back(p.from_dateline ? "<dateline:" + p.name + ">" : text.substr(p.span.start, p.span.end - p.span.start));
  }
  return out;
}

TEST_F(PlaceResolverTest, FindPlacesInText) {
  const std::string text =
      "Iraqi forces entered Erbil on Monday. Police said Mr. Paris flew to Baghdad, "
      "not to the Kurdistan Region.";
  const AnalyzedText a = where_testing::Tokenize(text);
  PlaceContext context;
  context.dateline = "ERBIL, Iraq";
  const std::vector<PlaceMention> places = PlaceResolver(*gazetteer_).FindPlaces(a, context);
  EXPECT_EQ(Surfaces(text, places),
            (std::vector<std::string>{"<dateline:Erbil>", "Iraqi", "Erbil", "Baghdad", "Kurdistan Region"}));
  ASSERT_GE(places.size(), 2u);
  EXPECT_TRUE(places[0].from_dateline);
  EXPECT_EQ(places[0].span.start, places[0].span.end);
  EXPECT_EQ(places[1].precision, "country");
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
    std::string country, admin1;  // expected for every occurrence ("" admin1: any)
  };
  const std::vector<Case> cases = {
      // No context: the most prominent reading.
      {"Paris was quiet on Monday.", "Paris", 1, "FR", ""},
      // A qualifier after a comma settles the name, here and elsewhere in the article.
      {"PARIS, Tenn. - Paris police said the roads were closed.", "PARIS", 1, "US", "Tennessee"},
      {"Officers in Paris, Tenn., said Paris was quiet.", "Paris", 2, "US", "Tennessee"},
      // Places the recogniser finds outside the given spans are context too.
      {"Officials of Lamar County said Paris was quiet.", "Paris", 1, "US", "Texas"},
      {"Henry County deputies said Paris was quiet.", "Paris", 1, "US", "Tennessee"},
      // A county's bare stem resolves when it is the given span.
      {"Deputies in Lamar arrested two men.", "Lamar", 1, "US", "Texas"},
  };
  const PlaceResolver resolver(*gazetteer_);
  for (const Case& c : cases) {
    const AnalyzedText a = where_testing::Tokenize(c.text);
    std::vector<Span> spans;
    for (int n = 0; n < c.occurrences; ++n) spans.push_back(SpanOf(c.text, c.name, n));
    const std::vector<std::optional<PlaceMention>> got = resolver.ResolveSpans(a, spans, {});
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
  const auto got = resolver.ResolveSpans(where_testing::Tokenize(text), {SpanOf(text, "Nowhere"), Span{}, Span{90, 99}}, {});
  ASSERT_EQ(got.size(), 3u);
  EXPECT_FALSE(got[0]);
  EXPECT_FALSE(got[1]);
  EXPECT_FALSE(got[2]);
}

TEST_F(PlaceResolverTest, BareCountyStemsAreNotRecognised) {
  // "Lamar" alone is mostly a person's name; "Lamar County" is a place.
  const std::string text = "Lamar said Lamar County roads were closed.";
  const std::vector<PlaceMention> places = PlaceResolver(*gazetteer_).FindPlaces(where_testing::Tokenize(text), {});
  EXPECT_EQ(Surfaces(text, places), (std::vector<std::string>{"Lamar County"}));
}

TEST_F(PlaceResolverTest, PersonNamesAliasesAndAcronymsAreNotPlaces) {
  // Lincoln (Texas, 3,000 people, alternate name "Capital City") is a small place;
  // Dallas is a prominent one.
  struct Case {
    std::string text;
    std::vector<std::string> places;
  };
  const std::vector<Case> cases = {
      {"Officials in Lincoln said the road was closed.", {"Lincoln"}},
      // Before a capitalised word that is no place: part of a person's name.
      {"Lincoln Smith said the road was closed.", {}},
      // A surname the article writes after a first name.
      {"Mayor Abraham Lincoln spoke on Monday. Lincoln said the road was closed.", {}},
      // Prominent places keep their reading.
      {"The Dallas Cowboys won on Sunday.", {"Dallas"}},
      // Only an alternate name of a small place: a place after a locative word alone.
      {"Capital City was quiet on Sunday.", {}},
      {"Officials in Capital City said so.", {"Capital City"}},
      // Short capitals that name a country are places.
      {"The UK said so.", {"UK"}},
  };
  for (const Case& c : cases) {
    const std::vector<PlaceMention> places = PlaceResolver(*gazetteer_).FindPlaces(where_testing::Tokenize(c.text), {});
    EXPECT_EQ(Surfaces(c.text, places), c.places) << c.text;
  }
}

TEST_F(PlaceResolverTest, GivenSpansUnknownToTheGazetteerGoToTheArticlesFocus) {
  // "Greenvale" is no entry: with the article's places in Texas it is placed at the
  // most local of them, with precision "admin2".
  const std::string text = "Greenvale lies between Lincoln and Dallas.";
  const std::vector<Span> spans = {SpanOf(text, "Greenvale"), SpanOf(text, "Lincoln"), SpanOf(text, "Dallas")};
  const auto got = PlaceResolver(*gazetteer_).ResolveSpans(where_testing::Tokenize(text), spans, {});
  ASSERT_EQ(got.size(), 3u);
  ASSERT_TRUE(got[0]);
  EXPECT_EQ(got[0]->name, "Greenvale");
  EXPECT_EQ(got[0]->precision, "admin2");
  EXPECT_EQ(got[0]->geonameid, 0);
  EXPECT_EQ(got[0]->admin1, "Texas");
  EXPECT_NEAR(got[0]->lat, 31.9, 1e-6);
  // Without a focus (places in different regions) it stays unresolved.
  const std::string spread = "Greenvale lies between Paris, Tenn., Dallas and Austin.";
  const auto none = PlaceResolver(*gazetteer_).ResolveSpans(
      where_testing::Tokenize(spread), {SpanOf(spread, "Greenvale"), SpanOf(spread, "Paris"), SpanOf(spread, "Dallas")}, {});
  ASSERT_EQ(none.size(), 3u);  // Tennessee: Paris, "Tenn."; Texas: Dallas, Austin
  EXPECT_FALSE(none[0]);
  // FindPlaces never guesses: it only reports names the gazetteer knows.
  EXPECT_EQ(Surfaces(text, PlaceResolver(*gazetteer_).FindPlaces(where_testing::Tokenize(text), {})),
            (std::vector<std::string>{"Lincoln", "Dallas"}));
}

TEST_F(PlaceResolverTest, ContinentsOutrankPlacesNamedAfterThem) {
  auto europe = Resolve("Europe");
  ASSERT_TRUE(europe);
  EXPECT_EQ(europe->name, "Europe");
  EXPECT_EQ(europe->country, "");
}

TEST_F(PlaceResolverTest, CommonWordsNeedALocativeCue) {
  const std::string text =
      "Reading the report, he said. A fire in Reading spread. The reading was low.";
  const AnalyzedText a = where_testing::Tokenize(text);
  const std::vector<PlaceMention> places = PlaceResolver(*gazetteer_).FindPlaces(a, {});
  ASSERT_EQ(places.size(), 1u);
  EXPECT_EQ(text.substr(places[0].span.start, places[0].span.end - places[0].span.start), "Reading");
  EXPECT_EQ(places[0].span.start, text.find("in Reading") + 3);
}

TEST_F(PlaceResolverTest, PersonNamesAreNotPlaces) {
  const std::string text = "President Jordan met John Paris and King Washington in Amman.";
  const AnalyzedText a = where_testing::Tokenize(text);
  const std::vector<PlaceMention> places = PlaceResolver(*gazetteer_).FindPlaces(a, {});
  EXPECT_EQ(Surfaces(text, places), (std::vector<std::string>{"Amman"}));
}

TEST_F(PlaceResolverTest, HyphenatedArticlesAbbreviationsAndCase) {
  const std::string text = "Fighting near Sidi-Bouzid and in Paris, Tex. reached MA'RIB and the US.";
  const AnalyzedText a = where_testing::Tokenize(text);
  const std::vector<PlaceMention> places = PlaceResolver(*gazetteer_).FindPlaces(a, {});
  EXPECT_EQ(Surfaces(text, places),
            (std::vector<std::string>{"Sidi-Bouzid", "Paris", "Tex.", "MA'RIB", "US"}));
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

}  // namespace
}  // namespace dateline
