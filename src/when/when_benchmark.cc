// FindDates throughput on generated news-like text: a mix of sentences with
// absolute, relative and no dates, in the proportions of wire copy (most
// sentences have none). Reports bytes/s and sentences/s.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "when/when.h"

namespace {

const char* const kSentences[] = {
    "Iraqi forces and Kurdish Peshmerga fighters clashed near the disputed "
    "city of "
    "Kirkuk, local officials told reporters.",
    "The Kurdistan Regional Government said on Thursday that talks with "
    "Baghdad would "
    "resume next week.",
    "At least 1,000 families have fled the fighting since the offensive began "
    "in "
    "October 2017, according to the United Nations.",
    "The referendum held on Sept. 25, 2017 was rejected by the federal court.",
    "Turkish warplanes struck suspected PKK positions in the mountains on "
    "Monday night, "
    "the ministry said in a statement.",
    "A spokesman for the coalition declined to comment on the report.",
    "Protesters may march again if salaries are not paid, union leaders "
    "warned.",
    "The minister will travel to Ankara on 14 June 2021 to sign the agreement.",
    "Two soldiers were killed and three wounded when a roadside bomb exploded "
    "two days "
    "ago on the road between Erbil and Mosul.",
    "The camp, built in mid-2014, now hosts more than 20,000 people.",
    "Officials expect the dam repairs to be finished by late next year.",
    "The council met last month and again earlier this week to review the "
    "budget.",
    "Rockets hit the airport, but no casualties were reported.",
    "Security forces arrested 25 suspects in raids across the province.",
};

std::string MakeCorpus(size_t sentences, size_t* count) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<size_t> pick(0, std::size(kSentences) - 1);
  std::string text;
  for (size_t i = 0; i < sentences; ++i) {
    text += kSentences[pick(rng)];
    text += (i % 5 == 4) ? "\n\n" : " ";
  }
  *count = sentences;
  return text;
}

void BM_FindDates(benchmark::State& state) {
  size_t sentences = 0;
  const std::string text =
      MakeCorpus(static_cast<size_t>(state.range(0)), &sentences);
  dateline::DateContext context;
  context.published = dateline::PartialDate{2021, 6, 3};
  size_t mentions = 0;
  for (auto _ : state) {
    auto got = dateline::FindDates(text, context);
    mentions += got.size();
    benchmark::DoNotOptimize(got);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * sentences),
                         benchmark::Counter::kIsRate);
  state.counters["mentions/iter"] =
      static_cast<double>(mentions) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_FindDates)->Arg(40)->Arg(4000);  // an article; a large batch

void BM_ParseDateText(benchmark::State& state) {
  const char* const kInputs[] = {
      "Updated: June 3, 2021 | 10:42 IST", "2021-06-03T10:42:00+03:00",
      "Thursday, 3 June 2021", "Jun 3 2021, 10:42 AM"};
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(dateline::ParseDateText(kInputs[i++ % 4]));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseDateText);

}  // namespace

BENCHMARK_MAIN();
