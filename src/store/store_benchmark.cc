// Store throughput: Put of news-sized articles with 5 events each into a
// database file (new ids, and re-puts that are skipped as unchanged), and the
// latency of the event queries the CLI and the HTTP API run, on a store of
// 20,000 articles.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "store/store.h"
#include "store/store_testing.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

using store_testing::TempDir;

const char* const kCountries[] = {"IRQ", "SYR", "TUR", "IRN",
                                  "USA", "IMG", "NGA", "MLI"};
const char* const kPlovers[] = {"CONSULT", "AID", "FIGHT", "PROTEST",
                                "ASSAULT"};
const char* const kCameos[] = {"040", "070", "190", "141", "182"};

// Article `n`: five paragraphs of about 200 bytes, an event in each, published
// on one of 1,000 days from 2019-01-01.
CodedArticle SyntheticArticle(long n) {
  CodedArticle c;
  c.document.id = "bench-" + std::to_string(n);
  c.document.url = "https://example.org/news/" + std::to_string(n);
  c.document.input = "bench.jsonl:" + std::to_string(n + 1);
  c.article.title =
      "Officials meet to discuss security in the region, report " +
      std::to_string(n);
  c.article.section = "Security";
  c.article.authors = {"Staff writer"};
  c.article.tags = {"Security", "Iraq"};
  c.article.published = CivilFromDays(DaysFromCivil(2019, 1, 1) + n % 1000);
  std::string content;
  for (int p = 0; p < 5; ++p) {
    Paragraph para;
    para.text = "Paragraph " + std::to_string(p) + " of report " +
                std::to_string(n) +
                ": the interior minister met the coalition's deputy commander "
                "in Erbil to "
                "discuss coordination between the army and regional forces, "
                "officials said, "
                "adding that further talks are planned for next month.";
    para.start = content.size();
    content += para.text;
    para.end = content.size();
    content += "\n\n";
    AppendParagraph(c.article, para);
  }
  c.document.content = content;
  for (int i = 0; i < 5; ++i) {
    const Paragraph& para = c.article.paragraphs[static_cast<size_t>(i)];
    ActorMention source, target;
    source.span = Span{para.body_start + 40, para.body_start + 57};
    source.text = "interior minister";
    source.actor.country = kCountries[(n + i) % 8];
    source.actor.sectors = {"GOV"};
    source.rules = {"actors/roles.txt:10 minister"};
    target.span = Span{para.body_start + 66, para.body_start + 83};
    target.text = "coalition's deputy";
    target.actor.country = kCountries[(n + i + 3) % 8];
    target.actor.sectors = {"MIL"};
    c.actors.push_back(source);
    c.actors.push_back(target);
    Event e;
    e.cameo = kCameos[(n + i) % 5];
    e.cameo_name = "name of " + e.cameo;
    e.plover = *ParsePlover(kPlovers[(n + i) % 5]);
    e.source = source;
    e.target = target;
    if (i % 2 == 0) {
      DateMention d;
      d.span = Span{para.body_start, para.body_start + 9};
      d.text = "last week";
      d.value = CivilFromDays(DaysFromCivil(2019, 1, 1) + n % 1000 - 7);
      e.date = d;
      c.dates.push_back(d);
    }
    PlaceMention place;
    place.name = "Erbil";
    place.country = "IQ";
    place.lat = 36.19;
    place.lon = 44.01;
    place.precision = PlacePrecision::kPoint;
    place.geonameid = 95446;
    e.place = place;
    e.modality = Modality::kAsserted;
    e.evidence = Span{para.body_start, para.body_start + para.text.size()};
    e.sentence = static_cast<size_t>(i);
    e.trigger = "met";
    e.rules = {"events/verbs.txt:40 meet"};
    c.events.push_back(e);
  }
  return c;
}

