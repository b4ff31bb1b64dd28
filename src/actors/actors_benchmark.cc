// Throughput of actor matching (dictionary trie walk and composition) on an
// analysed news page (testdata/pages/kirkuk_attack.txt, five times over), with
// the default dictionaries.
#include <benchmark/benchmark.h>

#include <string>

#include "actors/actors.h"
#include "core/table_file.h"
#include "text/text.h"

namespace dateline {
namespace {

void BM_FindActors(benchmark::State& state) {
  auto analyzer = TextAnalyzer::Create(DATELINE_TEST_DATA_DIR);
  if (!analyzer.ok()) {
    state.SkipWithError(analyzer.error().ToString().c_str());
    return;
  }
  auto matcher = ActorMatcher::Create(DATELINE_TEST_DATA_DIR, **analyzer);
  if (!matcher.ok()) {
    state.SkipWithError(matcher.error().ToString().c_str());
    return;
  }
  auto page = ReadFile(DATELINE_TESTDATA_DIR "/pages/kirkuk_attack.txt");
  if (!page.ok()) {
    state.SkipWithError(page.error().ToString().c_str());
    return;
  }
  std::string text;
  for (int i = 0; i < 5; ++i)
    text += *page + "\n\n";  // about an article's length
  const AnalyzedText analyzed = (*analyzer)->Analyze(text);
  const ActorContext context{PartialDate{2021, 6, 3}};
  size_t mentions = 0;
  for (auto _ : state) {
    const std::vector<ActorMention> found =
        (*matcher)->FindActors(analyzed, context);
    mentions += found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * analyzed.sentences.size()),
      benchmark::Counter::kIsRate);
  state.counters["mentions"] =
      static_cast<double>(mentions) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_FindActors)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dateline

BENCHMARK_MAIN();
