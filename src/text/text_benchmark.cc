// Throughput of language analysis (tokens, sentences, lemmas) on news-like
// text.
#include <benchmark/benchmark.h>

#include <string>

#include "text/text.h"

namespace dateline {
namespace {

std::string NewsText(int paragraphs) {
  static const char* const kSentences[] = {
      "The Kurdistan Region\xE2\x80\x99"
      "s Minister of Interior, Reber Ahmed, met with the Deputy Commanding "
      "General of the US-led coalition, Maj. General Karl Harris, on Thursday.",
      "In October 2017, Iraqi forces pushed Peshmerga forces out of the "
      "disputed areas one month after "
      "the Sept. 25, 2017, referendum.",
      "Police said gunmen killed six civilians and wounded 12 others in an "
      "attack on a market in "
      "Kirkuk.",
      "\"We will not accept this,\" the U.S. envoy told reporters in Baghdad.",
  };
  std::string text;
  for (int p = 0; p < paragraphs; ++p) {
    for (int s = 0; s < 3; ++s) {
      text += kSentences[(p + s) % 4];
      text += ' ';
    }
    text += "\n\n";
  }
  return text;
}

void BM_Analyze(benchmark::State& state) {
  auto analyzer = TextAnalyzer::Create(DATELINE_TEST_DATA_DIR);
  if (!analyzer.ok()) {
    state.SkipWithError(analyzer.error().ToString().c_str());
    return;
  }
  const std::string text = NewsText(200);
  size_t sentences = 0;
  for (auto _ : state) {
    AnalyzedText a = (*analyzer)->Analyze(text);
    sentences += a.sentences.size();
    benchmark::DoNotOptimize(a.tokens.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dateline

BENCHMARK_MAIN();