void BM_PutNew(benchmark::State& state) {
  TempDir dir;
  auto store = Store::Open(dir.File("bench.db"));
  if (!dir.ok() || !store.ok()) {
    state.SkipWithError("cannot open a temp store");
    return;
  }
  long n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const CodedArticle c = SyntheticArticle(n++);
    state.ResumeTiming();
    auto put = (*store)->Put(c);
    if (!put.ok()) {
      state.SkipWithError(put.error().ToString().c_str());
      return;
    }
  }
  state.SetItemsProcessed(state.iterations());  // articles
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(n * 5),
                                                  benchmark::Counter::kIsRate);
  std::error_code ec;
  const auto bytes = fs::file_size(dir.File("bench.db"), ec) +
                     fs::file_size(dir.File("bench.db-wal"), ec);
  state.counters["db_bytes/article"] =
      static_cast<double>(bytes) / static_cast<double>(n);
}
BENCHMARK(BM_PutNew)->Unit(benchmark::kMicrosecond);

void BM_PutUnchanged(benchmark::State& state) {
  TempDir dir;
  auto store = Store::Open(dir.File("bench.db"));
  if (!dir.ok() || !store.ok()) {
    state.SkipWithError("cannot open a temp store");
    return;
  }
  std::vector<CodedArticle> articles;
  for (long n = 0; n < 100; ++n) {
    articles.push_back(SyntheticArticle(n));
    (void)(*store)->Put(articles.back());
  }
  size_t i = 0;
  for (auto _ : state) {
    auto put = (*store)->Put(articles[i++ % articles.size()]);
    if (!put.ok() || *put != PutOutcome::kUnchanged) {
      state.SkipWithError("expected kUnchanged");
      return;
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PutUnchanged)->Unit(benchmark::kMicrosecond);

// One populated store shared by the query benchmarks (built on first use).
struct QueryFixture {
  static constexpr long kArticles = 20000;
  TempDir dir;
  std::unique_ptr<Store> store;
  QueryFixture() {
    auto opened = Store::Open(dir.File("bench.db"));
    if (!opened.ok()) return;
    store = std::move(opened).value();
    for (long n = 0; n < kArticles; ++n) {
      if (!store->Put(SyntheticArticle(n)).ok()) {
        store.reset();
        return;
      }
    }
  }
  // A function-local static, so that at exit the store closes and then the temp
  // directory is removed (members go in reverse order).
  static QueryFixture& Get() {
    static QueryFixture fixture;
    return fixture;
  }
};

void RunQuery(benchmark::State& state, const EventQuery& query) {
  QueryFixture& f = QueryFixture::Get();
  if (!f.store) {
    state.SkipWithError("cannot build the query store");
    return;
  }
  size_t rows = 0;
  for (auto _ : state) {
    auto r = f.store->QueryEvents(query);
    if (!r.ok()) {
      state.SkipWithError(r.error().ToString().c_str());
      return;
    }
    rows += r->size();
  }
  state.counters["rows"] =
      static_cast<double>(rows) / static_cast<double>(state.iterations());
}

void BM_QueryArticle(benchmark::State& state) {
  RunQuery(state, {.article_id = "bench-12345"});
}
void BM_QueryCountry100(benchmark::State& state) {
  RunQuery(state, {.country = "SYR", .limit = 100});
}
void BM_QueryOneDay(benchmark::State& state) {
  RunQuery(state, {.since = "2020-03-15", .until = "2020-03-15"});
}
void BM_QueryMonthPlover(benchmark::State& state) {
  RunQuery(state, {.since = "2020-03", .until = "2020-03", .plover = "FIGHT"});
}
void BM_QueryCameoPrefix100(benchmark::State& state) {
  RunQuery(state, {.cameo = "19", .limit = 100});
}
void BM_QueryAll1000(benchmark::State& state) {
  RunQuery(state, {.limit = 1000});
}
void BM_QueryCountryYear1000(benchmark::State& state) {
  RunQuery(state, {.country = "IRQ", .since = "2020", .until = "2020"});
}
BENCHMARK(BM_QueryArticle)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QueryCountry100)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QueryOneDay)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QueryMonthPlover)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QueryCameoPrefix100)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QueryAll1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QueryCountryYear1000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace dateline

BENCHMARK_MAIN();
