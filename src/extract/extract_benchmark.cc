// Extraction throughput. Workloads:
//   BM_ExtractHtmlSet   — the 126 pages of the shared HTML benchmark set
//   (skipped when the
//                         shared folder is absent); reports pages/s and
//                         bytes/s.
//   BM_ExtractPageText  — a synthetic scraped page of furniture and prose
//   lines.
// Each also reports the process's peak resident memory so far (peak_rss_MiB; it
// includes the loaded set).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "ingest/ingest.h"

namespace {

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) /
         1024.0;  // ru_maxrss is in KiB on Linux
}

std::vector<dateline::Document> LoadHtmlSet() {
  std::string shared = DATELINE_SHARED_DIR;
  if (const char* env = std::getenv("DATELINE_SHARED")) shared = env;
  std::vector<dateline::Document> docs;
  dateline::ReadInputs({shared + "/eval/extraction/html"}, {},
                       [&](dateline::Result<dateline::Document> d) {
                         if (d.ok()) docs.push_back(std::move(d).value());
                       });
  return docs;
}

void BM_ExtractHtmlSet(benchmark::State& state) {
  static const std::vector<dateline::Document> docs = LoadHtmlSet();
  if (docs.empty()) {
    state.SkipWithError("shared HTML set absent");
    return;
  }
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.content.size();
  for (auto _ : state) {
    for (const auto& d : docs) {
      auto r = dateline::ExtractArticle(d);
      benchmark::DoNotOptimize(r);
    }
  }
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(docs.size() * state.iterations()),
                         benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes * state.iterations()));
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}
BENCHMARK(BM_ExtractHtmlSet)->Unit(benchmark::kMillisecond);

void BM_ExtractPageText(benchmark::State& state) {
  dateline::Document d;
  d.kind = dateline::InputKind::kPageText;
  d.content =
      "World\n\nLeaders meet to discuss the ceasefire in the north\n\nBy Jane "
      "Doe\n";
  for (int i = 0; i < 40; ++i) {
    d.content +=
        "\nOfficials said on Tuesday that talks would continue, and that both "
        "sides had "
        "agreed to exchange prisoners before the end of the month.\n\nRead "
        "More: story " +
        std::to_string(i) + "\n";
  }
  d.content +=
      "\n\xC2\xA9 2021 Example\nAll Rights Reserved\nApp Store Google Play\n";
  for (auto _ : state) {
    auto r = dateline::ExtractArticle(d);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(d.content.size() * state.iterations()));
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}
BENCHMARK(BM_ExtractPageText);

}  // namespace

BENCHMARK_MAIN();
