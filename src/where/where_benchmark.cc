// Benchmarks for where: gazetteer lookups per second and FindPlaces throughput, on the
// built gazetteer (DATELINE_TEST_GAZETTEER; skipped with a message when absent).
#include <benchmark/benchmark.h>

#include <memory>
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
      "Baghdad", "Erbil",  "Paris",    "Springfield", "Kurdistan Region", "Iraqi", "São Paulo",
      "London",  "Mosul",  "Nowhere",  "New York",    "Texas",            "Kirkuk", "al-Anbar"};
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
        "ERBIL, Iraq - Iraqi and Kurdish forces moved on Mosul on Monday after talks in Baghdad, "
        "officials in the Kurdistan Region said. Turkish and Iranian officials met in Ankara and "
        "Tehran, while the United States and France sent advisers to Kirkuk and al-Anbar. "
        "President Barzani told reporters in Duhok that fighting near Sinjar and Tal Afar had "
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
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Article().size()));
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FindPlaces);

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
