#include "dedup/dedup.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

Event MakeEvent(size_t sentence, Span evidence, Span source,
                const char* source_country, const char* cameo,
                const char* plover) {
  Event e;
  e.sentence = sentence;
  e.evidence = evidence;
  e.source.span = source;
  e.source.actor.country = source_country;
  e.cameo = cameo;
  e.plover = *ParsePlover(plover);
  return e;
}

TEST(DedupTest, KeepsOneEventPerActorAndCategoryInASentence) {
  const std::string text =
      "A met B to discuss C. A met B to discuss C. A attacked C.";
  std::vector<Event> events = {
      MakeEvent(0, {0, 21}, {0, 1}, "IRQ", "040", "CONSULT"),  // met
      MakeEvent(0, {0, 21}, {0, 1}, "IRQ", "041",
                "CONSULT"),  // discuss: same act
      MakeEvent(1, {22, 43}, {22, 23}, "IRQ", "040",
                "CONSULT"),  // the page repeats the sentence
      MakeEvent(2, {44, 57}, {44, 45}, "IRQ", "190", "FIGHT"),
  };
  DedupArticleEvents(text, &events);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].cameo, "040");
  EXPECT_EQ(events[1].cameo, "190");
}

TEST(DedupTest, FingerprintsIgnoreWordingButNotFacts) {
  Event a = MakeEvent(0, {0, 10}, {0, 1}, "IRQ", "193", "FIGHT");
  a.date = DateMention{};
  a.date->value = PartialDate{2021, 6, 3};
  a.place = PlaceMention{};
  a.place->lat = 36.19;
  a.place->lon = 44.01;
  Event b = a;
  b.cameo = "190";
  b.evidence = {50, 90};
  EXPECT_EQ(EventFingerprint(a), EventFingerprint(b));
  b.date->value = PartialDate{2021, 6, 4};
  EXPECT_NE(EventFingerprint(a), EventFingerprint(b));
}

ReportKey Key(const char* source, const char* target, PartialDate date,
              double lat, double lon) {
  ReportKey k;
  k.kind = "cameo:19";
  k.source_code = source;
  k.target_code = target;
  k.date = date;
  k.has_place = true;
  k.lat = lat;
  k.lon = lon;
  k.place_precision = PlacePrecision::kPoint;
  k.place_country = "IQ";
  k.place_admin1 = "Kirkuk";
  return k;
}

TEST(SameEventTest, ToleratesAdjacentDaysNearbyPlacesAndCoarserCodes) {
  const GroupingOptions o;  // 25 km, one day
  const ReportKey a = Key("IRQMIL", "IMGINS", {2021, 6, 3}, 35.47, 44.39);
  struct Case {
    const char* what;
    ReportKey b;
    bool same;
  };
  std::vector<Case> cases = {
      {"the same", a, true},
      {"next day", Key("IRQMIL", "IMGINS", {2021, 6, 4}, 35.47, 44.39), true},
      {"two days later", Key("IRQMIL", "IMGINS", {2021, 6, 5}, 35.47, 44.39),
       false},
      {"month precision against a day",
       Key("IRQMIL", "IMGINS", {2021, 6, 0}, 35.47, 44.39), false},
      {"year precision against a day",
       Key("IRQMIL", "IMGINS", {2021, 0, 0}, 35.47, 44.39), false},
      {"a day within the gap",
       Key("IRQMIL", "IMGINS", {2021, 6, 2}, 35.46, 44.40), true},
      {"the next year", Key("IRQMIL", "IMGINS", {2022, 6, 3}, 35.47, 44.39),
       false},
      {"the day before", Key("IRQMIL", "IMGINS", {2021, 6, 2}, 35.47, 44.39),
       true},
      {"20 km away", Key("IRQMIL", "IMGINS", {2021, 6, 3}, 35.65, 44.39), true},
      {"150 km away", Key("IRQMIL", "IMGINS", {2021, 6, 3}, 36.34, 43.13),
       false},
      {"country-level source", Key("IRQ", "IMGINS", {2021, 6, 3}, 35.47, 44.39),
       true},
      {"another country", Key("SYRMIL", "IMGINS", {2021, 6, 3}, 35.47, 44.39),
       false},
      {"IRQ is not a prefix unit of IRQM",
       Key("IRQM", "IMGINS", {2021, 6, 3}, 35.47, 44.39), false},
      {"uncoded target", Key("IRQMIL", "", {2021, 6, 3}, 35.47, 44.39), false},
  };
  ReportKey other_kind = a;
  other_kind.kind = "cameo:04";
  cases.push_back({"another CAMEO root", other_kind, false});
  ReportKey negated = a;
  negated.negated = true;
  cases.push_back({"negated", negated, false});
  ReportKey no_place = a;
  no_place.has_place = false;
  cases.push_back({"no place", no_place, false});
  ReportKey country = a;
  country.place_precision = PlacePrecision::kCountry;
  country.lat = 33;
  country.lon = 43;
  cases.push_back({"the country it lies in", country, false});
  ReportKey region = a;
  region.place_precision = PlacePrecision::kAdmin1;
  region.place_admin1 = "Nineveh";
  cases.push_back({"another region", region, false});
  ReportKey undated = a;
  undated.date.reset();
  cases.push_back({"undated", undated, false});
  for (const Case& c : cases) {
    EXPECT_EQ(SameEvent(a, c.b, o), c.same) << c.what;
    EXPECT_EQ(SameEvent(c.b, a, o), c.same) << c.what << " (reversed)";
  }
  // Coarse dates and places compare with their own kind only.
  ReportKey march = Key("IRQMIL", "IMGINS", {2021, 3, 0}, 35.47, 44.39);
  EXPECT_TRUE(
      SameEvent(march, Key("IRQMIL", "IMGINS", {2021, 3, 0}, 35.48, 44.39), o));
  EXPECT_FALSE(
      SameEvent(march, Key("IRQMIL", "IMGINS", {2021, 4, 0}, 35.47, 44.39), o));
  ReportKey other_region = region;
  EXPECT_TRUE(SameEvent(region, other_region, o));
  EXPECT_TRUE(SameEvent(country, country, o));
  GroupingOptions loose;
  loose.unknown_actor_matches = true;
  EXPECT_TRUE(
      SameEvent(a, Key("IRQMIL", "", {2021, 6, 3}, 35.47, 44.39), loose));
  GroupingOptions off;
  off.max_km = 0;
  EXPECT_FALSE(SameEvent(a, a, off));
}

TEST(SameEventTest, KindsAndHosts) {
  EXPECT_EQ(GroupKind("0231", "", ""), "cameo:02");
  EXPECT_EQ(GroupKind("", "Other", "NATURAL_DISASTER"),
            "acled:Other/NATURAL_DISASTER");
  EXPECT_EQ(GroupKind("", "", ""), "");
  EXPECT_EQ(UrlHost("https://www.BBC.co.uk/news/x?y#z"), "bbc.co.uk");
  EXPECT_EQ(UrlHost("http://example.org:8080/a"), "example.org");
  EXPECT_EQ(UrlHost(""), "");
}

}  // namespace
}  // namespace dateline
