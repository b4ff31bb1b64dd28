// Throughput of printing article records (what `dateline code` prints per
// article) on a news-sized article: 20 paragraphs, and the places, dates,
// actors and events a report of that length typically has.
#include <benchmark/benchmark.h>

#include <string>

#include "serve/serve.h"

namespace dateline {
namespace {

CodedArticle NewsRecord() {
  static const char kParagraph[] =
      "The Kurdistan Region\xE2\x80\x99s Minister of Interior, Reber Ahmed, "
      "met with the Deputy Commanding "
      "General of the US-led coalition, Maj. General Karl Harris, on Thursday "
      "in Erbil. Police said gunmen "
      "killed six civilians in an attack on a market in Kirkuk.";
  CodedArticle c;
  c.document.id = "bench-1";
  c.document.input = "bench.jsonl:1";
  c.document.kind = InputKind::kText;
  c.article.title = "Interior minister meets coalition general in Erbil";
  c.article.published = PartialDate{2021, 6, 3};
  for (int p = 0; p < 20; ++p) {
    const size_t start = c.document.content.size();
    c.document.content += kParagraph;
    AppendParagraph(c.article,
                    Paragraph{kParagraph, start, c.document.content.size()});
    c.document.content += "\n\n";
  }
  const size_t n = sizeof kParagraph - 1;
  for (int p = 0; p < 20; ++p) {
    const size_t at = static_cast<size_t>(p) * (n + 2);
    PlaceMention place{
        {at + 166, at + 172},   "Kirkuk", "IQ", "Kirkuk", 35.46806, 44.39222,
        PlacePrecision::kPoint, 94787,    false};
    c.places.push_back(place);
    ActorMention actor;
    actor.span = {at + 38, at + 72};
    actor.actor.country = "IRQ";
    actor.actor.sectors = {"GOV"};
    actor.actor.region = "Kurdistan Region";
    actor.person = "Reber Ahmed";
    actor.rules = {"actors/agents.txt:30 minister", "rule:possessive",
                   "rule:appositive"};
    c.actors.push_back(actor);
    c.actors.push_back(actor);
    DateMention date;
    date.span = {at + 150, at + 158};
    date.value = PartialDate{2021, 6, 3};
    c.dates.push_back(date);
    if (p % 2 == 0) {
      Event e;
      e.cameo = "190";
      e.cameo_name = "Use conventional military force";
      e.plover = Plover::kAssault;
      e.acled = {AcledEventType::kViolenceAgainstCivilians,
                 AcledSubEventType::kAttack};
      e.source = actor;
      e.target = actor;
      e.date = date;
      e.place = place;
      e.fatalities = 6;
      e.modality = Modality::kAsserted;
      e.trigger = "killed";
      e.evidence = {at + 159, at + n};
      e.rules = {"events/verbs.txt:366 kill", "rule:date-in-sentence"};
      c.events.push_back(e);
    }
  }
  return c;
}

void BM_ArticleRecordJsonLine(benchmark::State& state) {
  const CodedArticle c = NewsRecord();
  size_t bytes = 0;
  for (auto _ : state) {
    const std::string line = ArticleRecordJsonLine(c, -1);
    bytes += line.size();
    benchmark::DoNotOptimize(line.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));  // records
}
BENCHMARK(BM_ArticleRecordJsonLine);

}  // namespace
}  // namespace dateline

BENCHMARK_MAIN();
