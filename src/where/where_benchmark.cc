// Benchmarks for where: gazetteer lookups per second and FindPlaces throughput,
// on the built gazetteer (DATELINE_TEST_GAZETTEER; skipped with a message when
// absent), on a made-up article and on the real news articles of the geo
// evaluation set (shared/eval/geo/dev.jsonl; skipped when absent).
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "where/testing_tokenizer.h"
#include "where/where.h"

namespace {

const dateline::Gazetteer* TheGazetteer() {
  static std::unique_ptr<dateline::Gazetteer> g = [] {
    auto r = dateline::Gazetteer::Open(DATELINE_TEST_GAZETTEER);
    return r.ok() ? std::move(r.value()) : nullptr;
  }();
  return g.get();
}

const std::vector<std::string>& Names() {
  static const std::vector<std::string> names = {
      "Baghdad",  "Erbil",     "Paris",  "Springfield", "Kurdistan Region",
      "Iraqi",    "São Paulo", "London", "Mosul",       "Nowhere",
      "New York", "Texas",     "Kirkuk", "al-Anbar"};
  return names;
}

void BM_Lookup(benchmark::State& state) {
  const dateline::Gazetteer* g = TheGazetteer();
  if (g == nullptr) {
    state.SkipWithError("no gazetteer at " DATELINE_TEST_GAZETTEER);
    return;
  }
  size_t i = 0, found = 0;
  for (auto _ : state) {
    found += g->LookupEntries(Names()[i++ % Names().size()]).size();
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_Lookup);

const std::string& Article() {
  static const std::string text = [] {
    const std::string paragraph =
        "ERBIL, Iraq - Iraqi and Kurdish forces moved on Mosul on Monday after "
        "talks in Baghdad, "
        "officials in the Kurdistan Region said. Turkish and Iranian officials "
        "met in Ankara and "
        "Tehran, while the United States and France sent advisers to Kirkuk "
        "and al-Anbar. "
        "President Barzani told reporters in Duhok that fighting near Sinjar "
        "and Tal Afar had "
        "displaced thousands toward Syria.\n\n";
    std::string t;
    for (int i = 0; i < 8; ++i) t += paragraph;
    return t;
  }();
  return text;
}

void BM_FindPlaces(benchmark::State& state) {
  const dateline::Gazetteer* g = TheGazetteer();
  if (g == nullptr) {
    state.SkipWithError("no gazetteer at " DATELINE_TEST_GAZETTEER);
    return;
  }
  const dateline::AnalyzedText a = dateline::where_testing::Tokenize(Article());
  dateline::PlaceResolver resolver(*g);
  dateline::PlaceContext context;
  context.dateline = "ERBIL, Iraq";
  context.actor_countries = {"IRQ", "USA"};
  size_t places = 0;
  for (auto _ : state) places += resolver.FindPlaces(a, context).size();
  benchmark::DoNotOptimize(places);
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * Article().size()));
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FindPlaces);

// The texts of the geo evaluation set: 817 articles from local and
// international news sites (LGL, GeoWebNews), as `dateline code` reads them.
const std::vector<std::string>& GeoArticles() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    std::ifstream in(DATELINE_SHARED_DIR "/eval/geo/dev.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      const nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
      if (doc.is_object() && doc.contains("text") && doc["text"].is_string())
        out.push_back(doc["text"].get<std::string>());
    }
    return out;
  }();
  return texts;
}

// FindPlaces over every article of the geo set per iteration (tokenised once,
// outside the timing, by the testing tokenizer).
void BM_FindPlacesGeoArticles(benchmark::State& state) {
  const dateline::Gazetteer* g = TheGazetteer();
  if (g == nullptr) {
    state.SkipWithError("no gazetteer at " DATELINE_TEST_GAZETTEER);
    return;
  }
  if (GeoArticles().empty()) {
    state.SkipWithError("no geo set at " DATELINE_SHARED_DIR
                        "/eval/geo/dev.jsonl");
    return;
  }
  std::vector<dateline::AnalyzedText> analyzed;
  size_t bytes = 0;
  for (const std::string& text : GeoArticles()) {
    analyzed.push_back(dateline::where_testing::Tokenize(text));
    bytes += text.size();
  }
  const dateline::PlaceResolver resolver(*g);
  size_t places = 0;
  for (auto _ : state) {
    for (const dateline::AnalyzedText& a : analyzed)
      places += resolver.FindPlaces(a, {}).size();
  }
  benchmark::DoNotOptimize(places);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * analyzed.size()),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FindPlacesGeoArticles)->Unit(benchmark::kMillisecond);

void BM_Open(benchmark::State& state) {
  for (auto _ : state) {
    auto g = dateline::Gazetteer::Open(DATELINE_TEST_GAZETTEER);
    if (!g.ok()) {
      state.SkipWithError("no gazetteer");
      return;
    }
    benchmark::DoNotOptimize(g->get());
  }
}
BENCHMARK(BM_Open)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
