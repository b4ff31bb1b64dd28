// libFuzzer target for where's parsers of outside input: the countries table
// (countries_file.h), the gazetteer file reader (a damaged or hostile gazetteer
// must give an Error or wrong answers, never a crash or an out-of-bounds read)
// and the recogniser and resolver on arbitrary text and spans. The first byte
// picks the target. Lookups are run on every image that opens.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "where/countries_file.h"
#include "where/gazetteer_image.h"
#include "where/name_normalizer.h"
#include "where/testing_tokenizer.h"
#include "where/where.h"

namespace {

// A small countries-only gazetteer for the text target, built once.
const dateline::Gazetteer& TextGazetteer() {
  using namespace dateline::where_internal;
  static const dateline::Gazetteer* gazetteer = [] {
    auto countries = ParseCountries(
        "IRQ | IQ | Iraq | Iraqi; Iraqis | Baghdad | 33.0, 44.0\n"
        "FRA | FR | France | French | Paris | 46.0, 2.0\n"
        "USA | US | United States; =US; =U.S. | American; Americans | "
        "Washington | 39.76, -98.5\n",
        "fuzz");
    if (!countries.ok()) __builtin_trap();
    ImageInputs in;
    in.countries = std::move(countries.value());
    in.capitals_as_country_aliases = true;
    auto image = BuildImage(in, nullptr);
    if (!image.ok()) __builtin_trap();
    auto g = OpenImage(image.value(), "fuzz");
    if (!g.ok()) __builtin_trap();
    return g->release();
  }();
  return *gazetteer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > (1 << 20)) return 0;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  using namespace dateline::where_internal;
  switch (data[0] % 4) {
    case 0: {
      auto r = ParseCountries(input, "fuzz");
      (void)r;
      break;
    }
    case 1: {
      // Half the inputs get a correct checksum, so that the fuzzer gets past it
      // to the bounds checks of the reads behind it.
      std::string image = input;
      if (size % 2 == 0 && image.size() >= kHeaderSize) SealImage(&image);
      auto g = OpenImage(std::move(image), "fuzz");
      if (g.ok()) {
        (void)(*g)->LookupEntries("Paris");
        (void)(*g)->Country("IRQ");
        (void)(*g)->IsCommonWord("reading");
      }
      break;
    }
    case 3: {
      // Recognition and resolution of arbitrary text; spans from the input's
      // bytes, some out of range, must never be read outside the text.
      const dateline::AnalyzedText a = dateline::where_testing::Tokenize(input);
      const dateline::PlaceResolver resolver(TextGazetteer());
      dateline::PlaceContext context;
      context.dateline = input.substr(0, std::min<size_t>(input.size(), 24));
      for (const dateline::PlaceMention& p : resolver.FindPlaces(a, context)) {
        if (p.span.end > input.size() || p.span.start > p.span.end)
          __builtin_trap();
      }
      std::vector<dateline::Span> spans;
      for (size_t i = 0; i + 1 < std::min<size_t>(input.size(), 16); i += 2) {
        const size_t s = static_cast<uint8_t>(input[i]) * input.size() / 200;
        spans.push_back({s, s + static_cast<uint8_t>(input[i + 1]) % 32});
      }
      if (resolver.ResolveSpans(a, spans, context).size() != spans.size())
        __builtin_trap();
      break;
    }
    default: {
      // Countries table -> image -> open: the writer's output must always read
      // back.
      auto r = ParseCountries(input, "fuzz");
      if (!r.ok()) break;
      ImageInputs in;
      in.countries = std::move(r.value());
      in.capitals_as_country_aliases = true;
      auto image = BuildImage(in, nullptr);
      if (!image.ok()) break;
      auto g = OpenImage(image.value(), "fuzz");
      if (!g.ok()) __builtin_trap();
      for (const auto& c : in.countries) {
        if ((*g)->Lookup(c.names[0].text).empty() &&
            !NormalizePlaceName(c.names[0].text).empty() &&
            !c.names[0].exact_case) {
          __builtin_trap();
        }
      }
      break;
    }
  }
  return 0;
}
