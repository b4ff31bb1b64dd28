// Whole-pipeline throughput (extraction, analysis, actors, dates, places,
// events, dedup) on named workloads, reported as articles/s and sentences/s per
// core, with the process's peak resident memory.
//
// Workloads:
//   testdata_pages  the golden pages in testdata/pages (always available)
//   news_text       the 817 news articles of shared/eval/geo/dev.jsonl, as
//   plain text html_pages      the 126 real HTML pages of
//   shared/eval/extraction/html
// The shared workloads are skipped when shared/ is absent.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/table_file.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

const Pipeline* SharedPipeline() {
  static const Pipeline* pipeline = [] {
    PipelineOptions options;
    options.data_dir = DATELINE_TEST_DATA_DIR;
    if (fs::exists(DATELINE_TEST_GAZETTEER))
      options.gazetteer_file = DATELINE_TEST_GAZETTEER;
    auto created = Pipeline::Create(options);
    return created.ok() ? std::move(created).value().release() : nullptr;
  }();
  return pipeline;
}

std::vector<Document> ReadDocuments(const std::vector<std::string>& paths) {
  std::vector<Document> docs;
  ReadInputs(paths, {}, [&](Result<Document> d) {
    if (d.ok()) docs.push_back(std::move(d).value());
  });
  return docs;
}

std::vector<Document> NewsText() {
  std::vector<Document> docs;
  std::ifstream in(std::string(DATELINE_SHARED_DIR) + "/eval/geo/dev.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text")) continue;
    Document d;
    d.id = std::to_string(docs.size());
    d.kind = InputKind::kText;
    d.content = j["text"].get<std::string>();
    docs.push_back(std::move(d));
  }
  return docs;
}

void RunWorkload(benchmark::State& state, const std::vector<Document>& docs) {
  const Pipeline* pipeline = SharedPipeline();
  if (!pipeline) {
    state.SkipWithError("pipeline did not start (data files)");
    return;
  }
  if (docs.empty()) {
    state.SkipWithError("workload not available (shared/ absent?)");
    return;
  }
  size_t articles = 0, sentences = 0, events = 0, bytes = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      auto coded = pipeline->Code(d);
      if (!coded.ok()) continue;
      ++articles;
      sentences += coded->sentence_count;
      events += coded->events.size();
      bytes += d.content.size();
    }
  }
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(articles), benchmark::Counter::kIsRate);
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events/article"] =
      articles ? static_cast<double>(events) / static_cast<double>(articles)
               : 0.0;
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MiB"] =
      static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void BM_TestdataPages(benchmark::State& state) {
  static const std::vector<Document> docs =
      ReadDocuments({DATELINE_TESTDATA_DIR "/pages/kirkuk_attack.txt"});
  RunWorkload(state, docs);
}
BENCHMARK(BM_TestdataPages)
    ->Name("testdata_pages")
    ->Unit(benchmark::kMicrosecond);

void BM_NewsText(benchmark::State& state) {
  static const std::vector<Document> docs = NewsText();
  RunWorkload(state, docs);
}
BENCHMARK(BM_NewsText)->Name("news_text")->Unit(benchmark::kMillisecond);

void BM_HtmlPages(benchmark::State& state) {
  static const std::vector<Document> docs = ReadDocuments(
      {std::string(DATELINE_SHARED_DIR) + "/eval/extraction/html"});
  RunWorkload(state, docs);
}
BENCHMARK(BM_HtmlPages)->Name("html_pages")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dateline

BENCHMARK_MAIN();
