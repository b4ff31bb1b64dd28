// Throughput of the coding stages on real news sentences: TextAnalyzer::Analyze
// + ActorMatcher::FindActors + EventCoder::Code with the shipped dictionaries.
// Workloads (read from shared/eval when present, skipped otherwise):
//   plover  the 322 one-sentence texts of events/plover_gsr.jsonl, one text per
//   call; geo     the article texts of geo/dev.jsonl (817 news articles), one
//   article per call.
// Reports sentences/s (per core: the benchmark is single-threaded) and the
// process's peak resident memory in MiB.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "events/events.h"
#include "text/text.h"

namespace dateline {
namespace {

struct Stages {
  std::unique_ptr<TextAnalyzer> analyzer;
  std::unique_ptr<ActorMatcher> actors;
  std::unique_ptr<EventCoder> coder;
  std::string error;
};

const Stages& Load() {
  static const Stages* stages = [] {
    auto* s = new Stages;
    auto analyzer = TextAnalyzer::Create(DATELINE_TEST_DATA_DIR);
    if (!analyzer.ok()) {
      s->error = analyzer.error().ToString();
      return s;
    }
    s->analyzer = std::move(analyzer).value();
    auto actors = ActorMatcher::Create(DATELINE_TEST_DATA_DIR, *s->analyzer);
    auto coder = EventCoder::Create(DATELINE_TEST_DATA_DIR, *s->analyzer);
    if (!actors.ok()) s->error = actors.error().ToString();
    if (!coder.ok()) s->error = coder.error().ToString();
    if (s->error.empty()) {
      s->actors = std::move(actors).value();
      s->coder = std::move(coder).value();
    }
    return s;
  }();
  return *stages;
}

std::vector<std::string> Texts(const std::string& jsonl) {
  std::vector<std::string> out;
  std::ifstream in(std::string(DATELINE_SHARED_DIR) + "/eval/" + jsonl);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("text") && j["text"].is_string())
      out.push_back(j["text"].get<std::string>());
  }
  return out;
}

double PeakMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void Run(benchmark::State& state, const std::string& jsonl) {
  const Stages& s = Load();
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  const std::vector<std::string> texts = Texts(jsonl);
  if (texts.empty()) {
    state.SkipWithError(("no texts in shared/eval/" + jsonl).c_str());
    return;
  }
  size_t sentences = 0, events = 0, bytes = 0;
  for (auto _ : state) {
    for (const std::string& text : texts) {
      AnalyzedText a = s.analyzer->Analyze(text);
      std::vector<ActorMention> mentions = s.actors->FindActors(a, {});
      std::vector<Event> coded = s.coder->Code(a, mentions, {}, {}, {});
      sentences += a.sentences.size();
      events += coded.size();
      bytes += text.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events),
                                                  benchmark::Counter::kIsRate);
  state.counters["peak_MiB"] = PeakMiB();
}

void BM_CodePloverSentences(benchmark::State& state) {
  Run(state, "events/plover_gsr.jsonl");
}
void BM_CodeGeoArticles(benchmark::State& state) {
  Run(state, "geo/dev.jsonl");
}
BENCHMARK(BM_CodePloverSentences)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CodeGeoArticles)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dateline

BENCHMARK_MAIN();
