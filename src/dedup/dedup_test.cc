#include "dedup/dedup.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

Event MakeEvent(size_t sentence, Span evidence, Span source, const char* source_country, const char* cameo,
                const char* plover) {
  Event e;
  e.sentence = sentence;
  e.evidence = evidence;
  e.source.span = source;
  e.source.actor.country = source_country;
  e.cameo = cameo;
  e.plover = plover;
  return e;
}

TEST(DedupTest, KeepsOneEventPerActorAndCategoryInASentence) {
  const std::string text = "A met B to discuss C. A met B to discuss C. A attacked C.";
  std::vector<Event> events = {
      MakeEvent(0, {0, 21}, {0, 1}, "IRQ", "040", "CONSULT"),   // met
      MakeEvent(0, {0, 21}, {0, 1}, "IRQ", "041", "CONSULT"),   // discuss: same act
      MakeEvent(1, {22, 43}, {22, 23}, "IRQ", "040", "CONSULT"),  // the page repeats the sentence
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

}  // namespace
}  // namespace dateline
